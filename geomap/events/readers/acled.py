"""ACLED CSV exports -> event table.

Reads the current 31-column export (``event_id_cnty, event_date, year, time_precision,
disorder_type, ...``), older exports (with ``data_id``, ``event_id_no_cnty`` and ``iso3``, no
``disorder_type``/``civilian_targeting``/``tags``) and re-exports whose ``event_date`` reads
``dd/mm/yyyy 00:00:00``. Columns are found by name, so their order does not matter.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import InputError
from ..taxonomy import from_acled
from ._batch import Converted, State, read_table
from ._checks import Checks, code, map_unique, map_unique_pairs
from ._countries import country_to_iso2
from ._geocode import FEATURE_PRECISION, coords_or_place
from ._result import ReadResult

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

#: Fields a record cannot do without (a record without a date is kept undated; one without
#: readable coordinates is located by its place name, rejected only when that fails too).
REQUIRED = ("event_id_cnty", "event_type", "latitude", "longitude")


def _convert(frame: pd.DataFrame, rows: np.ndarray, state: State) -> Converted:
    checks = Checks(frame)
    checks.required([c for c in REQUIRED[:2] if c in frame.columns])
    dates, _prec, _ = checks.date("event_date", dayfirst=state.date_order(frame, "event_date"))
    col = checks.clean
    country = map_unique(col("iso"), country_to_iso2)
    for other in ("iso3", "country"):
        missing = country.isna()
        if missing.any():
            country = country.where(~missing, map_unique(col(other), country_to_iso2))
    # a row with no readable point but its place named is located by the name (new-user 7)
    lat, lon, geocoded = coords_or_place(checks, "latitude", "longitude", place=col("location"),
                                         admin1=col("admin1"), country=country,
                                         geocode=state.geocode)
    fatalities = checks.count("fatalities", whole=False)
    ids = checks.clean("event_id_cnty")
    checks.duplicates(ids, pd.Series(rows, index=frame.index), state.seen)

    geo_prec = code(col("geo_precision"))
    time_prec = code(col("time_precision"))
    events = pd.DataFrame({
        "event_id": ids,
        "dataset": "acled",
        "date": dates,
        "date_precision": time_prec.map(DATE_PRECISION).fillna("day"),
        "event_type": map_unique_pairs(col("event_type"), col("sub_event_type"), from_acled),
        "orig_type": col("event_type"),
        "orig_subtype": col("sub_event_type"),
        "actor1": col("actor1"),
        "actor2": col("actor2"),
        "location": col("location"),
        "admin1": col("admin1"),
        "country": country,
        "lat": lat,
        "lon": lon,
        "geo_precision": geo_prec.map(GEO_PRECISION).fillna("unknown").where(
            geocoded.isna(), geocoded.map(lambda f: FEATURE_PRECISION.get(f, "near"))),
        "orig_geo_precision": geo_prec.where(geocoded.isna(), "geocoded:" + geocoded),
        "fatalities": fatalities,
        "source": col("source"),
        "notes": col("notes"),
    }, index=frame.index)
    return Converted(events, checks)


def _lower(layout) -> list[str]:
    return [h.lower() for h in (layout.names or [])]


def read_acled(path: str | os.PathLike[str], *, encoding: str | None = None,
               data: bytes | None = None, dayfirst: bool | None = None,
               geocoder: Any = None) -> ReadResult:
    """Read an ACLED export (current or older layout) into a :class:`ReadResult`.

    ``geocoder`` (as :func:`geomap.events.read_events` takes it) locates rows whose
    coordinates are blank or unreadable by their location and admin-1 names; None rejects them.

    ``data`` is accepted for compatibility and ignored: the file is parsed in batches.
    """
    def check(layout) -> None:
        header = _lower(layout)
        missing = [c for c in ("event_id_cnty", "event_date", "event_type") if c not in header]
        if missing:
            raise InputError(f"{path}: not an ACLED export: missing columns "
                             f"{', '.join(missing)}")

    del data
    return read_table(path, fmt="acled", convert=_convert, encoding=encoding, names=_lower,
                      check=check, dayfirst=dayfirst, geocoder=geocoder)
