"""The trigger lexicon: word families that signal an event, keyed by lemma, and a lemmatiser.

Each entry maps a lemma to its unified event type (see :mod:`geomap.events.taxonomy`) and how the
word behaves: ``move`` words carry an origin and a destination ("departed for Russia"), ``dual``
words take their type from who moves (troops: mobilize; a delegation: consult), ``military``
words count only with troops in their subject or object ("sent troops", not "sent a letter"),
``say`` words are statements, counted only when a government or organisation speaks.
"""

from __future__ import annotations

from functools import lru_cache

from ...lang import Trigger as Entry
from ...lang.en import ENGLISH

__all__ = ["LEXICON", "NOUN_TOO", "Entry", "lemma_candidates", "lemma_of"]

#: The English trigger lexicon and word classes (the lists live in :mod:`geomap.lang.en`).
LEXICON = ENGLISH.triggers
NOUN_TOO = ENGLISH.words("noun_too")
NOT_TRIGGERS = ENGLISH.words("not_triggers")
lemma_candidates = ENGLISH.lemmatise


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked for every token
def lemma_of(word: str) -> tuple[str, Entry] | None:
    """(lemma, entry) of a trigger word, or None when ``word`` signals no event."""
    if word.lower() in NOT_TRIGGERS:
        return None
    for cand in lemma_candidates(word):
        entry = LEXICON.get(cand)
        if entry is not None:
            return cand, entry
    return None
