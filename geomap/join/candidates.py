"""Candidate pairs (record, article event) from space and time windows at each side's precision.

Space: two points precise to a place or a second-level division (``exact``, ``near``,
``admin2``) are candidates within ``km`` plus each side's own uncertainty
(:data:`SLACK_KM`); when either side is located only to a first-level division, the other must
lie in that division (the shipped admin-1 polygons); when either side is located only to a
country, the other must be in that country (``country`` codes) and both must be dated (a
country over all time is no evidence); an article event at a named region without an outline
("Donbas") counts as located to its country (:func:`geomap.join._sides.article_precision`).
An unlocated dated article event whose actors belong to countries ("Ukrainian soldier
killed") takes the dated records of those countries (match ``actor-country``, the weakest
space evidence); an unlocated record has no candidates.
Time: the two date intervals at their precision at most ``days`` apart; an undated side takes
every date (linked by space alone).

Indexes are built once per join (:class:`RecordIndex`: STRtrees over precise record points, one
per month of first dates, records sorted by admin-1 division or country and first day);
article events are then queried in chunks, so memory grows with the chunk, not with
records x events.
"""

from __future__ import annotations

import numpy as np
import shapely

from ._admin1 import Admin1Polygons
from ._sides import Side
from ._sphere import boxes_around, haversine_km
from ._time import MAX_SPAN, gap_days

__all__ = ["AREA_CAP", "SLACK_KM", "RecordIndex", "actor_countries", "cross_border"]

#: Most candidates an article event takes from one area (division or country) in one width of
#: date interval: those nearest its date. An event known only to a wide area and matching more
#: records than this is matched by time first (every such pair has the same space factor).
AREA_CAP = 400
#: Days of first date per spatial index of precise records (see ``_time_buckets``).
BUCKET_DAYS = 32
#: Uncertainty radius (km) of a point at each geo precision rank (exact, near, admin2).
SLACK_KM = np.array([0.0, 10.0, 25.0, 0.0, 0.0, 0.0])
_BIG = np.int64(1) << 42
_OFF = np.int64(1) << 40


def _expand(i0: np.ndarray, i1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner, position) for every position in the ranges [i0, i1)."""
    counts = np.maximum(i1 - i0, 0)
    owner = np.repeat(np.arange(len(i0)), counts)
    starts = np.repeat(i0 - np.cumsum(counts) + counts, counts)
    return owner, starts + np.arange(counts.sum())


class RecordIndex:
    """Spatial and temporal indexes over the record side of a join."""

    def __init__(self, rec: Side, art: Side, polygons: Admin1Polygons) -> None:
        self.rec = rec
        self.polygons = polygons
        self.trees = _time_buckets(rec, np.flatnonzero(rec.rank <= 2))
        # admin-1 divisions of both sides (only divisions holding an article event matter)
        a_ok = np.flatnonzero(art.rank <= 3)
        api, apoly = polygons.pairs(art.geom[a_ok]) if len(a_ok) else (np.empty(0, int),) * 2
        self.art_pairs = (a_ok[api], apoly)
        first = np.unique(a_ok[api], return_index=True)
        art.admin[first[0]] = apoly[first[1]]
        among = np.unique(apoly)
        r_ok = np.flatnonzero(rec.rank <= 3)
        if len(r_ok) and len(among):
            rpi, rpoly = polygons.pairs(rec.geom[r_ok], among)
        else:
            rpi, rpoly = np.empty(0, int), np.empty(0, int)
        r_idx = r_ok[rpi]
        first = np.unique(r_idx, return_index=True)
        rec.admin[first[0]] = rpoly[first[1]]
        self.by_admin1 = _AreaIndex(rec, r_idx, rpoly)
        self._rec_poly: dict[int, int] = {}  # record row -> its polygon, for cross_border
        r_c = np.flatnonzero((rec.rank <= 4) & (rec.country >= 0) & rec.dated)
        self.by_country = _AreaIndex(rec, r_c, rec.country[r_c])
        a_c = np.flatnonzero((art.rank <= 4) & (art.country >= 0) & art.dated)
        self.art_country = (a_c, art.country[a_c])
        self.art_actor_country = actor_countries(art, np.flatnonzero((art.rank == 5)
                                                                     & art.dated))

    def pairs(self, art: Side, chunk: np.ndarray, km: float, days: int
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(record rows, article rows, basis) of the candidates of the article rows ``chunk``;
        basis 0: distance, 1: admin-1 division, 2: country, 3: an actor's country."""
        rec = self.rec
        dr, da = self._distance(art, chunk, km, days)
        a_all, apoly = self.art_pairs
        sel = np.isin(a_all, chunk)
        ar, aa = self.by_admin1.pairs(art, a_all[sel], apoly[sel], days)
        # the admin-1 basis is for pairs where a side is known only to its division
        keep = (art.rank[aa] == 3) | (rec.rank[ar] == 3)
        ar, aa = ar[keep], aa[keep]
        a_c, a_code = self.art_country
        sel = np.isin(a_c, chunk)
        cr, ca = self.by_country.pairs(art, a_c[sel], a_code[sel], days)
        keep = (art.rank[ca] == 4) | (rec.rank[cr] == 4)
        cr, ca = cr[keep], ca[keep]
        a_u, u_code = self.art_actor_country
        sel = np.isin(a_u, chunk)
        ur, ua = self.by_country.pairs(art, a_u[sel], u_code[sel], days)
        r = np.concatenate([dr, ar, cr, ur])
        a = np.concatenate([da, aa, ca, ua])
        basis = np.concatenate([np.zeros(len(dr), np.int8), np.ones(len(ar), np.int8),
                                np.full(len(cr), 2, np.int8), np.full(len(ur), 3, np.int8)])
        if len(ar) or len(cr) or len(ur):  # a pair found several ways keeps the finest basis
            n = np.int64(len(self.rec) + 1)
            key = a.astype(np.int64) * n + r
            _, first = np.unique(key, return_index=True)
            first.sort()
            r, a, basis = r[first], a[first], basis[first]
        return r, a, basis

    def _distance(self, art: Side, chunk: np.ndarray, km: float, days: int):
        rec = self.rec
        ai = chunk[art.rank[chunk] <= 2]
        if not self.trees or not len(ai):
            return np.empty(0, np.int64), np.empty(0, np.int64)
        reach = km + SLACK_KM[art.rank[ai]] + SLACK_KM[2]
        boxes, owner = boxes_around(art.lat[ai], art.lon[ai], reach)
        shapes = shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3])
        b_lo, b_hi = art.lo[ai][owner], art.hi[ai][owner]
        found_a, found_r = [], []
        for lo, hi, rows, tree in self.trees:  # only the time buckets the windows reach
            sel = np.flatnonzero(gap_days(lo, hi, b_lo, b_hi) <= days)
            if len(sel):
                qi, ti = tree.query(shapes[sel])
                found_a.append(ai[owner[sel[qi]]])
                found_r.append(rows[ti])
        if not found_a:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        a, r = np.concatenate(found_a), np.concatenate(found_r)
        keep = gap_days(rec.lo[r], rec.hi[r], art.lo[a], art.hi[a]) <= days
        a, r = a[keep], r[keep]
        limit = km + SLACK_KM[art.rank[a]] + SLACK_KM[rec.rank[r]]
        keep = haversine_km(rec.lat[r], rec.lon[r], art.lat[a], art.lon[a]) <= limit
        return r[keep].astype(np.int64), a[keep].astype(np.int64)


def actor_countries(art: Side, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, country code) for each country the actors of ``rows`` belong to (the ``cc:XX``
    keys of their actor sets), codes as :attr:`Side.country`."""
    out_r, out_c = [], []
    for i in rows.tolist():
        for key in sorted(art.actor_sets[art.actors[i]]):
            if key.startswith("cc:") and len(key) == 5 and key[3:].isascii() \
                    and key[3:].isupper():
                out_r.append(i)
                out_c.append((ord(key[3]) - 65) * 26 + ord(key[4]) - 65)
    return np.array(out_r, dtype=np.int64), np.array(out_c, dtype=np.int64)


def _time_buckets(rec: Side, rows: np.ndarray) -> list:
    """STRtrees over ``rows``, one per (width class of date interval, BUCKET_DAYS of first
    day), each with the (first, last) day it spans: a query visits only the buckets its day
    window reaches, so dense years of records do not all come back from one spatial box."""
    if not len(rows):
        return []
    width = rec.hi[rows] - rec.lo[rows]
    kind = np.where(~rec.dated[rows], 3, np.where(width <= 6, 0, np.where(width <= 31, 1, 2)))
    bucket = np.where(rec.dated[rows], rec.lo[rows] // BUCKET_DAYS, 0)
    order = np.lexsort((bucket, kind))
    rows, kind, bucket = rows[order], kind[order], bucket[order]
    cuts = np.flatnonzero((np.diff(kind) != 0) | (np.diff(bucket) != 0)) + 1
    return [(rec.lo[part].min(), rec.hi[part].max(), part, shapely.STRtree(rec.geom[part]))
            for part in np.split(rows, cuts)]


class _AreaIndex:
    """Records sorted by (area, first day), one sorted array per width of date interval, for
    the candidates sharing an area (an admin-1 division, a country) within a day window."""

    def __init__(self, rec: Side, rows: np.ndarray, areas: np.ndarray) -> None:
        self.rec = rec
        self.groups = []
        width = np.where(rec.dated, rec.hi - rec.lo, -1)
        spans = sorted(set(MAX_SPAN.values()))
        if len(rows) and rec.dated[rows].any() and width[rows].max() > spans[-1]:
            spans.append(int(width[rows].max()))
        spans.append(None)  # undated
        for k, span in enumerate(spans):
            if span is None:
                sel = width[rows] < 0
            else:
                lower = spans[k - 1] if k else -1
                sel = (width[rows] > lower) & (width[rows] <= span)
            if not sel.any():
                continue
            rr, ra = rows[sel], areas[sel]
            day = np.where(rec.dated[rr], rec.lo[rr], 0)
            key = ra.astype(np.int64) * _BIG + np.clip(day + _OFF, 0, _BIG - 1)
            order = np.argsort(key, kind="stable")
            self.groups.append((span, key[order], rr[order]))

    def pairs(self, art: Side, a_idx: np.ndarray, areas: np.ndarray, days: int):
        """(record rows, article rows) sharing an area, dates within ``days``."""
        rec = self.rec
        out_r, out_a = [], []
        base = areas.astype(np.int64) * _BIG
        for span, key, rr in self.groups:
            if span is None:  # undated records: the whole area
                lo_key, hi_key = base, base + _BIG - 1
            else:
                lo_key = base + np.clip(art.lo[a_idx] - days - span + _OFF, 0, _BIG - 1)
                hi_key = base + np.clip(art.hi[a_idx] + days + _OFF, 0, _BIG - 1)
            i0 = np.searchsorted(key, lo_key, side="left")
            i1 = np.searchsorted(key, hi_key, side="right")
            wide = (i1 - i0) > AREA_CAP
            if wide.any():  # keep the AREA_CAP records nearest the event's date
                lo, hi = (np.clip(d[a_idx], -_OFF, _OFF) for d in (art.lo, art.hi))
                mid = (lo + hi) // 2  # an undated event: the earliest records (arbitrary)
                at = np.searchsorted(key, base + np.clip(mid + _OFF, 0, _BIG - 1))
                start = np.clip(at - AREA_CAP // 2, i0, np.maximum(i0, i1 - AREA_CAP))
                i0 = np.where(wide, start, i0)
                i1 = np.where(wide, start + AREA_CAP, i1)
            owner, pos = _expand(i0, i1)
            a, r = a_idx[owner], rr[pos]
            keep = gap_days(rec.lo[r], rec.hi[r], art.lo[a], art.hi[a]) <= days
            out_r.append(r[keep])
            out_a.append(a[keep])
        if not out_r:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        return (np.concatenate(out_r).astype(np.int64),
                np.concatenate(out_a).astype(np.int64))


def cross_border(index: RecordIndex, art: Side, r: np.ndarray, a: np.ndarray,
                 basis: np.ndarray) -> np.ndarray:
    """Pairs matched by distance whose two points lie in different countries (the countries
    of the admin-1 polygons holding them, not the tables' ``country`` columns: UCDP files
    Gaza under Israel). A shelling of a Ukrainian border village and a strike on the Russian
    village 15 km across the line are two events."""
    out = np.zeros(len(r), dtype=bool)
    d = np.flatnonzero(basis == 0)
    if not len(d):
        return out
    rec, poly = index.rec, index.polygons
    rr = r[d]
    rpoly = rec.admin[rr].copy()
    missing = np.unique(rr[rpoly < 0])
    todo = np.array([i for i in missing.tolist() if i not in index._rec_poly], dtype=np.int64)
    if len(todo):
        index._rec_poly.update(zip(todo.tolist(), poly.first(rec.geom[todo]).tolist(),
                                   strict=True))
    if len(missing):
        rpoly[rpoly < 0] = [index._rec_poly[i] for i in rr[rpoly < 0].tolist()]
    apoly = art.admin[a[d]]
    ac = np.where(apoly >= 0, poly.country[np.maximum(apoly, 0)], "")
    rc = np.where(rpoly >= 0, poly.country[np.maximum(rpoly, 0)], "")
    out[d] = (ac != "") & (rc != "") & (ac != rc)
    return out
