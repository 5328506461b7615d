"""The column-wise read loop shared by the dataset readers (ACLED, UCDP, GDELT events).

:func:`read_table` parses a delimited file in batches (:mod:`._files`), hands each batch to the
reader's ``convert`` function (column operations: :mod:`._checks`) and collects kept events and
rejected rows. Rows with a wrong field count are rejected as malformed (or handed to
``bad_rows`` first, which GDELT uses to read 57- and 58-column rows of one file). Kept +
rejected == rows always; a mismatch is a reader bug and raises.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ...dates import parse_date_column
from ..schema import coerce_events, empty_events
from . import _files
from ._checks import UNDATED, Checks
from ._files import BLOCK_SIZE, BadRow, Layout, distinct_values, iter_batches, open_table
from ._geocode import Geocache
from ._point_country import PointCountry
from ._result import REJECT_COLUMNS, ReadResult

__all__ = ["Converted", "State", "join_notes", "read_table", "split_bad_row"]


@dataclass
class Converted:
    """What ``convert`` returns for one batch: the kept rows' event columns (``lat``/``lon``
    floats, NaN when unlocated) and the checks (whose reasons mark the rejected rows)."""

    events: pd.DataFrame
    checks: Checks


@dataclass
class State:
    """Per-file state the ``convert`` calls share: the path, the layout, ids seen (for
    duplicates), the day/month order once decided, warnings."""

    path: str
    layout: Layout
    names: list[str]
    seen: dict[str, int] = field(default_factory=dict)
    dayfirst: bool | None = None
    date_report: str = ""
    warnings: list[str] = field(default_factory=list)
    given_dayfirst: bool | None = None
    block_size: int = BLOCK_SIZE
    #: place names geocoded once per file (rows whose point is missing), None: no geocoder
    geocode: Any = None
    #: the country outlines a reader checks points against (UCDP), loaded on first need
    point_country: PointCountry = field(default_factory=PointCountry)

    def date_order(self, frame: pd.DataFrame, name: str) -> bool | None:
        """The day/month order of column ``name`` for the whole file, decided at the first
        batch: from that batch, or, when it holds numeric dates and the file has more
        batches, from the distinct values of the whole column (one extra pass over it)."""
        if self.dayfirst is not None:
            return self.dayfirst
        column = parse_date_column(frame[name], dayfirst=self.given_dayfirst, name=name)
        if any(column.orders.values()) and self.given_dayfirst is None and \
                os.path.getsize(self.path) > self.block_size:
            values = distinct_values(self.path, self.layout, self.names.index(name),
                                     header=True, block_size=self.block_size)
            column = parse_date_column(values, name=name)
        self.dayfirst = column.dayfirst
        self.date_report = column.report
        self.warnings.extend(column.warnings)
        return self.dayfirst


def split_bad_row(bad: BadRow, layout: Layout, quoting: bool) -> list[str]:
    """The fields of a row pyarrow set aside."""
    if not quoting:
        return bad.text.split(layout.delimiter)
    try:
        return next(csv.reader(io.StringIO(bad.text, newline=""), delimiter=layout.delimiter),
                    [])
    except csv.Error:
        return [bad.text]


def raw_record(names: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    """Fields of one row by column name; surplus values go to ``_extra_fields``."""
    raw: dict[str, Any] = {name: (values[i] if i < len(values) else None)
                           for i, name in enumerate(names)}
    if len(values) > len(names):
        raw["_extra_fields"] = " | ".join(str(v) for v in values[len(names):])
    return raw


def join_notes(notes: pd.Series, more: pd.Series) -> pd.Series:
    """``notes; more`` row by row (either alone where the other is missing)."""
    notes = notes.astype(object).where(notes.notna(), None)
    more = more.astype(object).where(more.notna(), None)
    both = notes.notna() & more.notna()
    out = notes.where(notes.notna(), more)
    if both.any():
        out[both] = notes[both] + "; " + more[both]
    return out


def malformed(n_fields: int, expected: int | str) -> str:
    return f"malformed row: {n_fields} fields, expected {expected}"


class _Collector:
    def __init__(self, path: str, names: Sequence[str]) -> None:
        self.path = path
        self.names = list(names)
        self.events: list[pd.DataFrame] = []
        self.rejects: list[pd.DataFrame] = []
        self.rows = 0
        self.undated: Counter[str] = Counter()

    def add(self, frame: pd.DataFrame, rows: np.ndarray, converted: Converted) -> None:
        self.rows += len(frame)
        ok = converted.checks.ok.to_numpy()
        checks = converted.checks
        events = converted.events[ok].copy()
        if checks.notes is not None:
            events["notes"] = join_notes(events["notes"], checks.notes[ok])
        if checks.undated is not None:
            self.undated.update(checks.undated[ok].dropna().tolist())
        events["source_row"] = rows[ok]
        self.events.append(events)
        if (~ok).any():
            rej = frame[~ok].copy()
            rej["reason"] = converted.checks.reason[~ok].to_numpy()
            rej["source_row"] = rows[~ok]
            self.rejects.append(rej)

    def reject_records(self, records: list[dict[str, Any]]) -> None:
        if records:
            self.rows += len(records)
            self.rejects.append(pd.DataFrame.from_records(records))

    def result(self, fmt: str, state: State) -> ReadResult:
        frames = [f for f in self.events if len(f)]
        if frames:
            table = pd.concat(frames, ignore_index=True)
            if len(frames) > 1 and not table["source_row"].is_monotonic_increasing:
                table = table.sort_values("source_row", kind="stable", ignore_index=True)
            lat = table.pop("lat").astype("float64")
            lon = table.pop("lon").astype("float64")
            located = (lat.notna() & lon.notna()).to_numpy()
            geoms = np.full(len(table), None, dtype=object)
            if located.any():
                geoms[located] = gpd.points_from_xy(lon[located], lat[located])
            table["source_file"] = self.path
            table["date_precision"] = table["date_precision"].where(table["date"].notna(), None)
            table["geometry"] = gpd.GeoSeries(geoms, index=table.index, crs="EPSG:4326")
            events = coerce_events(table)
        else:
            events = empty_events()
        columns = [*self.names]
        for f in self.rejects:
            columns += [c for c in f.columns if c not in columns and c not in REJECT_COLUMNS]
        columns = [c for c in columns if c not in REJECT_COLUMNS] + list(REJECT_COLUMNS)
        if self.rejects:
            rejects = pd.concat(self.rejects, ignore_index=True)
            rejects["source_file"] = self.path
            rejects = rejects.reindex(columns=columns).sort_values(
                "source_row", kind="stable").reset_index(drop=True)
        else:
            rejects = pd.DataFrame(columns=columns)
        if self.rows != len(events) + len(rejects):  # pragma: no cover - a reader bug
            raise AssertionError(f"{self.path}: {self.rows} rows but {len(events)} kept + "
                                 f"{len(rejects)} rejected")
        result = ReadResult(events, rejects, self.rows, self.path, fmt,
                            state.layout.encoding.name)
        result.encoding_report = state.layout.encoding.report
        result.date_report = state.date_report
        result.warnings.extend(state.warnings)
        result.undated_why = {k: self.undated[k] for k in UNDATED if self.undated[k]}
        return result


def read_table(
    path: str | os.PathLike[str],
    *,
    fmt: str,
    convert: Callable[[pd.DataFrame, np.ndarray, State], Converted],
    header: bool = True,
    delimiter: str | None = None,
    encoding: str | None = None,
    quoting: bool = True,
    names: Callable[[Layout], list[str]] | None = None,
    bad_rows: Callable[[list[BadRow], State], tuple[pd.DataFrame, np.ndarray,
                                                    list[BadRow]]] | None = None,
    check: Callable[[Layout], None] | None = None,
    block_size: int | None = None,
    dayfirst: bool | None = None,
    expected: str | None = None,
    geocoder: Any = None,
) -> ReadResult:
    """Read a delimited file batch by batch with ``convert`` (see the module doc).

    ``names`` gives the column names (default: the header); ``check`` may raise InputError
    for a layout that is not the reader's format; ``bad_rows`` turns rows of another width
    into a frame of the main layout (with their row numbers) and returns those it cannot use;
    ``expected`` words the expected field count in their reject reason.
    """
    layout = open_table(path, header=header, delimiter=delimiter, encoding=encoding,
                        quoting=quoting)
    if check is not None:
        check(layout)
    cols = names(layout) if names is not None else list(layout.names or [])
    block_size = block_size or _files.BLOCK_SIZE  # looked up now: tests make it small
    state = State(str(path), layout, cols, given_dayfirst=dayfirst, block_size=block_size,
                  geocode=Geocache(geocoder) if geocoder is not None else None)
    collector = _Collector(str(path), cols)
    for batch in iter_batches(path, layout, header=header, quoting=quoting,
                              block_size=block_size):
        frame = batch.frame
        frame.columns = cols[:len(frame.columns)]
        if len(frame):
            collector.add(frame, batch.rows, convert(frame, batch.rows, state))
        bad = batch.bad
        if bad and bad_rows is not None:
            extra, extra_rows, bad = bad_rows(bad, state)
            if len(extra):
                collector.add(extra, extra_rows, convert(extra, extra_rows, state))
        for b in bad:
            if b.note:  # an unterminated quote: said on stderr too, not only in the rejects
                state.warnings.append(f"{path}: row {b.row}: {b.note}")
        collector.reject_records([
            {**raw_record(cols, split_bad_row(b, layout, quoting)),
             "reason": malformed(b.fields, expected or layout.width)
             + (f"; {b.note}" if b.note else ""), "source_row": b.row}
            for b in bad])
    return collector.result(fmt, state)
