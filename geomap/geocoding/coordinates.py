"""Coordinates as geocoder queries: "48.28N 37.18E", "48.28, 37.18", "48°17'N 37°11'E".

Analysts paste coordinates from posts and tables into the geocoder, and tables put them in the
location column. :func:`geocode_coordinates` reads a query that is nothing but a coordinate
pair and answers the point itself (``match`` "coordinates", ``geo_precision`` exact), with the
admin-1 unit and country that contain it (the gazetteer's reverse lookup) and the nearest
gazetteer town (``nearest``); any other query gives None and is geocoded by name.

Forms read: decimal degrees with a comma, semicolon, slash or space between ("12.5, 45.3",
"12,5; 45,3" with decimal commas), signs, hemisphere letters before or after each number
("48.28N 37.18E", "N48.28 E37.18", "33.9 S, 18.4 E"), degrees-minutes(-seconds)
("48°17'N 37°11'E", "48°17′30″ N, 37°11′ E", "48 17 30 N 37 11 0 E"), a ``geo:`` URI.

Which number is the latitude, as mature tools decide it (Google Maps, Nominatim, ISO 6709):
hemisphere letters say so when given; otherwise the pair is latitude, longitude, unless the
first number cannot be a latitude (|x| > 90) and the second can, or unless a country is given
and only the swapped reading lies in it. ``note`` says which reading was taken and why, and
when the other order was possible too. A pair that is no possible point in either order
answers "not found" with the reason.
"""

from __future__ import annotations

import math
import re
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..places import Place
from .result import GeocodeResult

__all__ = ["Reading", "geocode_coordinates", "nearest_place", "read_coordinates"]

_NUM = r"\d{1,3}(?:[.,]\d+)?"


def _component(i: int, prefix: bool) -> str:
    """One coordinate: a hemisphere letter before it (``prefix``) or after it, or none."""
    pre = rf"(?P<pre{i}>[NSEW])?\s*" if prefix else ""
    post = "" if prefix else rf"(?P<post{i}>[NSEW](?![A-Z]))?"
    return (rf"{pre}(?P<sign{i}>[-+])?\s*(?P<deg{i}>{_NUM})\s*(?P<du{i}>°)?\s*"
            rf"(?:(?P<min{i}>{_NUM})\s*(?P<mu{i}>')?\s*"
            rf"(?:(?P<sec{i}>{_NUM})\s*(?P<su{i}>\"|'')?\s*)?)?{post}")


#: A pair with hemisphere letters after the numbers (or none), then with letters before them.
_PAIRS = tuple(re.compile(rf"^\s*{_component(1, prefix)}(?:\s*[,;/]\s*|\s+|(?<=[NSEW°'\"])"
                          rf"|(?=[NSEW])){_component(2, prefix)}\s*$", re.IGNORECASE)
               for prefix in (False, True))
#: Typographic primes, degree look-alikes and minus signs written as their ASCII forms.
_FOLD = str.maketrans({"′": "'", "’": "'", "‘": "'", "´": "'", "″": '"', "”": '"', "“": '"',
                       "º": "°", "˚": "°", "−": "-", "–": "-", "\u00a0": " "})
_URI = re.compile(r"^\s*geo:\s*", re.IGNORECASE)


def _f(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Reading:
    """A coordinate pair read from a query: the point and how its order was decided."""

    lat: float
    lon: float
    #: Both orders give a possible point and nothing in the text said which is which.
    ambiguous: bool
    note: str


def _value(m: re.Match, i: int) -> tuple[float, str | None] | None:
    """The signed decimal degrees of component ``i`` and its hemisphere letter."""
    deg, mins, secs = (m.group(f"{k}{i}") for k in ("deg", "min", "sec"))
    groups = m.groupdict()
    pre, post = groups.get(f"pre{i}"), groups.get(f"post{i}")
    hemi = (pre or post or "").upper() or None
    units = any(m.group(f"{u}{i}") for u in ("du", "mu", "su"))
    if mins is not None and not (units or hemi):
        return None  # "48 17 37 11": which numbers belong together is a guess
    parts = [float(x.replace(",", ".")) for x in (deg, mins, secs) if x is not None]
    if (mins is not None and re.search("[.,]", deg)) or \
            (secs is not None and re.search("[.,]", mins)):
        return None  # a fraction of degrees followed by minutes, of minutes by seconds
    if any(p >= 60 for p in parts[1:]):
        return None
    value = parts[0] + sum(p / 60 ** k for k, p in enumerate(parts[1:], 1))
    if m.group(f"sign{i}") == "-" or hemi in ("S", "W"):
        value = -value
    return value, hemi


def read_coordinates(query: str, country_of=None, country: str | None = None
                     ) -> Reading | str | None:
    """The :class:`Reading` of a query that is a coordinate pair; a reason (str) when it is
    a pair of numbers but no possible point; None when it is not a coordinate pair.

    ``country_of(lat, lon)`` (ISO2 or None) with ``country`` settles an ambiguous order: the
    reading inside the country wins when only one of the two is.
    """
    if not isinstance(query, str) or len(query) > 80:
        return None
    text = _URI.sub("", query.translate(_FOLD)).strip()
    if text.lower().startswith("geo:") or ";u=" in text:
        text = text.split(";", 1)[0]
    m = _PAIRS[0].match(text) or _PAIRS[1].match(text)
    if m is None:
        return None
    plain = not any(m.groupdict().get(f"{k}{i}") for k in ("pre", "post", "du", "mu", "su",
                                                            "min") for i in (1, 2))
    if plain and not re.search(r"[.,;/]", text):
        return None  # "48 37": two bare whole numbers are a house number as likely as a point
    a, b = _value(m, 1), _value(m, 2)
    if a is None or b is None:
        return None
    (x, hx), (y, hy) = a, b
    lat_letters, lon_letters = ("N", "S"), ("E", "W")
    if hx in lon_letters or hy in lat_letters:
        if hx in lat_letters or hy in lon_letters:
            return f"both numbers carry a {'latitude' if hx in lat_letters else 'longitude'} " \
                   "hemisphere letter"
        x, y = y, x
        how = "the hemisphere letters say longitude first"
    elif hx or hy:
        how = "the hemisphere letters say latitude first"
    else:
        how = None
    if how is not None:
        if abs(x) > 90 or abs(y) > 180:
            return f"not a possible point: latitude {_f(x)}, longitude {_f(y)}"
        return Reading(x, y, False, f"read as latitude {_f(x)}, longitude {_f(y)} ({how})")
    lat_first = abs(x) <= 90 and abs(y) <= 180
    lon_first = abs(y) <= 90 and abs(x) <= 180
    if not (lat_first or lon_first):
        return f"not a possible point in either order: {_f(x)}, {_f(y)}"
    if lat_first and not lon_first:
        return Reading(x, y, False, f"read as latitude {_f(x)}, longitude {_f(y)}")
    if lon_first and not lat_first:
        return Reading(y, x, False, f"read as longitude {_f(x)}, latitude {_f(y)}: {_f(x)} is no "
                       "possible latitude")
    if x == y:
        return Reading(x, y, False, f"read as latitude {_f(x)}, longitude {_f(y)}")
    if country and country_of is not None:
        first, second = country_of(x, y), country_of(y, x)
        if second == country != first:
            return Reading(y, x, False, f"read as longitude {_f(x)}, latitude {_f(y)}: only that "
                           f"order lies in {country}")
        if first == country != second:
            return Reading(x, y, False, f"read as latitude {_f(x)}, longitude {_f(y)}: only that "
                           f"order lies in {country}")
    return Reading(x, y, True, f"read as latitude {_f(x)}, longitude {_f(y)}, the usual order; "
                   f"longitude {_f(x)}, latitude {_f(y)} would be possible too")


#: Populated places' keys and points, read once per gazetteer on the first coordinate query.
_POINTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _points(gazetteer: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    cached = _POINTS.get(gazetteer)
    if cached is None:
        rows = gazetteer._query(
            "SELECT key, lat, lon FROM all_places WHERE feature = 'populated_place'")
        keys = np.array([r[0] for r in rows], dtype=object)
        lat = np.radians(np.array([r[1] for r in rows], dtype=np.float64))
        lon = np.radians(np.array([r[2] for r in rows], dtype=np.float64))
        cached = _POINTS[gazetteer] = (keys, lat, lon)
    return cached


_DIRECTIONS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def nearest_place(gazetteer: Any, lat: float, lon: float) -> tuple[Place, float, str] | None:
    """The gazetteer town nearest a point: ``(place, km, direction of the point from it)``."""
    keys, plat, plon = _points(gazetteer)
    if not len(keys):
        return None
    la, lo = math.radians(lat), math.radians(lon)
    h = (np.sin((plat - la) / 2) ** 2
         + np.cos(plat) * math.cos(la) * np.sin((plon - lo) / 2) ** 2)
    i = int(np.argmin(h))
    km = 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(float(h[i]))))
    place = gazetteer.get(keys[i])
    if place is None:
        return None
    dy = lat - place.lat
    dx = (lon - place.lon) * math.cos(la)
    direction = _DIRECTIONS[round(math.degrees(math.atan2(dx, dy)) / 45) % 8]
    return place, km, direction


def geocode_coordinates(query: str, gazetteer: Any, *, country: str | None = None,
                        source: str = "gazetteer") -> GeocodeResult | None:
    """The answer to a query that is a coordinate pair, None for any other query."""
    def country_of(la: float, lo: float) -> str | None:
        unit = gazetteer.reverse(la, lo)
        return unit.country if unit is not None else None

    reading = read_coordinates(query, country_of, country.upper() if country else None)
    if reading is None:
        return None
    if isinstance(reading, str):
        return GeocodeResult(query=query, place=None, source=source, geo_precision="unknown",
                             note=reading)
    unit = gazetteer.reverse(reading.lat, reading.lon)
    near = nearest_place(gazetteer, reading.lat, reading.lon)
    note = reading.note
    nearest = None
    if near is not None:
        town, km, direction = near
        where = "at" if km < 0.5 else f"{km:.0f} km {direction} of" if km >= 1.5 \
            else f"{km:.1f} km {direction} of"
        nearest = {"name": town.name, "geonameid": town.geonameid, "country": town.country,
                   "admin1": town.admin1, "lat": town.lat, "lon": town.lon,
                   "distance_km": round(km, 2), "direction": direction}
        note += f"; {where} {town.name}"
    if unit is None:
        note += "; in no country's land (at sea?)"
    point = Place(
        key=f"pt:{reading.lat:.6f},{reading.lon:.6f}",
        name=f"{reading.lat:.5f}, {reading.lon:.5f}", feature="other",
        lat=reading.lat, lon=reading.lon,
        country=unit.country if unit is not None else None,
        admin1=unit.admin1 if unit is not None and unit.feature != "country" else None,
        admin1_code=unit.admin1_code if unit is not None and unit.feature != "country" else None,
        disputed=bool(unit.disputed) if unit is not None else False,
        de_facto_country=unit.de_facto_country if unit is not None else None,
    )
    return GeocodeResult(query=query, place=point, match="coordinates", source=source,
                         geo_precision="exact", matched_text=query.strip(), note=note,
                         nearest=nearest)
