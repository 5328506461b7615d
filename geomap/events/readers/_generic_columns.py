"""Generic event tables as columns: which column plays which role (:func:`pick_roles`), XLSX
and GeoJSON loaded as frames of strings (:func:`._xlsx.load_xlsx`, :func:`load_geojson`), and the
column-wise ``convert`` that checks one batch (:func:`convert`, used by :mod:`.generic`).

Checks run in the order the readers have always applied them (first failing check wins): the
id, a GeoJSON geometry, the coordinate columns, the fatalities, duplicated ids. A row without a
usable date is kept undated; a row without a location is kept unlocated.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ...exceptions import InputError
from ..schema import DATE_PRECISIONS, GEO_PRECISIONS
from ..taxonomy import from_acled, normalise_type
from ._batch import Converted, State
from ._checks import Checks, coords, map_unique, map_unique_pairs
from ._countries import country_to_iso2
from ._geocode import Geocache, is_coordinate_pair, place_precision

__all__ = [
    "NAMES",
    "Roles",
    "cell_text",
    "cells_frame",
    "convert",
    "load_geojson",
    "pick_column",
    "pick_roles",
]

#: Candidate column names for each role, by priority (compared lower case, ignoring spaces,
#: dots, dashes and underscores, "ё" as "е"), in English and then in Ukrainian and Russian
#: (tables of the languages geomap reads; see :data:`_HEADERS_UK_RU`).
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

#: Ukrainian and Russian column names by role (normalised as :func:`_norm` does).
_HEADERS_UK_RU: dict[str, tuple[str, ...]] = {
    "lat": ("широта",),
    "lon": ("довгота", "долгота"),
    "date": ("дата", "датаподії", "датасобытия"),
    "place": ("населенийпункт", "населенныйпункт", "місце", "место", "локація", "локация",
              "місто", "город", "село"),
    "id": ("ід", "ид", "номер"),
    "type": ("тип", "типподії", "типсобытия", "подія", "событие", "категорія", "категория"),
    "admin1": ("область", "регіон", "регион"),
    "country": ("країна", "страна"),
    "fatalities": ("загиблі", "загиблих", "погибшие", "погибших", "убиті", "убитые"),
    "source": ("джерело", "источник"),
    "notes": ("опис", "описание", "примітки", "примечание", "коментар", "комментарий"),
}
for _role, _names in _HEADERS_UK_RU.items():
    NAMES[_role] = (*NAMES[_role], *_names)


def _norm(name: str) -> str:
    return re.sub(r"[\s._\-]+", "", str(name).strip().lower().replace("ё", "е"))


def pick_column(fields: Sequence[str], role: str, chosen: str | None) -> str | None:
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


@dataclass
class Roles:
    """The column of each role (None when the table has none) and what a file shares across
    its batches: the geocoder's cache, GeoJSON geometries (``x``, ``y`` as strings, ``type``
    None for a Point, ``present``; by row position)."""

    cols: dict[str, str | None]
    stem: str
    dataset: str | None = None
    geocode: Geocache | None = None
    geometry: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)

    def warnings(self, name: str, *, rows: int) -> list[str]:
        out = []
        if self.cols["date"] is None and rows:
            out.append(f"{name}: no date column found (looked for {', '.join(NAMES['date'])}); "
                       "events are undated; name it with --date-col (date_col= in Python)")
        if self.cols["lat"] is None and self.geometry is None:
            if self.cols["place"] is None:
                out.append(f"{name}: no coordinate or place column; events are unlocated")
            elif self.geocode is None:
                out.append(f"{name}: place names not geocoded (no geocoder given); events are "
                           "unlocated")
        return out


def pick_roles(name: str, fields: Sequence[str], chosen: dict[str, str | None], *,
               geocoder: Any, dataset: str | None, stem: str,
               geometry: pd.DataFrame | None = None) -> Roles:
    """The role of each column (``chosen`` ones by name); InputError for an ambiguous
    latitude/longitude or a latitude without longitude (or the reverse)."""
    fields = list(fields)
    cols = {role: pick_column(fields, role, chosen.get(role)) for role in NAMES}
    if (cols["lat"] is None) != (cols["lon"] is None):
        missing = "longitude" if cols["lon"] is None else "latitude"
        raise InputError(f"{name}: found a {'latitude' if missing == 'longitude' else 'longitude'}"
                         f" column but no {missing} column; choose it with "
                         f"{'lon' if missing == 'longitude' else 'lat'}_col")
    if geometry is None and not any(cols[r] for r in ("date", "place", "lat", "type", "admin1")):
        raise InputError(f"{name}: not an event table: no date, place, coordinate or event type "
                         f"column (columns: {', '.join(fields[:12])}"
                         f"{', ...' if len(fields) > 12 else ''})")
    return Roles(cols, stem, dataset, Geocache(geocoder) if geocoder is not None else None,
                 geometry)


# -- in-memory tables -----------------------------------------------------------------------

def cell_text(value: Any) -> str:
    """A cell as text: "" for none, whole floats without ".0", dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat() if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def cells_frame(fields: list[str], rows: list[list[Any]]) -> pd.DataFrame:
    """Rows of cells as string columns (surplus cells joined in ``_extra_fields``)."""
    width = len(fields)
    data = {f: [cell_text(r[i]) if i < len(r) else "" for r in rows] for i, f in enumerate(fields)}
    frame = pd.DataFrame(data, columns=fields, dtype=object)
    if any(len(r) > width for r in rows):
        frame["_extra_fields"] = [" | ".join(cell_text(v) for v in r[width:]) if len(r) > width
                                  else "" for r in rows]
    return frame


def _point(geom: Any) -> tuple[Any, Any, str | None, bool, str | None]:
    """``(x, y, non-point type, present, area)`` of a GeoJSON geometry: a polygon's point is
    a point inside it, and ``area`` the polygon itself as WKT (see :func:`area_precision`)."""
    if not geom:
        return None, None, None, False, None
    if not isinstance(geom, dict):
        return None, None, type(geom).__name__, True, None
    if geom.get("type") == "Point":
        xy = [*(geom.get("coordinates") or []), None, None]
        return xy[0], xy[1], None, True, None
    from shapely.geometry import shape

    try:
        shp = shape(geom)
        point = shp.representative_point()
    except Exception:
        return None, None, str(geom.get("type")), True, None
    area = shp.wkt if shp.geom_type in ("Polygon", "MultiPolygon") and shp.is_valid \
        and not shp.is_empty else None
    return point.x, point.y, str(geom.get("type")), True, area


def area_precision(wkt: str) -> str:
    """The ``geo_precision`` an area stands for, by its size: the radius of a disc of the
    same area under 5 km "near", under 40 km "admin2" (a district), under 200 km "admin1"
    (a province), else "country"; the area itself is kept (``area_wkt``) and drawn."""
    import shapely

    shp = shapely.from_wkt(wkt)
    lat = shp.representative_point().y
    km2 = shp.area * 111.32 ** 2 * max(0.05, math.cos(math.radians(lat)))
    radius = math.sqrt(km2 / math.pi)
    return "near" if radius < 5 else "admin2" if radius < 40 else \
        "admin1" if radius < 200 else "country"


def load_geojson(path: str | os.PathLike[str], data: bytes
                 ) -> tuple[list[str], pd.DataFrame, np.ndarray, pd.DataFrame]:
    """``(property names, frame of strings, feature numbers, geometries)`` of a GeoJSON
    FeatureCollection (or one Feature); geometries as :class:`Roles` holds them."""
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
    props = [((f if isinstance(f, dict) else {}).get("properties") or {}) for f in features]
    props = [p if isinstance(p, dict) else {} for p in props]
    fields = list(dict.fromkeys(k for p in props for k in p))
    frame = cells_frame(fields, [[p.get(k) for k in fields] for p in props])
    names = [f for f in fields if _norm(f) == "name"]
    if names and not any(_norm(f) in NAMES["place"] for f in fields):
        # a feature's "name" is the place it draws ("Pokrovsk area"), as GeoJSON uses it
        fields.append("location")
        frame["location"] = frame[names[0]]
    points = [_point((f if isinstance(f, dict) else {}).get("geometry")) for f in features]
    geometry = pd.DataFrame({
        "x": [cell_text(p[0]) for p in points], "y": [cell_text(p[1]) for p in points],
        "type": [p[2] for p in points], "present": [p[3] for p in points],
        "area": [p[4] for p in points]}, dtype=object)
    geometry["present"] = geometry["present"].astype(bool)
    return fields, frame, np.arange(1, len(features) + 1, dtype=np.int64), geometry


# -- one batch ------------------------------------------------------------------------------

def _event_type(orig_type: Any, orig_sub: Any) -> str | None:
    if not orig_type:
        return None
    return ((from_acled(orig_type, orig_sub) if orig_sub else None) or normalise_type(orig_type)
            or _type_from_words(orig_type))


def _type_from_words(label: str) -> str | None:
    """The type of a free-text label ("shelling", "drone strike", "обстріл", "атака БПЛА") from
    the event words of its language (:attr:`geomap.lang.Language.triggers`, their lemmas): the
    first word of the label that is one, as the text extractor reads it."""
    from ...lang import get_language

    for word in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", str(label).lower()):
        codes = ("en",) if word.isascii() else ("uk", "ru")
        for code in codes:
            lang = get_language(code)
            for lemma in dict.fromkeys([word, *lang.lemmas(word)]):
                trigger = lang.triggers.get(lemma)
                if trigger is not None and not trigger.move and not trigger.say:
                    return trigger.type
    return None


def convert(frame: pd.DataFrame, rows: np.ndarray, state: State, roles: Roles) -> Converted:
    """The checks and event columns of one batch of a generic table."""
    checks = Checks(frame)
    idx = frame.index
    cols = roles.cols
    none = pd.Series(pd.NA, index=idx, dtype="string")

    def col(role: str) -> pd.Series:
        return checks.clean(cols[role]) if cols[role] else none

    if cols["id"]:
        checks.required([cols["id"]])
        ids = col("id")
    else:
        ids = pd.Series(np.char.add(f"{roles.stem}:", rows.astype(str)), index=idx,
                        dtype="string")
    if cols["date"]:
        dates, precision, _ = checks.date(cols["date"],
                                          dayfirst=state.date_order(frame, cols["date"]))
    else:
        dates = pd.Series(pd.NaT, index=idx, dtype="datetime64[s]")
        precision = pd.Series(None, index=idx, dtype=object)
        checks._undated(pd.Series(True, index=idx), "no date column")

    lat = pd.Series(np.nan, index=idx, dtype="float64")
    lon = lat.copy()
    geo_prec = pd.Series(None, index=idx, dtype=object)
    orig_geo = pd.Series(None, index=idx, dtype=object)
    point_why = pd.Series(None, index=idx, dtype=object)  # unusable coordinates, a place named
    with_geometry = pd.Series(False, index=idx)
    area = pd.Series(None, index=idx, dtype=object)  # a polygon's own outline (WKT)
    if roles.geometry is not None:
        geom = roles.geometry.iloc[rows - 1].set_index(idx)
        with_geometry = geom["present"]
        if with_geometry.any():
            g = geom[with_geometry]
            g_lat, g_lon, reason = coords(g["y"].astype(str), g["x"].astype(str), required=True)
            checks.fail(reason.reindex(idx).notna(), reason.reindex(idx))
            lat[g.index], lon[g.index] = g_lat, g_lon
            point = g["type"].isna()
            geo_prec[g.index] = np.where(point, "exact", "unknown")
            orig_geo[g.index] = g["type"].where(~point, "Point")
            polygon = g["area"].notna() & g_lat.notna()
            if polygon.any():
                area[g.index[polygon]] = g.loc[polygon, "area"]
                geo_prec[g.index[polygon]] = g.loc[polygon, "area"].map(area_precision)
    if cols["lat"]:
        rest = ~with_geometry
        c_lat, c_lon, reason = coords(frame.loc[rest, cols["lat"]], frame.loc[rest, cols["lon"]],
                                      required=False)
        reason = reason.reindex(idx)
        if roles.geocode is not None and (cols["place"] or cols["country"]):
            # coordinates unreadable or no point's (a latitude beyond 90, swapped), with a
            # place or a country named: located by it below, the values said in the note
            named = col("place").notna() | col("country").notna()
            point_why = reason.where(named)
            reason = reason.where(point_why.isna())
        checks.fail(reason.notna(), reason)
        lat[rest], lon[rest] = c_lat, c_lon
        geo_prec[rest & lat.notna()] = "exact"

    named = col("country")
    country = map_unique(named, country_to_iso2)
    unknown = country.isna() & named.notna()
    if unknown.any() and roles.geocode is not None and roles.geocode.countries:
        # a country named in another script ("Україна", "Россия"): the gazetteer's names
        country[unknown] = map_unique(named[unknown], roles.geocode.country_code)
    location = col("place")
    place_country = pd.Series(None, index=idx, dtype=object)
    place_admin1 = pd.Series(None, index=idx, dtype=object)
    if roles.geocode is not None and cols["place"]:
        need = lat.isna() & location.notna() & checks.ok
        if need.any():
            query = location[need].astype(object)
            pair = map_unique(query, is_coordinate_pair).astype(bool)  # "48.28N 37.18E"
            if cols["admin1"]:  # "Kurakhove" + admin1 "Donetsk Oblast": the namesake inside it
                region = col("admin1")[need].astype(object)
                named = region.notna() & (region != query) & ~pair
                query = query.where(~named, query + ", " + region.where(named, ""))
            places = map_unique_pairs(query, country[need], roles.geocode)
            found = places.notna()
            hit = places[found]
            if len(hit):
                lat[hit.index] = [float(p.lat) for p in hit]
                lon[hit.index] = [float(p.lon) for p in hit]
                feature = hit.map(lambda p: getattr(p, "feature", None))
                geo_prec[hit.index] = hit.map(place_precision)
                orig_geo[hit.index] = feature.map(lambda f: f"geocoded:{f}" if f else "geocoded")
                read = pair[hit.index]
                if read.any():
                    at = read.index[read.to_numpy()]
                    orig_geo[at] = "coordinates"
                    checks.note("location read as coordinates: latitude "
                                + lat[at].map("{:.5f}".format) + ", longitude "
                                + lon[at].map("{:.5f}".format))
                place_country[hit.index] = hit.map(lambda p: getattr(p, "country", None))
                place_admin1[hit.index] = hit.map(lambda p: getattr(p, "admin1", None))
            missed = location[need][~found]
            if len(missed):
                checks.note("place not found: " + missed.astype(object))
    if roles.geocode is not None:  # a place not found, or none given: the row's country
        rest = lat.isna() & country.notna() & checks.ok
        found = map_unique(country[rest], roles.geocode.country_place) if rest.any() else None
        if found is not None and found.notna().any():
            hit = found[found.notna()]
            lat[hit.index] = [float(p.lat) for p in hit]
            lon[hit.index] = [float(p.lon) for p in hit]
            geo_prec[hit.index] = "country"
            orig_geo[hit.index] = "geocoded:country"
            why = location[hit.index].isna().map({True: " (no place given)", False: ""})
            checks.note("located at its country, " + hit.map(lambda p: str(p.name)) + why)
    if point_why.notna().any():
        why = point_why.notna()
        located = why & lat.notna()
        at_country = orig_geo[located] == "geocoded:country"
        checks.note(point_why[located] + at_country.map(
            {True: " (located at its country instead)",
             False: " (located by its place name instead)"}))
        lost = why & lat.isna()
        checks.fail(lost, point_why[lost] + "; " + location[lost].map(
            lambda p: "place " + repr(p) + " not found in the gazetteer" if isinstance(p, str)
            else "no place name to locate it by").astype(object))
    given_geo = col("geo_precision")
    low = given_geo.str.lower()
    valid = low.isin(list(GEO_PRECISIONS)).fillna(False).astype(bool) & lat.notna()
    if valid.any():
        geo_prec[valid] = low[valid].astype(object)
        orig_geo[valid] = given_geo[valid].astype(object)
    given_date = col("date_precision").str.lower()
    date_prec = precision.astype(object).where(precision.notna(), "day")
    valid = given_date.isin(list(DATE_PRECISIONS)).fillna(False).astype(bool)
    if valid.any():
        date_prec[valid] = given_date[valid].astype(object)
    fatalities = checks.count(cols["fatalities"] or "\0", whole=False)
    if cols["id"]:
        checks.duplicates(ids, pd.Series(rows, index=idx), state.seen)
    orig_type, orig_sub = col("type"), col("subtype")
    country = country.where(country.notna(), place_country)
    admin1 = col("admin1").astype(object)
    admin1 = admin1.where(admin1.notna(), place_admin1)
    dataset = pd.Series(roles.dataset, index=idx, dtype=object) if roles.dataset else \
        col("dataset").astype(object).fillna("generic")
    events = pd.DataFrame({
        "event_id": ids,
        "dataset": dataset,
        "date": dates,
        "date_precision": date_prec,
        "event_type": map_unique_pairs(orig_type, orig_sub, _event_type),
        "orig_type": orig_type,
        "orig_subtype": orig_sub,
        "actor1": col("actor1"),
        "actor2": col("actor2"),
        "location": location,
        "admin1": admin1,
        "country": country,
        "lat": lat,
        "lon": lon,
        "geo_precision": geo_prec.where(lat.notna(), "unknown"),
        "orig_geo_precision": orig_geo,
        "fatalities": fatalities,
        "source": col("source"),
        "notes": col("notes"),
    }, index=idx)
    if area.notna().any():  # drawn and exported as the area (render, export.areas)
        events["area_wkt"] = area.where(lat.notna(), None)
    return Converted(events, checks)
