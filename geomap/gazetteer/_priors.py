"""A place's prior weight before any context: population, feature class, capital status and
prominence, less a penalty for how its name matched (alternate spelling, abbreviation, stem)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ._district_names import towns_before_their_districts

__all__ = ["CITY_OVER_DIVISION", "FEATURE_BONUS", "KIND_PENALTY", "PROMINENCE", "importance",
           "priors"]

#: How much an alternate spelling, an abbreviation or a stem weighs against a preferred name,
#: in orders of magnitude of population.
KIND_PENALTY = {"name": 0.0, "alt": 1.5, "abbr": 1.5, "dotted": 1.0, "stem": 1.0,
                "demonym": 0.0}
FEATURE_BONUS = {"country": 2.5, "admin1": 0.8, "admin2": 0.3, "populated_place": 0.0,
                 "region": 0.3, "other": 0.0}
#: Regions without a population (seas, macro-regions written for geomap) weigh like a city of
#: about a million people.
REGION_WITHOUT_POPULATION = 5.0
def importance(feature: str, population: int, capital: bool, n_names: int = 0) -> float:
    """Prior weight of a place: log population, a bonus for coarse features and capitals, and
    prominence: how many names the place has (places known worldwide have many translations).
    """
    if feature == "region" and not population:
        population = 10 ** REGION_WITHOUT_POPULATION
    return (math.log10(population + 10) + FEATURE_BONUS.get(feature, 0.0)
            + (1.0 if capital else 0.0) + PROMINENCE * math.log10(1 + n_names))


#: Weight of log10(number of names) in a place's prior importance.
PROMINENCE = 0.5

#: A division that holds a same-named city ("Kyiv" the city in Kyiv City, "Kursk" in Kursk
#: Oblast) yields to the city when the name stands alone.
CITY_OVER_DIVISION = 2.0


def priors(rows: Sequence[tuple]) -> list[float]:
    """Prior score of each (name kind, place row) candidate of one name, before any context."""
    # largest same-named populated place per country
    cities: dict[str, int] = {}
    for _k, r in rows:
        if r[3] == "populated_place" and r[7]:
            cities[r[7]] = max(cities.get(r[7], 0), r[10])
    out = []
    # the weight of a division that yields to its own same-named city, by admin-1 code
    yielded: dict[str, float] = {}
    for kind, r in rows:
        s = importance(r[3], r[10], bool(r[13]), r[14]) - KIND_PENALTY.get(kind, 1.5)
        if r[3] == "admin1" and cities.get(r[7], -1) >= 0.1 * r[10]:
            yielded[r[8]] = max(yielded.get(r[8], s), s)
            s -= CITY_OVER_DIVISION
        out.append(s)
    if yielded:
        _city_for_its_division(rows, out, cities, yielded)
    return towns_before_their_districts(rows, out)


def _city_for_its_division(rows, out: list[float], cities: dict[str, int],
                           yielded: dict[str, float]) -> None:
    """A city whose same-named division yielded to it stands for both against a division of
    that name abroad that outweighs the city alone but not the division: "Gaza" is Gaza City
    (the city or the Gaza Strip), not Gaza Province, Mozambique."""
    foreign = [(r[7], out[i]) for i, (_k, r) in enumerate(rows)
               if r[3] == "admin1" and r[8] not in yielded]
    if not foreign:
        return
    for i, (_k, r) in enumerate(rows):
        if r[3] == "populated_place" and r[8] in yielded and r[10] == cities[r[7]]:
            rival = max((p for cc, p in foreign if cc != r[7]), default=None)
            if rival is not None and out[i] < rival <= yielded[r[8]]:
                out[i] = yielded[r[8]]
