"""Word tokens of a sentence and the small word classes the extraction rules use."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Tok", "tokens"]

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[,;:“”\"()]")


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` (words and clause punctuation)."""
    return [Tok(m.start() + start, m.end() + start, m.group())
            for m in _WORD.finditer(text[start:end])]


#: Words that open a new clause: the subject of a trigger is never looked for before them.
CLAUSE_OPENERS = frozenset({
    "that", "who", "which", "where", "while", "although", "though", "because", "but", "whereas",
    "when", "after", "before", "since", "as", "if", "unless", ";", ":", "“", "\"", "(",
})
#: Prepositions whose object is where an event happened, started or ended.
AT = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "along", "on",
                "over", "within", "throughout", "off", "beyond", "behind", "between"})
TO = frozenset({"to", "toward", "towards", "into", "onto"})
FROM = frozenset({"from"})
#: Words that may stand between a preposition and its place ("in the northern Kursk region").
FILLER = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "northern", "southern", "eastern",
    "western", "central", "north", "south", "east", "west", "northeastern", "northwestern",
    "southeastern", "southwestern", "occupied", "border", "frontline", "front-line",
    "outskirts", "of", "town", "village", "city", "region", "province", "district", "area",
    "port", "capital", "key", "small", "strategic", "besieged", "embattled", "nearby",
    "settlement", "neighbouring", "neighboring", "russian-held", "ukrainian-held",
    "far", "closer", "close", "deep", "deeper", "back", "further", "farther", "far-eastern",
    "parts", "part", "areas", "regions", "towns", "villages", "cities", "oblast", "edge",
})
MILITARY = frozenset({
    "troops", "troop", "soldiers", "soldier", "forces", "force", "units", "unit", "personnel",
    "army", "armies", "battalion", "battalions", "brigade", "brigades", "division", "divisions",
    "fighters", "marines", "paratroopers", "warships", "warship", "ships", "jets", "aircraft",
    "mercenaries", "contingent", "contingents", "reinforcements", "military", "militants",
    "tanks", "artillery", "missiles", "drones", "infantry", "servicemen", "sailors", "navy",
    "generals", "commandos", "rebels", "insurgents", "militia", "militias", "convoy",
    "regiment", "regiments", "corps", "squadron", "fleet", "guerrillas", "gunmen",
})
DIPLOMATIC = frozenset({
    "delegation", "minister", "president", "envoy", "envoys", "diplomat", "diplomats",
    "ambassador", "official", "officials", "leader", "leaders", "secretary", "secretary-general",
    "chancellor", "premier", "fm", "king", "prime", "foreign", "delegates", "emissary",
    "negotiators", "mediators", "lawmakers", "senator", "she", "he", "her", "his", "choe",
    "counterpart", "vice", "mission", "spokesperson", "spokesman", "spokeswoman", "pope",
})
PASSIVE_AUX = frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get"})
MODAL = frozenset({"to", "will", "would", "could", "may", "might", "can", "should", "shall",
                   "plans", "plan", "planning", "intends", "expected", "likely", "possible",
                   "possibility", "ready", "threatened", "threatens", "considering", "on"})
NEGATION = frozenset({"not", "never", "no", "didn't", "don't", "doesn't", "haven't",
                      "hasn't", "won't", "wouldn't", "without", "denied", "denies", "denying"})
PRONOUNS = frozenset({"he", "she", "they", "it", "its", "his", "her", "their", "we"})
#: Words a subject may consist of and still be no subject of its own ("and were believed to
#: be heading"): the clause shares the previous clause's subject.
FUNCTION = frozenset({
    "and", "or", "were", "was", "is", "are", "be", "been", "being", "have", "has", "had",
    "also", "already", "then", "later", "to", "of", "not", "will", "would", "could", "may",
    "might", "can", "should", "do", "did", "does", "initially", "reportedly",
    "allegedly", "still", "now", "again", "since", "soon", "even", ",", "in", "on", "after",
})
#: Speech acts: their place is where they were said, never the place they talk about.
SPEECH = frozenset({"statement", "accuse", "reject", "request", "support", "threaten",
                    "concede"})
