"""``geomap geocode NAME...``: look names up (offline gazetteer by default, or a geopy service)."""

from __future__ import annotations

import json
import sys

from ..exceptions import InputError
from ._common import (
    add_gazetteer_options,
    counted,
    country_option,
    gazetteer_from_args,
    print_table,
)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "geocode",
        help="look up place names and free-form place descriptions",
        description="Look up places in the offline gazetteer (default) or an online geopy "
        "service. A query is parsed: 'Kitchanga village (Masisi, North Kivu)' answers the most "
        "specific place it names that agrees with the rest, or the enclosing unit when that "
        "place is unknown. Prints a table, or with --json a JSON list on stdout (one object per "
        "query, in order, with geo_precision: exact, near, admin2, admin1, country, unknown, "
        "and matched_text). Exit status 0 when every query was looked up, found or not.",
    )
    p.add_argument("queries", nargs="*", metavar="QUERY",
                   help='a place name or description ("Kursk region", "Lebedyn, Sumy Oblast", '
                   '"outskirts of Gulu")')
    p.add_argument("-i", "--input", metavar="FILE",
                   help="read queries from FILE, one a line ('-': standard input); answered "
                   "after the QUERY arguments, a blank line answers 'not found'")
    p.add_argument("--json", action="store_true", help="print JSON on stdout")
    p.add_argument("--country", metavar="CODE",
                   help="only places in this country: ISO2 or ISO3 code, or its name")
    p.add_argument("--feature", action="append",
                   choices=["country", "admin1", "admin2", "populated_place", "region", "other"],
                   help="only these feature classes (repeatable)")
    s = p.add_argument_group("online service (optional)")
    s.add_argument("--service", metavar="NAME",
                   help="a geopy geocoder (nominatim, photon, geonames, arcgis...); cached, "
                   "rate-limited, with the offline gazetteer as fallback")
    s.add_argument("--service-option", action="append", default=[], metavar="KEY=VALUE",
                   help="an option for the service (user_agent=..., country_codes=ua); repeatable")
    s.add_argument("--min-delay", type=float, metavar="SECONDS",
                   help="seconds between requests (default 1)")
    s.add_argument("--offline", action="store_true",
                   help="answer online queries from the cache only, never call the service")
    add_gazetteer_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..geocoding import OfflineGeocoder, make_geocoder, parse_service_options

    queries = list(args.queries)
    if queries and not any(q.strip() for q in queries) and not args.input:
        raise InputError("empty query: give a place name")
    # among others, an empty query is answered "not found" in its place, like --input's blank lines
    if args.input:
        queries += _read_queries(args.input)
    if not queries:
        raise InputError("no query: give a place name or --input FILE")
    gaz = gazetteer_from_args(args)
    offline = OfflineGeocoder(gaz, country=country_option(args.country, gaz),
                              feature=tuple(args.feature) if args.feature else None)
    geocoder = make_geocoder(
        args.service, options=parse_service_options(args.service_option),
        cache_dir=args.cache_dir, fallback=offline, reverse=gaz.reverse,
        min_delay=args.min_delay, offline=args.offline,
    )
    try:
        results = [geocoder.geocode(q) if q.strip() else _not_found(q, geocoder)
                   for q in queries]
    finally:
        close = getattr(geocoder, "close", None)
        if close and geocoder is not offline:
            close()
    if args.json:
        json.dump([r.to_json() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = []
    for r in results:
        p = r.place
        if p is None:
            hint = ("did you mean: " + ", ".join(r.suggestions)) if r.suggestions else \
                r.note or ""
            rows.append((r.query, "not found", "", "", "", "", "unknown", hint))
        else:
            note = r.match or ""
            if r.unresolved:
                note += f"; not found: {', '.join(r.unresolved)}"
            if r.note:  # a coordinate pair: how it was read, the nearest town
                note += f"; {r.note}"
            rows.append((r.query, p.name + (" (disputed)" if p.disputed else ""), p.feature,
                         p.country, f"{p.lat:.4f}", f"{p.lon:.4f}", r.precision, note))
    print_table(rows, ("query", "place", "feature", "country", "lat", "lon", "precision",
                       "match"))
    return 0


def _read_queries(path: str) -> list[str]:
    """Queries of a file, one a line, decoded as article texts are (BOMs, UTF-8, legacy code
    pages such as cp1251, with a note on stderr). A binary file is an error naming it; a UTF-8
    file with a few stray bytes keeps its lines, the bytes replaced, and says how many lines."""
    from .._encoding import decode_text

    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read queries from {path}: {exc.strerror}") from exc
    try:
        decoded = decode_text(data, name)
    except InputError as exc:
        lines = data.splitlines()
        bad = sum(1 for line in lines if not _utf8(line))
        if b"\x00" in data or not lines or bad > max(1, len(lines) // 10):
            raise InputError(f"{exc}: no query read ({counted(len(data), 'byte')}, "
                             f"{counted(len(lines), 'line')})") from None
        print(f"geomap: {name}: {counted(bad, 'line')} not valid UTF-8 (bytes replaced)",
              file=sys.stderr)
        return data.decode("utf-8", errors="replace").splitlines()
    queries = decoded.text.splitlines()
    if decoded.legacy:
        print(f"geomap: {decoded.note(name)}: {counted(len(queries), 'line')}", file=sys.stderr)
    return queries


def _utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _not_found(query: str, geocoder):
    from ..geocoding import GeocodeResult

    return GeocodeResult(query=query, place=None, source=getattr(geocoder, "source", "gazetteer"),
                         geo_precision="unknown")
