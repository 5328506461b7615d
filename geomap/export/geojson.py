"""GeoJSON output written by geomap itself (no GDAL): RFC 7946 FeatureCollections.

Coordinates are WGS 84 longitude/latitude (frames in another CRS are reprojected), there is
no ``crs`` member, polygon rings follow the right-hand rule (exterior anticlockwise), null
geometries stay null, dates become ISO strings and NaN/NA become null. An optional ``metadata``
dict becomes the collection's ``properties`` member (a foreign member, RFC 7946 section 6.1)
naming units and sources; readers that do not know it ignore it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from decimal import Decimal
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from .._atomic import atomic_write

__all__ = ["frame_to_feature_collection", "json_value", "write_geojson"]


def json_value(value: Any) -> Any:
    """A JSON-safe version of one cell: NaN/NA/NaT -> None, timestamps -> ISO strings,
    numpy scalars -> Python numbers. Midnight timestamps become plain dates."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        if pd.isna(value):
            return None
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) and \
                value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float, Decimal)):
        f = float(value)
        return f if math.isfinite(f) else None
    if isinstance(value, np.ndarray):
        return [json_value(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (pd.Timedelta, dt.timedelta)):
        return None if pd.isna(value) else str(value)
    return value if isinstance(value, str) else str(value)


def _lists(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def _geometry(geom: Any) -> dict[str, Any] | None:
    if geom is None or (isinstance(geom, float) and math.isnan(geom)) or geom.is_empty:
        return None
    if geom.geom_type == "Point":
        return {"type": "Point", "coordinates": [geom.x, geom.y]}
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    return _lists(mapping(geom))  # tuples -> lists


def _column(series: pd.Series) -> list[Any]:
    """JSON-safe values of one column (vectorised for the common dtypes)."""
    if isinstance(series.dtype, pd.StringDtype):
        return series.astype(object).where(series.notna(), None).tolist()
    if pd.api.types.is_datetime64_dtype(series.dtype):
        valid = series.dropna()
        midnight = bool((valid == valid.dt.normalize()).all())
        text = series.dt.strftime("%Y-%m-%d") if midnight else series.map(
            lambda v: None if pd.isna(v) else v.isoformat())
        return text.astype(object).where(series.notna(), None).tolist()
    return [json_value(v) for v in series.tolist()]


def frame_to_feature_collection(gdf: gpd.GeoDataFrame, *,
                                metadata: dict[str, Any] | None = None) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection dict for ``gdf`` (every non-geometry column a property);
    ``metadata`` (JSON-safe) becomes the collection's ``properties`` member."""
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    geom_name = gdf.geometry.name
    columns = [c for c in gdf.columns if c != geom_name]
    values = {str(c): _column(gdf[c]) for c in columns}
    names = list(values)
    features = [
        {
            "type": "Feature",
            "geometry": _geometry(geom),
            "properties": {name: values[name][i] for name in names},
        }
        for i, geom in enumerate(gdf.geometry)
    ]
    out: dict[str, Any] = {"type": "FeatureCollection"}
    if metadata:
        out["properties"] = json_value(metadata)
    out["features"] = features
    return out


def write_geojson(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *,
                  metadata: dict[str, Any] | None = None) -> None:
    """Write ``gdf`` as RFC 7946 GeoJSON to ``path`` atomically (UTF-8)."""
    collection = frame_to_feature_collection(gdf, metadata=metadata)
    # json.dumps, not json.dump: only the one-shot encoder is json's C encoder (json.dump
    # streams through the pure-Python one, 4-5 times slower); the text is the same
    text = json.dumps(collection, ensure_ascii=False, allow_nan=False)
    del collection
    with atomic_write(path, "w") as fh:
        fh.write(text)
        fh.write("\n")
