"""Tables to files, the format chosen by extension: GeoJSON (RFC 7946, written by geomap),
GeoPackage and GeoParquet (via geopandas; Parquet needs pyarrow) and CSV with a WKT column.

Every format reads back with geopandas to the same rows and geometries (:func:`read_table`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from .._atomic import atomic_write, excel_safe
from ..exceptions import InputError, OutputError
from .geojson import write_geojson

__all__ = ["FORMATS", "format_for", "read_table", "write_table"]

#: format name -> file extensions
FORMATS: dict[str, tuple[str, ...]] = {
    "geojson": (".geojson", ".json"),
    "gpkg": (".gpkg",),
    "parquet": (".parquet", ".geoparquet"),
    "csv": (".csv",),
}


def format_for(path: str | os.PathLike[str]) -> str:
    """The format of ``path`` from its extension; InputError for an unknown one."""
    suffix = Path(path).suffix.lower()
    for name, exts in FORMATS.items():
        if suffix in exts:
            return name
    known = ", ".join(e for exts in FORMATS.values() for e in exts)
    raise InputError(f"{path}: unknown output format {suffix or '(none)'}; use one of {known}")


def _for_gdal(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns GDAL can store: lists/dicts as JSON text."""
    import json

    out = gdf.copy()
    for col in out.columns:
        if col == out.geometry.name or out[col].dtype != object:
            continue
        if out[col].map(lambda v: isinstance(v, list | dict | tuple)).any():
            out[col] = out[col].map(lambda v: json.dumps(v, ensure_ascii=False)
                                    if isinstance(v, list | dict | tuple) else v)
    return out


def write_table(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *,
                format: str | None = None, metadata: dict[str, Any] | None = None,
                layer: str | None = None) -> str:
    """Write ``gdf`` (reprojected to WGS 84) to ``path``; returns the format used."""
    fmt = format or format_for(path)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if gdf.crs is None:
        gdf = gdf.set_crs("EPSG:4326")
    elif not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    target = Path(path)
    if fmt == "geojson":
        write_geojson(gdf, target, metadata=metadata)
        return fmt
    tmp = target.with_name(f".{target.stem}.tmp{target.suffix}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "gpkg":
            tmp.unlink(missing_ok=True)
            _for_gdal(gdf).to_file(tmp, driver="GPKG", layer=layer or target.stem)
        elif fmt == "parquet":
            try:
                gdf.to_parquet(tmp, index=False)
            except ImportError as exc:
                raise OutputError("GeoParquet needs pyarrow (pip install pyarrow)") from exc
        else:
            plain = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
            wkt = gdf.geometry.to_wkt(rounding_precision=-1)  # full precision
            plain["WKT"] = wkt.where(gdf.geometry.notna(), None)
            with atomic_write(tmp, "w", encoding="utf-8-sig") as fh:  # as _atomic.atomic_csv
                excel_safe(plain).to_csv(fh, index=False, lineterminator="\r\n")  # quotes a bare CR
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {exc}") from exc
    return fmt


def read_table(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read a file :func:`write_table` wrote (any of :data:`FORMATS`) with geopandas."""
    fmt = format_for(path)
    if fmt == "parquet":
        return gpd.read_parquet(path)
    if fmt == "csv":
        frame = pd.read_csv(path, keep_default_na=True)
        wkt = frame.pop("WKT") if "WKT" in frame else pd.Series([None] * len(frame))
        geoms = gpd.GeoSeries.from_wkt([w if isinstance(w, str) and w else None for w in wkt],
                                       crs="EPSG:4326")
        return gpd.GeoDataFrame(frame, geometry=geoms)
    gdf = gpd.read_file(path)
    return gdf if gdf.crs is not None else gdf.set_crs("EPSG:4326")
