"""Recognition: candidate spans of proper names, looked up in the gazetteer in one batch.

A span is one to six word tokens that start and end with a capitalised token (Latin, Cyrillic,
Greek...), with lower-case connectors inside ("Bosnia and Herzegovina", "Isle of Man"). Every
such span's fold key is looked up at once; the longest spans that name a place win, left to
right. A division's name may be followed by a generic word in lower case ("the Kursk border
region"), which then belongs to the mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._text import fold_key

__all__ = ["Span", "Token", "candidate_spans", "tokenize"]

_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "des", "el", "al", "the", "and",
                         "da", "do", "dos", "das", "di", "upon", "on", "am", "an", "der", "y"})
_UPPER = "".join(sorted({c for c in map(chr, range(0x250)) if c.isupper()}
                        | {c for c in map(chr, range(0x370, 0x530)) if c.isupper()}))
_UPPER_CLASS = "[" + re.escape(_UPPER) + "]"
# Only the words that can make or border a name are tokens: capitalised words (dotted
# abbreviations such as "U.S." and "W.Va." as one token) and the lower-case connectors that
# may stand inside a name. Skipping the other words keeps tokenising cheap.
_TOKEN = re.compile(
    r"(?<![^\W\d_'’-])(?:(?:[A-Z][a-z]?\.){2,3}|" + _UPPER_CLASS
    + r"[^\W\d_]*(?:[-'’][^\W\d_]+)*|(?:" + "|".join(sorted(_CONNECTORS, key=len, reverse=True))
    + r")(?![^\W\d_]))"
)
MAX_TOKENS = 6
AREA_WORDS = ("border region", "border regions", "region", "oblast", "province", "area",
              "governorate", "state", "county", "district", "krai", "republic", "parish",
              "prefecture", "regions", "oblasts", "provinces")
_AREA_AFTER = re.compile(r"(?:\s+(?:" + "|".join(
    re.escape(w) for w in sorted(AREA_WORDS, key=len, reverse=True)) + r"))\b")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool  # starts with an upper-case letter
    upper: bool  # every letter upper-case (and at least two letters)


@dataclass(slots=True)
class Span:
    start: int
    end: int
    first: int  # token indexes, inclusive
    last: int
    key: str
    area: bool = False  # followed by a generic area word that was taken into the span
    rows: list = field(default_factory=list)  # [(name kind, place row)]


_POSSESSIVE = ("'s", "’s", "'S", "’S")


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        s, end = m.group(), m.end()
        if s.endswith(_POSSESSIVE) and len(s) > 2:  # "Ohio's" -> "Ohio"
            s, end = s[:-2], end - 2
        out.append(Token(m.start(), end, s, s[0].isupper(), len(s) > 1 and s.isupper()))
    return out


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    # "S. C.", "D. C.": spaced initials of an abbreviation
    return gap in (" ", "  ", "\u00a0") or (gap == ". " and len(a.text) == 1)


def candidate_spans(text: str, tokens: list[Token]) -> list[Span]:
    """Every capitalised span of up to :data:`MAX_TOKENS` tokens (not yet looked up)."""
    spans: list[Span] = []
    n = len(tokens)
    folds: list[str | None] = [None] * n
    for i in range(n):
        if not tokens[i].cap:
            continue
        j = i
        parts: list[str] = []
        while j < n and j - i < MAX_TOKENS:
            tj = tokens[j]
            if j > i:
                if not _gap_ok(text, tokens[j - 1], tj):
                    break
                if not tj.cap and tj.text.lower() not in _CONNECTORS:
                    break
            f = folds[j]
            if f is None:
                f = folds[j] = fold_key(tj.text)
            if f:
                parts.append(f)
            if tj.cap and parts:
                spans.append(Span(tokens[i].start, tj.end, i, j, " ".join(parts)))
            j += 1
    return spans


def area_extension(text: str, end: int) -> int | None:
    """End offset of a generic area word right after ``end`` ("Kursk| border region")."""
    m = _AREA_AFTER.match(text, end)
    return m.end() if m else None
