"""General evidence about text: sentence starts. (How common a word is in English comes from
the gazetteer index, :meth:`geomap.gazetteer.Gazetteer.word_zipf`, built from wordfreq.)"""

from __future__ import annotations

import re

__all__ = ["is_sentence_start"]

_SENT_END = re.compile(r"(?:[.!?:;…\"“”'’)\]]\s*|\n\s*|^\s*|[-–—•*]\s+)$")


def is_sentence_start(text: str, start: int) -> bool:
    """True when ``start`` begins a sentence, a line or a bullet (capitals there prove nothing)."""
    before = text[max(0, start - 4) : start]
    return bool(_SENT_END.search(before)) if before else True
