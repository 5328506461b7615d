"""Areas in exported tables: a row located only to a country or a first-level division gets
that area's outline as its geometry, the outline the map shades (Natural Earth, simplified as
on the map; :mod:`geomap.render.boundaries`), so QGIS or kepler.gl show an area, not a dot at
the place's label point. ``lat`` / ``lon`` columns keep every row's point.

A country mention (names, demonyms, metonymy) and an event with ``geo_precision`` "country"
take the country's outline; a mention of a first-level division and an event with
``geo_precision`` "admin1" take the division's (the unit holding the event's point, of its
country); an event whose record drew its own area (a GeoJSON polygon, ``area_wkt``) takes
that area, whatever its size. A movement's end that is a whole country ("troops sent to
Russia") is that country's capital, where the map draws it, not the country's label point in
Siberia. Towns and unlocated rows are unchanged; an area whose outline is not shipped keeps its
point. An events table without ``disputed`` gains it and ``de_facto_country``
(:func:`geomap.events.territory.mark_territory`, as the readers and the extractor set them).

A mentions table is written the other way (:func:`areas_of`): its rows stay points with an
``area_key``, and each area they name is one row of an areas table. News names a few countries
and oblasts over and over (a front review: "Russian" in every paragraph), so outlines written
per mention made ``geomap map``'s mentions.geojson 27.5 MB for 150 articles (1,820 copies of six
outlines), and writing them took four fifths of the run.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._datadir import resolve_data_dir

__all__ = ["areas_of", "with_areas"]


def with_areas(gdf: gpd.GeoDataFrame, data_dir: str | os.PathLike[str] | None = None,
               ) -> gpd.GeoDataFrame:
    """A copy of ``gdf`` (a mentions or events table) whose country- and admin-1-level rows
    are drawn as their area, with ``lat`` / ``lon`` columns holding each row's point (added
    when the table has none; null for lines and unlocated rows)."""
    from ..render.boundaries import (  # the map's outlines
        OWN_AREA,
        area_keys,
        area_shape,
        country_ends,
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
    if "geo_precision" in out and \
            ("disputed" not in out or out["disputed"].isna().all()):
        # events read before the tables carried it: disputed territory from the point, as
        # the readers and the extractor set it (null when unlocated or only a country)
        from ..events.territory import mark_territory

        out = mark_territory(out, data_dir=data_dir)
    lines = np.flatnonzero((out.geometry.geom_type == "LineString").to_numpy())
    if len(lines):  # a movement's end that is a whole country is its capital, as drawn
        move = country_ends(data_dir)
        shapes = out.geometry.to_numpy().copy()
        for i in lines:
            shapes[i] = shapely.LineString([move(*xy[:2]) for xy in shapes[i].coords])
        out = out.set_geometry(gpd.GeoSeries(shapes, index=out.index, crs=out.crs,
                                             name=out.geometry.name))
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


def areas_of(mentions: gpd.GeoDataFrame, data_dir: str | os.PathLike[str] | None = None,
             ) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """``mentions`` with an ``area_key`` column ("c:UA", "a1:UA.05"; null for towns and places
    without a shipped outline) and ``lat`` / ``lon``, its rows unchanged points, and the areas
    table: one row per
    distinct key with ``area_key``, ``name``, ``feature`` (country / admin1), ``country``,
    ``mentions`` (how many rows name it) and the outline the map shades as its geometry."""
    from ..render.boundaries import area_keys, area_shape

    data_dir = resolve_data_dir(data_dir)
    cols = ["area_key", "name", "feature", "country", "mentions"]
    empty = gpd.GeoDataFrame({c: pd.Series(dtype=object if c != "mentions" else "int64")
                              for c in cols}, geometry=gpd.GeoSeries([], crs="EPSG:4326"),
                             crs="EPSG:4326")
    if not len(mentions) or mentions.geometry.name not in mentions:
        return mentions, empty
    out = mentions.copy()
    if "lat" not in out and "lon" not in out:  # as in every table written: the point as numbers
        pts = out.geometry.geom_type.to_numpy() == "Point"
        lat, lon = np.full(len(out), np.nan), np.full(len(out), np.nan)
        lon[pts], lat[pts] = out.geometry[pts].x.to_numpy(), out.geometry[pts].y.to_numpy()
        out["lat"], out["lon"] = lat, lon
    out["area_key"] = area_keys(out, data_dir).astype(object)
    named = out[out["area_key"].notna()]
    if not len(named):
        return out, empty
    first = named.groupby("area_key", sort=True).agg(
        name=("place_name", "first"), feature=("feature", "first"),
        country=("country", "first"), mentions=("area_key", "size"))
    shapes = [area_shape(data_dir, k) for k in first.index]
    areas = gpd.GeoDataFrame(first.reset_index(), geometry=shapes, crs="EPSG:4326")
    return out, areas[areas.geometry.notna()].reset_index(drop=True)
