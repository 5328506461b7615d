"""Languages: what geomap knows about each language, behind one interface.

>>> from geomap.lang import detect_language, get_language
>>> detect_language("Окупанти обстрілювали Херсон.")
'uk'
>>> get_language("en").prepositions["origin"]
frozenset({'from'})

:class:`Language` (see :mod:`._base`) holds a language's word lists; :func:`get_language`
returns the record of a code; :func:`detect_language` tells English, Ukrainian and Russian
apart from the text alone (see :mod:`._detect` for the rule and its measured accuracy);
:func:`detect` also notes a text in another language, read with the nearest rules.
"""

from __future__ import annotations

from ._base import Language, Trigger
from ._detect import Detection, detect, detect_language, language_fields
from .en import ENGLISH
from .ru import RUSSIAN
from .uk import UKRAINIAN

__all__ = ["LANGUAGES", "Detection", "Language", "Trigger", "detect", "detect_language",
           "get_language", "language_fields"]

_REGISTRY: dict[str, Language] = {"en": ENGLISH, "uk": UKRAINIAN, "ru": RUSSIAN}
#: Codes of the languages geomap has word lists for.
LANGUAGES = tuple(_REGISTRY)


def get_language(code: str) -> Language:
    """The :class:`Language` of an ISO 639-1 code ("en"); ValueError for an unknown code."""
    lang = _REGISTRY.get(code.lower())
    if lang is None:
        raise ValueError(f"unknown language {code!r}; expected one of {', '.join(LANGUAGES)}")
    return lang
