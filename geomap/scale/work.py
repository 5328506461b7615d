"""What runs on a worker: one partition from input to results, and the per-process memo.

:func:`process_partition` reads a partition, takes what it can from the document cache,
geoparses (and extracts events from) the rest, and writes a GeoParquet part. A document that
fails becomes a reject record with its id and reason; the partition goes on.

The per-process memo :data:`_MEMO` keeps one :class:`~geomap.gazetteer.Gazetteer` and
:class:`~geomap.geoparse.Geoparser` per (cache folder, data folder, de-facto, roles), so each
worker process opens the gazetteer once, not once per document or partition. It is the only
mutable module state of :mod:`geomap.scale`; nothing else in the library depends on it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._atomic import atomic_write_text
from ..lang import detect, language_fields
from .cache import DocumentCache, document_key
from .corpus import DEFAULT_COLUMNS, Columns, Partition, load_partition

__all__ = ["PartResult", "TaskSpec", "process_partition", "worker_parser"]

TASKS = ("mentions", "events")
_MEMO: dict[tuple, Any] = {}


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """Everything a worker needs besides the partition (small and picklable)."""

    task: str
    cache_dir: str
    data_dir: str
    de_facto: bool = False
    roles: tuple[str, ...] | None = None
    columns: Columns = DEFAULT_COLUMNS
    date: datetime.date | None = None
    max_chars: int = 2_000_000
    identity: str = ""
    cache_path: str | None = None
    out_dir: str | None = None
    want_lines: bool = False
    want_items: bool = False
    language: str | None = None  # "en", "uk", "ru"; None: each document's own
    focus_country: str | None = None  # the user's hint (Geoparser(focus_country=...))


@dataclass(slots=True)
class PartResult:
    """What a partition gives back to the driver (no result rows unless asked for)."""

    index: int
    documents: int = 0
    #: documents whose date could not be read (kept undated)
    undated: int = 0
    cached: int = 0
    items: int = 0
    words: int = 0
    rejects: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    part: str | None = None
    lines: list[str] | None = None
    pairs: list | None = None
    other_language: list[str] = field(default_factory=list)  # ids read with others' rules


def worker_parser(spec: TaskSpec):
    """The process's (gazetteer, geoparser) for ``spec``, opened on first use."""
    key = (spec.cache_dir, spec.data_dir, spec.de_facto, spec.roles, spec.language,
           spec.focus_country)
    hit = _MEMO.get(key)
    if hit is None:
        from ..gazetteer import Gazetteer
        from ..geoparse import Geoparser

        gaz = Gazetteer(cache_dir=spec.cache_dir, data_dir=spec.data_dir, de_facto=spec.de_facto)
        hit = _MEMO[key] = (gaz, Geoparser(gaz, roles=spec.roles, language=spec.language,
                                           focus_country=spec.focus_country))
    return hit


def _compute(spec: TaskSpec, art) -> list:
    gaz, parser = worker_parser(spec)
    mentions = parser.parse(art.text)
    if spec.task == "mentions":
        return mentions
    from ..events.extract import extract_events

    return extract_events(art, mentions, gaz)


def _part_stamp(spec: TaskSpec, arts, keys: list[str], pairs) -> str:
    """What a written part was made from: the task, its documents (ids, metadata and content
    keys) and which of them were kept. Equal stamps mean an identical part."""
    h = hashlib.sha256(f"{spec.task}\n{spec.identity}\n".encode())
    for art, key in zip(arts, keys, strict=True):
        h.update(f"{art.id}\t{art.title}\t{art.date}\t{art.url}\t{art.path}\t{key}\n".encode())
    h.update(f"kept={len(pairs)}".encode())
    return h.hexdigest()


def stamp_of(part_path: Path) -> Path:
    """The hidden file beside a part that says what it was made from (readers skip dot files)."""
    return part_path.parent / f".{part_path.stem}.stamp"


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def process_partition(part: Partition, spec: TaskSpec) -> PartResult:
    """Process one partition (see the module docstring)."""
    t0 = time.perf_counter()
    counts: dict[str, int] = {}
    arts, rejects = load_partition(part, spec.columns, date=spec.date, max_chars=spec.max_chars,
                                   counts=counts)
    result = PartResult(part.index, rejects=rejects, undated=counts["undated"])
    cache = DocumentCache(spec.cache_path) if spec.cache_path and arts else None
    try:
        keys = [document_key(spec.identity, a.text) for a in arts]
        hits = cache.get_many(keys) if cache is not None else {}
        fresh: dict[str, list] = {}
        pairs = []
        for art, key in zip(arts, keys, strict=True):
            found = hits.get(key)
            if found is None:
                try:
                    found = _compute(spec, art)
                except Exception as exc:  # one bad document must not stop the run
                    rejects.append({"source": art.path or part.path, "line": None, "id": art.id,
                                    "reason": f"processing failed: {type(exc).__name__}: {exc}"})
                    continue
                fresh[key] = found
            else:
                result.cached += 1
            pairs.append((art, found))
            result.words += len(art.text.split())
            if spec.language is None and detect(art.text).note:
                result.other_language.append(str(art.id))
        if cache is not None:
            cache.put_many(fresh)
    finally:
        if cache is not None:
            cache.close()
    result.documents = len(pairs)
    result.items = sum(len(found) for _art, found in pairs)
    if spec.out_dir:
        from .tables import event_table, mention_table, write_part

        out_path = Path(spec.out_dir) / part_name(part.index)
        stamp = _part_stamp(spec, arts, keys, pairs)
        stamp_path = stamp_of(out_path)
        if not fresh and out_path.exists() and stamp_path.exists() and \
                stamp_path.read_text(encoding="utf-8") == stamp:
            # every document came from the cache and this very part is already written
            result.part = str(out_path)
        else:
            table = mention_table(pairs) if spec.task == "mentions" else event_table(pairs)
            result.part = str(write_part(table, out_path))
            atomic_write_text(stamp_path, stamp)
    if spec.want_lines:
        key = "toponyms" if spec.task == "mentions" else "events"
        if spec.task == "mentions":
            from ..geoparse import home_fields

            result.lines = [json.dumps({"id": art.id, **home_fields(found, art.url),
                                        **language_fields(art.text, spec.language),
                                        key: [x.to_json() for x in found]},
                                       ensure_ascii=False) for art, found in pairs]
        else:
            from ..events.extract import document_json

            result.lines = [json.dumps(document_json(art.id, art.date, found),
                                       ensure_ascii=False) for art, found in pairs]
    if spec.want_items:
        result.pairs = pairs
    result.seconds = time.perf_counter() - t0
    return result
