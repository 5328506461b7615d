"""Any table of events -> event table: CSV/TSV, XLSX or GeoJSON with sniffed columns.

Columns are found by name, case-insensitively (see the ``*_NAMES`` tuples), or chosen with
``lat_col``, ``lon_col``, ``place_col``, ``date_col``, ``id_col``, ``type_col``. Locations come
from coordinate columns, a GeoJSON geometry, or a place-name column geocoded with ``geocoder``
(any object with ``.geocode(query)`` returning a result whose ``.place`` has ``lat``, ``lon``,
``country``, ``admin1``, ``feature``, or None; each distinct name is geocoded once). Rows
without any location are kept, unlocated; rows without a usable date are kept, undated.

Column-wise like the dataset readers: CSV/TSV goes through the batched pyarrow loop of
:mod:`._batch`; XLSX rows (openpyxl) and GeoJSON features become one frame of strings that the
same ``convert`` checks (:mod:`._checks`, :mod:`._generic_columns`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import InputError
from ._batch import State, _Collector, read_table
from ._files import Encoding, Layout, read_bytes
from ._generic_columns import NAMES, Roles, convert, load_geojson, pick_roles
from ._result import ReadResult

__all__ = ["NAMES", "read_generic"]


def _kind(name: str, data: bytes | None, path: str | os.PathLike[str]) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if data is None:
        data = read_bytes(path)[:4096]
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if suffix in (".geojson", ".json") or data.lstrip()[:1] == b"{":
        return "geojson"
    return "csv"


def _read_frame(name: str, frame: pd.DataFrame, rows: np.ndarray, *, roles: Roles,
                dayfirst: bool | None) -> ReadResult:
    """Check a whole in-memory table (XLSX, GeoJSON) in one batch."""
    fmt_names = list(frame.columns)
    layout = Layout(fmt_names, Encoding("", ""), ",", len(fmt_names))
    state = State(name, layout, fmt_names, given_dayfirst=dayfirst, block_size=1 << 62)
    collector = _Collector(name, fmt_names)
    if len(frame):
        collector.add(frame, rows, convert(frame, rows, state, roles))
    result = collector.result("generic", state)
    result.encoding = None
    return result


def read_generic(
    path: str | os.PathLike[str],
    *,
    geocoder: Any = None,
    dataset: str | None = None,
    lat_col: str | None = None,
    lon_col: str | None = None,
    place_col: str | None = None,
    date_col: str | None = None,
    id_col: str | None = None,
    type_col: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    data: bytes | None = None,
    kind: str | None = None,
    dayfirst: bool | None = None,
) -> ReadResult:
    """Read a CSV/TSV, XLSX or GeoJSON table of events into a :class:`ReadResult`.

    ``kind`` ("csv", "xlsx", "geojson") is guessed from the suffix and content when None.
    Without a date column every event is undated (a warning says so). Raises InputError when
    the latitude/longitude column is ambiguous (two candidates). ``data`` (the file's bytes)
    is used for GeoJSON; CSV is read from ``path`` in batches.
    """
    name = str(path)
    kind = kind or _kind(name, data, path)
    chosen = {"lat": lat_col, "lon": lon_col, "place": place_col, "date": date_col,
              "id": id_col, "type": type_col}
    common = {"geocoder": geocoder, "dataset": dataset, "stem": Path(name).stem}
    if kind == "csv":
        holder: dict[str, Roles] = {}

        def check(layout: Layout) -> None:
            holder["roles"] = pick_roles(name, layout.names or [], chosen, **common)

        result = read_table(path, fmt="generic", encoding=encoding, check=check,
                            dayfirst=dayfirst,
                            convert=lambda f, r, s: convert(f, r, s, holder["roles"]))
        roles = holder["roles"]
    else:
        geometry = None
        notes: list[str] = []
        if kind == "xlsx":
            if not Path(name).exists():
                raise InputError(f"{name}: no such file")
            from ._xlsx import load_xlsx

            fields, frame, rows, notes = load_xlsx(path, sheet, date_col=date_col)
        else:
            fields, frame, rows, geometry = load_geojson(path, data if data is not None
                                                         else read_bytes(path))
        roles = pick_roles(name, fields, chosen, **common, geometry=geometry)
        result = _read_frame(name, frame, rows, roles=roles, dayfirst=dayfirst)
        result.warnings.extend(notes)
    result.warnings.extend(roles.warnings(name, rows=result.rows))
    return result
