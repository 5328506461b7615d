"""The trigger lexicon: word families that signal an event, keyed by lemma, and a lemmatiser.

Each entry maps a lemma to its unified event type (see :mod:`geomap.events.taxonomy`) and how the
word behaves: ``move`` words carry an origin and a destination ("departed for Russia"), ``dual``
words take their type from who moves (troops: mobilize; a delegation: consult), ``military``
words count only with troops in their subject or object ("sent troops", not "sent a letter"),
``say`` words are statements, counted only when a government or organisation speaks.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LEXICON", "NOUN_TOO", "Entry", "lemma_of"]


@dataclass(frozen=True, slots=True)
class Entry:
    type: str
    move: bool = False
    dual: bool = False
    military: bool = False
    say: bool = False
    noun: bool = False


def _entries(type_: str, words: str, **flags) -> dict[str, Entry]:
    return {w: Entry(type_, **flags) for w in words.split()}


LEXICON: dict[str, Entry] = {
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
    **_entries("retreat", "withdraw retreat evacuate"),
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
    "flew": "fly", "flown": "fly", "met": "meet", "left": "leave", "went": "go", "gone": "go",
    "said": "say", "told": "tell", "led": "lead", "held": "hold", "hit": "hit", "came": "come",
    "began": "begin", "withdrew": "withdraw", "withdrawn": "withdraw", "overran": "overrun",
    "underwent": "undergo", "brought": "bring", "made": "make", "took": "take",
    "taken": "take", "saw": "see", "seen": "see", "drove": "drive", "ran": "run",
}

#: Words that look like an inflected trigger but are not one.
NOT_TRIGGERS = frozenset({
    "ships", "shipping", "states", "statement", "statements", "heads", "head", "leader",
    "leaders", "leaves", "left", "strikes", "hits", "claims", "trained", "training", "trains",
    "masses", "mass", "visits", "deals", "dealing", "shells", "bombs", "stations", "station",
    "rallies", "fires", "deliveries", "fighters", "attackers", "bombers", "killer", "killers",
    "shooter", "protesters", "supplier", "suppliers", "stating", "state",
})


def lemma_candidates(word: str) -> list[str]:
    """Possible lemmas of a lower-case word, most likely first."""
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


def lemma_of(word: str) -> tuple[str, Entry] | None:
    """(lemma, entry) of a trigger word, or None when ``word`` signals no event."""
    if word.lower() in NOT_TRIGGERS:
        return None
    for cand in lemma_candidates(word):
        entry = LEXICON.get(cand)
        if entry is not None:
            return cand, entry
    return None
