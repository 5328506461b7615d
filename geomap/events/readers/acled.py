"""ACLED CSV exports -> event table.

Reads the current 31-column export (``event_id_cnty, event_date, year, time_precision,
disorder_type, ...``), older exports (with ``data_id``, ``event_id_no_cnty`` and ``iso3``, no
``disorder_type``/``civilian_targeting``/``tags``) and re-exports whose ``event_date`` reads
``dd/mm/yyyy 00:00:00``. Columns are found by name, so their order does not matter.
"""

from __future__ import annotations

import os
from typing import Any

from ...exceptions import InputError
from ..taxonomy import from_acled
from ._common import (
    DateParser,
    ReadResult,
    Sink,
    blank,
    check_coords,
    country_to_iso2,
    load_delimited,
    row_dict,
    screen_row,
    text_or_none,
)

__all__ = ["CURRENT_COLUMNS", "DATE_PRECISION", "GEO_PRECISION", "REQUIRED", "read_acled"]

#: Columns of the current ACLED export, in order.
CURRENT_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

#: ACLED geo_precision -> unified (1 the named town; 2 near a town or part of a region;
#: 3 a larger region, coded at its centroid).
GEO_PRECISION: dict[str, str] = {"1": "exact", "2": "near", "3": "admin1"}

#: ACLED time_precision -> unified (1 exact day; 2 within a week; 3 within a month).
DATE_PRECISION: dict[str, str] = {"1": "day", "2": "week", "3": "month"}

REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")


def _code(value: Any) -> str | None:
    text = text_or_none(value)
    if text is not None and text.endswith(".0"):
        text = text[:-2]
    return text


def read_acled(path: str | os.PathLike[str], *, encoding: str | None = None,
               data: bytes | None = None) -> ReadResult:
    """Read an ACLED export (current or older layout) into a :class:`ReadResult`."""
    table = load_delimited(path, encoding=encoding, data=data)
    header = [h.lower() for h in (table.header or [])]
    missing = [c for c in ("event_id_cnty", "event_date", "event_type") if c not in header]
    if missing:
        raise InputError(f"{path}: not an ACLED export: missing columns {', '.join(missing)}")
    sink = Sink(str(path), header)
    idx = header.index("event_date")
    parser = DateParser(values[idx] for _, values in table.rows if len(values) > idx)
    for row, values in table.rows:
        sink.rows += 1
        raw = row_dict(header, values)
        date, reason = screen_row(raw, len(values), len(header), required=REQUIRED,
                                  date_field="event_date", parser=parser)
        if reason:
            sink.reject(row, raw, reason)
            continue
        lat, lon, reason = check_coords(raw.get("latitude"), raw.get("longitude"), required=True)
        if reason:
            sink.reject(row, raw, reason)
            continue
        fatalities = None
        if not blank(raw.get("fatalities")):
            try:
                fatalities = int(float(str(raw["fatalities"]).strip()))
                if fatalities < 0:
                    raise ValueError
            except ValueError:
                sink.reject(row, raw, f"invalid fatalities: {raw['fatalities']!r}")
                continue
        geo_prec = _code(raw.get("geo_precision"))
        time_prec = _code(raw.get("time_precision"))
        country = (country_to_iso2(raw.get("iso")) or country_to_iso2(raw.get("iso3"))
                   or country_to_iso2(raw.get("country")))
        actor1 = text_or_none(raw.get("actor1"))
        sink.keep(row, raw, {
            "event_id": text_or_none(raw["event_id_cnty"]),
            "dataset": "acled",
            "date": date,
            "date_precision": DATE_PRECISION.get(time_prec or "", "day"),
            "event_type": from_acled(raw.get("event_type"), raw.get("sub_event_type")),
            "orig_type": text_or_none(raw.get("event_type")),
            "orig_subtype": text_or_none(raw.get("sub_event_type")),
            "actor1": actor1,
            "actor2": text_or_none(raw.get("actor2")),
            "location": text_or_none(raw.get("location")),
            "admin1": text_or_none(raw.get("admin1")),
            "country": country,
            "lat": lat,
            "lon": lon,
            "geo_precision": GEO_PRECISION.get(geo_prec or "", "unknown"),
            "orig_geo_precision": geo_prec,
            "fatalities": fatalities,
            "source": text_or_none(raw.get("source")),
            "notes": text_or_none(raw.get("notes")),
        })
    return sink.result(fmt="acled", encoding=table.encoding)
