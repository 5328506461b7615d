"""Rendering: layered folium maps that work offline (see :mod:`geomap.render.mapview`)."""

from .layers.events import ScaleOptions
from .mapview import ATTRIBUTION, MapInfo, build_map, map_html, render_map, save_map

__all__ = ["ATTRIBUTION", "MapInfo", "ScaleOptions", "build_map", "map_html", "render_map",
           "save_map"]
