"""The words that give a free-form place query its structure, gathered from geomap.lang.

Kind words say what sort of place a name is ("Lebedyn town", "Sumy Oblast", "село Піски"),
vicinity and compass words that the event is near it ("outskirts of Gulu", "north of Kupiansk",
"під Харковом"), street and landmark words that the name belongs to something in a place
("Shevchenko street", "Gulu University"). The words themselves live in each language's module
(``Language.place_query``, ``place_kinds``, ``vicinity``, ``street_words``, ``connectors``);
this module only folds them (lower case, no diacritics, Cyrillic transliterated by
:func:`geomap._text.fold_key`) into one table per role, so that one table serves every script.
"""

from __future__ import annotations

from .._text import fold_key
from ..lang import LANGUAGES, get_language
from ..lang._district_adjectives import ADJECTIVE_SUFFIX

__all__ = [
    "ADJECTIVE_SUFFIX", "AND_WORDS", "BETWEEN", "CONNECTORS", "DIRECTIONS", "KIND_LEVEL",
    "LANDMARKS", "NAME_LINKS", "ROADS", "STREETS", "STREET_PREFIX", "VICINITY",
    "is_structure_word",
]

#: Levels of place a kind word names, finest first.
LEVELS = ("settlement", "part", "admin2", "admin1", "country")
_FEATURE_LEVEL = {"populated_place": "settlement", "admin2": "admin2", "admin1": "admin1",
                  "country": "country"}

#: Ukrainian and Russian query words until geomap.lang.uk / ru carry ``place_query`` (their
#: ``place_kinds`` and ``vicinity`` are read as soon as they are registered).
_INTERIM_UK_RU: dict[str, tuple[str, ...]] = {
    "settlement": ("місто", "село", "селище", "смт", "город", "поселок", "посёлок", "деревня",
                   "пгт", "хутор", "хутір", "станица"),
    "part": ("мікрорайон", "микрорайон", "квартал"),
    "admin2": ("район", "громада", "округ"),
    "admin1": ("область", "край", "республіка", "республика"),
    "vicinity": ("біля", "поблизу", "околиці", "околицях", "околиця", "неподалік", "під",
                 "поруч", "возле", "около", "близ", "под", "окрестности", "окраина", "окраине",
                 "вблизи"),
    "direction": ("північ", "південь", "схід", "захід", "север", "юг", "восток", "запад"),
    "street": ("вулиця", "вул", "улица", "ул", "проспект", "шосе", "шоссе", "провулок",
               "переулок"),
    "street_prefix": ("вулиця", "вул", "улица", "ул", "проспект", "провулок", "переулок"),
    "landmark": ("аеропорт", "аэропорт", "вокзал", "станція", "станция", "міст", "мост",
                 "завод"),
    "function": ("у", "в", "на", "і", "й", "та", "и", "с", "м", "г", "пос", "р-н", "обл"),
    "road": ("траса", "трасса", "дорога", "автодорога", "шосе", "шоссе"),
    "between": ("між", "между"),
    "and": ("і", "й", "та", "и"),
}


def _gather() -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {r: set() for r in (
        *LEVELS, "vicinity", "direction", "street", "street_prefix", "landmark", "function",
        "links", "road", "between", "and")}
    langs = [get_language(code) for code in LANGUAGES]
    for lang in langs:
        for role, words in lang.place_query.items():
            roles.setdefault(role, set()).update(fold_key(w) for w in words)
    for role, words in _INTERIM_UK_RU.items():
        roles[role].update(fold_key(w) for w in words)
    claimed = set().union(*roles.values())
    for lang in langs:
        for word, feature in lang.place_kinds.items():
            key = fold_key(word)
            if key not in claimed and feature in _FEATURE_LEVEL:
                roles[_FEATURE_LEVEL[feature]].add(key)
        for phrase in lang.vicinity:  # "on the outskirts of" -> "outskirts"
            roles["vicinity"].update(
                k for k in fold_key(phrase).split() if k not in roles["function"] and k != "not")
        roles["street"].update(fold_key(w) for w in lang.street_words)
        roles["links"].update(fold_key(w) for w in lang.connectors)
    return roles


_ROLES = _gather()
#: fold key of a kind word -> the level of place it names (see :data:`LEVELS`).
KIND_LEVEL: dict[str, str] = {w: level for level in LEVELS for w in _ROLES[level]}
VICINITY: frozenset[str] = frozenset(_ROLES["vicinity"])
DIRECTIONS: frozenset[str] = frozenset(_ROLES["direction"])
STREETS: frozenset[str] = frozenset((_ROLES["street"] | _ROLES["street_prefix"])
                                    - set(KIND_LEVEL))
#: Street words written before the street's name ("calle Hidalgo"; not "avenue Celaya").
STREET_PREFIX: frozenset[str] = frozenset(_ROLES["street_prefix"])
LANDMARKS: frozenset[str] = frozenset(_ROLES["landmark"] - set(KIND_LEVEL))
#: Road words, and the words of "between X and Y" ("the highway between X and Y").
ROADS: frozenset[str] = frozenset(_ROLES["road"])
BETWEEN: frozenset[str] = frozenset(_ROLES["between"])
AND_WORDS: frozenset[str] = frozenset(_ROLES["and"])
#: Words that join the parts of a query ("X district of Y", "X in Y", "between X and Y").
CONNECTORS: frozenset[str] = frozenset(_ROLES["function"])
#: Small words inside multi-word names ("Lomas de San Isidro", "Altos del Rio").
NAME_LINKS: frozenset[str] = frozenset(_ROLES["links"])


def is_structure_word(key: str) -> bool:
    """True for a word that only gives a query structure (never a place name alone)."""
    return (key in KIND_LEVEL or key in VICINITY or key in DIRECTIONS or key in STREETS
            or key in LANDMARKS or key in CONNECTORS)
