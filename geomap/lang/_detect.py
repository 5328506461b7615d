"""Which language a text is in: English, Ukrainian or Russian, by script and letters.

Rule: a text whose letters are mostly Latin is English (the only Latin-script language geomap
has word lists for). A mostly Cyrillic text is Ukrainian when it uses more of the letters only
Ukrainian has (і ї є ґ) than of the letters only Russian has (ы э ъ ё), and Russian otherwise.
Every Ukrainian sentence of a few words has an і or є, every Russian one an ы or э, so the count
decides on anything longer than a headline; a few words without either (a bare "Херсон") go to
Russian, whose dictionary also knows most Ukrainian place names in the nominative.

Why a rule and not a library: on the dev corpora the rule labels all 391 Ukrainian (ner-uk) and
122 Russian (factRuEval) documents and every English geoparsing document correctly
(``benchmarks/bench_multilingual.py`` prints the figure), at several million characters a
second with nothing to load; lingua-language-detector would add ~100 MB of models for languages
geomap has no word lists for.
"""

from __future__ import annotations

import re

__all__ = ["detect_language"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
#: Characters of a text's start that decide (a language does not change mid-article).
SAMPLE = 20_000


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language: "en", "uk" or "ru" (empty text: "en")."""
    sample = text[:SAMPLE]
    cyr = len(_CYRILLIC.findall(sample))
    if cyr == 0 or cyr < len(_LATIN.findall(sample)):
        return "en"
    uk = len(_UK_ONLY.findall(sample))
    ru = len(_RU_ONLY.findall(sample))
    return "uk" if uk > ru else "ru"
