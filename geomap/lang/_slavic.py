"""What Ukrainian and Russian share: lemmas from pymorphy3 (:mod:`._morph`) for every reading,
place-kind words and their abbreviations, and the builder of their :class:`Language` records."""

from __future__ import annotations

from types import MappingProxyType

from ._base import Language
from ._morph import GEOX, LEMMA, NAME, POS, readings

__all__ = ["slavic_language"]


def lemmatiser(code: str):
    """``lemmas(token)`` of a language: every reading's lemma, geographic and common-noun
    readings before given names and other parts of speech, the surface form first."""

    def lemmas(token: str) -> list[str]:
        low = token.lower()
        rs = readings(code, token)
        ranked = sorted(rs, key=lambda r: (not r[GEOX], r[NAME], r[POS] not in ("NOUN", None)))
        out = [low]
        for r in ranked:
            if r[LEMMA] not in out:
                out.append(r[LEMMA])
        return out

    return lemmas


def slavic_language(code: str, name: str, **fields) -> Language:
    """A Ukrainian or Russian record: pymorphy3 lemmas, the given word lists."""
    for k, v in list(fields.items()):
        if isinstance(v, dict):
            fields[k] = MappingProxyType(v)
    return Language(code=code, name=name, wordfreq=code, lemmatise=lemmatiser(code), **fields)


def triggers(spec: dict[str, str], **flags) -> dict:
    """{lemma: Trigger} from {type: "lemma lemma ..."}."""
    from ._base import Trigger

    return {w: Trigger(t, **flags) for t, words in spec.items() for w in words.split()}


def word_set(*chunks: str) -> frozenset[str]:
    """The words of some space-separated strings."""
    return frozenset(" ".join(chunks).split())
