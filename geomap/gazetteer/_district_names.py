"""A place whose own name is the district adjective of a town of the same name ranks below
the town.

GeoNames lists some places named after a district (Russian "L'govskiy", the Lgov district's
name) with the town's name as an alternate name and the district's population, while the town
itself ("L'gov") carries no population: by population alone "Lgov" would be the district's
place. When a name is a town's own name and another place's alternate name, and that place's
own name is the town's district adjective (:func:`geomap.lang._district_adjectives.
is_adjective_of`), in the same country and close by, the town ranks first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .._text import fold_key
from ..lang._district_adjectives import is_adjective_of

__all__ = ["towns_before_their_districts"]

#: A district's place lies at most this far from its town.
DISTRICT_KM = 60.0
#: How far below the town such a place's prior is put.
MARGIN = 0.1
_NAME, _FEATURE, _LAT, _LON, _COUNTRY = 2, 3, 4, 5, 7
_KINDS = ("populated_place", "admin2")


def _km(a: tuple, b: tuple) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[_LAT], a[_LON], b[_LAT], b[_LON]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def towns_before_their_districts(rows: Sequence[tuple], scores: list[float]) -> list[float]:
    """``scores`` (priors of ``rows``, (name kind, place row) pairs of one name) with each
    district-named place matched by an alternate name put just below its town."""
    towns = [(i, fold_key(r[_NAME])) for i, (k, r) in enumerate(rows)
             if k == "name" and r[_FEATURE] == "populated_place"]
    if not towns or len(towns) == len(rows):
        return scores
    out = list(scores)
    for i, (kind, r) in enumerate(rows):
        if kind != "alt" or r[_FEATURE] not in _KINDS:
            continue
        own = fold_key(r[_NAME])
        for t, tkey in towns:
            town = rows[t][1]
            if town[_COUNTRY] == r[_COUNTRY] and own[:3] == tkey[:3] and \
                    is_adjective_of(own, tkey) and _km(town, r) <= DISTRICT_KM:
                out[i] = min(out[i], scores[t] - MARGIN)
    return out
