"""The default geocoder: the offline gazetteer, no network."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from .freeform import geocode_freeform
from .result import GeocodeResult

__all__ = ["OfflineGeocoder"]


class OfflineGeocoder:
    """Geocode names with the offline :class:`~geomap.gazetteer.Gazetteer`.

    Parameters
    ----------
    gazetteer
        The gazetteer to search.
    country
        Prefer (only return) places in this ISO2 country.
    feature
        Only return these feature classes.
    """

    source = "gazetteer"

    def __init__(self, gazetteer: Gazetteer, *, country: str | None = None,
                 feature: str | tuple[str, ...] | None = None) -> None:
        self.gazetteer = gazetteer
        self.country = country
        self.feature = feature

    def geocode(self, query: str) -> GeocodeResult:
        """Parse and resolve a free-form query (see :func:`.freeform.geocode_freeform`)."""
        return geocode_freeform(query, self.gazetteer, country=self.country,
                                feature=self.feature, source=self.source)

    def geocode_many(self, queries) -> list[GeocodeResult]:
        return [self.geocode(q) for q in queries]

    def reverse(self, lat: float, lon: float):
        return self.gazetteer.reverse(lat, lon)
