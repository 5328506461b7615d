"""UCDP Georeferenced Event Dataset (GED) CSV exports -> event table.

Tolerates what real GED exports do: UTF-8, UTF-8 with BOM or cp1252 text; ISO, day-first and
month-first dates in one column (see :class:`~._common.DateParser` for the ambiguous case);
``type_of_violence`` 1, 2, 3; a ``geom_wkt`` that cross-checks ``latitude``/``longitude``.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..taxonomy import UCDP_VIOLENCE_TYPES, from_ucdp
from ._common import (
    DateParser,
    ReadResult,
    Sink,
    blank,
    check_coords,
    country_to_iso2,
    gw_to_iso2,
    load_delimited,
    row_dict,
    screen_row,
    text_or_none,
)

__all__ = ["DATE_PRECISION", "GEO_PRECISION", "REQUIRED", "read_ucdp"]

#: UCDP ``where_prec`` -> unified geo_precision. 5 ("larger than ADM1, or between places")
#: is reported as "country": never claim more precision than the source gives.
GEO_PRECISION: dict[str, str] = {
    "1": "exact",     # exact location
    "2": "near",      # within ~25 km of a known point
    "3": "admin2",    # second-order administrative division
    "4": "admin1",    # first-order administrative division
    "5": "country",   # larger than ADM1, or a linear feature between places
    "6": "country",   # only the country is known
    "7": "unknown",   # international waters or airspace
}

#: UCDP ``date_prec`` -> unified date_precision (1 exact day; 2 within 2-6 days; 3 within a
#: week; 4 within a month; 5 longer than a month, at most a year).
DATE_PRECISION: dict[str, str] = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}

REQUIRED = ("id", "date_start", "type_of_violence", "latitude", "longitude")

_WKT_POINT = re.compile(r"^\s*POINT\s*\(\s*([-+\d.eE]+)\s+([-+\d.eE]+)\s*\)\s*$", re.I)


def _code(value: Any) -> str | None:
    text = text_or_none(value)
    if text is not None and text.endswith(".0"):
        text = text[:-2]
    return text


def _fatalities(value: Any) -> tuple[int | None, str | None]:
    if blank(value):
        return None, None
    try:
        number = float(str(value).strip())
    except ValueError:
        return None, f"invalid fatalities: {value!r}"
    if number < 0 or not number.is_integer():
        return None, f"invalid fatalities: {value!r}"
    return int(number), None


def read_ucdp(path: str | os.PathLike[str], *, encoding: str | None = None,
              data: bytes | None = None) -> ReadResult:
    """Read a UCDP GED CSV export (any encoding/date mix above) into a :class:`ReadResult`."""
    table = load_delimited(path, encoding=encoding, data=data)
    header = table.header or []
    missing = [c for c in ("id", "date_start", "latitude", "longitude") if c not in header]
    if missing:
        from ...exceptions import InputError

        raise InputError(f"{path}: not a UCDP GED file: missing columns {', '.join(missing)}")
    sink = Sink(str(path), header)
    idx = header.index("date_start")
    parser = DateParser(values[idx] for _, values in table.rows if len(values) > idx)
    for row, values in table.rows:
        sink.rows += 1
        raw = row_dict(header, values)
        date, reason = screen_row(raw, len(values), len(header), required=REQUIRED,
                                  date_field="date_start", parser=parser)
        if reason:
            sink.reject(row, raw, reason)
            continue
        lat, lon, reason = check_coords(raw["latitude"], raw["longitude"], required=True)
        if reason is None and (m := _WKT_POINT.match(str(raw.get("geom_wkt") or ""))):
            wkt_lon, wkt_lat = float(m[1]), float(m[2])
            if (abs(wkt_lon - lat) < 1e-6 and abs(wkt_lat - lon) < 1e-6
                    and abs(wkt_lon - wkt_lat) > 1e-6):
                reason = f"swapped lat/lon: lat={lat:g}, lon={lon:g} (geom_wkt has the reverse)"
        if reason:
            sink.reject(row, raw, reason)
            continue
        tov = _code(raw.get("type_of_violence"))
        event_type = from_ucdp(tov) if tov is not None else None
        if tov is not None and event_type is None:
            sink.reject(row, raw, f"unknown type_of_violence: {tov!r}")
            continue
        fatalities, reason = _fatalities(raw.get("best"))
        if reason:
            sink.reject(row, raw, reason)
            continue
        where_prec = _code(raw.get("where_prec"))
        date_prec = _code(raw.get("date_prec"))
        country = gw_to_iso2(raw.get("country_id")) or country_to_iso2(raw.get("country"))
        sink.keep(row, raw, {
            "event_id": _code(raw["id"]),
            "dataset": "ucdp",
            "date": date,
            "date_precision": DATE_PRECISION.get(date_prec or "", "day"),
            "event_type": event_type,
            "orig_type": tov,
            "orig_subtype": UCDP_VIOLENCE_TYPES[tov][1] if tov in UCDP_VIOLENCE_TYPES else None,
            "actor1": text_or_none(raw.get("side_a")),
            "actor2": text_or_none(raw.get("side_b")),
            "location": text_or_none(raw.get("where_coordinates")),
            "admin1": text_or_none(raw.get("adm_1")),
            "country": country,
            "lat": lat,
            "lon": lon,
            "geo_precision": GEO_PRECISION.get(where_prec or "", "unknown"),
            "orig_geo_precision": where_prec,
            "fatalities": fatalities,
            "source": text_or_none(raw.get("source_office")),
            "notes": text_or_none(raw.get("where_description")),
        })
    return sink.result(fmt="ucdp", encoding=table.encoding)
