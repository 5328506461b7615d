"""Features of each candidate place of a mention, for the learned ranker (:mod:`._rank`).

Computed from what the hand-written resolver already knows after its two passes (see
:func:`geomap.geoparse._resolution.resolve`): the candidate's prior and hand-written score,
how its name matched, its population, feature class and prominence, the document's support for
its country and first-level division, the "X, Y" pattern, distance to the places resolved with
confidence, the title and the dateline, the document's home country (:mod:`._home`) and the
mention's role. No feature names a particular country: what is learned is how evidence weighs,
not which countries a corpus is about.
"""

from __future__ import annotations

import math

import numpy as np

from ..gazetteer._schema import PLACE_COLUMNS
from ._home import infer_home

__all__ = ["FEATURES", "candidate_features", "document_home"]

_FEATURE, _LAT, _LON, _COUNTRY, _A1CODE, _POP, _CAPITAL, _NNAMES = (
    PLACE_COLUMNS.index(c) for c in ("feature", "lat", "lon", "country", "admin1_code",
                                     "population", "capital", "n_names"))
_FEATURE_CLASSES = ("country", "admin1", "admin2", "region", "populated_place")
_KINDS = ("name", "alt", "abbr", "dotted", "stem")
_ROLES = ("literal", "metonymic", "demonym", "dateline")
_FEATURE_ONEHOT = {f: (*(float(f == g) for g in _FEATURE_CLASSES), 0.0)
                   for f in _FEATURE_CLASSES}
_FEATURE_OTHER = (0.0,) * len(_FEATURE_CLASSES) + (1.0,)
_KIND_ONEHOT = {k: tuple(float(k == g) for g in _KINDS) for k in _KINDS}
_KIND_OTHER = (0.0,) * len(_KINDS)
#: Margin of the hand-written score from which a mention counts as confidently resolved.
CONFIDENT_MARGIN = 2.0
#: The title: the first line, or the first sentence, within this many characters.
TITLE_CHARS = 250
NEAR_CHARS = 150
NO_ANCHOR_KM = 20_000.0
#: The ranker chooses among this many candidates of a mention, the best by hand-written score
#: (the right place is among them for 98-99.9% of the ambiguous mentions of the dev corpora).
TOP_CANDIDATES = 10

FEATURES: tuple[str, ...] = (
    "hand_score", "hand_gap", "hand_rank", "prior", "prior_gap", "log_pop", "log_pop_gap",
    "capital", "log_names",
    *(f"feature_{f}" for f in _FEATURE_CLASSES), "feature_other",
    *(f"kind_{k}" for k in _KINDS),
    "log_cands", "country_support", "country_named", "country_best_share", "admin1_named",
    "admin1_near", "admin1_best_share", "parent_admin1", "parent_country", "parent_any",
    *(f"role_{r}" for r in _ROLES),
    "anchor_log_km", "anchors", "home_match", "home_known", "title_country", "title_admin1",
    "dateline_country", "dateline_admin1", "words", "all_caps", "recog", "same_as_previous",
    "in_title", "mentions", "colocated", "colocated_soft", "best_log_km",
)
#: Each other mention takes part in co-location with its likeliest few places, weighed by prior.
COLOCATE_TOP = 4
COLOCATE_KM = 100.0
#: Context mentions of a very long text (an even sample of them), and candidates per block.
MAX_CONTEXT = 300
BLOCK_ROWS = 4096


def _title_end(text: str) -> int:
    nl = text.find("\n", 0, TITLE_CHARS)
    if nl > 0:
        return nl
    dot = text.find(". ", 0, TITLE_CHARS)
    return dot if dot > 0 else min(len(text), TITLE_CHARS)


def document_home(ms) -> str | None:
    """Home country code from the hand-written resolution of a document's mentions."""
    home = infer_home((m.role, m.best.row[_COUNTRY] if m.best else None,
                       m.margin >= CONFIDENT_MARGIN) for m in ms)
    return home.code if home else None


def candidate_features(text: str, ms, *, named_countries, admin1s, parent, anchors):
    """(matrix of candidate features, [(mention, first row, end row, candidates)]) for the
    mentions of a document with more than one candidate: a row for each of its TOP_CANDIDATES
    candidates with the best hand-written scores, in the order of ``candidates``."""
    home = document_home(ms)
    title_end = _title_end(text)
    best_cc: dict[str, int] = {}
    best_a1: dict[str, int] = {}
    title_cc: dict[str, int] = {}
    title_a1: dict[str, int] = {}
    date_cc: set[str] = set()
    date_a1: set[str] = set()
    for m in ms:
        if m.best is None:
            continue
        r = m.best.row
        best_cc[r[_COUNTRY]] = best_cc.get(r[_COUNTRY], 0) + 1
        if r[_A1CODE]:
            best_a1[r[_A1CODE]] = best_a1.get(r[_A1CODE], 0) + 1
        if m.span.start < title_end:
            title_cc[r[_COUNTRY]] = title_cc.get(r[_COUNTRY], 0) + 1
            if r[_A1CODE]:
                title_a1[r[_A1CODE]] = title_a1.get(r[_A1CODE], 0) + 1
        if m.role == "dateline":
            date_cc.add(r[_COUNTRY])
            if r[_A1CODE]:
                date_a1.add(r[_A1CODE])
    n_ms = len(ms)
    others = max(n_ms - 1, 1)
    rows: list[list[float]] = []
    lats: list[float] = []
    lons: list[float] = []
    groups = []
    prev_cc = None
    for m in ms:
        own = m.best.row if m.best else None
        if len(m.cands) < 2:
            prev_cc = own[_COUNTRY] if own else prev_cc
            continue
        start = len(rows)
        cands = sorted(m.cands, key=lambda c: -c.score)[:TOP_CANDIDATES]
        top_score = cands[0].score
        top_prior = max(c.prior for c in m.cands)
        pops = [math.log10(1 + c.row[_POP]) for c in cands]
        top_pop = max(math.log10(1 + c.row[_POP]) for c in m.cands)
        rank = range(len(cands))
        par = parent.get(id(m))
        par_a1 = {pc.row[_A1CODE] for pc in par.cands
                  if pc.row[_FEATURE] == "admin1" and pc.row[_A1CODE]} if par else set()
        par_cc = {pc.row[_COUNTRY] for pc in par.cands
                  if pc.row[_FEATURE] == "country"} if par else set()
        in_title = m.span.start < title_end
        name = text[m.span.start : m.span.end]
        support = m.support or {}
        role = [float(m.role == r) for r in _ROLES]
        own_cc = own[_COUNTRY] if own else None
        own_a1 = own[_A1CODE] if own else None
        for c, pop, rk in zip(cands, pops, rank, strict=True):
            r = c.row
            cc, a1, feat = r[_COUNTRY], r[_A1CODE], r[_FEATURE]
            near = [x for x in admin1s.get(a1 or "", ()) if x != m.span.start]
            cc_share = (best_cc.get(cc, 0) - (cc == own_cc)) / others
            a1_share = (best_a1.get(a1, 0) - (a1 == own_a1)) / others if a1 else 0.0
            t_cc = title_cc.get(cc, 0) - (in_title and cc == own_cc)
            t_a1 = title_a1.get(a1, 0) - (in_title and a1 == own_a1) if a1 else 0
            rows.append([
                c.score, c.score - top_score, float(rk), c.prior, c.prior - top_prior,
                pop, pop - top_pop, float(bool(r[_CAPITAL])), math.log10(1 + (r[_NNAMES] or 0)),
                *_FEATURE_ONEHOT.get(feat, _FEATURE_OTHER),
                *_KIND_ONEHOT.get(c.kind, _KIND_OTHER),
                math.log(len(m.cands)), support.get(cc, 0.0), float(cc in named_countries),
                cc_share, float(len(near)),
                float(any(abs(x - m.span.start) <= NEAR_CHARS for x in near)), a1_share,
                float(bool(a1) and a1 in par_a1), float(cc in par_cc), float(par is not None),
                *role,
                0.0, float(len(anchors)), float(home is not None and cc == home),
                float(home is not None), float(t_cc > 0), float(t_a1 > 0),
                float(cc in date_cc and m.role != "dateline"),
                float(bool(a1) and a1 in date_a1 and m.role != "dateline"),
                float(m.span.last - m.span.first + 1), float(name.isupper()), m.recog,
                float(cc == prev_cc), float(in_title), math.log(n_ms),
                0.0, 0.0, 0.0,  # co-location and distance to the others (below, in numpy)
            ])
            lats.append(r[_LAT])
            lons.append(r[_LON])
        groups.append((m, start, len(rows), cands))
        prev_cc = m.best.row[_COUNTRY] if m.best else prev_cc
    if not rows:
        return np.zeros((0, len(FEATURES))), groups
    x = np.asarray(rows, dtype=np.float64)
    _colocation(x, ms, groups, np.asarray(lats), np.asarray(lons))
    col = FEATURES.index("anchor_log_km")
    if anchors:
        x[:, col] = np.log1p(_nearest_km(np.asarray(lats), np.asarray(lons),
                                         np.asarray(anchors, dtype=np.float64)))
    else:
        x[:, col] = math.log1p(NO_ANCHOR_KM)
    return x, groups


def _colocation(x: np.ndarray, ms, groups, lat: np.ndarray, lon: np.ndarray) -> None:
    """How many other mentions have a likely place near each candidate (hard share and
    prior-weighed), and the distance to the nearest place the others were resolved to; other
    mentions of the same name are no evidence (they share the candidates). A text with more
    than MAX_CONTEXT mentions (a dump, a book) is its own context through an even sample of
    them, and candidates are compared in blocks, so that time and memory stay bounded."""
    names: dict[str, int] = {}
    name_of = np.asarray([names.setdefault(m.span.key, len(names)) for m in ms])
    index = {id(m): i for i, m in enumerate(ms)}
    own = np.empty(len(x), dtype=np.intp)
    for m, a, b, _cands in groups:
        own[a:b] = name_of[index[id(m)]]
    context = [i for i, m in enumerate(ms) if m.cands]  # unresolved mentions have none
    if len(context) > MAX_CONTEXT:
        context = context[:: -(-len(context) // MAX_CONTEXT)]
    pts, owner, run, weight, best = [], [], [], [], []
    for i in context:
        m = ms[i]
        top = sorted(m.cands, key=lambda c: -c.prior)[:COLOCATE_TOP]
        w = [math.exp(c.prior - top[0].prior) for c in top]
        total = sum(w)
        for c, wi in zip(top, w, strict=True):
            pts.append((c.row[_LAT], c.row[_LON]))
            owner.append(name_of[i])
            run.append(i)
            weight.append(wi / total)
        best.append((m.best.row[_LAT], m.best.row[_LON]) if m.best else (np.nan, np.nan))
    pts_a = np.asarray(pts, dtype=np.float64)
    best_a = np.asarray(best, dtype=np.float64)
    owner_a = np.asarray(owner)
    best_name = name_of[np.asarray(context)]
    weight_a = np.asarray(weight)
    # the points of one context mention are consecutive: where each run starts
    starts = np.flatnonzero(np.r_[True, np.diff(np.asarray(run)) != 0])
    others = max(len(best) - 1, 1)
    for lo in range(0, len(x), BLOCK_ROWS):
        hi = min(lo + BLOCK_ROWS, len(x))
        mine = own[lo:hi, None]
        near = _km_matrix(lat[lo:hi], lon[lo:hi], pts_a) < COLOCATE_KM
        near &= owner_a[None, :] != mine
        # per other mention: any of its places near (hard), the prior weight of those (soft)
        hard = np.maximum.reduceat(near.astype(np.int8), starts, axis=1).sum(axis=1)
        x[lo:hi, FEATURES.index("colocated")] = hard / others
        x[lo:hi, FEATURES.index("colocated_soft")] = near @ weight_a / others
        d = _km_matrix(lat[lo:hi], lon[lo:hi], best_a)
        d[(best_name[None, :] == mine) | np.isnan(d)] = np.inf
        d = d.min(axis=1) if d.shape[1] else np.full(hi - lo, np.inf)
        x[lo:hi, FEATURES.index("best_log_km")] = np.log1p(np.minimum(d, NO_ANCHOR_KM))


def _km_matrix(lat: np.ndarray, lon: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Approximate km between each (lat, lon) and each row of ``pts`` (equirectangular: within
    a few per cent below 2,000 km, which is where these features look; farther is just far)."""
    dlon = np.abs(pts[:, 1][None, :] - lon[:, None])
    dlon = np.minimum(dlon, 360.0 - dlon)
    coslat = np.cos(np.radians((pts[:, 0][None, :] + lat[:, None]) * 0.5))
    return 111.195 * np.hypot(pts[:, 0][None, :] - lat[:, None], dlon * coslat)


def _nearest_km(lat: np.ndarray, lon: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """Great-circle km from each point to the nearest anchor, ignoring the point itself
    (an anchor is a confidently resolved place; its own candidate is 0 km from it)."""
    d = _km_matrix(lat, lon, anchors)
    d[d < 1e-6] = np.inf
    out = d.min(axis=1)
    out[~np.isfinite(out)] = NO_ANCHOR_KM
    return out
