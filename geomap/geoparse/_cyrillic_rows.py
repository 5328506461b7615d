"""Which gazetteer rows a Ukrainian or Russian word may name: no small place abroad reached
only by transliteration, no foreign place through a common noun or a person's name, no Latin
abbreviation through a Cyrillic acronym, no village through a given name said alone
(:func:`keep_rows`); and which of a word's keys to resolve, the form as written or a proper
noun's lemma (:func:`lookup_key`). Every test reads pymorphy3's readings
(:mod:`geomap.lang._morph`)."""

from __future__ import annotations

import functools
import re

from .._text import fold_key
from ..lang import Language
from ..lang._morph import CASE, COMMON, GEOX, GIVEN, KNOWN, LEMMA, NAME, POS, readings
from ._cyrillic_context import deconfuse, previous_word
from ._spans import Span

__all__ = ["keep_rows", "lookup_key"]

#: Populated places outside the former Soviet Union smaller than this are not taken for a
#: Cyrillic word (Russian and Ukrainian news name such places rarely, and write them in
#: their own Cyrillic form, which GeoNames has for the larger ones).
SMALL_FOREIGN = 15_000
#: A Cyrillic common noun ("Бої", battles) names a place outside the former Soviet Union
#: only if it is at least this large ("Рим" is also a rhyme, but Rome is far larger).
COMMON_FOREIGN = 100_000
_EX_USSR = frozenset({"UA", "RU", "BY", "MD", "KZ", "GE", "AM", "AZ", "UZ", "KG", "TJ", "TM",
                      "LT", "LV", "EE"})


def _common_word(lang: Language, rs) -> bool:
    """A dictionary word that reads as common nouns (most readings, Ukrainian; no Geox tag,
    Russian) and never as a name: "Бої", "Дом", not "Париж", "Лондон"."""
    if not rs or not all(r[POS] == "NOUN" and r[KNOWN] and not r[GEOX] and not r[NAME]
                         for r in rs):
        return False
    return lang.code != "uk" or 2 * sum(r[COMMON] for r in rs) > len(rs)


def _proper_keys(code: str, rs) -> set[str]:
    """Lemma keys of the readings that are proper nouns and no person's name: Geox
    (Russian), a lemma-level gender (Ukrainian, see _morph.COMMON)."""
    return {fold_key(r[LEMMA]) for r in rs if r[POS] == "NOUN" and not r[NAME] and (
        r[GEOX] or (code == "uk" and r[KNOWN] and not r[COMMON]))}


def lookup_key(s: Span, rows: dict) -> str:
    """The key of ``s`` to resolve: the form as written, unless a proper-noun lemma
    (:attr:`Span.proper`; not a person's name: "Роману" stays the man) names a larger town
    ("Львове": the city Lviv, not the village Lvove its locative spells)."""
    def size(k: str) -> int:  # towns against towns: an oblast of the same name is no rival;
        # abroad, only a large one (the dictionary's proper nouns include "тол", TNT: Tolú)
        return max((r[10] for _k, r in rows.get(k, ()) if r[3] == "populated_place" and (
            r[7] in _EX_USSR or r[10] >= COMMON_FOREIGN)), default=-1)

    if any(r[3] == "country" for _k, r in rows.get(s.key, ())):
        return s.key  # "Ливан" is Lebanon as written, not Līvāni through a lemma ливаны
    # a country's name in an oblique case ("Лівану", "Судану") is the country, not a
    # place abroad its form as written spells by transliteration ("Livanu", Līvāni); so is
    # a river's, sea's or region's named in Cyrillic ("Рейне": the Rhine, not Reine, Norway),
    # unless the form as written names a division or a town of the former Soviet Union
    country = next((k for k in s.proper if any(r[3] == "country" for _k, r in rows.get(k, ()))),
                   None)
    if country is None and not any(r[3] in ("admin1", "admin2") or r[7] in _EX_USSR
                                   for _k, r in rows.get(s.key, ())):
        country = next((k for k in s.proper
                        if any(r[3] == "region" for _k, r in rows.get(k, ()))), None)
    if country is not None:
        return country
    own = size(s.key) if s.key in rows else -1
    # the first lemma (the dictionary's likelier reading) that does: "Римі" is Rome (рим),
    # not Lima (рима, "Rima")
    return next((k for k in s.proper if size(k) > own), s.key)


def _other_word(lang: Language, rs) -> bool:
    """A word the dictionary also knows as something else than a place: a given name or
    surname ("Роман", "Ігор", "Мартіна") or a common noun ("Доля", "Думка"; Ukrainian: see
    _morph.COMMON, Russian: a known noun without the Geox tag)."""
    if any(r[GEOX] for r in rs):
        return False
    return any(r[POS] == "NOUN" and (r[NAME] or (r[KNOWN] and (
        r[COMMON] if lang.code == "uk" else True))) for r in rs)


def _common_lemmas(lang: Language, rs) -> set[str]:
    """Keys of the lemmas that only common nouns have ("друг"; not "рим", also a proper
    noun, nor a name the language lists as proper, "америка")."""
    proper = {r[LEMMA] for r in rs if r[GEOX] or r[NAME] or (
        lang.code == "uk" and r[KNOWN] and not r[COMMON])} | lang.words("proper_nouns")
    return {fold_key(r[LEMMA]) for r in rs if r[POS] == "NOUN" and r[KNOWN] and not r[GEOX] and
            not r[NAME] and (r[COMMON] or lang.code != "uk") and r[LEMMA] not in proper}


@functools.lru_cache(maxsize=8)
def _fold_keys(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words)


#: A word that reads as a given name names a town (not the person) only with a preposition or
#: a kind word before it, unless the town is at least this large.
GIVEN_NAME_TOWN = 50_000
#: Settlement kind words and abbreviations right before a name ("с. Марка", "села Олена").
_KIND_BEFORE = re.compile(r"(?:\b(?:м|с|смт|сел|г|п|пос|пгт|д)\s?\.?\s{1,2}|\b(?:місто|міста|"
                          r"місті|село|села|селі|селище|селища|город|города|городе|"
                          r"поселок|посёлок|поселка|деревня|деревни)\s)$")


def _given_name_alone(lang: Language, rs, rows: list, before: str) -> bool:
    """A given name the dictionary knows, with no preposition or kind word in ``before`` (the
    text before it), is the person, not a village or small town it also spells ("дружина
    Олена", "бабі Галі"; "з Марією", with Maria, in the instrumental; "у Романові", "с.
    Олена" stay places): villages are named with a preposition or a kind word before them."""
    if not any(r[GIVEN] and r[KNOWN] for r in rs) or any(r[GEOX] for r in rs):
        return False
    if not rows or any(r[3] != "populated_place" or r[10] >= GIVEN_NAME_TOWN for _k, r in rows):
        return False
    if _KIND_BEFORE.search(before[-12:]):
        return False
    prev = previous_word(before, len(before), 12, dot=False)
    if prev and prev[1].lower() in lang.words("companion_prepositions") and \
            any(r[GIVEN] and r[CASE] == "ablt" for r in rs):
        return True  # "з Марією": with Maria
    return not (prev and any(r[POS] == "PREP" for r in readings(lang.code, prev[1])))


def keep_rows(lang: Language, word: str, rows: list, *, opening: bool = False,
              key: str | None = None, before: str | None = None) -> list:
    """The candidates a Cyrillic span may name: an acronym in capitals ("ТМА") only countries
    and abbreviations ("США"); no small place (under :data:`SMALL_FOREIGN` people) outside
    the former Soviet Union, which a Cyrillic word reaches only by transliteration ("Завод",
    Závod); nor one under :data:`COMMON_FOREIGN` that a common noun or a person's name
    spells ("Бої", Voi; "Роман", Roman in Romania); and, for a word ``opening`` a sentence
    that also reads as such a word ("Вікно було відчинене", "Доля вела"), no village
    anywhere (a capital there is no evidence of a name). A place abroad is never reached
    through the lemma ``key`` of a common noun ("Друзі" -> друг, "drug": Durg in India)."""
    plain = deconfuse(word)
    written = fold_key(plain)  # the key of the form as written
    if key is not None and key != written and \
            key in _fold_keys(lang.words("institution_nouns")):
        return []  # "Ставку": the Stavka (ставка), not a village once called so
    # (an abbreviation the language defines, "ДНР", names what its full name names)
    upper = len(word) > 1 and word.isupper() and word not in lang.name_abbreviations
    rs = readings(lang.code, plain)
    if before is not None and _given_name_alone(lang, rs, rows, before):
        return []
    common = _common_word(lang, rs)
    other = common or _other_word(lang, rs)
    via_common = key is not None and key != written and key in _common_lemmas(lang, rs)
    # (not "Кракові", also a form of the proper noun краків besides the common крак)
    inflected = common and (key is None or key == written) and \
        written not in {fold_key(r[LEMMA]) for r in rs} and \
        not {r[LEMMA] for r in rs if r[GEOX] or (lang.code == "uk" and not r[COMMON])} - \
        {r[LEMMA] for r in rs if r[COMMON]}
    # a country's own name ("Мальта") names the country, not its units that bear the name
    # only as an alternate (Maltese councils, "Malta")
    own = {r[7] for k, r in rows if k == "name" and r[3] == "country"}
    out = []
    for kind, row in rows:
        feature, cc, pop = row[3], row[7], row[10]
        if own and kind == "alt" and cc in own and feature in ("admin1", "admin2"):
            continue
        if via_common and cc not in _EX_USSR and feature != "region":
            continue
        if upper and feature != "country" and (kind not in ("abbr", "dotted") or
                                               cc not in _EX_USSR):
            continue  # a Latin abbreviation abroad ("KP", "AR") is no Cyrillic acronym's
            # transliteration: "КП" is a municipal enterprise, "АР" an autonomous republic
        if inflected and kind == "alt" and cc not in _EX_USSR and feature != "region":
            continue  # an inflected common noun spells a foreign name only by
            # transliteration: "Сили" (forces, of сила) is "Sili", an alternate name of Chile
        if other and pop < COMMON_FOREIGN and cc not in _EX_USSR and feature != "region":
            continue  # "Бої" (battles) spells Voi, Kenya, only in transliteration (the
            # regions, rivers and seas geomap names itself are no transliteration accident:
            # "Прут" is also a rod)
        if feature == "populated_place" and pop < SMALL_FOREIGN and (
                cc not in _EX_USSR or (opening and other)):
            continue
        out.append((kind, row))
    # every row kept: the list given (the gazetteer's, the same object whenever the name
    # recurs), by which the recogniser's memos of a name's candidates know its rows
    return rows if len(out) == len(rows) else out
