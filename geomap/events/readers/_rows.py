"""Row-by-row reading, for the readers that still go record by record (generic tables with
their geocoding, XLSX and GeoJSON; GKG locations, several per row): the :class:`Sink` that keeps
or rejects rows, :func:`load_delimited`, and the scalar checks whose reasons the column-wise
checks of :mod:`._checks` repeat.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ...dates import parse_date_column, parse_date_value
from ...exceptions import InputError
from ..schema import events_from_records
from ._batch import malformed, raw_record
from ._checks import MIN_DATE, UNDATED
from ._files import detect_encoding, read_bytes, sniff_delimiter, unique_names
from ._result import REJECT_COLUMNS, ReadResult

__all__ = [
    "DateParser",
    "Sink",
    "Table",
    "blank",
    "check_coords",
    "check_date",
    "load_delimited",
    "malformed",
    "row_dict",
    "text_or_none",
]

row_dict = raw_record


class Sink:
    """Collects kept records and rejected rows for one source file."""

    def __init__(self, source_file: str, fields: Sequence[str] = ()) -> None:
        self.source_file = source_file
        self.fields: list[str] = list(fields)
        self.records: list[dict[str, Any]] = []
        self.rejects: list[dict[str, Any]] = []
        self.rows = 0
        self._ids: dict[str, int] = {}
        self.undated: dict[str, int] = {}

    def reject(self, row: int, raw: Mapping[str, Any], reason: str) -> None:
        for key in raw:
            if key not in self.fields:
                self.fields.append(key)
        rec = {k: ("" if v is None else v) for k, v in raw.items()}
        rec.update(reason=reason, source_file=self.source_file, source_row=row)
        self.rejects.append(rec)

    def keep(self, row: int, raw: Mapping[str, Any], record: dict[str, Any],
             undated: str | None = None) -> bool:
        """Keep ``record`` unless its event id was already kept (then reject the row);
        ``undated`` says why a record without a date has none."""
        event_id = record.get("event_id")
        if event_id is not None:
            event_id = str(event_id)
            first = self._ids.get(event_id)
            if first is not None:
                self.reject(row, raw, f"duplicated event id: {event_id} (first at row {first})")
                return False
            self._ids[event_id] = row
        record["source_file"] = self.source_file
        record["source_row"] = row
        if undated:
            self.undated[undated] = self.undated.get(undated, 0) + 1
        self.records.append(record)
        return True

    def result(self, *, fmt: str, encoding: str | None = None) -> ReadResult:
        events = events_from_records(self.records)
        columns = [f for f in self.fields if f not in REJECT_COLUMNS] + list(REJECT_COLUMNS)
        rejects = pd.DataFrame.from_records(self.rejects, columns=columns)
        if self.rows != len(events) + len(rejects):  # pragma: no cover - a reader bug
            raise AssertionError(
                f"{self.source_file}: {self.rows} rows but {len(events)} kept + "
                f"{len(rejects)} rejected"
            )
        result = ReadResult(events, rejects, self.rows, self.source_file, fmt, encoding)
        result.undated_why = {k: self.undated[k] for k in UNDATED if k in self.undated}
        return result



@dataclass
class Table:
    """Parsed delimited text: a header (None for headerless files) and numbered data rows."""

    header: list[str] | None
    rows: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str
    encoding_report: str = ""


def load_delimited(
    path: str | os.PathLike[str],
    *,
    header: bool = True,
    delimiter: str | None = None,
    encoding: str | None = None,
    data: bytes | None = None,
    quoting: int = csv.QUOTE_MINIMAL,
) -> Table:
    """Parse a CSV/TSV file into a :class:`Table`; blank lines are skipped (not rows)."""
    name = str(path)
    if data is None:
        data = read_bytes(path)
    detected = detect_encoding(data, name, encoding)
    enc = detected.name
    text = data.decode(enc)
    delim = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quoting=quoting)
    head: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            if not record or all(not f.strip() for f in record):
                continue
            if header and head is None:
                head = unique_names(record)
                continue
            rows.append((len(rows) + 1, record))
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable delimited table: {exc}") from exc
    if header and head is None:
        raise InputError(f"{name}: empty file, not an event table")
    return Table(head, rows, enc, delim, detected.report)


def blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def text_or_none(value: Any) -> str | None:
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# ---------------------------------------------------------------------------------------------
# Dates

class DateParser:
    """Parse the dates of one column, whatever mix of formats it holds (see
    :mod:`geomap.dates`). The day/month order of numeric dates that read both ways is decided
    once, from ``values`` (:func:`geomap.dates.decide_order`); ``report`` and ``warnings`` say
    how."""

    def __init__(self, values: Iterable[Any] = (), *, name: str = "date",
                 dayfirst: bool | None = None) -> None:
        column = parse_date_column(pd.Series(list(values), dtype=object), name=name,
                                   dayfirst=dayfirst)
        self.dayfirst = column.dayfirst
        self.serial = "excel-serial" in column.forms  # a numeric column of Excel day numbers
        self.report = column.report
        self.warnings = column.warnings

    def parse(self, value: Any) -> tuple[dt.date, str | None] | None:
        """``(date, precision hint)``; the hint is "month"/"year" for partial dates, else None.

        None when the value is not a date.
        """
        parsed = parse_date_value(value, dayfirst=self.dayfirst, serial=self.serial)
        if parsed is None:
            return None
        return parsed.date, (None if parsed.precision == "day" else parsed.precision)


def check_date(value: Any, parser: DateParser, *, today: dt.date | None = None
               ) -> tuple[dt.date | None, str | None, str | None, str | None]:
    """``(date, precision hint, why undated, note)`` for one date field: a blank, unreadable,
    pre-1900 or future date gives no date, the reason (:data:`._checks.UNDATED`) and, but
    for a blank, a note keeping the value that was not used."""
    if blank(value):
        return None, None, "blank", None
    parsed = parser.parse(value)
    if parsed is None:
        return None, None, "unreadable", f"date not read: {str(value).strip()!r}"
    date, hint = parsed
    if date < MIN_DATE:
        return None, None, "before 1900", f"date before 1900 not used: {date.isoformat()}"
    if date > (today or dt.date.today()):
        return None, None, "in the future", f"date in the future not used: {date.isoformat()}"
    return date, hint, None, None


# ---------------------------------------------------------------------------------------------
# Coordinates

_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def _to_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    s = str(value).strip()
    if _DECIMAL_COMMA.match(s):
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def check_coords(
    lat_raw: Any, lon_raw: Any, *, required: bool = False
) -> tuple[float | None, float | None, str | None]:
    """``(lat, lon, reject reason)``. Both blank: unlocated (a reason only when ``required``).

    Swapped coordinates (latitude out of range, but valid once swapped) are rejected with
    reason "swapped lat/lon", never silently fixed.
    """
    lat_blank, lon_blank = blank(lat_raw), blank(lon_raw)
    if lat_blank and lon_blank:
        return None, None, ("missing required field: latitude/longitude" if required else None)
    if lat_blank or lon_blank:
        return None, None, f"missing required field: {'latitude' if lat_blank else 'longitude'}"
    lat, lon = _to_float(lat_raw), _to_float(lon_raw)
    if lat is None or lon is None:
        return None, None, f"coordinates not numeric: lat={lat_raw!r}, lon={lon_raw!r}"
    if math.isnan(lat) or math.isnan(lon) or math.isinf(lat) or math.isinf(lon):
        return None, None, f"coordinates NaN or infinite: lat={lat_raw!r}, lon={lon_raw!r}"
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon, None
    if -90 <= lon <= 90 and -180 <= lat <= 180:
        return None, None, f"swapped lat/lon: lat={lat:g}, lon={lon:g}"
    return None, None, f"coordinates out of range: lat={lat:g}, lon={lon:g}"


