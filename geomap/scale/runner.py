"""Run geoparsing or event extraction over a corpus on an engine, incrementally.

:func:`run_corpus` plans the partitions, maps :func:`geomap.scale.work.process_partition` over
them on the engine, and writes (each atomically):

* ``out_dir/part-NNNNNN.parquet``: the partitioned GeoParquet result (mentions or text
  events), one part per partition; parts left over from an earlier, larger run are removed;
* ``lines_out``: the JSON Lines of ``geomap geoparse`` / ``geomap events extract``, in input
  order (partitions that finish early wait in memory for the ones before them);
* the rejects file: one JSON object per input that is not in the output, with its source,
  line or row, id and reason. A partition that failed as a whole (its worker died) is tried
  once more at the end; if it fails again it is one reject naming its file and range, so
  nothing is lost silently;
* ``out_dir/_summary.json``: the :class:`RunSummary`.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .._atomic import atomic_write, atomic_write_text
from .cache import CACHE_NAME, run_identity
from .corpus import DEFAULT_COLUMNS, Columns, Partition, plan_partitions
from .engine import LocalEngine
from .work import TASKS, TaskSpec, part_name, process_partition

__all__ = ["RunSummary", "run_corpus"]

log = logging.getLogger(__name__)
#: Ids of documents read with another language's rules listed in a summary (the count is whole).
MAX_LISTED = 20


@dataclass
class RunSummary:
    """Counts of one run."""

    task: str
    engine: str
    workers: int
    partitions: int = 0
    failed_partitions: int = 0
    documents: int = 0
    #: documents whose date was given but could not be read (kept undated)
    undated: int = 0
    cached: int = 0
    items: int = 0
    words: int = 0
    rejects: int = 0
    seconds: float = 0.0
    out_dir: str | None = None
    lines_out: str | None = None
    rejects_path: str | None = None
    #: documents in a language geomap has no rules for, read with the nearest ones
    #: (see geomap.lang.detect): their count and the first MAX_LISTED ids
    other_language: int = 0
    other_language_ids: list[str] = field(default_factory=list)
    pairs: list | None = field(default=None, repr=False)

    @property
    def processed(self) -> int:
        return self.documents - self.cached

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("pairs")
        out["processed"] = self.processed
        return out

    def line(self) -> str:
        what = ("mention" if self.task == "mentions" else "event") + _s(self.items)
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        undated = f" ({self.undated} undated)" if self.undated else ""
        return (f"{self.documents} document{_s(self.documents)} ({self.cached} from cache, "
                f"{self.processed} processed){undated}, {self.items} {what}, "
                f"{self.rejects} reject{_s(self.rejects)}, {self.failed_partitions} failed "
                f"partition{_s(self.failed_partitions)} of {self.partitions}, "
                f"{self.seconds:.1f} s ({rate:.0f} docs/s, {self.engine} engine, "
                f"{self.workers} worker{_s(self.workers)})"
                + (f"; {self.other_language} document{_s(self.other_language)} not in English, "
                   f"Ukrainian or Russian {'was' if self.other_language == 1 else 'were'} read "
                   f"with the nearest rules ({', '.join(self.other_language_ids)}"
                   f"{', ...' if self.other_language > len(self.other_language_ids) else ''})"
                   if self.other_language else ""))


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _partition_reject(part: Partition, error: BaseException) -> dict[str, Any]:
    if part.kind == "files":
        source = part.files[0][0] if len(part.files) == 1 else \
            f"{part.files[0][0]} .. {part.files[-1][0]} ({len(part.files)} files)"
        where = None
    else:
        source = part.path
        unit = "bytes" if part.kind == "jsonl" else "row groups"
        where = part.line
        source = f"{source} ({unit} {part.start}-{part.stop})"
    return {"source": source, "line": where, "id": None,
            "reason": f"partition {part.index} failed: {type(error).__name__}: {error}"}


def _clean_stale(out_dir: Path, keep: set[str]) -> None:
    for old in out_dir.glob("part-*.parquet"):
        if old.name not in keep:
            old.unlink()
    for old in out_dir.glob(".part-*.stamp"):
        if f"{old.name[1:].removesuffix('.stamp')}.parquet" not in keep:
            old.unlink()


def run_corpus(inputs: list[str | os.PathLike[str]], *, task: str = "mentions",
               gazetteer=None, engine=None, out_dir: str | os.PathLike[str] | None = None,
               lines_out: str | os.PathLike[str] | None = None,
               rejects_path: str | os.PathLike[str] | None = None,
               columns: Columns = DEFAULT_COLUMNS, date=None, roles=None,
               max_chars: int = 2_000_000, partition_bytes: int = 1 << 20,
               cache: bool | str | os.PathLike[str] = True, progress: bool = True,
               keep_pairs: bool = False, language: str | None = None,
               focus_country: str | None = None) -> RunSummary:
    """Process a corpus (see the module docstring); returns the counts.

    ``cache`` is True (the document cache in the gazetteer's cache folder), False (no cache)
    or the path of a cache file. ``keep_pairs`` also returns every (Article, results) pair in
    input order in :attr:`RunSummary.pairs` (for outputs that need them all at once).
    ``language`` ("en", "uk", "ru") reads every document with that language's rules instead
    of each document's own (see :func:`geomap.lang.detect_language`); ``focus_country`` is
    the geoparser's hint (:class:`geomap.geoparse.Geoparser`).
    """
    from tqdm import tqdm

    from ..gazetteer import Gazetteer

    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {TASKS}")
    gaz = gazetteer or Gazetteer()
    engine = engine or LocalEngine()
    t0 = time.perf_counter()
    parts = plan_partitions(list(inputs), partition_bytes=partition_bytes)
    if cache is True:
        cache_path: str | None = str(Path(gaz.cache_dir) / CACHE_NAME)
    else:
        cache_path = str(cache) if cache else None
    out = Path(out_dir) if out_dir else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    if rejects_path is None:
        if out is not None:
            rejects_path = out / "_rejects.jsonl"
        elif lines_out is not None:
            rejects_path = Path(lines_out).with_suffix("").as_posix() + ".rejects.jsonl"
    spec = TaskSpec(task=task, cache_dir=str(gaz.cache_dir), data_dir=str(gaz.data_dir),
                    de_facto=gaz.de_facto, roles=tuple(sorted(roles)) if roles else None,
                    columns=columns, date=date, max_chars=max_chars,
                    identity=run_identity(gaz, task=task, roles=roles, language=language,
                                          focus_country=focus_country),
                    cache_path=cache_path, out_dir=str(out) if out else None,
                    want_lines=lines_out is not None, want_items=keep_pairs, language=language,
                    focus_country=focus_country)
    summary = RunSummary(task=task, engine=engine.name, workers=engine.workers,
                         partitions=len(parts), out_dir=str(out) if out else None,
                         lines_out=str(lines_out) if lines_out else None)
    rejects: list[dict[str, Any]] = []
    pending: dict[int, Any] = {}
    pairs: list = []
    failed: set[str] = set()
    next_index = 0
    bar = tqdm(total=len(parts), desc=f"{task} ({engine.name})", unit="part", file=sys.stderr,
               disable=not progress, leave=False)
    retry: list[Partition] = []

    def handle(part, result, error, *, final: bool) -> None:
        nonlocal next_index
        if error is not None and not final:
            retry.append(part)  # e.g. a bystander on a worker that died: try once more
            return
        if error is not None:
            log.warning("partition %d failed: %s: %s", part.index, type(error).__name__, error)
            summary.failed_partitions += 1
            failed.add(part_name(part.index))
            pending[part.index] = [_partition_reject(part, error)]
        else:
            summary.documents += result.documents
            summary.undated += result.undated
            summary.cached += result.cached
            summary.items += result.items
            summary.words += result.words
            summary.other_language += len(result.other_language)
            room = MAX_LISTED - len(summary.other_language_ids)
            summary.other_language_ids.extend(result.other_language[:max(room, 0)])
            pending[part.index] = result
        bar.update(1)
        bar.set_postfix(docs=summary.documents, refresh=False)
        while next_index in pending:  # keep input order for lines, rejects and pairs
            done = pending.pop(next_index)
            if isinstance(done, list):
                rejects.extend(done)
            else:
                rejects.extend(done.rejects)
                if fh is not None:
                    for line in done.lines or ():
                        fh.write(line + "\n")
                if keep_pairs:
                    pairs.extend(done.pairs or ())
            next_index += 1

    with (atomic_write(lines_out) if lines_out else _nowhere()) as fh:
        for part, result, error in engine.map(process_partition, parts, spec):
            handle(part, result, error, final=False)
        if retry:
            log.warning("trying %d failed partitions once more", len(retry))
            for part, result, error in engine.map(process_partition, sorted(
                    retry, key=lambda p: p.index), spec):
                handle(part, result, error, final=True)
    bar.close()
    summary.rejects = len(rejects)
    if rejects_path is not None and (rejects or out is not None):
        with atomic_write(rejects_path) as rf:
            for r in rejects:
                rf.write(json.dumps(r, ensure_ascii=False) + "\n")
        summary.rejects_path = str(rejects_path)
    elif rejects_path is not None and Path(rejects_path).exists():
        Path(rejects_path).unlink()  # a stale file from an earlier run would mislead
    for r in rejects:
        line = "" if r["line"] is None else f":{r['line']}"
        log.warning("%s%s: %s%s", r["source"], line,
                    f"{r['id']}: " if r.get("id") else "", r["reason"])
    summary.seconds = time.perf_counter() - t0
    if keep_pairs:
        summary.pairs = pairs
    if out is not None:
        _clean_stale(out, {part_name(p.index) for p in parts} - failed)
        atomic_write_text(out / "_summary.json", json.dumps(summary.to_json(), indent=2) + "\n")
    return summary


class _nowhere:
    def __enter__(self):
        return None

    def __exit__(self, *exc) -> None:
        return None
