"""Row checks as column operations, each giving the reject reason of every failing row.

A :class:`Checks` object walks one batch: each check marks rows that fail it (and did not fail
an earlier check) with a reason, in the order the readers have always applied them: field
count (done while parsing), required fields, date, coordinates, dataset-specific values,
duplicated ids. Reason texts are those of the row-by-row checks in :mod:`._rows`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ...dates import parse_date_column

__all__ = ["MIN_DATE", "Checks", "clean", "code", "coords", "map_unique"]

MIN_DATE = dt.date(1900, 1, 1)


def clean(series: pd.Series) -> pd.Series:
    """Stripped strings, NA for blank fields (as a "string" column)."""
    out = series.astype("string").str.strip()
    return out.mask(out == "")


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
    pairs = pd.MultiIndex.from_arrays([a.fillna("\x00"), b.fillna("\x00")])
    codes, uniques = pd.factorize(pairs)
    values = np.array([func(None if x == "\x00" else x, None if y == "\x00" else y)
                       for x, y in uniques] + [None], dtype=object)
    return pd.Series(values[codes], index=a.index, dtype=object)


def _numbers(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``(float values, nan-or-inf literal)``; a decimal comma ("48,5") reads as a point."""
    text = series.astype("string").str.strip()
    text = text.str.replace(r"^([+-]?\d+),(\d+)$", r"\1.\2", regex=True)
    values = pd.to_numeric(text, errors="coerce").astype("float64")
    special = text.str.fullmatch(r"[+-]?(?:nan|inf|infinity)", case=False).fillna(False)
    return values, special.astype(bool)


def coords(lat_raw: pd.Series, lon_raw: pd.Series, *, required: bool
           ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """``(lat, lon, reason)`` for whole columns; the rules of :func:`._rows.check_coords`."""
    lat_blank = clean(lat_raw).isna()
    lon_blank = clean(lon_raw).isna()
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
                self.fail(clean(self.frame[name]).isna(), f"missing required field: {name}")

    def date(self, name: str, *, dayfirst: bool | None, today: dt.date | None = None
             ) -> tuple[pd.Series, pd.Series, Any]:
        """``(dates, precision, DateColumn)`` of column ``name``; rejects blank, unparseable,
        pre-1900 and future dates."""
        raw = self.frame[name]
        column = parse_date_column(raw, dayfirst=dayfirst, name=name)
        dates = column.dates
        self.fail(clean(raw).isna(), f"missing required field: {name}")
        bad = dates.isna()
        if bad.any():
            self.fail(bad, pd.Series([f"unparseable date: {str(v).strip()!r}" for v in raw[bad]],
                                     index=raw.index[bad]).reindex(raw.index))
        low = dates < pd.Timestamp(MIN_DATE)
        if low.any():
            self.fail(low, dates.dt.strftime("date before 1900: %Y-%m-%d"))
        high = dates > pd.Timestamp(today or dt.date.today())
        if high.any():
            self.fail(high, dates.dt.strftime("date in the future: %Y-%m-%d"))
        return dates, column.precision, column

    def coords(self, lat_col: str, lon_col: str, *, required: bool
               ) -> tuple[pd.Series, pd.Series]:
        lat, lon, reason = coords(self.frame[lat_col], self.frame[lon_col], required=required)
        self.fail(reason.notna(), reason)
        return lat, lon

    def count(self, name: str, *, whole: bool) -> pd.Series:
        """A non-negative count column (fatalities); ``whole`` rejects fractions, else they
        are truncated. Blank is NA."""
        raw = self.frame[name] if name in self.frame.columns else \
            pd.Series("", index=self.frame.index)
        text = clean(raw)
        values = pd.to_numeric(text, errors="coerce").astype("float64")
        bad = text.notna() & (values.isna() | (values < 0) | np.isinf(values))
        if whole:
            bad |= text.notna() & values.notna() & (values % 1 != 0)
        if bad.any():
            self.fail(bad, pd.Series([f"invalid fatalities: {v!r}" for v in raw[bad]],
                                     index=raw.index[bad]).reindex(raw.index))
        good = text.notna() & ~bad
        return pd.Series(np.trunc(values.where(good)), index=raw.index).astype("Int64")

    def duplicates(self, ids: pd.Series, rows: pd.Series, seen: dict[str, int]) -> None:
        """Reject a row whose id was already kept (in this batch or in ``seen``: id -> row),
        then add the kept ids to ``seen``."""
        live = self.ok & ids.notna()
        candidates = ids[live]
        values = candidates.to_numpy(dtype=object)
        first_here = ~candidates.duplicated(keep="first").to_numpy()
        earlier = np.fromiter((v in seen for v in values), dtype=bool, count=len(values))
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
