"""Place mentions: one circle per resolved place, sized by how often it is mentioned, coloured by
its most frequent role; places that are first-level divisions (a story's "Kursk border region")
are drawn as their polygon instead of a pin; countries are left to the countries layer (their
outlines) and named regions without an outline ("Siberia", "Europe") are labels, never dots."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np

from ..._plural import counted
from ..boundaries import admin1_polygons, polygon_geojson
from ..jsdata import round_coords
from ..popups import esc, mention_popup
from ..runtime import JsCall
from ..style import AREA_COLOUR, ROLE_COLOURS
from .events import event_days

__all__ = ["MentionsLayerInfo", "add_mention_layers"]

_ROLES = list(ROLE_COLOURS)


@dataclass
class MentionsLayerInfo:
    places: int = 0
    mentions: int = 0
    areas: int = 0
    area_mentions: int = 0
    regions: int = 0
    region_mentions: int = 0
    roles: tuple[str, ...] = ()
    search: list[tuple[str, float, float, int, list[float] | None]] | None = None


def _subtitle(r0: dict, n: int) -> str:
    sub = ", ".join(str(x) for x in (r0.get("feature"), r0.get("admin1"), r0.get("country")) if x)
    if r0.get("disputed"):
        sub += " \u00b7 disputed territory"
    return sub + " \u00b7 " + counted(n, "mention")


def _day_pairs(days: list[int]) -> list[int]:
    out: list[int] = []
    for d, k in sorted(Counter(days).items()):
        out += [int(d), int(k)]
    return out


def _groups(mentions: gpd.GeoDataFrame) -> dict[str, list[dict]]:
    located = mentions[mentions.geometry.notna()]
    plain = located.drop(columns=located.geometry.name).astype(object)
    plain = plain.where(plain.notna(), None)
    plain["_day"] = event_days(located["date"])
    plain["_x"] = located.geometry.x.to_numpy()
    plain["_y"] = located.geometry.y.to_numpy()
    groups: dict[str, list[dict]] = defaultdict(list)
    for rec in plain.to_dict("records"):
        groups[rec["place_key"]].append(rec)
    return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))


def add_mention_layers(m: folium.Map, mentions: gpd.GeoDataFrame, *,
                       data_dir: Path) -> MentionsLayerInfo:
    """Add "Place mentions" (pins) and "Named regions" (admin-1 polygons) to ``m``."""
    info = MentionsLayerInfo(search=[])
    if mentions is None or not len(mentions) or not mentions.geometry.notna().any():
        return info
    groups = _groups(mentions)
    admin1 = admin1_polygons(data_dir).set_index("key")
    pins: dict[str, list] = {k: [] for k in ("x", "y", "c", "n", "p", "d")}
    areas: list[dict] = []
    labels: dict[str, list] = {k: [] for k in ("x", "y", "n", "p", "d")}
    roles_seen: set[str] = set()
    for key, rows in groups.items():
        n = len(rows)
        r0 = rows[0]
        roles = Counter(r["role"] for r in rows)
        role = roles.most_common(1)[0][0]
        roles_seen.update(roles)
        popup = mention_popup(r0["place_name"], _subtitle(r0, n), rows)
        days = _day_pairs([r["_day"] for r in rows])
        label = f"{esc(r0['place_name'])} ({n})"
        if r0.get("feature") == "admin1" and key in admin1.index:
            geom = admin1.geometry[key]
            areas.append({"type": "Feature", "geometry": polygon_geojson(geom, 0.01, 3),
                          "properties": {"n": label, "p": popup, "d": days}})
            info.areas += 1
            info.area_mentions += n
            minx, miny, maxx, maxy = geom.bounds
            info.search.append((esc(r0["place_name"]), r0["_x"], r0["_y"], 7,
                                [round(minx, 3), round(miny, 3), round(maxx, 3), round(maxy, 3)]))
            continue
        if r0.get("feature") == "country":
            continue  # drawn as its outline (layers/countries.py)
        if r0.get("feature") == "region":
            # a named region without an outline: a label, not a point symbol
            labels["x"].append(r0["_x"])
            labels["y"].append(r0["_y"])
            labels["n"].append(label)
            labels["p"].append(popup)
            labels["d"].append(days)
            info.regions += 1
            info.region_mentions += n
            info.search.append((esc(r0["place_name"]), r0["_x"], r0["_y"], 5, None))
            continue
        pins["x"].append(r0["_x"])
        pins["y"].append(r0["_y"])
        pins["c"].append(_ROLES.index(role) if role in _ROLES else 0)
        pins["n"].append(label)
        pins["p"].append(popup)
        pins["d"].append(days)
        zoom = 4 if r0.get("feature") == "country" else 8
        info.search.append((esc(r0["place_name"]), r0["_x"], r0["_y"], zoom, None))
        info.places += 1
        info.mentions += n
    if areas:
        name = f"Named regions ({len(areas)})"
        group = folium.FeatureGroup(name=name, overlay=True, show=True)
        group.add_child(JsCall("areas", m.get_name(), {
            "name": name, "colour": AREA_COLOUR,
            "fc": {"type": "FeatureCollection", "features": areas}}))
        group.add_to(m)
    if labels["x"]:
        name = f"Regions without outline ({info.regions})"
        group = folium.FeatureGroup(name=name, overlay=True, show=True)
        group.add_child(JsCall("labels", m.get_name(), {
            **labels, "name": name, "x": round_coords(labels["x"]),
            "y": round_coords(labels["y"])}))
        group.add_to(m)
    if pins["x"]:
        name = f"Place mentions ({info.mentions})"
        pins["x"] = round_coords(pins["x"])
        pins["y"] = round_coords(pins["y"])
        group = folium.FeatureGroup(name=name, overlay=True, show=True)
        group.add_child(JsCall("mentions", m.get_name(), {
            **pins, "name": name, "colours": [ROLE_COLOURS[r] for r in _ROLES]}))
        group.add_to(m)
    info.roles = tuple(r for r in _ROLES if r in roles_seen)
    return info


def mention_bounds(mentions: gpd.GeoDataFrame | None) -> np.ndarray | None:
    """(minx, miny, maxx, maxy) of the located mentions, or None."""
    if mentions is None or not mentions.geometry.notna().any():
        return None
    return mentions[mentions.geometry.notna()].total_bounds
