"""``geomap versions``: print the versions of geomap and its geo stack."""

from __future__ import annotations

import json
import sys


def add_parser(sub) -> None:
    p = sub.add_parser(
        "versions", help="print versions of geomap and its geo stack (for bug reports)",
        description="Print the versions of geomap, Python, the geo stack (geopandas, shapely, "
        "pyogrio, pyproj, folium, geopy...) and the GEOS, GDAL and PROJ libraries. Paste this "
        "into bug reports.")
    p.add_argument("--json", action="store_true", help="print a JSON object on stdout")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..versions import show_versions, versions

    if args.json:
        json.dump(versions(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        show_versions()
    return 0
