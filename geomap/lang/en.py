"""English: the word lists of recognition (this module) and of event extraction
(:mod:`._en_events`), gathered into :data:`ENGLISH`.

To teach geomap an English word, add it to the list here (or in ``_en_events``); the geoparser
(:mod:`geomap.geoparse`) and the event extractor (:mod:`geomap.events.extract`) read these lists
and name no word themselves.
"""

from __future__ import annotations

from types import MappingProxyType

from . import _en_events as ev
from ._base import Language

__all__ = ["AREA_WORDS", "CONNECTORS", "ENGLISH", "STREET_WORDS"]

#: Lower-case words that may stand inside a place name ("Bosnia and Herzegovina", "Isle of Man").
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "des", "el", "al", "the", "and",
                        "da", "do", "dos", "das", "di", "upon", "on", "am", "an", "der", "y"})
#: Generic words after a division's name that belong to the mention ("the Kursk border region").
AREA_WORDS = ("border region", "border regions", "region", "oblast", "province", "area",
              "governorate", "state", "county", "district", "krai", "republic", "parish",
              "prefecture", "regions", "oblasts", "provinces")
#: Words naming a kind of place -> the feature class they imply.
PLACE_KINDS = MappingProxyType({
    "city": "populated_place", "town": "populated_place", "village": "populated_place",
    "settlement": "populated_place", "hamlet": "populated_place", "port": "populated_place",
    "capital": "populated_place", "district": "admin2", "raion": "admin2", "county": "admin2",
    "oblast": "admin1", "region": "admin1", "province": "admin1", "governorate": "admin1",
    "state": "admin1", "krai": "admin1", "republic": "admin1", "prefecture": "admin1",
    "country": "country",
})
#: Words placing something near a place rather than in it.
VICINITY = ("near", "outside", "around", "outskirts of", "on the outskirts of", "close to",
            "north of", "south of", "east of", "west of", "northeast of", "northwest of",
            "southeast of", "southwest of", "not far from", "km from", "kilometres from",
            "kilometers from", "miles from")
#: Street types: "Dublin Road" is a street, not Dublin.
STREET_WORDS = frozenset({"road", "rd", "street", "st", "avenue", "ave", "drive", "dr", "lane",
                          "ln", "boulevard", "blvd", "highway", "hwy", "pike", "parkway", "way",
                          "court", "ct", "place", "pl", "terrace", "circle", "turnpike"})
#: Titles of people written before a surname ("coach Ripley", "spokesperson Singh").
TITLES = ("coach", "president", "minister", "secretary", "spokesman", "spokeswoman",
          "spokesperson", "senator", "governor", "mayor", "chief", "officer", "lawmaker",
          "director", "commander", "general", "sheriff", "judge", "attorney", "deputy",
          "sergeant", "captain", "colonel", "lieutenant", "professor", "chairman", "chairwoman",
          "ambassador", "leader", "councilman", "councilwoman", "superintendent", "trooper",
          "detective", "pastor", "reverend")
#: Honorifics as written before a name (a dot may follow).
HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
              "President", "Minister", "Secretary", "Prime Minister", "King", "Queen", "Prince",
              "Pope", "Saint", "St")
#: Words after a place name that make it a disease's name ("West Nile virus", "Lassa fever").
DISEASE_WORDS = ("virus", "viruses", "fever", "flu", "influenza", "disease", "encephalitis",
                 "syndrome", "strain", "variant")
#: Auxiliaries between a capital standing for its government and its verb ("Moscow has said").
SPEECH_AUX = ("has", "have", "had", "will", "would", "is", "was", "also", "has also",
              "have also", "did not", "does not", "had already", "has already")
#: Verbs a government does ("Moscow said", "Washington has warned").
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "warned", "warns", "denied", "denies", "deny",
    "denying", "claimed", "claims", "announced", "announces", "adopted", "accused", "accuses",
    "urged", "urges", "insisted", "insists", "rejected", "rejects", "condemned", "condemns",
    "agreed", "agrees", "signed", "responded", "threatened", "threatens", "demanded", "demands",
    "vowed", "vows", "wants", "sent", "sends", "offered", "offers", "supports", "supported",
    "backed", "blamed", "blames", "criticized", "criticised", "welcomed", "welcomes",
    "confirmed", "confirms", "asserted", "asserts", "stated", "declared", "admitted", "admits",
    "refused", "refuses", "considers", "sees", "believes", "called", "calls")
#: Words before a capital that make it a partner of talks ("between Seoul and", "with Moscow").
PARTNER_BEFORE = ("between", "with", "from")

ENGLISH = Language(
    code="en",
    name="English",
    wordfreq="en",
    connectors=CONNECTORS,
    area_words=AREA_WORDS,
    place_kinds=PLACE_KINDS,
    vicinity=VICINITY,
    street_words=STREET_WORDS,
    titles=TITLES,
    honorifics=HONORIFICS,
    disease_words=DISEASE_WORDS,
    speech_verbs=SPEECH_VERBS,
    speech_aux=SPEECH_AUX,
    and_words=("and",),
    partner_before=PARTNER_BEFORE,
    prepositions=MappingProxyType({"location": ev.AT, "destination": ev.TO, "origin": ev.FROM}),
    triggers=MappingProxyType(ev.LEXICON),
    direct_object=MappingProxyType(ev.DIRECT_OBJECT),
    months=MappingProxyType(ev.MONTHS),
    weekdays=MappingProxyType(ev.WEEKDAYS),
    relative_days=MappingProxyType(ev.RELATIVE_DAYS),
    numbers=MappingProxyType(ev.NUMBERS),
    organisations=MappingProxyType(ev.ORGANISATIONS),
    word_classes=MappingProxyType(ev.WORD_CLASSES),
    lemmatise=ev.lemma_candidates,
)
