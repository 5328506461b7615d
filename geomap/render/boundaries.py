"""The shipped Natural Earth polygons, read once per process and simplified for drawing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

__all__ = ["admin1_polygons", "countries_feature_collection", "polygon_geojson"]


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
