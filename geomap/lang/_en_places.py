"""English words of free-form place queries ("Kitchanga village (Masisi, North Kivu)", "outskirts
of Gulu", "Sadova street, Poltava"), read by :mod:`geomap.geocoding` as ``ENGLISH.place_query``.

Word classes (lower case):

- ``settlement``, ``part``, ``admin2``, ``admin1``, ``country``: kind words and the level of
  place they name ("X village", "X neighbourhood", "X district", "X province");
- ``vicinity``: the event is near the place, not at it ("outskirts", "near");
- ``direction``: compass words ("north of X", "northern X");
- ``street``: the name before or after is a street's ("Shevchenko street");
- ``street_prefix``: street words written before the name ("calle Hidalgo", "vul. Sadova");
- ``landmark``: the name before is a landmark's namesake ("Gulu University", "Donetsk airport");
- ``road``, ``between``, ``and``: a road between two towns ("the X-Y road", "the highway
  between X and Y");
- ``function``: words that join the parts of a query and never name a place alone.

Location notes written in English (UCDP, ACLED, NGO reports) keep local kind and street words
as loanwords ("colonia", "municipio", "vereda", "cercle", "calle", "rua"): they are listed
here, since they occur in English text.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["PLACE_QUERY"]

_W = frozenset

PLACE_QUERY = MappingProxyType({
    "settlement": _W((
        "city", "town", "village", "villages", "hamlet", "settlement", "locality", "kebele",
        "commune", "urban-type settlement", "township", "cite", "ville", "pueblo", "aldea",
        "vereda", "corregimiento", "localidad", "ciudad", "poblado", "caserio", "kishlak")),
    "part": _W((
        "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "microdistrict",
        "quarter", "suburb", "colonia", "barrio", "sector", "arrondissement", "ward", "block",
        "mahalla", "camp", "mikroraion")),
    "admin2": _W((
        "district", "raion", "rayon", "county", "municipality", "municipio", "lga",
        "local government area", "local government", "zone", "prefecture", "subdistrict",
        "sub-district", "tehsil", "division", "department", "departement", "circle", "cercle",
        "woreda", "hromada", "community", "territory")),
    "admin1": _W((
        "oblast", "region", "province", "state", "governorate", "krai", "kray", "republic",
        "departamento", "provincia", "estado", "wilaya", "muhafazah")),
    "country": _W(("country",)),
    "vicinity": _W((
        "near", "nearby", "outskirts", "outskirt", "vicinity", "around", "outside", "environs",
        "surroundings", "surrounding", "suburbs", "close", "edge", "between", "approximately",
        "km", "kms", "kilometers", "kilometres", "miles", "countryside", "periphery", "off",
        "cerca", "afueras", "alrededores", "pres", "proximite", "alentours")),
    "direction": _W((
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west", "northern", "southern",
        "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
        "central", "norte", "sur", "este", "oeste", "nord", "sud", "est", "ouest")),
    "street": _W((
        "street", "st", "avenue", "ave", "road", "rd", "lane", "boulevard", "blvd", "highway",
        "hwy", "drive", "vul", "vulytsia", "vulitsa", "ulitsa", "ul", "prospekt", "prospect",
        "prosp", "calle", "avenida", "carretera", "rue", "route", "rua", "travessa", "carrera",
        "camino", "jalan")),
    "street_prefix": _W((
        "vul", "vulytsia", "vulitsa", "ulitsa", "ul", "prospekt", "prosp", "calle", "avenida",
        "carretera", "rue", "rua", "travessa", "carrera", "camino", "jalan")),
    "landmark": _W((
        "airport", "airbase", "air base", "railway", "rail", "bus", "metro", "power",
        "university", "hospital", "school", "market", "bridge", "station", "mosque", "church",
        "checkpoint", "base", "prison", "stadium", "port", "dam", "mine", "plant", "factory",
        "refinery", "junction", "crossing", "terminal", "park", "square", "barracks",
        "garrison", "hotel", "office", "headquarters", "compound", "farm", "forest", "river",
        "lake", "border", "aeropuerto", "aeroport")),
    #: a road, named after the towns it runs between ("the Bakhmut-Chasiv Yar road", "the
    #: highway between X and Y"): somewhere near the first town
    "road": _W((
        "road", "roads", "highway", "highways", "hwy", "motorway", "route", "expressway",
        "freeway", "carretera")),
    "between": _W(("between",)),
    "and": _W(("and",)),
    "function": _W((
        "of", "in", "at", "on", "the", "a", "an", "and", "or", "to", "from", "by", "with", "its",
        "de", "del", "la", "las", "los", "el", "et", "du", "des", "le", "les", "en", "y", "e",
        "within", "inside", "side", "part", "parts", "area", "areas", "locality", "located",
        "which", "is", "that", "towards", "toward", "along", "via", "direction", "remote",
        "rural", "urban")),
})
