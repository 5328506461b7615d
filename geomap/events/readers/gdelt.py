"""GDELT event and GKG files -> event table.

- :func:`read_gdelt_events`: GDELT 2.0 events export (tab-separated, no header, 61 columns);
  GDELT 1.0 daily files (58 columns, no ADM2 codes) and backfiles (57, no SOURCEURL) too,
  also mixed in one file (each row is read in the layout of its own width).
  One row is one event at ``ActionGeo_*``; ``EventCode`` (a string: "043") maps to the unified
  taxonomy through CAMEO.
- :func:`read_gkg_locations`: GKG 2.1 ``V2Locations``: one record per location mention
  (``Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#FeatureID#CharOffset``), in the
  event schema with ``dataset="gdelt-gkg"`` and ``event_type`` null: a location mention says
  where an article looks, not that anything happened there.

GDELT country codes are FIPS 10-4 (RS is Russia, UP Ukraine) and are converted to ISO2. The
ADM1 code starts with the FIPS country code; when the two disagree the ADM1 prefix wins (and
``notes`` says so), since the ADM1 code names the place itself.
"""

from __future__ import annotations

import csv
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
from ._result import ReadResult
from ._rows import (
    DateParser,
    Sink,
    check_coords,
    check_date,
    load_delimited,
    malformed,
    row_dict,
    text_or_none,
)

__all__ = [
    "EVENT_COLUMNS",
    "GEO_PRECISION",
    "GKG_COLUMNS",
    "fips_country",
    "read_gdelt_events",
    "read_gkg_locations",
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

#: GKG 2.1 columns, in file order.
GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
    "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations",
    "V2Locations", "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone", "Dates",
    "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds", "SocialVideoEmbeds",
    "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)

#: GDELT geographic match type -> unified geo_precision. Types 1, 2 and 5 carry centroids.
GEO_PRECISION: dict[str, str] = {
    "1": "country", "2": "admin1", "3": "exact", "4": "exact", "5": "admin1",
}


def fips_country(country_code: Any, adm1_code: Any = None) -> tuple[str | None, str | None]:
    """``(ISO2, note)`` for a GDELT location's FIPS country code and ADM1 code.

    The ADM1 code's first two letters are the FIPS country; they win over a disagreeing
    country code (the note then says so).
    """
    fips = text_or_none(country_code)
    adm1 = text_or_none(adm1_code)
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
    lat, lon = checks.coords("ActionGeo_Lat", "ActionGeo_Long", required=False)
    ids = checks.clean("GLOBALEVENTID")
    checks.duplicates(ids, pd.Series(rows, index=frame.index), state.seen)
    code = checks.clean("EventCode")
    geo_type = checks.clean("ActionGeo_Type")
    full_name = checks.clean("ActionGeo_FullName")
    country_note = map_unique_pairs(checks.clean("ActionGeo_CountryCode"),
                                    checks.clean("ActionGeo_ADM1Code"), fips_country)
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
        "country": country_note.map(lambda cn: cn[0] if cn else None),
        "lat": lat,
        "lon": lon,
        "geo_precision": geo_type.map(GEO_PRECISION).fillna("unknown").where(located,
                                                                             "unknown"),
        "orig_geo_precision": geo_type,
        "source": source,
        "notes": notes,
    }, index=frame.index)
    return Converted(events, checks)


def read_gdelt_events(path: str | os.PathLike[str], *, encoding: str | None = None,
                      data: bytes | None = None) -> ReadResult:
    """Read a GDELT events export (tab-separated, no header) into a :class:`ReadResult`.

    The layout (61, 58 or 57 columns) is the commonest width of the first rows; rows of the
    other GDELT widths are read in their own layout, any other width is rejected as malformed.
    ``data`` is accepted for compatibility and ignored.
    """
    del data
    return read_table(path, fmt="gdelt", convert=_convert_events, header=False,
                      delimiter="\t", encoding=encoding, quoting=False,
                      names=lambda layout: list(_LAYOUTS[layout.width]),
                      bad_rows=_other_widths, check=_check_layout(path),
                      expected="57, 58 or 61")


def read_gkg_locations(path: str | os.PathLike[str], *, encoding: str | None = None,
                       data: bytes | None = None) -> ReadResult:
    """Read the ``V2Locations`` of a GKG 2.1 file: one record per location mention.

    ``rows`` counts location mentions (documents without locations add none); ``event_id`` is
    ``GKGRECORDID#n`` (n = 1-based position in V2Locations), ``source_row`` the document's
    data row, ``article_id`` and ``source`` its DocumentIdentifier, ``span_start`` the
    mention's character offset in the article. ``event_type`` is null.
    """
    table = load_delimited(path, header=False, delimiter="\t", encoding=encoding, data=data,
                           quoting=csv.QUOTE_NONE)
    widths = {len(v) for _, v in table.rows[:50]}
    if table.rows and len(GKG_COLUMNS) not in widths:
        raise InputError(f"{path}: not a GKG 2.1 file: expected {len(GKG_COLUMNS)} "
                         f"tab-separated columns, found {sorted(widths)}")
    sink = Sink(str(path), ["GKGRECORDID", "DATE", "DocumentIdentifier", "location"])
    parser = DateParser()
    for row, values in table.rows:
        raw_doc = row_dict(GKG_COLUMNS, values)
        base = {k: raw_doc.get(k) for k in ("GKGRECORDID", "DATE", "DocumentIdentifier")}
        if len(values) != len(GKG_COLUMNS):
            sink.rows += 1
            sink.reject(row, {**base, "location": None},
                        malformed(len(values), len(GKG_COLUMNS)))
            continue
        blocks = [b for b in (raw_doc["V2Locations"] or "").split(";") if b.strip()]
        date, _, undated, date_note = check_date(raw_doc["DATE"], parser)
        doc_id = text_or_none(raw_doc["DocumentIdentifier"])
        for n, block in enumerate(blocks, start=1):
            sink.rows += 1
            raw = {**base, "location": block}
            parts = block.split("#")
            if len(parts) != 9:
                sink.reject(row, raw, f"malformed location: {len(parts)} fields, expected 9")
                continue
            geo_type, name, fips, adm1, _adm2, lat_raw, lon_raw, _feature, offset = parts
            lat, lon, reason = check_coords(lat_raw, lon_raw)
            if reason:
                sink.reject(row, raw, reason)
                continue
            country, note = fips_country(fips, adm1)
            sink.keep(row, raw, {
                "event_id": f"{raw_doc['GKGRECORDID']}#{n}",
                "dataset": "gdelt-gkg",
                "date": date,
                "date_precision": "day" if date is not None else None,
                "event_type": None,
                "location": text_or_none(name),
                "admin1": _admin1(geo_type, text_or_none(name)),
                "country": country,
                "lat": lat,
                "lon": lon,
                "geo_precision": GEO_PRECISION.get(geo_type, "unknown")
                if lat is not None else "unknown",
                "orig_geo_precision": text_or_none(geo_type),
                "source": doc_id,
                "notes": "; ".join(filter(None, [note, date_note])) or None,
                "article_id": doc_id,
                "span_start": int(offset) if offset.strip().isdecimal() else None,
            }, undated)
    return sink.result(fmt="gkg", encoding=table.encoding)
