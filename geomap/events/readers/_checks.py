"""Row checks as column operations, each giving the reject reason of every failing row.

A :class:`Checks` object walks one batch: each check marks rows that fail it (and did not fail
an earlier check) with a reason, in the order the readers have always applied them: field
count (done while parsing), required fields, coordinates, dataset-specific values, duplicated
ids. A date is not a reason to reject: a record without a usable date is kept undated.
Every reader (ACLED, UCDP, GDELT, GKG, generic) uses these checks, so reasons read alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ...dates import parse_date_column
from ..schema import strip_strings

__all__ = ["MIN_DATE", "UNDATED", "Checks", "clean", "code", "coords", "map_unique"]

MIN_DATE = dt.date(1900, 1, 1)

#: Why a kept record has no date, in the order the readers report them.
UNDATED = ("no date column", "blank", "unreadable", "before 1900", "in the future")


def clean(series: pd.Series) -> pd.Series:
    """Stripped strings, NA for blank fields (as a "string" column)."""
    return strip_strings(series)


def code(series: pd.Series) -> pd.Series:
    """A dataset code ("1", "1.0" -> "1"), NA when blank."""
    out = clean(series)
    return out.str.replace(r"\.0$", "", regex=True)


def map_unique(series: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """``series.map(func)`` computed once per distinct value (NA stays NA)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    values = np.array([func(u) for u in uniques] + [None], dtype=object)
    return pd.Series(values[codes], index=series.index, dtype=object)


def map_unique_pairs(a: pd.Series, b: pd.Series, func: Callable[[Any, Any], Any]) -> pd.Series:
    """``func(a_i, b_i)`` computed once per distinct pair (NA passed as None)."""
    ca, ua = pd.factorize(a, use_na_sentinel=True)
    cb, ub = pd.factorize(b, use_na_sentinel=True)
    key = (ca.astype(np.int64) + 1) * (len(ub) + 1) + (cb.astype(np.int64) + 1)
    pairs, inverse = np.unique(key, return_inverse=True)
    values = np.empty(len(pairs), dtype=object)
    for i, k in enumerate(pairs.tolist()):
        x, y = divmod(k, len(ub) + 1)
        values[i] = func(ua[x - 1] if x else None, ub[y - 1] if y else None)
    return pd.Series(values[inverse.reshape(-1)], index=a.index, dtype=object)


def _arrow(series: pd.Series) -> pa.ChunkedArray | pa.Array:
    array = series.array
    data = getattr(array, "_pa_array", None)
    return data if data is not None else pa.array(series.astype(object), type=pa.string(),
                                                  from_pandas=True)


def _numbers(series: pd.Series, *, decimal_comma: bool = True) -> tuple[pd.Series, pd.Series]:
    """``(float values, nan-or-inf literal)``; a decimal comma ("48,5") reads as a point
    when ``decimal_comma``.

    Plain numbers are cast by pyarrow in one call; a column holding anything else (blanks
    aside) takes the slower path with pandas.
    """
    try:
        data = _arrow(series)
        present = pc.not_equal(data, "")
        values = pc.cast(pc.if_else(present, data, pa.scalar(None, pa.string())), pa.float64())
        floats = pd.Series(values.to_numpy(zero_copy_only=False), index=series.index,
                           dtype="float64")
        special = pd.Series(pc.fill_null(pc.is_nan(values), False).to_numpy(
            zero_copy_only=False), index=series.index) | np.isinf(floats)
        return floats, special
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        pass
    text = series.astype("string").str.strip()
    if decimal_comma:
        text = text.str.replace(r"^([+-]?\d+),(\d+)$", r"\1.\2", regex=True)
    values = pd.to_numeric(text, errors="coerce").astype("float64")
    special = text.str.fullmatch(r"[+-]?(?:nan|inf|infinity)", case=False).fillna(False)
    return values, special.astype(bool)


def coords(lat_raw: pd.Series, lon_raw: pd.Series, *, required: bool,
           blanks: tuple[pd.Series, pd.Series] | None = None
           ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """``(lat, lon, reason)`` for whole columns. Both blank: unlocated (a reason only when
    ``required``); swapped coordinates (latitude out of range, valid once swapped) are
    rejected, never silently fixed. ``blanks``: the blank masks of both columns when known."""
    lat_blank, lon_blank = blanks or (clean(lat_raw).isna(), clean(lon_raw).isna())
    reason = pd.Series(None, index=lat_raw.index, dtype=object)
    both = lat_blank & lon_blank
    if required:
        reason[both] = "missing required field: latitude/longitude"
    reason[lat_blank & ~lon_blank] = "missing required field: latitude"
    reason[lon_blank & ~lat_blank] = "missing required field: longitude"
    lat, lat_special = _numbers(lat_raw)
    lon, lon_special = _numbers(lon_raw)
    todo = ~lat_blank & ~lon_blank
    special = todo & (lat_special | lon_special | np.isinf(lat) | np.isinf(lon))
    not_numeric = todo & ~special & (lat.isna() | lon.isna())
    if not_numeric.any():
        reason[not_numeric] = [f"coordinates not numeric: lat={a!r}, lon={b!r}" for a, b in
                               zip(lat_raw[not_numeric], lon_raw[not_numeric], strict=True)]
    if special.any():
        reason[special] = [f"coordinates NaN or infinite: lat={a!r}, lon={b!r}" for a, b in
                           zip(lat_raw[special], lon_raw[special], strict=True)]
    numeric = todo & ~special & ~not_numeric
    inside = lat.between(-90, 90) & lon.between(-180, 180)
    swapped = numeric & ~inside & lon.between(-90, 90) & lat.between(-180, 180)
    out = numeric & ~inside & ~swapped
    if swapped.any():
        reason[swapped] = [f"swapped lat/lon: lat={a:g}, lon={b:g}" for a, b in
                           zip(lat[swapped], lon[swapped], strict=True)]
    if out.any():
        reason[out] = [f"coordinates out of range: lat={a:g}, lon={b:g}" for a, b in
                       zip(lat[out], lon[out], strict=True)]
    ok = numeric & inside
    return lat.where(ok), lon.where(ok), reason


class Checks:
    """Reasons for the rows of one batch; the first failing check of a row wins."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.reason = pd.Series(None, index=frame.index, dtype=object)
        self._clean: dict[str, pd.Series] = {}
        #: why each undated row has no date (a value of :data:`UNDATED`), None when all dated
        self.undated: pd.Series | None = None
        #: notes for the kept rows (a date not used), None when there are none
        self.notes: pd.Series | None = None

    def clean(self, name: str) -> pd.Series:
        """Column ``name`` stripped, NA for blanks (all NA when the file lacks it); computed
        once per batch."""
        if name not in self._clean:
            self._clean[name] = clean(self.frame[name]) if name in self.frame.columns else \
                pd.Series(pd.NA, index=self.frame.index, dtype="string")
        return self._clean[name]

    @property
    def ok(self) -> pd.Series:
        return self.reason.isna()

    def fail(self, mask: pd.Series, reason: Any) -> None:
        """Reject rows in ``mask`` not rejected yet; ``reason`` a string or a Series."""
        mask = mask.fillna(False).astype(bool) & self.reason.isna()
        if not mask.any():
            return
        if isinstance(reason, pd.Series):
            self.reason[mask] = reason[mask]
        else:
            self.reason[mask] = reason

    def required(self, fields: Sequence[str]) -> None:
        for name in fields:
            if name in self.frame.columns:
                self.fail(self.clean(name).isna(), f"missing required field: {name}")

    def date(self, name: str, *, dayfirst: bool | None, today: dt.date | None = None
             ) -> tuple[pd.Series, pd.Series, Any]:
        """``(dates, precision, DateColumn)`` of column ``name``.

        A record whose date is blank, unreadable, before 1900 or in the future is kept
        undated (NaT): the join links it by space alone. :attr:`undated` says why for each
        row and :attr:`notes` keeps the value that was not used (see :data:`UNDATED`).
        """
        raw = self.frame[name] if name in self.frame.columns else \
            pd.Series("", index=self.frame.index)
        column = parse_date_column(raw, dayfirst=dayfirst, name=name)
        dates = column.dates
        blank = self.clean(name).isna()
        self._undated(blank, "blank")
        unread = dates.isna() & ~blank
        if unread.any():
            self._undated(unread, "unreadable", raw[unread].map(
                lambda v: f"date not read: {str(v).strip()!r}"))
        low = dates < pd.Timestamp(MIN_DATE)
        if low.any():
            self._undated(low, "before 1900", dates[low].dt.strftime(
                "date before 1900 not used: %Y-%m-%d"))
        high = dates > pd.Timestamp(today or dt.date.today())
        if high.any():
            self._undated(high, "in the future", dates[high].dt.strftime(
                "date in the future not used: %Y-%m-%d"))
        if (low | high).any():
            dates = dates.mask(low | high)
        return dates, column.precision, column

    def end_date(self, name: str, start: pd.Series, *, dayfirst: bool | None
                 ) -> tuple[pd.Series, int]:
        """``(ends, bad)``: the last day of each record from column ``name`` (NaT where blank
        or missing) and how many given ends were not used. An end that is unreadable, before
        its start date or in the future is dropped with a note on the row, never a reject:
        the record then spans what its date precision says."""
        if name not in self.frame.columns:
            return pd.Series(pd.NaT, index=self.frame.index, dtype="datetime64[ns]"), 0
        raw = self.frame[name]
        ends = parse_date_column(raw, dayfirst=dayfirst, name=name).dates.astype(
            "datetime64[ns]")
        given = self.clean(name).notna()
        bad = given & (ends.isna() | (ends < start).fillna(False)
                       | (ends > pd.Timestamp(dt.date.today())).fillna(False)) & self.ok
        if bad.any():
            self.note(raw[bad].map(lambda v: f"{name} not used: {str(v).strip()!r}"))
        return ends.mask(bad | start.isna()), int(bad.sum())

    def _undated(self, mask: pd.Series, why: str, note: pd.Series | None = None) -> None:
        if not mask.any():
            return
        if self.undated is None:
            self.undated = pd.Series(None, index=self.frame.index, dtype=object)
        self.undated[mask] = why
        if note is not None:
            self.note(note)

    def note(self, note: pd.Series) -> None:
        """Add ``note`` (a Series on some rows) to those rows' ``notes``."""
        if self.notes is None:
            self.notes = pd.Series(None, index=self.frame.index, dtype=object)
        current = self.notes[note.index]
        self.notes[note.index] = current.where(current.isna(), current + "; ").fillna("") + note

    def coords(self, lat_col: str, lon_col: str, *, required: bool
               ) -> tuple[pd.Series, pd.Series]:
        lat, lon, reason = coords(self.frame[lat_col], self.frame[lon_col], required=required,
                                  blanks=(self.clean(lat_col).isna(),
                                          self.clean(lon_col).isna()))
        self.fail(reason.notna(), reason)
        return lat, lon

    def count(self, name: str, *, whole: bool) -> pd.Series:
        """A non-negative count column (fatalities); ``whole`` refuses fractions, else they
        are truncated. Blank is NA. A value that is not a count ("unknown", -3, 2.5 where whole
        numbers are due) leaves the count NA with a note: the row keeps its place and date."""
        raw = self.frame[name] if name in self.frame.columns else \
            pd.Series("", index=self.frame.index)
        text = self.clean(name)
        values, _special = _numbers(raw, decimal_comma=False)
        bad = text.notna() & (values.isna() | (values < 0) | np.isinf(values)
                              | (values >= 2.0 ** 63))  # no count beyond what Int64 holds
        if whole:
            bad |= text.notna() & values.notna() & (values % 1 != 0)
        if bad.any():
            self.note(pd.Series([f"fatalities not read: {v!r}" for v in raw[bad]],
                                index=raw.index[bad]))
        good = text.notna() & ~bad
        return pd.Series(np.trunc(values.where(good)), index=raw.index).astype("Int64")

    def duplicates(self, ids: pd.Series, rows: pd.Series, seen: dict[str, int]) -> None:
        """Reject a row whose id was already kept (in this batch or in ``seen``: id -> row),
        then add the kept ids to ``seen``."""
        live = self.ok & ids.notna()
        candidates = ids[live]
        values = candidates.to_numpy(dtype=object)
        first_here = ~candidates.duplicated(keep="first").to_numpy()
        earlier = np.fromiter(map(seen.__contains__, values), dtype=bool, count=len(values)) \
            if seen else np.zeros(len(values), dtype=bool)
        dup = ~first_here | earlier
        if dup.any():
            firsts = {k: seen[k] for k in values[earlier]}
            fresh = first_here & ~earlier
            firsts.update(zip(values[fresh], rows[candidates.index[fresh]], strict=True))
            self.fail(pd.Series(dup, index=candidates.index).reindex(ids.index, fill_value=False),
                      pd.Series([f"duplicated event id: {k} (first at row {firsts[k]})"
                                 for k in values[dup]],
                                index=candidates.index[dup]).reindex(ids.index))
        kept = self.ok[candidates.index].to_numpy()
        seen.update(zip(values[kept].tolist(),
                        rows[candidates.index[kept]].astype(int).tolist(), strict=True))
