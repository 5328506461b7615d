"""A geopy service's answer, as the online geocoder caches it and as a :class:`Place`.

:func:`answer_of` turns a geopy ``Location`` (or None) into a JSON-able dict (``found``,
``address``, ``lat``, ``lon``, ``raw``: the service's own response); :func:`place_of` turns
that dict into a :class:`~geomap.places.Place`, its feature and country read from the raw
response (Nominatim or Photon fields), its admin-1 from ``reverse`` (the gazetteer's
point-in-division lookup). Old cache entries benefit from improvements here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..places import Place

__all__ = ["answer_of", "guess_feature", "place_of", "raw_country"]

#: Nominatim ``addresstype``/``type``/``class`` (and Photon ``type``/``osm_value``) -> feature.
_FEATURE_BY_TYPE: dict[str, str] = {
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "county": "admin2",
    "city": "populated_place",
    "town": "populated_place",
    "village": "populated_place",
    "hamlet": "populated_place",
}


def guess_feature(raw: Mapping[str, Any]) -> str:
    props = raw.get("properties") if isinstance(raw.get("properties"), Mapping) else {}
    for value in (raw.get("addresstype"), raw.get("type"), raw.get("class"),
                  props.get("type"), props.get("osm_value")):
        if isinstance(value, str) and value.lower() in _FEATURE_BY_TYPE:
            return _FEATURE_BY_TYPE[value.lower()]
    return "other"


def raw_country(raw: Mapping[str, Any]) -> str | None:
    address = raw.get("address")
    code = address.get("country_code") if isinstance(address, Mapping) else None
    if not code and isinstance(raw.get("properties"), Mapping):
        code = raw["properties"].get("countrycode")  # Photon
    if isinstance(code, str) and len(code.strip()) == 2:
        return code.strip().upper()
    return None


def answer_of(location: Any) -> dict[str, Any]:
    """The cacheable answer of a geopy ``Location`` (or list of them, or None)."""
    if isinstance(location, list | tuple) and not hasattr(location, "latitude"):
        location = location[0] if location else None
    if location is None:
        return {"found": False}
    raw = location.raw if isinstance(getattr(location, "raw", None), Mapping) else {}
    return {
        "found": True,
        "address": location.address,
        "lat": float(location.latitude),
        "lon": float(location.longitude),
        "raw": dict(raw),
    }


def place_of(answer: Mapping[str, Any], *, service: str, query: str, norm: str,
             reverse: Callable[[float, float], Place | None] | None) -> Place:
    """The place of a found ``answer`` (see :func:`answer_of`) to ``query``."""
    raw = answer.get("raw") or {}
    lat, lon = float(answer["lat"]), float(answer["lon"])
    address = answer.get("address") or raw.get("display_name") or ""
    name = str(address).split(",")[0].strip() or query.strip()
    feature = guess_feature(raw)
    country = raw_country(raw)
    admin1 = None
    if reverse is not None:
        around = reverse(lat, lon)
        if around is not None:
            country = country or around.country
            if feature != "country":
                admin1 = around.admin1 or (around.name if around.feature == "admin1" else None)
    return Place(key=f"svc:{service}:{norm}", name=name, feature=feature, lat=lat, lon=lon,
                 country=country, admin1=admin1)
