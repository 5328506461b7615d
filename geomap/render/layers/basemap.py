"""The basemap: Natural Earth country outlines drawn from the page itself (works offline), under
optional online tile layers that are off by default (on by default for ``online`` maps)."""

from __future__ import annotations

from pathlib import Path

import folium

from ..boundaries import countries_feature_collection
from ..runtime import JsCall

__all__ = ["ATTRIBUTION", "add_basemap"]

ATTRIBUTION = ("Places \u00a9 <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0); "
               "boundaries: Natural Earth")

#: (name in the layer control, URL template, attribution) of the optional online tiles
_TILES = (
    ("Light streets (online, CARTO)",
     "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
     "&copy; <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a> contributors "
     "&copy; <a href='https://carto.com/attributions'>CARTO</a>"),
    ("OpenStreetMap (online)", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
     "&copy; <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a> contributors"),
)


def add_basemap(m: folium.Map, data_dir: Path, *, online: bool = False) -> None:
    """Country outlines (always on, not in the layer control) and the online tile overlays."""
    group = folium.FeatureGroup(name="Countries (offline basemap)", control=False, show=True)
    group.add_child(JsCall("basemap", m.get_name(), {"fc": countries_feature_collection(data_dir),
                                                     "attribution": ATTRIBUTION}))
    group.add_to(m)
    for i, (name, url, attr) in enumerate(_TILES):
        folium.TileLayer(url, attr=attr, name=name, overlay=True, control=True, max_zoom=19,
                         show=online and i == 0).add_to(m)
