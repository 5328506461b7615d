"""Article dates: :func:`geomap.dates.parse_date_value` with what articles add and refuse.

Articles and feeds write dates as people do: ordinals (``12th of March, 2022``), ``at`` before
a time, a zone name after it (``March 12, 2022 at 8:15 am EST``); these are cleaned before the
shared parser reads the date. An article must name a day: a month or year alone, or a numeric
date whose day and month cannot be told apart (``3/7/2022``: one article gives no other row to
decide from, unlike an event table), does not date it. The date is the calendar date as written,
never shifted by its zone; a Unix time (``1730697300`` seconds, ``1730697300000`` milliseconds,
as Telegram exports write it) is its UTC day. Readers keep an article whose date does not parse,
undated, and count it.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..dates import parse_date_value

__all__ = ["parse_date"]

_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\b)?", re.I)
_AT = re.compile(r"\s+at\s+(?=\d)", re.I)
_ZONE_NAME = re.compile(r"\s+[A-Z]{2,5}$")
#: Unix time as Telegram exports and scrapers write it: seconds (9-10 digits) or milliseconds
#: (12-13 digits); 8 digits stay YYYYMMDD
_EPOCH = re.compile(r"\d{9,10}|\d{12,13}")


def _epoch_date(text: str) -> datetime.date:
    """The UTC day of a Unix time in seconds or milliseconds (1990 to next year only)."""
    seconds = int(text) / (1000 if len(text) > 10 else 1)
    day = datetime.datetime.fromtimestamp(seconds, datetime.UTC).date()
    if not datetime.date(1990, 1, 1) <= day <= datetime.date.today().replace(
            year=datetime.date.today().year + 1):
        raise ValueError(f"Unix time {text} is {day}, not a plausible article date")
    return day


def parse_date(value: Any) -> datetime.date:
    """The day ``value`` names, as written.

    Raises
    ------
    ValueError
        When ``value`` is not a date, names only a month or a year, or reads both ways.
    """
    text = _AT.sub(" ", _ORDINAL.sub(r"\1", " ".join(str(value).split())))
    if _EPOCH.fullmatch(text):
        return _epoch_date(text)
    parsed = parse_date_value(text) or parse_date_value(_ZONE_NAME.sub("", text))
    if parsed is None:
        raise ValueError(f"not a date geomap reads: {value!r}")
    if parsed.precision != "day":
        raise ValueError(f"{value!r} names a {parsed.precision}, not a day")
    if parsed.order == "ambiguous":
        raise ValueError(f"ambiguous date {value!r}: day and month cannot be told apart")
    return parsed.date
