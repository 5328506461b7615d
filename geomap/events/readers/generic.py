"""Any table of events -> event table: CSV/TSV, XLSX or GeoJSON with sniffed columns.

Columns are found by name, case-insensitively (see the ``*_NAMES`` tuples), or chosen with
``lat_col``, ``lon_col``, ``place_col``, ``date_col``, ``id_col``, ``type_col``. Locations come
from coordinate columns, a GeoJSON geometry, or a place-name column geocoded with ``geocoder``
(any object with ``.geocode(query)`` returning a result whose ``.place`` has ``lat``, ``lon``,
``country``, ``admin1``, ``feature``, or None). Rows without any location are kept, unlocated.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...exceptions import InputError
from ..schema import DATE_PRECISIONS, GEO_PRECISIONS
from ..taxonomy import from_acled, normalise_type
from ._common import (
    DateParser,
    ReadResult,
    Sink,
    blank,
    check_coords,
    check_date,
    country_to_iso2,
    load_delimited,
    malformed,
    read_bytes,
    row_dict,
    text_or_none,
)

__all__ = ["NAMES", "read_generic"]

#: Candidate column names for each role, by priority (compared lower case, ignoring spaces,
#: dots, dashes and underscores).
NAMES: dict[str, tuple[str, ...]] = {
    "lat": ("lat", "latitude", "y", "latdd", "decimallatitude"),
    "lon": ("lon", "lng", "long", "longitude", "x", "londd", "decimallongitude"),
    "date": ("date", "eventdate", "datestart", "startdate", "day", "datetime", "sqldate",
             "time"),
    "place": ("location", "place", "placename", "locality", "city", "town", "settlement",
              "village", "wherecoordinates", "toponym"),
    "id": ("eventid", "id", "uid", "eventidcnty", "globaleventid", "fid"),
    "type": ("eventtype", "type", "category", "eventcategory"),
    "subtype": ("subeventtype", "subtype", "eventsubtype"),
    "actor1": ("actor1", "actor", "sidea", "perpetrator"),
    "actor2": ("actor2", "sideb", "target"),
    "admin1": ("admin1", "adm1", "region", "oblast", "province", "state"),
    "country": ("country", "countrycode", "iso2", "iso", "iso3", "countryiso"),
    "fatalities": ("fatalities", "deaths", "killed", "best", "casualties"),
    "source": ("source", "url", "sourceurl", "link"),
    "notes": ("notes", "description", "summary", "comment", "comments"),
    "date_precision": ("dateprecision",),
    "geo_precision": ("geoprecision",),
    "dataset": ("dataset",),
}

#: Roles where two matching columns are an error rather than a priority choice.
_STRICT = ("lat", "lon")

_FEATURE_PRECISION = {
    "populated_place": "exact", "admin2": "admin2", "admin1": "admin1", "country": "country",
}


def _norm(name: str) -> str:
    return re.sub(r"[\s._\-]+", "", str(name).strip().lower())


def _pick(fields: Sequence[str], role: str, chosen: str | None) -> str | None:
    if chosen is not None:
        matches = [f for f in fields if f == chosen] or [
            f for f in fields if f.lower() == chosen.lower()]
        if not matches:
            raise InputError(f"no column {chosen!r} for {role}; columns are: "
                             f"{', '.join(fields)}")
        return matches[0]
    by_norm = [(f, _norm(f)) for f in fields]
    if role in _STRICT:
        found = [f for f, n in by_norm if n in NAMES[role]]
        if len(found) > 1:
            raise InputError(
                f"ambiguous {'latitude' if role == 'lat' else 'longitude'} column: "
                f"{', '.join(found)} could each be it; choose one with "
                f"{role}_col (--{role}-col)")
        return found[0] if found else None
    for candidate in NAMES[role]:
        for f, n in by_norm:
            if n == candidate:
                return f
    return None


def _load_xlsx(path: str | os.PathLike[str], sheet: str | None) -> tuple[list[str],
                                                                        list[tuple[int, list]]]:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("reading XLSX files needs openpyxl: pip install openpyxl") from exc
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise InputError(f"{path}: no sheet {sheet!r}; sheets: {', '.join(wb.sheetnames)}")
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        header: list[str] | None = None
        rows: list[tuple[int, list]] = []
        for values in ws.iter_rows(values_only=True):
            vals = ["" if v is None else v for v in values]
            if all(blank(v) for v in vals):
                continue
            if header is None:
                header = [str(v).strip() or f"column_{i + 1}" for i, v in enumerate(vals)]
                continue
            while len(vals) > len(header) and blank(vals[-1]):
                vals.pop()
            rows.append((len(rows) + 1, vals))
    finally:
        wb.close()
    if header is None:
        raise InputError(f"{path}: empty workbook, not an event table")
    return header, rows


def _load_geojson(path: str | os.PathLike[str], data: bytes) -> tuple[
        list[str], list[tuple[int, dict[str, Any], dict[str, Any] | None]]]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not valid GeoJSON: {exc}") from exc
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        features = [doc]
    elif isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        features = doc.get("features") or []
    else:
        raise InputError(f"{path}: not a GeoJSON FeatureCollection")
    fields: list[str] = []
    out = []
    for i, feat in enumerate(features, start=1):
        props = (feat or {}).get("properties") or {}
        for k in props:
            if k not in fields:
                fields.append(k)
        out.append((i, dict(props), (feat or {}).get("geometry")))
    return fields, out


def _geometry_point(geom: dict[str, Any]) -> tuple[Any, Any, str | None]:
    """``(x, y, non-point geometry type)`` from a GeoJSON geometry."""
    if geom.get("type") == "Point":
        coords = [*(geom.get("coordinates") or []), None, None]
        return coords[0], coords[1], None
    from shapely.geometry import shape

    try:
        point = shape(geom).representative_point()
    except Exception:
        return None, None, str(geom.get("type"))
    return point.x, point.y, str(geom.get("type"))


class _Geocache:
    def __init__(self, geocoder: Any) -> None:
        self.geocoder = geocoder
        self.cache: dict[str, Any] = {}

    def __call__(self, query: str) -> Any:
        if query not in self.cache:
            result = self.geocoder.geocode(query)
            self.cache[query] = getattr(result, "place", result)
        return self.cache[query]


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
    the latitude/longitude column is ambiguous (two candidates).
    """
    name = str(path)
    suffix = Path(name).suffix.lower()
    if kind is None:
        if data is None and suffix not in (".xlsx", ".xlsm"):
            data = read_bytes(path)
        if suffix in (".xlsx", ".xlsm") or (data or b"").startswith(b"PK\x03\x04"):
            kind = "xlsx"
        elif suffix in (".geojson", ".json") or (data or b"").lstrip()[:1] == b"{":
            kind = "geojson"
        else:
            kind = "csv"
    geometries: dict[int, dict[str, Any] | None] = {}
    encoding_used = None
    encoding_report = ""
    if kind == "xlsx":
        if not Path(name).exists():
            raise InputError(f"{name}: no such file")
        fields, rows = _load_xlsx(path, sheet)
        records = [(r, row_dict(fields, v), len(v)) for r, v in rows]
    elif kind == "geojson":
        fields, feats = _load_geojson(path, data if data is not None else read_bytes(path))
        records = [(r, {f: props.get(f) for f in fields}, len(fields)) for r, props, _ in feats]
        geometries = {r: g for r, _, g in feats}
    else:
        table = load_delimited(path, encoding=encoding, data=data)
        fields = table.header or []
        encoding_used = table.encoding
        encoding_report = table.encoding_report
        records = [(r, row_dict(fields, v), len(v)) for r, v in table.rows]

    col = {role: _pick(fields, role, chosen) for role, chosen in (
        ("lat", lat_col), ("lon", lon_col), ("place", place_col), ("date", date_col),
        ("id", id_col), ("type", type_col))}
    for role in NAMES:
        if role not in col:
            col[role] = _pick(fields, role, None)
    if (col["lat"] is None) != (col["lon"] is None):
        missing = "longitude" if col["lon"] is None else "latitude"
        raise InputError(f"{name}: found a {'latitude' if missing == 'longitude' else 'longitude'}"
                         f" column but no {missing} column; choose it with "
                         f"{'lon' if missing == 'longitude' else 'lat'}_col")

    geocode = _Geocache(geocoder) if geocoder is not None else None
    parser = DateParser((raw.get(col["date"]) for _, raw, _ in records) if col["date"] else (),
                        name=col["date"] or "date", dayfirst=dayfirst)
    stem = Path(name).stem
    sink = Sink(name, fields)
    for row, raw, width in records:
        sink.rows += 1
        if kind == "csv" and width != len(fields):
            sink.reject(row, raw, malformed(width, len(fields)))
            continue
        date, hint, undated, date_note = check_date(
            raw.get(col["date"]) if col["date"] else None, parser)
        if col["id"] is not None:
            event_id = text_or_none(raw.get(col["id"]))
            if event_id is None:
                sink.reject(row, raw, f"missing required field: {col['id']}")
                continue
        else:
            event_id = f"{stem}:{row}"
        lat = lon = None
        geo_prec = orig_geo = None
        place = None
        geom = geometries.get(row)
        if geom:
            x, y, other = _geometry_point(geom)
            lat, lon, reason = check_coords(y, x, required=True)
            if reason:
                sink.reject(row, raw, reason)
                continue
            geo_prec, orig_geo = ("unknown", other) if other else ("exact", "Point")
        if lat is None and col["lat"] is not None:
            lat, lon, reason = check_coords(raw.get(col["lat"]), raw.get(col["lon"]))
            if reason:
                sink.reject(row, raw, reason)
                continue
            if lat is not None:
                geo_prec, orig_geo = "exact", None
        location = text_or_none(raw.get(col["place"])) if col["place"] else None
        notes = text_or_none(raw.get(col["notes"])) if col["notes"] else None
        notes = "; ".join(filter(None, [notes, date_note])) or None
        if lat is None and location and geocode is not None:
            place = geocode(location)
            if place is not None:
                lat, lon = float(place.lat), float(place.lon)
                feature = getattr(place, "feature", None)
                geo_prec = _FEATURE_PRECISION.get(feature or "", "near")
                orig_geo = f"geocoded:{feature}" if feature else "geocoded"
            else:
                notes = "; ".join(filter(None, [notes, f"place not found: {location}"]))
        given_geo = text_or_none(raw.get(col["geo_precision"])) if col["geo_precision"] else None
        if given_geo and given_geo.lower() in GEO_PRECISIONS and lat is not None:
            geo_prec, orig_geo = given_geo.lower(), given_geo
        given_date = (text_or_none(raw.get(col["date_precision"]))
                      if col["date_precision"] else None)
        date_prec = hint or "day"
        if given_date and given_date.lower() in DATE_PRECISIONS:
            date_prec = given_date.lower()
        fatalities = None
        if col["fatalities"] and not blank(raw.get(col["fatalities"])):
            try:
                fatalities = int(float(str(raw[col["fatalities"]]).strip()))
                if fatalities < 0:
                    raise ValueError
            except ValueError:
                sink.reject(row, raw, f"invalid fatalities: {raw[col['fatalities']]!r}")
                continue
        orig_type = text_or_none(raw.get(col["type"])) if col["type"] else None
        orig_sub = text_or_none(raw.get(col["subtype"])) if col["subtype"] else None
        event_type = None
        if orig_type:
            event_type = (from_acled(orig_type, orig_sub) if orig_sub else None) or \
                normalise_type(orig_type)
        country = country_to_iso2(raw.get(col["country"])) if col["country"] else None
        admin1 = text_or_none(raw.get(col["admin1"])) if col["admin1"] else None
        if place is not None:
            country = country or getattr(place, "country", None)
            admin1 = admin1 or getattr(place, "admin1", None)
        sink.keep(row, raw, {
            "event_id": event_id,
            "dataset": dataset or (text_or_none(raw.get(col["dataset"])) if col["dataset"]
                                   else None) or "generic",
            "date": date,
            "date_precision": date_prec if date is not None else None,
            "event_type": event_type,
            "orig_type": orig_type,
            "orig_subtype": orig_sub,
            "actor1": text_or_none(raw.get(col["actor1"])) if col["actor1"] else None,
            "actor2": text_or_none(raw.get(col["actor2"])) if col["actor2"] else None,
            "location": location,
            "admin1": admin1,
            "country": country,
            "lat": lat,
            "lon": lon,
            "geo_precision": geo_prec if lat is not None else "unknown",
            "orig_geo_precision": orig_geo,
            "fatalities": fatalities,
            "source": text_or_none(raw.get(col["source"])) if col["source"] else None,
            "notes": notes,
        }, undated)
    result = sink.result(fmt="generic", encoding=encoding_used)
    result.encoding_report = encoding_report
    result.date_report = parser.report
    result.warnings.extend(parser.warnings)
    if col["date"] is None and sink.rows:
        result.warnings.append(f"{name}: no date column found (looked for "
                               f"{', '.join(NAMES['date'])}); events are undated; choose one "
                               "with date_col (--date-col)")
    if col["lat"] is None and not geometries and col["place"] is None:
        result.warnings.append(f"{name}: no coordinate or place column; events are unlocated")
    elif col["lat"] is None and not geometries and geocoder is None:
        result.warnings.append(f"{name}: place names not geocoded (no geocoder given); "
                               "events are unlocated")
    return result
