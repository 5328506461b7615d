"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .._plural import counted

__all__ = [
    "add_de_facto_option",
    "add_focus_option",
    "add_gazetteer_options",
    "add_language_option",
    "counted",
    "country_option",
    "focus_from_args",
    "gazetteer_from_args",
    "language_from_args",
    "other_language_note",
    "print_table",
]


def add_gazetteer_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("gazetteer")
    g.add_argument("--cache-dir", metavar="DIR",
                   help="where indexes and caches are built (default: $GEOMAP_CACHE_DIR or the "
                   "user cache folder)")
    add_de_facto_option(g)


def add_de_facto_option(p) -> None:
    """``--de-facto``: on every command that reads places or event records."""
    p.add_argument("--de-facto", action="store_true",
                   help="report the country in de-facto control of disputed territory (Crimea -> "
                   "RU) instead of internationally recognised borders, for places, text "
                   "events and event records alike")


def add_language_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("auto", "en", "uk", "ru"), default="auto",
                   help="the texts' language (default auto: detected per document from its "
                   "letters, see geomap.lang; a text in another language is read with the "
                   "nearest rules and reported)")


def add_focus_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--focus-country", metavar="CC",
                   help="ISO code of the country the texts are mostly about (UA for Ukrainian "
                   "war reports): an ambiguous name a text leaves unplaced (\"Uglegorsk\" alone "
                   "in a headline) leans to its place there; a hint, not a filter")


def focus_from_args(args: argparse.Namespace) -> str | None:
    """The ``--focus-country`` code, checked (UsageError for anything but two letters)."""
    from ..exceptions import UsageError
    from ..geoparse import focus_code

    try:
        return focus_code(getattr(args, "focus_country", None))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def language_from_args(args: argparse.Namespace) -> str | None:
    """The forced language code of ``--lang``, None for auto (or a command without it)."""
    lang = getattr(args, "lang", "auto")
    return None if lang == "auto" else lang


def other_language_note(ids: Sequence[str], *, total: int | None = None, file=None) -> None:
    """One stderr line naming the documents read with another language's rules."""
    n = len(ids) if total is None else total
    if n:
        more = ", ..." if n > len(ids[:20]) else ""
        print(f"geomap: {counted(n, 'document')} not in English, Ukrainian or "
              f"Russian, read with the nearest rules: {', '.join(ids[:20])}{more}",
              file=file or sys.stderr)


def gazetteer_from_args(args: argparse.Namespace):
    from ..gazetteer import Gazetteer

    return Gazetteer(cache_dir=args.cache_dir, de_facto=args.de_facto)


def country_option(value: str | None, gaz) -> str | None:
    """The ISO2 code a ``--country`` value names: an ISO2 or ISO3 code ("ua", "UKR") or a
    country's name in any language the gazetteer knows ("Ukraine", "Україна").

    Raises
    ------
    UsageError
        For a value that names no country ("XX", "Kharkiv"); near misses are suggested.
    """
    from ..events.readers._countries import country_to_iso2
    from ..exceptions import UsageError
    from ..geocoding.freeform import geocode_freeform

    if value is None:
        return None
    code = country_to_iso2(value)
    if code is None and value.strip():
        found = geocode_freeform(value, gaz, feature="country")
        if found.place is not None and found.match != "fuzzy":
            code = found.place.country
        elif found.place is not None:
            raise UsageError(f"unknown country {value!r}: did you mean {found.place.name!r} "
                             f"({found.place.country})?")
    if code is None:
        raise UsageError(f"unknown country {value!r}: give an ISO 3166 code (UA, UKR) or a "
                         "country name (Ukraine)")
    return code


def print_table(rows: Sequence[Sequence[object]], headers: Sequence[str], file=None) -> None:
    """Print an aligned plain-text table."""
    file = file or sys.stdout
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, r, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*headers).rstrip(), file=file)
    print(fmt.format(*("-" * w for w in widths)).rstrip(), file=file)
    for r in cells:
        print(fmt.format(*r).rstrip(), file=file)
