"""``geomap export INPUT -o FILE``: a geomap GeoJSON or any event file, as GeoJSON, GeoPackage,
GeoParquet or CSV (WKT), the format chosen by FILE's extension."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ._common import counted


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export",
        help="convert mentions or events to GeoJSON, GeoPackage, GeoParquet or CSV",
        description="Read INPUT (a .geojson written by geomap, or any event file geomap reads: "
        "ACLED, UCDP, GDELT, generic CSV/XLSX/GeoJSON) and write it to FILE in the format its "
        "extension names: .geojson (RFC 7946), .gpkg, .parquet (GeoParquet) or .csv (WKT "
        "geometry column). Every row is kept; a row located only to a country or a "
        "first-level division takes its outline as geometry (lat / lon keep its point); event "
        "files' rejected rows go to FILE's stem + .rejects.csv.",
    )
    p.add_argument("input", metavar="INPUT")
    p.add_argument("-o", "--out", required=True, metavar="FILE",
                   help="output file (.geojson, .gpkg, .parquet, .csv)")
    p.add_argument("--json", action="store_true", help="print a JSON report on stdout")
    from ._common import add_de_facto_option

    add_de_facto_option(p)
    p.set_defaults(func=run)


def _is_geomap_geojson(path: Path) -> str | None:
    """The table kind ("events", "mentions") of a GeoJSON geomap wrote, else None."""
    if path.suffix.lower() not in (".geojson", ".json"):
        return None
    with open(path, encoding="utf-8") as fh:
        head = fh.read(4096)
    marker = '"generator":"geomap' if '"generator":"geomap' in head.replace(" ", "") else None
    if not marker:
        return None
    compact = head.replace(" ", "")
    for kind in ("events", "mentions"):
        if f'"table":"{kind}"' in compact:
            return kind
    return "table"


def run(args) -> int:
    import geopandas as gpd

    from .._atomic import atomic_csv
    from ..events.read import read_events
    from ..exceptions import InputError, UsageError
    from ..export import format_for, table_metadata, with_areas, write_table

    src, out = Path(args.input), Path(args.out)
    try:
        fmt = format_for(out)
    except InputError as exc:  # a bad option value: exit status 2, as for events read
        raise UsageError(str(exc)) from exc
    if not src.exists():
        raise InputError(f"{src}: no such file")
    kind = _is_geomap_geojson(src)
    rejected = 0
    if kind:
        gdf = gpd.read_file(src)
        if gdf.crs is None:
            gdf = gdf.set_crs("EPSG:4326")
        if kind == "events" and getattr(args, "de_facto", False):
            from ..events.territory import mark_territory

            gdf = mark_territory(gdf, de_facto=True)
    else:
        result = read_events(src, de_facto=getattr(args, "de_facto", False))
        gdf, kind, rejected = result.events, "events", result.rejected
        if rejected:
            atomic_csv(result.rejects, out.with_name(f"{out.stem}.rejects.csv"))
    # countries and admin-1 units as their areas (as on the map), lat / lon keep the point
    write_table(with_areas(gdf), out, format=fmt, metadata=table_metadata(gdf, kind=kind))
    if args.json:
        json.dump({"input": str(src), "output": str(out), "format": fmt, "rows": len(gdf),
                   "rejected": rejected}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"wrote {counted(len(gdf), f'{kind} row')} to {out} ({fmt})"
              + (f"; {counted(rejected, 'rejected row')}" if rejected else ""), file=sys.stderr)
    return 0
