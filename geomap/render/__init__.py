"""Rendering: layered folium maps that work offline."""

from .mapview import ATTRIBUTION, build_map, save_map

__all__ = ["ATTRIBUTION", "build_map", "save_map"]
