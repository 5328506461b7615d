"""The result of one geocoding query, shared by the offline and online geocoders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..places import Place

__all__ = ["MATCH_KINDS", "GeocodeResult", "Geocoder"]

#: How a query matched; ``None`` when not found.
MATCH_KINDS: tuple[str, ...] = (
    "exact", "alternate_name", "transliterated", "fuzzy", "demonym", "service",
)


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """One query's answer. ``place`` is None when nothing was found."""

    query: str
    place: Place | None
    match: str | None = None
    suggestions: tuple[str, ...] = field(default=())
    source: str = "gazetteer"

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
            "suggestions": list(self.suggestions) if not p else [],
        }


class Geocoder(Protocol):
    """Anything that turns a query string into a :class:`GeocodeResult`."""

    def geocode(self, query: str) -> GeocodeResult: ...
