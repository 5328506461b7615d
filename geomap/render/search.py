"""The place search's other names: what the text wrote and what the records call a place.

The search list's main entries are the places drawn (each layer's ``info.search``: the
gazetteer's name). An analyst types the spelling they read, so the list also holds

- each mention's own form as written ("Kupiansk", "Куп'янськ"), going where its place goes;
- each event record's and text event's ``location`` name, going to the event's point.

All names are HTML-escaped here (the runtime puts them in ``<option>`` markup).
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import pandas as pd

from .popups import esc

__all__ = ["mention_aliases", "record_aliases", "with_aliases"]

#: Zoom for an event record's point by its ``geo_precision``.
_ZOOM = {"exact": 10, "near": 9, "admin2": 8, "admin1": 6, "country": 5}


def mention_aliases(mentions: gpd.GeoDataFrame | None) -> list[tuple[str, str]]:
    """(escaped form as written, escaped place name) for each located mention."""
    if mentions is None or not len(mentions) or "name" not in mentions:
        return []
    located = mentions.loc[mentions.geometry.notna(), ["name", "place_name"]].dropna()
    return [(esc(" ".join(a.split())), esc(b))
            for a, b in located.drop_duplicates().itertuples(index=False)
            if isinstance(a, str) and isinstance(b, str) and a.strip()]


def record_aliases(*frames: gpd.GeoDataFrame | None) -> list[tuple]:
    """Search entries (name, x, y, zoom, None) for events' ``location`` names at their point."""
    out: list[tuple] = []
    for frame in frames:
        if frame is None or not len(frame) or "location" not in frame:
            continue
        pts = frame[frame.geometry.notna() & (frame.geometry.geom_type == "Point")]
        if not len(pts):
            continue
        # each name once, at its first row (a large table repeats a few hundred names; the
        # first row of a name is the one the list keeps anyway)
        pts = pts[~pts["location"].astype(object).duplicated()]
        loc = pts["location"].astype(object)
        prec = pts["geo_precision"].astype(object) if "geo_precision" in pts \
            else pd.Series(None, index=pts.index, dtype=object)
        for name, x, y, p in zip(loc, pts.geometry.x, pts.geometry.y, prec, strict=True):
            if not isinstance(name, str) or not name.strip():
                continue
            zoom = _ZOOM.get(p if isinstance(p, str) else "", 9)
            out.append((esc(" ".join(str(name).split())), float(x), float(y), zoom, None))
    return out


def with_aliases(entries: dict, aliases: Iterable[tuple[str, str]],
                 extra: Iterable[tuple] = (), limit: int = 30_000) -> dict:
    """``entries`` (see controls.search_entries) plus each alias going where its place goes,
    then ``extra`` entries (name, x, y, zoom, bounds) for names not in the list yet; ``l``
    holds the place's name for an alias ("" otherwise)."""
    index = {n.lower(): i for i, n in enumerate(entries["n"])}
    entries.setdefault("l", [""] * len(entries["n"]))

    def add(values: tuple) -> None:  # (name, x, y, zoom, bounds, label)
        index[values[0].lower()] = len(entries["n"])
        for key, value in zip("nxyzbl", values, strict=True):
            entries[key].append(value)

    for alias, target in aliases:
        i = index.get(target.lower())
        if len(entries["n"]) >= limit or i is None or not alias or alias.lower() in index:
            continue
        add((alias, *(entries[k][i] for k in "xyzb"), entries["n"][i]))
    for name, x, y, zoom, bounds in extra:
        if len(entries["n"]) >= limit or not name or name.lower() in index:
            continue
        add((name, round(x, 4), round(y, 4), zoom, bounds, ""))
    return entries
