"""``geomap gazetteer``: build the index, show what it holds, import GeoNames dump files."""

from __future__ import annotations

import json
import sys

from ._common import (
    add_gazetteer_options,
    counted,
    country_option,
    gazetteer_from_args,
    print_table,
)


def add_parser(sub) -> None:
    p = sub.add_parser("gazetteer", help="build, inspect or extend the offline gazetteer",
                       description="Build, inspect or extend the offline gazetteer.")
    gsub = p.add_subparsers(dest="gazetteer_command", metavar="ACTION", required=True)

    b = gsub.add_parser("build", help="build the index now (otherwise built on first use)")
    add_gazetteer_options(b)
    b.set_defaults(func=run_build)

    i = gsub.add_parser(
        "import",
        help="add places from GeoNames dump files (UA.txt, UA.zip from geonames.org)",
        description="Add places from GeoNames dump files (the tab-separated country files of "
        "geonames.org, .txt or .zip). Places already known by GeoNames id are skipped; malformed "
        "lines are reported with their line number.",
    )
    i.add_argument("files", nargs="+", metavar="FILE")
    i.add_argument("--json", action="store_true", help="print a JSON report on stdout")
    add_gazetteer_options(i)
    i.set_defaults(func=run_import)

    s = gsub.add_parser("search", help="list the candidates for a name, best first")
    s.add_argument("name")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--country", metavar="CODE",
                   help="only places in this country: ISO2 or ISO3 code, or its name")
    add_gazetteer_options(s)
    s.set_defaults(func=run_search)

    r = gsub.add_parser("reverse", help="the division and country containing a point")
    r.add_argument("lat", type=float)
    r.add_argument("lon", type=float)
    add_gazetteer_options(r)
    r.set_defaults(func=run_reverse)


def run_build(args) -> int:
    gaz = gazetteer_from_args(args)
    print(f"{gaz.index_path} ({counted(len(gaz), 'place')})", file=sys.stderr)
    return 0


def run_import(args) -> int:
    from ..gazetteer import import_geonames_dump

    gaz = gazetteer_from_args(args)
    reports = [import_geonames_dump(f, gaz) for f in args.files]
    if args.json:
        json.dump({"files": [{"path": r.path, "rows": r.rows, "added": r.added,
                              "skipped": r.skipped, "rejected": r.rejected,
                              "rejects": [{"line": ln, "reason": why} for ln, why, _ in r.rejects]}
                             for r in reports]}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table([(r.path, r.rows, r.added, r.skipped, r.rejected) for r in reports],
                    ("file", "rows", "added", "already known", "rejected"), file=sys.stderr)
        for r in reports:
            for ln, why, _raw in r.rejects[:20]:
                print(f"{r.path}:{ln}: {why}", file=sys.stderr)
    return 0


def run_search(args) -> int:
    gaz = gazetteer_from_args(args)
    cands = gaz.search(args.name, country=country_option(args.country, gaz), limit=args.limit)
    print_table([(c.place.name, c.place.feature, c.place.country, c.place.admin1, c.place.lat,
                  c.place.lon, c.place.population, c.match, f"{c.score:.2f}") for c in cands],
                ("name", "feature", "country", "admin1", "lat", "lon", "population", "match",
                 "score"))
    return 0


def run_reverse(args) -> int:
    gaz = gazetteer_from_args(args)
    place = gaz.reverse(args.lat, args.lon)
    if place is None:
        print("no division or country at that point", file=sys.stderr)
        return 0
    print_table([(place.name, place.feature, place.country, place.disputed)],
                ("place", "feature", "country", "disputed"))
    return 0
