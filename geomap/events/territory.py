"""Disputed territory on event rows, the same way for dataset records and text events.

:func:`mark_territory` gives every located row of an event table ``disputed`` (its point lies
in a first-level division whose status is disputed: Crimea, Sevastopol, the occupied oblasts,
Kashmir...) and ``de_facto_country`` (the state in control there, where another than the
recognised one: Crimea -> RU), as the gazetteer's places and mentions carry them. With
``de_facto`` the row's ``country`` becomes that state (the switch ``--de-facto``), as the
gazetteer reports it for places (:class:`geomap.gazetteer.Gazetteer`), so an ACLED record in
Sevastopol and a news event 300 m away say the same country.

The division is the shipped admin-1 polygon holding the point (a coastal point just off the
simplified outline takes the nearest: :mod:`geomap.join._admin1`). A row is flagged only when
its own ``country`` is the division's recognised or de-facto country (or missing): a Russian
town a few km across a simplified border from Donetsk Oblast is not disputed. Rows located
only to a country, movements (lines) and unlocated rows get null ``disputed``.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._datadir import resolve_data_dir

__all__ = ["TERRITORY_COLUMNS", "mark_territory"]

#: The columns :func:`mark_territory` sets.
TERRITORY_COLUMNS = ("disputed", "de_facto_country")


def _units(polys, points: np.ndarray) -> np.ndarray:
    """The admin-1 polygon of each point (-1: none), looked up only for points near a
    disputed unit (a bounding-box test first: a million records cost a fraction of a
    second), the rest -1."""
    from ..join._admin1 import COAST_DEG

    out = np.full(len(points), -1, dtype=np.int64)
    boxes = shapely.bounds(polys.geoms[polys.disputed])
    if not len(boxes):
        return out
    boxes = shapely.box(boxes[:, 0] - COAST_DEG, boxes[:, 1] - COAST_DEG,
                        boxes[:, 2] + COAST_DEG, boxes[:, 3] + COAST_DEG)
    near = np.unique(shapely.STRtree(boxes).query(points)[0])
    if len(near):
        out[near] = polys.first(points[near])
    return out


def mark_territory(events: gpd.GeoDataFrame, *, de_facto: bool = False,
                   data_dir: str | os.PathLike[str] | None = None) -> gpd.GeoDataFrame:
    """``events`` with ``disputed`` (boolean, null where not located to a point) and
    ``de_facto_country`` (ISO2 or null) set from each row's point; with ``de_facto``,
    ``country`` is the de-facto country where there is one. Returns a new table (``events``
    is not changed)."""
    from ..join._admin1 import Admin1Polygons

    out = events.copy(deep=False)  # new columns only: the table's own stay shared
    n = len(out)
    disputed = pd.array([pd.NA] * n, dtype="boolean")
    control = np.full(n, None, dtype=object)
    if n and out.geometry.name in out:
        geom = out.geometry.to_numpy()
        ok = ~(shapely.is_missing(geom) | shapely.is_empty(geom))
        ok[ok] = shapely.get_type_id(geom[ok]) == 0  # points (a movement's line: not one place)
        if "geo_precision" in out:
            ok &= (out["geo_precision"].astype(object).fillna("") != "country").to_numpy()
        if ok.any():
            polys = Admin1Polygons.load(resolve_data_dir(data_dir) / "gazetteer"
                                        / "admin1.geojson")
            unit = _units(polys, geom[ok])
            has = unit >= 0
            u = np.maximum(unit, 0)
            own = (out["country"].astype("string").fillna("").to_numpy(dtype=object)[ok]
                   if "country" in out else np.full(int(ok.sum()), "", dtype=object))
            agrees = (own == "") | (own == polys.country[u]) | \
                ((polys.de_facto[u] != "") & (own == polys.de_facto[u]))
            flag = has & polys.disputed[u] & agrees
            disputed[np.flatnonzero(ok)] = flag
            rows = np.flatnonzero(ok)[flag & (polys.de_facto[u] != "")]
            control[rows] = polys.de_facto[u][flag & (polys.de_facto[u] != "")]
    out["disputed"] = disputed
    out["de_facto_country"] = pd.array(control, dtype="string")
    if de_facto and "country" in out:
        moved = out["de_facto_country"].notna().to_numpy()
        if moved.any():
            country = out["country"].astype("string").copy()
            country[moved] = out["de_facto_country"][moved]
            out["country"] = country
    return out
