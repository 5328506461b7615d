"""A town and the division a report names for it: "Orlivka, Donetsk oblast".

The geoparser resolves a village the gazetteer does not know in the named division to a
namesake elsewhere (a Pisky in Poltava Oblast for "Pisky, Donetsk oblast", or one in another
country). When the report names a division for the town and the resolved place lies outside
it, the place of that name inside the division is taken; when the gazetteer has none there,
the answer is the division itself (``geo_precision`` admin1 or admin2,
``location_evidence`` ``division``): what the text says for sure.

A division is named *for* the town when it is attached to it in the sentence: only place-kind
words, prepositions and other names (known places or not) stand between them ("X, Y
district, Donetsk region", "X in the Donetsk region", "the Donetsk oblast village of X", "X
(Donetsk region)"),
or it frames the sentence ("In Donetsk region, shelling hit X"); "Kharkiv and Sumy region"
does not attach Sumy to Kharkiv. With no attached division, a single division named by the
report's evidence constrains a town of fewer than 100,000 people in the same country (a
namesake in Poltava Oblast for a village of Donetsk Oblast; a division named elsewhere in the
report is too weak a sign against a town abroad).
"""

from __future__ import annotations

import math
import re

from ...exceptions import GeomapError
from ...lang.en import ENGLISH
from ...places import Place

__all__ = ["FINENESS", "in_division", "inside", "near"]

FINENESS = {"populated_place": 0, "other": 1, "admin2": 2, "region": 3, "admin1": 4,
            "country": 5}
_UNITS = ("admin1", "admin2")
#: Words that may stand between a town and its division (place kinds, prepositions).
_SEPARATORS = ENGLISH.words("place_separators")
_KINDS = ENGLISH.place_kinds
#: Words before or after a division's name that make it the area, not its city.
_AREA_BEFORE = ENGLISH.words("area_before")
_CITY = 20_000
_LINK_WORDS = ENGLISH.words("where_words") - _SEPARATORS
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_BREAKS = re.compile(r"[;:.!?]")
_SMALL = 100_000


def inside(place: Place, area: Place) -> bool:
    """``place`` lies inside ``area`` (a country, admin-1, or near an admin-2's point)."""
    if place.key == area.key or FINENESS[place.feature] >= FINENESS[area.feature]:
        return False
    if place.country != area.country:
        return False
    if area.feature == "country":
        return True
    if area.feature == "admin1":
        return bool(area.admin1_code) and place.admin1_code == area.admin1_code
    if area.feature in ("admin2", "region"):
        return abs(place.lat - area.lat) < 0.8 and abs(place.lon - area.lon) < 1.1
    return False


def _within(gazetteer, place: Place, area: Place) -> bool:
    """:func:`inside`, and for an admin-1 whose codes another source wrote (Natural Earth's
    provinces beside GeoNames' regions): the admin-1 polygon holding the place's point."""
    if inside(place, area):
        return True
    if area.feature != "admin1" or place.country != area.country or place.key == area.key or \
            FINENESS[place.feature] >= FINENESS["admin1"] or not place.admin1_code:
        return False
    try:
        # the place's own code names an admin-1 of the same scheme: it lies in that one (the
        # polygons, slow to load, only for codes the admin-1 table does not know)
        if gazetteer.get(f"a1:{place.admin1_code}") is not None:
            return False
        found = gazetteer.reverse(place.lat, place.lon)
    except GeomapError:
        return False
    return found is not None and found.key == area.key


def near(a: Place, b: Place, km: float) -> bool:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon)
    h = (math.sin(dlat / 2) ** 2 + math.cos(math.radians(a.lat)) * math.cos(math.radians(b.lat))
         * math.sin(dlon / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) <= km


def in_division(report, chosen, cands) -> tuple[Place, str]:
    """The place and the evidence label for the chosen candidate (``report`` a
    :class:`._report.Report`, ``chosen`` and ``cands`` its candidates): the chosen place, the
    same-name place the rest of the evidence supports, or the division named for it."""
    place = chosen.mention.place
    if report.gazetteer is None:
        return place, chosen.label
    if place.feature in _UNITS:
        return _town_of_division(report, chosen, cands)
    if place.feature != "populated_place":
        return place, chosen.label
    # a repeat of the same name is no independent support ("Pisky, Donetsk region. Pisky")
    others = [c.mention.place for c in cands
              if c.mention.place.key != place.key and c.label != "from"]
    if not others:
        return place, chosen.label

    gaz = report.gazetteer

    def support(p: Place) -> int:
        return sum(_within(gaz, p, o) or (o.feature in ("populated_place", "admin2") and
                                          near(p, o, 60.0)) for o in others)

    if support(place):
        return place, chosen.label
    best = max(_namesakes(report, chosen.mention.name), key=lambda c: (support(c.place),
                                                                      c.score), default=None)
    if best is not None and support(best.place):
        return best.place, chosen.label
    units = _units_for(report, chosen, cands)
    if units:
        return min(units, key=lambda p: FINENESS[p.feature]), "division"
    return _container_town(report, chosen, cands) or place, chosen.label


def _container_town(report, chosen, cands) -> Place | None:
    """"in the La Loma neighbourhood, Soledad": a small place the gazetteer knows only far
    from the larger town named right after it is a part of that town it does not know; the
    town is the answer. Not in a list ("Kharkiv, Odesa and Lviv")."""
    town = chosen.mention
    if town.place.population >= _SMALL:
        return None
    k = report.index(town.start)
    for c in cands:
        m = c.mention
        if (c.label == "from" or m.start <= town.end or report.index(m.start) != k or
                m.place.feature != "populated_place" or
                m.place.population <= town.place.population):
            continue
        if not _linked(report, town.end, m.start, names=False) or _listed(report, m):
            continue
        if town.place.admin1_code and town.place.admin1_code == m.place.admin1_code:
            continue  # "Valparaíso, Zacatecas": the state, read as its capital
        kind = (_WORD.findall(m.name)[-1:] + _WORD.findall(report.text[m.end : m.end + 20])[:1])
        if any(_KINDS.get(w.lower(), "populated_place") != "populated_place" for w in kind):
            continue  # "Bujumbura province": a division, read as its capital
        return m.place
    return None


def _listed(report, m) -> bool:
    """Another place follows ``m`` in a list: ", Z", "and Z"."""
    after = report.text[m.end : m.end + 40]
    words = _WORD.findall(after)[:2]
    if words and words[0].lower() in _SEPARATORS:
        return True
    nxt = next((o for o in report.places if m.end < o.start <= m.end + 3), None)
    return nxt is not None and after.lstrip()[:1] == ","


def _town_of_division(report, chosen, cands) -> tuple[Place, str]:
    """The chosen place is a division ("in Pisky, Donetsk oblast": the clause names the
    oblast last): a town attached to it that lies outside it is re-resolved inside it, or the
    division stands, said to be chosen for that reason."""
    area = chosen.mention.place
    k = report.index(chosen.mention.start)
    towns = [c for c in cands if c.label != "from" and
             c.mention.place.feature == "populated_place" and
             report.index(c.mention.start) == k and
             not _within(report.gazetteer, c.mention.place, area) and
             _attached(report, c.mention, chosen.mention)]
    for town in towns:
        for alt in _namesakes(report, town.mention.name):
            if _within(report.gazetteer, alt.place, area):
                return alt.place, town.label
    if towns or (chosen.label != "parenthesis" and
                 _unknown_town_before(report, chosen.mention)):
        return area, "division"
    return _city_of_bare_name(report, chosen.mention) or area, chosen.label


def _unknown_town_before(report, unit) -> bool:
    """"in Sokolovo, Donetsk oblast" where the geoparser left Sokolovo unresolved (no
    namesake in the oblast): a capitalised name no place was found for, attached right before
    the division and not opening the sentence."""
    s, _e = report.spans[report.index(unit.start)]
    words = list(_WORD.finditer(report.text, max(s, unit.start - 60), unit.start))
    if len(words) < 2 or not words[-1].group()[0].isupper():
        return False
    w = words[-1]
    if w.start() == s or any(m.start <= w.start() < m.end for m in report.places):
        return False
    return _linked(report, w.end(), unit.start, names=False)


def _city_of_bare_name(report, m) -> Place | None:
    """"killed in Homs": a division named without a kind word ("province", "region") or an
    area word before it ("the countryside of"), whose capital city bears its name, is the
    city; "in the Homs countryside", "Homs province" stay the division."""
    if len(_WORD.findall(m.name)) != len(m.name.split()) or any(
            w.lower() in _KINDS or w.lower() in _AREA_BEFORE for w in _WORD.findall(m.name)):
        return None
    before = [w.lower() for w in _WORD.findall(report.text[max(0, m.start - 40) : m.start])]
    before = [w for w in before if w not in ("the", "of", "in", "a")][-1:]
    after = [w.lower() for w in _WORD.findall(report.text[m.end : m.end + 30])][:1]
    if any(w in _AREA_BEFORE or _KINDS.get(w, "populated_place") != "populated_place"
           for w in before + after):
        return None
    cities = [c.place for c in _namesakes(report, m.name)
              if c.place.population >= _CITY and _within(report.gazetteer, c.place, m.place)]
    return max(cities, key=lambda p: p.population, default=None)


def _units_for(report, chosen, cands) -> list[Place]:
    """The divisions the report names for the chosen town: attached to it in its sentence,
    else the one division its evidence names (for a small town)."""
    k = report.index(chosen.mention.start)
    units = [c for c in cands if c.label != "from" and c.mention.place.feature in _UNITS]
    town = chosen.mention.place
    # a division abroad is believed when named in full (not "CA") and nothing else the
    # report names is in the town's country
    home = {c.mention.place.country for c in cands if c.label != "from" and
            c.mention.place.key != town.key and c.mention.place.feature not in _UNITS}
    attached = [c.mention.place for c in units if report.index(c.mention.start) == k and
                _attached(report, chosen.mention, c.mention) and
                (c.mention.place.country == town.country or
                 (town.country not in home and len(c.mention.name) > 3))]
    if attached:
        return attached
    keys = {c.mention.place.key for c in units}
    if len(keys) == 1 and town.population < _SMALL and \
            units[0].mention.place.country == town.country:
        return [units[0].mention.place]
    return []


def _attached(report, town, unit) -> bool:
    """Only place-kind words, prepositions and place names stand between ``town`` and
    ``unit`` (either order), or ``unit`` frames the sentence ("In X region, ...")."""
    text = report.text
    a, b = (town.end, unit.start) if town.start < unit.start else (unit.end, town.start)
    if _linked(report, a, b):
        return True
    s, _e = report.spans[report.index(unit.start)]
    return (unit.start < town.start and _linked(report, s, unit.start) and
            text[unit.end : unit.end + 2].lstrip()[:1] == ",")


def _linked(report, a: int, b: int, *, names: bool = True) -> bool:
    if b < a or b - a > 80 or _BREAKS.search(report.text, a, b):
        return False
    named = [(m.start, m.end) for m in report.places if a <= m.start and m.end <= b]
    for w in _WORD.finditer(report.text, a, b):
        if any(s <= w.start() < e for s, e in named):
            continue
        word = w.group()
        if word.lower().replace("’", "'") not in _LINK_WORDS and not (
                names and word[0].isupper()):
            return False
    return True


def _namesakes(report, name: str) -> list:
    try:
        return report.gazetteer.search(name, feature="populated_place", limit=30, fuzzy=False)
    except GeomapError:
        return []
