"""Map-wide controls: title, legend, time range, place search, minimap, fullscreen."""

from __future__ import annotations

from collections.abc import Iterable

import folium
import numpy as np
from folium.plugins import Fullscreen

from .jsdata import round_coords
from .popups import esc
from .runtime import JsCall

__all__ = ["add_controls", "add_timeline", "layer_groups", "main_span", "search_entries"]

SearchEntry = tuple[str, float, float, int, "list[float] | None"]


def search_entries(*lists: Iterable[SearchEntry], limit: int = 20_000) -> dict:
    """Search data: escaped names (first occurrence wins), points, zooms and optional bounds."""
    seen: set[str] = set()
    out: dict[str, list] = {"n": [], "x": [], "y": [], "z": [], "b": []}
    for entries in lists:
        for name, x, y, zoom, bounds in entries:
            key = name.lower()
            if not name or key in seen or len(out["n"]) >= limit:
                continue
            seen.add(key)
            out["n"].append(name)
            out["x"].append(x)
            out["y"].append(y)
            out["z"].append(zoom)
            out["b"].append(bounds)
    out["x"] = round_coords(out["x"], 4)
    out["y"] = round_coords(out["y"], 4)
    return out


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values)
    cum = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cum, cum[-1] / 2)])


def main_span(pairs: list[int], *, min_items: int = 5, reach: float = 8.0,
              ) -> tuple[int, int] | None:
    """The main span of dated items, or None when it is the whole span. Days farther from the
    median day (counts weighted) than ``reach`` times the median distance to it (at least a
    week) are outside, if they hold at most a tenth of the items (or two): one record years
    older than the rest (a 2019 record among 2024 news, a story's "in June" among November
    reports) no longer squeezes the chart's bars, and a spread-out dataset keeps its whole span.
    ``pairs`` are day, count, day, count, ..."""
    days = np.asarray(pairs[0::2], dtype=np.int64)
    weights = np.asarray(pairs[1::2], dtype=np.int64)
    total = int(weights.sum()) if len(weights) else 0
    if total < min_items:
        return None
    centre = _weighted_median(days, weights)
    far = np.abs(days - centre)
    spread = max(_weighted_median(far, weights), 7.0)
    inside = far <= reach * spread
    if inside.all() or int(weights[~inside].sum()) > max(2, total // 10):
        return None
    return int(days[inside].min()), int(days[inside].max())


def add_timeline(m: folium.Map, first_day: int, last_day: int, *,
                 counts: list[int] | None = None, unit: str = "Events",
                 undated: int = 0) -> None:
    """The timeline under the map: a bar chart of ``counts`` (pairs day, count, ... with days
    since 1970-01-01) with a brush and a two-handle slider over the chart's days; every geomap
    layer follows it. The chart opens on the :func:`main_span` of the counts, with a button for
    the whole span. Rows with no date stay on the map whatever the range, unless the
    "undated" box (shown with ``undated``, how many of the counted rows have no date) is
    cleared."""
    data = {"lo": first_day, "hi": last_day, "c": counts or [], "unit": esc(unit),
            "u": int(undated)}
    view = main_span(counts or [])
    if view is not None:
        data["view"] = [max(first_day, view[0]), min(last_day, view[1])]
    m.add_child(JsCall("timeline", m.get_name(), data, with_layer=False))


def layer_groups(types: list[tuple[str, int]], *, open_types: int = 6) -> dict:
    """How the layer list is grouped: titles and the name prefixes of their layers, in order.
    Event types fold away when there are more than ``open_types`` of them."""
    return {"groups": [
        {"title": "News and records", "open": True,
         "prefixes": ["Records corroborated", "Records with no article", "Reported, not recorded"]},
        {"title": f"Event types ({len(types)})", "open": len(types) <= open_types,
         "prefixes": ["Events: "], "toggle": True},
        {"title": "Places and movements", "open": True,
         "prefixes": ["Countries", "Events on region areas", "Named regions",
                      "Regions without outline", "Place mentions", "Movements"]},
        {"title": "Summaries", "open": True,
         "prefixes": ["Event density", "Regions: ", "Heat map"]},
        {"title": "Basemap", "open": False, "prefixes": ["Light streets", "OpenStreetMap"]},
    ]}


def add_controls(m: folium.Map, *, title: str, subtitle: str, legend: str,
                 search: dict) -> None:
    """Title box, search box, legend, minimap and fullscreen button (in that order)."""
    m.add_child(JsCall("title", m.get_name(),
                       f"<h1>{esc(title)}</h1><p>{esc(subtitle)}</p>", with_layer=False))
    Fullscreen(position="topleft", title="Full screen", title_cancel="Exit full screen").add_to(m)
    if search["n"]:
        m.add_child(JsCall("search", m.get_name(), search, with_layer=False))
    m.add_child(JsCall("legend", m.get_name(), legend, with_layer=False))
    m.add_child(JsCall("minimap", m.get_name(), None, with_layer=False))
