"""Ukrainian and Russian names the dictionaries and the gazetteer spell apart.

* A two-word name in Ukrainian whose gazetteer entry has only the Russian spelling ("Новому
  Осколі" -> "новий оскол"; GeoNames knows "Новый Оскол"): the phrase's nominative is looked
  up by its transliteration key too (:func:`phrase_rows`), where и / ы / й meet, for towns of
  the former Soviet Union only; a Ukrainian lemma with і where the name has о ("Льгові" ->
  льгів) by the о form (Льгов).
* An adjective in an oblique case that agrees with the capitalised noun after it ("Новому
  Осколі", "Старому Осколі") is the first word of a two-word name; alone it names nothing
  (:func:`name_head`).
* A word the Ukrainian dictionary does not know, which it guesses to be a surname by its
  ending ("Льгов"), is a place when the Russian dictionary knows it as one (Russian towns
  near the border, which Ukrainian news names, are in the Russian dictionary only):
  :func:`russian_place`.
* A plural name in an oblique case ("Великих Копанях") is looked up by its nominative plural
  (великі копані): :func:`plural_keys`.
* A hromada (community) named by its centre's adjective ("Нікопольська громада") is the
  centre town (:func:`community_towns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._text import fold_key, translit_key
from ..lang import Language
from ..lang._morph import (
    CASE,
    GENDER,
    GEOX,
    KNOWN,
    NUMBER,
    POS,
    adjective_nominative,
    plural_nominative,
    readings,
)
from ._cyrillic_axes import town_names
from ._cyrillic_rows import _EX_USSR
from ._spans import Span, Token

__all__ = ["community_towns", "name_head", "phrase_rows", "plural_keys", "possessive_nominative",
           "russian_place"]

#: Letters Russian does not write: a word with one is no Russian word.
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ'’ʼ]")


def phrase_rows(rows_for_keys: Callable, rows_for_translit_keys: Callable,
                translits: dict[str, str] | None = None) -> Callable[[set[str]], dict]:
    """A batch lookup (keys -> {key: rows}) that also answers a several-word key no name
    spells by the rows of its transliteration key, kept to towns of the former Soviet
    Union. ``translits`` (the caller's, kept across documents; restarted past
    :data:`TRANSLITS_SIZE`) remembers the keys' transliteration keys."""
    known = {} if translits is None else translits

    def translit(k: str) -> str:
        t = known.get(k)
        if t is None:
            if len(known) >= TRANSLITS_SIZE:
                known.clear()
            t = known[k] = translit_key(k, folded=True)
        return t

    def lookup(keys) -> dict:
        rows = rows_for_keys(keys)
        # (every word a word, not a preposition: "З Жовкви" is no name of two words)
        missing = {k: translit(k) for k in keys
                   if " " in k and k not in rows and min(map(len, k.split())) >= 3}
        # a Ukrainian lemma with і where its other cases have о ("Льгова" -> льгів): the
        # name the gazetteer spells with о (Льгов)
        vowel = {k: k[:-2] + "ov" for k in keys if k.endswith("iv") and " " not in k and
                 len(k) > 3 and k not in rows}
        if missing:
            _add(rows, missing, rows_for_translit_keys(set(missing.values())))
        if vowel:
            _add(rows, vowel, rows_for_keys(set(vowel.values())))
        return rows
    return lookup


#: Several-word keys whose transliteration keys a caller's memo keeps (then it restarts).
TRANSLITS_SIZE = 50_000


def _add(rows: dict, keys: dict[str, str], found: dict) -> None:
    """``rows[k]`` = the towns of the former Soviet Union ``found`` under ``keys[k]``."""
    for k, t in keys.items():
        got = [(kind, r) for kind, r in found.get(t, ()) if r[3] == "populated_place" and
               r[7] in _EX_USSR]
        if got:
            rows[k] = got


def name_head(lang: Language, text: str, tokens: list[Token], s: Span, rs) -> bool:
    """Whether a one-word span is an adjective in an oblique case agreeing with the
    capitalised noun right after it: the first word of a two-word name, no name alone."""
    oblique = [r for r in rs if r[POS] == "ADJF" and r[CASE] not in (None, "nomn", "voct")]
    if s.first != s.last or not oblique or any(r[GEOX] for r in rs) or \
            s.last + 1 >= len(tokens):
        return False
    nxt = tokens[s.last + 1]
    if not nxt.cap or text[s.end : nxt.start] != " ":
        return False
    return any(n[POS] == "NOUN" and n[CASE] == a[CASE] and
               (a[NUMBER] == "plur" or n[GENDER] == a[GENDER] or a[GENDER] is None)
               for n in readings(lang.code, nxt.text) for a in oblique)


def russian_place(lang: Language, word: str, rs) -> bool:
    """Whether a Ukrainian word the dictionary does not know is a place name the Russian
    dictionary knows ("Льгов")."""
    if lang.code != "uk" or any(r[KNOWN] for r in rs) or _UK_ONLY.search(word):
        return False
    return any(r[GEOX] and r[POS] == "NOUN" for r in readings("ru", word))


def community_towns(lang: Language, words: list[str], lemma: str) -> list[str]:
    """Town names (fold keys) of a community named by its centre's adjective before a word
    of the language's ``community_words`` ("Нікопольська громада" -> нікополь...)."""
    if len(words) != 1 or lemma not in lang.words("community_words"):
        return []
    forms = adjective_nominative(lang.code, words[0], "masc")
    return [k for k in map(fold_key, town_names(lang.code, forms[0])) if k] if forms else []


def plural_keys(code: str, words: list[str]) -> list[str]:
    """The nominative plural key of a name of adjectives and a plural noun in an oblique case
    ("Великих Копанях" -> великі копані; "Нових Санжарах" -> нові санжари), or none."""
    head = readings(code, words[-1])
    if not any(r[POS] == "NOUN" and r[NUMBER] == "plur" and r[CASE] != "nomn" for r in head) or \
            not all(any(r[POS] == "ADJF" and r[NUMBER] == "plur" for r in readings(code, w))
                    for w in words[:-1]):
        return []
    forms = []
    for w in words:
        form = plural_nominative(code, w.lower())
        if form is None:
            return []
        forms.append(form)
    return [fold_key(" ".join(forms))]


#: Case endings of a possessive adjective before a masculine or neuter noun -> its
#: nominative ending: Ukrainian -ів / -ин ("Часового Яру", "Бабиного Яру" -> "Часів Яр",
#: "Бабин Яр"), Russian -ов / -ев / -ин ("Часова Яра", "Часовом Яре" -> "Часов Яр"). The
#: dictionary reads such a word as a regular adjective (часовий, "of the clock").
_POSSESSIVE = {
    "uk": (("ового", "ів"), ("овому", "ів"), ("овим", "ів"), ("овім", "ів"),
           ("иного", "ин"), ("иному", "ин"), ("иним", "ин"), ("инім", "ин")),
    "ru": (("овым", "ов"), ("овом", "ов"), ("ова", "ов"), ("ову", "ов"), ("ове", "ов"),
           ("евым", "ев"), ("евом", "ев"), ("ева", "ев"), ("еву", "ев"), ("еве", "ев"),
           ("иным", "ин"), ("ином", "ин"), ("ина", "ин"), ("ину", "ин"), ("ине", "ин")),
}


def possessive_nominative(code: str, word: str) -> str | None:
    """The nominative of ``word`` read as a possessive adjective in an oblique case, or
    None: "Часового" -> "часів" (uk), "Часова" -> "часов" (ru)."""
    low = word.lower()
    if not low.endswith(_POSSESSIVE_ENDS.get(code, ())):
        return None
    for end, nom in _POSSESSIVE.get(code, ()):
        if low.endswith(end) and len(low) > len(end) + 1:
            return low[: -len(end)] + nom
    return None


_POSSESSIVE_ENDS = {code: tuple(end for end, _nom in ends) for code, ends in _POSSESSIVE.items()}
