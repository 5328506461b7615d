"""Rendering: layered folium maps that work offline (see :mod:`geomap.render.mapview`).

The names below load on first use, so that the shipped outlines
(:mod:`geomap.render.boundaries`, used by the exports too) do not pull in folium."""

from __future__ import annotations

from typing import Any

__all__ = ["ATTRIBUTION", "MapInfo", "ScaleOptions", "build_map", "map_html", "render_map",
           "save_map"]


def __getattr__(name: str) -> Any:
    if name == "ScaleOptions":
        from .layers.events import ScaleOptions

        return ScaleOptions
    if name in __all__:
        from . import mapview

        return getattr(mapview, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
