"""Events by type: one toggleable layer per unified event type, drawn to stay usable at scale.

Every type becomes one :class:`folium.FeatureGroup` holding one ``GM.events`` call with the
type's events as compact columns (coordinates, day numbers, indexes into one table of
pre-escaped popup fragments), never one folium Marker per event. How they are drawn depends on
how many events the map holds (:class:`ScaleOptions`):

- ``cluster``: type icons in a marker cluster per type (dense places merge into counts);
- ``points``: one small circle per event on a shared canvas (no DOM node per event);
- ``grid``: events summed into grid cells per type and time bucket, drawn as sized circles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from ..._plural import counted
from ..counts import drawn_class
from ..dates import ARTICLE_DATED
from ..jsdata import round_coords
from ..popups import esc, link, sentence_html, truncate
from ..runtime import JsCall
from ..style import icon_svg, type_style

__all__ = ["EventsLayerInfo", "ScaleOptions", "add_event_layers", "country_events", "event_days",
           "point_events", "region_events"]

MODE_TEXT = {
    "cluster": "clustered type icons",
    "points": "one canvas dot per event",
    "density": "a density grid, with one dot per event from zoom level 8",
    "grid": "counts per grid cell (aggregated)",
}


@dataclass(frozen=True, slots=True)
class ScaleOptions:
    """When the map switches drawing mode (counts of located point events)."""

    cluster_max: int = 5_000
    density_min: int = 100_000      # from here a density grid first, dots only when zoomed in
    points_max: int = 200_000       # above: per-type grid cells only (no per-event data)
    grid_cell: float | None = None  # degrees; None: chosen from the data's extent
    grid_budget: int = 150_000      # most (cell, time bucket) pairs embedded in grid mode
    points_zoom: int = 8            # density mode: zoom level from which dots replace the grid

    def mode_for(self, n: int) -> str:
        if n <= self.cluster_max:
            return "cluster"
        if n > self.points_max:
            return "grid"
        return "density" if n >= self.density_min else "points"


@dataclass
class EventsLayerInfo:
    """What the event layers drew: mode, counts per type, elements drawn."""

    mode: str = "none"
    events: int = 0
    drawn: int = 0
    types: list[tuple[str, int]] = field(default_factory=list)
    cell: float | None = None

    def describe(self, options: ScaleOptions) -> str:
        if not self.events:
            return "no located events"
        text = f"{counted(self.events, 'event')} drawn as {MODE_TEXT[self.mode]}"
        if self.mode == "grid":
            text += f" ({counted(self.drawn, 'cell')} of {self.cell:g}\u00b0)"
        return (text + f"; mode chosen by count: clustered up to {options.cluster_max:,}, "
                f"canvas dots below {options.density_min:,}, density grid with dots on zoom "
                f"up to {options.points_max:,}, grid above")


def point_events(events: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    """The events drawn as points: Point geometries located more precisely than a first-level
    division (those are counted on its outline or the country's, never dotted); see
    :mod:`geomap.render.counts`."""
    if events is None or not len(events):
        return None
    return events[drawn_class(events) == 0]


def country_events(events: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    """Events located only to a country (``geo_precision`` "country"), movements excluded."""
    if events is None or not len(events):
        return None
    return events[drawn_class(events) == 1]


def region_events(events: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    """Events located only to a first-level division (``geo_precision`` "admin1")."""
    if events is None or not len(events):
        return None
    return events[drawn_class(events) == 4]


def event_days(dates: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 for each date, -1 where unknown."""
    values = pd.to_datetime(dates, errors="coerce")
    days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype("int64")
    days[values.isna().to_numpy()] = -1
    return days


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame:
        return frame[name].astype(object).where(frame[name].notna(), None)
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


class _Strings:
    """One table of pre-escaped HTML fragments shared by a layer's popups."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def codes(self, fragments: pd.Series) -> np.ndarray:
        codes, uniques = pd.factorize(fragments.fillna(""), use_na_sentinel=False)
        mapped = np.array([self.add(u) for u in uniques], dtype=np.int64)
        return mapped[codes] if len(mapped) else np.zeros(len(fragments), dtype=np.int64)

    def add(self, fragment: str) -> int:
        idx = self._index.get(fragment)
        if idx is None:
            idx = self._index[fragment] = len(self.items)
            self.items.append(fragment)
        return idx


_NA = "\x00missing"


def _plain(v):
    return None if v is _NA or v == _NA else v


def _place_text(loc, admin1, country):
    a = ", ".join(x for x in (loc, admin1) if x) or None
    return f"{a} ({country})" if a and country else (a or country)


def _per_combo(ev: pd.DataFrame, names: tuple[str, ...], fn) -> pd.Series:
    """``fn(*values)`` for each event, computed once per distinct combination of the columns
    (missing columns and values are None)."""
    cols = pd.DataFrame({n: (ev[n].astype(object) if n in ev else None) for n in names},
                        index=ev.index)
    cols = cols.where(cols.notna(), _NA)  # one missing value, so groups and firsts agree
    codes = cols.groupby(list(names), dropna=False, sort=False).ngroup().to_numpy()
    firsts = cols.drop_duplicates()
    done = np.array([fn(*(_plain(v) for v in row)) for row in firsts.itertuples(index=False)]
                    + [None], dtype=object)
    return pd.Series(done[codes] if len(codes) else [], index=ev.index, dtype=object)


def _fragments(ev: pd.DataFrame) -> dict:
    """Escaped popup fragments per event (computed once per distinct value)."""

    def per_unique(series: pd.Series, fn) -> pd.Series:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        done = np.array([fn(u) for u in uniques] + [""], dtype=object)
        return pd.Series(done[codes], index=series.index)

    place = _per_combo(ev, ("location", "admin1", "country"), _place_text)
    actors = _per_combo(ev, ("actor1", "actor2"), lambda a, b: (
        f"{a} \u2013 {b}" if a and b else (a or b)))
    src = _per_combo(ev, ("title", "source", "url"),
                     lambda t, s, u: link(t or s, u) if (t or s or u) else "")
    sentence = _col(ev, "sentence")
    if sentence.notna().any():
        s0 = pd.to_numeric(_col(ev, "sentence_start"), errors="coerce")
        a = pd.to_numeric(_col(ev, "span_start"), errors="coerce") - s0
        b = pd.to_numeric(_col(ev, "span_end"), errors="coerce") - s0
        text = pd.Series([
            sentence_html(s, None if pd.isna(x) else int(x), None if pd.isna(y) else int(y))
            if s else "" for s, x, y in zip(sentence, a, b, strict=True)], index=ev.index)
        notes = per_unique(_col(ev, "notes"), lambda t: esc(truncate(str(t), 280)))
        text = text.where(text != "", notes)
    else:
        text = per_unique(_col(ev, "notes"), lambda t: esc(truncate(str(t), 280)))
    article = _col(ev, "article_id")
    dataset = _col(ev, "dataset")
    row = _col(ev, "source_row")
    span0, span1 = _col(ev, "span_start"), _col(ev, "span_end")
    # provenance: "article ID, characters A-B", or the dataset's name with its row number kept
    # apart (the page appends ", row N"), so that 100,000 records share one string
    prov, rows = [], []
    for art, s0_, s1_, ds, r in zip(article, span0, span1, dataset, row, strict=True):
        if art:
            span = f", characters {s0_}\u2013{s1_}" if s0_ is not None else ""
            prov.append(esc(f"article {art}{span}"))
            rows.append(None)
        elif ds or r is not None:
            prov.append(esc(ds or "dataset"))
            rows.append(int(r) if r is not None else None)
        else:
            prov.append("")
            rows.append(None)
    return {
        "place": place.map(esc), "actors": actors.map(esc), "source": src,
        "text": text, "prov": pd.Series(prov, index=ev.index, dtype=object), "rows": rows,
    }


def _fatalities(ev: pd.DataFrame) -> list[int] | None:
    if "fatalities" not in ev or not ev["fatalities"].notna().any():
        return None
    return pd.to_numeric(ev["fatalities"], errors="coerce").fillna(0).astype("int64").tolist()


def _point_payload(ev: gpd.GeoDataFrame, mode: str) -> dict:
    strings = _Strings()
    frags = _fragments(ev)
    cols = [strings.codes(frags[k]) for k in ("place", "actors", "source", "text", "prov")]
    popup = np.stack(cols, axis=1).tolist() if len(ev) else []
    digits = 5 if mode == "cluster" else 4  # 4 decimals: about 10 m
    return {
        "mode": mode, "x": round_coords(ev.geometry.x, digits),
        "y": round_coords(ev.geometry.y, digits),
        "d": event_days(ev["date"]).tolist(), "p": popup, "s": strings.items,
        "f": _fatalities(ev), "r": frags["rows"] if any(v is not None for v in frags["rows"])
        else None,
        # 1 where the day is the article's (the event gives none of its own: render/dates.py)
        "a": ev[ARTICLE_DATED].fillna(False).astype(int).tolist()
        if ARTICLE_DATED in ev and ev[ARTICLE_DATED].fillna(False).any() else None,
    }


def _grid_cell(ev: gpd.GeoDataFrame) -> float:
    minx, miny, maxx, maxy = ev.total_bounds
    span = max(maxx - minx, maxy - miny, 1e-9)
    for cell in (0.05, 0.1, 0.25, 0.5, 1.0, 2.0):
        if span / cell <= 200:
            return cell
    return 2.0


def _bucket_width(n_pairs_daily: int, budget: int) -> int:
    for width in (1, 7, 14, 30, 91, 365):
        if n_pairs_daily / width <= budget:
            return width
    return 3650


def _grid_payloads(ev: gpd.GeoDataFrame, types: pd.Series, cell: float,
                   budget: int) -> dict[str, dict]:
    """Per type: events summed into cells of ``cell`` degrees and time buckets."""
    df = pd.DataFrame({
        "type": types.to_numpy(), "x": ev.geometry.x.to_numpy(), "y": ev.geometry.y.to_numpy(),
        "day": event_days(ev["date"]),
        "fat": pd.to_numeric(ev["fatalities"], errors="coerce").fillna(0).to_numpy()
        if "fatalities" in ev else 0,
        "loc": _col(ev, "location").fillna("").to_numpy(),
    })
    df["cx"] = np.floor(df["x"] / cell).astype("int64")
    df["cy"] = np.floor(df["y"] / cell).astype("int64")
    keys = ["type", "cx", "cy"]
    daily = df[df["day"] >= 0].groupby([*keys, "day"]).ngroups
    width = _bucket_width(daily, budget)
    df["bucket"] = np.where(df["day"] >= 0, (df["day"] // width) * width, -1)
    cells = df.groupby(keys, sort=True).agg(x=("x", "mean"), y=("y", "mean"), n=("x", "size"),
                                            f=("fat", "sum"))
    top_loc = (df[df["loc"] != ""].groupby([*keys, "loc"]).size().reset_index(name="k")
               .sort_values("k", ascending=False).drop_duplicates(keys).set_index(keys)["loc"])
    cells["loc"] = top_loc.reindex(cells.index).fillna("")
    pairs = df.groupby([*keys, "bucket"]).size()
    flat: dict[tuple, list[int]] = {}
    for (t, cx, cy, bucket), k in pairs.items():
        flat.setdefault((t, cx, cy), []).extend((int(bucket), int(k)))
    out: dict[str, dict] = {}
    for t, part in cells.groupby(level=0, sort=False):
        strings = _Strings()
        out[t] = {
            "mode": "grid", "cell": cell, "w": width,
            "x": round_coords(part["x"], 4), "y": round_coords(part["y"], 4),
            "n": part["n"].astype("int64").tolist(),
            "f": part["f"].astype("int64").tolist() if part["f"].any() else None,
            "b": [flat[idx] for idx in part.index],
            "p": [strings.add(esc(v)) for v in part["loc"]], "s": strings.items,
        }
    return out


#: Datasets whose own event category splits a type's layer, and the column that holds it.
CATEGORY_COLUMN = {"acled": "orig_type", "ucdp": "orig_subtype"}
#: At most this many categories of one type get a layer each; the rest share the type's.
MAX_CATEGORIES = 8
_SEP = "\x1f"


def layer_keys(pts: pd.DataFrame, types: pd.Series) -> pd.Series:
    """The layer of each event: its type, or its type and its dataset's own category
    (``"assault\x1fBattles"``) for records of the datasets in :data:`CATEGORY_COLUMN` (text
    events keep their type: their ``orig_type`` is the trigger word)."""
    keys = types.astype(object).copy()
    if "dataset" not in pts:
        return keys
    dataset = pts["dataset"].astype(object).to_numpy()
    category = pd.Series(None, index=pts.index, dtype=object)
    for name, col in CATEGORY_COLUMN.items():
        mine = dataset == name
        if col in pts and mine.any():
            category[mine] = pts.loc[mine, col].astype(object).map(
                lambda v: v.strip() if isinstance(v, str) and 0 < len(v.strip()) <= 60
                else None)
    has = category.notna().to_numpy()
    keys[has] = types[has] + _SEP + category[has]
    for t in pd.unique(types[has]):  # a type's rarest categories beyond the cap: the type's
        extra = keys[(types == t).to_numpy() & has].value_counts().index[MAX_CATEGORIES:]
        keys[keys.isin(extra).to_numpy()] = t
    return keys


def add_event_layers(m: folium.Map, events: gpd.GeoDataFrame | None, *,
                     options: ScaleOptions = ScaleOptions(),
                     show_types: int = 8) -> EventsLayerInfo:
    """Add one layer per event type to ``m``; the ``show_types`` most frequent are on."""
    info = EventsLayerInfo()
    if events is None or not len(events):
        return info
    pts = point_events(events)
    if pts is None or not len(pts):
        return info
    types = pts["event_type"].astype(object).fillna("other")
    counts = types.value_counts()
    info.events = len(pts)
    info.mode = options.mode_for(len(pts))
    info.types = [(str(t), int(k)) for t, k in counts.items()]
    # a dataset's own categories split a type's records: ACLED's "Battles", "Explosions/Remote
    # violence" and "Violence against civilians" are all PLOVER assaults
    keys = layer_keys(pts, types)
    grid: dict[str, dict] = {}
    if info.mode == "grid":
        info.cell = options.grid_cell or _grid_cell(pts)
        grid = _grid_payloads(pts, keys, info.cell, options.grid_budget)
    if info.mode == "density":
        info.cell = options.grid_cell or _grid_cell(pts)
        cells = _grid_payloads(pts, pd.Series("all", index=pts.index), info.cell,
                               options.grid_budget)["all"]
        info.drawn = len(cells["x"])
        name = f"Event density ({counted(len(pts), 'event')})"
        cells.update(name=name, zmax=options.points_zoom, total=len(pts))
        group = folium.FeatureGroup(name=name, overlay=True, show=True)
        group.add_child(JsCall("density", m.get_name(), cells))
        group.add_to(m)
    for rank, (t, _k) in enumerate(info.types):
        style = type_style(None if t == "other" else t)
        for key, k in keys[(types == t).to_numpy()].value_counts(sort=False).items():
            label = f"{style.label} · {key[len(t) + 1:]}" if key != t else style.label
            name = f"Events: {esc(label)} ({k:,})"
            sel = (keys == key).to_numpy()
            if info.mode == "grid":
                payload = grid[key]
                info.drawn += len(payload["x"])
            elif info.mode == "density":
                payload = _point_payload(pts[sel], "points")
                payload["zmin"] = options.points_zoom
            else:
                payload = _point_payload(pts[sel], info.mode)
                info.drawn += k
            payload.update(type=t, label=esc(label), colour=style.colour, name=name,
                           icon=icon_svg(style))
            group = folium.FeatureGroup(name=name, overlay=True, show=rank < show_types)
            group.add_child(JsCall("zoomed" if info.mode == "density" else "events",
                                   m.get_name(), payload))
            group.add_to(m)
    return info

