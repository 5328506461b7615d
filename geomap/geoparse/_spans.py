"""Recognition: candidate spans of proper names, looked up in the gazetteer in one batch.

A span is one to six word tokens that start and end with a capitalised token (Latin, Cyrillic,
Greek...), with lower-case connectors inside ("Bosnia and Herzegovina", "Isle of Man"). Every
such span's fold key is looked up at once; the longest spans that name a place win, left to
right. A division's name may be followed by a generic word in lower case ("the Kursk border
region"), which then belongs to the mention. Connectors and area words are the language's
(:mod:`geomap.lang`, compiled in :mod:`._rules`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .._text import article_fold, fold_key
from ..lang.en import ENGLISH
from ._rules import Rules, rules_for

__all__ = ["Span", "Token", "candidate_spans", "tokenize"]

MAX_TOKENS = 6
_EN = rules_for(ENGLISH)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool  # starts with an upper-case letter
    upper: bool  # every letter upper-case (and at least two letters)
    possessive: bool = False  # written with "'s", which ``text`` and ``end`` leave out


@dataclass(slots=True)
class Span:
    start: int
    end: int
    first: int  # token indexes, inclusive
    last: int
    key: str
    area: bool = False  # followed by a generic area word that was taken into the span
    rows: list | tuple = ()  # [(name kind, place row)]
    alts: list | tuple = ()  # other lookup keys (lemmas), likeliest first
    proper: list | tuple = ()  # the alts read as proper nouns, not names (Cyrillic)
    adjective: bool = False  # looked up as a district adjective's town ("Kupianskyi raion")


_POSSESSIVE = ("'s", "’s", "'S", "’S")


def tokenize(text: str, rules: Rules = _EN) -> list[Token]:
    """Capitalised words, dotted abbreviations and the language's connectors of ``text``."""
    out = []
    for m in rules.token.finditer(text):
        s, end = m.group(), m.end()
        if s.endswith(_POSSESSIVE) and len(s) > 2:  # "Ohio's" -> "Ohio"
            s, end = s[:-2], end - 2
        # a lower-case token with a hyphen is an article and a name ("al-Balah"): capitalised
        out.append(Token(m.start(), end, s, s[0].isupper() or "-" in s,
                         len(s) > 1 and s.isupper(), end != m.end()))
    return out


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    # "S. C.", "D. C.": spaced initials of an abbreviation; "C.African Republic": an initial
    # glued to its word; "People's Republic of China", "Martha's Vineyard": a possessive
    # inside a name
    return gap in (" ", "  ", "\u00a0") or (gap in (". ", ".") and len(a.text) == 1) or (
        a.possessive and gap[2:] == " ")


#: fold keys of tokens, shared by all documents (the same words recur)
_fold = functools.lru_cache(maxsize=1 << 16)(fold_key)


def candidate_spans(text: str, tokens: list[Token], rules: Rules = _EN) -> list[Span]:
    """Every capitalised span of up to :data:`MAX_TOKENS` tokens (not yet looked up)."""
    spans: list[Span] = []
    n = len(tokens)
    connectors = rules.connectors
    # joins[j]: token j may continue a span that reaches token j - 1
    joins = [False] * n
    for j in range(1, n):
        tj = tokens[j]
        joins[j] = (tj.cap or tj.text.lower() in connectors) and \
            _gap_ok(text, tokens[j - 1], tj)
    folds: list[str | None] = [None] * n
    for i in range(n):
        ti = tokens[i]
        if not ti.cap:
            continue
        parts: list[str] = []
        art = False
        j = i
        stop = min(n, i + MAX_TOKENS)
        while True:
            tj = tokens[j]
            f = folds[j]
            if f is None:
                f = folds[j] = _fold(tj.text)
            if j > i and tokens[j - 1].possessive:  # the name goes on past "People's"
                parts[-1] += "s"
            if f:
                parts.append(f)
                # "El Fasher", "Deir el Balah": the article folds as in the gazetteer's keys
                art = art or f == "el"
            if tj.cap and parts:
                key = " ".join(parts)
                spans.append(Span(ti.start, tj.end, i, j, article_fold(key) if art else key))
            j += 1
            if j >= stop or not joins[j]:
                break
    return spans


def area_extension(text: str, end: int, rules: Rules = _EN) -> int | None:
    """End offset of a generic area word right after ``end`` ("Kursk| border region")."""
    m = rules.area_after.match(text, end)
    return m.end() if m else None
