"""Point -> admin-1 (or country) key, with the shipped polygons and a shapely STRtree.

Each layer is read on first need: the admin-1 polygons on the first lookup, the countries only
when a point lies in no admin-1 unit. Parsing the GeoJSON (8 MB) takes 0.6-1 s, paid
by every process that asks where a point lies (``events extract`` does, for towns whose
admin-1 code the shipped table lacks); so the parsed polygons are kept as WKB in the cache
folder, named by a hash of the GeoJSON, and later processes read them in milliseconds. WKB
keeps every coordinate exactly, so the trees and their answers are the same either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import numpy as np
import shapely

from .._atomic import atomic_write
from ..exceptions import OutputError

#: A point outside every polygon (on a coast simplified away) snaps to the nearest division
#: within this many degrees.
SNAP_DEGREES = 0.25
#: Bump when the cached file's layout changes.
_CACHE_FORMAT = 1


class ReverseIndex:
    def __init__(self, gazetteer_dir: Path, cache_dir: Path | None = None) -> None:
        self._paths = (gazetteer_dir / "admin1.geojson", gazetteer_dir / "countries.geojson")
        self._cache_dir = cache_dir
        self._layers: list = [None, None]

    def _layer(self, i: int):
        if self._layers[i] is None:
            geoms, keys = _load(self._paths[i], self._cache_dir)
            self._layers[i] = (shapely.STRtree(geoms), keys)
        return self._layers[i]

    def country_shape(self, iso2: str):
        """The shipped outline of the country with this ISO2 code, prepared for fast point
        tests (``shapely.contains_xy``); None when none is shipped."""
        tree, keys = self._layer(1)
        key = f"c:{iso2.upper()}"
        if key not in keys:
            return None
        shape = tree.geometries[keys.index(key)]
        shapely.prepare(shape)
        return shape

    def lookup(self, lat: float, lon: float) -> str | None:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        point = shapely.Point(lon, lat)
        for i in range(len(self._layers)):
            tree, keys = self._layer(i)
            hits = tree.query(point, predicate="intersects")
            if len(hits):
                # on a shared border, the lowest index wins: deterministic
                return keys[int(min(hits))]
        for i in range(len(self._layers)):
            tree, keys = self._layer(i)
            idx, _dist = tree.query_nearest(point, max_distance=SNAP_DEGREES, return_distance=True)
            if len(idx):
                return keys[int(idx[0])]
        return None


def keep_parsed(gazetteer_dir: Path, cache_dir: Path) -> None:
    """Parse the admin-1 layer into the cache folder now (the index build calls this), so that
    a machine's first ``events extract`` reads the polygons instead of parsing them."""
    _load(gazetteer_dir / "admin1.geojson", cache_dir)


def _load(path: Path, cache_dir: Path | None) -> tuple[np.ndarray, list[str]]:
    """The layer's geometries and keys: from the cache folder when it holds them for this
    file's content, else parsed from the GeoJSON (and written there for the next process)."""
    data = path.read_bytes()
    if cache_dir is None:
        return _parse(data)
    digest = hashlib.sha256(f"{_CACHE_FORMAT};{path.name};".encode() + data).hexdigest()[:16]
    cached = cache_dir / f"reverse-{path.stem}-{digest}.npz"
    if cached.is_file():
        try:
            with np.load(cached, allow_pickle=False) as z:
                blob, ends, keys = z["wkb"].tobytes(), z["ends"].tolist(), z["keys"].tolist()
            starts = [0, *ends[:-1]]
            return shapely.from_wkb([blob[a:b] for a, b in zip(starts, ends, strict=True)]), keys
        except Exception:  # a damaged cache file: parsed again and replaced
            pass
    geoms, keys = _parse(data)
    wkb = shapely.to_wkb(geoms)
    with contextlib.suppress(OSError, OutputError), atomic_write(cached, "wb") as fh:
        np.savez(fh, wkb=np.frombuffer(b"".join(wkb), dtype=np.uint8),
                 ends=np.cumsum([len(w) for w in wkb], dtype=np.int64),
                 keys=np.array(keys, dtype=str))
    return geoms, keys


def _parse(data: bytes) -> tuple[np.ndarray, list[str]]:
    every = json.loads(data)["features"]
    feats = [f for f in every if f.get("geometry")]
    keys = [f["properties"]["key"] for f in feats]
    if len(feats) == len(every):
        # every feature has a geometry: GEOS reads the whole collection at once, three times
        # faster than one feature at a time (a null geometry stops it: then one at a time)
        with contextlib.suppress(shapely.errors.GEOSException):
            geoms = shapely.get_parts(shapely.from_geojson(data))
            if len(geoms) == len(feats):
                return geoms, keys
    return np.array([shapely.from_geojson(json.dumps(f["geometry"])) for f in feats]), keys
