"""Geocoding through one interface: the offline gazetteer by default, geopy services by choice.

Every geocoder has ``geocode(query) -> GeocodeResult``. Online services (any geopy geocoder)
are rate-limited, retried a bounded number of times, cached on disk, and fall back to the
offline gazetteer when they fail.
"""

from .freeform import geocode_freeform
from .offline import OfflineGeocoder
from .online import OnlineGeocoder, make_geocoder, parse_service_options
from .result import GEO_PRECISIONS, MATCH_KINDS, Geocoder, GeocodeResult

__all__ = [
    "GEO_PRECISIONS",
    "MATCH_KINDS",
    "GeocodeResult",
    "Geocoder",
    "OfflineGeocoder",
    "OnlineGeocoder",
    "geocode_freeform",
    "make_geocoder",
    "parse_service_options",
]
