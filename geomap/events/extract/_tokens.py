"""Word tokens of a sentence and the small word classes the extraction rules use."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang.en import ENGLISH

__all__ = ["Tok", "tokens"]

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[,;:“”\"()]")


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` (words and clause punctuation)."""
    return [Tok(m.start() + start, m.end() + start, m.group())
            for m in _WORD.finditer(text[start:end])]


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
