"""How common a word is in the other Latin-script languages geomap reads with the English rules
(French, Spanish, Portuguese, Italian, German, Dutch: see :func:`._detect.other_latin`).

Recognition asks how common a capitalised word is before it takes it for a name ("Matan a 14
policías": Spanish for "they kill", not Matane, Canada; "dans le Nord-ouest": not Haiti's
Nord-Ouest). In such a text the English frequency says nothing, so the word's highest Zipf
frequency over these languages (wordfreq, a dependency) counts too. wordfreq loads a language's
list on first use (about 0.25 s each), so only texts in those languages pay for it.
"""

from __future__ import annotations

import functools

__all__ = ["OTHER_LANGUAGES", "other_zipf"]

#: wordfreq codes of the languages :func:`._detect.other_latin` recognises by their words.
OTHER_LANGUAGES = ("es", "fr", "pt", "it", "de", "nl")


@functools.lru_cache(maxsize=1 << 15)
def other_zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` in :data:`OTHER_LANGUAGES` (0: unknown)."""
    import wordfreq

    w = word.lower().replace("’", "'")
    return max(wordfreq.zipf_frequency(w, code) for code in OTHER_LANGUAGES)
