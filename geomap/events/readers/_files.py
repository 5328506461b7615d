"""Event files as text: reading bytes, detecting the encoding, sniffing the delimiter and
parsing delimited text in batches with pyarrow.

Encodings are decided by :func:`geomap._encoding.detect_file_encoding` (the one place geomap
decides encodings, shared with article and feed sources): it reads the file in chunks and each
decision comes with a one-line report (:class:`Encoding`).

Delimited text is parsed by pyarrow's streaming CSV reader (C++, one pass, bounded memory:
one block of ``block_size`` bytes at a time). Rows with the wrong number of fields are not
dropped: pyarrow hands them to a callback and they come back as :class:`BadRow` with their
data-row number and text, for the reader to reject (or, for GDELT, to read in another layout).
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from ..._encoding import Encoding, NotText, detect_file_encoding
from ...exceptions import InputError

__all__ = [
    "BadRow",
    "Batch",
    "Encoding",
    "decode_bytes",
    "detect_encoding",
    "distinct_values",
    "iter_batches",
    "open_table",
    "read_bytes",
    "sniff_delimiter",
    "unique_names",
]

csv.field_size_limit(2**31 - 1)

BLOCK_SIZE = 1 << 24


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``; InputError for a missing, unreadable or empty file."""
    p = _check_path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{p}: empty file, not an event table")
    return data


def _check_path(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not an event file")
    return p


def head_bytes(path: str | os.PathLike[str], size: int = 1 << 20) -> bytes:
    """The first ``size`` bytes of ``path``; InputError for a missing or empty file."""
    p = _check_path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(size)
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{p}: empty file, not an event table")
    return data


def not_a_table(path: str) -> InputError:
    return InputError(f"{path}: not a table (binary or undecodable content); expected CSV/TSV, "
                      "XLSX or GeoJSON")


def detect_encoding(source: bytes | str | os.PathLike[str], name: str = "",
                    given: str | None = None) -> Encoding:
    """The encoding of a file (path) or its bytes, with a report; InputError for binary
    content or a ``given`` encoding that does not decode the file. A file's answer is
    remembered while the file is unchanged (format detection and reading both ask)."""
    if isinstance(source, bytes):
        return _detect(source, name, given)
    path = _check_path(source)
    stat = path.stat()
    return _detect_file(str(path.resolve()), stat.st_size, stat.st_mtime_ns, name, given)


@functools.lru_cache(maxsize=64)
def _detect_file(path: str, size: int, mtime: int, name: str, given: str | None) -> Encoding:
    del size, mtime  # part of the cache key only
    return _detect(path, name, given)


def _detect(source: bytes | str | os.PathLike[str], name: str = "",
            given: str | None = None) -> Encoding:
    name = name or str(source if not isinstance(source, bytes) else "input")
    head = source[:65536] if isinstance(source, bytes) else head_bytes(source, 65536)
    try:
        return detect_file_encoding(source, head, name, given)
    except NotText:
        raise not_a_table(name) from None


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of in-memory bytes (see :func:`detect_encoding`)."""
    enc = detect_encoding(data, path, encoding)
    return data.decode(enc.name), enc.name


def sniff_delimiter(text: str) -> str:
    """The delimiter of delimited text: comma, tab, semicolon or pipe (the one giving the
    most rows of one width among the first 20 records, then the widest)."""
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    first = sample.split("\n", 1)[0]
    if first.count("\t") >= 9 and all(line.count("\t") >= 9
                                       for line in sample.splitlines()[:20] if line.strip()):
        return "\t"  # wide tab-separated rows (GDELT, whose widths vary) whatever else they hold
    best, best_score = ",", (0.0, 0)
    for delim in (",", "\t", ";", "|"):
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delim) if r][:20]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        if width < 2:
            continue
        share = sum(1 for r in records if len(r) == width) / len(records)
        score = (share, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def unique_names(names: list[str]) -> list[str]:
    """Column names stripped (and of a BOM), blanks named ``column_N``, repeats ``name.1``."""
    seen: dict[str, int] = {}
    out = []
    for i, given in enumerate(names):
        name = given.strip().lstrip("\ufeff") or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


@dataclass
class BadRow:
    """A record whose number of fields differs from the header's; ``note`` says more for the
    reject reason (an unterminated quote that ran over the lines after it)."""

    row: int
    text: str
    fields: int
    note: str = ""


@dataclass
class Batch:
    """Up to one block of parsed rows: ``frame`` (string columns, "" for empty fields),
    ``rows`` their 1-based data-row numbers, and the ``bad`` rows met so far in the file."""

    frame: pd.DataFrame
    rows: np.ndarray
    bad: list[BadRow] = field(default_factory=list)


@dataclass
class Layout:
    """What :func:`iter_batches` found before the data: names, encoding, delimiter."""

    names: list[str] | None
    encoding: Encoding
    delimiter: str
    width: int


def _first_record(text: str, delimiter: str, quoting: bool) -> list[str]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                        quoting=csv.QUOTE_MINIMAL if quoting else csv.QUOTE_NONE)
    try:
        for record in reader:
            if record and any(f.strip() for f in record):
                return record
    except csv.Error:
        pass
    return []


def open_table(path: str | os.PathLike[str], *, header: bool = True,
               delimiter: str | None = None, encoding: str | None = None,
               quoting: bool = True) -> Layout:
    """Encoding, delimiter and header (or first-row width) of a delimited file."""
    name = str(path)
    enc = detect_encoding(path, name, encoding)
    head = head_bytes(path, 1 << 20)
    text = head.decode(enc.name, errors="ignore")
    delim = delimiter or sniff_delimiter(text)
    first = _first_record(text, delim, quoting)
    if not first:
        raise InputError(f"{name}: empty file, not an event table")
    names = unique_names(first) if header else None
    return Layout(names, enc, delim, len(first))


def iter_batches(path: str | os.PathLike[str], layout: Layout, *, header: bool = True,
                 quoting: bool = True, block_size: int = BLOCK_SIZE) -> Iterator[Batch]:
    """Parse a delimited file (see :func:`open_table`) in batches of about ``block_size``
    bytes. Every field is a string; rows with a wrong field count arrive in ``Batch.bad``
    (each once, in the batch during which they were met). Blank lines are not rows.

    A malformed record whose text runs over lines that are complete rows of the table (an
    unterminated quote swallowed them: :mod:`._merged`) is taken apart: its first line is the
    bad row, with a note naming its line, and each line after it a row of its own (a complete
    one in the batch's frame, any other a bad row); the rows after it are numbered on, so every
    record keeps its own data-row number."""
    width = layout.width
    names = [f"f{i}" for i in range(width)]
    bad: list[BadRow] = []
    offset = 1 if header else 0
    #: (pyarrow's number of a merged record, how many more rows it held), in order
    shifts: list[tuple[int, int]] = []

    def on_invalid(row) -> str:
        number = int(row.number) - offset if row.number is not None else -1
        bad.append(BadRow(number, row.text, int(row.actual_columns)))
        return "skip"

    encoding = layout.encoding.name
    if encoding in ("utf-8", "utf-8-sig"):
        encoding = "utf8"
    read = pacsv.ReadOptions(use_threads=False, block_size=block_size, column_names=names,
                             skip_rows=0, encoding=encoding)
    parse = pacsv.ParseOptions(delimiter=layout.delimiter,
                               quote_char='"' if quoting else False,
                               newlines_in_values=quoting, invalid_row_handler=on_invalid)
    convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                   strings_can_be_null=False, quoted_strings_can_be_null=False,
                                   null_values=[])
    try:
        reader = pacsv.open_csv(path, read_options=read, parse_options=parse,
                                convert_options=convert)
    except pa.ArrowInvalid as exc:
        raise InputError(f"{path}: not a readable delimited table: {exc}") from exc
    next_row = 1 - offset  # the header is record 1 and not a data row
    skipped_bad = 0
    try:
        for record_batch in reader:
            n = record_batch.num_rows
            frame = record_batch.to_pandas()
            # data-row numbers: the records of this batch are those not reported bad (pyarrow
            # parses ahead, so a bad row may be reported a batch before its place)
            bad_rows = sorted(b.row for b in bad if b.row >= next_row)
            rows = _fill_rows(next_row, n, bad_rows)
            if header and next_row == 0:
                frame, rows = frame.iloc[1:], rows[1:]
            next_row = int(rows[-1]) + 1 if len(rows) else next_row
            new_bad, skipped_bad = bad[skipped_bad:], len(bad)
            frame = frame.reset_index(drop=True)
            blank = _blank_rows(frame)
            if blank.any():
                frame, rows = frame[~blank].reset_index(drop=True), rows[~blank.to_numpy()]
            new_bad, extra, extra_rows = _reread_bad(path, layout, new_bad, shifts, quoting)
            rows = _renumber(rows, shifts)
            if extra:
                frame = pd.concat([frame, pd.DataFrame(extra, columns=names)],
                                  ignore_index=True)
                rows = np.concatenate([rows, np.asarray(extra_rows, dtype=np.int64)])
                order = np.argsort(rows, kind="stable")
                frame, rows = frame.iloc[order].reset_index(drop=True), rows[order]
            yield Batch(frame, rows, new_bad)
    except pa.ArrowInvalid as exc:
        raise InputError(f"{path}: not a readable delimited table: {exc}") from exc
    if len(bad) > skipped_bad:
        new_bad, extra, extra_rows = _reread_bad(path, layout, bad[skipped_bad:], shifts,
                                                 quoting)
        yield Batch(pd.DataFrame(extra, columns=names) if extra else
                    pd.DataFrame({n: pd.Series([], dtype=object) for n in names}),
                    np.asarray(extra_rows, dtype=np.int64), new_bad)


def _renumber(rows: np.ndarray, shifts: list[tuple[int, int]]) -> np.ndarray:
    """pyarrow's record numbers -> data-row numbers: a record after a merged one that was
    taken apart moves on by the rows it held."""
    if not shifts or not len(rows):
        return rows
    at = np.array([p for p, _ in shifts], dtype=np.int64)
    more = np.r_[0, np.cumsum([n for _, n in shifts])]
    return rows + more[np.searchsorted(at, rows, side="left")]


def _reread_bad(path, layout: Layout, new_bad: list[BadRow], shifts: list[tuple[int, int]],
                quoting: bool) -> tuple[list[BadRow], list[list[str]], list[int]]:
    """The batch's bad rows numbered as data rows, merged records taken apart
    (:func:`._merged.split_merged`): ``(bad rows, complete rows re-read, their numbers)``;
    ``shifts`` gains each record taken apart."""
    from ._merged import line_count, line_of, split_merged

    out: list[BadRow] = []
    extra: list[list[str]] = []
    extra_rows: list[int] = []
    for b in new_bad:
        row = int(_renumber(np.array([b.row], dtype=np.int64), shifts)[0]) if b.row >= 0 \
            else b.row
        parts = split_merged(b.text, layout.width, layout.delimiter) if quoting and \
            b.row >= 0 else None
        if parts is None:
            lines = line_count(b.text) if quoting else 1
            note = ""
            if lines > 1:
                line = line_of(path, layout.encoding.name, b.text)
                where = f"lines {line}-{line + lines - 1}" if line else f"{lines} lines"
                note = (f"a quoted field runs over {where} ({lines} physical lines read as one "
                        "row)")
            out.append(BadRow(row, b.text, b.fields, note))
            continue
        head, rest = parts
        line = line_of(path, layout.encoding.name, b.text)
        span = sum(r.lines for r in rest)
        at = f" at line {line}" if line else ""
        after = f"lines {line + 1}-{line + span}" if line else f"the next {span} lines"
        note = (f"an unterminated quote{at} ran over {after}, read again as rows "
                f"{row + 1}-{row + len(rest)}")
        out.append(BadRow(row, head.text, len(head.fields), note))
        for k, r in enumerate(rest, start=1):
            if r.ok:
                extra.append(r.fields)
                extra_rows.append(row + k)
            else:
                out.append(BadRow(row + k, r.text, len(r.fields)))
        shifts.append((b.row, len(rest)))
    return out, extra, extra_rows


def _fill_rows(start: int, n: int, bad_rows: list[int]) -> np.ndarray:
    """``n`` consecutive row numbers from ``start``, skipping those in ``bad_rows``."""
    if not bad_rows:
        return np.arange(start, start + n, dtype=np.int64)
    candidates = np.arange(start, start + n + len(bad_rows), dtype=np.int64)
    keep = ~np.isin(candidates, np.asarray(bad_rows, dtype=np.int64))
    return candidates[keep][:n]


def _blank_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows whose fields are all blank (checked only where the first field is blank)."""
    if not len(frame.columns) or not len(frame):
        return pd.Series(False, index=frame.index)
    maybe = frame.iloc[:, 0].str.strip() == ""
    if not maybe.any():
        return maybe
    sub = frame[maybe]
    blank = pd.Series(True, index=sub.index)
    for col in sub.columns:
        blank &= sub[col].str.strip() == ""
    return maybe & blank.reindex(frame.index, fill_value=False)


def distinct_values(path: str | os.PathLike[str], layout: Layout, index: int, *,
                    header: bool = True, block_size: int = BLOCK_SIZE) -> pd.Series:
    """The distinct values of column ``index`` (one pass that converts only that column)."""
    names = [f"f{i}" for i in range(layout.width)]
    encoding = "utf8" if layout.encoding.name in ("utf-8", "utf-8-sig") else layout.encoding.name
    read = pacsv.ReadOptions(use_threads=False, block_size=block_size, column_names=names,
                             skip_rows=1 if header else 0, encoding=encoding)
    parse = pacsv.ParseOptions(delimiter=layout.delimiter, newlines_in_values=True,
                               invalid_row_handler=lambda row: "skip")
    convert = pacsv.ConvertOptions(column_types={names[index]: pa.string()},
                                   include_columns=[names[index]], strings_can_be_null=False)
    seen: set[str] = set()
    for batch in pacsv.open_csv(path, read_options=read, parse_options=parse,
                                convert_options=convert):
        seen.update(batch.column(0).unique().to_pylist())
    return pd.Series(sorted(seen), dtype=object)
