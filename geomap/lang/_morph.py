"""Morphology of Ukrainian and Russian words with pymorphy3 (loaded on first use).

pymorphy3 (with DAWG2's compiled word graph: about ten times faster than the pure-Python
fallback) and the OpenCorpora (ru) and LanguageTool (uk) dictionaries gives every reading of a
word form with its lemma and tags. Place names need every reading, not the first one: "Львові"
reads first as the surname "Львов", second as the city "Львів" (measured in ASSETS.md), so
callers try each lemma against the gazetteer. Analyses are cached per word form.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

__all__ = ["Reading", "adjective_nominative", "readings"]

#: Parts of speech that can name a place (nouns, and adjectives of "Херсонська область").
NAMING = frozenset({"NOUN", "ADJF", "UNKN", "LATN", None})


_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED", "ADVB", "VERB", "INFN",
                       "GRND", "PRTF", "PRTS", "COMP", "NUMR"})


_COMMON_LEMMA_TAGS = frozenset({"NOUN,inan", "NOUN,anim"})


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    pos: str | None
    geox: bool  # tagged as a geographic name (the Russian dictionary has the tag)
    name: bool  # a given name, surname or patronymic
    given: bool  # a given name
    function: bool  # a function word, verb, adverb, pronoun or numeral ("по", "эта", "были")
    known: bool  # in the dictionary (not guessed from the word's ending)
    #: a noun whose gender or number the dictionary gives per form, not per lemma: in the
    #: Ukrainian dictionary a common noun ("суд", "вікно"), where proper nouns ("Київ",
    #: "Одеса", "Карпати") carry theirs on the lemma (measured: 32 of 2,282 one-word
    #: Ukrainian GeoNames names read only so, mostly common words such as "Схід", "Річка")
    common: bool
    gender: str | None
    number: str | None
    case: str | None


@functools.cache
def _analyzer(code: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


@functools.lru_cache(maxsize=200_000)
def readings(code: str, word: str) -> tuple[Reading, ...]:
    """Every reading of ``word`` in language ``code`` ("uk" or "ru"), dictionary order."""
    out = []
    seen = set()
    for p in _analyzer(code).parse(word.replace("’", "'").replace("ʼ", "'")):
        t = p.tag
        g = t.grammemes
        r = Reading(p.normal_form, t.POS, "Geox" in g, bool({"Name", "Surn", "Patr"} & g),
                    "Name" in g, t.POS in _FUNCTION or bool({"Apro", "Anum"} & g),
                    len(p.methods_stack) == 1,  # the dictionary's own word, no guess
                    t.POS == "NOUN" and str(t).split(" ", 1)[0] in _COMMON_LEMMA_TAGS,
                    t.gender, t.number, t.case)
        if r not in seen:
            seen.add(r)
            out.append(r)
    return tuple(out)


@functools.lru_cache(maxsize=50_000)
def adjective_nominative(code: str, word: str, gender: str) -> tuple[str, ...]:
    """Nominative singular forms of ``word`` read as an adjective, in ``gender`` ("femn"...):
    "Херсонській", "femn" -> ("херсонська",)."""
    out: list[str] = []
    for p in _analyzer(code).parse(word.replace("’", "'").replace("ʼ", "'")):
        if p.tag.POS != "ADJF":
            continue
        f = p.inflect({gender, "nomn", "sing"}) or p.inflect({gender, "nomn"})
        if f is not None and f.word not in out:
            out.append(f.word)
    return tuple(out)
