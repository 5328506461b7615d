"""Movements: origin -> destination flows as directed lines with an arrowhead, weighted by count.

Any event whose geometry is a LineString (text events of kind "movement" come that way) is a
movement from its first to its last vertex. Movements between the same two points (to about
100 m) are one flow; its width grows with the number of movements in the date range. An end that
is a whole country ("troops sent to Russia") is drawn at the country's capital, not at the
middle of its territory.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd

from ..boundaries import country_ends
from ..dates import ARTICLE_DATED, date_html
from ..popups import esc, link, truncate
from ..runtime import JsCall
from ..style import MOVEMENT_COLOUR
from .events import event_days

__all__ = ["FlowsLayerInfo", "add_movement_layer", "movement_events", "screen_angle"]


@dataclass
class FlowsLayerInfo:
    movements: int = 0
    flows: int = 0


def movement_events(events: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    """The events drawn as movements: LineString geometries."""
    if events is None or not len(events):
        return None
    geom = events.geometry
    mask = geom.notna() & geom.geom_type.isin(["LineString"])
    return events[mask.to_numpy()]


def _mercator_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def screen_angle(x0: float, y0: float, x1: float, y1: float) -> float:
    """Direction from (x0, y0) to (x1, y1) on a Web Mercator map, in degrees anticlockwise from
    east (the same at every zoom level, since Mercator preserves angles)."""
    return round(math.degrees(math.atan2(_mercator_y(y1) - _mercator_y(y0), x1 - x0)), 1)


def _text(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA else str(v)


def add_movement_layer(m: folium.Map, events: gpd.GeoDataFrame | None, *,
                       data_dir: Path | None = None, show: bool = True) -> FlowsLayerInfo:
    """Add the "Movements" layer (when there are movements). An end that
    is a whole country is drawn at its capital (with ``data_dir``, where the outlines are)."""
    info = FlowsLayerInfo()
    moves = movement_events(events)
    move_end = country_ends(data_dir)
    flows: dict[tuple, list[dict]] = defaultdict(list)
    if moves is not None and len(moves):
        plain = moves.drop(columns=moves.geometry.name).astype(object)
        plain = plain.where(plain.notna(), None)
        plain["_day"] = event_days(moves["date"])
        for rec, geom in zip(plain.to_dict("records"), moves.geometry, strict=True):
            (x0, y0), (x1, y1) = move_end(*geom.coords[0]), move_end(*geom.coords[-1])
            key = (round(x0, 3), round(y0, 3), round(x1, 3), round(y1, 3))
            flows[key].append(rec)
    data: dict[str, list] = {k: [] for k in ("x0", "y0", "x1", "y1", "a", "b", "t", "p")}
    for (x0, y0, x1, y1), rows in sorted(flows.items(), key=lambda kv: -len(kv[1])):
        n = len(rows)
        origin = _text(rows[0], "origin") or f"{y0:.2f}, {x0:.2f}"
        dest = _text(rows[0], "destination") or _text(rows[0], "location") or f"{y1:.2f}, {x1:.2f}"
        title = f"{origin} \u2192 {dest}"
        days: dict[int, int] = defaultdict(int)
        for r in rows:
            days[int(r["_day"])] += 1
        items = []
        for r in rows[:6]:
            date = date_html(_text(r, "date"), r.get(ARTICLE_DATED))
            actors = " \u2013 ".join(x for x in (_text(r, "actor1"), _text(r, "actor2")) if x)
            src = link(_text(r, "title") or _text(r, "source"), _text(r, "url"))
            note = _text(r, "sentence") or _text(r, "notes") or ""
            items.append(f"<li>{date} {esc(actors)}<br><q>{esc(truncate(note, 240))}"
                         f"</q>{'<br>' + src if src else ''}</li>")
        more = f"<li>\u2026 and {n - 6} more</li>" if n > 6 else ""
        data["x0"].append(x0)
        data["y0"].append(y0)
        data["x1"].append(x1)
        data["y1"].append(y1)
        data["a"].append(screen_angle(x0, y0, x1, y1))
        data["b"].append([v for d, k in sorted(days.items()) for v in (d, k)])
        data["t"].append(f"{esc(title)} ({n})")
        data["p"].append(f'<div class="gm-popup"><b>{esc(title)}</b><div class="gm-sub">{n} '
                         f"movement{'s' if n != 1 else ''}</div><ul>{''.join(items)}{more}"
                         "</ul></div>")
        info.flows += 1
        info.movements += n
    if not info.movements:
        return info  # an empty layer would only crowd the layer list
    name = f"Movements ({info.movements})"
    group = folium.FeatureGroup(name=name, overlay=True, show=show)
    group.add_child(JsCall("flows", m.get_name(), {**data, "name": name,
                                                   "colour": MOVEMENT_COLOUR}))
    group.add_to(m)
    return info
