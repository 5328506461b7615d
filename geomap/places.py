"""The record every stage passes around for a real place: :class:`Place`.

``feature``, ``country`` and ``admin1`` use one vocabulary everywhere (gazetteer lookups,
``geomap geocode --json``, geoparse output, event locations):

- ``feature``: one of :data:`FEATURES`;
- ``country``: ISO 3166-1 alpha-2 code, under internationally recognised borders;
- ``admin1``: the English name of the first-level division ("Kursk Oblast").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["FEATURES", "Place"]

#: Feature classes, coarsest first.
FEATURES: tuple[str, ...] = ("country", "admin1", "admin2", "populated_place", "region", "other")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place with a point.

    Parameters
    ----------
    key
        geomap's own stable key ("gn:538560", "a1:RU.41", "a2:US.21111", "c:RU").
    name
        Preferred English name.
    feature
        One of :data:`FEATURES`.
    lat, lon
        WGS 84 point, near where GeoNames puts the place.
    geonameid
        GeoNames id where one exists.
    country
        ISO 3166-1 alpha-2 code (recognised borders).
    admin1
        English name of the first-level division containing the place (itself for an admin1).
    admin1_code
        GeoNames admin1 code such as "RU.41".
    population
        Population (for divisions: the summed population of the places in it), 0 when unknown.
    disputed
        True when the place lies in territory whose status is disputed (Crimea...).
    de_facto_country
        ISO2 of the country in de-facto control, where it differs from ``country``.
    """

    key: str
    name: str
    feature: str
    lat: float
    lon: float
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    population: int = 0
    disputed: bool = False
    de_facto_country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict (JSON-serialisable)."""
        return asdict(self)
