"""Front sectors named by a town's adjective: "на Покровському напрямку", "на Бахмутском
направлении" (the Pokrovsk axis, the Bakhmut axis). Ukrainian and Russian military reports
name the front this way; an analyst expects the town. The adjective's masculine nominative
gives the town's name by the usual ways the two languages derive adjectives from town names
("покровський" <- Покровськ, "бахмутський" <- Бахмут, "авдіївський" <- Авдіївка,
"курахівський" <- Курахове, "донецький" <- Донецьк); the first derived name the gazetteer
knows is the mention's key. The mention spans the adjective and the axis word, as a division
phrase does."""

from __future__ import annotations

import re

from .._text import fold_key
from ..lang import Language
from ..lang._morph import CASE, LEMMA, POS, adjective_nominative, readings

__all__ = ["axis_after", "best_first"]

_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_][\w'’ʼ-]*)")
#: Adjectives joined into one phrase ("на Покровському та Курахівському напрямках").
_CHAIN = re.compile(r"(?:\s?,\s{1,2}|\s+(?:и|і|та|й|або|или)\s+)([^\W\d_][\w'’ʼ-]*)")
#: Adjective endings (masculine nominative) -> the endings of the town names they come from,
#: likeliest first.
_DERIVATIONS = {
    "uk": (("цький", ("цьк", "ць")), ("зький", ("жжя", "зьк", "з")),
           ("ський", ("ськ", "", "ка", "е", "а"))),
    "ru": (("цкий", ("цк", "ц")), ("ский", ("ск", "", "ка", "о", "е", "а", "ье"))),
}
#: "курахівський" <- Курахове, "времевский" <- Времевка: Ukrainian writes -ів- where the
#: town's name has -ов-/-ев- ("Сватове"), Russian keeps the town's own vowel.
_IV = re.compile(r"(ів|їв)$")


def best_first(keys: list[str], rows) -> list[str]:
    """``keys`` with the one naming the most populous town of the former Soviet Union first
    ("курахівський": Kurakhove, not the village Kurakhivka); ``rows`` is the batch lookup's
    {key: [(name kind, place row)]}."""
    def size(k: str) -> int:
        return max((r[10] for _kind, r in rows.get(k, ()) if r[3] == "populated_place" and
                    r[7] in _TOWNS_IN), default=-1)
    best = max(keys, key=size)
    return [best, *(k for k in keys if k != best)] if size(best) >= 0 else keys


#: Where front sectors are named after towns.
_TOWNS_IN = frozenset({"UA", "RU", "BY", "MD", "GE", "AM", "AZ"})


def town_names(code: str, adjective: str) -> list[str]:
    """Town names an adjective (masculine nominative, lower case) may come from, likeliest
    first: "покровський" -> покровськ, покров, ...; "курахівський" -> ..., курахове."""
    out: list[str] = []
    for ending, towns in _DERIVATIONS.get(code, ()):
        if not adjective.endswith(ending) or len(adjective) <= len(ending) + 2:
            continue
        stem = adjective[: -len(ending)]
        for t in towns:
            out.append(stem + t)
        if code == "uk" and _IV.search(stem):  # курахів- <- Курахове, сватів- <- Сватове
            out.append(_IV.sub("ове", stem))
            out.append(_IV.sub("еве", stem))
        break
    return out


def axis_after(lang: Language, text: str, end: int, adjective: str
               ) -> tuple[int, list[str]] | None:
    """(end offset, keys of the town names) of a capitalised adjective before the axis word
    that agrees with it in case ("Покровському напрямку"), or before more adjectives and
    then the axis word in the plural ("Покровському та Курахівському напрямках": each
    adjective's span then ends at the adjective, as its own mention)."""
    axes = lang.words("axis_words")
    if not axes:
        return None
    pos = end
    while (c := _CHAIN.match(text, pos)) and c.group(1)[0].isupper():
        pos = c.end()
    chained = pos != end
    m = _NEXT_WORD.match(text, pos)
    if not m or not m.group(1)[0].islower() or \
            m.group(1)[:3] not in {w[:3] for w in axes}:  # cheap test before the dictionary
        return None
    nouns = [r for r in readings(lang.code, m.group(1)) if r[POS] == "NOUN" and r[LEMMA] in axes]
    if not nouns:
        return None
    adjs = [a for a in readings(lang.code, adjective) if a[POS] == "ADJF"]
    # (the case only: several adjectives share one plural noun, "напрямках")
    if adjs and not any(a[CASE] == n[CASE] for a in adjs for n in nouns):
        return None
    forms = adjective_nominative(lang.code, adjective, "masc")
    nominative = forms[0] if forms else _regular_nominative(adjective.lower())
    if not nominative:
        return None
    keys = [k for k in map(fold_key, town_names(lang.code, nominative)) if k]
    return ((end if chained else m.end(1)), keys) if keys else None


_OBLIQUE = re.compile(r"(ськ|цьк|ск|цк)(?:ому|ого|ім|им|ом)$")


def _regular_nominative(word: str) -> str | None:
    """The masculine nominative of an adjective the dictionary lacks, by its regular
    ending ("купянском" -> купянский, "вугледарському" -> вугледарський)."""
    m = _OBLIQUE.search(word)
    if not m:
        return None
    return word[: m.start()] + m.group(1) + "ий"
