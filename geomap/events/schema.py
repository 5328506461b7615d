"""The one event table every reader produces: columns, dtypes, allowed values.

An event table is a :class:`geopandas.GeoDataFrame` in EPSG:4326 whose first columns are
:data:`COLUMNS`, in that order, with those dtypes. Readers build plain records and pass them
through :func:`coerce_events`; :func:`empty_events` gives the zero-row table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .taxonomy import EVENT_TYPES

__all__ = [
    "COLUMNS",
    "CRS",
    "DATE_PRECISIONS",
    "GEO_PRECISIONS",
    "coerce_events",
    "empty_events",
    "events_from_records",
    "validate_events",
]

CRS = "EPSG:4326"

#: Allowed ``date_precision`` values, finest first.
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

#: Allowed ``geo_precision`` values, finest first.
GEO_PRECISIONS: tuple[str, ...] = ("exact", "near", "admin2", "admin1", "country", "unknown")

_STR = "string"
_INT = "Int64"

#: Column name -> dtype, in table order. ``geometry`` holds shapely Points or None.
COLUMNS: dict[str, str] = {
    "event_id": _STR,            # the dataset's own id (unique within one source file)
    "dataset": _STR,             # "acled", "ucdp", "gdelt", "gdelt-gkg", "generic", ...
    "date": "datetime64[ns]",    # start date (day resolution)
    "date_end": "datetime64[ns]",  # last day, when the dataset gives one (UCDP date_end)
    "date_precision": _STR,      # one of DATE_PRECISIONS
    "event_type": _STR,          # one of taxonomy.EVENT_TYPES, or null
    "orig_type": _STR,           # the dataset's own type (ACLED event_type, CAMEO root, ...)
    "orig_subtype": _STR,        # the dataset's own subtype (ACLED sub_event_type, CAMEO code)
    "actor1": _STR,
    "actor2": _STR,
    "location": _STR,            # place name as the dataset gives it
    "admin1": _STR,              # first-level division name as the dataset gives it
    "country": _STR,             # ISO 3166-1 alpha-2
    "geometry": "geometry",
    "geo_precision": _STR,       # one of GEO_PRECISIONS
    "orig_geo_precision": _STR,  # the dataset's own precision code, as a string
    "fatalities": _INT,
    "source": _STR,
    "notes": _STR,
    "source_file": _STR,         # provenance: the file read
    "source_row": _INT,          # provenance: 1-based data-row number in that file
    "article_id": _STR,          # provenance of text-derived events (null for datasets)
    "span_start": _INT,
    "span_end": _INT,
}


def empty_events() -> gpd.GeoDataFrame:
    """A zero-row event table with every column and dtype."""
    return coerce_events(pd.DataFrame({name: [] for name in COLUMNS if name != "geometry"}))


def events_from_records(records: Iterable[Mapping[str, Any]]) -> gpd.GeoDataFrame:
    """Build an event table from dicts holding schema keys plus ``lat``/``lon`` floats.

    ``lat``/``lon`` (None for unlocated events) become Point geometries; unknown keys are
    kept as extra columns after the schema columns.
    """
    records = list(records)
    if not records:
        return empty_events()
    frame = pd.DataFrame.from_records(records)
    lat = pd.to_numeric(frame.pop("lat"), errors="coerce") if "lat" in frame else None
    lon = pd.to_numeric(frame.pop("lon"), errors="coerce") if "lon" in frame else None
    if lat is not None and lon is not None:
        ok = lat.notna() & lon.notna()
        geoms = np.full(len(frame), None, dtype=object)
        if ok.any():
            geoms[ok.to_numpy()] = gpd.points_from_xy(lon[ok], lat[ok])
        frame["geometry"] = geoms
    return coerce_events(frame)


def strip_strings(series: pd.Series) -> pd.Series:
    """A string column stripped, blanks as NA, in pyarrow compute (one pass, no Python
    objects); the result has the "string" dtype on pyarrow storage."""
    import pyarrow as pa
    import pyarrow.compute as pc

    data = getattr(series.array, "_pa_array", None)
    if data is None or not (pa.types.is_string(data.type)
                            or pa.types.is_large_string(data.type)):
        data = pa.array(series.astype(object), type=pa.string(), from_pandas=True)
    trimmed = pc.utf8_trim_whitespace(data)
    out = pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, trimmed.type), trimmed)
    if isinstance(out, pa.ChunkedArray) and out.num_chunks != 1:
        out = out.combine_chunks()
    if isinstance(out, pa.ChunkedArray):
        out = out.chunk(0)
    return pd.Series(pd.arrays.ArrowStringArray(out), index=series.index)


def _as_string(series: pd.Series) -> pd.Series:
    try:  # column operations; the value-by-value path below for odd objects (lists...)
        if pd.api.types.is_string_dtype(series.dtype) or series.dtype == object:
            return strip_strings(series).astype(_STR)
        out = series.astype(_STR).str.strip()
        return out.mask(out == "")
    except (TypeError, ValueError, ImportError):
        pass
    except Exception as exc:  # pyarrow's own errors for objects it cannot make strings of
        if type(exc).__module__.split(".")[0] != "pyarrow":
            raise

    def conv(v: Any) -> Any:
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            return pd.NA
        text = str(v).strip()
        return text if text else pd.NA

    return series.map(conv).astype(_STR)


def coerce_events(frame: pd.DataFrame, *, check: bool = True) -> gpd.GeoDataFrame:
    """Return ``frame`` as an event table: missing columns added as nulls, dtypes cast,
    schema columns first, CRS EPSG:4326.

    Empty strings become nulls. With ``check`` (the default) values are then checked with
    :func:`validate_events` and a ``ValueError`` lists every problem.
    """
    crs = frame.crs if isinstance(frame, gpd.GeoDataFrame) else None
    df = pd.DataFrame(frame).copy()
    n = len(df)
    for name, dtype in COLUMNS.items():
        if name == "geometry":
            continue
        col = df[name] if name in df else pd.Series([None] * n, index=df.index, dtype=object)
        if dtype == _STR:
            df[name] = _as_string(col)
        elif dtype == _INT:
            df[name] = pd.to_numeric(col, errors="raise").astype(_INT) if n else col.astype(_INT)
        else:
            df[name] = pd.to_datetime(col, errors="raise").astype(dtype)
    geometry = df.pop("geometry") if "geometry" in df else [None] * n
    extra = [c for c in df.columns if c not in COLUMNS]
    if isinstance(geometry, pd.Series) and isinstance(geometry.dtype, gpd.array.GeometryDtype):
        geometry = gpd.GeoSeries(geometry.values, index=df.index)  # no copy to a list
        if geometry.crs is None and crs is not None:
            geometry = geometry.set_crs(crs)
    else:
        geometry = gpd.GeoSeries(list(geometry), index=df.index, crs=crs)
    df["geometry"] = geometry
    gdf = gpd.GeoDataFrame(df[list(COLUMNS) + extra], geometry="geometry")
    if gdf.crs is None:
        gdf = gdf.set_crs(CRS)
    elif not gdf.crs.equals(CRS):
        gdf = gdf.to_crs(CRS)
    if check:
        problems = validate_events(gdf)
        if problems:
            raise ValueError("not a valid event table: " + "; ".join(problems))
    return gdf


def validate_events(frame: pd.DataFrame) -> list[str]:
    """Problems that keep ``frame`` from being an event table (empty list when it is one)."""
    problems: list[str] = []
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        return [f"missing columns: {', '.join(missing)}"]
    for name, dtype in COLUMNS.items():
        if name != "geometry" and str(frame[name].dtype) != str(pd.Series([], dtype=dtype).dtype):
            problems.append(f"column {name} has dtype {frame[name].dtype}, expected {dtype}")
    for name, allowed in (
        ("event_type", EVENT_TYPES),
        ("date_precision", DATE_PRECISIONS),
        ("geo_precision", GEO_PRECISIONS),
    ):
        bad = sorted(set(frame[name].dropna().unique()) - set(allowed))
        if bad:
            problems.append(f"{name} values not allowed: {', '.join(map(str, bad[:5]))}")
    if isinstance(frame, gpd.GeoDataFrame):
        if frame.crs is None or not frame.crs.equals(CRS):
            problems.append(f"CRS is {frame.crs}, expected {CRS}")
        geom = frame.geometry
        types = geom.geom_type
        movement = (frame["kind"] == "movement") if "kind" in frame.columns else \
            gpd.pd.Series(False, index=frame.index)
        bad = geom.notna() & ~((types == "Point") | ((types == "LineString") & movement))
        if bad.any():
            kinds = sorted(set(types[bad]))
            problems.append("geometries must be Points (or LineStrings for movements), found "
                            + ", ".join(kinds))
    else:
        problems.append("not a GeoDataFrame")
    return problems
