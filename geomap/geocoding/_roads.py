"""A road named after the towns it runs between: "the Bakhmut-Chasiv Yar road", "near the H-20
highway between Sloviansk and Kostiantynivka".

Such a query names no one place: the event is somewhere along the road. :func:`road_ends`
reads the two towns' names (the road, between, and words are the languages', gathered in
:mod:`._words`); the geocoder then places the two names together, so that each namesake agrees
with the other (never a far namesake of one of them), and answers near the first town named,
with a note.
"""

from __future__ import annotations

import re

from ._parse import Token
from ._words import AND_WORDS, BETWEEN, ROADS

__all__ = ["road_ends"]

#: The joint of "X-Y road": a hyphen or a dash, spaces around it or not.
_JOINT = re.compile(r"\s?[-–—]\s?")
_SKIP = frozenset({"the", "a"})


def _run(tokens: list[Token], k: int, step: int) -> int:
    """Index past the run of capitalised tokens from ``k`` in direction ``step``."""
    while 0 <= k < len(tokens) and tokens[k].upper and tokens[k].key not in ROADS:
        k += step
    return k


def road_ends(tokens: list[Token], text: str) -> tuple[str, str] | None:
    """The names of the two towns a road query runs between, as written, or None."""
    roads = [k for k, t in enumerate(tokens) if t.key in ROADS]
    if not roads:
        return None
    # "... between X and Y"
    for k, t in enumerate(tokens):
        if t.key not in BETWEEN:
            continue
        a = k + 1
        while a < len(tokens) and tokens[a].key in _SKIP:
            a += 1
        b = _run(tokens, a, 1)
        if b == a or b >= len(tokens) or tokens[b].key not in AND_WORDS:
            continue
        c = b + 1
        while c < len(tokens) and tokens[c].key in _SKIP:
            c += 1
        d = _run(tokens, c, 1)
        if d > c:
            return (text[tokens[a].start:tokens[b - 1].end],
                    text[tokens[c].start:tokens[d - 1].end])
    # "the X-Y road", "the X – Y highway"
    for r in roads:
        start = _run(tokens, r - 1, -1) + 1
        if start >= r:
            continue
        phrase = text[tokens[start].start:tokens[r - 1].end]
        pieces = _JOINT.split(phrase)
        if len(pieces) == 2 and all(p[:1].isupper() for p in pieces):
            return pieces[0], pieces[1]
    return None
