"""English word lists of event extraction: triggers, dates, organisations, word classes.

Gathered into :data:`geomap.lang.en.ENGLISH`; the extractor's modules
(:mod:`geomap.events.extract`) import them from there.
"""

from __future__ import annotations

import calendar

from ._base import Trigger

__all__ = ["LEXICON", "MONTHS", "NOUN_TOO", "ORGANISATIONS", "RELATIVE_DAYS", "WEEKDAYS",
           "WORD_CLASSES", "lemma_candidates"]


def _entries(type_: str, words: str, **flags) -> dict[str, Trigger]:
    return {w: Trigger(type_, **flags) for w in words.split()}


# -- triggers ------------------------------------------------------------------------------------
LEXICON: dict[str, Trigger] = {
    # nouns first: a verb entry of the same spelling below replaces its noun entry
    **_entries("assault", "airstrike shelling bombing bombardment fighting incursion invasion "
               "offensive counteroffensive battle explosion blast engagement firefight siege",
               noun=True),
    **_entries("mobilize", "deployment deployments mobilization mobilisation buildup build-up "
               "redeployment", move=True, noun=True),
    **_entries("consult", "arrival", move=True, dual=True, noun=True),
    **_entries("consult", "trip talks meeting summit", noun=True),
    **_entries("aid", "aid assistance shipment shipments delivery deliveries", noun=True),
    **_entries("accuse", "accusation condemnation", noun=True),
    **_entries("agree", "agreement ceasefire truce deal", noun=True),
    **_entries("protest", "demonstration", noun=True),
    **_entries("sanction", "sanctions", noun=True),
    **_entries("retreat", "withdrawal", noun=True),
    # verbs (and words that are both)
    **_entries("assault", "attack strike shell bomb bombard fight clash shoot kill raid storm "
               "ambush invade assault explode hit besiege massacre abduct kidnap fire "
               "capture overrun counterattack skirmish destroy wound injure"),
    **_entries("mobilize", "deploy mobilize mobilise station dispatch redeploy reinforce",
               move=True),
    **_entries("mobilize", "send transfer move head gather march sail relocate mass reach enter",
               move=True, military=True),
    **_entries("consult", "depart leave travel arrive fly", move=True, dual=True),
    **_entries("consult", "visit", move=True),
    **_entries("consult", "meet discuss host negotiate confer"),
    **_entries("aid", "provide supply supplies deliver ship donate"),
    **_entries("accuse", "accuse condemn blame criticize criticise denounce allege"),
    **_entries("threaten", "threaten"),
    **_entries("agree", "agree sign ratify"),
    **_entries("protest", "protest demonstrate rally"),
    **_entries("reject", "reject deny refuse dismiss"),
    **_entries("sanction", "sanction expel"),
    **_entries("request", "urge appeal demand request"),
    **_entries("support", "praise endorse pledge"),
    **_entries("cooperate", "cooperate train"),
    **_entries("coerce", "arrest detain"),
    **_entries("retreat", "withdraw retreat evacuate flee displace", move=True),
    **_entries("assault", "launch", military=True),
    **_entries("statement", "say tell announce state declare claim assert", say=True),
}

#: Verb lemmas that also name their event as nouns ("an attack", "the visit").
NOUN_TOO = frozenset({
    "attack", "strike", "raid", "assault", "clash", "skirmish", "protest", "rally", "visit",
    "retreat", "ambush", "fight", "counterattack", "massacre", "arrest", "sanction", "call",
    "fire", "hit", "capture", "bomb", "shell", "transfer", "supply", "supplies", "return",
    "march", "demand", "appeal", "request", "pledge", "deal", "travel",
})

#: Irregular verb forms -> lemma.
IRREGULAR: dict[str, str] = {
    "sent": "send", "fought": "fight", "struck": "strike", "stricken": "strike", "shot": "shoot",
    "flew": "fly", "flown": "fly", "fled": "flee", "met": "meet", "left": "leave", "went": "go",
    "gone": "go",
    "said": "say", "told": "tell", "led": "lead", "held": "hold", "hit": "hit", "came": "come",
    "began": "begin", "withdrew": "withdraw", "withdrawn": "withdraw", "overran": "overrun",
    "underwent": "undergo", "brought": "bring", "made": "make", "took": "take",
    "taken": "take", "saw": "see", "seen": "see", "drove": "drive", "ran": "run",
}

#: Words that look like an inflected trigger but are not one.
NOT_TRIGGERS = frozenset({
    "ship", "ships", "shipping", "states", "statement", "statements", "heads", "head", "leader",
    "leaders", "leaves", "left", "strikes", "hits", "claims", "trained", "training", "trains",
    "masses", "mass", "visits", "deals", "dealing", "shells", "bombs", "stations", "station",
    "rallies", "fires", "deliveries", "fighters", "attackers", "bombers", "killer", "killers",
    "shooter", "protesters", "supplier", "suppliers", "stating", "state",
})

#: Verbs whose direct object is the event's place, and which slot it fills.
DIRECT_OBJECT = {"visit": "to", "enter": "to", "reach": "to", "invade": "to", "leave": "origin",
                 "depart": "origin", "flee": "origin", "attack": "at", "strike": "at",
                 "shell": "at",
                 "bomb": "at", "bombard": "at", "hit": "at", "storm": "at", "capture": "at",
                 "raid": "at", "besiege": "at", "overrun": "at", "provide": "to",
                 "supply": "to", "supplies": "to"}


def lemma_candidates(word: str) -> list[str]:
    """Possible lemmas of an English word (lower-cased), most likely first."""
    w = word.lower()
    out = [w]
    if w in IRREGULAR:
        out.insert(0, IRREGULAR[w])
    if w.endswith(("ies", "ied")):
        out.append(w[:-3] + "y")
    if w.endswith("ing"):
        stem = w[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if w.endswith("ed"):
        stem = w[:-2]
        out += [stem, w[:-1]]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    return out


# -- dates ---------------------------------------------------------------------------------------
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "a": 1, "several": 3, "few": 3, "a few": 3,
           # cardinals of casualty counts (geomap.events.extract._counts)
           "an": 1, "zero": 0, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
           "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "thousand": 1000, "dozen": 12}
#: Relative date phrases -> (unit, offset from the article's date in that unit).
RELATIVE_DAYS = {
    "yesterday": ("day", -1), "today": ("day", 0), "tonight": ("day", 0),
    "overnight": ("day", -1), "last night": ("day", -1), "this morning": ("day", 0),
    "this afternoon": ("day", 0), "this evening": ("day", 0), "earlier today": ("day", 0),
    "the day before": ("day", -1), "last week": ("week", -1), "this week": ("week", 0),
    "earlier this week": ("week", 0), "last month": ("month", -1), "this month": ("month", 0),
    "earlier this month": ("month", 0), "last year": ("year", -1), "this year": ("year", 0),
}

# -- actors --------------------------------------------------------------------------------------
#: Organisation name (as written) -> (canonical name, ISO2 of the country it belongs to or None).
ORGANISATIONS: dict[str, tuple[str, str | None]] = {
    "NATO": ("NATO", None), "North Atlantic Council": ("NATO", None),
    "European Union": ("European Union", None), "EU": ("European Union", None),
    "European Commission": ("European Union", None),
    "United Nations": ("United Nations", None), "UN": ("United Nations", None),
    "U.N.": ("United Nations", None), "Security Council": ("United Nations", None),
    "IAEA": ("IAEA", None), "OSCE": ("OSCE", None), "African Union": ("African Union", None),
    "ICRC": ("ICRC", None), "Red Cross": ("ICRC", None),
    "Pentagon": ("United States", "US"), "White House": ("United States", "US"),
    "State Department": ("United States", "US"), "U.S.": ("United States", "US"),
    "Kremlin": ("Russia", "RU"), "KCNA": ("North Korea", "KP"),
    "Korean Central News Agency": ("North Korea", "KP"),
    "Blue House": ("South Korea", "KR"), "Élysée": ("France", "FR"),
    "Downing Street": ("United Kingdom", "GB"), "Zhongnanhai": ("China", "CN"),
    "Hamas": ("Hamas", None), "Hezbollah": ("Hezbollah", "LB"), "Houthis": ("Houthis", "YE"),
    "Houthi": ("Houthis", "YE"), "Taliban": ("Taliban", "AF"), "Wagner": ("Wagner Group", "RU"),
    "Islamic State": ("Islamic State", None), "ISIS": ("Islamic State", None),
    "IDF": ("Israel", "IL"),
}

# -- word classes of the extraction rules --------------------------------------------------------
WORD_CLASSES: dict[str, frozenset[str]] = {
    #: Words that open a new clause: the subject of a trigger is never looked for before them.
    "clause_openers": frozenset({
        "that", "who", "which", "where", "while", "although", "though", "because", "but",
        "whereas", "when", "after", "before", "since", "as", "if", "unless", ";", ":", "“", "\"",
        "(",
    }),
    #: Prepositions whose object is where an event happened, started or ended.
    "at": frozenset({"in", "at", "near", "outside", "inside", "around", "across", "along", "on",
                     "over", "within", "throughout", "off", "beyond", "behind", "between"}),
    "to": frozenset({"to", "toward", "towards", "into", "onto"}),
    "from": frozenset({"from"}),
    #: Words that may stand between a preposition and its place ("in the northern Kursk region").
    "filler": frozenset({
        "the", "a", "an", "its", "their", "his", "her", "our", "northern", "southern", "eastern",
        "western", "central", "north", "south", "east", "west", "northeastern", "northwestern",
        "southeastern", "southwestern", "occupied", "border", "frontline", "front-line",
        "outskirts", "of", "town", "village", "city", "region", "province", "district", "area",
        "port", "capital", "key", "small", "strategic", "besieged", "embattled", "nearby",
        "settlement", "neighbouring", "neighboring", "russian-held", "ukrainian-held",
        "far", "closer", "close", "deep", "deeper", "back", "further", "farther", "far-eastern",
        "parts", "part", "areas", "regions", "towns", "villages", "cities", "oblast", "edge",
    }),
    #: Words between a preposition and its place that refine it ("from ports near Chongjin").
    "inner": frozenset({"ports", "bases", "base", "airfield", "airbase", "facilities",
                        "positions", "near", "outside", "around", "camps", "camp", "airport"}),
    "military": frozenset({
        "troops", "troop", "soldiers", "soldier", "forces", "force", "units", "unit",
        "personnel", "army", "armies", "battalion", "battalions", "brigade", "brigades",
        "division", "divisions", "fighters", "marines", "paratroopers", "warships", "warship",
        "ships", "jets", "aircraft", "mercenaries", "contingent", "contingents",
        "reinforcements", "military", "militants", "tanks", "artillery", "missiles", "drones",
        "missile", "drone", "rocket", "rockets",
        "infantry", "servicemen", "sailors", "navy", "generals", "commandos", "rebels",
        "insurgents", "militia", "militias", "convoy", "regiment", "regiments", "corps",
        "squadron", "fleet", "guerrillas", "gunmen",
    }),
    "diplomatic": frozenset({
        "delegation", "minister", "president", "envoy", "envoys", "diplomat", "diplomats",
        "ambassador", "official", "officials", "leader", "leaders", "secretary",
        "secretary-general", "chancellor", "premier", "fm", "king", "prime", "foreign",
        "delegates", "emissary", "negotiators", "mediators", "lawmakers", "senator", "she", "he",
        "her", "his", "choe", "counterpart", "vice", "mission", "spokesperson", "spokesman",
        "spokeswoman", "pope",
    }),
    #: Prepositions after which a trigger's spelling is a noun, unless a gerund ("by train",
    #: "of wounded", "in retreat"; not "by shelling the town"): "to" is left out ("to train").
    "noun_after": frozenset({"by", "of", "with", "for", "via", "aboard", "during", "from",
                             "in", "at", "on", "against", "after", "before"}),
    #: "strike" as a labour action ("went on strike", "a general strike", "strike action").
    "labour_strike_before": frozenset({
        "on", "general", "labour", "labor", "hunger", "workers", "workers'", "teachers",
        "teachers'", "doctors", "doctors'", "miners", "dockers", "transport", "rail", "union",
        "sit-down", "wildcat"}),
    "labour_strike_after": frozenset({"action", "ballot", "pay", "leaders"}),
    "passive_aux": frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get"}),
    "modal": frozenset({"to", "will", "would", "could", "may", "might", "can", "should",
                        "shall", "plans", "plan", "planning", "intends", "expected", "likely",
                        "possible", "possibility", "ready", "threatened", "threatens",
                        "considering", "on"}),
    "negation": frozenset({"not", "never", "no", "didn't", "don't", "doesn't", "haven't",
                           "hasn't", "won't", "wouldn't", "without", "denied", "denies",
                           "denying"}),
    "pronouns": frozenset({"he", "she", "they", "it", "its", "his", "her", "their", "we"}),
    #: Words a subject may consist of and still be no subject of its own ("and were believed
    #: to be heading"): the clause shares the previous clause's subject.
    "function": frozenset({
        "and", "or", "were", "was", "is", "are", "be", "been", "being", "have", "has", "had",
        "also", "already", "then", "later", "to", "of", "not", "will", "would", "could", "may",
        "might", "can", "should", "do", "did", "does", "initially", "reportedly",
        "allegedly", "still", "now", "again", "since", "soon", "even", ",", "in", "on", "after",
    }),
    #: Speech acts: their place is where they were said, never the place they talk about.
    "speech": frozenset({"statement", "accuse", "reject", "request", "support", "threaten",
                         "concede"}),
    #: Verbs after an actor's name that make it speak ("Moscow has said").
    "actor_speech": frozenset({"said", "says", "told", "announced", "warned", "accused",
                               "denied", "rejected", "claimed", "insisted", "condemned"}),
    # -- casualty counts (geomap.events.extract._counts) --
    #: Words saying people died ("three killed", "killing two", "five dead", "the toll").
    "casualty_killed": frozenset({
        "killed", "kill", "kills", "killing", "dead", "die", "died", "dies", "dying", "death",
        "deaths", "slain", "perished", "fatalities", "lifeless", "executed", "massacred"}),
    #: Words saying people were hurt.
    "casualty_wounded": frozenset({
        "wounded", "wound", "wounds", "wounding", "injured", "injure", "injures", "injuring",
        "injuries", "hurt", "hospitalised", "hospitalized", "casualties"}),
    #: Death and injury words that take their victims as an object ("killing two soldiers").
    "casualty_active": frozenset({"killed", "kill", "kills", "killing", "wounded", "wound",
                                  "wounds", "wounding", "injured", "injure", "injures",
                                  "injuring"}),
    #: Nouns of a death toll followed by its number ("the death toll rose to 12").
    "casualty_toll": frozenset({"toll"}),
    #: Victims counted as civilians.
    "casualty_civilian": frozenset({
        "civilian", "civilians", "resident", "residents", "child", "children", "woman",
        "women", "man", "men", "boy", "boys", "girl", "girls", "teenager", "teenagers",
        "pensioner", "pensioners", "passer-by", "passers-by", "villager", "villagers",
        "journalist", "journalists", "volunteer", "volunteers", "doctor", "doctors",
        "worker", "workers", "family", "people", "person", "persons", "local", "locals"}),
    #: Victims counted one at a time after "a" / "an" ("a soldier was killed").
    "casualty_person": frozenset({
        "civilian", "resident", "child", "woman", "man", "boy", "girl", "teenager",
        "pensioner", "passer-by", "villager", "journalist", "volunteer", "doctor", "worker",
        "person", "local", "soldier", "serviceman", "servicewoman", "militiaman", "fighter",
        "officer", "policeman", "guard", "sniper", "commander", "rebel", "separatist",
        "militant", "member", "medic", "paramedic", "driver", "farmer", "serviceperson"}),
    #: Words before a number making it a lower bound ("at least 5", "more than 20").
    "count_at_least": frozenset({"least", "over", "more", "than", "some", "nearly", "almost",
                                 "about", "around", "approximately", "up", "roughly",
                                 "fewer"}),
    #: Number words too vague to count ("several", "a few", "dozens").
    "count_vague": frozenset({"several", "few", "dozens", "scores", "hundreds", "thousands",
                              "many", "numerous"}),
    #: Words after a number that make it no head count ("24 hours", "10 km").
    "count_units": frozenset({
        "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "minute", "minutes", "km", "kilometres", "kilometers", "miles", "mile", "metres",
        "meters", "percent", "per", "times", "mm", "am", "pm", "o'clock", "shells",
        "rockets", "missiles", "drones", "tanks", "houses", "homes", "buildings", "villages",
        "towns", "settlements", "attacks", "strikes", "rounds", "mines", "vehicles"}),
    #: Words that end the victims' phrase between a count and its death word ("two in
    #: hospital after ..."): the count is not of those deaths.
    "count_stop": frozenset({
        "in", "at", "on", "near", "after", "as", "by", "during", "for", "from", "when", "while",
        "with", "than", "since", "because", "said", "says", "say", "to", "into", "but",
        "or", "if", "that", "which", "where", "before", "under", "over", "across",
        "outside", "inside", "between", "against"}),
    #: What strikes are made with: "air strikes", "drone strikes" (the plural "strikes" is a
    #: trigger only after one of these).
    "strike_means": frozenset({"air", "drone", "missile", "rocket", "artillery", "aerial",
                               "naval", "mortar", "retaliatory", "precision", "airborne"}),
    #: People who flee: a movement verb with one of these as who moves is a displacement
    #: (type retreat, as "evacuate"), not a troop movement ("displaced families moved from
    #: Rafah to Khan Younis"); "displaced" before one of them is an adjective.
    "displaced_people": frozenset({
        "displaced", "refugees", "refugee", "evacuees", "idps", "families", "residents",
        "civilians", "villagers", "inhabitants", "households"}),
    #: Words before "hits" that make it a verb ("Missile hits market"; not "direct hits").
    "hits_after": frozenset({"strike", "missile", "rocket", "drone", "shell", "bomb", "shelling",
                             "airstrike", "attack", "blast", "explosion", "artillery"}),
    "not_triggers": NOT_TRIGGERS,
    "noun_too": NOUN_TOO,
    # -- the non-event decision (geomap.events.extract._genre) --
    #: Words of genres that describe no event (culture, commerce and products, tourism,
    #: weather): in the first sentence of a report with no trigger and no event word, the
    #: report gets no located event.
    "non_event_words": frozenset({
        "album", "anniversary", "art", "artist", "artists", "ballet", "beer", "birthday", "book",
        "books", "brand", "cafe", "cafes", "café", "cafés", "celebrate", "celebrated",
        "celebrates", "celebration", "concert", "concerts", "cuisine", "discount", "edition",
        "episode", "exhibition", "exhibitions", "expo", "fair", "fashion", "festival", "festivals",
        "film", "films", "forecast", "holiday", "holidays", "hotel", "hotels", "launch",
        "launches", "menu", "movie", "museum", "museums", "music", "novel", "opera", "orchestra",
        "premiere", "price", "prices", "recipe", "recipes", "restaurant", "restaurants", "review",
        "reviews", "sale", "sales", "scooter", "sightseeing", "smartphone", "song", "songs",
        "staging", "sunny", "theater", "theatre", "tourism", "tourist", "tourists", "unveiled",
        "unveils", "vacation", "wedding", "wine",
    }),
    #: Sports words: with a score in the headline ("2-1") the report is a sports result.
    "sports_words": frozenset({
        "basketball", "beat", "beats", "boxing", "champions", "championship", "coach",
        "cricket", "cup", "defeat", "defeats", "derby", "draw", "draws", "fc", "football",
        "goal", "goalkeeper", "goals", "hockey", "league", "match", "matches", "midfielder",
        "olympic", "olympics", "playoff", "playoffs", "quarter-final", "rugby", "semi-final",
        "semifinal", "soccer", "striker", "tennis", "tournament", "victory", "vs", "win",
        "wins", "won",
    }),
    #: Words that join two places as separate ones ("Kharkiv and Sumy region"), not a town
    #: and its division.
    "place_separators": frozenset({"and", "or", "nor", "between", "&"}),
    #: Words by a division's name that make it the area ("the Homs countryside"), not the
    #: city of that name.
    "area_before": frozenset({"countryside", "rural", "province", "provinces", "governorate",
                              "region", "regions", "state", "oblast", "district", "county",
                              "areas", "outskirts", "suburbs", "parts"}),
    #: Actors that act at home: "Kenya police" or "Chad rebels" place an event in that
    #: country; "Kenya troops" do not (armies fight abroad too).
    "home_actor_nouns": frozenset({"authorities", "militants", "police", "rebels",
                                   "separatists"}),
    #: "X is a city of ...": a place described, not an event at it.
    "copulas": frozenset({"is", "are", "was", "becomes"}),
    "description_nouns": frozenset({
        "capital", "centre", "center", "city", "country", "destination", "gem", "home", "hub",
        "jewel", "place", "port", "region", "resort", "town", "village",
    }),
    #: Labels opening a credit line ("CR Source: Radio X, Mogadishu, in Somali"): the places
    #: after them say where the report came from, not where its event happened.
    "credit_labels": frozenset({"source", "sources"}),
    #: The noun of "Kenya's capital", "the Malian capital", "the capital of Chad".
    "capital_nouns": frozenset({"capital"}),
    #: Before "capital": not the country's seat of government ("the provincial capital",
    #: "Kenya's economic capital").
    "capital_not_before": frozenset({
        "provincial", "province", "regional", "region", "state", "district", "county",
        "departmental", "ancient", "former", "old", "historic", "historical", "royal",
        "economic", "commercial", "financial", "business", "cultural", "religious", "spiritual",
        "summer", "winter", "de", "facto", "rebel", "tourist",
        "administrative", "northern", "southern", "eastern", "western",
    }),
    #: After "capital": the money sense ("capital punishment", "the capital markets").
    "capital_not_after": frozenset({
        "punishment", "gains", "gain", "markets", "market", "expenditure", "expenditures",
        "investment", "investments", "flight", "flows", "goods", "letters", "letter",
        "offence", "offences", "crime", "crimes", "case", "cases", "charge", "charges",
        "controls", "requirements", "ratio", "ratios", "injection", "account", "spending",
        "budget", "costs", "projects", "increase", "raising", "structure", "stock", "base",
    }),
}
AT = WORD_CLASSES["at"]
TO = WORD_CLASSES["to"]
FROM = WORD_CLASSES["from"]
