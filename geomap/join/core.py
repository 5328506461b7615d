"""Join text-derived events (or place mentions) to event records in space and time.

A record and an article event are partners when their dates, taken as intervals at their
precision, are at most ``days`` apart, and they lie in the same first-level division
(``"admin1"``) or within ``km`` of each other on the sphere (``"distance"``), or both.
Only places precise enough take part: a distance match needs both points at admin-2 precision
or finer, an admin-1 match both at admin-1 or finer (a country's centroid matches nothing).
Candidates come from spatial indexes (an STRtree over the record points queried with exact
spherical boxes, admin-1 polygons restricted to those holding an article event) and a sorted
day index, so a million records against ten thousand events takes seconds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._datadir import resolve_data_dir
from ..exceptions import InputError
from ._admin1 import Admin1Polygons
from ._sphere import boxes_around, haversine_km
from ._time import MAX_SPAN, gap_days, intervals

__all__ = ["LINK_COLUMNS", "JoinResult", "join_events"]

log = logging.getLogger(__name__)

_GEO_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4, "unknown": 5}
_FEATURE_PRECISION = {"populated_place": "exact", "other": "near", "admin2": "admin2",
                      "region": "admin1", "admin1": "admin1", "country": "country"}
#: An article event without a date of its own happened in the week up to its article's date.
REPORT_WINDOW_DAYS = 7
LINK_COLUMNS = ("record_id", "dataset", "record_row", "article_id", "event_index",
                "distance_km", "gap_days", "match", "admin1", "record_date", "article_date",
                "record_type", "article_type")


@dataclass(slots=True)
class _Side:
    geom: np.ndarray  # points (a centroid for other shapes), None where missing
    lon: np.ndarray
    lat: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    rank: np.ndarray


@dataclass
class JoinResult:
    """Links between records and article events, and who found a partner."""

    links: gpd.GeoDataFrame
    n_records: int
    n_article_events: int

    @property
    def records_matched(self) -> int:
        return int(self.links["record_row"].nunique()) if len(self.links) else 0

    @property
    def article_events_matched(self) -> int:
        if not len(self.links):
            return 0
        return int(self.links[["article_id", "event_index"]].drop_duplicates().shape[0])

    def corroboration(self) -> pd.DataFrame:
        """One row per matched record: its id and the articles that corroborate it."""
        g = self.links.groupby("record_row", sort=True)
        return pd.DataFrame({
            "record_id": g["record_id"].first(),
            "dataset": g["dataset"].first(),
            "articles": g["article_id"].agg(lambda s: sorted(set(s))),
            "links": g.size(),
        }).reset_index()

    def matches(self) -> pd.DataFrame:
        """One row per matched article event: the records it matches."""
        g = self.links.groupby(["article_id", "event_index"], sort=True)
        return pd.DataFrame({"records": g["record_id"].agg(list),
                             "datasets": g["dataset"].agg(lambda s: sorted(set(s)))}
                            ).reset_index()

    def summary(self) -> dict:
        return {"records": self.n_records, "records_matched": self.records_matched,
                "article_events": self.n_article_events,
                "article_events_matched": self.article_events_matched,
                "links": len(self.links)}


def _points(frame: gpd.GeoDataFrame
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        raise InputError(f"join needs EPSG:4326 frames, got {frame.crs}")
    geom = frame.geometry.to_numpy()
    ok = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
    if ok.any() and not (shapely.get_type_id(geom[ok]) == 0).all():
        geom = geom.copy()
        # a movement (LineString origin -> destination) happened where it went
        line = ok & (shapely.get_type_id(geom) == 1)
        geom[line] = shapely.get_point(geom[line], -1)
        other = ok & ~line & (shapely.get_type_id(geom) != 0)
        geom[other] = shapely.centroid(geom[other])
    lon = np.full(len(frame), np.nan)
    lat = np.full(len(frame), np.nan)
    if ok.any():
        lon[ok] = shapely.get_x(geom[ok])
        lat[ok] = shapely.get_y(geom[ok])
    return geom, lon, lat, ok


def _record_side(records: gpd.GeoDataFrame) -> _Side:
    geom, lon, lat, ok = _points(records)
    lo, hi = intervals(records["date"], records["date_precision"])
    rank = records["geo_precision"].map(_GEO_RANK).fillna(5).to_numpy(dtype=np.int8)
    rank[~ok] = 5
    return _Side(geom, lon, lat, lo, hi, rank)


def _article_side(articles: gpd.GeoDataFrame) -> _Side:
    """Text events (event schema) or place mentions (:func:`geomap.mentions.mentions_frame`)."""
    geom, lon, lat, ok = _points(articles)
    n = len(articles)
    own = articles["date"] if "date_precision" in articles else pd.Series([None] * n)
    prec = articles["date_precision"] if "date_precision" in articles else pd.Series(["day"] * n)
    lo, hi = intervals(pd.Series(own.to_numpy(), dtype=object), pd.Series(prec.to_numpy()))
    reported = articles["article_date"] if "article_date" in articles else articles.get("date")
    if reported is not None:
        rep = pd.to_datetime(pd.Series(reported.to_numpy(), dtype=object), errors="coerce")
        day = np.int64(86_400_000_000_000)
        rep_i = rep.to_numpy(dtype="datetime64[ns]").astype(np.int64) // day
        fill = (lo < -(2**39)) & rep.notna().to_numpy()
        lo[fill] = rep_i[fill] - REPORT_WINDOW_DAYS
        hi[fill] = rep_i[fill]
    if "geo_precision" in articles:
        geo = articles["geo_precision"]
    else:
        geo = articles["feature"].map(_FEATURE_PRECISION)
    rank = geo.map(_GEO_RANK).fillna(5).to_numpy(dtype=np.int8)
    rank[~ok] = 5
    return _Side(geom, lon, lat, lo, hi, rank)


def _expand(i0: np.ndarray, i1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner, position) for every position in the ranges [i0, i1)."""
    counts = np.maximum(i1 - i0, 0)
    owner = np.repeat(np.arange(len(i0)), counts)
    starts = np.repeat(i0 - np.cumsum(counts) + counts, counts)
    return owner, starts + np.arange(counts.sum())


def _distance_pairs(rec: _Side, art: _Side, km: float, days: int,
                    chunk: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    r_ok = np.flatnonzero(rec.rank <= 2)
    a_ok = np.flatnonzero(art.rank <= 2)
    if not len(r_ok) or not len(a_ok):
        return np.empty(0, int), np.empty(0, int)
    tree = shapely.STRtree(rec.geom[r_ok])
    out_r, out_a = [], []
    for c in range(0, len(a_ok), chunk):
        ai = a_ok[c : c + chunk]
        boxes, owner = boxes_around(art.lat[ai], art.lon[ai], km)
        qi, ti = tree.query(shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]))
        a = ai[owner[qi]]
        r = r_ok[ti]
        keep = gap_days(rec.lo[r], rec.hi[r], art.lo[a], art.hi[a]) <= days
        a, r = a[keep], r[keep]
        keep = haversine_km(rec.lat[r], rec.lon[r], art.lat[a], art.lon[a]) <= km
        out_r.append(r[keep])
        out_a.append(a[keep])
    return np.concatenate(out_r), np.concatenate(out_a)


def _admin1_pairs(rec: _Side, art: _Side, days: int, polygons: Admin1Polygons,
                  precision: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a_ok = np.flatnonzero(art.rank <= 3)
    r_ok = np.flatnonzero(rec.rank <= 3)
    if not len(a_ok) or not len(r_ok):
        return np.empty(0, int), np.empty(0, int), np.empty(0, int)
    api, apoly = polygons.pairs(art.geom[a_ok])
    among = np.unique(apoly)
    rpi, rpoly = polygons.pairs(rec.geom[r_ok], among)
    a_idx, r_idx = a_ok[api], r_ok[rpi]
    out_r, out_a, out_p = [], [], []
    big = np.int64(1) << 42
    for prec, span in MAX_SPAN.items():
        sel = precision[r_idx] == prec
        if not sel.any():
            continue
        rr, rp = r_idx[sel], rpoly[sel]
        key = rp.astype(np.int64) * big + (rec.lo[rr] + (1 << 40))
        order = np.argsort(key, kind="stable")
        key, rr, rp = key[order], rr[order], rp[order]
        base = apoly.astype(np.int64) * big + (1 << 40)
        i0 = np.searchsorted(key, base + art.lo[a_idx] - days - span, side="left")
        i1 = np.searchsorted(key, base + art.hi[a_idx] + days, side="right")
        owner, pos = _expand(i0, i1)
        a, r = a_idx[owner], rr[pos]
        keep = gap_days(rec.lo[r], rec.hi[r], art.lo[a], art.hi[a]) <= days
        out_r.append(r[keep])
        out_a.append(a[keep])
        out_p.append(rp[pos][keep])
    if not out_r:
        return np.empty(0, int), np.empty(0, int), np.empty(0, int)
    return np.concatenate(out_r), np.concatenate(out_a), np.concatenate(out_p)


def join_events(records: gpd.GeoDataFrame, articles: gpd.GeoDataFrame, *, km: float = 25.0,
                days: int = 3, data_dir: str | Path | None = None) -> JoinResult:
    """Link event records to article events (or place mentions) near in space and time.

    Parameters
    ----------
    records
        An event table (:mod:`geomap.events.schema`), e.g. from
        :func:`geomap.events.read_events`.
    articles
        Text events (:func:`geomap.events.extract.text_events_frame`) or place mentions
        (:func:`geomap.mentions.mentions_frame`); events without a date of their own count
        as happening in the week up to their article's date.
    km
        Greatest great-circle distance of a ``"distance"`` match.
    days
        Greatest gap in days between the two date intervals.
    data_dir
        The data folder holding ``gazetteer/admin1.geojson``.
    """
    if km < 0 or days < 0:
        raise InputError("--km and --days must not be negative")
    rec, art = _record_side(records), _article_side(articles)
    polygons = Admin1Polygons.load(resolve_data_dir(data_dir) / "gazetteer" / "admin1.geojson")
    precision = records["date_precision"].astype("string").fillna("day").to_numpy(dtype=object)
    dr, da = _distance_pairs(rec, art, km, days)
    ar, aa, ap = _admin1_pairs(rec, art, days, polygons, precision)
    n = len(articles) + 1
    dist_key = dr.astype(np.int64) * n + da
    adm_key = ar.astype(np.int64) * n + aa
    adm_first = pd.Series(ap, index=adm_key)
    adm_first = adm_first[~adm_first.index.duplicated()]
    keys = np.union1d(dist_key, adm_key)
    r, a = keys // n, keys % n
    in_dist = np.isin(keys, dist_key)
    in_adm = np.isin(keys, adm_key)
    match = np.where(in_dist & in_adm, "both", np.where(in_dist, "distance", "admin1"))
    admin1 = np.full(len(keys), None, dtype=object)
    if in_adm.any():
        admin1[in_adm] = polygons.keys[adm_first.loc[keys[in_adm]].to_numpy()]
    links = _links_frame(records, articles, rec, art, r=r, a=a, match=match, admin1=admin1)
    return JoinResult(links, len(records), len(articles))


def _col(frame: pd.DataFrame, name: str, idx: np.ndarray) -> np.ndarray:
    if name not in frame:
        return np.full(len(idx), None, dtype=object)
    return frame[name].take(idx).to_numpy(dtype=object)


def _links_frame(records, articles, rec: _Side, art: _Side, *, r, a, match, admin1):
    dist = haversine_km(rec.lat[r], rec.lon[r], art.lat[a], art.lon[a])
    gap = gap_days(rec.lo[r], rec.hi[r], art.lo[a], art.hi[a])
    event_index = (articles["event_index"].to_numpy()[a] if "event_index" in articles
                   else articles["start"].to_numpy()[a])
    article_date = _col(articles, "date", a)
    data = {
        "record_id": _col(records, "event_id", r),
        "dataset": _col(records, "dataset", r),
        "record_row": r,
        "article_id": _col(articles, "article_id", a),
        "event_index": event_index,
        "distance_km": np.round(dist, 3),
        "gap_days": gap.astype(int),
        "match": match,
        "admin1": admin1,
        "record_date": _col(records, "date", r),
        "article_date": article_date,
        "record_type": _col(records, "event_type", r),
        "article_type": _col(articles, "event_type", a),
    }
    frame = pd.DataFrame(data, columns=list(LINK_COLUMNS))
    return gpd.GeoDataFrame(frame, geometry=shapely.points(rec.lon[r], rec.lat[r]),
                            crs="EPSG:4326")
