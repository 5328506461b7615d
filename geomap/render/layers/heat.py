"""Heat map of event density (every event layer's points, or grid cells weighted by count).
Off by default; it follows the time control like the layers it is drawn from."""

from __future__ import annotations

import folium

from ..runtime import JsCall

__all__ = ["add_heat_layer"]


def add_heat_layer(m: folium.Map, *, show: bool = False) -> None:
    """Add "Heat map of events" (reads the event layers added before it)."""
    name = "Heat map of events"
    group = folium.FeatureGroup(name=name, overlay=True, show=show)
    group.add_child(JsCall("heat", m.get_name(), {"name": name}))
    group.add_to(m)
