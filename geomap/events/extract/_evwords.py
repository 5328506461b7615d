"""English words the event-location rules read (to move behind geomap.lang's interface)."""

from __future__ import annotations

#: Words that make a sentence describe an event even when no trigger was recognised
#: (harm, damage, violence): its places are evidence for where the report's event happened.
EVENT_WORDS = frozenset({
    "killed", "kills", "killing", "dead", "died", "dies", "death", "deaths", "wounded",
    "injured", "injuring", "injuries", "casualties", "casualty", "victim", "victims", "bodies",
    "body", "corpse", "corpses", "martyr", "martyrs", "martyred", "hostage", "hostages",
    "kidnapped", "abducted", "explosion", "explosions", "exploded", "blast", "blasts", "ablaze",
    "blaze", "burned", "burnt", "burning", "crater", "debris", "rubble", "damaged", "damage",
    "destroyed", "destruction", "aftermath", "shelling", "shelled", "airstrike", "airstrikes",
    "strike", "strikes", "struck", "hits", "attack", "attacks", "attacked", "bombing",
    "bombed", "bombardment", "gunfire", "gunmen", "shot", "shooting", "shootings", "clashes",
    "clash", "clashed", "fighting", "fought", "violence", "massacre", "ambush", "ambushed",
    "raid", "raids", "assault", "mortar", "mortars", "artillery", "grenade", "landmine",
    "executed", "execution", "murdered", "murder", "homicide", "beheaded", "tortured",
    "looted", "looting", "arson", "riot", "riots", "rioting", "protest", "protests",
    "protesters", "incident", "offensive", "captured", "seized", "overran", "repelled",
    "advanced", "evacuated", "displaced", "fled", "stormed", "detonated", "intercepted",
    "downed", "slain", "lifeless", "bombs", "bombings", "bombardments", "gunned", "remains",
    "assassinated", "assassination", "stabbed", "hanged", "lynched", "beaten", "raped",
    "killings", "executions", "shells", "rockets", "rocket", "missile", "missiles",
    "battle", "battles", "combat", "firefight", "skirmish", "skirmishes", "wounds",
    "wounding", "disappeared", "abduction", "kidnapping", "explosive", "ied", "suicide",
    "car-bomb", "gunshot", "gunshots", "crossfire", "sniper", "fire", "fired", "firing",
})

#: Words in a report's first line that mark a genre describing no single event.
FEATURE_MARKERS = frozenset({
    "analysis", "opinion", "explainer", "review", "feature", "comment", "commentary",
    "editorial", "interview", "profile", "obituary", "recipe", "podcast", "guide", "factbox",
    "q&a", "essay", "column", "letter", "travel", "history", "recipes",
})

#: Words that may stand in a bare "where" fragment besides place names ("near the village
#: of X, Y district"): such a fragment is location evidence for its report.
WHERE_WORDS = frozenset({
    "near", "in", "at", "on", "the", "of", "and", "outside", "around", "outskirts", "vicinity",
    "area", "areas", "village", "villages", "town", "city", "settlement", "district", "raion",
    "region", "oblast", "province", "county", "municipality", "governorate", "state", "between",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "km", "kilometres", "kilometers",
    "miles", "from", "direction", "suburb", "suburbs", "countryside", "rural",
    "village's", "neighbourhood", "neighborhood", "locality", "territory", "commune", "hamlet",
    "road", "highway", "checkpoint", "close", "to", "towards", "toward", "along",
    "frontline", "front", "line", "border", "oblast's", "community", "urban-type",
    "airport", "terminal", "station", "railway", "bridge", "mine", "plant", "base", "port",
    "market", "square", "monastery", "church", "mosque", "hospital", "school", "camp", "farm",
    "positions", "position", "part", "parts", "entrance", "exit", "junction", "crossroads",
    "outpost", "post", "dam", "river", "bank", "forest", "hills", "hill", "valley", "coast",
    "island", "lake", "city's", "town's", "by", "old", "new", "international",
})

#: Words after a place that make it an actor, not where something happened ("Kiev's forces",
#: "Moscow officials"); "pro-" and "anti-" before it do the same.
ACTOR_NOUNS = frozenset({
    "forces", "force", "troops", "army", "military", "officials", "official", "authorities",
    "government", "regime", "side", "command", "ministry", "militants", "rebels", "soldiers",
    "fighters", "gunmen", "cartel", "gang", "police", "separatists", "leaders", "leadership",
})

#: Words before a place that put an event near it rather than in it.
VICINITY_WORDS = frozenset({"near", "outside", "around", "outskirts", "vicinity", "north",
                            "south", "east", "west", "northeast", "northwest", "southeast",
                            "southwest", "km", "kilometres", "kilometers", "miles", "close",
                            "nearby", "edge", "suburb", "suburbs", "direction"})

#: English function words: a Latin-script text with few of them is in a language geomap has
#: no event words for, so it cannot tell an event report from a feature there.
FUNCTION_WORDS = frozenset({"the", "of", "in", "and", "to", "on", "by", "at", "for", "was",
                            "were", "is", "are", "with", "from", "after", "has", "have", "two",
                            "three", "near", "as", "an", "his", "their", "its", "he", "they"})

#: Nouns of facilities a town's name may stand before ("the Dnipro railway station").
FACILITY_NOUNS = frozenset({
    "station", "port", "airport", "airfield", "market", "hospital", "school", "university",
    "bridge", "dam", "plant", "refinery", "depot", "terminal", "stadium", "mall", "cathedral",
    "theatre", "theater", "square", "prison", "barracks", "factory", "mine", "substation",
    "hotel", "harbour", "harbor", "bazaar", "checkpoint",
})
#: Words that may stand between the name and the facility noun ("Dnipro railway station").
FACILITY_MODIFIERS = frozenset({
    "railway", "train", "bus", "river", "sea", "central", "power", "thermal", "nuclear", "oil",
    "fuel", "city", "regional", "main", "military", "air", "maternity", "drama", "hydroelectric",
    "international", "children's", "grain", "steel", "chemical", "coal", "metro",
})
