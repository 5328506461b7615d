"""The main job (``geomap map``): articles and event files -> place mentions, text events, the
join of text events to event records -> map, GeoJSON and link files."""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ._atomic import atomic_csv, atomic_write
from ._progress import note_large
from .exceptions import InputError, UsageError
from .gazetteer import Gazetteer
from .geoparse import Geoparser
from .inputs import Inputs, classify
from .lang import detect
from .mentions import mentions_frame
from .sources import ArticleReader

__all__ = ["MapReport", "run_map"]

log = logging.getLogger(__name__)


@dataclass
class MapReport:
    """What ``geomap map`` read and wrote."""

    articles: int = 0
    rejected: int = 0
    mentions: int = 0
    resolved: int = 0
    places: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    event_files: int = 0
    #: files given as event tables that could not be read (an article, a broken file): each a
    #: row of events.rejects.csv, counted apart from the rejected records
    event_files_unread: int = 0
    events: int = 0
    events_rejected: int = 0
    #: records kept without a usable date (linked by place alone)
    events_undated: int = 0
    #: records already read from an earlier event file (counted once, the copy a reject)
    events_duplicates: int = 0
    events_located: int = 0
    movements: int = 0
    map_mode: str = "none"
    map_note: str = ""
    map_bytes: int = 0
    self_contained: bool = True
    joined: bool = False
    links: int = 0
    records_corroborated: int = 0
    records_uncovered: int = 0
    text_events_unmatched: int = 0
    #: text events with no record that no dataset would hold (statements...): not counted above
    text_events_not_counted: int = 0
    #: what the article reader decided: undated, duplicates (feed items), decoded (file: codec)
    inputs: dict[str, Any] = field(default_factory=dict)
    #: ids of articles in a language geomap has no rules for, read with the nearest ones
    other_language: list[str] = field(default_factory=list)
    #: files an earlier run left in the output folder that this run does not write, removed
    removed: list[str] = field(default_factory=list)
    #: the event table's counts as the map draws them (geomap.render.counts.EventCounts)
    counts: Any = None
    #: The folium map written to index.html (not part of the JSON report).
    map: Any = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict:
        return {"articles": self.articles, "rejected": self.rejected, "mentions": self.mentions,
                "resolved": self.resolved, "unresolved": self.mentions - self.resolved,
                "places": self.places, "event_files": self.event_files,
                "event_files_unread": self.event_files_unread, "events": self.events,
                "events_rejected": self.events_rejected, "events_undated": self.events_undated,
                "events_duplicates": self.events_duplicates,
                "events_located": self.events_located,
                "movements": self.movements,
                **({"records": self.counts.records, "text_events": self.counts.text_events,
                    "events_country_level": self.counts.country_level,
                    "events_region_level": self.counts.region_level,
                    "events_unlocated": self.counts.unlocated} if self.counts else {}),
                "joined": self.joined, "links": self.links,
                "records_corroborated": self.records_corroborated,
                "records_uncovered": self.records_uncovered,
                "text_events_unmatched": self.text_events_unmatched,
                "text_events_not_counted": self.text_events_not_counted,
                "undated": self.inputs.get("undated", 0),
                "duplicates": self.inputs.get("duplicates", 0),
                "decoded": self.inputs.get("decoded", {}),
                "other_language": self.other_language,
                "map": {"mode": self.map_mode, "note": self.map_note, "bytes": self.map_bytes,
                        "self_contained": self.self_contained},
                "outputs": self.outputs, "removed": self.removed}


def _read_event_files(paths: Sequence[str | Path], report: MapReport, out: Path, gaz):
    """Event tables of ``paths`` and their rejects (written to events.rejects.csv); place
    names of generic tables without coordinates are geocoded with ``gaz``."""
    import pandas as pd

    from .events.duplicates import SeenRecords
    from .events.read import read_events
    from .events.readers._geocode import GazetteerGeocoder
    from .events.schema import coerce_events

    frames, rejects = [], []
    seen = SeenRecords()

    def not_read(path, reason: str) -> None:  # one bad file does not stop the batch
        log.warning("%s: %s", path, reason)
        report.event_files_unread += 1
        rejects.append(pd.DataFrame([{"source_file": str(path), "source_row": None,
                                      "reason": f"file not read: {reason}"}]))

    for path in paths:
        # a file given as an event file is checked by content first: an article there would
        # be parsed as a one-column table of junk records (new-user 59)
        found = classify([path])
        for text in found.texts:
            not_read(text.path, f"{'a feed' if text.kind == 'feed' else 'an article'} "
                     f"({text.format}), not an event table: give it as an input to map it")
        for bad in found.rejects:
            not_read(bad.path, bad.reason)
        for table in found.events:
            try:
                result = read_events(table.path, geocoder=GazetteerGeocoder(gaz),
                                     de_facto=gaz.de_facto)
            except InputError as exc:
                not_read(table.path, str(exc).removeprefix(f"{table.path}: "))
                continue
            for warning in result.warnings:
                log.warning("%s", warning)
            report.event_files += 1
            report.events_duplicates += seen.drop(result)
            report.events_rejected += result.rejected
            report.events_undated += result.undated
            if len(result.events):
                frames.append(result.events)
            if len(result.rejects):
                rejects.append(result.rejects)
    lead = ["source_file", "source_row", "reason"]
    table = pd.concat(rejects, ignore_index=True) if rejects else pd.DataFrame(columns=lead)
    table = table[lead + [c for c in table.columns if c not in lead]]
    atomic_csv(table, out / "events.rejects.csv")
    report.outputs["events rejects"] = str(out / "events.rejects.csv")
    return coerce_events(pd.concat(frames, ignore_index=True)) if frames else None


def _remove_stale(out: Path, report: MapReport) -> None:
    """Outputs an earlier run wrote into ``out`` that this run does not (its links, rejects,
    extra formats) are removed, so that the folder holds one run: a stale links.csv or
    rejects file beside a new map would be read as this run's."""
    from .export.tables import FORMATS

    written = {Path(p).name for p in report.outputs.values()}
    names = ["articles.rejects.jsonl", "events.rejects.csv", "links.csv", "links.geojson",
             "areas.geojson"]
    names += [f"{table}{FORMATS[fmt][0]}" for fmt in ("gpkg", "parquet", "csv")
              for table in ("mentions", "events")]
    for name in names:
        if name not in written and (out / name).is_file():
            (out / name).unlink()
            report.removed.append(name)


def _combine_events(tables):
    """One event table from dataset events and text events (LineStrings kept: movements)."""
    import geopandas as gpd
    import pandas as pd

    from .events.schema import empty_events

    tables = [t for t in tables if t is not None and len(t)]
    if not tables:
        return empty_events()
    if len(tables) == 1:
        return tables[0]
    out = gpd.GeoDataFrame(pd.concat(tables, ignore_index=True), geometry="geometry",
                           crs="EPSG:4326")
    # a whole-number column of one table (text events' event_index) stays whole where the
    # other table lacks it (pandas would make it float: "event_index": 1.0 in the GeoJSON)
    for col in out.columns:
        kinds = [t[col].dtype for t in tables if col in t]
        if pd.api.types.is_float_dtype(out[col].dtype) and kinds and \
                all(pd.api.types.is_integer_dtype(k) for k in kinds):
            out[col] = out[col].astype("Int64")
    return out


def _text_events(items, gaz: Gazetteer):
    """Events extracted from the articles' text, as an event table (dataset "text")."""
    from .events.extract import extract_events, text_events_frame

    return text_events_frame((art, extract_events(art, mentions, gaz)) for art, mentions in items)


def split_inputs(inputs: Sequence[str | Path]) -> tuple[Inputs, list[Path]]:
    """``(texts, event files)`` of ``inputs`` (files and folders), by content
    (:func:`geomap.inputs.classify`): ``texts`` is an :class:`~geomap.inputs.Inputs` of the
    articles and feeds with the paths that are neither (for :meth:`ArticleReader.read`, which
    reports them); event tables, in folders too, are returned as paths for
    :func:`geomap.events.read_events`."""
    found = classify(inputs)
    texts = Inputs(files=found.texts, rejects=found.rejects)
    return texts, [f.path for f in found.events]


def _write_links(links, out: Path, report: MapReport) -> None:
    """links.csv (no geometry) and links.geojson (LineStrings article event -> record)."""
    from .export import write_geojson

    atomic_csv(links.drop(columns="geometry"), out / "links.csv", date_format="%Y-%m-%d")
    write_geojson(links, out / "links.geojson")
    report.outputs["links"] = str(out / "links.csv")
    report.outputs["links (GeoJSON)"] = str(out / "links.geojson")


def _join(records, text_events, *, articles, options: dict, data_dir, report: MapReport,
          out: Path):
    """Links of the text events to the records (written beside the map), or None."""
    from .join import join_events, with_article_fields

    if records is None or not len(records) or text_events is None or not len(text_events):
        return None
    result = join_events(records, text_events, data_dir=data_dir, **options)
    s = result.summary()
    report.joined = True
    report.links = s["links"]
    report.records_corroborated = s["records_corroborated"]
    report.records_uncovered = s["records_uncovered"]
    report.text_events_unmatched = s["text_events_unmatched"]
    report.text_events_not_counted = s["text_events_not_counted"]
    links = with_article_fields(result.links, articles)
    _write_links(links, out, report)
    return links


def run_map(inputs: Sequence[str | Path], out_dir: str | Path, *,
            gazetteer: Gazetteer | None = None, date: datetime.date | None = None,
            title: str | None = None, progress: bool = True,
            events: Any = None, event_files: Sequence[str | Path] = (),
            formats: Sequence[str] = (), online: bool = False,
            scale: Any = None, extract: bool = True, records: Any = None,
            join: bool = True, join_options: dict | None = None,
            focus_country: str | None = None) -> MapReport:
    """Read articles and event files, geoparse the articles, extract their events, link them
    to the event records, and write ``out_dir``/index.html, mentions.geojson and
    events.geojson (always, even when empty), areas.geojson (the countries and admin-1 units
    the mentions name, once each) and with a join links.csv and links.geojson.
    Outputs of an earlier run into the same folder that this run does not write (links,
    rejects, other formats) are removed and listed in ``report.removed``.

    ``inputs`` may hold articles (files, folders, JSON Lines) and event files (told apart by
    :func:`split_inputs`); a run with event files only maps them. ``records`` is an event
    table of records given in memory (the Python API), joined and mapped like event files.
    With ``join`` (the default), text events are linked to the records by
    :func:`geomap.join.join_events` (``join_options``: ``km``, ``days``, ``top``...).

    ``events`` is an optional event table derived from the articles' text (the hook for text
    event extraction: Point events are drawn by type, LineString events of kind "movement" as
    flows); ``event_files`` are read with :func:`geomap.events.read_events` and their rejected
    rows go to ``out_dir``/events.rejects.csv. ``formats`` ("gpkg", "parquet", "csv") adds
    copies of both tables next to the GeoJSON. ``online`` writes a small CDN-linked page
    instead of a self-contained one; ``scale`` is a :class:`geomap.render.ScaleOptions`.
    ``focus_country`` is the geoparser's hint (:class:`geomap.geoparse.Geoparser`).
    With ``extract`` (the default) events are also extracted from the articles' text
    (:func:`geomap.events.extract.extract_events`) and mapped with the others.
    """
    from .export import areas_of, table_metadata, with_areas, write_geojson, write_table
    from .export.tables import FORMATS
    from .render import render_map, save_map

    unknown = [f for f in formats if f not in FORMATS or f == "geojson"]
    if unknown:
        raise UsageError(f"unknown --formats {', '.join(unknown)}; choose from gpkg, parquet, csv")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"the output must be a folder: {out} is a file (maps are written as "
                         "FOLDER/index.html)")
    gaz = gazetteer or Gazetteer()
    texts, found_events = split_inputs(inputs)
    event_files = [*found_events, *event_files]
    reader = ArticleReader(date=date)
    items = []
    other: list[str] = []
    if texts.texts:
        parser = Geoparser(gaz, focus_country=focus_country)
        bar = tqdm(reader.read(texts), desc="geoparsing", unit="article",
                   disable=not progress, leave=False)
        for art in bar:
            note_large(bar, art.id, art.text)
            items.append((art, parser.parse(art.text)))
            if detect(art.text).note:
                other.append(str(art.id))
    else:
        list(reader.read(texts))  # records the classifier's rejects
    out.mkdir(parents=True, exist_ok=True)
    report = MapReport(articles=len(items), rejected=reader.n_rejected, inputs=reader.summary(),
                       other_language=other)
    if reader.rejects:
        rej = out / "articles.rejects.jsonl"
        with atomic_write(rej) as fh:
            for r in reader.rejects:
                fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        report.outputs["rejects"] = str(rej)
    if not items and not event_files and records is None:
        where = f" (reasons in {out / 'articles.rejects.jsonl'})" if reader.rejects else ""
        error = InputError(f"no article could be read from the inputs{where}")
        error.report = report  # the counts so far, for `geomap map --json`
        raise error
    text_events = None
    if extract and items:
        text_events = _text_events(items, gaz)
        events = text_events if events is None else _combine_events([events, text_events])
    frame = mentions_frame(items)
    report.mentions = len(frame)
    report.resolved = int(frame.geometry.notna().sum())
    report.places = int(frame["place_key"].nunique())
    dataset_events = _read_event_files(event_files, report, out, gaz) if event_files else None
    if not items and records is None and (dataset_events is None or not len(dataset_events)):
        # event files were given but none held a record (header-only, all rejected, unreadable)
        error = InputError("nothing could be read from the inputs: no article and no event "
                           "record (reasons in the rejects files)")
        error.report = report
        raise error
    if records is not None and len(records):
        if gaz.de_facto:  # a table read elsewhere: the same switch as the files read here
            from .events.territory import mark_territory

            records = mark_territory(records, de_facto=True, data_dir=gaz.data_dir)
        dataset_events = _combine_events([dataset_events, records])
    links = _join(dataset_events, text_events, articles=[art for art, _ in items],
                  options=dict(join_options or {}),
                  data_dir=gaz.data_dir, report=report, out=out) if join else None
    table = _combine_events([dataset_events, events])
    # countries and admin-1 units as their areas in the files, as on the map: an event row
    # carries its area; mentions (a few countries named over and over) name theirs by
    # area_key, each written once in areas.geojson
    frame_out, areas = areas_of(frame, gaz.data_dir)
    table_out = with_areas(table, gaz.data_dir)
    write_geojson(frame_out, out / "mentions.geojson",
                  metadata=table_metadata(frame, kind="mentions"))
    report.outputs["mentions"] = str(out / "mentions.geojson")
    if len(areas):
        write_geojson(areas, out / "areas.geojson")
        report.outputs["areas"] = str(out / "areas.geojson")
    write_geojson(table_out, out / "events.geojson",
                  metadata=table_metadata(table, kind="events"))
    report.outputs["events"] = str(out / "events.geojson")
    for fmt in formats:
        ext = FORMATS[fmt][0]
        for name, gdf in (("mentions", frame_out), ("events", table_out)):
            write_table(gdf, out / f"{name}{ext}", format=fmt)
            report.outputs[f"{name} ({fmt})"] = str(out / f"{name}{ext}")
    if title is None:
        title = items[0][0].title if len(items) == 1 and items[0][0].title else \
            "Places and events in the news" if items else "Event records"
    m, info = render_map(frame, data_dir=gaz.data_dir, title=title, events=table,
                         online=online, options=scale, articles=len(items),
                         records=dataset_events if links is not None else None,
                         text_events=text_events if links is not None else None, links=links)
    # the map's own counts (geomap.render.counts), so that the report says what the map says
    report.counts = info.counts
    report.events, report.events_located = info.counts.events, info.counts.located
    report.movements = info.counts.movements
    report.map_bytes = save_map(m, out / "index.html", online=online)
    report.map_mode = info.mode
    report.map_note = info.describe()
    report.self_contained = not online
    report.outputs["map"] = str(out / "index.html")
    _remove_stale(out, report)
    report.map = m
    return report
