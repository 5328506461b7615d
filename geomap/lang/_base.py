"""The per-language interface: one :class:`Language` record of word lists per language.

Everything the geoparser and the event extractor know about a language lives in its module
(:mod:`geomap.lang.en`, ``uk``, ``ru``) as one ``Language`` value; the algorithms take the
record and never name a word of their own. Adding a language means one module that builds a
``Language`` and one line in :mod:`geomap.lang`'s registry.

Word lists are lower case unless a field says otherwise; tuples keep the order in which a
pattern built from them tries the words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Language", "Trigger"]

_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Trigger:
    """How a trigger word behaves (see :mod:`geomap.events.extract._lexicon`).

    ``move`` words carry an origin and a destination, ``dual`` words take their type from who
    moves, ``military`` words count only with troops in their subject or object, ``say`` words
    are statements, ``noun`` marks a noun entry.
    """

    type: str
    move: bool = False
    dual: bool = False
    military: bool = False
    say: bool = False
    noun: bool = False


def _no_stems(word_key: str) -> list[list[str]]:
    return []


def _identity(token: str) -> list[str]:
    return [token.lower()]


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity
class Language:
    """What geomap knows about one language (all fields but ``code`` and ``name`` optional)."""

    code: str  # ISO 639-1
    name: str
    #: wordfreq language of the common-word evidence (see Gazetteer.word_zipf), None: none
    wordfreq: str | None = None
    # -- recognition ---------------------------------------------------------------------------
    #: lower-case words that may stand inside a place name ("Isle of Man")
    connectors: frozenset[str] = frozenset()
    #: lower-case articles joined by a hyphen to the capitalised word after them inside a
    #: transliterated name ("Deir al-Balah", "Deir ez-Zor", "al-Mawasi"): one capitalised token
    name_articles: frozenset[str] = frozenset()
    #: generic words after a division's name that belong to the mention ("Kursk border region")
    area_words: tuple[str, ...] = ()
    #: words naming a kind of place -> feature class it implies ("oblast" -> "admin1")
    place_kinds: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    #: abbreviations of place names as written -> the full name ("РФ" -> "Російська Федерація");
    #: kept here, not in the gazetteer, where "РФ" would also match the Latin "RF"
    name_abbreviations: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    #: words placing an event near a place rather than in it ("near", "outskirts of")
    vicinity: tuple[str, ...] = ()
    #: lemmas and abbreviations that introduce a named street, square, river or island
    #: ("вулиця", "вул", "площадь", "річка"): such a name is a place even when the gazetteer
    #: cannot resolve it
    landmark_words: frozenset[str] = frozenset()
    #: street types after a name ("Dublin Road" is a street)
    street_words: frozenset[str] = frozenset()
    #: titles before a surname, any case ("coach Ripley", "Defense Secretary Lloyd Austin")
    titles: tuple[str, ...] = ()
    #: honorifics as written before a name ("Mr", "Gen", "Prime Minister"), a dot may follow
    honorifics: tuple[str, ...] = ()
    #: words after a place name that make it a disease's name ("West Nile virus")
    disease_words: tuple[str, ...] = ()
    #: verbs of speech after a capital that stands for its government ("Moscow said")
    speech_verbs: tuple[str, ...] = ()
    #: auxiliaries allowed between that capital and its verb ("has", "did not")
    speech_aux: tuple[str, ...] = ()
    #: words coordinating names before the verb ("Pyongyang and Moscow said")
    and_words: tuple[str, ...] = ()
    #: words before a capital that make it stand for its government ("talks with Moscow")
    partner_before: tuple[str, ...] = ()
    # -- events --------------------------------------------------------------------------------
    #: role -> prepositions: "location" (in, at), "destination" (to), "origin" (from)
    prepositions: Mapping[str, frozenset[str]] = field(default_factory=lambda: _EMPTY)
    #: trigger lemma -> how it behaves and its event type
    triggers: Mapping[str, Trigger] = field(default_factory=lambda: _EMPTY)
    #: trigger lemma -> the slot its direct object fills ("visit" -> "to", "shell" -> "at")
    direct_object: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    #: month names and abbreviations -> 1..12
    months: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    #: weekday names -> 0 (Monday) .. 6
    weekdays: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    #: relative day phrases -> (unit, offset): "yesterday" -> ("day", -1)
    relative_days: Mapping[str, tuple[str, int]] = field(default_factory=lambda: _EMPTY)
    #: number words -> value ("two" -> 2)
    numbers: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    #: language-specific demonyms and actor words -> ISO2 of the country (None: international)
    demonyms: Mapping[str, str | None] = field(default_factory=lambda: _EMPTY)
    #: organisation name as written -> (canonical name, ISO2 or None)
    organisations: Mapping[str, tuple[str, str | None]] = field(default_factory=lambda: _EMPTY)
    #: other named word classes the extraction rules use ("military", "negation", "filler"...)
    word_classes: Mapping[str, frozenset[str]] = field(default_factory=lambda: _EMPTY)
    #: word classes of free-form place queries, read by geomap.geocoding ("settlement", "part",
    #: "admin2", "admin1", "country" kind words; "vicinity", "direction", "street", "landmark",
    #: "function"); see geomap/lang/_en_places.py
    place_query: Mapping[str, frozenset[str]] = field(default_factory=lambda: _EMPTY)
    #: possible lemmas of a token, likeliest first (identity for English place lookup)
    lemmatise: Callable[[str], list[str]] = field(default=_identity, repr=False, compare=False)
    #: fold keys of the towns a district adjective (a fold key) may be named after, in groups,
    #: surest first ("kupianskyi" -> [["kupiansk"...], ...]; [] for any other word): read with
    #: the ``division_nouns`` word class ("Kupianskyi raion", "Sudzhansky district")
    district_stems: Callable[[str], list[list[str]]] = field(default=_no_stems, repr=False,
                                                       compare=False)

    def lemmas(self, token: str) -> list[str]:
        """Possible lemmas of ``token``, likeliest first."""
        return self.lemmatise(token)

    def words(self, name: str) -> frozenset[str]:
        """The word class ``name`` (empty when the language has none)."""
        return self.word_classes.get(name, frozenset())
