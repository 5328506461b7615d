"""Dates as day intervals: a record with month precision covers its whole month.

Days are integers (days since 1970-01-01). ``day`` covers the day, ``week`` the seven days
from the date, ``month`` the calendar month, ``year`` the calendar year. The gap between two
intervals is 0 when they overlap, else the days between their nearest ends.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["MAX_SPAN", "gap_days", "intervals"]

#: Longest interval (days minus one) of each precision.
MAX_SPAN = {"day": 0, "week": 6, "month": 30, "year": 365}


def intervals(dates: pd.Series, precision: pd.Series, ends: pd.Series | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """(first day, last day) of each date at its precision; NaT -> the minimum int64 sentinel
    is avoided: missing dates give (-2**40, -2**40 - 1), an empty interval.

    ``ends`` (optional, a record's own last day, e.g. UCDP ``date_end``): where it is given
    and not before the date, the interval is exactly [date, end] whatever the precision."""
    d = pd.to_datetime(dates, errors="coerce")
    prec = precision.astype("string").fillna("day").to_numpy(dtype=object)
    lo = d.copy()
    hi = d.copy()
    month = prec == "month"
    year = prec == "year"
    week = prec == "week"
    if month.any():
        lo[month] = d[month].dt.to_period("M").dt.start_time
        hi[month] = d[month].dt.to_period("M").dt.end_time.dt.normalize()
    if year.any():
        lo[year] = d[year].dt.to_period("Y").dt.start_time
        hi[year] = d[year].dt.to_period("Y").dt.end_time.dt.normalize()
    if week.any():
        hi[week] = d[week] + pd.Timedelta(days=6)
    if ends is not None:
        end = pd.to_datetime(pd.Series(np.asarray(ends), index=d.index), errors="coerce")
        own = (end.notna() & d.notna() & (end >= d)).to_numpy()
        if own.any():
            lo[own] = d[own]
            hi[own] = end[own].dt.normalize()
    missing = d.isna().to_numpy()
    day = np.int64(86_400_000_000_000)
    lo_i = lo.to_numpy(dtype="datetime64[ns]").astype(np.int64) // day
    hi_i = hi.to_numpy(dtype="datetime64[ns]").astype(np.int64) // day
    lo_i[missing] = -(2**40)
    hi_i[missing] = -(2**40) - 1
    return lo_i, hi_i


def gap_days(lo1, hi1, lo2, hi2) -> np.ndarray:
    """Days between two intervals (0 when they overlap)."""
    return np.maximum(0, np.maximum(np.asarray(lo1) - hi2, np.asarray(lo2) - hi1))
