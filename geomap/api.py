"""The Python API (``import geomap``): each stage as one function on texts, paths and tables.

    >>> import geomap
    >>> mentions = geomap.geoparse("Shelling hit Kharkiv on Monday.")
    >>> place = geomap.geocode("Lebedyn, Sumy Oblast").place
    >>> records = geomap.read_events("acled.csv")
    >>> events = geomap.extract_events(["Shelling hit Kharkiv on Monday."], date="2024-11-04")
    >>> links = geomap.join(records, events, km=25, days=3)
    >>> m = geomap.map(["Shelling hit Kharkiv on Monday."], events="acled.csv")
    >>> m.save("map.html")  # the same self-contained page as ``geomap map``

Texts may be given as a string, a list of strings, file or folder paths (``.txt``, ``.html``,
JSON Lines), :class:`geomap.sources.Article` objects or a table with a ``text`` column (and
optionally ``id``, ``title``, ``date``, ``url``). A string that names an existing file or
folder is read as one; any other string is a text. Texts given directly get the ids
``text-1``, ``text-2``... unless the table has an ``id`` column.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["callable_package", "extract_events", "geoparse", "join", "map", "read_events"]

_builtin_map = map


def callable_package(module_name: str, function: str) -> None:
    """Make the package ``module_name`` callable as ``geomap.api.<function>``.

    ``geomap.geoparse`` and ``geomap.join`` name both a subpackage and an API function;
    Python sets the subpackage as the attribute of ``geomap`` when it is imported, so the
    subpackage itself forwards calls to the function (``geomap.join(records, events)`` works
    whether or not ``geomap.join`` was imported as a package)."""
    import sys
    import types

    class _Callable(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return globals()[function](*args, **kwargs)

    sys.modules[module_name].__class__ = _Callable


def _is_path(value: Any) -> bool:
    if isinstance(value, os.PathLike):
        return True
    if not isinstance(value, str) or "\n" in value or len(value) > 4096 or not value.strip():
        return False  # "" would be Path("."), the current folder: an empty text, not a path
    try:
        return Path(value).exists()
    except OSError:
        return False


def _date(value: Any) -> datetime.date | None:
    if value is None or value is False:
        return None
    import pandas as pd

    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    stamp = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(stamp) else stamp.date()


def _split(texts: Any) -> tuple[list, list]:
    """(Article objects, paths) of any accepted form of texts."""
    import pandas as pd

    from .sources import Article

    if isinstance(texts, pd.DataFrame):
        if "text" not in texts:
            raise ValueError("a table of articles needs a 'text' column")
        arts = []
        for i, row in enumerate(texts.to_dict("records"), 1):
            arts.append(Article(
                id=str(row["id"]) if row.get("id") is not None else f"text-{i}",
                text=str(row["text"]), title=row.get("title") or None,
                date=_date(row.get("date")), url=row.get("url") or None))
        return arts, []
    if isinstance(texts, str | os.PathLike | Article):
        texts = [texts]
    arts, paths = [], []
    for i, item in enumerate(texts, 1):
        if isinstance(item, Article):
            arts.append(item)
        elif _is_path(item):
            paths.append(item)
        elif isinstance(item, str):
            arts.append(Article(id=f"text-{i}", text=item))
        else:
            raise TypeError(f"not a text, path or Article: {type(item).__name__}")
    return arts, paths


def _articles(texts: Any, date: Any = None) -> list:
    """Articles of any accepted form of texts; ``date`` for those without one."""
    import dataclasses

    from .sources import ArticleReader

    arts, paths = _split(texts)
    day = _date(date)
    if day is not None:
        arts = [a if a.date else dataclasses.replace(a, date=day) for a in arts]
    if paths:
        arts += list(ArticleReader(date=day).read(paths))
    return arts


def geoparse(text_or_texts: Any, *, gazetteer: Any = None, focus_country: str | None = None):
    """Place mentions of one or more texts: a GeoDataFrame (EPSG:4326) with one row per
    mention (``article_id``, ``start``, ``end``, ``name``, ``role``, ``confidence``, the
    place's ``place_key``, ``place_name``, ``feature``, ``country``, ``admin1``,
    ``geonameid``..., ``geometry``; unresolved mentions have no geometry). ``focus_country``
    ("UA"): the country the texts are mostly about, a hint for names they leave ambiguous
    (``--focus-country``)."""
    from .gazetteer import Gazetteer
    from .geoparse import Geoparser
    from .mentions import mentions_frame

    parser = Geoparser(gazetteer or Gazetteer(), focus_country=focus_country)
    return mentions_frame([(a, parser.parse(a.text)) for a in _articles(text_or_texts)])


def geocode(query_or_queries: str | Iterable[str], *, country: str | None = None,
            gazetteer: Any = None):
    """Geocode free-form place queries offline ("Lebedyn, Sumy Oblast", "outskirts of Gulu"):
    a :class:`geomap.geocoding.GeocodeResult` for a string, a list of them (in order) for an
    iterable. Each has ``place``, ``geo_precision``, ``matched_text``, ``unresolved`` and
    ``to_json()`` (the object ``geomap geocode --json`` prints)."""
    from .gazetteer import Gazetteer
    from .geocoding import OfflineGeocoder

    geocoder = OfflineGeocoder(gazetteer or Gazetteer(), country=country)
    if isinstance(query_or_queries, str):
        return geocoder.geocode(query_or_queries)
    return [geocoder.geocode(q) for q in query_or_queries]


def read_events(path_or_paths: str | os.PathLike[str] | Iterable, **options: Any):
    """Event records of one or more files (ACLED, UCDP, GDELT or generic tables, detected from
    their columns) as one event table (:mod:`geomap.events.schema`). Rejected rows, with
    their reason, are in ``.attrs["rejects"]`` (a DataFrame), with the later copies of a
    record read from two files (ACLED, UCDP, GDELT ids; "duplicate of FILE:ROW"); ``options`` go to
    :func:`geomap.events.read_events` (``format``, ``lat_col``...)."""
    import pandas as pd

    from .events.duplicates import SeenRecords
    from .events.read import read_events as read_one
    from .events.schema import coerce_events, empty_events

    paths = [path_or_paths] if isinstance(path_or_paths, str | os.PathLike) \
        else list(path_or_paths)
    frames, rejects = [], []
    seen = SeenRecords()  # the same record in two files is kept once, the copy a reject
    for path in paths:
        result = read_one(path, **options)
        seen.drop(result)
        if len(result.events):
            frames.append(result.events)
        if len(result.rejects):
            rejects.append(result.rejects)
    table = coerce_events(pd.concat(frames, ignore_index=True)) if frames else empty_events()
    table.attrs["rejects"] = pd.concat(rejects, ignore_index=True) if rejects else \
        pd.DataFrame(columns=["source_file", "source_row", "reason"])
    return table


def extract_events(text_or_texts: Any, *, date: Any = None, gazetteer: Any = None,
                   focus_country: str | None = None):
    """Events reported in one or more texts (who did what, where, when) as an event table
    (dataset ``"text"``; ``article_id``, ``event_index``, ``event_type``, actors, location,
    ``date`` / ``article_date``; movements as LineStrings). ``date`` is the publication date
    of texts that have none (relative dates such as "on Monday" are resolved against it);
    ``focus_country`` as in :func:`geoparse`."""
    from .events.extract import extract_events as extract
    from .events.extract import text_events_frame
    from .gazetteer import Gazetteer
    from .geoparse import Geoparser

    gaz = gazetteer or Gazetteer()
    parser = Geoparser(gaz, focus_country=focus_country)
    return text_events_frame((a, extract(a, parser.parse(a.text), gaz))
                             for a in _articles(text_or_texts, date))


def _is_frame(value: Any) -> bool:
    import pandas as pd

    return isinstance(value, pd.DataFrame)


def join(records: Any, articles_or_events: Any, *, km: float | None = None,
         days: int | None = None, top: int | None = None, date: Any = None,
         gazetteer: Any = None, **options: Any):
    """Links of article events to the event records that match them best: a GeoDataFrame
    with one LineString (article event -> record) per link and the columns ``article_id``,
    ``event_index``, ``record_id``, ``dataset``, ``rank`` (1 = best, per article event),
    ``score``, ``distance_km``, ``gap_days`` (empty when a side is undated), ``match``...
    (:data:`geomap.join.LINK_COLUMNS`).

    ``records``: an event table or event file path(s). ``articles_or_events``: text events
    or place mentions (GeoDataFrames), or texts in any form :func:`extract_events` takes.
    ``km``, ``days``, ``top`` and ``options`` (``min_score``, ``ratio``) as in
    :func:`geomap.join.join_events`."""
    from .gazetteer import Gazetteer
    from .join import DEFAULTS, join_events

    gaz = gazetteer or Gazetteer()
    table = records if _is_frame(records) else read_events(records, de_facto=gaz.de_facto)
    if _is_frame(articles_or_events) and "text" not in articles_or_events:
        events = articles_or_events
    else:
        events = extract_events(articles_or_events, date=date, gazetteer=gaz)
    settings = {"km": DEFAULTS["km"] if km is None else km,
                "days": DEFAULTS["days"] if days is None else days,
                "top": DEFAULTS["top"] if top is None else top, **options}
    return join_events(table, events, data_dir=gaz.data_dir, **settings).links


def _write_jsonl(arts: Sequence, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title,
                                 "date": a.date.isoformat() if a.date else None,
                                 "url": a.url}, ensure_ascii=False) + "\n")


def map(articles: Any = (), events: Any = None, *, out_dir: str | os.PathLike[str] | None = None,
        date: Any = None, title: str | None = None, join: bool = True, km: float | None = None,
        days: int | None = None, top: int | None = None, extract: bool = True,
        online: bool = False, gazetteer: Any = None, **options: Any):
    """The map ``geomap map`` draws, as a :class:`folium.Map` (it displays in Jupyter;
    ``.save(path)`` writes the same self-contained page as the CLI).

    ``articles``: texts in any form (see the module), or () for event records alone.
    ``events``: event file path(s) or an event table of records. With ``out_dir`` every file
    of ``geomap map`` is written there too (mentions, events, links...); the run's report is
    ``m.geomap_report`` (:class:`geomap.pipeline.MapReport`). ``join``, ``km``, ``days``,
    ``top`` as ``--no-join``, ``--km``, ``--days``, ``--top``; ``options`` go to
    :func:`geomap.pipeline.run_map` (``formats``, ``scale``, ``focus_country``...)."""
    from ._atomic import atomic_write_text
    from .gazetteer import Gazetteer
    from .join import DEFAULTS
    from .pipeline import run_map

    arts, paths = _split(articles) if articles is not None else ([], [])
    event_files: list = []
    records = None
    if events is not None:
        if _is_frame(events):
            records = events
        else:
            event_files = [events] if isinstance(events, str | os.PathLike) else list(events)
    join_options = {"km": DEFAULTS["km"] if km is None else km,
                    "days": DEFAULTS["days"] if days is None else days,
                    "top": DEFAULTS["top"] if top is None else top}
    with tempfile.TemporaryDirectory(prefix="geomap-") as tmp:
        inputs = list(paths)
        if arts:
            _write_jsonl(arts, Path(tmp) / "texts.jsonl")
            inputs.append(Path(tmp) / "texts.jsonl")
        report = run_map(inputs, out_dir if out_dir is not None else Path(tmp) / "out",
                         gazetteer=gazetteer or Gazetteer(), date=_date(date), title=title,
                         progress=False, event_files=event_files, records=records,
                         extract=extract, online=online, join=join,
                         join_options=join_options, **options)
        page = Path(report.outputs["map"]).read_text(encoding="utf-8")
    m = report.map
    m.geomap_report = report

    def save(outfile, **_kwargs) -> None:
        """Write the page ``geomap map`` wrote (self-contained unless ``online``)."""
        atomic_write_text(outfile, page)

    m.save = save
    return m
