"""The ``geomap`` command line: one module per subcommand, each with ``add_parser`` and ``run``.

Machine-readable output (``--json``) goes alone to stdout; progress and messages go to stderr.
Exit status: 0 when anything was read and processed, 1 when nothing could be read (or another
geomap error: one clear line on stderr, never a traceback), 2 for a usage error (a bad option or
option value). A missing optional module is one line naming what to install.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..exceptions import GeomapError, UsageError

__all__ = ["main", "missing_module_message"]

#: Python modules geomap may import only for some options -> what to pip install for them.
OPTIONAL: dict[str, str] = {
    "dask": "dask[distributed]", "distributed": "dask[distributed]",
    "dask_geopandas": "dask-geopandas", "psutil": "psutil", "selenium": "selenium",
    "feedparser": "feedparser", "charset_normalizer": "charset-normalizer",
    "openpyxl": "openpyxl", "pyarrow": "pyarrow",
}


def missing_module_message(exc: ModuleNotFoundError) -> str:
    """One line naming the missing module and what to install for it."""
    name = (exc.name or str(exc)).split(".")[0]
    package = OPTIONAL.get(name, name.replace("_", "-"))
    return (f"the Python module {name!r} is not installed: install it with "
            f"'pip install {package}' (or reinstall geomap: 'make map' installs everything the "
            "README shows)")

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


class _Parser(argparse.ArgumentParser):
    """No abbreviated options: "--date" must not silently mean "--date-order" or "--date-col"
    (subcommand parsers are made of the same class, so the rule holds at every level)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    # geopy logs every retry of an unreachable service with its traceback (Python's last-resort
    # handler prints them); geomap says in one line what failed, so they show with -vv only
    geopy = logging.getLogger("geopy")
    geopy.handlers[:] = [handler if verbose > 1 else logging.NullHandler()]
    geopy.propagate = False


class _ErrorsOnly(io.TextIOBase):
    """stderr under ``-q``: only the lines that report an error ("geomap: error: ...") pass;
    progress bars, count tables, notes and warnings are dropped, whoever writes them (each
    command's messages, tqdm, Python warnings)."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self._line = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._line += text
        while "\n" in self._line:
            line, self._line = self._line.split("\n", 1)
            if "error:" in line[:40]:
                self._stream.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``geomap`` console script and ``python -m geomap``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    _configure_logging(args.verbose, args.quiet)
    quiet = contextlib.redirect_stderr(_ErrorsOnly(sys.stderr)) if args.quiet else \
        contextlib.nullcontext()
    try:
        with quiet:
            return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"geomap {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as exc:
        print(f"geomap: error: {missing_module_message(exc)}", file=sys.stderr)
        return 1
    except GeomapError as exc:
        print(f"geomap: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geomap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
