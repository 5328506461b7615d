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
import pandas as pd

from .._atomic import atomic_write_text
from .._plural import counted
from ..exceptions import OutputError
from .assets import external_resources, inline_assets
from .boundaries import country_ends
from .controls import add_controls, add_timeline, layer_groups, search_entries
from .counts import EventCounts, event_counts
from .dates import with_article_dates
from .extent import fit_box
from .layers.basemap import ATTRIBUTION, add_basemap
from .layers.corroboration import CorroborationInfo, add_corroboration_layers
from .layers.countries import CountriesLayerInfo, add_countries_layer
from .layers.events import (
    EventsLayerInfo,
    ScaleOptions,
    add_event_layers,
    country_events,
    event_days,
    point_events,
    region_events,
)
from .layers.heat import add_heat_layer
from .layers.mentions import MentionsLayerInfo, add_mention_layers
from .layers.movements import FlowsLayerInfo, add_movement_layer
from .layers.region_events import RegionEventsInfo, add_region_events_layer
from .layers.regions import RegionsLayerInfo, add_regions_layer
from .legend import legend_html
from .popups import esc
from .runtime import JsCall, Runtime, slim_map
from .search import mention_aliases, record_aliases, with_aliases

__all__ = ["ATTRIBUTION", "MapInfo", "build_map", "map_html", "render_map", "save_map"]


@dataclass
class MapInfo:
    """What a map drew, for the CLI report and tests."""

    events: EventsLayerInfo
    mentions: MentionsLayerInfo
    flows: FlowsLayerInfo
    regions: RegionsLayerInfo
    options: ScaleOptions
    corroboration: CorroborationInfo = field(default_factory=CorroborationInfo)
    countries: CountriesLayerInfo = field(default_factory=CountriesLayerInfo)
    region_events: RegionEventsInfo = field(default_factory=RegionEventsInfo)
    #: the event table's counts (see :mod:`geomap.render.counts`): header, legend and report
    counts: EventCounts = field(default_factory=EventCounts)
    layers: list[str] = field(default_factory=list)
    date_range: tuple[str, str] | None = None

    @property
    def mode(self) -> str:
        return self.events.mode

    def describe(self) -> str:
        return self.events.describe(self.options)


def article_meta(mentions: gpd.GeoDataFrame | None) -> dict[str, dict]:
    """Article id -> title, url, date, from the mentions table (for link popups)."""
    if mentions is None or not len(mentions):
        return {}
    cols = [c for c in ("article_id", "title", "url", "date") if c in mentions]
    first = pd.DataFrame(mentions[cols]).drop_duplicates("article_id").astype(object)
    first = first.where(first.notna(), None)
    return {str(r.pop("article_id")): r for r in first.to_dict("records")}


def _concat(*frames: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    parts = [f for f in frames if f is not None and len(f)]
    if not parts:
        return None
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                            crs="EPSG:4326")


def daily_counts(mentions: gpd.GeoDataFrame | None, events: gpd.GeoDataFrame | None,
                 ) -> tuple[str, list[int], int]:
    """What the timeline counts ("Events" when there are dated events, else "Mentions"), its
    pairs [day, count, ...] and how many of those rows have no date."""
    for unit, frame in (("Events", events), ("Mentions", mentions)):
        if frame is None or not len(frame) or "date" not in frame:
            continue
        all_days = event_days(frame["date"])
        days = all_days[all_days >= 0]
        if len(days):
            values, counts = np.unique(days, return_counts=True)
            return (unit, [int(v) for pair in zip(values, counts, strict=True) for v in pair],
                    int(len(all_days) - len(days)))
    return "Events", [], 0


def _day_span(*frames: gpd.GeoDataFrame | None) -> tuple[int, int] | None:
    days = []
    for frame in frames:
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
               records: gpd.GeoDataFrame | None = None,
               text_events: gpd.GeoDataFrame | None = None,
               links: pd.DataFrame | None = None,
               ) -> tuple[folium.Map, MapInfo]:
    """Build the map of ``mentions`` (see :func:`geomap.mentions.mentions_frame`) and
    ``events`` (an event table; LineString events are movements), drawn by event type.

    With ``links`` (a join's links: ``article_id``, ``event_index``, ``record_id``, ``dataset``,
    ``rank``, ``score``, ``distance_km``, ``gap_days``, optionally ``title``, ``url``,
    ``article_date``) the map also shows corroboration: ``records`` (event records) linked to
    news, not linked, and ``text_events`` (events extracted from the articles) that link to no
    record (see :mod:`geomap.render.layers.corroboration`). The by-type layers are on either
    way (a map opens on its events); with a join, records with no article start hidden (they
    are the by-type icons again). ``records`` and ``text_events`` are usually the two parts
    of ``events``."""
    options = options or ScaleOptions()
    data_dir = Path(data_dir)
    # a text event with no date of its own is filed under its article's date (dates.py)
    events, records, text_events = (with_article_dates(f) for f in (events, records, text_events))
    everything = events if events is not None else _concat(records, text_events)
    m = slim_map(folium.Map(location=(30, 20), zoom_start=2, tiles=None, max_zoom=18,
                            min_zoom=2, control_scale=True, zoom_control=True))
    # folium passes min/max zoom only to its own tile layer; with tiles=None the map needs them
    # (marker clusters fail with "Map has no maxZoom specified")
    m.options.update(max_zoom=18, min_zoom=2, zoom_snap=0.25)
    m.get_root().header.add_child(folium.Element(f"<title>{esc(title)}</title>"))
    points = point_events(events)
    runtime_plugins = {"heat", "minimap"}
    if points is not None and len(points) and options.mode_for(len(points)) == "cluster":
        runtime_plugins.add("cluster")
    m.add_child(Runtime(runtime_plugins))
    add_basemap(m, data_dir, online=online)
    # the admin-1 choropleth counts the events located only to a division too
    regions_info = add_regions_layer(m, _concat(points, region_events(events)),
                                     data_dir=data_dir)
    counts = event_counts(everything)
    corroboration = CorroborationInfo()
    if links is not None:
        corroboration = add_corroboration_layers(m, records, text_events, links,
                                                 articles=article_meta(mentions),
                                                 icons="cluster" in runtime_plugins,
                                                 move_end=country_ends(data_dir))
    events_info = add_event_layers(m, events, options=options)
    countries_info = add_countries_layer(m, mentions, country_events(everything),
                                         data_dir=data_dir,
                                         status=corroboration.status if links is not None
                                         else None)
    region_info = add_region_events_layer(m, region_events(everything), data_dir=data_dir,
                                          status=corroboration.status if links is not None
                                          else None)
    mentions_info = add_mention_layers(m, mentions, data_dir=data_dir)
    flows_info = add_movement_layer(m, everything, data_dir=data_dir)
    add_heat_layer(m)
    span = _day_span(mentions, events, records, text_events)
    info = MapInfo(events_info, mentions_info, flows_info, regions_info, options,
                   corroboration=corroboration, countries=countries_info,
                   region_events=region_info, counts=counts,
                   date_range=(_iso(span[0]), _iso(span[1])) if span else None)
    bits = []
    if articles:
        bits.append(counted(articles, "article"))
    if mentions is not None and mentions.geometry.notna().any():
        named = int(mentions.loc[mentions.geometry.notna(), "place_key"].nunique())
        bits.append(counted(named, "place") + " mentioned")
    bits.extend(counts.header_bits())
    if info.date_range:
        lo, hi = info.date_range
        bits.append(lo if lo == hi else f"{lo} \u2013 {hi}")
    search = search_entries(countries_info.search, mentions_info.search or [],
                            region_info.search, regions_info.search)
    # the spellings the reader knows: the text's own forms and the records' location names
    search = with_aliases(search, mention_aliases(mentions), record_aliases(everything))
    add_controls(m, title=title, subtitle=" \u00b7 ".join(bits),
                 legend=legend_html(events_info, mentions_info, flows_info, regions_info,
                                    options, corroboration=corroboration,
                                    countries=countries_info, region_events=region_info,
                                    counts=counts), search=search)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    m.add_child(JsCall("groupLayers", m.get_name(), layer_groups(events_info.types),
                       with_layer=False))
    if span and span[1] > span[0]:
        unit, counts, undated = daily_counts(mentions, everything)
        add_timeline(m, *span, counts=counts, unit=unit, undated=undated)
    box = fit_box(mentions, everything, move_end=country_ends(data_dir))
    if box is None and countries_info.label_points:
        xs, ys = zip(*countries_info.label_points, strict=True)
        box = (min(xs), min(ys), max(xs), max(ys))
    if box:
        minx, miny, maxx, maxy = box
        pad_x = max(0.5, (maxx - minx) * 0.04)
        pad_y = max(0.5, (maxy - miny) * 0.04)
        m.add_child(JsCall("fit", m.get_name(), {
            "b": [[max(-80, miny - pad_y), minx - pad_x], [min(84, maxy + pad_y), maxx + pad_x]],
            "z": 9}, with_layer=False))
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
