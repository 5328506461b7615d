"""Where an event happened: the place governed by a preposition near its trigger.

``in/at/near...`` give a location, ``to/toward(s)/into`` (and ``for`` after a movement) a
destination, ``from`` an origin. Between the preposition and the place only filler words may
stand ("in the northern Kursk region"); "Russia's Kursk region" gives the region, and a
comma chain ("Berestove, Donetsk") gives its finest place, as an event coder would.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...geoparse import Mention
from ...lang.en import ENGLISH
from ...places import FEATURES
from ._tokens import AT, FILLER, FROM, TO, Tok

__all__ = ["Slots", "finest", "object_place", "scan"]

#: Feature classes from finest to coarsest, for choosing among places of one phrase.
_FINENESS = {"populated_place": 0, "other": 1, "admin2": 2, "region": 3, "admin1": 4,
             "country": 5}
assert set(_FINENESS) == set(FEATURES)


#: Words between a preposition and its place that refine it ("from ports near Chongjin").
_INNER = ENGLISH.words("inner")
#: Kind words after a name ("the Mezzeh district of Damascus", "the Lebanese city of Tyre").
_KINDS = frozenset(ENGLISH.place_kinds) | FILLER
#: Words of an apposition saying where a name lies ("X, the southern suburbs of Y").
_APPOSITION = _KINDS | ENGLISH.words("vicinity_before") | {"of"}


@dataclass(slots=True)
class Slots:
    at: Mention | None = None
    to: Mention | None = None
    origin: Mention | None = None
    stopped_at: int | None = None  # token index where an infinitive ended the phrase


def finest(mentions: list[Mention]) -> Mention | None:
    """The most specific of several places naming one spot (village before oblast)."""
    located = [m for m in mentions if m.place is not None]
    if not located:
        return None
    return min(located, key=lambda m: _FINENESS.get(m.place.feature, 5))


def object_place(text: str, toks: list[Tok], j: int, places: list[Mention]) -> Mention | None:
    """The place that the phrase starting at token ``j`` names, skipping filler words."""
    starts = {m.start for m in places}
    j = _skip(toks, j, starts)
    if j < len(toks) and toks[j].start not in starts:
        after = _past_unknown(toks, j, starts)
        if after is not None:
            j = _skip(toks, after, starts)
    if j >= len(toks):
        return None
    start = toks[j].start
    chain: list[Mention] = []
    for i, m in enumerate(places):
        if m.start == start or (chain and m.start <= chain[-1].end + 2 and
                                text[chain[-1].end : m.start] in (", ", ",")):
            if not chain and m.start != start:
                continue
            chain.append(m)
            # "Russia's Kursk region": the possessor names the larger unit
            rest = text[m.end : m.end + 3]
            if rest.startswith(("'s ", "’s ")) and i + 1 < len(places) and \
                    places[i + 1].start == m.end + 3:
                chain.append(places[i + 1])
        elif chain:
            break
    return finest(chain)


def _skip(toks: list[Tok], j: int, starts: set[int]) -> int:
    while j < len(toks) and (toks[j].low in FILLER or toks[j].low in _INNER) and \
            toks[j].start not in starts:
        j += 1
    return j


def _past_unknown(toks: list[Tok], j: int, starts: set[int]) -> int | None:
    """After a name no place is known for, the token where the phrase names the place it
    lies in: "the Lebanese city of | Tyre", "the Mezzeh district of | Damascus", "Dahiyeh,
    the southern suburbs of | Beirut", "Tamboul, east of | Wad Madani"; None when it names
    none."""
    k = j
    while k < len(toks) and k - j < 4 and toks[k].text[:1].isupper() and \
            toks[k].start not in starts:
        k += 1
    if k == j:
        return None
    kind = k
    while k < len(toks) and toks[k].low != "of" and (toks[k].low in _KINDS or
                                                      toks[k].low in _INNER):
        k += 1
    if k < len(toks) and toks[k].low == "of":
        return k + 1 if k > kind else None  # "Mezzeh district of", not "Bank of"
    if k < len(toks) and toks[k].low == ",":
        m = k + 1
        while m < len(toks) and m - k <= 5 and toks[m].low in _APPOSITION:
            if toks[m].low == "of" and m > k + 1:
                return m + 1
            m += 1
    return None


def scan(text: str, toks: list[Tok], lo: int, hi: int, places: list[Mention], *,
         movement: bool) -> Slots:
    """The first location, destination and origin phrases among tokens ``lo..hi-1``."""
    slots = Slots()
    j = lo
    while j < hi:
        w = toks[j].low
        nxt = toks[j + 1].low if j + 1 < hi else ""
        if w == "to" and nxt and nxt not in FILLER and not _place_at(toks, j + 1, places):
            slots.stopped_at = j  # "to fuel its war": an infinitive, another clause
            break
        role = None
        if w in AT or (w == "close" and nxt == "to"):
            role = "at"
        elif w in TO or (w == "for" and movement) or (w == "bound" and nxt == "for"):
            role = "to"
        elif w in FROM or (w == "out" and nxt == "of"):
            role = "origin"
        if role:
            k = j + 1 + (1 if (w in ("close", "bound", "out")) else 0)
            place = object_place(text, toks[:hi], k, places)
            if place is not None and getattr(slots, role) is None:
                setattr(slots, role, place)
        j += 1
    return slots


def _place_at(toks: list[Tok], j: int, places: list[Mention]) -> bool:
    return any(m.start == toks[j].start for m in places)
