"""Resolution: choose each recognised mention's place from the evidence of the whole document.

Each candidate place is scored by its prior importance (population, feature class) and by the
document's context: soft country support from the other mentions, countries and divisions named
as such, the "X, Y" pattern ("Berestove, Donetsk"), and, in a second pass, distance to the places
already resolved with confidence. The learned ranker (:mod:`._rank`), when given, then re-chooses
among the scored candidates.

Evidence that must not send a town abroad: beside a lone place, a nationality names who acted,
not where ("A Russian guided bomb hit Pokrovsk"); a name that only another spelling of a place
abroad matches, in a country the document never names while it names others ("through Khasan"
-> Hassan, India), is left unresolved.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from .._text import translit_key
from ._candidates import (
    _A1CODE,
    _CAPITAL,
    _COUNTRY,
    _FEATURE,
    _LAT,
    _LON,
    _POP,
    AREA_FEATURES,
    LARGE_PLACE,
    Found,
)

if TYPE_CHECKING:
    from ._rank import Ranker

__all__ = ["resolve"]

#: Places resolved with confidence that pull their neighbours' candidates (at most this many).
MAX_ANCHORS = 12
#: What a candidate gains when the document names its first-level division, and more when
#: that name stands within NEAR_CHARS characters.
ADMIN1_NAMED = 2.5
ADMIN1_NEAR = 1.5
NEAR_CHARS = 150
#: The most that nearness to those places adds to a candidate's score.
PROXIMITY = 2.0
#: How many other mentions a document needs before a common word naming a place in a country
#: that nothing else in it supports is taken for a word.
OUTLIER_CONTEXT = 3
#: Soft support below which a country counts as unsupported by the document.
OUTLIER_SUPPORT = 0.05
#: The soft support a focus country (Geoparser(focus_country=...)) gives each mention: as if
#: half the text's other places lay there. Chosen on the tune half of the UCDP Ukraine
#: headlines (bench_eventgeo_text ua-headline acc@161: 0.25 -> 0.384, 0.5 -> 0.385, 1.0 ->
#: 0.376; none 0.371).
FOCUS_SUPPORT = 0.5
#: A city this large (or a capital) is known abroad by other names ("Kiev", "Bombay").
WORLD_CITY = 500_000


def resolve(text: str, ms: list[Found], ranker: Ranker | None,
            place_words: Collection[str] = (), *, focus: str | None = None) -> None:
    """Choose each mention's place; ``place_words`` are the language's kind words ("city",
    "town", "region"), which make a demonym before them describe a place; ``focus`` the
    country the texts are mostly about (the user's hint): its soft support is at least
    :data:`FOCUS_SUPPORT` for every mention."""
    # soft country support: each mention spreads one unit over its candidates' countries
    mass: dict[str, float] = {}
    own: list[dict[str, float]] = []
    # "A Russian guided bomb hit Pokrovsk": beside a lone place, a nationality names who
    # acted, not where (unless it describes a place, "the Russian city of X"): its mass
    # still keeps a common word's places ("America"), but it scores no candidate
    actor: dict[str, float] = {}
    lone = sum(m.role != "demonym" for m in ms) < 2
    for m in ms:
        top = max(c.prior for c in m.cands)
        w = [math.exp(c.prior - top) for c in m.cands]
        total = sum(w)
        mine: dict[str, float] = {}
        for c, wi in zip(m.cands, w, strict=True):
            cc = c.row[_COUNTRY]
            if cc:
                mine[cc] = mine.get(cc, 0.0) + wi / total
        if m.needs_context:
            mine = {}
        elif lone and m.role == "demonym" and not _describes_place(text, m, place_words):
            for cc, v in mine.items():
                actor[cc] = actor.get(cc, 0.0) + v
        own.append(mine)
        for cc, v in mine.items():
            mass[cc] = mass.get(cc, 0.0) + v
    # explicit evidence: countries and divisions named as such
    named_countries: set[str] = set()
    admin1s: dict[str, list[int]] = {}  # code -> start offsets of its mentions
    for m in ms:
        if m.needs_context:
            continue  # a word that may not be a place is no evidence for others
        top = max(m.cands, key=lambda c: c.prior)
        feat = top.row[_FEATURE]
        if feat == "country" and m.role != "demonym":
            # "Russian forces shelled Pokrovsk": a nationality names who acted, not where;
            # only a country named as such is explicit evidence (demonyms stay soft support)
            named_countries.add(top.row[_COUNTRY])
        elif (feat == "admin1" or (m.span.area and feat in AREA_FEATURES)) and \
                top.row[_A1CODE]:
            admin1s.setdefault(top.row[_A1CODE], []).append(m.span.start)
    others = max(len(ms) - 1, 1)
    kept = []
    for m, mine in zip(ms, own, strict=True):
        support = {cc: (mass.get(cc, 0.0) - mine.get(cc, 0.0)) / others for cc in mass}
        if m.needs_context:
            m.cands = [c for c in m.cands if support.get(c.row[_COUNTRY], 0.0) >= 0.2
                       or c.row[_COUNTRY] in named_countries
                       or (c.row[_A1CODE] and c.row[_A1CODE] in admin1s)]
            if not m.cands:
                continue
            # a common word left only with small places ("Google", Congress AZ; "Burning
            # Man", Man WV) needs its division named, or "X, Y" after it
            if all(c.row[_POP] < LARGE_PLACE and c.row[_FEATURE] == "populated_place"
                   for c in m.cands) and not any(
                       c.row[_A1CODE] in admin1s for c in m.cands) and \
                    text[m.span.end : m.span.end + 2] != ", ":
                continue
        elif m.outlier_check and others >= OUTLIER_CONTEXT:
            # a common word that names a dominant place ("Western" in Ghana), in a document
            # whose other places lie elsewhere and never in that country: a word
            cc = max(m.cands, key=lambda c: c.prior).row[_COUNTRY]
            if support.get(cc, 0.0) < OUTLIER_SUPPORT and cc not in named_countries:
                continue
        m.support = {cc: v - actor.get(cc, 0.0) / others for cc, v in support.items()} \
            if actor and m.role != "demonym" else support
        if focus is not None and m.support.get(focus, 0.0) < FOCUS_SUPPORT:
            # (after the common-word checks above: a hint makes no word a place)
            m.support = {**m.support, focus: FOCUS_SUPPORT}
        kept.append(m)
    ms[:] = kept
    # "X, Y": Y names the division or country of X
    parent: dict[int, Found] = {}
    for a, b in itertools.pairwise(ms):
        if text[a.span.end : b.span.start] in (", ", ","):
            parent[id(a)] = b
    for m in ms:
        _score(m, named_countries, admin1s, parent.get(id(m)), None)
    # second pass: distance to what was resolved with confidence
    anchors = list({(m.best.row[_LAT], m.best.row[_LON]) for m in ms
                    if m.best and m.margin >= 2.0 and m.best.row[_FEATURE] != "country"})
    anchors = anchors[:MAX_ANCHORS]
    if anchors:
        for m in ms:
            if len(m.cands) > 1:
                _score(m, named_countries, admin1s, parent.get(id(m)), anchors)
    if ranker is not None:  # the learned ranker re-chooses among the scored places
        for m in ms:
            m.hand = m.best
        ranker.rerank(text, ms, named_countries=named_countries, admin1s=admin1s,
                      parent=parent, anchors=anchors, focus=focus)
    # "through Khasan": another place's spelling, abroad, in a country the text never names
    _foreign_other_names(text, ms, named_countries)
    # "Pyongyang and Moscow have adopted...": coordinated seats of government share a role
    for a, b in itertools.pairwise(ms):
        if text[a.span.end : b.span.start] == " and " and "metonymic" in (a.role, b.role):
            for x in (a, b):
                if x.role == "literal" and x.best and (
                        x.best.row[_FEATURE] == "country" or x.best.row[_CAPITAL]):
                    x.role = "metonymic"


def _score(m: Found, named_countries, admin1s, par: Found | None, anchors) -> None:
    start = m.span.start
    support = m.support
    dateline = m.role == "dateline"
    if par is not None:  # "X, Y": the divisions and countries Y may be
        par_a1 = {pc.row[_A1CODE] for pc in par.cands
                  if pc.row[_FEATURE] == "admin1" and pc.row[_A1CODE]}
        par_cc = {pc.row[_COUNTRY] for pc in par.cands if pc.row[_FEATURE] == "country"}
    for c in m.cands:
        r = c.row
        s = c.prior
        cc = r[_COUNTRY]
        feature = r[_FEATURE]
        if feature != "country":
            s += 3.0 * min(1.0, 2.0 * support.get(cc, 0.0))
            if cc in named_countries:
                s += 4.5
        named = admin1s.get(r[_A1CODE] or "")
        if named and feature != "admin1":
            others = [x for x in named if x != start]
            if others:
                s += ADMIN1_NAMED
                # "Hartford is a town in Windsor County, Vermont": named close by
                if any(abs(x - start) <= NEAR_CHARS for x in others):
                    s += ADMIN1_NEAR
        if par is not None and ((feature != "admin1" and r[_A1CODE] in par_a1) or
                                (feature != "country" and cc in par_cc)):
            s += 4.5
        if dateline and feature == "populated_place":
            s += 4.5
        c.score = s
    if anchors:
        # nearness to confidently resolved places adds at most PROXIMITY: only candidates
        # within that reach of the leader need the distances
        floor = max(c.score for c in m.cands) - PROXIMITY
        for c in m.cands:
            r = c.row
            if c.score >= floor and r[_FEATURE] != "country":
                d = min(_km(r[_LAT], r[_LON], la, lo) for la, lo in anchors)
                c.score += PROXIMITY * math.exp(-d / 300.0)
    # the best (the first of equal scores, as a stable sort would give) and its margin
    scores = [c.score for c in m.cands]
    top = max(scores)
    i = scores.index(top)
    m.best = m.cands[i]
    m.margin = top - max(scores[:i] + scores[i + 1 :]) if len(scores) > 1 else 10.0


_NEXT_WORD = re.compile(r"[\s-]+(\w+)")


def _describes_place(text: str, m: Found, place_words: Collection[str]) -> bool:
    """The demonym stands before a kind word of place: "the Egyptian capital", "a Russian
    town"."""
    nxt = _NEXT_WORD.match(text, m.span.end)
    return nxt is not None and nxt.group(1).lower() in place_words


def _foreign_other_names(text: str, ms: list[Found], named_countries: set[str]) -> None:
    """A name that only another spelling of a place abroad matches ("through Khasan" ->
    Hassan, India, by its Russian transliteration), in a document that names its countries and
    never that one, is unresolved: the gazetteer lacks the place meant. A name given to that
    place in its own right ("Kobane" of Ayn al-Arab) stands."""
    if not named_countries:
        return
    for m in ms:
        b = m.best
        if b is None or m.role != "literal" or any(c.kind != "alt" for c in m.cands):
            continue
        cc = b.row[_COUNTRY]
        name = text[m.span.start : m.span.end]
        if (b.row[_FEATURE] == "populated_place" and not b.row[_CAPITAL]
                and b.row[_POP] < WORLD_CITY and cc not in named_countries
                and (m.support or {}).get(cc, 0.0) < OUTLIER_SUPPORT and name.isascii()
                and _bears(translit_key(name), b.row[2])):
            m.best = None


def _bears(key: str, name: str) -> bool:
    """``name`` is the name of transliteration key ``key`` or a spelling of it ("Slovyansk" of
    "Sloviansk"), not another name ("Nikopol")."""
    own = translit_key(name)
    return own == key or Levenshtein.normalized_distance(own, key) < 0.5


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Approximate great-circle distance (equirectangular; good to a few % below 2,000 km)."""
    dlon = abs(lon2 - lon1)
    if dlon > 180.0:
        dlon = 360.0 - dlon
    x = dlon * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.195 * math.hypot(lat2 - lat1, x)
