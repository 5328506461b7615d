"""The map's initial view: the box of the located events and places, far strays ignored.

Places mentioned count once per mention; datelines (where a story was filed, not where things
happened) and countries (drawn as outlines; their label point says little) are left out unless
nothing else is located. Movements count at both ends (a country end at its capital, as drawn).

With more than a dozen points, a point is a stray when it lies farther from the median point
than three times the distance that holds 90% of them, so one event on another continent does
not zoom the map out to the world. But what an analyst expects to see is never left out:

- when one country holds most of the points (a UCDP or ACLED export of one country, news about
  one war), every point in that country stays in view, its capital as much as the front line;
- a group of strays close together (a cluster of many points, not one stray) stays in view.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np

from .layers.events import point_events
from .layers.movements import movement_events

__all__ = ["fit_box", "in_view"]

#: a country holding at least this share of the points is the data's country: all its points
#: stay in view
HOME_SHARE = 0.5
#: strays within one cell of this many others (and at least this share of all points) stay
CLUSTER_MIN, CLUSTER_SHARE = 5, 0.02


def in_view(xy: np.ndarray, countries: np.ndarray | None = None) -> np.ndarray:
    """Which of the points ``xy`` (lon, lat rows) the initial view keeps (a boolean mask);
    ``countries`` (ISO codes, "" unknown) lets a one-country dataset keep all of itself."""
    n = len(xy)
    if n <= 12:
        return np.ones(n, dtype=bool)
    cx, cy = np.median(xy[:, 0]), np.median(xy[:, 1])
    dx = (xy[:, 0] - cx) * np.cos(np.radians(np.clip(xy[:, 1], -80, 80)))
    d = np.hypot(dx, xy[:, 1] - cy)
    limit = max(3.0 * float(np.quantile(d, 0.9)), 5.0)
    keep = d <= limit
    if keep.all():
        return keep
    if countries is not None:
        known = countries[countries != ""]
        if len(known):
            codes, counts = np.unique(known, return_counts=True)
            if counts.max() >= HOME_SHARE * n:
                keep |= countries == codes[counts.argmax()]
    far = np.flatnonzero(~keep)
    if len(far):
        cell = max(1.0, limit / 5.0)
        keys = np.floor(xy[far] / cell).astype(np.int64)
        _uniq, inverse, sizes = np.unique(keys, axis=0, return_inverse=True,
                                          return_counts=True)
        big = sizes[inverse.ravel()] >= max(CLUSTER_MIN, CLUSTER_SHARE * n)
        keep[far[big]] = True
    return keep


def _codes(frame, n: int) -> np.ndarray:
    if frame is None or "country" not in frame:
        return np.full(n, "", dtype=object)
    return frame["country"].astype(object).fillna("").astype(str).to_numpy()


def _mention_points(mentions: gpd.GeoDataFrame | None
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if mentions is None or not len(mentions) or not mentions.geometry.notna().any():
        return np.empty((0, 2)), np.empty(0, dtype=object), np.empty((0, 2))
    located = mentions[mentions.geometry.notna()]
    xy = np.column_stack([located.geometry.x.to_numpy(), located.geometry.y.to_numpy()])
    feature = located["feature"].astype(object).fillna("").to_numpy()
    role = located["role"].astype(object).fillna("").to_numpy()
    keep = (feature != "country") & (feature != "region") & (role != "dateline")
    return xy[keep], _codes(located, len(located))[keep], xy[~keep]


def fit_box(mentions: gpd.GeoDataFrame | None, events: gpd.GeoDataFrame | None, *,
            move_end: Callable[[float, float], tuple[float, float]] | None = None,
            ) -> tuple[float, float, float, float] | None:
    """(minx, miny, maxx, maxy) to fit the map to, or None when nothing is located."""
    main, main_cc, weak = _mention_points(mentions)
    parts, codes = [main], [main_cc]
    pts = point_events(events)
    if pts is not None and len(pts):
        parts.append(np.column_stack([pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()]))
        codes.append(_codes(pts, len(pts)))
    moves = movement_events(events)
    if moves is not None and len(moves):
        ends = []
        for geom in moves.geometry:
            for x, y in (geom.coords[0], geom.coords[-1]):
                ends.append(move_end(x, y) if move_end else (x, y))
        parts.append(np.array(ends, dtype=float))
        codes.append(np.full(len(ends), "", dtype=object))
    if any(len(p) for p in parts):
        xy = np.concatenate([p for p in parts if len(p)])
        cc = np.concatenate([c for c in codes if len(c)])
    else:
        xy, cc = weak, None
    if not len(xy):
        return None
    core = xy[in_view(xy, cc)]
    return (float(core[:, 0].min()), float(core[:, 1].min()), float(core[:, 0].max()),
            float(core[:, 1].max()))
