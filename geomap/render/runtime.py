"""folium elements that put geomap's runtime and data into the page.

:class:`Runtime` links the Leaflet plugins a map needs (CDN links that
:func:`~geomap.render.assets.inline_assets` later inlines) and inlines ``window.GM``;
:class:`JsCall` emits one ``GM.<function>(map, layer, data)`` call with its data as safe JSON.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from . import (
    runtime_carto_js,
    runtime_corroboration_js,
    runtime_density_js,
    runtime_timeline_js,
)
from .jsdata import js_data
from .runtime_js import CSS as _CSS
from .runtime_js import JS as _JS

#: The runtime's scripts and styles, in load order (core first: the others use its helpers).
_PARTS = (runtime_corroboration_js, runtime_carto_js, runtime_timeline_js, runtime_density_js)
JS = _JS + "".join(p.JS for p in _PARTS)
CSS = _CSS + "".join(p.CSS for p in _PARTS)

__all__ = ["LEAFLET_CSS", "LEAFLET_JS", "PLUGINS", "JsCall", "Runtime", "slim_map"]

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
_CLUSTER = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/"
_MINIMAP = "https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/"

#: plugin -> (scripts, stylesheets); the URLs folium 0.20 itself uses for these plugins.
PLUGINS: dict[str, tuple[list[str], list[str]]] = {
    "cluster": ([_CLUSTER + "leaflet.markercluster.js"], [_CLUSTER + "MarkerCluster.css"]),
    "heat": (["https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/"
              "leaflet_heat.min.js"], []),
    "minimap": ([_MINIMAP + "Control.MiniMap.js"], [_MINIMAP + "Control.MiniMap.css"]),
}


def slim_map(m: folium.Map) -> folium.Map:
    """Drop the libraries stock folium links that geomap does not use (jQuery, Bootstrap,
    Font Awesome, awesome-markers: about 1.2 MB inlined). Changes this map only."""
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    return m


class Runtime(JSCSSMixin):
    """The Leaflet plugins named in ``plugins`` (keys of :data:`PLUGINS`) plus ``window.GM``."""

    _template = Template("")

    def __init__(self, plugins: set[str] | frozenset[str] = frozenset()) -> None:
        super().__init__()
        self._name = "GeomapRuntime"
        unknown = set(plugins) - set(PLUGINS)
        if unknown:
            raise ValueError(f"unknown plugins: {', '.join(sorted(unknown))}")
        self.default_js = [(f"gm_{k}_{i}", url) for k in sorted(plugins)
                           for i, url in enumerate(PLUGINS[k][0])]
        self.default_css = [(f"gm_{k}_css_{i}", url) for k in sorted(plugins)
                            for i, url in enumerate(PLUGINS[k][1])]

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        super().render(**kwargs)
        figure.header.add_child(Element("<style>" + CSS + "</style>"), name="gm_runtime_css")
        figure.header.add_child(Element("<script>" + JS.replace("</script", "<\\/script")
                                        + "</script>"), name="gm_runtime_js")


class JsCall(MacroElement):
    """``GM.<function>(<map>, <parent layer>, <data>)`` in the page's script, in add order.

    ``data`` is any JSON value; strings in it must already be escaped HTML where the runtime
    puts them into the page (see :mod:`geomap.render.popups`).
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "GM.{{ this.function }}({{ this.map_name }}{% if this.with_layer %}, "
        "{{ this._parent.get_name() }}{% endif %}, {{ this.payload }});\n"
        "{% endmacro %}"
    )

    #: Payloads longer than this go into a ``<script type="application/json">`` element read
    #: with JSON.parse (much faster for the browser than a large literal inside the script).
    INLINE_MAX = 50_000

    def __init__(self, function: str, map_name: str, data: Any, *, with_layer: bool = True):
        super().__init__()
        self._name = "GeomapCall"
        self.function = function
        self.map_name = map_name
        self.with_layer = with_layer
        text = js_data(data)
        self._json: str | None = None
        if len(text) > self.INLINE_MAX:
            self._json = text
            self.payload = f'GM.json("{self.get_name()}")'
        else:
            self.payload = text

    def render(self, **kwargs: Any) -> None:
        if self._json is not None:
            # js_data escapes "<", so the JSON cannot end its script element
            self.get_root().header.add_child(Element(
                f'<script type="application/json" id="{self.get_name()}">{self._json}</script>'),
                name=self.get_name() + "_json")
        super().render(**kwargs)
