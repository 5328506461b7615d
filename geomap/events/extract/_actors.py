"""Who acts: countries (by name, demonym or a capital standing for its government) and
organisations, found in one pass over an article.

Place mentions give most actors: "North Korean troops" (a demonym of North Korea), "Moscow said"
(a capital standing for Russia), "Russia has been struggling" (the country). Organisations come
from :data:`ORGANISATIONS`, which also names the country of national bodies (the Pentagon is the
United States). Country names the geoparser left unresolved are looked up once per text in the
gazetteer, so an actor is not lost to a missed mention.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from ..._text import fold_key
from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang.en import ENGLISH

__all__ = ["ORGANISATIONS", "Actor", "ActorSpan", "find_actors"]

#: Organisation name (as written) -> (canonical name, ISO2 of its country or None); the list
#: lives in :mod:`geomap.lang.en`.
ORGANISATIONS = ENGLISH.organisations
_ORG_RE = re.compile(r"(?<![\w.])(?:" + "|".join(
    re.escape(k) for k in sorted(ORGANISATIONS, key=len, reverse=True)) + r")(?![\w])")
# capitalised runs of one to three words, for country names the geoparser missed
_CAPS_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:of |and |the )?[A-Z][a-z]+){0,2}\b")
_SPEECH_AFTER = re.compile(r"\s+(?:has |have |had |also )?(?:" + "|".join(
    sorted(ENGLISH.words("actor_speech"))) + r")\b")
_POSSESSIVE = re.compile(r"^[’']s\b")
#: fold keys of capitalised runs (the same names recur across a corpus)
_fold = functools.lru_cache(maxsize=1 << 16)(fold_key)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of an event: a name and the ISO2 code of its country (None for international
    bodies)."""

    name: str
    country: str | None

    def to_json(self) -> dict[str, str | None]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class ActorSpan:
    start: int
    end: int
    actor: Actor
    kind: str  # "country", "demonym", "capital" (a city standing for its government), "org"
    possessive: bool  # followed by 's ("North Korea's military personnel")


def _country_actor(gazetteer: Gazetteer, iso2: str | None, cache: dict) -> Actor | None:
    if not iso2:
        return None
    if iso2 not in cache:
        place = gazetteer.country(iso2)
        cache[iso2] = Actor(place.name if place else iso2, iso2)
    return cache[iso2]


def find_actors(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[ActorSpan]:
    """Every actor span of ``text``, in text order (spans never overlap)."""
    cache: dict[str, Actor] = {}
    spans: list[ActorSpan] = []

    def poss(end: int) -> bool:
        return bool(_POSSESSIVE.match(text[end : end + 3]))

    for m in mentions:
        p = m.place
        if p is None or m.role == "dateline":
            continue
        if p.feature == "country":
            actor = _country_actor(gazetteer, p.country, cache)
            if actor:
                kind = "demonym" if m.role == "demonym" else "country"
                spans.append(ActorSpan(m.start, m.end, actor, kind, poss(m.end)))
        elif m.role == "metonymic":
            actor = _country_actor(gazetteer, p.country, cache)
            if actor:
                spans.append(ActorSpan(m.start, m.end, actor, "capital", poss(m.end)))
    for m in _ORG_RE.finditer(text):
        name, iso2 = ORGANISATIONS[m.group()]
        spans.append(ActorSpan(m.start(), m.end(), Actor(name, iso2), "org", poss(m.end())))
    spans.extend(_missed_countries(text, spans, mentions, gazetteer, cache))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[ActorSpan] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _missed_countries(text, spans, mentions, gazetteer, cache) -> list[ActorSpan]:
    """Country names and demonyms not covered by a longer or equal resolved mention."""
    runs = [(m.start(), m.end(), m.group()) for m in _CAPS_RUN.finditer(text)]
    if not runs:
        return []
    covered = sorted([(s.start, s.end) for s in spans] + [
        (m.start, m.end) for m in mentions if m.place is not None and m.place.feature != "admin1"])
    # a run is covered when a span starting at or before it ends at or after it: the farthest
    # end of the spans starting at or before each start, found by binary search
    starts = [a for a, _b in covered]
    reach = list(itertools.accumulate((b for _a, b in covered), max))
    runs = [(start, end, _fold(name)) for start, end, name in runs
            if not ((k := bisect.bisect_right(starts, start)) and reach[k - 1] >= end)]
    rows = gazetteer.rows_for_keys(r[2] for r in runs)  # only the runs left uncovered
    out = []
    for start, end, key in runs:
        found = rows.get(key, [])
        hits = [(k, r) for k, r in found if r[3] == "country" and k in ("name", "demonym")]
        capital = [r for k, r in found if k == "name" and r[13]]
        if not hits and capital and _SPEECH_AFTER.match(text[end : end + 30]):
            # "Moscow said", missed by the geoparser: the capital speaks for its country
            actor = _country_actor(gazetteer, capital[0][7], cache)
            if actor:
                out.append(ActorSpan(start, end, actor, "capital", False))
            continue
        if not hits:
            continue
        nxt = text[end : end + 2]
        if hits[0][0] == "demonym" and re.match(r" [A-Z]", nxt):
            continue  # "Korean Central News Agency": part of a longer name
        actor = _country_actor(gazetteer, hits[0][1][7], cache)
        if actor:
            kind = "demonym" if hits[0][0] == "demonym" else "country"
            out.append(ActorSpan(start, end, actor, kind,
                                 bool(_POSSESSIVE.match(text[end : end + 3]))))
    return out
