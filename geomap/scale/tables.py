"""Result tables of a partition, written as GeoParquet parts with one fixed schema.

Mentions are the rows of :func:`geomap.mentions.mentions_frame`, events those of
:func:`geomap.events.extract.text_events_frame` (the event schema plus its extra columns). Every
part gets the same column dtypes, even an empty one, so the folder reads back as one dataset
(``geopandas.read_parquet`` of a part, ``dask_geopandas.read_parquet`` of the folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

from .._atomic import atomic_write
from ..mentions import MENTION_DTYPES

__all__ = ["EVENT_EXTRA", "MENTION_DTYPES", "event_table", "mention_table", "write_part"]

#: Columns text_events_frame adds after the event schema, with their dtypes.
EVENT_EXTRA: dict[str, str] = {
    "event_index": "Int64", "kind": "string", "primary": "boolean", "trigger": "string",
    "actors": "string", "actor_countries": "string", "origin": "string",
    "destination": "string", "article_date": "string", "location_evidence": "string",
    "confidence": "float64", "disputed": "boolean", "de_facto_country": "string",
}


def _typed(frame: gpd.GeoDataFrame, dtypes: dict[str, str]) -> gpd.GeoDataFrame:
    data = {}
    for col, dtype in dtypes.items():
        values = frame[col] if col in frame else pd.Series([None] * len(frame), index=frame.index)
        if dtype == "float64":
            data[col] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif dtype == "Int64":
            data[col] = pd.array(pd.to_numeric(values, errors="coerce"), dtype="Int64")
        elif dtype == "boolean":
            data[col] = pd.array([None if pd.isna(v) else bool(v) for v in values],
                                 dtype="boolean")
        else:
            data[col] = values.astype(dtype) if len(values) else pd.Series([], dtype=dtype)
    out = pd.DataFrame(data, index=frame.index)
    return gpd.GeoDataFrame(out, geometry=frame.geometry.to_numpy(), crs="EPSG:4326")


def mention_table(items) -> gpd.GeoDataFrame:
    """The mentions table of (Article, [Mention]) pairs with the fixed part dtypes."""
    from ..mentions import mentions_frame

    return _typed(mentions_frame(items), MENTION_DTYPES).reset_index(drop=True)


def event_table(items) -> gpd.GeoDataFrame:
    """The text-event table of (Article, [TextEvent]) pairs with the fixed part dtypes."""
    from ..events.extract import text_events_frame
    from ..events.schema import COLUMNS

    frame = text_events_frame(items)
    dtypes = {c: t for c, t in COLUMNS.items() if c != "geometry"} | EVENT_EXTRA
    return _typed(frame, dtypes).reset_index(drop=True)


def write_part(frame: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``frame`` as GeoParquet to ``path`` atomically."""
    target = Path(path)
    with atomic_write(target, "wb") as fh:
        frame.to_parquet(fh, index=False)
    return target
