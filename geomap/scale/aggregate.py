"""Summaries of partitioned results for mapping, without collecting every row in one process.

:func:`place_counts` reads a GeoParquet folder of mentions or text events part by part on Dask,
counts rows and distinct documents per place in each partition, and adds the partial counts
(a document lives in one partition, so distinct documents add up): only one row per distinct
place and partition ever reaches the driver. The result is a small point GeoDataFrame that the map
layers can draw (size or colour by ``count``).
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ..exceptions import InputError

__all__ = ["place_counts"]


def _partial(part: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    geom = part.geometry
    frame = pd.DataFrame({k: part[k].astype(object) for k in keys})
    frame["lon"] = geom.x.where(~(geom.isna() | geom.is_empty))
    frame["lat"] = geom.y.where(~(geom.isna() | geom.is_empty))
    frame = frame.dropna(subset=["lon", "lat"])
    frame["count"] = 1
    frame["documents"] = part.loc[frame.index, "article_id"].astype(object)
    return frame.groupby([*keys, "lon", "lat"], dropna=False, sort=False).agg(
        count=("count", "sum"), documents=("documents", "nunique")).reset_index()


def place_counts(path: str | os.PathLike[str], *, scheduler: str | None = None
                 ) -> gpd.GeoDataFrame:
    """Rows and distinct documents per located place of a partitioned mentions / events folder.

    Columns: ``place`` (place name for mentions, location for events), ``country``, ``count``,
    ``documents``, geometry (EPSG:4326), most frequent first.
    """
    import dask
    import pyarrow.parquet as pq

    root = Path(path)
    files = sorted(root.glob("*.parquet")) if root.is_dir() else [root]
    if not files:
        raise InputError(f"no GeoParquet parts in {root}")
    names = pq.read_schema(files[0]).names
    name = "place_name" if "place_name" in names else "location"
    keys = [name, "country"]
    parts = dask.compute(*[dask.delayed(_partial)(dask.delayed(gpd.read_parquet)(str(f)), keys)
                           for f in files], scheduler=scheduler)
    parts = [p for p in parts if len(p)]
    if not parts:
        return gpd.GeoDataFrame({"place": [], "country": [], "count": [], "documents": []},
                                geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    both = pd.concat(parts, ignore_index=True)
    merged = both.groupby([*keys, "lon", "lat"], dropna=False, sort=False).agg(
        count=("count", "sum"), documents=("documents", "sum"))
    merged = merged.reset_index().rename(columns={name: "place"})
    merged = merged.sort_values(["count", "place"], ascending=[False, True], kind="stable")
    return gpd.GeoDataFrame(merged.drop(columns=["lon", "lat"]).reset_index(drop=True),
                            geometry=gpd.points_from_xy(merged["lon"], merged["lat"]),
                            crs="EPSG:4326")
