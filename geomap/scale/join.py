"""Joins of large event tables, partition by partition, with dask-geopandas.

The records (millions of ACLED / GDELT rows) are a partitioned GeoParquet dataset, ideally
spatially partitioned (:func:`write_records` sorts them along a Hilbert curve, so each
partition covers a small area). The article side (mentions or text events, up to a few hundred
thousand rows) is small and goes to every task once. Each record partition is joined with
:func:`geomap.join.join_events` against only the article rows that can reach it: those whose
box of ``km`` (plus the widest uncertainty) around them, or whose admin-1 division's bounding
box, meets the partition's bounds, those located only to a country that the partition's records
are in, and unlocated ones whose actors belong to such a country. A pair's score depends only
on its record and its article row, and each partition keeps every article row's best records,
so ranking the partitions' links again (:func:`geomap.join.rerank`) gives the whole table's
links: the same rows, scores, ranks and order (``record_row`` is the row in the whole record
dataset). The differences: a record exactly on an admin-1 border may be counted in the other
division, and an article row known only to a division or country with more than
:data:`geomap.join.candidates.AREA_CAP` candidates in one date width takes that many from each
partition, not from the whole table (so it may find a record the whole-table join's cap left
out).
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._datadir import resolve_data_dir

__all__ = ["join_partitioned", "reach_boxes", "write_records"]


def write_records(records: gpd.GeoDataFrame, out_dir: str | os.PathLike[str], *,
                  npartitions: int = 8, spatial: bool = True) -> Path:
    """Write an event table as GeoParquet parts, spatially partitioned (Hilbert curve).

    Rows without a geometry go to the last partition(s); they never match, but are kept.
    """
    import dask_geopandas

    out = Path(out_dir)
    frame = records.reset_index(drop=True)
    if spatial and len(frame):
        geom = frame.geometry
        ok = ~(geom.isna() | geom.is_empty)
        order = np.full(len(frame), np.iinfo(np.int64).max, dtype=np.int64)
        if ok.any():
            from dask_geopandas.hilbert_distance import _hilbert_distance

            sub = frame.loc[ok]
            order[ok.to_numpy()] = _hilbert_distance(sub, total_bounds=sub.total_bounds,
                                                     level=16).to_numpy()
        frame = frame.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
    ddf = dask_geopandas.from_geopandas(frame, npartitions=max(1, npartitions), sort=False)
    ddf.to_parquet(out, write_index=False)
    return out


def reach_boxes(articles: gpd.GeoDataFrame, km: float, data_dir=None) -> np.ndarray:
    """For each article row: (minx, miny, maxx, maxy) of where a partner record can lie
    (NaN rows have no point and match nothing)."""
    from ..join._admin1 import Admin1Polygons

    geom = articles.geometry.to_numpy()
    ok = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
    boxes = np.full((len(articles), 4), np.nan)
    if not ok.any():
        return boxes
    from ..join.candidates import SLACK_KM

    pts = shapely.centroid(geom[ok])
    lon, lat = shapely.get_x(pts), shapely.get_y(pts)
    km = km + 2 * float(SLACK_KM.max())
    dlat = km / 111.0 + 1e-6
    coslat = np.cos(np.radians(np.minimum(np.abs(lat) + dlat, 90.0)))
    dlon = np.where(coslat > 1e-6, km / (111.0 * np.maximum(coslat, 1e-6)) + 1e-6, 360.0)
    b = np.column_stack([lon - dlon, lat - dlat, lon + dlon, lat + dlat])
    wraps = (b[:, 0] < -180) | (b[:, 2] > 180)
    b[wraps, 0], b[wraps, 2] = -180.0, 180.0
    polys = Admin1Polygons.load(resolve_data_dir(data_dir) / "gazetteer" / "admin1.geojson")
    pi, gi = polys.pairs(pts)
    if len(pi):
        pb = shapely.bounds(polys.geoms[gi])
        np.minimum.at(b[:, 0], pi, pb[:, 0])
        np.minimum.at(b[:, 1], pi, pb[:, 1])
        np.maximum.at(b[:, 2], pi, pb[:, 2])
        np.maximum.at(b[:, 3], pi, pb[:, 3])
    boxes[ok] = b
    return boxes


def _join_part(part: gpd.GeoDataFrame, offset: int, articles: gpd.GeoDataFrame,
               boxes: np.ndarray, *, km: float, days: int, data_dir: str,
               options: dict) -> gpd.GeoDataFrame:
    from ..join import LINK_COLUMNS, join_events
    from ..join._sides import article_precision

    part = part.reset_index(drop=True)
    geom = part.geometry.to_numpy()
    ok = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
    links = None
    if ok.any() and len(articles):
        minx, miny, maxx, maxy = shapely.total_bounds(geom[ok])
        hit = ~np.isnan(boxes[:, 0]) & (boxes[:, 0] <= maxx) & (boxes[:, 2] >= minx) & \
            (boxes[:, 1] <= maxy) & (boxes[:, 3] >= miny)
        countries = set(part["country"].dropna()) if "country" in part else set()
        if "country" in articles and countries:  # rows matched by their country
            level = article_precision(articles).to_numpy()
            hit |= (level == "country") & articles["country"].isin(countries).to_numpy()
        if "actors" in articles and countries:  # unlocated: their actors' countries
            from ..join._evidence import actor_keys

            keys = {f"cc:{c}" for c in countries}
            names = articles["actors"].astype(object).where(articles["actors"].notna(), None)
            codes = articles["actor_countries"].astype(object).where(
                articles["actor_countries"].notna(), None) if "actor_countries" in articles \
                else [None] * len(articles)
            hit |= np.isnan(boxes[:, 0]) & np.array([
                bool(keys & actor_keys(n, c)) for n, c in zip(names, codes, strict=True)],
                dtype=bool)
        pos = np.flatnonzero(hit)
        if len(pos):
            sub = articles.iloc[pos].reset_index(drop=True)
            links = join_events(part, sub, km=km, days=days, data_dir=data_dir,
                                **options).links
            links["article_row"] = pos[links["article_row"].to_numpy(dtype=np.int64)]
            links["record_row"] = links["record_row"] + offset
    if links is None or not len(links):
        links = gpd.GeoDataFrame(pd.DataFrame(columns=list(LINK_COLUMNS)),
                                 geometry=gpd.GeoSeries([], crs="EPSG:4326"))
    return links


def _parts(records) -> tuple[list, list[int]]:
    """Delayed partitions of ``records`` and the row offset of each."""
    import dask

    if isinstance(records, str | os.PathLike):
        import pyarrow.parquet as pq

        root = Path(records)
        files = sorted(root.glob("*.parquet")) if root.is_dir() else [root]
        counts = [pq.ParquetFile(f).metadata.num_rows for f in files]
        parts = [dask.delayed(gpd.read_parquet)(str(f)) for f in files]
    else:  # a dask-geopandas frame
        parts = list(records.to_delayed())
        counts = list(records.map_partitions(len).compute())
    return parts, [0, *np.cumsum(counts)[:-1].tolist()]


def _active_client():
    try:
        from distributed import default_client

        return default_client()
    except (ImportError, ValueError):
        return None


def join_partitioned(records, articles: gpd.GeoDataFrame, *, km: float = 25.0, days: int = 3,
                     data_dir=None, out_dir: str | os.PathLike[str] | None = None,
                     scheduler: str | None = None, **options):
    """Join a partitioned record dataset (a GeoParquet folder or file, or a dask-geopandas
    frame) to ``articles`` (mentions or text events) as :func:`geomap.join.join_events` would
    (``options``: its ``top``, ``min_score``, ``ratio``).

    With ``out_dir``, the links are written as ``out_dir/part-NNNNNN.parquet`` (one part per
    record partition that has links) and their number is returned; otherwise they come back
    as one GeoDataFrame. Runs on the active dask.distributed client if there is one
    (``scheduler="synchronous"`` for this process).
    """
    import dask

    from ..join import rerank

    if km < 0 or days < 0:
        from ..exceptions import InputError

        raise InputError("--km and --days must not be negative")
    data = str(resolve_data_dir(data_dir))
    parts, offsets = _parts(records)
    articles = articles.reset_index(drop=True)
    boxes = reach_boxes(articles, km, data)
    client = _active_client() if scheduler is None else None
    if client is not None:  # send the article side to every worker once, not in the graph
        shared_articles = client.scatter(articles, broadcast=True)
        shared_boxes = client.scatter(boxes, broadcast=True)
    else:
        shared_articles, shared_boxes = dask.delayed(articles), dask.delayed(boxes)
    tasks = [dask.delayed(_join_part)(p, offsets[i], shared_articles, shared_boxes, km=km,
                                      days=days, data_dir=data, options=options)
             for i, p in enumerate(parts)]
    results = dask.compute(*tasks, scheduler=scheduler)
    frames = [r.assign(_part=i) for i, r in enumerate(results) if len(r)]
    if frames:
        # every part kept each article row's best records: ranking them again gives the
        # whole table's links (rank, order) as join_events would
        links = pd.concat(frames, ignore_index=True)
        links = links.sort_values(["article_row", "record_row"], kind="stable")
        links = rerank(gpd.GeoDataFrame(links, geometry="geometry", crs="EPSG:4326"),
                       **options)
        links["record_row"] = links["record_row"].astype(np.int64)
        links["article_row"] = links["article_row"].astype(np.int64)
    else:
        links = results[0].assign(_part=0) if results else None
    if out_dir is None:
        return None if links is None else links.drop(columns="_part")
    from .tables import write_part

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()
    if links is None or not len(links):
        return 0
    for i, group in links.groupby("_part", sort=True):
        write_part(group.drop(columns="_part").astype({"distance_km": "float64"}),
                   out / f"part-{int(i):06d}.parquet")
    return len(links)
