"""Events located only to a first-level division (``geo_precision`` "admin1": an ACLED or UCDP
record placed at a province's centre, a report naming only "Kherson Oblast") are areas, not
dots: each division is shaded on its outline by the number of such events in the date range,
and its popup lists them, as countries are for country-level events
(:mod:`geomap.render.layers.countries`).

The division is the one holding the event's point, of its country (its ``admin1`` name
deciding on a border; :func:`geomap.render.boundaries.area_keys`); an event whose division has
no shipped outline is shaded on a small disc around its point, so every one is drawn.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import shapely

from ..._plural import counted
from ..boundaries import admin1_polygons, area_keys, area_shape, polygon_geojson
from ..dates import ARTICLE_DATED
from ..popups import esc
from ..runtime import JsCall
from ..style import REGION_EVENT_COLOURS, REGION_EVENT_LINE, ramp_colours
from .countries import event_items
from .events import event_days
from .regions import class_breaks

__all__ = ["RegionEventsInfo", "add_region_events_layer"]

#: radius (degrees) of the disc standing for a division without a shipped outline
DISC = 0.15


@dataclass
class RegionEventsInfo:
    regions: int = 0
    events: int = 0
    bins: list[int] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    search: list[tuple[str, float, float, int, list[float] | None]] = field(default_factory=list)


def add_region_events_layer(m: folium.Map, events: gpd.GeoDataFrame | None, *, data_dir: Path,
                            show: bool = True,
                            status: Callable[[pd.DataFrame], list[str]] | None = None,
                            ) -> RegionEventsInfo:
    """Add "Events on region areas (N)" for ``events`` (the region-level ones, see
    :func:`geomap.render.layers.events.region_events`); nothing when there are none."""
    info = RegionEventsInfo()
    if events is None or not len(events):
        return info
    keys = area_keys(events, data_dir).fillna("").astype(str).to_numpy()
    xs, ys = events.geometry.x.to_numpy(), events.geometry.y.to_numpy()
    # a division without an outline: its own disc, named by the event's admin1 (or place)
    for i in range(len(keys)):
        if not keys[i]:
            keys[i] = f"pt:{xs[i]:.3f},{ys[i]:.3f}"
    cols = [c for c in ("date", ARTICLE_DATED, "event_type", "actor1", "actor2", "dataset",
                        "admin1", "location", "country") if c in events]
    # plain objects: per-group popups read rows one by one (Arrow strings are slow to index)
    frame = pd.DataFrame(events[cols]).astype(object).assign(
        _key=keys, _day=event_days(events["date"]), _x=xs, _y=ys)
    if status is not None:
        frame["corroboration"] = status(events)
    for c in ("date", "event_type", "actor1", "actor2", "dataset", "admin1", "location"):
        if c not in frame:
            frame[c] = None
    polys = admin1_polygons(data_dir).drop_duplicates("key").set_index("key")
    days: dict[str, Counter] = defaultdict(Counter)
    for key, d in zip(frame["_key"], frame["_day"], strict=True):
        days[key][int(d)] += 1
    totals = {k: sum(c.values()) for k, c in days.items()}
    k = min(len(REGION_EVENT_COLOURS), len(set(totals.values())))
    info.bins = class_breaks(list(totals.values()), k=k)
    info.colours = ramp_colours(REGION_EVENT_COLOURS, len(info.bins))
    features = []
    for key, group in frame.groupby("_key", sort=False):
        part = group.sort_values("date")
        first = part.iloc[0]
        own = key.startswith("own:")
        if key in polys.index:
            geom = polys.geometry[key]
            name = str(polys.loc[key, "name"])
            country = polys.loc[key, "country"]
        elif own and area_shape(data_dir, key) is not None:  # an area the record draws
            geom = area_shape(data_dir, key)
            name = next((str(v) for v in (first["location"], first["admin1"])
                         if isinstance(v, str) and v), "an area drawn by its record")
            country = first.get("country")
        else:
            geom = shapely.Point(first["_x"], first["_y"]).buffer(DISC)
            name = next((str(v) for v in (first["admin1"], first["location"])
                         if isinstance(v, str) and v), "a region without outline")
            country = first.get("country")
        label = f"{name}, {country}" if isinstance(country, str) and country else name
        n = len(part)
        sub = ("area drawn by its record" if own else "first-level division") + \
            " \u00b7 " + counted(n, "event") + " located only to it"
        if "corroboration" in part:
            c = int((part["corroboration"] == "corroborated").sum())
            if c:
                sub += " \u00b7 " + counted(c, "record") + " corroborated by news"
        popup = (f'<div class="gm-popup"><b>{esc(label)}</b><div class="gm-sub">{esc(sub)}'
                 f"</div><ul>{event_items(part)}</ul></div>")
        pairs = [v for d, c in sorted(days[key].items()) for v in (int(d), int(c))]
        features.append({"type": "Feature", "geometry": polygon_geojson(geom, 0.01, 3),
                         "properties": {"n": esc(label), "b": pairs, "p": popup}})
        minx, miny, maxx, maxy = geom.bounds
        c = geom.representative_point()
        info.search.append((esc(name), c.x, c.y, 7, [round(minx, 3), round(miny, 3),
                                                     round(maxx, 3), round(maxy, 3)]))
    info.regions = len(features)
    info.events = len(frame)
    name = f"Events on region areas ({info.events:,})"
    group = folium.FeatureGroup(name=name, overlay=True, show=show)
    group.add_child(JsCall("regions", m.get_name(), {
        "name": name, "unit": "events located only to it", "unit1": "event located only to it",
        "bins": info.bins, "colours": info.colours, "kind": "region-events",
        "line": REGION_EVENT_LINE, "weight": 1.6, "opacity": 0.45,
        "pane": ["gm-region-events", 345],
        "fc": {"type": "FeatureCollection", "features": features}}))
    group.add_to(m)
    return info
