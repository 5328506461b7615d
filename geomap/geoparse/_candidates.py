"""A mention while it is being resolved, and its candidate places.

Recognition (:mod:`._recognition`) makes a :class:`Found` for each span it keeps, with a
:class:`Cand` for each place the name may mean; resolution (:mod:`._resolution`) and the learned
ranker (:mod:`._rank`) score the candidates and choose ``best``. A place is a row of the
gazetteer index (see :data:`geomap.gazetteer._schema.PLACE_COLUMNS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ._spans import Span

__all__ = ["AREA_FEATURES", "LARGE_PLACE", "Cand", "Found", "named_like_own_division"]

# columns of a place row (see gazetteer._schema.PLACE_COLUMNS)
_FEATURE, _LAT, _LON, _COUNTRY, _A1CODE, _POP, _CAPITAL = 3, 4, 5, 7, 8, 10, 13
AREA_FEATURES = frozenset({"admin1", "admin2", "region"})
#: Population from which a populated place is "large" (named alone, it is usually meant).
LARGE_PLACE = 100_000


@dataclass(slots=True)
class Cand:
    """A candidate place of a mention: how its name matched, its row, prior and score."""

    kind: str
    row: tuple
    prior: float
    score: float = 0.0


@dataclass(slots=True)
class Found:
    """A recognised mention: its span, candidates, role and (once resolved) best place."""

    span: Span
    cands: list[Cand]
    role: str = "literal"
    best: Cand | None = None
    margin: float = 0.0
    recog: float = 0.9
    needs_context: bool = False
    outlier_check: bool = False
    support: dict | None = None
    hand: Cand | None = None  #: the hand-written choice, when the ranker chose


def named_like_own_division(town: tuple, rows) -> bool:
    """Whether, among ``rows`` (the place rows of one name), a first-level division of the
    name holds ``town`` ("Gaza": Gaza City in the Gaza Strip; "Kursk" in Kursk Oblast)."""
    a1, cc = town[_A1CODE], town[_COUNTRY]
    return bool(a1) and any(r[_FEATURE] == "admin1" and r[_A1CODE] == a1 and r[_COUNTRY] == cc
                            for r in rows)
