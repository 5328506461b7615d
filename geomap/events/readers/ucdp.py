"""UCDP Georeferenced Event Dataset (GED) CSV exports -> event table.

Tolerates what real GED exports do: UTF-8, UTF-8 with BOM or cp1252 text; ISO, day-first and
month-first dates in one column (see :class:`~._common.DateParser` for the ambiguous case);
``type_of_violence`` 1, 2, 3; a ``geom_wkt`` that cross-checks ``latitude``/``longitude``.
"""

from __future__ import annotations

import os
import re
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import InputError
from ..taxonomy import UCDP_VIOLENCE_TYPES, from_ucdp
from ._batch import Converted, State, read_table
from ._checks import Checks, code, map_unique
from ._countries import country_to_iso2, gw_to_iso2
from ._geocode import FEATURE_PRECISION, coords_or_place
from ._result import ReadResult

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
#: week; 4 within a month; 5 longer than a month, at most a year). A valid ``date_end`` is kept
#: as ``date_end`` and bounds the record's interval more tightly than its precision does.
DATE_PRECISION: dict[str, str] = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}

#: Fields a record cannot do without (a record without a date is kept undated).
REQUIRED = ("id", "type_of_violence", "latitude", "longitude")

_WKT_POINT = re.compile(r"^\s*POINT\s*\(\s*([-+\d.eE]+)\s+([-+\d.eE]+)\s*\)\s*$", re.I)


def _wkt_swapped(frame: pd.DataFrame, lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Rows whose ``geom_wkt`` POINT(x y) holds (lat, lon), i.e. latitude/longitude swapped."""
    if "geom_wkt" not in frame.columns:
        return pd.Series(False, index=frame.index)
    parts = frame["geom_wkt"].astype("string").str.extract(_WKT_POINT.pattern, flags=re.I)
    x = pd.to_numeric(parts[0], errors="coerce")
    y = pd.to_numeric(parts[1], errors="coerce")
    return (((x - lat).abs() < 1e-6) & ((y - lon).abs() < 1e-6)
            & ((x - y).abs() > 1e-6)).fillna(False)


def _convert(frame: pd.DataFrame, rows: np.ndarray, state: State) -> Converted:
    checks = Checks(frame)
    checks.required([c for c in REQUIRED[:2] if c in frame.columns])
    dayfirst = state.date_order(frame, "date_start")
    dates, _prec, _ = checks.date("date_start", dayfirst=dayfirst)
    col = checks.clean
    country = map_unique(col("country_id"), gw_to_iso2)
    missing = country.isna()
    if missing.any():
        country = country.where(~missing, map_unique(col("country"), country_to_iso2))
    # a row with no readable point but its place named is located by the name (as ACLED)
    lat, lon, geocoded = coords_or_place(checks, "latitude", "longitude",
                                         place=col("where_coordinates"), admin1=col("adm_1"),
                                         country=country, geocode=state.geocode)
    swapped = checks.ok & _wkt_swapped(frame, lat, lon)
    if swapped.any():
        checks.fail(swapped, pd.Series(
            [f"swapped lat/lon: lat={a:g}, lon={b:g} (geom_wkt has the reverse)"
             for a, b in zip(lat[swapped], lon[swapped], strict=True)],
            index=frame.index[swapped]).reindex(frame.index))
    # UCDP's country is the conflict's ("Israel" for Gaza): the event's is the point's
    filed = country
    elsewhere = state.point_country.elsewhere(country, lat.where(checks.ok),
                                              lon.where(checks.ok), col("adm_1"))
    moved = elsewhere.notna()
    if moved.any():
        country = country.where(~moved, elsewhere)
        checks.note("UCDP files it under " + col("country")[moved].fillna(filed[moved])
                    .astype(str) + " (" + filed[moved].astype(str) + "); the point lies in "
                    + elsewhere[moved].astype(str))

    ends, bad_ends = checks.end_date("date_end", dates, dayfirst=dayfirst)
    if bad_ends:
        state.warnings.append(f"{bad_ends} record(s) with a date_end that is unreadable, "
                              "before date_start or in the future: date_prec used instead")

    tov = code(col("type_of_violence"))
    event_type = map_unique(tov, from_ucdp)
    checks.fail(tov.notna() & event_type.isna(),
                "unknown type_of_violence: " + tov.map(repr, na_action="ignore"))
    fatalities = checks.count("best", whole=True)
    ids = code(col("id"))
    checks.duplicates(ids, pd.Series(rows, index=frame.index), state.seen)
    where_prec = code(col("where_prec"))
    date_prec = code(col("date_prec"))
    events = pd.DataFrame({
        "event_id": ids,
        "dataset": "ucdp",
        "date": dates,
        "date_end": ends,
        "date_precision": date_prec.map(DATE_PRECISION).fillna("day"),
        "event_type": event_type,
        "orig_type": tov,
        "orig_subtype": tov.map(lambda t: UCDP_VIOLENCE_TYPES[t][1]
                                if t in UCDP_VIOLENCE_TYPES else None, na_action="ignore"),
        "actor1": col("side_a"),
        "actor2": col("side_b"),
        "location": col("where_coordinates"),
        "admin1": col("adm_1"),
        "country": country,
        "conflict_country": filed,  # UCDP's own country (of the conflict), as filed
        "lat": lat,
        "lon": lon,
        "geo_precision": where_prec.map(GEO_PRECISION).fillna("unknown").where(
            geocoded.isna(), geocoded.map(lambda f: FEATURE_PRECISION.get(f, "near"))),
        "orig_geo_precision": where_prec.where(geocoded.isna(), "geocoded:" + geocoded),
        "fatalities": fatalities,
        "source": col("source_office"),
        "notes": col("where_description"),
    }, index=frame.index)
    return Converted(events, checks)


def read_ucdp(path: str | os.PathLike[str], *, encoding: str | None = None,
              data: bytes | None = None, dayfirst: bool | None = None,
              geocoder: Any = None) -> ReadResult:
    """Read a UCDP GED CSV export (any encoding/date mix above) into a :class:`ReadResult`.

    ``data`` is accepted for compatibility and ignored: the file is parsed in batches.
    """
    def check(layout) -> None:
        missing = [c for c in ("id", "date_start", "latitude", "longitude")
                   if c not in (layout.names or [])]
        if missing:
            raise InputError(f"{path}: not a UCDP GED file: missing columns "
                             f"{', '.join(missing)}")

    del data
    return read_table(path, fmt="ucdp", convert=_convert, encoding=encoding, check=check,
                      dayfirst=dayfirst, geocoder=geocoder)
