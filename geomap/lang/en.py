"""English: the word lists of recognition (this module) and of event extraction
(:mod:`._en_events`), gathered into :data:`ENGLISH`.

To teach geomap an English word, add it to the list here (or in ``_en_events``); the geoparser
(:mod:`geomap.geoparse`) and the event extractor (:mod:`geomap.events.extract`) read these lists
and name no word themselves.
"""

from __future__ import annotations

from types import MappingProxyType

from .._text import ARABIC_ARTICLES
from . import _en_events as ev
from ._base import Language
from ._district_adjectives import adjective_stem_groups
from ._en_places import PLACE_QUERY

__all__ = ["AREA_WORDS", "CONNECTORS", "ENGLISH", "NAME_ARTICLES", "STREET_WORDS"]

#: Lower-case words that may stand inside a place name ("Bosnia and Herzegovina", "Isle of Man").
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "des", "el", "al", "the", "and",
                        "da", "do", "dos", "das", "di", "upon", "on", "am", "an", "der", "y"})
#: Arabic articles joined by a hyphen to a capitalised word ("Deir ez-Zor", "ash-Shughur",
#: "al-Mawasi"): one capitalised token; "Umm"/"Abu" are capitalised words already. The forms are
#: those the name keys fold to one (geomap._text).
NAME_ARTICLES = ARABIC_ARTICLES
#: Generic words after a division's name that belong to the mention ("the Kursk border region").
AREA_WORDS = ("border region", "border regions", "region", "oblast", "province", "area",
              "governorate", "state", "county", "district", "krai", "republic", "parish",
              "prefecture", "regions", "oblasts", "provinces")
#: Area words whose capitalised form belongs to the mention too ("Kursk Region" as TASS and UCDP
#: write it, "Gansu Province"); not "State", "County", "District" or "Area", which often end a
#: name of their own ("Ohio State", "Saint Louis County", "Bay Area").
TITLED_AREA_WORDS = frozenset({"region", "regions", "oblast", "oblasts", "province",
                               "provinces", "governorate", "krai", "prefecture"})
#: Words naming a kind of place -> the feature class they imply.
PLACE_KINDS = MappingProxyType({
    "city": "populated_place", "town": "populated_place", "village": "populated_place",
    "settlement": "populated_place", "hamlet": "populated_place", "port": "populated_place",
    "capital": "populated_place", "district": "admin2", "raion": "admin2", "county": "admin2",
    "oblast": "admin1", "region": "admin1", "province": "admin1", "governorate": "admin1",
    "state": "admin1", "krai": "admin1", "republic": "admin1", "prefecture": "admin1",
    "country": "country",
})
#: Nouns of settlements and the words after them that introduce their names ("the village of
#: X", "villages such as X and Y"): a name so introduced is a place even when the gazetteer
#: lacks it (kept as an unresolved mention, geoparse/_kind_names.py).
SETTLEMENT_NOUNS = frozenset({"village", "villages", "town", "towns", "settlement",
                              "settlements", "hamlet", "hamlets"})
SETTLEMENT_LINKS = frozenset({"of", "such as", "including", "like", "called", "named"})
#: Nouns of natural features written after their name ("the Stono River", "Apache Pass"): the
#: gazetteer holds none of them, so a town found inside such a name is a namesake.
NATURAL_FEATURE_NOUNS = frozenset({"river", "rivers", "creek", "brook", "bayou", "lake",
                                   "mountains", "mountain", "range", "pass", "canyon", "gorge",
                                   "glacier", "swamp", "marsh", "reservoir", "falls"})
#: Compass points as abbreviated before a place's name ("NE Nigeria", "SW Pakistan"): not
#: the US states or towns they also spell (NE is Nebraska).
COMPASS_ABBREVIATIONS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW", "NNE", "ENE",
                                   "ESE", "SSE", "SSW", "WSW", "WNW", "NNW"})
#: Function words a title-case headline capitalises before a name ("Offensive Near
#: Kupiansk", "Protests In Delhi"): not a given name.
TITLE_WORDS = frozenset({"near", "in", "at", "on", "from", "to", "into", "outside", "around",
                         "across", "over", "toward", "towards", "of", "for", "and", "as",
                         "after", "amid", "against", "with", "by", "inside"})
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
#: Verbs of speech whose one-word subject is a person, not a small town ("Kimball said").
SPEAKER_VERBS = frozenset({"said", "says", "told", "tells"})
#: Words before a capital that make it a partner of talks ("between Seoul and", "with Moscow").
PARTNER_BEFORE = ("between", "with", "from")

# -- where events happen (geomap.events.extract._where, _compounds) ----------------------------
#: Word classes of the event-location rules, merged into ENGLISH.word_classes.
LOCATION_CLASSES: dict[str, frozenset[str]] = {
    #: Words that make a sentence describe an event even when no trigger was recognised
    #: (harm, damage, violence): its places are evidence for where the report's event happened.
    "event_words": frozenset({
        "abducted", "abduction", "ablaze", "advanced", "aftermath", "airstrike", "airstrikes",
        "ambush", "ambushed", "arson", "artillery", "assassinated", "assassination", "assault",
        "attack", "attacked", "attacks", "battle", "battles", "beaten", "beheaded", "blast",
        "blasts", "blaze", "bodies", "body", "bombardment", "bombardments", "bombed", "bombing",
        "bombings", "bombs", "burned", "burning", "burnt", "captured", "car-bomb", "casualties",
        "casualty", "clash", "clashed", "clashes", "combat", "corpse", "corpses", "crater",
        "crossfire", "damage", "damaged", "dead", "death", "deaths", "debris", "destroyed",
        "destruction", "detonated", "died", "dies", "disappeared", "displaced", "downed",
        "evacuated", "executed", "execution", "executions", "exploded", "explosion", "explosions",
        "explosive", "fighting", "fire", "fired", "firefight", "firing", "fled", "fought",
        "grenade", "gunfire", "gunmen", "gunned", "gunshot", "gunshots", "hanged", "hits",
        "homicide", "hostage", "hostages", "ied", "incident", "injured", "injuries", "injuring",
        "intercepted", "kidnapped", "kidnapping", "killed", "killing", "killings", "kills",
        "landmine", "lifeless", "looted", "looting", "lynched", "martyr", "martyred", "martyrs",
        "massacre", "missile", "missiles", "mortar", "mortars", "murder", "murdered", "offensive",
        "overran", "protest", "protesters", "protests", "raid", "raids", "raped", "remains",
        "repelled", "riot", "rioting", "riots", "rocket", "rockets", "rubble", "seized",
        "shelled", "shelling", "shells", "shooting", "shootings", "shot", "skirmish",
        "skirmishes", "slain", "sniper", "stabbed", "stormed", "strike", "strikes", "struck",
        "suicide", "tortured", "victim", "victims", "violence", "wounded", "wounding", "wounds",
        "execute", "executes", "crimes", "atrocities", "atrocity", "operation", "operations",
        "insecurity", "murders", "explodes",
    }),
    #: Words in a report's first line that mark a genre describing no single event.
    "feature_markers": frozenset({
        "analysis", "background", "backgrounder", "column", "comment", "commentary", "culture",
        "editorial", "essay", "explainer", "factbox", "feature", "guide", "history",
        "interview", "letter", "lifestyle", "obituary", "opinion", "podcast", "preview",
        "profile", "q&a", "quiz", "recipe", "recipes", "review", "sport", "sports", "travel",
    }),
    #: Words that may stand in a bare "where" fragment besides place names ("near the village
    #: of X, Y district"): such a fragment is location evidence for its report.
    "where_words": frozenset({
        "airport", "along", "and", "area", "areas", "around", "at", "bank", "base", "between",
        "border", "bridge", "by", "camp", "central", "checkpoint", "church", "city", "city's",
        "close", "coast", "commune", "community", "countryside", "county", "crossroads", "dam",
        "direction", "district", "east", "eastern", "entrance", "exit", "farm", "forest", "from",
        "front", "frontline", "governorate", "hamlet", "highway", "hill", "hills", "hospital",
        "in", "international", "island", "junction", "kilometers", "kilometres", "km", "lake",
        "line", "locality", "market", "miles", "mine", "monastery", "mosque", "municipality",
        "near", "neighborhood", "neighbourhood", "new", "north", "northeast", "northern",
        "northwest", "oblast", "oblast's", "of", "old", "on", "outpost", "outside", "outskirts",
        "part", "parts", "plant", "port", "position", "positions", "post", "province", "railway",
        "raion", "region", "river", "road", "rural", "school", "settlement", "south", "southeast",
        "southern", "southwest", "square", "state", "station", "suburb", "suburbs", "terminal",
        "territory", "the", "to", "toward", "towards", "town", "town's", "urban-type", "valley",
        "vicinity", "village", "village's", "villages", "west", "western",
    }),
    #: Words after a place that make it an actor, not where something happened ("Kiev's forces",
    #: "Moscow officials"); "pro-" and "anti-" before it do the same.
    "actor_nouns": frozenset({
        "army", "authorities", "cartel", "command", "fighters", "force", "forces", "gang",
        "government", "gunmen", "leaders", "leadership", "militants", "military", "ministry",
        "official", "officials", "police", "rebels", "regime", "separatists", "side", "soldiers",
        "troops",
    }),
    #: Words before a place that put an event near it rather than in it.
    "vicinity_before": frozenset({
        "around", "close", "direction", "east", "edge", "kilometers", "kilometres", "km", "miles",
        "near", "nearby", "north", "northeast", "northwest", "outside", "outskirts", "south",
        "southeast", "southwest", "suburb", "suburbs", "vicinity", "west",
    }),
    #: English function words: a Latin-script text with few of them is in a language geomap has
    #: no event words for, so it cannot tell an event report from a feature there.
    "stopwords": frozenset({
        "after", "an", "and", "are", "as", "at", "by", "for", "from", "has", "have", "he", "his",
        "in", "is", "its", "near", "of", "on", "the", "their", "they", "three", "to", "two",
        "was", "were", "with",
    }),
    #: Weapon systems named in war reports whose names GeoNames also lists for a place
    #: (mostly as an alternate name: "Iskander" is Iskandar, Uzbekistan; "Tor" an old name
    #: of Sloviansk): as written in English, they name the weapon.
    "weapon_names": frozenset({
        "Iskander", "Kinzhal", "Kalibr", "Shahed", "Geran", "Oreshnik", "Lancet", "Pantsir",
        "Tor", "Bayraktar", "Zircon", "Tsirkon", "Tochka", "Smerch", "Uragan", "Krasnopol",
        "Kornet", "HIMARS", "ATACMS", "Grad",
    }),
    #: Nouns of a front sector named after its town ("the Pokrovsk axis", "the Kupiansk and
    #: Lyman directions", "the Salado sector"): the town is where the sector is, unlike "the
    #: Reading festival".
    "front_nouns": frozenset({
        "axis", "axes", "bridgehead", "direction", "directions", "front", "fronts",
        "frontline", "pocket", "salient", "sector", "sectors",
    }),
    #: Nouns of an administrative unit named after its town, written after the town's name or
    #: its romanised adjective ("the Borova hromada", "Kupianskyi raion", "Sudzhansky
    #: district"): the unit is where the town is, unlike "the Reading festival".
    "division_nouns": frozenset({
        "raion", "raions", "rayon", "rayons", "district", "districts", "hromada", "hromadas",
        "community", "municipality", "okrug",
    }),
    #: Nouns of facilities a town's name may stand before ("the Dnipro railway station").
    "facility_nouns": frozenset({
        "airfield", "airport", "barracks", "bazaar", "bridge", "cathedral", "checkpoint", "dam",
        "depot", "factory", "harbor", "harbour", "hospital", "hotel", "mall", "market", "mine",
        "plant", "port", "prison", "refinery", "school", "square", "stadium", "station",
        "substation", "terminal", "theater", "theatre", "university",
    }),
    #: Words that may stand between the name and the facility noun ("Dnipro railway station").
    "facility_modifiers": frozenset({
        "air", "bus", "central", "chemical", "children's", "city", "coal", "drama", "fuel",
        "grain", "hydroelectric", "international", "main", "maternity", "metro", "military",
        "nuclear", "oil", "power", "railway", "regional", "river", "sea", "steel", "thermal",
        "train",
    }),
}

ENGLISH = Language(
    code="en",
    name="English",
    wordfreq="en",
    connectors=CONNECTORS,
    name_articles=NAME_ARTICLES,
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
    word_classes=MappingProxyType({**ev.WORD_CLASSES, **LOCATION_CLASSES,
                                  "speaker_verbs": SPEAKER_VERBS,
                                  "settlement_nouns": SETTLEMENT_NOUNS,
                                  "settlement_links": SETTLEMENT_LINKS,
                                  "natural_feature_nouns": NATURAL_FEATURE_NOUNS,
                                  "compass_abbreviations": COMPASS_ABBREVIATIONS,
                                  "title_words": TITLE_WORDS,
                                  "titled_area_words": TITLED_AREA_WORDS}),
    place_query=PLACE_QUERY,
    lemmatise=ev.lemma_candidates,
    district_stems=adjective_stem_groups,
)
