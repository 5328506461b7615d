"""The geoparser's patterns for one language, compiled once from its word lists.

The words come from :class:`geomap.lang.Language`; this module only gives them the shape the
recognition rules need (a title right before a name, "Moscow said", "West Nile virus"...).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .._text import fold_key
from ..lang import Language

__all__ = ["Rules", "rules_for"]

_UPPER = "".join(sorted({c for c in map(chr, range(0x250)) if c.isupper()}
                        | {c for c in map(chr, range(0x370, 0x530)) if c.isupper()}))
UPPER_CLASS = "[" + re.escape(_UPPER) + "]"


def _alt(words, *, escape: bool = False) -> str:
    return "|".join(re.escape(w) if escape else w for w in words)


@dataclass(frozen=True, slots=True, eq=False)
class Rules:
    language: Language
    connectors: frozenset[str]
    token: re.Pattern[str]  # capitalised words, dotted abbreviations, connectors
    area_after: re.Pattern[str]  # a generic area word right after a name
    title_before: re.Pattern[str]  # "Defense Secretary |Lloyd Austin"
    honorific_before: re.Pattern[str]  # "Mr. |Walker"
    disease_after: re.Pattern[str]  # "West Nile| virus"
    metonymy_after: re.Pattern[str]  # "Moscow| has said"
    partner_before: re.Pattern[str]  # "talks with |Moscow"
    street_words: frozenset[str]
    # fold keys of names that are no places: organisations named by the word itself
    # ("Hamas", "Wagner") and weapon systems ("Iskander"), which GeoNames' alternate names spell
    not_places: frozenset[str] = frozenset()
    # "the Pokrovsk| axis", "the Kupiansk| and Lyman axes": a front sector named after a town
    sector_after: re.Pattern[str] = re.compile(r"(?!)")
    # "the Borova| hromada", "Kupianskyi| raion": a unit named after its town (group 1: the noun)
    division_after: re.Pattern[str] = re.compile(r"(?!)")


@functools.cache
def rules_for(lang: Language) -> Rules:
    """The compiled patterns of ``lang`` (cached: one compile per language and process)."""
    conn = lang.connectors
    # a token starts with a capital or a connector's first letter: testing that first lets
    # the scan skip every other position at once (about a fifth of the tokenising time)
    arts = lang.name_articles
    starts = "[" + re.escape(_UPPER + "".join(sorted({w[0] for w in conn | arts}))) + "]"
    token = re.compile(
        r"(?=" + starts + r")(?<![^\W\d_'’-])(?:(?:[A-Z][a-z]?\.){2,3}|" + UPPER_CLASS
        + r"[^\W\d_]*(?:[-'’][^\W\d_]+)*"
        # "al-Balah": an article, a hyphen and a capitalised word (tokenize: capitalised)
        + (r"|(?:" + _alt(sorted(arts, key=len, reverse=True)) + r")-" + UPPER_CLASS
           + r"[^\W\d_]*(?:[-'’][^\W\d_]+)*" if arts else "")
        + (r"|(?:" + _alt(sorted(conn, key=len, reverse=True)) + r")(?![^\W\d_])"
           if conn else "") + ")")
    # "the Kursk region"; "Kursk Region" (TASS, UCDP) for the area words that never end a name
    # of their own (lang word class titled_area_words)
    titled = [w[0].upper() + w[1:] for w in lang.words("titled_area_words")]
    area = re.compile(r"(?:\s+(?:" + _alt(sorted([*lang.area_words, *titled], key=len,
                                               reverse=True), escape=True) + r"))\b") \
        if lang.area_words else re.compile(r"(?!)")
    never = re.compile(r"(?!)")
    # the lookahead for the titles' first letters lets the search skip most of the window
    title = re.compile(
        r"(?=(?i:[" + re.escape("".join(sorted({t[0] for t in lang.titles}))) + r"]))\b(?i:"
        + _alt(lang.titles) + r")\s(?:[A-Z][\w'’-]*\.?\s)?$") if lang.titles else never
    honorific = re.compile(r"(?:" + _alt(lang.honorifics, escape=True) + r")\.?\s$") \
        if lang.honorifics else never
    disease = re.compile(r"[ -](?:" + _alt(lang.disease_words) + r")\b") \
        if lang.disease_words else never
    if lang.speech_verbs:
        metonymy = re.compile(
            r"^(?:\s*(?:,|" + _alt(lang.and_words) + r")\s+[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)*\s+"
            r"(?:(?:" + _alt(lang.speech_aux) + r")\s+)?"
            r"(?:" + _alt(lang.speech_verbs) + r")\b")
    else:
        metonymy = never
    partner = re.compile(r"\b(?:" + _alt(lang.partner_before) + r")\s$") \
        if lang.partner_before else never
    not_places = frozenset(fold_key(w) for w in (
        # an organisation named by its own word ("Hamas"), or one of no country ("Red
        # Cross", "Security Council": GeoNames has a Red Cross, North Carolina)
        *(k for k, (name, cc) in lang.organisations.items() if name.startswith(k) or
          cc is None),
        *lang.words("weapon_names")))
    fronts = lang.words("front_nouns")
    sector = re.compile(
        r"(?:\s*(?:,|" + _alt(lang.and_words or ("and",)) + r")\s+[A-Z][\w'’-]+)*\s+(?:"
        + _alt(sorted(fronts)) + r")\b") if fronts else re.compile(r"(?!)")
    units = lang.words("division_nouns")
    division = re.compile(r"\s{1,2}((?i:" + _alt(sorted(units, key=len, reverse=True))
                          + r"))\b") if units else re.compile(r"(?!)")
    return Rules(lang, conn, token, area, title, honorific, disease, metonymy, partner,
                 lang.street_words, not_places, sector, division)
