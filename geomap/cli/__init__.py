"""The ``geomap`` command line: one module per subcommand, each with ``add_parser`` and ``run``.

Machine-readable output (``--json``) goes alone to stdout; progress and messages go to stderr.
Exit status: 0 on success, 1 on a geomap error (one clear line on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..exceptions import GeomapError

__all__ = ["main"]

#: Subcommand modules under geomap.cli, in the order --help lists them.
COMMANDS: tuple[str, ...] = (
    "map",
    "export",
    "events",
    "join",
    "geoparse",
    "run",
    "geocode",
    "gazetteer",
    "versions",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geomap",
        description=(
            "Turn conflict news into maps: find place mentions in articles, resolve them with an "
            "offline gazetteer, and write self-contained HTML maps and GeoJSON."
        ),
        epilog="Run 'geomap COMMAND --help' for a command's options. Place data: GeoNames "
        "(CC BY 4.0), Natural Earth (public domain).",
    )
    parser.add_argument("--version", action="version", version=f"geomap {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more messages on stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
        module.add_parser(sub)
    return parser


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("geomap: %(message)s"))
    root = logging.getLogger("geomap")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geomap`` console script and ``python -m geomap``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    _configure_logging(args.verbose, args.quiet)
    try:
        return int(args.func(args) or 0)
    except GeomapError as exc:
        print(f"geomap: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geomap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
