"""Which first-level divisions hold a point: the shipped Natural Earth admin-1 polygons.

A point on a shared border lies in both divisions (``intersects``, not ``within``), so a
record placed exactly on a border can match article events on either side.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely

__all__ = ["Admin1Polygons"]


class Admin1Polygons:
    """The admin-1 polygons of a data folder with an STRtree over them."""

    def __init__(self, path: Path) -> None:
        with open(path, encoding="utf-8") as fh:
            feats = [f for f in json.load(fh)["features"] if f.get("geometry")]
        self.keys = np.array([f["properties"]["key"] for f in feats], dtype=object)
        #: the country (ISO2, "" when none) each division belongs to
        self.country = np.array([f["properties"].get("country") or "" for f in feats],
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
        border gets both). ``among`` limits the polygons looked at (indexes)."""
        if among is None:
            pi, gi = self.tree.query(points, predicate="intersects")
            return pi, gi
        sub = self.geoms[among]
        pi, si = shapely.STRtree(sub).query(points, predicate="intersects")
        return pi, among[si]

    def first(self, points: np.ndarray) -> np.ndarray:
        """Index of a polygon holding each point (the first on a shared border; -1: none)."""
        out = np.full(len(points), -1, dtype=np.int64)
        if len(points):
            pi, gi = self.tree.query(points, predicate="intersects")
            seen = np.unique(pi, return_index=True)
            out[seen[0]] = gi[seen[1]]
        return out
