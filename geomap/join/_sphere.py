"""Distances on the sphere and the longitude/latitude boxes that hold a radius around a point.

Distances are great-circle (haversine) on a sphere of the mean Earth radius, accurate to about
0.5 % against the ellipsoid, which is far inside the uncertainty of any event location. A box
around a point is exact for the sphere: it widens towards the poles, covers every longitude when
the circle holds a pole, and is split in two where it crosses the antimeridian.
"""

from __future__ import annotations

import numpy as np

__all__ = ["EARTH_RADIUS_KM", "boxes_around", "haversine_km"]

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km between points given in degrees (arrays broadcast)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def boxes_around(lat: np.ndarray, lon: np.ndarray, km: float
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Boxes (minx, miny, maxx, maxy) that together hold every point within ``km`` of each
    (lat, lon), and for each box the index of its point (two boxes across the antimeridian)."""
    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    r = km / EARTH_RADIUS_KM  # angular radius
    dlat = np.degrees(r)
    lo_lat = lat - dlat
    hi_lat = lat + dlat
    polar = (hi_lat >= 90.0) | (lo_lat <= -90.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.sin(r) / np.cos(np.radians(lat))
    full = polar | ~(np.abs(ratio) < 1.0)
    dlon = np.where(full, 180.0, np.degrees(np.arcsin(np.clip(ratio, -1.0, 1.0))))
    minx = np.where(full, -180.0, lon - dlon)
    maxx = np.where(full, 180.0, lon + dlon)
    miny = np.maximum(lo_lat, -90.0)
    maxy = np.minimum(hi_lat, 90.0)
    idx = np.arange(len(lat))
    boxes = [np.column_stack([np.maximum(minx, -180.0), miny, np.minimum(maxx, 180.0), maxy])]
    owners = [idx]
    west = minx < -180.0  # wraps to the east edge
    if west.any():
        boxes.append(np.column_stack([minx[west] + 360.0, miny[west],
                                      np.full(west.sum(), 180.0), maxy[west]]))
        owners.append(idx[west])
    east = maxx > 180.0
    if east.any():
        boxes.append(np.column_stack([np.full(east.sum(), -180.0), miny[east],
                                      maxx[east] - 360.0, maxy[east]]))
        owners.append(idx[east])
    return np.vstack(boxes), np.concatenate(owners)
