"""The folium map: an offline basemap, optional online tiles, and one layer per kind of data."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import folium
import geopandas as gpd

from .._atomic import atomic_write_text
from .popups import ROLE_COLOURS, mention_popup

__all__ = ["ATTRIBUTION", "build_map", "save_map"]

ATTRIBUTION = ("Places © <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0); "
               "boundaries: Natural Earth")


def _basemap(m: folium.Map, data_dir: Path) -> None:
    path = data_dir / "gazetteer" / "countries.geojson"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for f in data["features"]:
        f["properties"] = {"name": f["properties"].get("name")}
    folium.GeoJson(
        data, name="Countries (offline basemap)", overlay=False, control=True,
        style_function=lambda _f: {"fillColor": "#f4f1ea", "color": "#9a9a9a", "weight": 0.6,
                                   "fillOpacity": 1.0},
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        attr=ATTRIBUTION,
    ).add_to(m)


def _mentions_layer(m: folium.Map, mentions: gpd.GeoDataFrame) -> int:
    located = mentions[mentions.geometry.notna()]
    groups: dict[str, list[dict]] = defaultdict(list)
    plain = located.drop(columns="geometry").astype(object)
    plain = plain.where(plain.notna(), None)
    for rec in plain.to_dict("records"):
        groups[rec["place_key"]].append(rec)
    layer = folium.FeatureGroup(name=f"Place mentions ({len(located)})", overlay=True, show=True)
    first_geom = located.drop_duplicates("place_key").set_index("place_key").geometry
    for key, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        pt = first_geom[key]
        roles = [r["role"] for r in rows]
        role = max(set(roles), key=roles.count)
        n = len(rows)
        r0 = rows[0]
        sub = ", ".join(x for x in (r0.get("feature"), r0.get("admin1"), r0.get("country")) if x)
        if r0.get("disputed"):
            sub += " · disputed territory"
        sub += f" · {n} mention{'s' if n != 1 else ''}"
        folium.CircleMarker(
            location=(pt.y, pt.x), radius=5 + 3 * min(n, 12) ** 0.5,
            color="#ffffff", weight=1, fill=True, fill_color=ROLE_COLOURS.get(role, "#c0392b"),
            fill_opacity=0.85,
            popup=folium.Popup(mention_popup(r0["place_name"], sub, rows), max_width=380),
            tooltip=folium.Tooltip(f"{r0['place_name']} ({n})"),
        ).add_to(layer)
    layer.add_to(m)
    return len(groups)


def build_map(mentions: gpd.GeoDataFrame, *, data_dir: Path, title: str = "geomap") -> folium.Map:
    """A folium map of the mentions table (see :func:`geomap.mentions.mentions_frame`)."""
    m = folium.Map(location=(30, 20), zoom_start=2, tiles=None, max_zoom=18,
                   control_scale=True, prefer_canvas=True)
    m.get_root().header.add_child(folium.Element(f"<title>{_esc(title)}</title>"))
    _basemap(m, data_dir)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=False,
                     overlay=False).add_to(m)
    _mentions_layer(m, mentions)
    folium.LayerControl(collapsed=False).add_to(m)
    located = mentions[mentions.geometry.notna()]
    if len(located):
        minx, miny, maxx, maxy = located.total_bounds
        m.fit_bounds([[miny - 2, minx - 2], [maxy + 2, maxx + 2]])
    return m


def save_map(m: folium.Map, path: str | Path) -> None:
    """Write the map's HTML atomically."""
    atomic_write_text(path, m.get_root().render())


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
