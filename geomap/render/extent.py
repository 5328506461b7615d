"""The map's initial view: the box of the located events and places, far outliers ignored.

Places mentioned count once per mention; datelines (where a story was filed, not where things
happened) and countries (drawn as outlines; their label point says little) are left out unless
nothing else is located. Movements count at both ends (a country end at its capital, as drawn).
With more than a dozen points, points farther from the median point than three times the
distance that holds 90% of them are left out, so one stray event on another continent does not
zoom the map out to the world.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np

from .layers.events import point_events
from .layers.movements import movement_events

__all__ = ["fit_box"]

def _core(xy: np.ndarray) -> np.ndarray:
    """The points within three times the 90th-percentile distance (at least 5 degrees) of the
    median point: the rest are far outliers."""
    cx, cy = np.median(xy[:, 0]), np.median(xy[:, 1])
    dx = (xy[:, 0] - cx) * np.cos(np.radians(np.clip(xy[:, 1], -80, 80)))
    d = np.hypot(dx, xy[:, 1] - cy)
    limit = max(3.0 * float(np.quantile(d, 0.9)), 5.0)
    return xy[d <= limit]


def _mention_points(mentions: gpd.GeoDataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    if mentions is None or not len(mentions) or not mentions.geometry.notna().any():
        return np.empty((0, 2)), np.empty((0, 2))
    located = mentions[mentions.geometry.notna()]
    xy = np.column_stack([located.geometry.x.to_numpy(), located.geometry.y.to_numpy()])
    feature = located["feature"].astype(object).fillna("").to_numpy()
    role = located["role"].astype(object).fillna("").to_numpy()
    keep = (feature != "country") & (feature != "region") & (role != "dateline")
    return xy[keep], xy[~keep]


def fit_box(mentions: gpd.GeoDataFrame | None, events: gpd.GeoDataFrame | None, *,
            move_end: Callable[[float, float], tuple[float, float]] | None = None,
            ) -> tuple[float, float, float, float] | None:
    """(minx, miny, maxx, maxy) to fit the map to, or None when nothing is located."""
    main, weak = _mention_points(mentions)
    parts = [main]
    pts = point_events(events)
    if pts is not None and len(pts):
        parts.append(np.column_stack([pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()]))
    moves = movement_events(events)
    if moves is not None and len(moves):
        ends = []
        for geom in moves.geometry:
            for x, y in (geom.coords[0], geom.coords[-1]):
                ends.append(move_end(x, y) if move_end else (x, y))
        parts.append(np.array(ends, dtype=float))
    xy = np.concatenate([p for p in parts if len(p)]) if any(len(p) for p in parts) else weak
    if not len(xy):
        return None
    if len(xy) <= 12:
        return (float(xy[:, 0].min()), float(xy[:, 1].min()), float(xy[:, 0].max()),
                float(xy[:, 1].max()))
    core = _core(xy)
    return (float(core[:, 0].min()), float(core[:, 1].min()), float(core[:, 0].max()),
            float(core[:, 1].max()))
