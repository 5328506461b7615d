"""Words that give a free-form place query its structure (English, Ukrainian, Russian).

Kind words say what sort of place a name is ("Lebedyn town", "Sumy Oblast", "село Піски"),
vicinity words that the event is near it rather than at it ("outskirts of Gulu", "north of
Kupiansk", "під Харковом"), landmark and street words that the name belongs to something inside
a place ("Gulu University", "Shevchenko street"). All keys are fold keys (lower case, no
diacritics, Cyrillic transliterated by :func:`geomap._text.fold_key`), so one table serves every
script.
"""

from __future__ import annotations

import re

from .._text import fold_key

__all__ = [
    "ADJECTIVE_SUFFIX", "CONNECTORS", "DIRECTIONS", "KIND_LEVEL", "LANDMARKS", "NAME_LINKS",
    "STREETS",
    "VICINITY", "is_structure_word",
]

#: Kind word -> the level of place it names: "settlement" (a town or village), "part" (a
#: part of a town), "admin2", "admin1", "country".
_KINDS: dict[str, tuple[str, ...]] = {
    "settlement": (
        "city", "town", "village", "villages", "hamlet", "settlement", "locality", "kebele",
        "commune", "urban-type settlement", "township", "cité", "ville", "pueblo", "aldea",
        "vereda", "corregimiento", "localidad", "ciudad", "poblado", "caserio", "kishlak",
        # Ukrainian / Russian (folded): misto, selo, selyshche, smt, horod, gorod, poselok, derevnia
        "місто", "село", "селище", "смт", "город", "поселок", "посёлок", "деревня", "пгт",
        "хутор", "станица",
    ),
    "part": (
        "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "microdistrict",
        "quarter", "suburb", "colonia", "barrio", "sector", "arrondissement", "ward", "block",
        "mahalla", "camp", "mikroraion", "мікрорайон", "микрорайон", "квартал",
    ),
    "admin2": (
        "district", "raion", "rayon", "county", "municipality", "municipio", "lga",
        "local government area", "local government", "zone", "prefecture", "subdistrict",
        "sub-district", "tehsil", "division", "department", "departement", "circle", "cercle",
        "woreda", "hromada", "community", "territory", "район", "громада", "округ",
    ),
    "admin1": (
        "oblast", "region", "province", "state", "governorate", "krai", "kray", "republic",
        "departamento", "provincia", "estado", "область", "край", "республіка",
        "республика", "wilaya", "muhafazah",
    ),
    "country": ("country",),
}
KIND_LEVEL: dict[str, str] = {fold_key(w): level for level, ws in _KINDS.items() for w in ws}

#: Words that put the event near a place rather than at it.
VICINITY: frozenset[str] = frozenset(fold_key(w) for w in (
    "near", "nearby", "outskirts", "outskirt", "vicinity", "around", "outside", "environs",
    "surroundings", "surrounding", "suburbs", "close", "edge", "between", "approximately",
    "km", "kms", "kilometers", "kilometres", "miles", "countryside", "periphery", "off",
    "cerca", "afueras", "alrededores", "près", "pres", "proximité", "environs", "alentours",
    "біля", "поблизу", "околиці", "околицях", "околиця", "неподалік", "під", "поруч",
    "возле", "около", "близ", "под", "окрестности", "окраина", "окраине", "вблизи",
))

#: Compass words: "north of X", "northern X" (X itself when they are part of its name).
DIRECTIONS: frozenset[str] = frozenset(fold_key(w) for w in (
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern",
    "western", "northeastern", "northwestern", "southeastern", "southwestern", "central",
    "norte", "sur", "este", "oeste", "nord", "sud", "est", "ouest",
    "північ", "південь", "схід", "захід", "север", "юг", "восток", "запад",
))

#: Words after (or before) a name that make it a street's name, not the place's.
STREETS: frozenset[str] = frozenset(fold_key(w) for w in (
    "street", "st", "avenue", "ave", "road", "rd", "lane", "boulevard", "blvd", "highway",
    "hwy", "drive", "vul", "vulytsia", "vulitsa", "ulitsa", "ul", "prospekt", "prospect",
    "prosp", "calle", "avenida", "carretera", "rue", "route", "rua", "travessa", "carrera",
    "camino", "jalan", "вулиця", "вул",
    "улица", "ул", "проспект", "шосе", "шоссе", "провулок", "переулок",
))

#: Words after a name that make it a landmark's name ("Gulu University", "Donetsk airport"):
#: the landmark lies at or near the place of that name.
LANDMARKS: frozenset[str] = frozenset(fold_key(w) for w in (
    "airport", "airbase", "air base", "railway", "rail", "bus", "metro", "power",
    "university", "hospital", "school", "market", "bridge",
    "station", "mosque", "church", "checkpoint", "base", "prison", "stadium", "port",
    "dam", "mine", "plant", "factory", "refinery", "junction", "crossing", "terminal", "park",
    "square", "barracks", "garrison", "hotel", "office", "headquarters", "compound", "farm",
    "forest", "river", "lake", "border", "aeropuerto", "aéroport", "аеропорт", "аэропорт",
    "вокзал", "станція", "станция", "міст", "мост", "завод",
))

#: Words that join the parts of a query ("X district of Y", "X in Y", "between X and Y").
CONNECTORS: frozenset[str] = frozenset(fold_key(w) for w in (
    "of", "in", "at", "on", "the", "a", "an", "and", "or", "to", "from", "by", "with", "its",
    "de", "del", "la", "las", "los", "el", "et", "du", "des", "le", "les", "en", "y", "e",
    "within", "inside", "side", "part", "parts", "area", "areas", "locality", "located",
    "which", "is", "that", "towards", "toward", "along", "via", "direction", "remote", "rural",
    "urban", "en", "у", "в", "на", "і", "й", "та", "и", "с", "м", "г", "пос", "р-н", "обл",
))

#: Small words inside multi-word names ("Lomas de San Isidro", "Altos del Rio").
NAME_LINKS: frozenset[str] = frozenset((
    "de", "del", "la", "las", "los", "el", "al", "da", "do", "dos", "das", "di", "du", "des",
    "le", "les", "y", "e", "and", "of", "the",
))

#: Ukrainian and Russian district adjectives in Latin letters ("Popasnianskyi raion",
#: "Slavyanoserbsky district"): the stem before the suffix names the district's town.
ADJECTIVE_SUFFIX = re.compile(
    r"(?:ians|ans|ivs|evs|ovs|yns|ins|s)(?:kyi|kiy|kii|ky|ki|kij|ka|ke|koe|kaya|kyy|kyj)$"
)


def is_structure_word(key: str) -> bool:
    """True for a word that only gives a query structure (never a place name alone)."""
    return (key in KIND_LEVEL or key in VICINITY or key in DIRECTIONS or key in STREETS
            or key in LANDMARKS or key in CONNECTORS)
