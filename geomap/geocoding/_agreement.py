"""How far two places named in one free-form query agree: the same place, one inside the
other's division or country, or close together. :mod:`.freeform` adds it to a candidate's prior;
:mod:`._spans` keeps a common word as a name when another part of the query agrees with it.
"""

from __future__ import annotations

import math

from ..places import Place

__all__ = ["SUPPORT", "SUPPORT_NAMED", "agreement", "km"]

#: Agreement of two places (added to a candidate's prior).
SAME_ADMIN1 = 4.0
SAME_COUNTRY = 2.0
CLOSE = ((25.0, 4.0), (75.0, 3.0), (200.0, 1.5))
#: Agreement that counts as support.
SUPPORT = 2.5
#: Agreement with another part that makes a common word ("Tyre") a name: in the country or
#: division named, or within 75 km of the town named.
SUPPORT_NAMED = SAME_COUNTRY + 1


def km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _one_way(a: Place, b: Place) -> float:
    """How much ``b`` (a phrase's place) supports ``a`` (another's)."""
    if b.feature == "country":
        return SAME_COUNTRY + 1 if a.country == b.country else 0.0
    if b.feature in ("admin1", "region"):
        if b.admin1_code and a.admin1_code == b.admin1_code:
            return SAME_ADMIN1
        return 1.0 if a.country == b.country else 0.0
    return -1.0


def agreement(a: Place, b: Place) -> float:
    """Agreement of two places named in one query (0: none)."""
    if a.key == b.key:
        return SAME_ADMIN1
    s = max(_one_way(a, b), _one_way(b, a))
    if s >= 0:
        return s
    d = km(a, b)
    for limit, score in CLOSE:
        if d < limit:
            return score
    return 1.0 if a.country == b.country else 0.0
