"""The map: an offline basemap, one layer per kind of data, controls, written as one HTML file.

:func:`render_map` builds the folium Map and says what it drew (:class:`MapInfo`);
:func:`save_map` writes it self-contained (every script and stylesheet inlined) or, with
``online=True``, as a small page that links the libraries from their CDNs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np

from .._atomic import atomic_write_text
from ..exceptions import OutputError
from .assets import external_resources, inline_assets
from .controls import add_controls, add_timeline, search_entries
from .layers.basemap import ATTRIBUTION, add_basemap
from .layers.events import (
    EventsLayerInfo,
    ScaleOptions,
    add_event_layers,
    event_days,
    point_events,
)
from .layers.heat import add_heat_layer
from .layers.mentions import MentionsLayerInfo, add_mention_layers
from .layers.movements import FlowsLayerInfo, add_movement_layer, movement_events
from .layers.regions import RegionsLayerInfo, add_regions_layer
from .legend import legend_html
from .popups import esc
from .runtime import Runtime, slim_map

__all__ = ["ATTRIBUTION", "MapInfo", "build_map", "map_html", "render_map", "save_map"]


@dataclass
class MapInfo:
    """What a map drew, for the CLI report and tests."""

    events: EventsLayerInfo
    mentions: MentionsLayerInfo
    flows: FlowsLayerInfo
    regions: RegionsLayerInfo
    options: ScaleOptions
    layers: list[str] = field(default_factory=list)
    date_range: tuple[str, str] | None = None

    @property
    def mode(self) -> str:
        return self.events.mode

    def describe(self) -> str:
        return self.events.describe(self.options)


def _extent(mentions: gpd.GeoDataFrame | None, events: gpd.GeoDataFrame | None,
            ) -> tuple[float, float, float, float] | None:
    boxes = []
    if mentions is not None and mentions.geometry.notna().any():
        boxes.append(mentions[mentions.geometry.notna()].total_bounds)
    pts = point_events(events)
    if pts is not None and len(pts):
        if len(pts) > 1000:  # robust to a few far-off events
            xs, ys = pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()
            (x0, x1), (y0, y1) = np.percentile(xs, [0.5, 99.5]), np.percentile(ys, [0.5, 99.5])
            boxes.append(np.array([x0, y0, x1, y1]))
        else:
            boxes.append(pts.total_bounds)
    moves = movement_events(events)
    if moves is not None and len(moves):
        boxes.append(moves.total_bounds)
    if not boxes:
        return None
    arr = np.array(boxes, dtype=float)
    return (arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max())


def _day_span(mentions: gpd.GeoDataFrame | None,
              events: gpd.GeoDataFrame | None) -> tuple[int, int] | None:
    days = []
    for frame in (mentions, events):
        if frame is not None and len(frame) and "date" in frame:
            d = event_days(frame["date"])
            days.append(d[d >= 0])
    alldays = np.concatenate(days) if days else np.array([], dtype="int64")
    if not len(alldays):
        return None
    return int(alldays.min()), int(alldays.max())


def _iso(day: int) -> str:
    return str(np.datetime64(day, "D"))


def render_map(mentions: gpd.GeoDataFrame | None, *, data_dir: Path, title: str = "geomap",
               events: gpd.GeoDataFrame | None = None, online: bool = False,
               options: ScaleOptions | None = None, articles: int | None = None,
               ) -> tuple[folium.Map, MapInfo]:
    """Build the map of ``mentions`` (see :func:`geomap.mentions.mentions_frame`) and
    ``events`` (an event table; LineString events are movements)."""
    options = options or ScaleOptions()
    data_dir = Path(data_dir)
    m = slim_map(folium.Map(location=(30, 20), zoom_start=2, tiles=None, max_zoom=18,
                            min_zoom=2, control_scale=True, zoom_control=True))
    # folium passes min/max zoom only to its own tile layer; with tiles=None the map needs them
    # (marker clusters fail with "Map has no maxZoom specified")
    m.options.update(max_zoom=18, min_zoom=2)
    m.get_root().header.add_child(folium.Element(f"<title>{esc(title)}</title>"))
    points = point_events(events)
    runtime_plugins = {"heat", "minimap"}
    if points is not None and len(points) and options.mode_for(len(points)) == "cluster":
        runtime_plugins.add("cluster")
    m.add_child(Runtime(runtime_plugins))
    add_basemap(m, data_dir, online=online)
    regions_info = add_regions_layer(m, points, data_dir=data_dir)
    events_info = add_event_layers(m, events, options=options)
    mentions_info = add_mention_layers(m, mentions, data_dir=data_dir)
    flows_info = add_movement_layer(m, events)
    add_heat_layer(m)
    span = _day_span(mentions, events)
    if span and span[1] > span[0]:
        add_timeline(m, *span)
    info = MapInfo(events_info, mentions_info, flows_info, regions_info, options,
                   date_range=(_iso(span[0]), _iso(span[1])) if span else None)
    bits = []
    if articles is not None:
        bits.append(f"{articles:,} article{'s' if articles != 1 else ''}")
    if mentions_info.places or mentions_info.areas:
        bits.append(f"{mentions_info.places + mentions_info.areas:,} places mentioned")
    if events_info.events or flows_info.movements:
        bits.append(f"{events_info.events + flows_info.movements:,} events")
    if info.date_range:
        lo, hi = info.date_range
        bits.append(lo if lo == hi else f"{lo} \u2013 {hi}")
    search = search_entries(mentions_info.search or [], regions_info.search)
    add_controls(m, title=title, subtitle=" \u00b7 ".join(bits),
                 legend=legend_html(events_info, mentions_info, flows_info, regions_info,
                                    options), search=search)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    box = _extent(mentions, events)
    if box:
        minx, miny, maxx, maxy = box
        pad_x = max(1.0, (maxx - minx) * 0.08)
        pad_y = max(1.0, (maxy - miny) * 0.08)
        m.fit_bounds([[max(-80, miny - pad_y), minx - pad_x],
                      [min(84, maxy + pad_y), maxx + pad_x]], max_zoom=7)
    info.layers = [c.layer_name for c in m._children.values()
                   if isinstance(c, folium.FeatureGroup | folium.TileLayer) and c.control]
    return m, info


def build_map(mentions: gpd.GeoDataFrame | None, *, data_dir: Path, title: str = "geomap",
              events: gpd.GeoDataFrame | None = None, online: bool = False,
              options: ScaleOptions | None = None) -> folium.Map:
    """The folium Map of :func:`render_map` alone."""
    return render_map(mentions, data_dir=data_dir, title=title, events=events, online=online,
                      options=options)[0]


def map_html(m: folium.Map, *, online: bool = False) -> str:
    """The page's HTML: self-contained unless ``online``."""
    html = m.get_root().render()
    if online:
        return html
    html = inline_assets(html)
    left = external_resources(html)
    if left:
        raise OutputError("the map would still load " + ", ".join(left[:5]))
    return html


def save_map(m: folium.Map, path: str | Path, *, online: bool = False) -> int:
    """Write the map's HTML atomically; returns its size in bytes."""
    html = map_html(m, online=online)
    atomic_write_text(path, html)
    return len(html.encode("utf-8"))
