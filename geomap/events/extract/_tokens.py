"""Word tokens of a sentence and the small word classes the extraction rules use."""

from __future__ import annotations

import re
from typing import NamedTuple

from ...lang.en import ENGLISH

__all__ = ["Tok", "tokens"]

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[,;:“”\"()]")


class Tok(NamedTuple):
    """A word or clause punctuation of a sentence (a named tuple: made for every word of
    every sentence, ten times faster than a frozen dataclass)."""

    start: int
    end: int
    text: str
    low: str  # lower case, curly apostrophe straightened: what the word lists hold


_new_tok = tuple.__new__


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` (words and clause punctuation).
    Each token's lower-case form is made once here: the rules read it for every word."""
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        out.append(_new_tok(Tok, (m.start(), m.end(), word, word.lower().replace("’", "'"))))
    return out


# The English word classes of the extraction rules (the lists live in geomap.lang.en).
_W = ENGLISH.words
CLAUSE_OPENERS = _W("clause_openers")
AT = ENGLISH.prepositions["location"]
TO = ENGLISH.prepositions["destination"]
FROM = ENGLISH.prepositions["origin"]
FILLER = _W("filler")
MILITARY = _W("military")
DIPLOMATIC = _W("diplomatic")
PASSIVE_AUX = _W("passive_aux")
MODAL = _W("modal")
NEGATION = _W("negation")
PRONOUNS = _W("pronouns")
FUNCTION = _W("function")
SPEECH = _W("speech")
