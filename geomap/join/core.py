"""Join text-derived events (or place mentions) to event records: candidates, scores, ranks.

For each article event, candidate records come from space and time windows at each side's
precision (:mod:`geomap.join.candidates`); each pair is scored from structured evidence
(distance, day gap, type agreement through the taxonomy, actors, admin-1 division and country,
people killed:
:mod:`geomap.join.score`) and the article event keeps its best records, ranked from 1. Records'
free-text fields (notes, headlines, sources) are never used. Article events are processed in
chunks, each chunk's candidates trimmed before the next, so memory stays bounded: 1,000,000
records x 100,000 text events runs in a few hundred MB (``benchmarks/bench_events.py``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._datadir import resolve_data_dir
from ..events.taxonomy import recorded_type
from ..exceptions import InputError
from ._admin1 import Admin1Polygons
from ._sides import Side, article_side, record_side
from .candidates import SLACK_KM, RecordIndex, cross_border
from .score import MATCH, rank_within, score_pairs

__all__ = ["DEFAULTS", "LINK_COLUMNS", "JoinResult", "join_events", "rerank",
           "with_article_fields"]

log = logging.getLogger(__name__)

#: The link table's columns (then ``geometry``: a LineString article event -> record).
LINK_COLUMNS = ("article_id", "event_index", "record_id", "dataset", "rank", "score",
                "distance_km", "gap_days", "match", "record_row", "article_row",
                "record_date", "article_date", "record_type", "article_type",
                "type_score", "actor_score", "admin_score", "deaths_score", "tied",
                "corroborates")
#: Defaults of :func:`join_events` (``geomap join`` and ``geomap map`` use them too).
DEFAULTS = {"km": 25.0, "days": 3, "top": 2, "min_score": 0.02, "ratio": 0.7}
#: Least score of a link that makes its record "corroborated by news" (``corroborates``). On
#: the tune half of ``benchmarks/bench_join.py``, first-ranked links scoring below it name the
#: right record about half the time or less (0.42 in [0.02, 0.03), 0.51 in [0.03, 0.04)),
#: those above it 0.65-0.89. Weaker links stay in the table as candidates.
CORROBORATE_MIN = 0.04
#: Matches that never corroborate: an unlocated report linked through its actors' countries
#: says whose records might be meant, not that the news confirms one ("a Russian bomb hit"
#: names the attacker's country, not where the attack was).
NOT_CORROBORATING = ("actor-country",)
#: Nor does a link between points on either side of an international border (``admin_score``
#: is then :data:`geomap.join.score.BORDER`): on the Sumy-Kursk line most villages have a
#: neighbour 10-25 km across it, and shelling on one side is not the strike on the other.
#: Decimals of the links' ``score`` and ``distance_km`` (ranks and ties are on these values).
SCORE_DECIMALS = 4
DISTANCE_DECIMALS = 3


@dataclass
class JoinResult:
    """Ranked links between records and article events, and who found a partner."""

    links: gpd.GeoDataFrame
    n_records: int
    n_article_events: int
    #: which article rows are events a dataset would record (``event_type`` in
    #: :data:`geomap.events.taxonomy.RECORDED_TYPES`); None: every row (mentions, no types)
    recordable: np.ndarray | None = None

    @property
    def records_matched(self) -> int:
        """Records with any link (a candidate)."""
        return int(self.links["record_row"].nunique()) if len(self.links) else 0

    @property
    def article_events_matched(self) -> int:
        """Article events with any link (a candidate)."""
        return int(self.links["article_row"].nunique()) if len(self.links) else 0

    @property
    def corroborating(self) -> gpd.GeoDataFrame:
        """The links that make their record "corroborated by news" (``corroborates``)."""
        return self.links[self.links["corroborates"].to_numpy(dtype=bool)] \
            if len(self.links) else self.links

    def corroboration(self) -> pd.DataFrame:
        """One row per corroborated record: its id and the articles that corroborate it."""
        g = self.corroborating.groupby("record_row", sort=True)
        return pd.DataFrame({
            "record_id": g["record_id"].first(),
            "dataset": g["dataset"].first(),
            "articles": g["article_id"].agg(lambda s: sorted(set(s))),
            "links": g.size(),
        }).reset_index()

    def matches(self) -> pd.DataFrame:
        """One row per linked article event: its records, best first."""
        g = self.links.sort_values("rank").groupby(["article_id", "event_index"], sort=True)
        return pd.DataFrame({"records": g["record_id"].agg(list),
                             "datasets": g["dataset"].agg(lambda s: sorted(set(s)))}
                            ).reset_index()

    def unmatched(self) -> np.ndarray:
        """Article rows reported but not recorded: events of a type datasets record
        (:attr:`recordable`) with no corroborating link. Statements and other verbal events
        ("X said", "accused") are never counted here, linked or not."""
        strong = self.corroborating
        linked = np.zeros(self.n_article_events, dtype=bool)
        if len(strong):
            linked[strong["article_row"].to_numpy(dtype=np.int64)] = True
        keep = ~linked if self.recordable is None else (~linked & self.recordable)
        return np.flatnonzero(keep)

    def summary(self) -> dict:
        """Counts for reports: ``links``, ``records_corroborated`` (records with a link that
        ``corroborates``), ``records_uncovered``, ``text_events_unmatched`` (article events
        of a type datasets record with no such link: :meth:`unmatched`),
        ``text_events_not_counted`` (statements and other verbal events, and events of no
        type, with no such link: kept in the text events, not counted as unrecorded),
        ``best_tied``, and ``records_matched`` / ``article_events_matched`` (any link, weak
        candidates too)."""
        strong = self.corroborating
        corroborated = int(strong["record_row"].nunique()) if len(strong) else 0
        events = int(strong["article_row"].nunique()) if len(strong) else 0
        unmatched = len(self.unmatched())
        return {"records": self.n_records, "records_matched": self.records_matched,
                "article_events": self.n_article_events,
                "article_events_matched": self.article_events_matched,
                "links": len(self.links), "links_corroborating": len(strong),
                "records_corroborated": corroborated,
                "records_uncovered": self.n_records - corroborated,
                "text_events_unmatched": unmatched,
                "text_events_not_counted": self.n_article_events - events - unmatched,
                "best_tied": self.best_tied}

    @property
    def best_tied(self) -> int:
        """Linked article events whose best record shares its score with other records
        (nothing in the evidence tells them apart; ``tied`` says how many)."""
        if not len(self.links):
            return 0
        first = self.links[self.links["rank"] == 1]
        return int((first["tied"] > 1).sum())


def join_events(records: gpd.GeoDataFrame, articles: gpd.GeoDataFrame, *,
                km: float = DEFAULTS["km"], days: int = DEFAULTS["days"],
                top: int = DEFAULTS["top"], min_score: float = DEFAULTS["min_score"],
                ratio: float = DEFAULTS["ratio"], data_dir: str | Path | None = None,
                chunk: int = 1000) -> JoinResult:
    """Link article events (or place mentions) to the event records that best match them.

    Parameters
    ----------
    records
        An event table (:mod:`geomap.events.schema`), e.g. from
        :func:`geomap.events.read_events`. A record without ``event_id`` is named
        ``FILE:ROW`` (its ``source_file`` and ``source_row``).
    articles
        Text events (:func:`geomap.events.extract.text_events_frame`) or place mentions
        (:func:`geomap.mentions.mentions_frame`); events without a date of their own count
        as happening in the week up to their article's date; without any date they are
        linked by space alone (``gap_days`` empty, ranked below dated links).
    km
        Distance window between two precise points (each side's uncertainty is added).
    days
        Greatest gap in days between the two date intervals at their precision.
    top, min_score, ratio
        Each article event keeps at most ``top`` records, scoring at least ``min_score`` and
        at least ``ratio`` times its best record's score.
    data_dir
        The data folder holding ``gazetteer/admin1.geojson``.
    chunk
        Article events scored at a time (memory grows with it, not with the tables).
    """
    if km < 0 or days < 0:
        raise InputError("--km and --days must not be negative")
    if top < 1:
        raise InputError("top must be at least 1")
    records = records.reset_index(drop=True)
    articles = articles.reset_index(drop=True)
    rec, art = record_side(records), article_side(articles)
    polygons = Admin1Polygons.load(resolve_data_dir(data_dir) / "gazetteer" / "admin1.geojson")
    index = RecordIndex(rec, art, polygons)
    located = np.flatnonzero((art.rank <= 4) | ((art.rank == 5) & art.dated))
    parts = []
    for c in range(0, len(located), max(1, chunk)):
        r, a, basis = index.pairs(art, located[c:c + chunk], km, days)
        if not len(r):
            continue
        s = score_pairs(rec, art, r, a, basis, km=km, days=days, slack=SLACK_KM,
                        border=cross_border(index, art, r, a, basis))
        # ranked on the values the links show, as rerank() ranks them
        s["score"] = np.round(s["score"], SCORE_DECIMALS)
        s["distance_km"] = np.round(s["distance_km"], DISTANCE_DECIMALS)
        near = np.where(basis == 0, s["distance_km"], 0.0)
        kept, rank, tied = rank_within(a, s["dated"], s["score"], near, r, top=top,
                                       min_score=min_score, ratio=ratio)
        parts.append({"r": r[kept], "a": a[kept], "basis": basis[kept], "rank": rank,
                      "tied": tied, **{k: v[kept] for k, v in s.items()}})
    links = _links_frame(records, articles, rec, art, parts)
    recordable = recorded_type(articles["event_type"].astype(object)) \
        if "event_type" in articles else None
    return JoinResult(links, len(records), len(articles), recordable)


def rerank(links: gpd.GeoDataFrame, *, top: int = DEFAULTS["top"],
           min_score: float = DEFAULTS["min_score"],
           ratio: float = DEFAULTS["ratio"]) -> gpd.GeoDataFrame:
    """Rank again links gathered from several joins of parts of the records (the partitioned
    join): the same order and cuts as :func:`join_events` over the whole table."""
    if not len(links):
        return links
    groups = pd.factorize(links["article_row"])[0]
    near = np.where(links["match"].to_numpy() == "distance",
                    links["distance_km"].to_numpy(dtype=float), 0.0)
    kept, rank, _ = rank_within(groups, links["gap_days"].notna().to_numpy(),
                                links["score"].to_numpy(dtype=float), near,
                                links["record_row"].to_numpy(dtype=np.int64), top=top,
                                min_score=min_score, ratio=ratio)
    out = links.iloc[kept].copy()
    out["rank"] = rank
    if "_part" in links and "tied" in links:
        # each part counted the ties among its own records: a tie spans the parts
        dated = links["gap_days"].notna()
        dist = pd.Series(near, index=links.index)
        key = [links["article_row"], dated, links["score"], dist]
        per_part = links.groupby([*key, links["_part"]], sort=False)["tied"].first()
        total = per_part.groupby(level=[0, 1, 2, 3], sort=False).sum()
        idx = pd.MultiIndex.from_arrays([out["article_row"], dated.iloc[kept], out["score"],
                                         dist.iloc[kept]])
        out["tied"] = total.reindex(idx).to_numpy(dtype=np.int64)
    return out.reset_index(drop=True)


def with_article_fields(links: gpd.GeoDataFrame, articles) -> gpd.GeoDataFrame:
    """``links`` with the linked articles' ``title`` and ``url`` (for popups and tables);
    ``articles`` are :class:`geomap.sources.Article` objects."""
    meta = {a.id: (a.title, a.url) for a in articles}
    ids = links["article_id"].to_numpy(dtype=object)
    out = links.copy()
    out["title"] = [meta.get(i, (None, None))[0] for i in ids]
    out["url"] = [meta.get(i, (None, None))[1] for i in ids]
    return out


def _col(frame: pd.DataFrame, name: str, idx: np.ndarray) -> np.ndarray:
    if name not in frame:
        return np.full(len(idx), None, dtype=object)
    return frame[name].take(idx).astype(object).where(lambda s: s.notna(), None) \
        .to_numpy(dtype=object)


def record_ids(records: pd.DataFrame, idx: np.ndarray) -> np.ndarray:
    """The records' own ids, else ``FILE:ROW`` (``records:ROW`` without a source file)."""
    ids = _col(records, "event_id", idx).copy()
    missing = np.array([v is None for v in ids], dtype=bool)
    if missing.any():
        files = _col(records, "source_file", idx[missing])
        rows = _col(records, "source_row", idx[missing])
        ids[missing] = [
            f"{Path(f).name if f else 'records'}:{int(r) if r is not None else i + 1}"
            for f, r, i in zip(files, rows, idx[missing], strict=True)]
    return ids


def _links_frame(records, articles, rec: Side, art: Side, parts: list[dict]):
    def cat(key, dtype=None):
        if not parts:
            return np.empty(0, dtype=dtype or float)
        return np.concatenate([p[key] for p in parts])

    r, a = cat("r", np.int64), cat("a", np.int64)
    order = np.lexsort((cat("rank", np.int64), a))
    r, a = r[order], a[order]
    keys = ("rank", "score", "distance_km", "gap_days", "basis", "type", "actors", "admin",
            "deaths", "tied", "border")
    pick = {k: cat(k)[order] for k in keys} if parts else {k: np.empty(0) for k in keys}
    event_index = (articles["event_index"].to_numpy()[a] if "event_index" in articles
                   else articles["start"].to_numpy()[a] if "start" in articles else a)
    gap = pd.array(pick["gap_days"].astype(np.int64), dtype="Int64")
    gap[pick["gap_days"] < 0] = pd.NA
    data = {
        "article_id": _col(articles, "article_id", a),
        "event_index": np.asarray(event_index).astype(np.int64),
        "record_id": record_ids(records, r),
        "dataset": _col(records, "dataset", r),
        "rank": pick["rank"].astype(np.int64),
        "score": pick["score"].astype(float),
        "distance_km": pick["distance_km"].astype(float),
        "gap_days": gap,
        "match": np.array(MATCH)[pick["basis"].astype(np.int64)],
        "record_row": r,
        "article_row": a,
        "record_date": _col(records, "date", r),
        "article_date": _col(articles, "article_date" if "article_date" in articles
                             else "date", a),
        "record_type": _col(records, "event_type", r),
        "article_type": _col(articles, "event_type", a),
        "type_score": np.round(pick["type"].astype(float), 3),
        "actor_score": np.round(pick["actors"].astype(float), 3),
        "admin_score": np.round(pick["admin"].astype(float), 3),
        "deaths_score": np.round(pick["deaths"].astype(float), 3),
        "tied": pick["tied"].astype(np.int64),
    }
    data["corroborates"] = (data["score"] >= CORROBORATE_MIN) & ~np.isin(
        data["match"], NOT_CORROBORATING) & ~pick["border"].astype(bool)
    frame = pd.DataFrame(data, columns=list(LINK_COLUMNS))
    for name in ("record_date", "article_date"):
        frame[name] = pd.to_datetime(frame[name], errors="coerce")
    lines = np.full(len(r), None, dtype=object)
    both = np.isfinite(art.lon[a]) & np.isfinite(rec.lon[r])  # an unlocated end: no line
    if both.any():
        lines[both] = shapely.linestrings(np.stack([
            np.column_stack([art.lon[a][both], art.lat[a][both]]),
            np.column_stack([rec.lon[r][both], rec.lat[r][both]])], axis=1))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(lines, crs="EPSG:4326"),
                            crs="EPSG:4326")
