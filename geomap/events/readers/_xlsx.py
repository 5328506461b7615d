"""XLSX workbooks as one frame of strings: the sheet that holds the events, rows as Excel
numbers them, Excel day numbers in the date column read as dates.

Analysts' workbooks often open on a cover or notes sheet: without ``sheet``, the first sheet
whose header names a date and a location (coordinates or a place) is read, else the first one,
and a note says which. ``source_row`` is the row number the sheet shows (header and blank rows
counted), so a reject points at the row the analyst sees. A number in the date column that is
not a year is an Excel day number (45677 = 2025-01-20), as Excel shows it with a date format.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import InputError
from ._generic_columns import cell_text, cells_frame, pick_column

__all__ = ["load_xlsx"]

_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _header(ws: Any) -> list[str] | None:
    for values in ws.iter_rows(values_only=True, max_row=50):
        if any(cell_text(v).strip() for v in values):
            return [cell_text(v).strip() for v in values]
    return None


def _has_events(header: Sequence[str]) -> bool:
    """Whether ``header`` names a date and a location (both coordinates, or a place)."""
    try:
        date, place = pick_column(header, "date", None), pick_column(header, "place", None)
        lat, lon = pick_column(header, "lat", None), pick_column(header, "lon", None)
    except InputError:  # an ambiguous coordinate column is still an event sheet
        return True
    return date is not None and (place is not None or (lat is not None and lon is not None))


def _day_number(value: Any) -> Any:
    """An Excel day number (not a year, not YYYYMMDD) as its date; anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if 10000 <= value < 2958466 and not 19000101 <= value <= 99991231:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    return value


def load_xlsx(path: str | os.PathLike[str], sheet: str | None, *, date_col: str | None = None
              ) -> tuple[list[str], pd.DataFrame, np.ndarray, list[str]]:
    """``(column names, frame of strings, sheet row numbers, notes)`` of the worksheet that
    holds the events (``sheet`` when given); blank rows are not rows."""
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("reading XLSX files needs openpyxl: pip install openpyxl") from exc
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    notes: list[str] = []
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise InputError(f"{path}: no sheet {sheet!r}; sheets: {', '.join(wb.sheetnames)}")
        if sheet is not None:
            ws = wb[sheet]
        else:
            ws = next((w for w in wb.worksheets
                       if (h := _header(w)) and _has_events(h)), wb.worksheets[0])
            if len(wb.worksheets) > 1:
                notes.append(f"{path}: read sheet {ws.title!r} (sheets: "
                             f"{', '.join(wb.sheetnames)}; choose one with --sheet)")
        header: list[str] | None = None
        date_at: int | None = None
        rows: list[list[Any]] = []
        numbers: list[int] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            vals = list(values)
            if all(cell_text(v).strip() == "" for v in vals):
                continue
            if header is None:
                header = [cell_text(v).strip() or f"column_{i + 1}" for i, v in enumerate(vals)]
                try:
                    found = pick_column(header, "date", date_col)
                except InputError:
                    found = None
                date_at = header.index(found) if found is not None else None
                continue
            while len(vals) > len(header) and cell_text(vals[-1]).strip() == "":
                vals.pop()
            if date_at is not None and date_at < len(vals):
                vals[date_at] = _day_number(vals[date_at])
            rows.append(vals)
            numbers.append(number)
    finally:
        wb.close()
    if header is None:
        raise InputError(f"{path}: empty workbook, not an event table")
    return header, cells_frame(header, rows), np.asarray(numbers, dtype=np.int64), notes
