"""Place names of generic tables geocoded with the offline gazetteer, opened only when needed.

A table that names its places ("Kurakhove", admin1 "Donetsk Oblast", country "Ukraine") but
gives no coordinates is located by :func:`geomap.geocoding.geocode_freeform`: the name with its
admin-1 as context, constrained to the row's country when the table gives one. The gazetteer
is opened on the first name to geocode, so tables with coordinates never pay for it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder:
    """The default geocoder of the event readers (``read_events(geocoder="offline")``)."""

    #: ``geocode`` takes the row's ISO2 country (user geocoders get the query alone)
    accepts_country = True
    source = "gazetteer"

    def __init__(self, gazetteer: Any = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from ...gazetteer import Gazetteer

            self._gazetteer = Gazetteer()
        return self._gazetteer

    def country_code(self, name: str) -> str | None:
        """ISO2 of a country by any of its gazetteer names ("Україна" -> "UA"), else None."""
        from ...geocoding.freeform import geocode_freeform

        place = geocode_freeform(name, self.gazetteer, feature="country").place
        return place.country if place is not None else None

    def geocode(self, query: str, country: str | None = None):
        from ...geocoding.freeform import geocode_freeform

        return geocode_freeform(query, self.gazetteer, country=country, source=self.source)
