"""Corroboration: which event records the news confirms, which no article covers, and which
reported events no dataset holds.

Given the records (an event table, see :mod:`geomap.events.schema`), the text events extracted
from articles (the same schema, ``dataset`` "text", with ``article_id`` and ``event_index``) and
the links between them (one row per (article event, record) pair, as ``geomap join`` writes
them), three layers are drawn, each with its count in its name:

- "Records corroborated by news": records with at least one link (that ``corroborates``, where
  the links table says so); the popup lists the linked
  articles (title, date, link, distance, day gap, rank) and selecting one draws its link lines;
- "Records with no article": records without a link (off when the map opens: the by-type
  layers draw the same records with their type icons);
- "Reported, not recorded": text events of a type event datasets record (assault, protest,
  coerce...: :data:`geomap.events.taxonomy.RECORDED_TYPES`) that link to no record.
  Statements ("X said") and other verbal events stay on the map in the by-type layers but are
  not counted as events a dataset lacks (``CorroborationInfo.not_counted``, said in the
  legend).

Every layer follows the map's time filter. Events located only to a country are not dotted
here (the country layer counts them, see :mod:`geomap.render.layers.countries`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ...events.taxonomy import recorded_type
from ...join.core import record_ids as join_record_ids
from ..counts import drawn_class
from ..popups import esc, link
from ..runtime import JsCall
from ..style import CORROBORATION_STYLES, LINK_COLOUR
from .events import _point_payload

__all__ = ["LINK_INPUT_COLUMNS", "RING_RADIUS", "CorroborationInfo", "add_corroboration_layers",
           "record_ids"]

#: radius (px) of the status ring around a 22 px type icon
RING_RADIUS = 14

#: Columns the links table must have; ``title``, ``url`` and ``article_date`` are optional
#: (taken from the text events' ``title``/``source``/``article_date`` when absent).
LINK_INPUT_COLUMNS = ("article_id", "event_index", "record_id", "dataset", "rank", "score",
                      "distance_km", "gap_days")

#: Most linked articles listed in one record's popup (the rest are counted).
POPUP_LINKS = 12
#: Most link lines drawn from one selected record.
MAX_LINES = 200


@dataclass
class CorroborationInfo:
    """Counts of the three corroboration classes: every record and every text event given is in
    one of them, or, for a text event with no record that no dataset would hold (a statement),
    in ``not_counted`` (so the counts equal the join's ``records_corroborated``,
    ``records_uncovered``, ``text_events_unmatched`` and ``text_events_not_counted``); those
    located only to a country are counted on the country's outline (``areas``), those located
    only to a first-level division on its outline (``regions``), those without a location are
    not drawn (``unlocated``), the rest are the layer's dots."""

    corroborated: int = 0
    uncovered: int = 0
    unmatched: int = 0
    #: text events with no record of a type no dataset records (statements...): not counted
    not_counted: int = 0
    links: int = 0
    # links whose record or text event is not drawn as a point: located only to a country (it
    # is counted on the country), unlocated, or not in the tables given
    links_unplaced: int = 0
    drawn: bool = False
    #: drawn as rings around type icons (see add_corroboration_layers' ``icons``)
    rings: bool = False
    #: per class ("corroborated", "uncovered", "unmatched"): rows shaded on country areas
    areas: dict[str, int] = field(default_factory=dict)
    #: per class: rows shaded on first-level division areas (located only to one)
    regions: dict[str, int] = field(default_factory=dict)
    #: per class: rows with no location (not drawn)
    unlocated: dict[str, int] = field(default_factory=dict)
    #: (dataset, record id) of the records with a link; (article id, event index) of the text
    #: events with one (to say so where they are not dots: on a country's outline)
    linked_records: set[tuple[str, str]] = field(default_factory=set)
    linked_text: set[tuple[str, int]] = field(default_factory=set)

    def status(self, events: pd.DataFrame) -> list[str]:
        """Each row's corroboration class ("corroborated", "uncovered", "unmatched", or
        "matched" for a text event with a record, "statement" for one with none that no dataset
        would record): text events are told by ``dataset`` "text"."""
        if not len(events):
            return []
        text = (events["dataset"].astype(object) == "text").to_numpy() \
            if "dataset" in events else np.zeros(len(events), dtype=bool)
        out = [""] * len(events)
        if text.any():
            sub = events[text]
            kept = _recordable(sub)
            for k, key, ok in zip(np.flatnonzero(text), _text_keys(sub), kept, strict=True):
                out[k] = "matched" if key in self.linked_text else \
                    "unmatched" if ok else "statement"
        if (~text).any():
            recs = events[~text]
            ds = (recs["dataset"].astype(object).fillna("").astype(str) if "dataset" in recs
                  else pd.Series("", index=recs.index))
            for k, d, i in zip(np.flatnonzero(~text), ds, record_ids(recs), strict=True):
                out[k] = ("corroborated" if (d, str(i)) in self.linked_records
                          else "uncovered")
        return out

    def total(self, kind: str) -> int:
        return int(getattr(self, kind))

    def dotted(self, kind: str) -> int:
        return (self.total(kind) - self.areas.get(kind, 0) - self.regions.get(kind, 0)
                - self.unlocated.get(kind, 0))

    def count_text(self, kind: str) -> str:
        """"119; 14 on country areas": the class's count and what of it is not a dot."""
        bits = []
        if self.areas.get(kind):
            bits.append(f"{self.areas[kind]:,} on country areas")
        if self.regions.get(kind):
            bits.append(f"{self.regions[kind]:,} on region areas")
        if self.unlocated.get(kind):
            bits.append(f"{self.unlocated[kind]:,} not located")
        return f"{self.total(kind):,}" + ("; " + ", ".join(bits) if bits else "")

    def layer_names(self) -> dict[str, str]:
        return {
            "corroborated": f"Records corroborated by news ({self.count_text('corroborated')})",
            "uncovered": f"Records with no article ({self.count_text('uncovered')})",
            "unmatched": f"Reported, not recorded ({self.count_text('unmatched')})",
        }


def record_ids(records: pd.DataFrame) -> pd.Series:
    """Each record's id as links name it (the join's own rule: its ``event_id``, else
    ``FILE:ROW``)."""
    return pd.Series(join_record_ids(records, np.arange(len(records))), index=records.index,
                     dtype=object)


def _recordable(text_events: pd.DataFrame) -> np.ndarray:
    """Whether each text event is of a type datasets record (every row of a table without
    types)."""
    if "event_type" not in text_events:
        return np.ones(len(text_events), dtype=bool)
    return recorded_type(text_events["event_type"].astype(object))


def _text_keys(text_events: pd.DataFrame) -> list[tuple[str, int]]:
    art = text_events["article_id"].astype(object)
    if "event_index" in text_events:
        idx = pd.to_numeric(text_events["event_index"], errors="coerce")
    else:  # "<article id>#<k>" event ids
        idx = pd.to_numeric(text_events["event_id"].astype(str).str.rsplit("#", n=1).str[-1],
                            errors="coerce")
    return [(str(a), int(k)) if not pd.isna(k) else (str(a), -1)
            for a, k in zip(art, idx, strict=True)]


def _num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


#: how a link without a distance was found (geomap.join.score.MATCH)
_MATCH_TEXT = {"admin1": "same region", "country": "same country",
               "actor-country": "an actor's country"}


def _link_item(row: dict, fallback: dict, events: int) -> str:
    """One linked article: title (a link), date, and its best link's distance (or how the
    place matched), gap, rank, score and type agreement."""
    title = row.get("title") or fallback.get("title") or row.get("article_id")
    url = row.get("url") or fallback.get("url") or fallback.get("source")
    date = row.get("article_date") or fallback.get("article_date") or fallback.get("date")
    bits = [] if events == 1 else [f"{events} events in it"]
    km = _num(row.get("distance_km"))
    if km is not None:
        bits.append(f"{km:,.0f} km" if km >= 10 else f"{km:.1f} km")
    elif row.get("match") in _MATCH_TEXT:
        bits.append(_MATCH_TEXT[str(row["match"])])
    gap = _num(row.get("gap_days"))
    bits.append("undated" if gap is None else f"{gap:g} day{'s' if gap != 1 else ''} apart")
    kind = _num(row.get("type_score"))
    if kind is not None and kind > 0:
        bits.append("same type" if kind >= 1 else "related type")
    rank = _num(row.get("rank"))
    if rank is not None:
        bits.append(f"rank {int(rank)}")
    score = _num(row.get("score"))
    if score is not None:
        bits.append(f"score {score:.2f}")
    date_html = f' <span class="gm-date">{esc(str(date)[:10])}</span>' if date else ""
    return (f"<li>{link(str(title) if title is not None else None, url)}{date_html}"
            f'<div class="gm-sub">{esc(" · ".join(bits))}</div></li>')


def _best_first(item: tuple) -> tuple[float, float, float]:
    """Sort key of a record's links: rank, then the higher score, then the nearer; a link with
    no distance (matched by country or actor) after every measured one of its rank and score."""
    rank, row = item[0], item[1]
    score = _num(row.get("score"))
    km = _num(row.get("distance_km"))
    return (rank, -(score if score is not None else 0.0), km if km is not None else math.inf)


def _xy(frame: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    return frame.geometry.x.to_numpy(), frame.geometry.y.to_numpy()


def _clean(frame: pd.DataFrame) -> list[dict]:
    plain = pd.DataFrame(frame.drop(columns=[c for c in ("geometry",) if c in frame]))
    plain = plain.astype(object)
    return plain.where(plain.notna(), None).to_dict("records")


def add_corroboration_layers(m: folium.Map, records: gpd.GeoDataFrame | None,
                             text_events: gpd.GeoDataFrame | None, links: pd.DataFrame | None,
                             *, articles: dict[str, dict] | None = None,
                             show: bool = True, icons: bool = False,
                             move_end: Callable[[float, float], tuple[float, float]] | None = None,
                             ) -> CorroborationInfo:
    """Add the three corroboration layers to ``m`` (always all three, counts in their names).

    ``links`` needs :data:`LINK_INPUT_COLUMNS`; records are matched by ``dataset`` and
    :func:`record_ids`, text events by (``article_id``, ``event_index``). ``articles`` maps an
    article id to its ``title``, ``url`` and ``date`` where the links table lacks them. A
    record's popup lists each linked article once (its best link), and selecting the record
    draws a line to every linked article event. With ``icons`` (the events are drawn as type
    icons) each record and text event is a ring around its icon, above the icons, so that its
    status shows and its popup opens (a dot under its own icon would be hidden). ``move_end``
    moves a movement's end as the movements layer draws it (a country's end at its capital).
    """
    info = CorroborationInfo(drawn=True, rings=icons)
    links = pd.DataFrame(columns=list(LINK_INPUT_COLUMNS)) if links is None else links
    if "corroborates" in links:  # weak candidates (geomap.join.core.CORROBORATE_MIN) do not
        links = links[links["corroborates"].fillna(False).astype(bool).to_numpy()]
    missing = [c for c in ("article_id", "event_index", "record_id") if c not in links]
    if missing:
        raise ValueError(f"links table lacks {', '.join(missing)}")
    info.links = len(links)
    records = records if records is not None and len(records) else None
    rec_cls = drawn_class(records) if records is not None else np.empty(0, dtype=np.int8)
    all_ids = record_ids(records).to_numpy() if records is not None else np.empty(0, object)
    all_ds = (records["dataset"].astype(object).fillna("").astype(str).to_numpy()
              if records is not None and "dataset" in records else np.full(len(all_ids), ""))
    rec_rows = np.flatnonzero(rec_cls == 0)  # the records drawn as dots
    rec = records.iloc[rec_rows] if len(rec_rows) else gpd.GeoDataFrame(
        geometry=[], crs="EPSG:4326")
    dot_of_row = {int(r): k for k, r in enumerate(rec_rows)}
    by_pair: dict[tuple[str, str], list[int]] = {}
    by_id: dict[str, list[int]] = {}
    for k, (d, i) in enumerate(zip(all_ds, all_ids, strict=True)):
        by_pair.setdefault((d, str(i)), []).append(k)
        by_id.setdefault(str(i), []).append(k)
    txt_all = text_events if text_events is not None and len(text_events) else None
    txt_cls = drawn_class(txt_all) if txt_all is not None else np.empty(0, dtype=np.int8)
    txt_all_keys = _text_keys(txt_all) if txt_all is not None else []
    # text events drawn as dots: points, and movements at their end (as the join places them)
    txt_rows = np.flatnonzero((txt_cls == 0) | (txt_cls == 2))
    txt = txt_all.iloc[txt_rows] if len(txt_rows) else None
    if txt is not None and (txt.geometry.geom_type != "Point").any():
        txt = txt.set_geometry(gpd.GeoSeries(
            [g if g.geom_type == "Point" else
             shapely.Point(move_end(*g.coords[-1][:2]) if move_end else g.coords[-1])
             for g in txt.geometry],
            index=txt.index, crs=txt.crs))
    txt_pos = {txt_all_keys[int(r)]: k for k, r in enumerate(txt_rows)}
    txt_x, txt_y = _xy(txt) if txt is not None else (np.array([]), np.array([]))
    txt_meta = _clean(txt[[c for c in ("title", "source", "url", "article_date") if c in txt]]) \
        if txt is not None else []
    per_record: dict[int, list[tuple[float, dict, int | None]]] = {}
    linked_rows: set[int] = set()
    linked_keys: set[tuple[str, int]] = set()
    for row in _clean(links):
        ds = "" if row.get("dataset") is None else str(row["dataset"])
        rows = by_pair.get((ds, str(row["record_id"]))) or by_id.get(str(row["record_id"]), [])
        try:
            key = (str(row["article_id"]), int(row["event_index"]))
        except (TypeError, ValueError):
            key = None
        if key is not None:
            linked_keys.add(key)
        t = txt_pos.get(key) if key is not None else None
        linked_rows.update(rows)
        dots = [dot_of_row[r] for r in rows if r in dot_of_row]
        if not dots or t is None:
            info.links_unplaced += 1
        rank = _num(row.get("rank"))
        for r in dots[:1]:
            per_record.setdefault(r, []).append((rank if rank is not None else 1e9, row, t))
    linked = np.zeros(len(all_ids), dtype=bool)
    linked[list(linked_rows)] = True
    info.linked_records = {(str(all_ds[r]), str(all_ids[r])) for r in linked_rows}
    info.linked_text = linked_keys
    unlinked_text = np.array([key not in linked_keys for key in txt_all_keys], dtype=bool)
    if txt_all is not None:  # statements: on the map by type, not counted as unrecorded
        recordable = _recordable(txt_all)
        info.not_counted = int((unlinked_text & ~recordable).sum())
        unlinked_text &= recordable
    for kind, mask, cls in (("corroborated", linked, rec_cls), ("uncovered", ~linked, rec_cls),
                            ("unmatched", unlinked_text, txt_cls)):
        setattr(info, kind, int(mask.sum()))
        info.areas[kind] = int((mask & (cls == 1)).sum())
        info.regions[kind] = int((mask & (cls == 4)).sum())
        # records drawn as neither dot nor area (no location, a line) are not on the map;
        # text movements stand at their end
        off = (cls == 3) if kind == "unmatched" else ((cls == 2) | (cls == 3))
        info.unlocated[kind] = int((mask & off).sum())
    corroborated = np.array(sorted(per_record), dtype=np.int64)
    uncovered = np.flatnonzero(~linked[rec_rows]) if len(rec_rows) else np.array([], np.int64)
    unmatched = np.flatnonzero(unlinked_text[txt_rows]) if len(txt_rows) else np.array(
        [], np.int64)
    names = info.layer_names()
    parts = (("corroborated", rec, corroborated), ("uncovered", rec, uncovered),
             ("unmatched", txt, unmatched))
    for kind, frame, rows in parts:
        style = CORROBORATION_STYLES[kind]
        sub = frame.iloc[rows] if frame is not None and len(rows) else None
        payload = _point_payload(sub, "points") if sub is not None else {
            "mode": "points", "x": [], "y": [], "d": [], "p": [], "s": [""], "f": None}
        if kind == "corroborated":
            strings = payload["s"]
            link_lists = []
            for r in rows:
                items = sorted(per_record[int(r)], key=_best_first)
                by_article: dict[str, list] = {}
                for item in items:  # best link first within each article
                    by_article.setdefault(str(item[1]["article_id"]), []).append(item)
                html = []
                for art, group_items in list(by_article.items())[:POPUP_LINKS]:
                    _rank, row, t = group_items[0]
                    meta = {**(txt_meta[t] if t is not None else {}),
                            **{k: v for k, v in (articles or {}).get(art, {}).items() if v}}
                    strings.append(_link_item(row, meta, len(group_items)))
                    html.append(len(strings) - 1)
                ends = [[round(float(txt_y[t]), 5), round(float(txt_x[t]), 5)]
                        for _rank, _row, t in items[:MAX_LINES] if t is not None]
                link_lists.append({"k": ends, "h": html, "n": len(by_article),
                                   "e": len(items)})
            payload["links"] = link_lists
        payload.update(kind=kind, name=names[kind], label=esc(style.label),
                       colour=style.colour, stroke=style.stroke, rad=style.radius,
                       linkColour=LINK_COLOUR, ring=RING_RADIUS if icons else 0)
        # records with no article are the by-type layers' icons again: one click away, off
        group = folium.FeatureGroup(name=names[kind], overlay=True,
                                    show=show and kind != "uncovered")
        group.add_child(JsCall("corroboration", m.get_name(), payload))
        group.add_to(m)
    return info
