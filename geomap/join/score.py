"""Scores of candidate pairs from structured evidence, and the ranking of each article event's
records.

A pair's score is a product of factors in (0, 1], each raised to its weight (:data:`WEIGHTS`),
so each factor scales the score and the ratio to an event's best record is meaningful:

* ``space``: ``exp(-1.5 d / w) sqrt(km / w)`` for the great-circle distance ``d``, where ``w``
  is ``km`` plus both sides' uncertainty (:data:`geomap.join.candidates.SLACK_KM`); a pair
  matched through a first-level division (one side known only to it) gets
  :data:`AREA_SPACE` ``["admin1"]``, through a country ``["country"]``, through the country
  of an unlocated article event's actors ``["actor_country"]``;
* ``time``: ``exp(-1.5 gap / (days + 1))`` for the gap between the date intervals, times a
  mild penalty for a wide record interval (a month-precision record says less than a day's),
  and, for an article event dated only by its report, ``exp(-RECENCY k)`` for a record that
  ended ``k`` days before the report; :data:`UNDATED_TIME` when either side is undated (as
  if a window apart: a record of the same town with no date outranks a dated record of the
  whole country 300 km away, and the rank follows the score);
* ``type``: the taxonomy's agreement (:func:`geomap.join._evidence.type_score`); 0 for
  violence against a peaceful protest (:func:`geomap.join._evidence.type_veto`): such a pair
  is never linked;
* ``actors``: the actors' agreement (:func:`geomap.join._evidence.actor_score`);
* ``admin``: the two points in the same admin-1 division (1), in different ones, or unknown
  (a point in no division, nor within :data:`geomap.join._admin1.COAST_DEG` of one);
  different countries (both known; a country and the state in de-facto control of the
  other's point, ``de_facto_country``, are one) weigh as a different division does, and two
  points on either side of an international border (``border``) weigh :data:`BORDER` (such a link
  never corroborates: see :mod:`geomap.join.core`);
* ``deaths``: the people killed in the report against the record's ``fatalities``
  (:func:`geomap.join._evidence.death_score`; 1 when either is not given).

Each article event keeps its best records: at most ``top``, scoring at least ``min_score`` and
at least ``ratio`` times its best. Records' free-text fields never enter a score.
"""

from __future__ import annotations

import numpy as np

from ._evidence import TYPE_FACTORS, actor_score, death_score, type_score, type_veto
from ._sides import UNDATED_LO, Side
from ._sphere import haversine_km
from ._time import gap_days

__all__ = ["AREA_SPACE", "BORDER", "MATCH", "WEIGHTS", "rank_within", "score_pairs"]

WEIGHTS = {"space": 1.0, "time": 1.0, "type": 0.7, "actors": 0.7, "admin": 0.5,
           "deaths": 1.0}
AREA_SPACE = {"admin1": 0.3, "country": 0.1, "actor_country": 0.05}
#: The ``match`` of each basis of a candidate pair (:meth:`RecordIndex.pairs`).
MATCH = ("distance", "admin1", "country", "actor-country")
#: Per day a record ended before the report of an article event dated only by its report:
#: ``exp(-RECENCY * days)`` (news tells mostly of the last day or two).
RECENCY = 0.1
#: Exponent of the penalty for a record's date interval width: ``(1 + width / 7) ** -x``.
WIDTH_PENALTY = 0.3
_ADMIN = {"same": 1.0, "different": 0.45, "unknown": 0.7}
#: ``time`` of a pair with an undated side: the factor of a gap of one window (exp(-1.5)).
UNDATED_TIME = 0.22
#: ``admin`` of a pair whose points lie in two countries: with weight 0.5 it scales the score
#: by 0.45, a third of what a different division within one country costs (0.67).
BORDER = 0.2


def score_pairs(rec: Side, art: Side, r: np.ndarray, a: np.ndarray, basis: np.ndarray, *,
                km: float, days: int, slack: np.ndarray,
                border: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Distance, gap (-1 when undated), the factors and the score of each pair; ``border``:
    pairs whose points lie in two countries (:func:`geomap.join.candidates.cross_border`)."""
    border = np.zeros(len(r), dtype=bool) if border is None else border
    dist = haversine_km(rec.lat[r], rec.lon[r], art.lat[a], art.lon[a])
    # an uncertain point widens the scale but says less: it never beats a close exact one
    wide = max(km, 1e-6) + slack[rec.rank[r]] + slack[art.rank[a]]
    near = np.exp(-1.5 * dist / wide) * np.sqrt(max(km, 1e-6) / wide)
    area = np.array([1.0, AREA_SPACE["admin1"], AREA_SPACE["country"],
                     AREA_SPACE["actor_country"]])
    space = np.where(basis == 0, near, area[basis])
    dated = rec.dated[r] & art.dated[a]
    gap = np.where(dated, gap_days(rec.lo[r], rec.hi[r], art.lo[a], art.hi[a]), -1)
    width = np.where(rec.dated[r], rec.hi[r] - rec.lo[r], 0)
    time = np.where(dated, np.exp(-1.5 * np.maximum(gap, 0) / (days + 1.0))
                    * (1.0 + width / 7.0) ** -WIDTH_PENALTY, UNDATED_TIME)
    if art.reported is not None:  # dated by its report only: news is mostly of recent days
        rep = art.reported[a]
        before = np.where((rep > UNDATED_LO // 2) & rec.dated[r],
                          np.clip(rep - rec.hi[r], 0, None), 0)
        time = time * np.exp(-RECENCY * before)
    types = type_score(art.types[a], rec.types[r])
    if art.peaceful is not None and rec.peaceful is not None:
        veto = type_veto(art.types[a], rec.types[r], art.peaceful[a], rec.peaceful[r])
        types = np.where(veto, TYPE_FACTORS["incompatible"], types)
    actors = actor_score(art.actors[a], rec.actors[r], art.actor_sets, rec.actor_sets)
    ra, aa = rec.admin[r], art.admin[a]
    admin = np.where((ra >= 0) & (ra == aa), _ADMIN["same"],
                     np.where(aa >= 0, _ADMIN["different"], _ADMIN["unknown"]))
    rc, ac = rec.country[r], art.country[a]
    differ = (rc >= 0) & (ac >= 0) & (rc != ac)
    if rec.de_facto is not None or art.de_facto is not None:
        # one side in the recognised country, the other in the state in control there
        # (records read without --de-facto, news with it): one place, not two countries
        none = np.full(len(r), -1, dtype=np.int32)
        rd = rec.de_facto[r] if rec.de_facto is not None else none
        ad = art.de_facto[a] if art.de_facto is not None else none
        differ &= ~(((rd >= 0) & (rd == ac)) | ((ad >= 0) & (ad == rc)))
    admin = np.where(differ, np.minimum(admin, _ADMIN["different"]), admin)
    admin = np.where(border, BORDER, admin)
    deaths = death_score(art.deaths[a], rec.deaths[r])
    factors = {"space": space, "time": time, "type": types, "actors": actors, "admin": admin,
               "deaths": deaths}
    log = sum(WEIGHTS[k] * np.log(np.maximum(v, 1e-9)) for k, v in factors.items())
    score = np.where(types > 0, np.exp(log), 0.0)  # a vetoed pair scores 0: never kept
    return {"distance_km": dist, "gap_days": gap, "dated": dated, "score": score,
            "border": border, **factors}


def rank_within(groups: np.ndarray, dated: np.ndarray, score: np.ndarray,
                dist: np.ndarray, tiebreak: np.ndarray, *, top: int, min_score: float,
                ratio: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions of the pairs kept, in order, their rank (1 = best) within their group, and
    how many pairs of the group share their score (``tied``; 1: no tie).

    Within a group (one article event): higher score (an undated pair's score carries its
    :data:`UNDATED_TIME`), then dated before undated, nearer (``dist``; 0 for pairs matched
    through an area, whose distances are to its centroid), then ``tiebreak`` (the record's
    row). Kept: at most ``top`` per group, with a score above 0 (not vetoed), of at least
    ``min_score`` and at least ``ratio`` times the group's best. Pairs of one group with the
    same score, distance and datedness are a tie: nothing in the evidence orders them (the
    order among them is the record's row), and ``tied`` counts them all, also those beyond
    ``top``. Callers pass scores and distances
    as the links show them (rounded), so a join and a re-ranking of its parts order the
    same values.
    """
    if not len(groups):
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    codes, g = np.unique(groups, return_inverse=True)
    g = g.ravel()
    best = np.zeros(len(codes))
    np.maximum.at(best, g, score)
    cut = np.flatnonzero((score >= min_score) & (score > 0) & (score >= ratio * best[g]))
    order = cut[np.lexsort((tiebreak[cut], dist[cut], ~dated[cut], -score[cut], g[cut]))]
    go = g[order]
    start = np.r_[True, go[1:] != go[:-1]] if len(go) else np.empty(0, bool)
    first = np.flatnonzero(start)
    rank = np.arange(len(go)) - first[np.cumsum(start) - 1] + 1 if len(go) else \
        np.empty(0, np.int64)
    keep = rank <= top
    return order[keep], rank[keep], _ties(go, dated[order], score[order], dist[order])[keep]


def _ties(g: np.ndarray, dated: np.ndarray, score: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """For pairs sorted by (group, score, datedness, distance): the size of each one's run of
    equal (group, score, datedness, distance)."""
    if not len(g):
        return np.empty(0, np.int64)
    new = np.r_[True, (g[1:] != g[:-1]) | (dated[1:] != dated[:-1])
                | (score[1:] != score[:-1]) | (dist[1:] != dist[:-1])]
    run = np.cumsum(new) - 1
    return np.bincount(run)[run].astype(np.int64)
