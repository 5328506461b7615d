"""GDELT event and GKG files -> event table.

- :func:`read_gdelt_events`: GDELT 2.0 events export (tab-separated, no header, 61 columns);
  GDELT 1.0 daily files (58 columns, no ADM2 codes) and backfiles (57, no SOURCEURL) too.
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

from ...exceptions import InputError
from ..taxonomy import from_cameo
from ._common import (
    DateParser,
    ReadResult,
    Sink,
    check_coords,
    check_date,
    fips_to_iso2,
    load_delimited,
    malformed,
    row_dict,
    screen_row,
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


def _layout(table_rows: list[tuple[int, list[str]]], path: Any) -> tuple[str, ...]:
    widths = [len(v) for _, v in table_rows[:50]]
    width = max(set(widths), key=widths.count) if widths else 61
    if width not in _LAYOUTS:
        raise InputError(f"{path}: not a GDELT events file: {width} tab-separated columns, "
                         "expected 61 (GDELT 2.0), 58 or 57 (GDELT 1.0)")
    return _LAYOUTS[width]


def read_gdelt_events(path: str | os.PathLike[str], *, encoding: str | None = None,
                      data: bytes | None = None) -> ReadResult:
    """Read a GDELT events export (tab-separated, no header) into a :class:`ReadResult`."""
    table = load_delimited(path, header=False, delimiter="\t", encoding=encoding, data=data,
                           quoting=csv.QUOTE_NONE)
    columns = _layout(table.rows, path)
    sink = Sink(str(path), columns)
    parser = DateParser()
    for row, values in table.rows:
        sink.rows += 1
        raw = row_dict(columns, values)
        date, reason = screen_row(raw, len(values), len(columns),
                                  required=("GLOBALEVENTID", "SQLDATE", "EventCode"),
                                  date_field="SQLDATE", parser=parser)
        if reason:
            sink.reject(row, raw, reason)
            continue
        geo_type = text_or_none(raw["ActionGeo_Type"])
        lat, lon, reason = check_coords(raw["ActionGeo_Lat"], raw["ActionGeo_Long"])
        if reason:
            sink.reject(row, raw, reason)
            continue
        code = raw["EventCode"].strip()
        country, note = fips_country(raw["ActionGeo_CountryCode"], raw["ActionGeo_ADM1Code"])
        notes = [f"QuadClass {raw['QuadClass']}", f"Goldstein {raw['GoldsteinScale']}",
                 f"AvgTone {raw['AvgTone']}"]
        if note:
            notes.append(note)
        sink.keep(row, raw, {
            "event_id": raw["GLOBALEVENTID"].strip(),
            "dataset": "gdelt",
            "date": date,
            "date_precision": "day",
            "event_type": from_cameo(code),
            "orig_type": text_or_none(raw["EventRootCode"]) or code[:2],
            "orig_subtype": code,
            "actor1": text_or_none(raw["Actor1Name"]),
            "actor2": text_or_none(raw["Actor2Name"]),
            "location": text_or_none(raw["ActionGeo_FullName"]),
            "admin1": _admin1(geo_type, text_or_none(raw["ActionGeo_FullName"])),
            "country": country,
            "lat": lat,
            "lon": lon,
            "geo_precision": GEO_PRECISION.get(geo_type or "", "unknown")
            if lat is not None else "unknown",
            "orig_geo_precision": geo_type,
            "source": text_or_none(raw.get("SOURCEURL")),
            "notes": "; ".join(notes),
        })
    return sink.result(fmt="gdelt", encoding=table.encoding)


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
        date, _, date_reason = check_date(raw_doc["DATE"], parser, field_name="DATE")
        doc_id = text_or_none(raw_doc["DocumentIdentifier"])
        for n, block in enumerate(blocks, start=1):
            sink.rows += 1
            raw = {**base, "location": block}
            parts = block.split("#")
            if date_reason:
                sink.reject(row, raw, date_reason)
                continue
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
                "date_precision": "day",
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
                "notes": note,
                "article_id": doc_id,
                "span_start": int(offset) if offset.strip().isdigit() else None,
            })
    return sink.result(fmt="gkg", encoding=table.encoding)
