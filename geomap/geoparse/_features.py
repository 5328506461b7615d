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
import operator

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
_by_score, _by_prior = operator.attrgetter("score"), operator.attrgetter("prior")
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
#: Each other mention takes part in co-location with its likeliest few places, weighed by prior
#: (5-fold CV over the tune halves, mean of the four training corpora: 4 places 0.7823, 8 places
#: 0.7831, 16 places 0.7836 at twice the cost). Country and region points take part too:
#: leaving them out (a country's point is no town's neighbour) measured worse (0.7797; GeoCorpora
#: tune 0.823 -> 0.814): a country's point still tells which country a story is in.
COLOCATE_TOP = 8
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


def candidate_features(text: str, ms, *, named_countries, admin1s, parent, anchors,
                       focus: str | None = None):
    """(matrix of candidate features, [(mention, first row, end row, candidates)]) for the
    mentions of a document with more than one candidate: a row for each of its TOP_CANDIDATES
    candidates with the best hand-written scores, in the order of ``candidates``. A focus
    country (the user's hint) is the home country of a document that shows none of its own."""
    home = document_home(ms) or focus
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
    # values shared by every row of the document, and (below) of a mention
    n_anchors, home_known = float(len(anchors)), float(home is not None)
    log_ms = math.log(n_ms) if n_ms else 0.0
    for m in ms:
        own = m.best.row if m.best else None
        if len(m.cands) < 2:
            prev_cc = own[_COUNTRY] if own else prev_cc
            continue
        start = len(rows)
        cands = sorted(m.cands, key=_by_score, reverse=True)[:TOP_CANDIDATES]
        top_score = cands[0].score
        top_prior = max(map(_by_prior, m.cands))
        top_pop = math.log10(1 + max(c.row[_POP] for c in m.cands))  # log10 is monotonic
        par = parent.get(id(m))
        par_a1 = {pc.row[_A1CODE] for pc in par.cands
                  if pc.row[_FEATURE] == "admin1" and pc.row[_A1CODE]} if par else set()
        par_cc = {pc.row[_COUNTRY] for pc in par.cands
                  if pc.row[_FEATURE] == "country"} if par else set()
        in_title = m.span.start < title_end
        name = text[m.span.start : m.span.end]
        support = m.support or {}
        own_cc = own[_COUNTRY] if own else None
        own_a1 = own[_A1CODE] if own else None
        not_dateline = m.role != "dateline"
        log_cands = math.log(len(m.cands))
        mid = (float(par is not None), *(float(m.role == r) for r in _ROLES))
        tail = (float(m.span.last - m.span.first + 1), float(name.isupper()), m.recog)
        in_title_f = float(in_title)
        # the features of a candidate's country and of its division, once per mention
        by_cc: dict = {}
        by_a1: dict = {}
        for rk, c in enumerate(cands):
            r = c.row
            cc, a1 = r[_COUNTRY], r[_A1CODE]
            k = by_cc.get(cc)
            if k is None:
                t_cc = title_cc.get(cc, 0) - (in_title and cc == own_cc)
                k = by_cc[cc] = (
                    support.get(cc, 0.0), float(cc in named_countries),
                    (best_cc.get(cc, 0) - (cc == own_cc)) / others, float(cc in par_cc),
                    float(home is not None and cc == home), float(t_cc > 0),
                    float(cc in date_cc and not_dateline), float(cc == prev_cc))
            a = by_a1.get(a1)
            if a is None:
                named = admin1s.get(a1 or "")
                near = [x for x in named if x != m.span.start] if named else ()
                t_a1 = title_a1.get(a1, 0) - (in_title and a1 == own_a1) if a1 else 0
                a = by_a1[a1] = (
                    float(len(near)),
                    float(any(abs(x - m.span.start) <= NEAR_CHARS for x in near)),
                    (best_a1.get(a1, 0) - (a1 == own_a1)) / others if a1 else 0.0,
                    float(bool(a1) and a1 in par_a1), float(t_a1 > 0),
                    float(bool(a1) and a1 in date_a1 and not_dateline))
            pop = math.log10(1 + r[_POP])
            rows.append([
                c.score, c.score - top_score, float(rk), c.prior, c.prior - top_prior,
                pop, pop - top_pop, float(bool(r[_CAPITAL])), math.log10(1 + (r[_NNAMES] or 0)),
                *_FEATURE_ONEHOT.get(r[_FEATURE], _FEATURE_OTHER),
                *_KIND_ONEHOT.get(c.kind, _KIND_OTHER),
                log_cands, k[0], k[1], k[2], a[0], a[1], a[2], a[3], k[3], *mid,
                0.0, n_anchors, k[4], home_known, k[5], a[4], k[6], a[5], *tail, k[7],
                in_title_f, log_ms,
                0.0, 0.0, 0.0,  # co-location and distance to the others (below, in numpy)
            ])
            lats.append(r[_LAT])
            lons.append(r[_LON])
        groups.append((m, start, len(rows), cands))
        prev_cc = m.best.row[_COUNTRY] if m.best else prev_cc
    if not rows:
        return np.zeros((0, len(FEATURES))), groups
    x = np.asarray(rows, dtype=np.float64)
    _colocation(x, ms, groups, np.asarray(lats), np.asarray(lons), anchors=anchors)
    return x, groups


_COLOCATED, _COLOCATED_SOFT, _BEST_LOG_KM, _ANCHOR_LOG_KM = (
    FEATURES.index(f) for f in ("colocated", "colocated_soft", "best_log_km", "anchor_log_km"))


def _colocation(x: np.ndarray, ms, groups, lat: np.ndarray, lon: np.ndarray, *,
                anchors) -> None:
    """How many other mentions have a likely place near each candidate (hard share and
    prior-weighed), the distance to the nearest place the others were resolved to (other
    mentions of the same name are no evidence: they share the candidates), and to the nearest
    anchor. A text with more than MAX_CONTEXT mentions (a dump, a book) is its own context
    through an even sample of them, and candidates are compared in blocks, so that time and
    memory stay bounded. The distances of a block to all three kinds of point are one matrix:
    a short document pays numpy's cost per call once, not once per kind."""
    names: dict[str, int] = {}
    name_of = [names.setdefault(m.span.key, len(names)) for m in ms]
    index = {id(m): i for i, m in enumerate(ms)}
    own_names: list[int] = []
    for m, a, b, _cands in groups:
        own_names += [name_of[index[id(m)]]] * (b - a)
    own = np.asarray(own_names)
    context = [i for i, m in enumerate(ms) if m.cands]  # unresolved mentions have none
    if len(context) > MAX_CONTEXT:
        context = context[:: -(-len(context) // MAX_CONTEXT)]
    pts, owner, weight, best, best_owner, starts = [], [], [], [], [], []
    for i in context:
        m = ms[i]
        top = sorted(m.cands, key=_by_prior, reverse=True)[:COLOCATE_TOP]
        w = [math.exp(c.prior - top[0].prior) for c in top]
        total = sum(w)
        starts.append(len(pts))  # the points of one context mention are consecutive
        for c, wi in zip(top, w, strict=True):
            pts.append((c.row[_LAT], c.row[_LON]))
            owner.append(name_of[i])
            weight.append(wi / total)
        if m.best:
            best.append((m.best.row[_LAT], m.best.row[_LON]))
            best_owner.append(name_of[i])
    # columns: the others' likely places [:k], the places they were resolved to [k:kb], the
    # anchors [kb:]
    k, kb = len(pts), len(pts) + len(best)
    pts_a = np.asarray(pts + best + list(anchors), dtype=np.float64)
    owner_a = np.asarray(owner + best_owner)
    weight_a = np.asarray(weight)
    others = max(len(context) - 1, 1)
    if not anchors:
        x[:, _ANCHOR_LOG_KM] = math.log1p(NO_ANCHOR_KM)
    for lo in range(0, len(x), BLOCK_ROWS):
        hi = min(lo + BLOCK_ROWS, len(x))
        d = _km_matrix(lat[lo:hi], lon[lo:hi], pts_a)
        d[:, :kb][owner_a[None, :] == own[lo:hi, None]] = np.inf  # the same name: no evidence
        near = d[:, :k] < COLOCATE_KM
        # per other mention: any of its places near (hard), the prior weight of those (soft)
        hard = np.logical_or.reduceat(near, starts, axis=1).sum(axis=1)
        x[lo:hi, _COLOCATED] = hard / others
        x[lo:hi, _COLOCATED_SOFT] = near @ weight_a / others
        db = d[:, k:kb].min(axis=1) if kb > k else np.full(hi - lo, np.inf)
        x[lo:hi, _BEST_LOG_KM] = np.log1p(np.minimum(db, NO_ANCHOR_KM))
        if anchors:
            x[lo:hi, _ANCHOR_LOG_KM] = np.log1p(_nearest(d[:, kb:]))


def _km_matrix(lat: np.ndarray, lon: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Approximate km between each (lat, lon) and each row of ``pts`` (equirectangular: within
    a few per cent below 2,000 km, which is where these features look; farther is just far)."""
    plat, plon, lat = pts[:, 0], pts[:, 1], lat[:, None]
    dlon = np.abs(plon - lon[:, None])
    dlon = np.minimum(dlon, 360.0 - dlon)
    coslat = np.cos(np.radians((plat + lat) * 0.5))
    return 111.195 * np.hypot(plat - lat, dlon * coslat)


def _nearest(d: np.ndarray) -> np.ndarray:
    """Km from each candidate to the nearest anchor (``d``: km to each anchor, changed in
    place), ignoring the candidate's own place (an anchor is a confidently resolved place; its
    own candidate is 0 km from it)."""
    d[d < 1e-6] = np.inf
    out = d.min(axis=1)
    out[~np.isfinite(out)] = NO_ANCHOR_KM
    return out
