"""Regions: an admin-1 choropleth of event counts (or fatalities), filtered by date in the page.

Event points are joined to the shipped Natural Earth admin-1 polygons with a geopandas spatial
join; each region keeps its counts per day so the time control can recolour it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from ..boundaries import admin1_polygons, polygon_geojson
from ..popups import esc
from ..runtime import JsCall
from ..style import REGION_COLOURS, ramp_colours
from .events import event_days

__all__ = ["RegionsLayerInfo", "add_regions_layer", "class_breaks", "events_by_region"]


@dataclass
class RegionsLayerInfo:
    regions: int = 0
    unit: str = "events"
    bins: list[int] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    search: list[tuple[str, float, float, int, list[float] | None]] = field(default_factory=list)


def events_by_region(points: gpd.GeoDataFrame, admin1: gpd.GeoDataFrame, *,
                     metric: str = "events") -> pd.DataFrame:
    """Per (region key, day): the number of events (or summed fatalities) inside the region."""
    minx, miny, maxx, maxy = points.total_bounds
    polys = admin1.cx[minx:maxx, miny:maxy]
    pts = gpd.GeoDataFrame({
        "day": event_days(points["date"]),
        "w": (pd.to_numeric(points["fatalities"], errors="coerce").fillna(0).to_numpy()
              if metric == "fatalities" else np.ones(len(points), dtype="int64")),
    }, geometry=points.geometry.to_numpy(), crs=points.crs)
    if not polys.crs.equals(pts.crs):
        raise ValueError(f"CRS mismatch: events {pts.crs}, regions {polys.crs}")
    joined = gpd.sjoin(pts, polys[["key", "geometry"]], how="inner", predicate="within")
    return joined.groupby(["key", "day"])["w"].sum().reset_index()


def class_breaks(totals: list[int], k: int = len(REGION_COLOURS)) -> list[int]:
    """Upper bounds of up to ``k`` classes: rounded quantiles of the totals, increasing."""
    if not totals:
        return []
    qs = np.quantile(np.asarray(totals, dtype=float), np.linspace(0, 1, k + 1)[1:])
    out: list[int] = []
    for q in qs:
        v = int(np.ceil(q))
        if v > 10:
            mag = 10 ** (len(str(v)) - 2)
            v = int(np.ceil(v / mag) * mag)
        if not out or v > out[-1]:
            out.append(v)
    return out


def add_regions_layer(m: folium.Map, points: gpd.GeoDataFrame | None, *, data_dir: Path,
                      metric: str = "events", show: bool = False) -> RegionsLayerInfo:
    """Add "Regions: events per admin-1" (present even when empty)."""
    info = RegionsLayerInfo(unit=metric)
    features = []
    if points is not None and len(points):
        admin1 = admin1_polygons(data_dir)
        per_day = events_by_region(points, admin1, metric=metric)
        per_day = per_day[per_day["w"] > 0]
        totals = per_day.groupby("key")["w"].sum()
        info.bins = class_breaks([int(v) for v in totals])
        info.colours = ramp_colours(REGION_COLOURS, len(info.bins))
        polys = admin1.set_index("key")
        for key, part in per_day.groupby("key", sort=False):
            row = polys.loc[key]
            label = f"{row['name']}, {row['country']}" if row["country"] else row["name"]
            pairs = [int(v) for d, w in zip(part["day"], part["w"], strict=True)
                     for v in (d, w)]
            features.append({"type": "Feature", "geometry": polygon_geojson(row.geometry),
                             "properties": {"n": esc(label), "b": pairs}})
            c = row.geometry.representative_point()
            minx, miny, maxx, maxy = row.geometry.bounds
            info.search.append((esc(row["name"]), c.x, c.y, 7,
                                [round(minx, 3), round(miny, 3), round(maxx, 3), round(maxy, 3)]))
        info.regions = len(features)
    unit = "fatalities" if metric == "fatalities" else "events"
    name = f"Regions: {unit} per admin-1 ({info.regions})"
    group = folium.FeatureGroup(name=name, overlay=True, show=show)
    group.add_child(JsCall("regions", m.get_name(), {
        "name": name, "unit": unit, "unit1": unit.removesuffix("s"), "bins": info.bins,
        "colours": info.colours,
        "fc": {"type": "FeatureCollection", "features": features}}))
    group.add_to(m)
    return info
