"""Areas in exported tables: a row located only to a country or a first-level division gets
that area's outline as its geometry, the outline the map shades (Natural Earth, simplified as
on the map; :mod:`geomap.render.boundaries`), so QGIS or kepler.gl show an area, not a dot at
the place's label point. ``lat`` / ``lon`` columns keep every row's point.

A country mention (names, demonyms, metonymy) and an event with ``geo_precision`` "country"
take the country's outline; a mention of a first-level division and an event with
``geo_precision`` "admin1" take the division's (the unit holding the event's point, of its
country); an event whose record drew its own area (a GeoJSON polygon, ``area_wkt``) takes
that area, whatever its size. Towns, movements and unlocated rows are unchanged; an area whose
outline is not shipped keeps its point. An events table gains ``disputed``: whether the row's
point lies in a first-level unit flagged disputed (Crimea, the occupied oblasts...), as
mentions carry it.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd

from .._datadir import resolve_data_dir

__all__ = ["with_areas"]


def with_areas(gdf: gpd.GeoDataFrame, data_dir: str | os.PathLike[str] | None = None,
               ) -> gpd.GeoDataFrame:
    """A copy of ``gdf`` (a mentions or events table) whose country- and admin-1-level rows
    are drawn as their area, with ``lat`` / ``lon`` columns holding each row's point (added
    when the table has none; null for lines and unlocated rows)."""
    from ..render.boundaries import (  # the map's outlines
        OWN_AREA,
        area_keys,
        area_shape,
        in_disputed,
    )

    if not len(gdf) or gdf.geometry.name not in gdf:
        return gdf
    data_dir = resolve_data_dir(data_dir)
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    out = gdf.copy()
    geom = out.geometry
    if "lat" not in out and "lon" not in out:
        is_point = (geom.geom_type == "Point").to_numpy()
        lat = np.full(len(out), np.nan)
        lon = np.full(len(out), np.nan)
        if is_point.any():
            pts = geom[is_point]
            lon[is_point], lat[is_point] = pts.x.to_numpy(), pts.y.to_numpy()
        name = geom.name
        out = out.drop(columns=name).assign(lat=lat, lon=lon)
        out = gpd.GeoDataFrame(out, geometry=geom.rename(name), crs=gdf.crs)
    if "geo_precision" in out and {"lat", "lon"} <= set(out.columns) and \
            ("disputed" not in out or out["disputed"].isna().all()):
        # events: whether the point lies in disputed territory, as mentions say (null when
        # unlocated or located only to a country)
        flag = pd.Series(pd.NA, index=out.index, dtype="boolean")
        lat = pd.to_numeric(out["lat"], errors="coerce").to_numpy(dtype=float)
        lon = pd.to_numeric(out["lon"], errors="coerce").to_numpy(dtype=float)
        ok = ~np.isnan(lat) & ~np.isnan(lon) & \
            (out["geo_precision"].astype(object).fillna("") != "country").to_numpy()
        flag[ok] = in_disputed(data_dir, lon[ok], lat[ok])
        out["disputed"] = flag
    keys = area_keys(out, data_dir)
    has = np.flatnonzero(keys.notna().to_numpy())
    keys = keys.to_numpy()
    if not len(has):
        return out
    shapes = out.geometry.to_numpy().copy()
    for i in has:
        shape = area_shape(data_dir, keys[i])
        if shape is not None:
            shapes[i] = shape
    out = out.set_geometry(gpd.GeoSeries(shapes, index=out.index, crs=out.crs,
                                         name=out.geometry.name))
    # an area the record drew is the row's geometry now: not a second copy as text
    return out.drop(columns=OWN_AREA) if OWN_AREA in out else out
