"""Corpora read lazily in partitions: folders of .txt/.html, JSON Lines and Parquet files.

:func:`plan_partitions` looks at the inputs only as far as it must to cut them into partitions
(file sizes, newline positions of JSON Lines files, Parquet row-group metadata) and returns small,
picklable :class:`Partition` descriptions; :func:`load_partition` reads one of them, in any
process, into :class:`geomap.sources.Article` records plus reject records for what could not be
used. Nothing holds more than one partition's documents at a time.

Reject records are dicts ``{"source", "line", "id", "reason"}``: ``line`` is the 1-based line of
a JSON Lines file, the 1-based row of a Parquet file, or ``None`` for a whole file.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exceptions import InputError
from ..inputs import InputFile, InputReject, classify
from ..sources import Article, ArticleReader, parse_date

log = logging.getLogger("geomap.scale")

__all__ = [
    "DEFAULT_COLUMNS",
    "Columns",
    "Partition",
    "load_partition",
    "plan_partitions",
]

_BLOCK = 8 << 20


@dataclass(frozen=True, slots=True)
class Columns:
    """Which JSON keys / Parquet columns hold each article field."""

    id: str = "id"
    text: str = "text"
    date: str | None = "date"
    url: str | None = "url"
    title: str | None = "title"


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work.

    ``kind`` is ``"files"`` (``files`` holds ``(path, id)`` pairs of .txt/.html files),
    ``"jsonl"`` (bytes ``start``..``stop`` of ``path``, whose first line is ``line``),
    ``"parquet"`` (row groups ``start``..``stop`` of ``path``, first row ``line``) or
    ``"error"`` (``path`` could not be planned; ``reason`` says why).
    """

    index: int
    kind: str
    path: str = ""
    files: tuple[tuple[str, str], ...] = ()
    start: int = 0
    stop: int = 0
    line: int = 1
    reason: str = ""


def _corpus_files(path: Path) -> tuple[list[InputFile], list[InputReject]]:
    """The article, feed and Parquet files of one input (by content, see :mod:`geomap.inputs`),
    and the paths that are none of these: missing, binary, event tables..."""
    found = classify([path])
    rejects = list(found.rejects) + [
        InputReject(str(f.path), f"an event table ({f.dataset}), not articles: read it with "
                    "'geomap run records' or 'geomap events read'") for f in found.events]
    return found.texts, rejects


def _jsonl_ranges(path: Path, size: int, target: int) -> Iterator[tuple[int, int, int]]:
    """``(start, stop, first line)`` byte ranges of about ``target`` bytes, cut after newlines."""
    cuts = [(0, 1)]
    offset, line, want = 0, 1, target
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK):
            pos = 0
            while want < offset + len(block):
                i = block.find(b"\n", max(want - offset - 1, pos))
                if i < 0:
                    break
                line += block.count(b"\n", pos, i + 1)
                pos = i + 1
                cuts.append((offset + pos, line))
                want = offset + pos + target
            line += block.count(b"\n", pos)
            offset += len(block)
    cuts = [c for c in cuts if c[0] < size] or [(0, 1)]
    bounds = [c[0] for c in cuts[1:]] + [size]
    for (start, first), stop in zip(cuts, bounds, strict=True):
        yield start, stop, first


def plan_partitions(paths: list[str | os.PathLike[str]], *, partition_bytes: int = 1 << 20,
                    files_per_partition: int = 500) -> list[Partition]:
    """Cut ``paths`` (files and folders) into partitions of about ``partition_bytes``.

    Inputs are classified by content (:func:`geomap.inputs.classify`); a path that is not an
    article input (missing, binary, an event table...) or a file that cannot be planned (an
    unreadable or corrupt Parquet file) becomes an ``"error"`` partition, so its reject is
    reported and the rest of the corpus still runs.
    """
    parts: list[Partition] = []
    group: list[tuple[str, str]] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            parts.append(Partition(len(parts), "files", files=tuple(group)))
        group, group_bytes = [], 0

    for arg in paths:
        files, rejects = _corpus_files(Path(arg))
        for bad in rejects:
            flush()
            parts.append(Partition(len(parts), "error", bad.path, reason=bad.reason))
        for item in files:
            file, file_id = item.path, item.id
            try:
                size = file.stat().st_size
                if item.format == "jsonl":
                    flush()
                    for start, stop, first in _jsonl_ranges(file, size, partition_bytes):
                        parts.append(Partition(len(parts), "jsonl", str(file), start=start,
                                               stop=stop, line=first))
                elif item.format == "parquet":
                    flush()
                    parts.extend(_parquet_parts(file, len(parts), partition_bytes))
                else:
                    if group and (group_bytes + size > partition_bytes
                                  or len(group) >= files_per_partition):
                        flush()
                    group.append((str(file), file_id))
                    group_bytes += size
            except (OSError, ValueError) as exc:  # pyarrow errors are OSError / ValueError
                flush()
                parts.append(Partition(len(parts), "error", str(file),
                                       reason=f"cannot read: {exc}"))
    flush()
    return parts


def _parquet_parts(path: Path, first_index: int, target: int) -> list[Partition]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    out: list[Partition] = []
    start, row, first_row, nbytes = 0, 1, 1, 0
    for g in range(meta.num_row_groups):
        rg = meta.row_group(g)
        nbytes += rg.total_byte_size
        row += rg.num_rows
        if nbytes >= target or g == meta.num_row_groups - 1:
            out.append(Partition(first_index + len(out), "parquet", str(path), start=start,
                                 stop=g + 1, line=first_row))
            start, first_row, nbytes = g + 1, row, 0
    return out


#: The default column names.
DEFAULT_COLUMNS = Columns()


# -- loading ------------------------------------------------------------------------------------
def load_partition(part: Partition, columns: Columns = DEFAULT_COLUMNS, *,
                   date: datetime.date | None = None, max_chars: int = 2_000_000,
                   counts: dict[str, int] | None = None,
                   ) -> tuple[list[Article], list[dict[str, Any]]]:
    """Read one partition: its articles in input order and the reject records of the rest.
    ``counts["undated"]`` (when ``counts`` is given) grows by the documents whose date was
    given but could not be read (kept undated, as the article reader does)."""
    rejects: list[dict[str, Any]] = []
    counts = counts if counts is not None else {}
    counts.setdefault("undated", 0)
    if part.kind == "error":
        return [], [_reject(part.path, None, None, part.reason)]
    if part.kind == "files":
        arts = _load_files(part, date, rejects, counts)
    elif part.kind == "jsonl":
        arts = _load_jsonl(part, columns, date, rejects, counts)
    elif part.kind == "parquet":
        arts = _load_parquet(part, columns, date, rejects, counts)
    else:  # pragma: no cover - programming error
        raise ValueError(f"unknown partition kind {part.kind!r}")
    kept = []
    for art, line in arts:
        reason = _bad_text(art.text, max_chars)
        if reason:
            rejects.append(_reject(art.path or part.path, line, art.id, reason))
        else:
            kept.append(art)
    if part.kind != "files":  # in line / row order
        rejects.sort(key=lambda r: -1 if r["line"] is None else r["line"])
    return kept, rejects


def _reject(source: str, line: int | None, doc_id: str | None, reason: str) -> dict[str, Any]:
    return {"source": source, "line": line, "id": doc_id, "reason": reason}


def _bad_text(text: str, max_chars: int) -> str | None:
    if len(text) > max_chars:
        return f"document has {len(text)} characters, more than the limit of {max_chars}"
    if "\x00" in text:
        return "binary data (NUL characters) in the text"
    return None


def _load_files(part: Partition, date, rejects, counts) -> list[tuple[Article, int | None]]:
    out = []
    for file, file_id in part.files:
        reader = ArticleReader(date=date)
        try:
            arts = list(reader.read([file]))
        except (InputError, OSError) as exc:
            rejects.append(_reject(file, None, file_id, str(exc)))
            continue
        except Exception as exc:  # a parser bug must not stop the corpus
            rejects.append(_reject(file, None, file_id, f"{type(exc).__name__}: {exc}"))
            continue
        rejects.extend(_reject(r.source, r.line, file_id, r.reason) for r in reader.rejects)
        counts["undated"] += reader.n_undated
        out.extend((dataclasses.replace(a, id=_part_id(a.id, file, file_id) if len(arts) > 1
                                        else file_id), None) for a in arts)
    return out


def _part_id(article_id: str, file: str, file_id: str) -> str:
    """The id of one of several articles of a file (feed items, Telegram posts): the file's
    id in the corpus + the article's own suffix ("a/channel.html#702"), else its own id."""
    name = Path(file).name
    return file_id + article_id[len(name):] if article_id.startswith(name + "#") else article_id


def _record(value: Any, columns: Columns, date, source: str,
            counts: dict[str, int]) -> tuple[Article | None, str]:
    """An article from one JSON object / Parquet row, or ``(None, reason)``; a date given but
    not readable leaves it undated (``date``) and counted in ``counts["undated"]``."""
    if not isinstance(value, dict):
        return None, f"expected a JSON object, got {type(value).__name__}"
    doc_id = value.get(columns.id)
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return None, f"missing or empty {columns.id!r} (a string is required)"
    text = value.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        return None, f"missing or empty {columns.text!r} (a string is required)"
    found, unread = date, False
    raw = value.get(columns.date) if columns.date else None
    if raw is not None:
        if isinstance(raw, datetime.datetime):
            found = raw.date()
        elif isinstance(raw, datetime.date):
            found = raw
        elif isinstance(raw, str) or (isinstance(raw, int) and not isinstance(raw, bool)):
            try:  # an integer is a Unix time, as in the article reader
                found = parse_date(raw)
            except ValueError as exc:  # kept undated, as the article reader does
                unread = True
                log.info("%s: document %r kept undated: %s", source, doc_id, exc)
        else:
            unread = True
            log.info("%s: document %r kept undated: %r is not a date", source, doc_id, raw)
    extra = {}
    for field in ("title", "url"):
        key = getattr(columns, field)
        item = value.get(key) if key else None
        if item is not None and not isinstance(item, str):
            return None, f"{key!r} must be a string, got {type(item).__name__}"
        extra[field] = item.strip() or None if isinstance(item, str) else None
    counts["undated"] += unread
    return Article(id=doc_id, text=text, date=found, path=source, **extra), ""


def _load_jsonl(part: Partition, columns, date, rejects, counts
                ) -> list[tuple[Article, int]]:
    out = []
    try:
        fh = open(part.path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        rejects.append(_reject(part.path, None, None, f"cannot read: {exc}"))
        return out
    with fh:
        fh.seek(part.start)
        pos, number = part.start, part.line
        while pos < part.stop:
            raw = fh.readline()
            if not raw:
                break
            pos += len(raw)
            line_no, number = number, number + 1
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                value = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                rejects.append(_reject(part.path, line_no, None,
                                       f"not valid UTF-8 at byte {exc.start} of the line"))
                continue
            except json.JSONDecodeError as exc:
                rejects.append(_reject(part.path, line_no, None,
                                       f"invalid JSON: {exc.msg} at column {exc.colno}"))
                continue
            except RecursionError:
                rejects.append(_reject(part.path, line_no, None, "invalid JSON: nested too deep"))
                continue
            art, reason = _record(value, columns, date, part.path, counts)
            if art is None:
                doc_id = value.get(columns.id) if isinstance(value, dict) else None
                rejects.append(_reject(part.path, line_no,
                                       doc_id if isinstance(doc_id, str) else None, reason))
                continue
            out.append((art, line_no))
    return out


def _load_parquet(part: Partition, columns, date, rejects, counts
                  ) -> list[tuple[Article, int]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(part.path)
        names = set(pf.schema_arrow.names)
        wanted = [c for c in (columns.id, columns.text, columns.date, columns.url, columns.title)
                  if c and c in names]
        missing = [c for c in (columns.id, columns.text) if c not in names]
        if missing:
            raise ValueError(f"no column {missing[0]!r} (columns: {', '.join(sorted(names))})")
        table = pf.read_row_groups(list(range(part.start, part.stop)), columns=wanted)
    except (OSError, ValueError) as exc:
        rejects.append(_reject(part.path, None, None, f"cannot read row groups "
                               f"{part.start}-{part.stop - 1}: {exc}"))
        return []
    out = []
    for k, row in enumerate(table.to_pylist()):
        art, reason = _record(row, columns, date, part.path, counts)
        if art is None:
            doc_id = row.get(columns.id)
            rejects.append(_reject(part.path, part.line + k,
                                   doc_id if isinstance(doc_id, str) else None, reason))
        else:
            out.append((art, part.line + k))
    return out
