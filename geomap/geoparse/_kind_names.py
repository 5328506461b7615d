"""Names of a kind of place that the gazetteer does not hold, kept as unresolved mentions.

Settlements named after a settlement noun that the gazetteer does not know ("the village of
Lastochkyne", "villages including Lastochkyne and Sieverne"): kept as unresolved mentions,
so that a reader sees which places were named and not placed. The nouns and the words that
introduce the names come from the language (word classes ``settlement_nouns`` and
``settlement_links``); a language without them (Ukrainian and Russian mark such names by
their own kind words, :mod:`._cyrillic_landmarks`) gets none.

Natural features named before their noun ("the Stono River", "Apache Pass", "the Sinjar
Mountains", word class ``natural_feature_nouns``): the gazetteer holds no rivers or
mountains, so a name found inside one is a namesake, and the feature is kept unresolved
instead of a town of the same name (Stone, England for "the Stono River"); a division or a
country inside keeps its mention, as it holds the feature or part of it ("the Missouri
River", "the Jordan Valley")."""

from __future__ import annotations

import functools
import re

from ..lang import Language

__all__ = ["feature_named_spans", "kind_named_spans"]

#: A capitalised word of a name ("Lastochkyne", "Nju-York", "O'Hara").
_WORD = r"[^\W\d_][\w'’-]*"
_WORD_RE = re.compile(_WORD)
_SEP_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s+or\s+")
#: Names in a list after one noun ("villages such as A, B, C and D").
MAX_NAMES = 12
#: Words of one name.
MAX_WORDS = 3
#: How far after its noun a list word may stand, after a comma ("villages west of the town,
#: including X").
CLAUSE_CHARS = 60


@functools.lru_cache(maxsize=8)
def _scanner(nouns: frozenset[str], links: frozenset[str]) -> re.Pattern:
    alt = lambda ws: "|".join(re.escape(w).replace(r"\ ", r"\s+")  # noqa: E731
                              for w in sorted(ws, key=len, reverse=True))
    # "the village of X"; "villages west of the town, including X and Y" (the list word may
    # follow the noun within its clause)
    return re.compile(rf"\b(?:{alt(nouns)})(?:\s+|[^.;:!?\n]{{0,{CLAUSE_CHARS}}}?,\s+)"
                      rf"(?:{alt(links)})\s+(?=[^\W\d_])", re.IGNORECASE)


def _name_at(text: str, i: int, stop: frozenset[str], streets: frozenset[str]
             ) -> int | None:
    """The end of the capitalised name starting at ``i`` (up to MAX_WORDS words joined by
    single spaces), or None; a street's name ("Valley Road") is none."""
    end = last = None
    for _ in range(MAX_WORDS):
        m = _WORD_RE.match(text, i)
        if m is None or not m.group()[0].isupper() or m.group().casefold() in stop:
            break
        end, last = m.end(), m.group().casefold()
        if text[end : end + 1] != " ":
            break
        i = end + 1
    return None if last in streets else end


def kind_named_spans(text: str, lang: Language, taken: list[tuple[int, int]]
                     ) -> list[tuple[int, int]]:
    """Spans of the names introduced by a settlement noun that overlap none of ``taken``
    (the mentions found)."""
    nouns = lang.word_classes.get("settlement_nouns")
    links = lang.word_classes.get("settlement_links")
    if not nouns or not links:
        return []
    out: list[tuple[int, int]] = []
    stop = streets = frozenset()
    for n, m in enumerate(_scanner(nouns, links).finditer(text)):
        if n == 0:  # most texts name no settlement so: the word sets only when one does
            stop = frozenset({*lang.months, *lang.weekdays, "the", "a", "an"})
            streets = frozenset(w.casefold() for w in lang.street_words)
        i = m.end()
        for _ in range(MAX_NAMES):
            end = _name_at(text, i, stop, streets)
            if end is None:
                break
            if not any(a < end and i < b for a, b in taken):
                out.append((i, end))
            sep = _SEP_RE.match(text, end)
            if sep is None:
                break
            i = sep.end()
    return out


def _words_before(text: str, end: int, stop: frozenset[str]) -> int | None:
    """The start of the up to MAX_WORDS capitalised words ending at ``end`` (one space
    before the noun and between them), or None if there is none."""
    start = None
    i = end
    for _ in range(MAX_WORDS):
        if i < 2 or text[i - 1] != " ":
            break
        j = i - 1
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
            j -= 1
        word = text[j : i - 1]
        if not word or not word[0].isupper() or word.casefold() in stop:
            break
        start, i = j, j
    return start


@functools.lru_cache(maxsize=8)
def _noun_scanner(nouns: frozenset[str]) -> re.Pattern:
    alt = "|".join(sorted((n.capitalize() for n in nouns), key=len, reverse=True))
    return re.compile(rf"(?<= )(?:{alt})\b")


def feature_named_spans(text: str, lang: Language) -> list[tuple[int, int]]:
    """Spans of the natural features named before their noun ("Stono River"), noun included."""
    nouns = lang.word_classes.get("natural_feature_nouns")
    if not nouns:
        return []
    out: list[tuple[int, int]] = []
    stop = None
    for m in _noun_scanner(nouns).finditer(text):
        if stop is None:  # "From Grand River we returned": not part of the name
            stop = frozenset({*lang.months, *lang.weekdays, "the", "a", "an",
                              *lang.word_classes.get("stopwords", ())})
        start = _words_before(text, m.start(), stop)
        if start is not None:
            out.append((start, m.end()))
    return out
