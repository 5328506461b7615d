"""Which first-level divisions hold a point: the shipped Natural Earth admin-1 polygons.

A point on a shared border lies in both divisions (``intersects``, not ``within``), so a
record placed exactly on a border can match article events on either side. The polygons are
simplified (``scripts/build_data.py``, 0.05 degrees), so a coastal town's point may lie just
off its division's coast (Sevastopol's GeoNames point is 200 m out in the bay): a point in no
polygon takes the nearest one within :data:`COAST_DEG`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely

__all__ = ["COAST_DEG", "Admin1Polygons"]

#: How far (degrees) off the simplified polygons a point in none of them still takes the
#: nearest: the simplification tolerance of the shipped admin-1 outlines.
COAST_DEG = 0.05


class Admin1Polygons:
    """The admin-1 polygons of a data folder with an STRtree over them."""

    def __init__(self, path: Path) -> None:
        with open(path, encoding="utf-8") as fh:
            feats = [f for f in json.load(fh)["features"] if f.get("geometry")]
        props = [f["properties"] for f in feats]
        self.keys = np.array([p["key"] for p in props], dtype=object)
        #: the country (ISO2, "" when none) each division belongs to
        self.country = np.array([p.get("country") or "" for p in props], dtype=object)
        #: whether the division's status is disputed (Crimea, the occupied oblasts, Kashmir...)
        self.disputed = np.array([bool(p.get("disputed")) for p in props], dtype=bool)
        #: the country in de-facto control where another than ``country`` ("" when none)
        self.de_facto = np.array([p.get("de_facto_country") or "" for p in props],
                                 dtype=object)
        self.geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats])
        self.tree = shapely.STRtree(self.geoms)

    @classmethod
    @lru_cache(maxsize=4)
    def load(cls, path: Path) -> Admin1Polygons:
        return cls(path)

    def pairs(self, points: np.ndarray,
              among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(point index, polygon index) for every polygon holding each point (a point on a
        border gets both; a point in none, the nearest within :data:`COAST_DEG`). ``among``
        limits the polygons looked at (indexes)."""
        tree = self.tree if among is None else shapely.STRtree(self.geoms[among])
        pi, gi = tree.query(points, predicate="intersects")
        pi, gi = self._off_coast(tree, points, pi, gi, among is not None)
        return (pi, gi) if among is None else (pi, among[gi])

    def first(self, points: np.ndarray) -> np.ndarray:
        """Index of a polygon holding each point (the first on a shared border; a point in
        none, the nearest within :data:`COAST_DEG`; -1: none)."""
        out = np.full(len(points), -1, dtype=np.int64)
        if len(points):
            pi, gi = self.pairs(points)
            seen = np.unique(pi, return_index=True)
            out[seen[0]] = gi[seen[1]]
        return out


    def _off_coast(self, tree: shapely.STRtree, points: np.ndarray, pi: np.ndarray,
                   gi: np.ndarray, subset: bool) -> tuple[np.ndarray, np.ndarray]:
        """``(pi, gi)`` plus, for each real point in no polygon, its nearest polygon of
        ``tree`` within :data:`COAST_DEG` (pairs sorted by point). With ``subset`` (``tree``
        holds some of the polygons) a point inside one of the others is not off a coast."""
        if not len(points):
            return pi, gi
        alone = np.ones(len(points), dtype=bool)
        alone[pi] = False
        alone &= ~(shapely.is_missing(points) | shapely.is_empty(points))
        if not alone.any():
            return pi, gi
        idx = np.flatnonzero(alone)
        x, y = shapely.get_x(points[idx]), shapely.get_y(points[idx])
        close = tree.query(shapely.box(x - COAST_DEG, y - COAST_DEG, x + COAST_DEG,
                                       y + COAST_DEG))[0]
        idx = idx[np.unique(close)]  # a box test first: open sea is far from every outline
        if not len(idx):
            return pi, gi
        near = tree.query_nearest(points[idx], max_distance=COAST_DEG, all_matches=False)
        if not near.shape[1]:
            return pi, gi
        got, poly = idx[near[0]], near[1]
        if subset:
            inside = np.unique(self.tree.query(points[got], predicate="intersects")[0])
            keep = ~np.isin(np.arange(len(got)), inside)
            got, poly = got[keep], poly[keep]
        pi = np.concatenate([pi, got])
        gi = np.concatenate([gi, poly])
        order = np.argsort(pi, kind="stable")
        return pi[order], gi[order]
