"""Point -> admin-1 (or country) key, with the shipped polygons and a shapely STRtree."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import shapely

#: A point outside every polygon (on a coast simplified away) snaps to the nearest division
#: within this many degrees.
SNAP_DEGREES = 0.25


class ReverseIndex:
    def __init__(self, gazetteer_dir: Path) -> None:
        self._layers = [self._load(gazetteer_dir / "admin1.geojson"),
                        self._load(gazetteer_dir / "countries.geojson")]

    @staticmethod
    def _load(path: Path):
        with open(path, encoding="utf-8") as fh:
            feats = [f for f in json.load(fh)["features"] if f.get("geometry")]
        geoms = np.array([shapely.from_geojson(json.dumps(f["geometry"])) for f in feats])
        keys = [f["properties"]["key"] for f in feats]
        return shapely.STRtree(geoms), geoms, keys

    def lookup(self, lat: float, lon: float) -> str | None:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        point = shapely.Point(lon, lat)
        for tree, _geoms, keys in self._layers:
            hits = tree.query(point, predicate="intersects")
            if len(hits):
                # on a shared border, the lowest index wins: deterministic
                return keys[int(min(hits))]
        for tree, _geoms, keys in self._layers:
            idx, _dist = tree.query_nearest(point, max_distance=SNAP_DEGREES, return_distance=True)
            if len(idx):
                return keys[int(idx[0])]
        return None
