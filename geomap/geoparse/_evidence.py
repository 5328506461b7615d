"""General evidence about words: how common a word is in English (wordfreq), sentence starts."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["is_sentence_start", "zipf"]

_SENT_END = re.compile(r"(?:[.!?:;\"“”'’)\]]\s*|\n\s*|^\s*|[-–—•*]\s+)$")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (lower-cased) in English: 7 for "the", 0 for unknown words."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def is_sentence_start(text: str, start: int) -> bool:
    """True when ``start`` begins a sentence, a line or a bullet (capitals there prove nothing)."""
    before = text[max(0, start - 4) : start]
    return bool(_SENT_END.search(before)) if before else True
