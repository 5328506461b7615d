"""The default geocoder: the offline gazetteer, no network."""

from __future__ import annotations

from ..gazetteer import Gazetteer
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
        cands = self.gazetteer.search(query, country=self.country, feature=self.feature, limit=1)
        if cands:
            return GeocodeResult(query=query, place=cands[0].place, match=cands[0].match,
                                 source=self.source)
        return GeocodeResult(query=query, place=None,
                             suggestions=tuple(self.gazetteer.suggest(query)), source=self.source)

    def geocode_many(self, queries) -> list[GeocodeResult]:
        return [self.geocode(q) for q in queries]

    def reverse(self, lat: float, lon: float):
        return self.gazetteer.reverse(lat, lon)
