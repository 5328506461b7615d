"""Countries as areas: every country named in the text (by name, metonymy or demonym) and every
event located only to a country is counted on the country's outline, shaded by that count in the
date range; never a dot at the country's label point.

The outlines are the shipped Natural Earth admin-0 polygons; mentions are matched by place key
("c:<ISO2>"), events by their ``country`` (ISO 3166-1 alpha-2).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd

from ..._plural import counted
from ..boundaries import country_polygons, polygon_geojson
from ..dates import ARTICLE_DATED, date_html
from ..popups import esc, mention_popup
from ..runtime import JsCall
from ..style import COUNTRY_COLOURS, COUNTRY_LINE, ramp_colours
from .events import event_days
from .regions import class_breaks

__all__ = ["CountriesLayerInfo", "add_countries_layer", "event_items", "is_country_mention"]


@dataclass
class CountriesLayerInfo:
    countries: int = 0
    mentions: int = 0
    events: int = 0
    bins: list[int] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    label_points: list[tuple[float, float]] = field(default_factory=list)
    search: list[tuple[str, float, float, int, list[float] | None]] = field(default_factory=list)


def is_country_mention(mentions: pd.DataFrame) -> pd.Series:
    """Mentions whose place is a country (whatever the role: literal, metonymic, demonym)."""
    return (mentions["feature"].astype(object).fillna("") == "country") & \
        mentions["place_key"].astype(object).fillna("").str.startswith("c:")


#: what a country-level event's corroboration class is called in the country's popup
STATUS_TEXT = {"corroborated": "corroborated by news", "uncovered": "no article",
               "unmatched": "not recorded", "matched": "recorded",
               "statement": "statement, not counted as unrecorded"}


def event_items(rows: pd.DataFrame, limit: int = 8) -> str:
    """Popup list items of events (date, type, actors, dataset, corroboration)."""
    items = []
    for r in rows.head(limit).itertuples(index=False):
        status = STATUS_TEXT.get(getattr(r, "corroboration", "") or "", "")
        date = date_html(r.date, getattr(r, ARTICLE_DATED, None))
        what = r.event_type if isinstance(r.event_type, str) else "event"
        who = " \u2013 ".join(x for x in (r.actor1, r.actor2) if isinstance(x, str))
        src = r.dataset if isinstance(r.dataset, str) else ""
        who_html = " \u00b7 " + esc(who) if who else ""
        tag = f' <b class="gm-status gm-{r.corroboration}">{esc(status)}</b>' if status else ""
        items.append(f'<li><span class="gm-date">{date}</span> {esc(what)}{who_html}'
                     f' <span class="gm-prov">({esc(src)})</span>{tag}</li>')
    if len(rows) > limit:
        items.append(f"<li>\u2026 and {len(rows) - limit} more</li>")
    return "".join(items)


def add_countries_layer(m: folium.Map, mentions: gpd.GeoDataFrame | None,
                        events: gpd.GeoDataFrame | None, *, data_dir: Path,
                        show: bool = True,
                        status: Callable[[pd.DataFrame], list[str]] | None = None,
                        ) -> CountriesLayerInfo:
    """Add "Countries named (N)": admin-0 outlines shaded by mentions plus
    country-level events in the date range. Present only when there is something to count.
    With ``status`` (a join's :meth:`CorroborationInfo.status`) each event listed in a popup
    says whether news corroborates it (records) or a record holds it (text events)."""
    info = CountriesLayerInfo()
    days: dict[str, Counter] = defaultdict(Counter)
    mention_rows: dict[str, list[dict]] = defaultdict(list)
    event_rows: dict[str, pd.DataFrame] = {}
    polys = country_polygons(data_dir)
    if mentions is not None and len(mentions):
        sel = mentions[is_country_mention(mentions)]
        plain = sel.drop(columns=sel.geometry.name).astype(object)
        plain = plain.where(plain.notna(), None)
        plain["_day"] = event_days(sel["date"])
        for rec in plain.to_dict("records"):
            iso = rec["place_key"][2:]
            if iso in polys.index:
                mention_rows[iso].append(rec)
                days[iso][int(rec["_day"])] += 1
                info.mentions += 1
    if events is not None and len(events):
        cc = events["country"].astype(object)
        ok = cc.isin(polys.index).to_numpy()
        ev = events[ok]
        ev_days = event_days(ev["date"])
        for iso, d in zip(ev["country"].astype(str), ev_days, strict=True):
            days[iso][int(d)] += 1
        info.events = int(ok.sum())
        cols = [c for c in ("date", ARTICLE_DATED, "event_type", "actor1", "actor2", "dataset")
                if c in ev]
        frame = pd.DataFrame(ev[cols]).assign(_cc=ev["country"].astype(str).to_numpy())
        if status is not None:
            frame["corroboration"] = status(ev)
        for c in ("date", "event_type", "actor1", "actor2", "dataset"):
            if c not in frame:
                frame[c] = None
        for iso, part in frame.groupby("_cc", sort=False):
            event_rows[str(iso)] = part.sort_values("date")
    if not days:
        return info
    totals = {iso: sum(c.values()) for iso, c in days.items()}
    k = min(len(COUNTRY_COLOURS), len(set(totals.values())))
    info.bins = class_breaks(list(totals.values()), k=k)
    info.colours = ramp_colours(COUNTRY_COLOURS, len(info.bins))
    features = []
    for iso in sorted(totals, key=lambda k: -totals[k]):
        row = polys.loc[iso]
        rows = mention_rows.get(iso, [])
        evs = event_rows.get(iso)
        n_ev = 0 if evs is None else len(evs)
        bits = []
        if rows:
            bits.append(counted(len(rows), "mention"))
        if n_ev:
            bits.append(counted(n_ev, "event") + " located only to the country")
            if evs is not None and "corroboration" in evs:
                k = int((evs["corroboration"] == "corroborated").sum())
                if k:
                    bits.append(counted(k, "record") + " corroborated by news")
        sub = "country \u00b7 " + " \u00b7 ".join(bits)
        popup = mention_popup(row["name"], sub, rows) if rows else (
            f'<div class="gm-popup"><b>{esc(row["name"])}</b><div class="gm-sub">'
            f"{esc(sub)}</div><ul></ul></div>")
        if n_ev:
            popup = (popup[: -len("</ul></div>")] + "</ul><div class=\"gm-sub\">Events located "
                     f"only to {esc(row['name'])}:</div><ul>{event_items(evs)}</ul></div>")
        pairs = [v for d, k in sorted(days[iso].items()) for v in (int(d), int(k))]
        features.append({"type": "Feature", "geometry": polygon_geojson(row.geometry, 0.02, 3),
                         "properties": {"n": esc(row["name"]), "b": pairs, "p": popup}})
        info.label_points.append((float(row["lon"]), float(row["lat"])))
        minx, miny, maxx, maxy = row.geometry.bounds
        info.search.append((esc(row["name"]), float(row["lon"]), float(row["lat"]), 5,
                            [round(minx, 3), round(miny, 3), round(maxx, 3), round(maxy, 3)]))
    info.countries = len(features)
    name = (f"Countries named ({info.countries})" if not info.events else
            f"Countries: mentions and events ({info.countries})")
    group = folium.FeatureGroup(name=name, overlay=True, show=show)
    group.add_child(JsCall("regions", m.get_name(), {
        "name": name, "unit": "mentions and events", "unit1": "mention or event",
        "bins": info.bins,
        "colours": info.colours, "kind": "countries", "line": COUNTRY_LINE, "opacity": 0.3,
        "pane": ["gm-countries", 340],
        "fc": {"type": "FeatureCollection", "features": features}}))
    group.add_to(m)
    return info
