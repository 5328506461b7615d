"""A country's capital named by its role: "Kenya's capital", "the Malian capital", "the capital
of Chad", "the capital" in a report about one country.

The geoparser finds no place in these phrases (or only the country), so a report of clashes "in
the Malian capital" would be placed on the whole of Mali. Here each phrase becomes a literal
mention of the capital city (the gazetteer's capital flag, :meth:`Gazetteer.capital`), spanning
the word "capital", so the evidence rules of :mod:`._where` see a town inside the country.

Not a capital city: a division's or another kind of capital ("the provincial capital",
"Kenya's economic capital"), the money sense ("capital punishment"), a capital named right
after the phrase ("the capital, Bangui": the name is there already), and a bare "the capital"
when the report's places lie in more than one country or in none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang.en import ENGLISH

__all__ = ["capital_places"]

_NOUNS = ENGLISH.words("capital_nouns")
_NOT_BEFORE = ENGLISH.words("capital_not_before")
_NOT_AFTER = ENGLISH.words("capital_not_after")
_CAPITAL = re.compile(r"\b(?:" + "|".join(sorted(_NOUNS)) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
#: What may stand between a country and "capital": a possessive, "the", spaces.
_POSSESSIVE = re.compile(r"\A(?:['’]s?)?\s+\Z")
_OF = re.compile(r"\s+(?:city\s+)?of\s+(?:the\s+)?")
_NAMED_AFTER = re.compile(r"\s*(?:city\s*)?,?\s*")


def capital_places(text: str, mentions: Sequence[Mention],
                   gazetteer: Gazetteer) -> list[Mention]:
    """Literal mentions of the capital cities that capital phrases of ``text`` name."""
    if not _CAPITAL.search(text):
        return []
    resolved = [m for m in mentions if m.place is not None]
    out: list[Mention] = []
    for match in _CAPITAL.finditer(text):
        a, b = match.span()
        if any(m.start < b and a < m.end for m in mentions):
            continue
        before = _WORD.findall(text[max(0, a - 30) : a])
        after = _WORD.findall(text[b : b + 30])
        if (before and before[-1].lower() in _NOT_BEFORE) or (
                after and after[0].lower() in _NOT_AFTER):
            continue
        if _named_after(text, b, resolved):
            continue
        iso = (_country_before(text, a, resolved, gazetteer) or _country_after(text, b, resolved)
               or _only_country(text, a, resolved))
        capital = gazetteer.capital(iso) if iso else None
        if capital is not None:
            out.append(Mention(a, b, text[a:b], capital, "literal", 0.5))
    return out


def _named_after(text: str, b: int, resolved: Sequence[Mention]) -> bool:
    """"the capital Damascus", "the capital, Bangui": the city is named right after."""
    gap = _NAMED_AFTER.match(text, b)
    at = gap.end() if gap else b
    return any(m.start == at and m.place.feature == "populated_place" for m in resolved)


def _country_before(text: str, a: int, resolved: Sequence[Mention],
                    gazetteer: Gazetteer) -> str | None:
    """"Kenya's capital", "the Somali capital", "the Malian capital" (a demonym the geoparser
    left out is looked up)."""
    for m in resolved:
        if m.end <= a and a - m.end <= 4 and _POSSESSIVE.match(text[m.end : a]):
            return m.place.country if m.place.feature == "country" else None
    word = re.search(r"(?<![\w.])([A-Z][^\W\d_]+)\s+\Z", text[max(0, a - 30) : a])
    if word is None:
        return None
    found = gazetteer.search(word.group(1), feature="country", limit=1, fuzzy=False)
    return found[0].place.country if found and found[0].match == "demonym" else None


def _country_after(text: str, b: int, resolved: Sequence[Mention]) -> str | None:
    """"the capital of Chad", "the capital city of the Central African Republic"."""
    of = _OF.match(text, b)
    if of is None:
        return None
    m = next((m for m in resolved if m.start == of.end()), None)
    return m.place.country if m is not None and m.place.feature == "country" else None


def _only_country(text: str, a: int, resolved: Sequence[Mention]) -> str | None:
    """A bare "the capital": the one country every place of the report lies in."""
    if not re.search(r"\bthe\s+\Z", text[max(0, a - 5) : a], re.IGNORECASE):
        return None
    countries = {m.place.country for m in resolved if m.role == "literal"}
    return next(iter(countries)) if len(countries) == 1 and None not in countries else None
