"""Parse a free-form place query into tokens, parts and the name phrases they may hold.

"Kitchanga village (Masisi, North Kivu)" becomes three parts (the text between commas,
semicolons, colons, slashes and brackets): ``Kitchanga village`` / ``Masisi`` / ``North Kivu``.
Every run of up to :data:`MAX_NGRAM` tokens inside one part that neither starts nor ends with a
connector word ("of", "the", "near"...) is a phrase the gazetteer may know, except that a
capitalised article may open a name ("El Fasher", "La Paz", "Al Hasakah"). What the words
around a phrase say (kind, vicinity, street, landmark) is read by :func:`context_of`.

Hostile input is bounded here: control characters become spaces, and only the first
:data:`MAX_TOKENS` tokens are read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .._text import fold_key
from ..lang._district_adjectives import adjective_stems
from ._words import (
    CONNECTORS,
    DIRECTIONS,
    KIND_LEVEL,
    LANDMARKS,
    NAME_LINKS,
    STREET_PREFIX,
    STREETS,
    VICINITY,
    is_structure_word,
)

__all__ = ["MAX_NGRAM", "MAX_TOKENS", "Context", "Token", "adjective_stems", "context_of",
           "ngrams", "tokenize"]

#: Tokens of a query that are read; the rest of a 10,000-character query is ignored.
MAX_TOKENS = 80
#: Longest phrase looked up, in tokens ("Bosnia and Herzegovina", "San Vicente del Caguán").
MAX_NGRAM = 6
#: Longest phrase looked up, in characters.
MAX_PHRASE = 80
#: Capitalised articles that open place names ("El Fasher", "La Paz", "Le Havre", "The Hague").
#: Words that may stand between a name and its kind word ("Donetsk People's Republic",
#: "Crimea Autonomous Republic").
KIND_FILLERS = frozenset({"autonomous", "democratic", "people", "peoples", "popular"})
OPENING_ARTICLES = (NAME_LINKS | {"las", "les", "los"}) - {"and", "of", "on", "upon", "y"}

#: A word, or an abbreviation of single dotted letters ("D.C.", "U.S."), kept as one word.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+(?:['’\-][^\W_]+)*")
#: Characters that end a part of the query.
_HARD = set(",;:()[]{}/|#\"«»“”")
_DASH = re.compile(r"\s[-–—]\s|[–—]")
#: Abbreviations whose full stop does not end a part ("vul. Sadova", "No. 5").
_ABBREV = frozenset({"vul", "st", "ul", "no", "km", "pr", "prosp", "str", "mt", "ft", "dr",
                     "s", "m", "g", "pos", "obl", "r-n", "smt", "p"})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    key: str          #: fold key
    start: int
    end: int
    part: int         #: index of the query part (text between separators)
    upper: bool       #: starts with a capital letter (or a letter of a caseless script)


def clean(query: str) -> str:
    """The query with control and format characters as spaces."""
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in query)


def tokenize(query: str) -> list[Token]:
    """Word tokens with their part numbers (at most :data:`MAX_TOKENS`)."""
    text = clean(query)
    breaks = sorted({i for i, ch in enumerate(text) if ch in _HARD}
                    | {m.start() for m in _DASH.finditer(text)})
    out: list[Token] = []
    part = 0
    bi = 0
    prev_end = 0
    for m in _WORD.finditer(text):
        while bi < len(breaks) and breaks[bi] < m.start():
            if breaks[bi] >= prev_end:
                part += 1
            bi += 1
        gap = text[prev_end:m.start()]
        if out and "." in gap and out[-1].key not in _ABBREV:
            part += 1
        word, end = m.group(), m.end()
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":  # "Sagaing Town's"
            word, end = word[:-2], end - 2
        key = fold_key(word)
        if key:
            first = word[0]
            out.append(Token(word, key, m.start(), end, part,
                             first.isupper() or not first.islower()))
        prev_end = m.end()
        if len(out) >= MAX_TOKENS:
            break
    return out


def ngrams(tokens: list[Token], text: str):
    """(i, j, fold key) of every phrase tokens[i:j] worth looking up."""
    for i, first in enumerate(tokens):
        article = first.upper and first.key in OPENING_ARTICLES
        if first.key in CONNECTORS and not article:
            continue
        for j in range(i + 1 + article, min(i + MAX_NGRAM, len(tokens)) + 1):
            last = tokens[j - 1]
            if last.part != first.part:
                break
            if last.key in CONNECTORS:
                continue
            if j - i == 1 and (is_structure_word(first.key) or first.key.isdigit()):
                continue
            if last.end - first.start > MAX_PHRASE:
                break
            yield i, j, fold_key(text[first.start:last.end])


@dataclass(frozen=True, slots=True)
class Context:
    """What the words around a phrase say about it."""

    level: str | None = None     #: "settlement", "part", "admin2", "admin1", "country"
    near: bool = False           #: a vicinity or compass word governs it
    street: bool = False         #: it names a street
    landmark: bool = False       #: it names a landmark (airport, university...) of the place


def context_of(tokens: list[Token], i: int, j: int) -> Context:
    """Read the words right after tokens[i:j] and before it (within its part, skipping
    connectors) for kind, vicinity, street and landmark words."""
    part = tokens[i].part
    level = None
    street = landmark = near = False
    # after: "Lebedyn town", "Gulu University", "Kyiv outskirts", "Popasna district"
    k = j
    while k < len(tokens) and tokens[k].part == part and k < j + 3:
        key = tokens[k].key
        if key in KIND_LEVEL and level is None:
            level = KIND_LEVEL[key]
        elif key in STREETS:
            street = True
            break
        elif key in LANDMARKS:
            landmark = True
            break
        elif key in VICINITY:  # "Kyiv outskirts", not "Halhul near Hebron"
            nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].part == part else None
            near = near or nxt is None or (nxt.key in CONNECTORS and nxt.key != "of")
        elif key not in KIND_LEVEL and not (key in KIND_FILLERS and level is None):
            break
        k += 1
    # before: "the village of X", "near X", "north of X", "outskirts of the city of X"
    k = i - 1
    while k >= 0 and tokens[k].part == part and k >= i - 6:
        key = tokens[k].key
        if key in VICINITY or key in DIRECTIONS:
            near = True
        elif key in KIND_LEVEL:
            if level is None and (k == i - 1 or tokens[k + 1].key in CONNECTORS):
                level = KIND_LEVEL[key]
        elif key in STREET_PREFIX and k == i - 1:
            street = True
        elif key not in CONNECTORS:
            break
        k -= 1
    return Context(level, near, street, landmark)
