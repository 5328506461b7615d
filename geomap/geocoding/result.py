"""The result of one geocoding query, shared by the offline and online geocoders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..places import Place

__all__ = ["GEO_PRECISIONS", "MATCH_KINDS", "GeocodeResult", "Geocoder"]

#: How a query matched; ``None`` when not found.
MATCH_KINDS: tuple[str, ...] = (
    "exact", "alternate_name", "transliterated", "fuzzy", "demonym", "service", "coordinates",
)

#: How sure an answer's name match is, by match kind: the place's own name or a known
#: variant, a transliteration that only collapses to it ("Kremena" for "Kremenna"), a typo away;
#: a coordinate pair is the point itself.
MATCH_CONFIDENCE = {"exact": 1.0, "alternate_name": 0.95, "demonym": 0.9, "service": 0.8,
                    "transliterated": 0.7, "fuzzy": 0.5, "coordinates": 1.0}
#: A typo away from a place that no other part of the query supports: on bare names of places
#: the gazetteer lacks, such guesses land on another continent about nine times in ten (UCDP
#: world strings); with another part agreeing, a typo match keeps the "fuzzy" confidence.
GUESS_CONFIDENCE = 0.2

#: What an answer's point stands for (the event table's vocabulary).
GEO_PRECISIONS: tuple[str, ...] = ("exact", "near", "admin2", "admin1", "country", "unknown")
_FEATURE_PRECISION = {"populated_place": "exact", "admin2": "admin2", "admin1": "admin1",
                      "region": "admin1", "country": "country", "other": "exact"}


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """One query's answer. ``place`` is None when nothing was found."""

    query: str
    place: Place | None
    match: str | None = None
    suggestions: tuple[str, ...] = field(default=())
    source: str = "gazetteer"
    #: One of :data:`GEO_PRECISIONS`; by default read from the place's feature class.
    geo_precision: str | None = None
    #: The part of the query that was resolved ("Lebedyn" of "Lebedyn, Sumy Oblast").
    matched_text: str | None = None
    #: Names in the query more specific than the answer that no known place has.
    unresolved: tuple[str, ...] = field(default=())
    #: The answer is a typo guess that nothing else in the query supports ("Tamboul" ->
    #: Istanbul): its confidence is :data:`GUESS_CONFIDENCE`.
    guess: bool = False
    #: The answer is only the first words of a longer name the gazetteer does not know
    #: ("Malaya" of "Malaya Loknya", listed in ``unresolved``): its confidence is halved.
    partial: bool = False
    #: How the query was read, when that needs saying (a coordinate pair's order).
    note: str | None = None
    #: For a coordinate query: the nearest gazetteer town (name, country, admin1, distance_km..).
    nearest: dict[str, Any] | None = None

    @property
    def precision(self) -> str:
        if self.place is None:
            return "unknown"
        return self.geo_precision or _FEATURE_PRECISION.get(self.place.feature, "exact")

    @property
    def confidence(self) -> float | None:
        """How sure the name match is (:data:`MATCH_CONFIDENCE`); None when not found."""
        if self.place is None:
            return None
        if self.guess:
            return GUESS_CONFIDENCE
        conf = MATCH_CONFIDENCE.get(self.match or "exact", 0.5)
        return conf * 0.5 if self.partial else conf

    @property
    def found(self) -> bool:
        return self.place is not None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON object of ``geomap geocode --json``."""
        p = self.place
        return {
            "query": self.query,
            "name": p.name if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "feature": p.feature if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "geonameid": p.geonameid if p else None,
            "match": self.match if p else None,
            "confidence": self.confidence,
            "suggestions": list(self.suggestions) if not p else [],
            "geo_precision": self.precision,
            "matched_text": (self.matched_text or self.query) if p else None,
            "unresolved": list(self.unresolved) if p else [],
            "disputed": bool(p.disputed) if p else False,
            "de_facto_country": p.de_facto_country if p else None,
            "note": self.note,
            "nearest": self.nearest,
        }


class Geocoder(Protocol):
    """Anything that turns a query string into a :class:`GeocodeResult`."""

    def geocode(self, query: str) -> GeocodeResult: ...
