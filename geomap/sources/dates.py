"""Article dates as people and feeds write them, parsed to the calendar date as written.

A date is never shifted by its time zone: "Fri, 11 Mar 2022 23:30:00 -0500" is 11 March, the
date the writer saw. Readers keep an article whose date does not parse, undated, and count it.
"""

from __future__ import annotations

import datetime
import re
from email.utils import parsedate_tz

__all__ = ["parse_date"]

_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?" \
        r"\s*(?:Z|UTC|GMT|[A-Z]{3,4}|[+-]\d{2}:?\d{2})?)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_ISO = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ].*)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}(?:Z|[+-]\d{4})?)?")
_DAY_NAME = re.compile(_WEEKDAY + r"(\d{1,2})" + _ORD + r"(?:\s+of)?[\s\-]+([a-z]{3,9})\.?,?"
                       r"[\s\-]+(\d{4})" + _TIME, re.I)
_NAME_DAY = re.compile(_WEEKDAY + r"([a-z]{3,9})\.?\s+(\d{1,2})" + _ORD + r",?\s+(\d{4})" + _TIME,
                       re.I)
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})" + _TIME, re.I)


def _date(year: int, month: int, day: int, value: str) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a valid date: {value!r} ({exc})") from None


def _month(name: str, value: str) -> int:
    month = _MONTHS.get(name.lower())
    if month is None:
        raise ValueError(f"unknown month name {name!r} in {value!r}")
    return month


def parse_date(value: str) -> datetime.date:
    """The calendar date of ``value`` as written.

    Accepts ISO dates and datetimes with or without zones (``2022-03-12``,
    ``2022-03-12T08:15:00+02:00``, ``2022/03/12``), ``YYYYMMDD``, RFC 2822 as feeds write it
    (``Fri, 11 Mar 2022 08:00:00 +0000``), ``12 March 2022``, ``12th of March, 2022``,
    ``March 12, 2022``, ``Mar. 12 2022``, ``D.M.YYYY`` (day first, as written in Europe), and
    ``D/M/YYYY`` or ``M/D/YYYY`` when one of the numbers is above 12; an optional time after any
    of them is ignored.

    Raises
    ------
    ValueError
        For anything else, including ``3/7/2022`` (day and month cannot be told apart).
    """
    text = " ".join(str(value).split())
    if m := _ISO.fullmatch(text):
        return _date(int(m[1]), int(m[3]), int(m[4]), value)
    if m := _COMPACT.fullmatch(text):
        return _date(int(m[1]), int(m[2]), int(m[3]), value)
    if m := _DAY_NAME.fullmatch(text):
        return _date(int(m[3]), _month(m[2], value), int(m[1]), value)
    if m := _NAME_DAY.fullmatch(text):
        return _date(int(m[3]), _month(m[1], value), int(m[2]), value)
    if m := _NUMERIC.fullmatch(text):
        first, second, year = int(m[1]), int(m[3]), int(m[4])
        if m[2] == "." or first > 12:
            return _date(year, second, first, value)
        if second > 12 or first == second:
            return _date(year, first, second, value)
        raise ValueError(f"ambiguous date {value!r}: day and month cannot be told apart")
    parts = parsedate_tz(text)
    if parts is not None and parts[0] > 0:
        return _date(parts[0], parts[1], parts[2], value)
    raise ValueError(f"not a date geomap reads: {value!r}")
