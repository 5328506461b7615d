"""GDELT event and GKG files -> event table.

- :func:`read_gdelt_events`: GDELT 2.0 events export (tab-separated, no header, 61 columns);
  GDELT 1.0 daily files (58 columns, no ADM2 codes) and backfiles (57, no SOURCEURL) too,
  also mixed in one file (each row is read in the layout of its own width).
  One row is one event at ``ActionGeo_*``; ``EventCode`` (a string: "043") maps to the unified
  taxonomy through CAMEO.
- GKG 2.1 ``V2Locations`` are read by :mod:`.gkg` (with this module's country and ADM1
  rules).

GDELT country codes are FIPS 10-4 (RS is Russia, UP Ukraine) and are converted to ISO2. The
ADM1 code starts with the FIPS country code; when the two disagree the ADM1 prefix wins (and
``notes`` says so), since the ADM1 code names the place itself.
"""

from __future__ import annotations

import math
import os
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import InputError
from ..taxonomy import from_cameo
from ._batch import Converted, State, read_table
from ._checks import Checks, map_unique, map_unique_pairs
from ._countries import fips_to_iso2
from ._files import BadRow, Layout, head_bytes
from ._geocode import FEATURE_PRECISION, coords_or_place
from ._result import ReadResult

__all__ = [
    "EVENT_COLUMNS",
    "GEO_PRECISION",
    "fips_country",
    "read_gdelt_events",
]

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: GDELT 2.0 event columns, in file order (from GDELT's Sep 2016 header-row file).
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{f}" for i in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(EVENT_COLUMNS) == 61

#: GDELT 1.0 daily files lack the three *_ADM2Code columns; backfiles also lack SOURCEURL.
_V1_COLUMNS = tuple(c for c in EVENT_COLUMNS if not c.endswith("ADM2Code"))
_LAYOUTS = {61: EVENT_COLUMNS, 58: _V1_COLUMNS, 57: _V1_COLUMNS[:-1]}

#: GDELT geographic match type -> unified geo_precision. Types 1, 2 and 5 carry centroids.
GEO_PRECISION: dict[str, str] = {
    "1": "country", "2": "admin1", "3": "exact", "4": "exact", "5": "admin1",
}


def _text(value: Any) -> str | None:
    """A stripped string, None when blank or missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value).strip() or None


def fips_country(country_code: Any, adm1_code: Any = None) -> tuple[str | None, str | None]:
    """``(ISO2, note)`` for a GDELT location's FIPS country code and ADM1 code.

    The ADM1 code's first two letters are the FIPS country; they win over a disagreeing
    country code (the note then says so).
    """
    fips = _text(country_code)
    adm1 = _text(adm1_code)
    note = None
    if adm1 and len(adm1) >= 2 and fips_to_iso2(adm1[:2]):
        if fips and fips.upper() != adm1[:2].upper():
            note = f"FIPS country code {fips} disagrees with ADM1 code {adm1}; used {adm1[:2]}"
        fips = adm1[:2]
    return fips_to_iso2(fips), note


def _admin1(geo_type: str | None, full_name: str | None) -> str | None:
    if not full_name:
        return None
    parts = [p.strip() for p in full_name.split(",")]
    if geo_type in ("3", "4") and len(parts) >= 3:
        return parts[-2]
    if geo_type in ("2", "5") and len(parts) >= 2:
        return parts[0]
    return None


def _check_layout(path: Any) -> Any:
    def check(layout: Layout) -> None:
        text = head_bytes(path, 1 << 20).decode(layout.encoding.name, errors="ignore")
        widths = [line.count("\t") + 1 for line in text.splitlines()[:50] if line.strip()]
        width = max(set(widths), key=widths.count) if widths else 61
        if width not in _LAYOUTS:
            raise InputError(f"{path}: not a GDELT events file: {width} tab-separated columns, "
                             "expected 61 (GDELT 2.0), 58 or 57 (GDELT 1.0)")
        layout.width = width
    return check


def _other_widths(bad: list[BadRow], state: State) -> tuple[pd.DataFrame, np.ndarray,
                                                             list[BadRow]]:
    """Rows of another GDELT layout (57, 58 or 61 columns) in the main layout's columns."""
    usable = [b for b in bad if b.fields in _LAYOUTS]
    rest = [b for b in bad if b.fields not in _LAYOUTS]
    if not usable:
        return pd.DataFrame(columns=state.names), np.zeros(0, dtype=np.int64), rest
    records = [dict(zip(_LAYOUTS[b.fields], b.text.split("\t"), strict=True)) for b in usable]
    columns = list(state.names)
    if "SOURCEURL" not in columns and any(b.fields > len(columns) for b in usable):
        columns.append("SOURCEURL")  # 58- or 61-column rows in a file of 57: keep their URL
    frame = pd.DataFrame.from_records(records, columns=columns).fillna("")
    rows = np.array([b.row for b in usable], dtype=np.int64)
    return frame.astype(str), rows, rest


def _convert_events(frame: pd.DataFrame, rows: np.ndarray, state: State) -> Converted:
    checks = Checks(frame)
    checks.required(("GLOBALEVENTID", "EventCode"))
    dates, _prec, _ = checks.date("SQLDATE", dayfirst=None)
    geo_type = checks.clean("ActionGeo_Type")
    full_name = checks.clean("ActionGeo_FullName")
    country_note = map_unique_pairs(checks.clean("ActionGeo_CountryCode"),
                                    checks.clean("ActionGeo_ADM1Code"), fips_country)
    country = country_note.map(lambda cn: cn[0] if cn else None)
    # a row whose point cannot be read is located by its full name in its country, else at
    # the country (ACLED and UCDP alike); rejected only when nothing locates it
    lat, lon, geocoded = coords_or_place(
        checks, "ActionGeo_Lat", "ActionGeo_Long", place=full_name,
        admin1=pd.Series(None, index=frame.index, dtype=object), country=country,
        geocode=state.geocode, required=False)
    ids = checks.clean("GLOBALEVENTID")
    checks.duplicates(ids, pd.Series(rows, index=frame.index), state.seen)
    code = checks.clean("EventCode")
    notes = ("QuadClass " + frame["QuadClass"].astype(str) + "; Goldstein "
             + frame["GoldsteinScale"].astype(str) + "; AvgTone " + frame["AvgTone"].astype(str))
    fips_note = country_note.map(lambda cn: cn[1] if cn else None)
    notes = notes.where(fips_note.isna(), notes + "; " + fips_note.fillna(""))
    located = lat.notna()
    source = checks.clean("SOURCEURL") if "SOURCEURL" in frame.columns else \
        pd.Series(pd.NA, index=frame.index, dtype="string")
    events = pd.DataFrame({
        "event_id": ids,
        "dataset": "gdelt",
        "date": dates,
        "date_precision": "day",
        "event_type": map_unique(code, from_cameo),
        "orig_type": checks.clean("EventRootCode").fillna(code.str[:2]),
        "orig_subtype": code,
        "actor1": checks.clean("Actor1Name"),
        "actor2": checks.clean("Actor2Name"),
        "location": full_name,
        "admin1": map_unique_pairs(geo_type, full_name, _admin1),
        "country": country,
        "lat": lat,
        "lon": lon,
        "geo_precision": geo_type.map(GEO_PRECISION).fillna("unknown").where(
            located, "unknown").where(geocoded.isna(),
                                      geocoded.map(lambda f: FEATURE_PRECISION.get(f, "near"))),
        "orig_geo_precision": geo_type.where(geocoded.isna(), "geocoded:" + geocoded),
        "source": source,
        "notes": notes,
    }, index=frame.index)
    return Converted(events, checks)


def read_gdelt_events(path: str | os.PathLike[str], *, encoding: str | None = None,
                      data: bytes | None = None, geocoder: Any = None) -> ReadResult:
    """Read a GDELT events export (tab-separated, no header) into a :class:`ReadResult`.

    The layout (61, 58 or 57 columns) is the commonest width of the first rows; rows of the
    other GDELT widths are read in their own layout, any other width is rejected as malformed.
    ``geocoder`` (as :func:`geomap.events.read_events` takes it) locates rows whose ActionGeo
    point is blank or unreadable by ``ActionGeo_FullName`` in their country, else at the
    country. ``data`` is accepted for compatibility and ignored.
    """
    del data
    return read_table(path, fmt="gdelt", convert=_convert_events, header=False,
                      delimiter="\t", encoding=encoding, quoting=False,
                      names=lambda layout: list(_LAYOUTS[layout.width]),
                      bad_rows=_other_widths, check=_check_layout(path),
                      expected="57, 58 or 61", geocoder=geocoder)
