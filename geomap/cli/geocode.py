"""``geomap geocode NAME...``: look names up (offline gazetteer by default, or a geopy service)."""

from __future__ import annotations

import json
import sys

from ..exceptions import InputError
from ._common import add_gazetteer_options, gazetteer_from_args, print_table


def add_parser(sub) -> None:
    p = sub.add_parser(
        "geocode",
        help="look up place names",
        description="Look up place names in the offline gazetteer (default) or an online geopy "
        "service. Prints a table, or with --json a JSON list on stdout (one object per query, in "
        "order). Exit status 0 when every query was looked up, found or not.",
    )
    p.add_argument("queries", nargs="+", metavar="NAME", help='a place name ("Kursk region")')
    p.add_argument("--json", action="store_true", help="print JSON on stdout")
    p.add_argument("--country", metavar="ISO2", help="only places in this country")
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

    for q in args.queries:
        if not q.strip():
            raise InputError("empty query: give a place name")
    gaz = gazetteer_from_args(args)
    offline = OfflineGeocoder(gaz, country=args.country,
                              feature=tuple(args.feature) if args.feature else None)
    geocoder = make_geocoder(
        args.service, options=parse_service_options(args.service_option),
        cache_dir=args.cache_dir, fallback=offline, reverse=gaz.reverse,
        min_delay=args.min_delay, offline=args.offline,
    )
    try:
        results = [geocoder.geocode(q) for q in args.queries]
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
            hint = ("did you mean: " + ", ".join(r.suggestions)) if r.suggestions else ""
            rows.append((r.query, "not found", "", "", "", "", hint))
        else:
            rows.append((r.query, p.name + (" (disputed)" if p.disputed else ""), p.feature,
                         p.country, f"{p.lat:.4f}", f"{p.lon:.4f}", r.match))
    print_table(rows, ("query", "place", "feature", "country", "lat", "lon", "match"))
    return 0
