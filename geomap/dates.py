"""Dates as people and tools write them: one scalar parser and one column parser.

Accepted forms (case-insensitive, surrounding blanks ignored):

- ISO dates and datetimes: ``2022-03-01``, ``2022/3/1``, ``2022-03-01T08:15:00Z``,
  ``2022-03-01 08:15:00+02:00``;
- ``YYYYMMDD`` (GDELT ``SQLDATE``), ``YYYYMMDDHHMM[SS]``, also as integers;
- numeric day/month: ``3/7/2019``, ``3/7/2019 12:00:00 AM`` (spreadsheets), ``07-03-2019``;
  ``D.M.YYYY`` is always day first;
- month names: ``12 March 2022``, ``12-Mar-2022``, ``March 12, 2022``, RFC 2822 as feeds write
  it (``Fri, 11 Mar 2022 08:00:00 +0000``), Ukrainian and Russian ones (``14 ноября 2024 г.``,
  ``12 листопада 2024 року``);
- a time after any of them, also after "at" / "в" / "о" (``14 ноября 2024 в 10:30``,
  ``Nov 12, 2024 at 8:15 AM``);
- partial dates with a coarser precision: ``2022-03`` / ``March 2022`` (month), ``2022`` (year);
- in numeric columns (:func:`parse_date_column`): Excel serial day numbers (``44621`` is
  2022-03-01; fractions are times of day) besides ``YYYYMMDD`` integers and years.

A date is the calendar date as written: a time or time zone never shifts it (an article stamped
``2022-03-11T23:30:00-05:00`` is dated 11 March). Precision is one of the event table's
``day`` / ``month`` / ``year`` (see :data:`geomap.events.schema.DATE_PRECISIONS`).

Day/month order of numeric dates (``3/7/2019``) is decided once per column from the rows that
can only be read one way (``25/03/2022`` is day first, ``03/25/2022`` month first); see
:func:`decide_order`. A column with no such row is read with the stated default (day first,
but month first when the ambiguous dates carry an AM/PM clock, which only US-style spreadsheet
exports write) and a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

__all__ = [
    "DateColumn",
    "ParsedDate",
    "decide_order",
    "parse_date",
    "parse_date_column",
    "parse_date_value",
]

_MONTHS = {
    name: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}

@functools.cache
def _other_months() -> dict[str, int]:
    """Month names of the other languages geomap reads ("3 ноября 2024", "5 листопада 2024"),
    from their :class:`geomap.lang.Language` records (imported on the first such word)."""
    from .lang import get_language

    return {name: n for code in ("uk", "ru") for name, n in get_language(code).months.items()}


_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ZONE = r"(?:\s*(?:z|utc|gmt|[a-z]{3,4}|[+-]\d{2}(?::?\d{2})?))?"
#: The word a year may carry ("2024 г.", "2024 года", "2024 року") and the word before a time
#: ("at 8:15", "в 10:30", "о 08:15").
_YEAR_WORD = r"(?:\s*(?:г\.?|года|год|р\.?|року))?"
_TIME = (r"(?:(?:t|\s+|,\s*)(?:(?:at|в|во|о|об)\s+)?(?P<hh>\d{1,2}):(?P<mi>\d{2})"
         r"(?::\d{2}(?:[.,]\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?" + _ZONE + r")?")

#: (name, pattern, precision). Order matters only for speed; the patterns do not overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE), precision)
    for name, pattern, precision in (
        ("iso", r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})" + _TIME,
         "day"),
        ("compact", r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\d{4}(?:\d{2})?)?(?:\.0+)?", "day"),
        ("numeric", r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})" + _TIME,
         "day"),
        ("day-month", _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<mon>[^\W\d_]{3,9})\.?"
         r"[\s,-]+(?P<y>\d{4})" + _YEAR_WORD + _TIME, "day"),
        ("month-day", _WEEKDAY + r"(?P<mon>[^\W\d_]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?"
         r"\s+(?P<y>\d{4})" + _TIME, "day"),
        ("month", r"(?P<mon>[^\W\d_]{3,9})\.?,?\s+(?P<y>\d{4})", "month"),
        ("iso-month", r"(?P<y>\d{4})-(?P<m>\d{1,2})", "month"),
        ("year", r"(?P<y>\d{4})(?:\.0+)?", "year"),
    )
)

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Lotus leap-year bug ignored)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class ParsedDate(NamedTuple):
    """One parsed date: the calendar ``date``, its ``precision`` (day / month / year), the
    ``form`` it was written in (a key of the accepted forms, or "excel-serial") and, for
    numeric day/month dates, ``order``: "day-first", "month-first" or "ambiguous"."""

    date: dt.date
    precision: str
    form: str
    order: str | None = None


def _clean(text: str) -> str:
    return " ".join(text.split())


def _match(text: str) -> tuple[str, str, dict[str, str | None]] | None:
    for name, pattern, precision in _PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return name, precision, m.groupdict()
    return None


def _time_ok(groups: dict[str, str | None]) -> bool:
    if groups.get("hh") is None:
        return True
    hour, minute = int(groups["hh"]), int(groups["mi"])
    if minute > 59:
        return False
    return 1 <= hour <= 12 if groups.get("ampm") else hour <= 24


def _numeric_order(a: int, b: int, sep: str) -> str:
    if sep == "." or a > 12 >= b:
        return "day-first"
    if b > 12 >= a:
        return "month-first"
    return "ambiguous"


def _build(name: str, precision: str, g: dict[str, str | None],
           dayfirst: bool | None) -> ParsedDate | None:
    if not _time_ok(g):
        return None
    order = None
    try:
        year = int(g["y"])
        if name == "numeric":
            a, b = int(g["a"]), int(g["b"])
            order = _numeric_order(a, b, g["sep"] or "/")
            first = order == "day-first" or (order == "ambiguous" and dayfirst is not False)
            if order == "ambiguous" and dayfirst is None:
                first = not g.get("ampm")
            day, month = (a, b) if first else (b, a)
        elif g.get("mon") is not None:
            key = g["mon"].lower().rstrip(".")
            month = _MONTHS.get(key) or (0 if key.isascii() else _other_months().get(key, 0))
            if not month:
                return None
            day = int(g["d"]) if g.get("d") else 1
        else:
            month = int(g["m"]) if g.get("m") else 1
            day = int(g["d"]) if g.get("d") else 1
        return ParsedDate(dt.date(year, month, day), precision, name, order)
    except (ValueError, TypeError):
        return None


def _excel_serial(value: float) -> dt.date | None:
    if not 1 <= value < 2958466:  # 9999-12-31
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def parse_date_value(value: Any, *, dayfirst: bool | None = None,
                     serial: bool = False) -> ParsedDate | None:
    """Parse one date (string, number, date or datetime); None when it is not a date.

    ``dayfirst`` settles numeric dates that read both ways (``3/7/2019``): True day first,
    False month first, None the default (day first, month first with an AM/PM clock).
    ``serial`` reads numbers other than ``YYYYMMDD`` and years as Excel serial days.
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return ParsedDate(value.date(), "day", "datetime")
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), "day", "datetime")
    if isinstance(value, dt.date):
        return ParsedDate(value, "day", "datetime")
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if math.isnan(number):
            return None
        if number.is_integer() and len(str(int(number))) in (4, 8, 12, 14):
            value = str(int(number))
        elif serial:
            day = _excel_serial(number)
            return ParsedDate(day, "day", "excel-serial") if day else None
        else:
            return None
    if not isinstance(value, str):
        return None
    text = _clean(value)
    if not text:
        return None
    found = _match(text)
    if found is None:
        if serial and _NUMBER.fullmatch(text):
            day = _excel_serial(float(text))
            return ParsedDate(day, "day", "excel-serial") if day else None
        return None
    return _build(*found, dayfirst)


def parse_date(value: Any, *, dayfirst: bool | None = None) -> dt.date | None:
    """The calendar date of ``value`` in any accepted form, or None (see the module doc)."""
    parsed = parse_date_value(value, dayfirst=dayfirst)
    return parsed.date if parsed else None


# ---------------------------------------------------------------------------------------------
# Columns


@dataclass
class DateColumn:
    """A parsed column: ``dates`` (datetime64[s], NaT where a value is blank or not a date),
    ``precision`` (day / month / year, None where NaT), the day/month ``dayfirst`` used for
    numeric dates that read both ways, a one-line ``report`` of how the order was decided
    (empty when no numeric dates were seen), ``warnings``, rows by ``forms`` and numeric
    dates by ``orders`` (day-first / month-first / ambiguous)."""

    dates: pd.Series
    precision: pd.Series
    dayfirst: bool
    report: str = ""
    warnings: list[str] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)
    orders: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> pd.Series:
        return self.dates.notna()


def decide_order(day_first: int, month_first: int, ambiguous: int, *,
                 dayfirst: bool | None = None, ampm: bool = False,
                 name: str = "dates") -> tuple[bool, str, list[str]]:
    """``(dayfirst, report, warnings)`` for a column whose numeric dates include
    ``day_first`` rows readable only day first, ``month_first`` only month first and
    ``ambiguous`` either way. ``dayfirst`` given by the user wins; else the order the
    unambiguous rows show; else (none, or both orders seen) the default: day first, month
    first when the ambiguous dates carry an AM/PM clock."""
    counts = (f"{day_first} rows only day-first, {month_first} only month-first, "
              f"{ambiguous} either way")
    if dayfirst is not None:
        order = "day-first" if dayfirst else "month-first"
        return dayfirst, f"{name}: day/month order {order} (given); {counts}", []
    if bool(day_first) != bool(month_first):
        first = bool(day_first)
        order = "day-first" if first else "month-first"
        return first, f"{name}: day/month order {order} from the unambiguous rows; {counts}", []
    first = not ampm
    order = "day-first" if first else "month-first"
    why = "the default with an AM/PM clock" if ampm else "the default"
    if day_first and month_first:
        return first, f"{name}: day/month order {order} ({why}, both orders seen); {counts}", [
            f"{name}: both day/month orders in one column ({counts}); ambiguous rows read "
            f"{order}, {why}: give the order if it is wrong"]
    report = f"{name}: day/month order {order} ({why}); {counts}"
    warnings = [f"{name}: day/month order cannot be decided from the data ({ambiguous} dates "
                f"read either way); read {order}, {why}: give the order if it is wrong"] \
        if ambiguous else []
    return first, report, warnings


def _as_text(values: pd.Series) -> tuple[pd.Series, bool]:
    """Values as stripped strings (NA for blanks) and whether the column is numeric."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return pd.Series(pd.NA, index=values.index, dtype="string"), False
    if pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        whole = numbers.notna() & (numbers % 1 == 0)
        text = pd.Series(pd.NA, index=values.index, dtype="string")
        text[whole] = numbers[whole].astype("int64").astype(str)
        rest = numbers.notna() & ~whole
        text[rest] = numbers[rest].map(repr)
        return text, True
    text = values.astype("string").str.strip()
    text = text.mask(text == "")
    present = text.dropna()
    numeric = bool(len(present)) and bool(present.str.fullmatch(_NUMBER.pattern).all())
    return text, numeric


def parse_date_column(values: pd.Series | Iterable[Any], *, dayfirst: bool | None = None,
                      name: str = "dates") -> DateColumn:
    """Parse a column of dates at once (any mix of the accepted forms).

    Distinct values are parsed once (a column of 500,000 rows usually holds a few thousand
    dates); ISO dates and ``YYYYMMDD`` go through pandas' C parser. A numeric column (every
    value a number) also reads Excel serial days. Numeric day/month dates that read both ways
    follow one order for the whole column (:func:`decide_order`). Objects (dates, datetimes
    from XLSX) are accepted.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    has_objects = series.dtype == object and series.map(
        lambda v: isinstance(v, (dt.date, pd.Timestamp))).any()
    if has_objects:
        objects = series.map(lambda v: v if isinstance(v, (dt.date, pd.Timestamp)) else None)
        series = series.map(lambda v: None if isinstance(v, (dt.date, pd.Timestamp)) else v)
    text, numeric = _as_text(series)
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    uniq = pd.Series(np.asarray(uniques, dtype=object))
    n = len(uniq)
    # a numeric column of Excel serials: any number that is not YYYYMMDD[HHMM[SS]] or a year
    serials = numeric and n and not uniq.str.fullmatch(
        r"(?:\d{4}|\d{8}|\d{12}|\d{14})(?:\.0+)?").all()
    counts = np.bincount(codes[codes >= 0], minlength=n) if n else np.zeros(0, dtype=int)
    u_dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
    u_prec = np.full(n, None, dtype=object)
    u_form = np.full(n, None, dtype=object)
    todo = np.ones(n, dtype=bool)
    if n:
        # fast paths in C: plain ISO dates and YYYYMMDD
        for form, regex, fmt in (("iso", r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"),
                                 ("compact", r"\d{8}", "%Y%m%d")):
            hit = uniq.str.fullmatch(regex).to_numpy(dtype=bool) & todo
            if hit.any():
                parsed = pd.to_datetime(uniq[hit], format=fmt, errors="coerce")
                u_dates[hit] = parsed.to_numpy(dtype="datetime64[s]")
                good = hit.copy()
                good[hit] = parsed.notna().to_numpy()
                u_prec[good], u_form[good] = "day", form
                todo &= ~hit
    # numeric day/month dates decide the order for the column
    orders: dict[str, int] = {"day-first": 0, "month-first": 0, "ambiguous": 0}
    ampm = False
    matches: dict[int, tuple[str, str, dict[str, str | None]]] = {}
    for i in np.flatnonzero(todo):
        text_i = _clean(uniq[i])
        found = _match(text_i)
        if found is None or (serials and found[0] == "year"):
            continue
        matches[i] = found
        if found[0] == "numeric":
            g = found[2]
            order = _numeric_order(int(g["a"]), int(g["b"]), g["sep"] or "/")
            orders[order] += int(counts[i])
            if order == "ambiguous" and g.get("ampm"):
                ampm = True
    seen_numeric = any(orders.values())
    first, report, warnings = decide_order(
        orders["day-first"], orders["month-first"], orders["ambiguous"], dayfirst=dayfirst,
        ampm=ampm, name=name)
    for i in np.flatnonzero(todo):
        found = matches.get(i)
        parsed = _build(*found, first) if found else None
        if parsed is None and serials:
            parsed = parse_date_value(uniq[i], serial=True)
        if parsed is not None:
            u_dates[i] = np.datetime64(parsed.date, "s")
            u_prec[i], u_form[i] = parsed.precision, parsed.form
    dates = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[s]")
    prec = np.full(len(text), None, dtype=object)
    valid = codes >= 0
    dates[valid] = u_dates[codes[valid]]
    prec[valid] = u_prec[codes[valid]]
    forms: dict[str, int] = {}
    for i in range(n):
        if u_form[i] is not None:
            forms[u_form[i]] = forms.get(u_form[i], 0) + int(counts[i])
    if has_objects:
        obj = objects.notna().to_numpy()
        dates[obj] = pd.to_datetime(objects[obj].map(
            lambda v: v.date() if isinstance(v, (dt.datetime, pd.Timestamp)) else v)
        ).to_numpy(dtype="datetime64[s]")
        prec[obj] = "day"
        forms["datetime"] = int(obj.sum())
    return DateColumn(pd.Series(dates, index=series.index),
                      pd.Series(prec, index=series.index, dtype=object),
                      first, report if seen_numeric else "", warnings, forms, orders)
