"""Place names of generic tables geocoded with the offline gazetteer, opened only when needed.

A table that names its places ("Kurakhove", admin1 "Donetsk Oblast", country "Ukraine") but
gives no coordinates is located by :func:`geomap.geocoding.geocode_freeform`: the name with its
admin-1 as context, constrained to the row's country when the table gives one. The gazetteer
is opened on the first name to geocode, so tables with coordinates never pay for it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._checks import Checks, coords, map_unique, map_unique_pairs

__all__ = ["FEATURE_PRECISION", "GazetteerGeocoder", "Geocache", "coords_or_place",
           "is_coordinate_pair", "place_precision"]

#: The ``geo_precision`` of a place found by name, by its feature class (else "near").
FEATURE_PRECISION = {
    "populated_place": "exact", "admin2": "admin2", "admin1": "admin1", "country": "country",
}



def place_precision(place: Any) -> str:
    """The ``geo_precision`` of a geocoded place: a coordinate pair's point (key "pt:") is
    exact, else by its feature class."""
    if str(getattr(place, "key", "")).startswith("pt:"):
        return "exact"
    return FEATURE_PRECISION.get(getattr(place, "feature", None) or "", "near")


def is_coordinate_pair(text: Any) -> bool:
    """Whether a location cell is a coordinate pair ("48.28N 37.18E", "48.28, 37.18")."""
    from ...geocoding.coordinates import read_coordinates

    return read_coordinates(text) is not None if isinstance(text, str) else False


#: Coordinate reasons that mean "no usable point given": blank, not numbers, or numbers no point
#: has (out of range, or latitude and longitude swapped): such rows fall back on the name, the
#: impossible values said in the note (a typo, 147.45 for 47.45, is never "fixed" by a swap
#: that lands elsewhere: the row's place name says where it is).
_NO_POINT = ("missing required field", "coordinates not numeric", "coordinates NaN",
             "coordinates out of range", "swapped lat/lon")


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

    def country_place(self, iso2: str):
        """The country with this ISO2 code as a place (its label point), None if unknown."""
        return self.gazetteer.country(iso2)

    def geocode(self, query: str, country: str | None = None):
        from ...geocoding.freeform import geocode_freeform

        return geocode_freeform(query, self.gazetteer, country=country, source=self.source)


class Geocache:
    """Each distinct place name (with its admin-1 and country) geocoded once per file."""

    def __init__(self, geocoder: Any) -> None:
        self.geocoder = geocoder
        self.countries = bool(getattr(geocoder, "accepts_country", False))
        self.cache: dict[tuple[str, str | None], Any] = {}

    def country_code(self, name: str) -> str | None:
        """ISO2 of a country name the code tables lack (geocoders with ``country_code``)."""
        if ("country", name) not in self.cache:
            self.cache[("country", name)] = self.geocoder.country_code(name)
        return self.cache[("country", name)]

    def country_place(self, iso2: str) -> Any:
        """The country as a place, for rows located no finer (None when the geocoder cannot
        say: user geocoders without ``country_place``)."""
        if ("country place", iso2) not in self.cache:
            find = getattr(self.geocoder, "country_place", None)
            self.cache[("country place", iso2)] = find(iso2) if find is not None else None
        return self.cache[("country place", iso2)]

    def __call__(self, query: str, country: str | None = None) -> Any:
        key = (query, country if self.countries else None)
        if key not in self.cache:
            result = self.geocoder.geocode(query, country=key[1]) if self.countries \
                else self.geocoder.geocode(query)
            self.cache[key] = getattr(result, "place", result)
        return self.cache[key]


def coords_or_place(checks: Checks, lat_col: str, lon_col: str, *, place: pd.Series,
                    admin1: pd.Series, country: pd.Series, geocode: Any, required: bool = True
                    ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """``(lat, lon, feature)`` of a structured record (ACLED, UCDP, GDELT) whose point may be
    missing.

    A row whose coordinates are blank, cannot be read or are impossible (out of range,
    swapped), but which names its place (location and/or admin-1), is located by that name
    inside its country (``geocode``: a :class:`Geocache`), else at its country (``feature``
    "country": a place unknown to the gazetteer), with ``feature`` the place's feature class
    and a note saying what was wrong and what was read instead; it is rejected only when
    nothing can be located (the reason says both). ``feature`` is None where the file's point
    is used. With ``required`` False
    (GDELT), a row with both coordinates blank is no reject: kept unlocated when nothing
    locates it.
    """
    frame = checks.frame
    blanks = (checks.clean(lat_col).isna(), checks.clean(lon_col).isna())
    lat, lon, reason = coords(frame[lat_col], frame[lon_col], required=True, blanks=blanks)
    feature = pd.Series(None, index=frame.index, dtype=object)
    no_point = reason.notna() & reason.astype(str).str.startswith(_NO_POINT) & checks.ok
    optional = (blanks[0] & blanks[1]) if not required else pd.Series(False, index=frame.index)
    named = no_point & (place.notna() | admin1.notna())
    missed = reason.index[:0]
    if geocode is not None and named.any():
        name = place[named].astype(object)
        region = admin1[named].astype(object)
        # an admin-1 alone is asked for as a region ("Sumy" alone answers the city): these
        # datasets write admin-1 names in English
        query = name.where(name.notna(), region + " region")
        extra = name.notna() & region.notna() & (region != name)
        query = query.where(~extra, query + ", " + region.where(extra, ""))
        found = map_unique_pairs(query, country[named], geocode)
        hit = found[found.notna()]
        if len(hit):
            lat[hit.index] = [float(p.lat) for p in hit]
            lon[hit.index] = [float(p.lon) for p in hit]
            feature[hit.index] = hit.map(lambda p: getattr(p, "feature", None) or "place")
            checks.note(reason[hit.index].where(~optional[hit.index], "no coordinates")
                        + ": located by its place name " + query[hit.index].map(repr) + " ("
                        + feature[hit.index] + " " + hit.map(lambda p: str(getattr(p, "name", "")))
                        + ")")
            reason[hit.index] = None
        missed = found.index[found.isna()]
        if len(missed):
            reason[missed] = reason[missed] + "; place " + query[missed].map(repr) + \
                " not found in the gazetteer"
    rest = no_point & reason.notna() & country.notna()
    finder = getattr(geocode, "country_place", None)
    if finder is not None and rest.any():  # a place unknown, or none named: the country
        found = map_unique(country[rest], finder)
        hit = found[found.notna()]
        if len(hit):
            lat[hit.index] = [float(p.lat) for p in hit]
            lon[hit.index] = [float(p.lon) for p in hit]
            feature[hit.index] = "country"
            why = reason[hit.index].where(~optional[hit.index], "no coordinates")
            checks.note(why + ": located at its country, "
                        + hit.map(lambda p: str(getattr(p, "name", ""))))
            reason[hit.index] = None
    unnamed = no_point & ~named & reason.notna()
    if geocode is not None and unnamed.any():
        reason[unnamed] = reason[unnamed] + " (and no place name to locate it by)"
    reason[optional] = None  # GDELT: a row given no point at all is kept unlocated
    checks.fail(reason.notna(), reason)
    return lat, lon, feature
