"""One side of a join as arrays: points, precision, day intervals and the evidence columns.

Both sides are event tables (:mod:`geomap.events.schema`); the article side may also be a
mentions table (:func:`geomap.mentions.mentions_frame`). A movement (LineString) counts at its
destination, any other shape at its centroid. A side without a date gets the interval of all
time (``dated`` False): it is linked by space alone and its links are ranked below dated ones.
An article event without a date of its own happened in the week up to its report's date
(``reported``), the days nearest the report likelier (:mod:`geomap.join.score`).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..exceptions import InputError
from ._evidence import actor_codes, actor_keys, peaceful_protests, type_codes
from ._time import intervals

__all__ = ["GEO_RANK", "UNDATED_HI", "UNDATED_LO", "Side", "article_precision", "article_side",
           "record_side"]

GEO_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4, "unknown": 5}
_FEATURE_PRECISION = {"populated_place": "exact", "other": "near", "admin2": "admin2",
                      "region": "admin1", "admin1": "admin1", "country": "country"}
#: An article event without a date of its own happened in the week up to its article's date.
REPORT_WINDOW_DAYS = 7
UNDATED_LO = -(2**40)
UNDATED_HI = 2**40
_DAY_NS = np.int64(86_400_000_000_000)


@dataclass(slots=True)
class Side:
    geom: np.ndarray      # points (None where missing)
    lon: np.ndarray
    lat: np.ndarray
    rank: np.ndarray      # GEO_RANK of each row (5 where unlocated)
    lo: np.ndarray        # first day (days since 1970-01-01)
    hi: np.ndarray        # last day
    dated: np.ndarray     # bool
    types: np.ndarray     # type codes (_evidence.type_codes)
    actors: np.ndarray    # actor codes
    actor_sets: list      # code -> frozenset of actor keys
    country: np.ndarray   # ISO2 as a number (-1: unknown)
    admin: np.ndarray     # index of the admin-1 polygon holding the point (-1: none / unknown)
    deaths: np.ndarray    # people killed (``fatalities``; NaN: not given)
    #: for an article event dated only by its report: the report's day (else UNDATED_LO)
    reported: np.ndarray | None = None
    #: a protest not known to have turned violent (_evidence.peaceful_protests)
    peaceful: np.ndarray | None = None
    #: the state in de-facto control of the row's point, as ``country`` (-1: none or not
    #: given; ``de_facto_country``, :mod:`geomap.events.territory`)
    de_facto: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.lon)


def _points(frame: gpd.GeoDataFrame):
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        raise InputError(f"join needs EPSG:4326 frames, got {frame.crs}")
    geom = frame.geometry.to_numpy()
    ok = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
    if ok.any() and not (shapely.get_type_id(geom[ok]) == 0).all():
        geom = geom.copy()
        line = ok & (shapely.get_type_id(geom) == 1)  # a movement happened where it went
        geom[line] = shapely.get_point(geom[line], -1)
        other = ok & ~line & (shapely.get_type_id(geom) != 0)
        geom[other] = shapely.centroid(geom[other])
    lon = np.full(len(frame), np.nan)
    lat = np.full(len(frame), np.nan)
    if ok.any():
        lon[ok] = shapely.get_x(geom[ok])
        lat[ok] = shapely.get_y(geom[ok])
    ok &= np.isfinite(lon) & np.isfinite(lat)
    return geom, lon, lat, ok


def _undated(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    dated = lo > UNDATED_LO // 2
    lo[~dated] = UNDATED_LO
    hi[~dated] = UNDATED_HI
    return dated


def _strings(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), None)


def _actors(frame: pd.DataFrame) -> tuple[np.ndarray, list]:
    if "actors" in frame:  # text events: all actors, "; "-joined, and their countries
        names = _strings(frame, "actors")
    else:
        a1, a2 = _strings(frame, "actor1"), _strings(frame, "actor2")
        names = pd.Series([";".join(x for x in (p, q) if x) or None
                           for p, q in zip(a1, a2, strict=True)], index=frame.index, dtype=object)
    countries = _strings(frame, "actor_countries")
    # one key set per distinct (names, countries) pair
    pairs = pd.MultiIndex.from_arrays([names.fillna(""), countries.fillna("")])
    codes, uniques = pd.factorize(pairs)
    keys = [actor_keys(n or None, c or None) for n, c in uniques]
    sub, sets = actor_codes(keys)
    return sub[codes], sets


def _country_codes(values: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(values)
    table = np.array([(ord(c[0]) - 65) * 26 + ord(c[1]) - 65
                      if isinstance(c, str) and len(c) == 2 and c.isascii() and c.isupper()
                      else -1 for c in uniques] + [-1], dtype=np.int32)
    return table[codes]  # code -1 (missing) takes the last entry


def _side(frame, lo, hi, geo: pd.Series) -> Side:
    geom, lon, lat, ok = _points(frame)
    dated = _undated(lo, hi)
    rank = geo.map(GEO_RANK).fillna(5).to_numpy(dtype=np.int8)
    rank[~ok] = 5
    types = type_codes(_strings(frame, "event_type"))
    actors, sets = _actors(frame)
    country = _country_codes(_strings(frame, "country"))
    deaths = pd.to_numeric(frame["fatalities"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan) if "fatalities" in frame else np.full(len(frame), np.nan)
    de_facto = _country_codes(_strings(frame, "de_facto_country")) \
        if "de_facto_country" in frame else None
    return Side(geom, lon, lat, rank, lo, hi, dated, types, actors, sets, country,
                np.full(len(frame), -1, dtype=np.int64), deaths,
                peaceful=peaceful_protests(types, _strings(frame, "orig_subtype").to_numpy()),
                de_facto=de_facto)


def record_side(records: gpd.GeoDataFrame) -> Side:
    lo, hi = intervals(records["date"], records["date_precision"], records.get("date_end"))
    return _side(records, lo, hi, records["geo_precision"])


def article_precision(articles: pd.DataFrame) -> pd.Series:
    """The geo precision the join matches each article row at (positional index): its
    ``geo_precision`` (a mentions table: from its ``feature``), except that a named region
    without an outline ("Donbas", "Sinai") is no first-level division: the division under its
    label point is one of several it spans, so it is matched as the country it lies in (the
    finest area surely holding it)."""
    n = len(articles)
    if "geo_precision" in articles:
        geo = articles["geo_precision"]
    elif "feature" in articles:
        geo = articles["feature"].map(_FEATURE_PRECISION)
    else:
        geo = pd.Series(["exact"] * n, index=articles.index)
    geo = pd.Series(geo.to_numpy(), dtype=object)
    feature = articles["orig_geo_precision"] if "orig_geo_precision" in articles else \
        articles.get("feature")
    if feature is not None:
        region = (pd.Series(feature.to_numpy(), dtype=object) == "region").to_numpy()
        geo[region & geo.isin(["admin1", "admin2"]).to_numpy()] = "country"
    return geo


def article_side(articles: gpd.GeoDataFrame) -> Side:
    n = len(articles)
    own = articles["date"] if "date_precision" in articles else pd.Series([None] * n)
    prec = articles["date_precision"] if "date_precision" in articles else \
        pd.Series(["day"] * n)
    lo, hi = intervals(pd.Series(own.to_numpy(), dtype=object), pd.Series(prec.to_numpy()))
    reported = articles["article_date"] if "article_date" in articles else articles.get("date")
    if reported is not None:
        rep = pd.to_datetime(pd.Series(reported.to_numpy(), dtype=object), errors="coerce")
        rep_i = rep.to_numpy(dtype="datetime64[ns]").astype(np.int64) // _DAY_NS
        fill = (lo < UNDATED_LO // 2) & rep.notna().to_numpy()
        lo[fill] = rep_i[fill] - REPORT_WINDOW_DAYS
        hi[fill] = rep_i[fill]
        reported = np.where(fill, rep_i, UNDATED_LO)
    else:
        reported = np.full(n, UNDATED_LO, dtype=np.int64)
    side = _side(articles, lo, hi, article_precision(articles))
    side.reported = reported
    return side
