"""Date expressions in news text, resolved against the article's date.

:func:`find_dates` returns every expression with its span, the date it names and a precision
("day", "week", "month", "year"). Relative expressions ("on Tuesday", "last week", "yesterday")
need an anchor date; "hours after" and "the same day" refer to the last date the text named.
A month and day without a year ("Oct. 28") take the anchor's year, or the year before when that
would put them more than a week after the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...lang.en import ENGLISH

__all__ = ["DateMention", "find_dates"]

# English date words (the lists live in geomap.lang.en)
_MONTHS = ENGLISH.months
_WEEKDAYS = ENGLISH.weekdays
_NUMBERS = ENGLISH.numbers
_RELATIVE = ENGLISH.relative_days

_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len,
                                             reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_MY_LEADS = ("in", "during", "early", "late", "mid", "mid-", "since", "until", "by")
_AGO_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "a few", "several", "a")


def _first(words, also: str = "") -> str:
    """A lookahead for the first letters of ``words`` (and the class ``also``): the scan skips
    at once every position where no match can start (about half the time of these patterns;
    the same matches)."""
    return "(?=[" + also + re.escape("".join(sorted({w[0] for w in words}))) + "])"


_MONTH_FIRST = _first(m.capitalize() for m in _MONTHS)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?=[12])\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"{_MONTH_FIRST}\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"(?=\d)\b{_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    ("my", re.compile(_first((*_MY_LEADS, *(m.capitalize() for m in _MONTHS)))
                      + rf"\b(?:(?P<lead>{'|'.join(_MY_LEADS)})\s+)?"
                      rf"{_MONTH}(?:\s+{_YEAR})?\b")),
    ("weekday", re.compile(_first(("last", *(d.capitalize() for d in _WEEKDAYS)))
                           + r"\b(?P<last>last\s+)?(?P<wd>" + "|".join(
        d.capitalize() for d in _WEEKDAYS) + r")\b")),
    ("rel", re.compile(_first(_RELATIVE) + r"\b(?P<rel>" + "|".join(_RELATIVE) + r")\b",
                       re.I)),
    ("ago", re.compile(_first(_AGO_COUNTS, r"\d") + r"\b(?P<n>\d+|" + "|".join(_AGO_COUNTS)
                       + r")\s+(?P<unit>days?|weeks?)\s+(?:ago|earlier)\b", re.I)),
    ("same", re.compile(r"\b(?:hours|minutes|shortly|moments|hours|just hours|only hours)\s+"
                        r"(?:after|before|later|earlier)\b|\bthe same day\b|\blater that day\b|"
                        r"\bearlier that day\b", re.I)),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    precision: str
    explicit: bool  # names a calendar date rather than one relative to the text


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _with_year(month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    if anchor is None:
        return None
    d = _safe(anchor.year, month, day)
    if d and d > anchor + dt.timedelta(days=7):
        d = _safe(anchor.year - 1, month, day)
    return d


def _resolve(kind: str, m: re.Match[str], anchor: dt.date | None,
             last: dt.date | None) -> tuple[dt.date, str, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe(int(g["year"]), int(g["month"]), int(g["day"]))
        return (d, "day", True) if d else None
    if kind in ("mdy", "dmy"):
        month = _MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        d = _safe(int(g["year"]), month, day) if g.get("year") else _with_year(month, day, anchor)
        return (d, "day", True) if d else None
    if kind == "my":
        if g.get("lead") in ("since", "until", "by"):
            return None
        if not g.get("lead") and not g.get("year"):
            return None  # "May" alone is too often a verb
        month = _MONTHS[g["month"].lower().rstrip(".")]
        if g.get("year"):
            year = int(g["year"])
        elif anchor is not None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        else:
            return None
        return dt.date(year, month, 1), "month", True
    if anchor is None:
        return None
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        back = (anchor.weekday() - wd) % 7
        if g.get("last") and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back), "day", False
    if kind == "rel":
        unit, offset = _RELATIVE[" ".join(g["rel"].lower().split())]
        if unit == "day":
            return anchor + dt.timedelta(days=offset), "day", False
        if unit == "week":
            return anchor - dt.timedelta(days=anchor.weekday() - 7 * offset), "week", False
        if unit == "month":
            first = anchor.replace(day=1)
            for _ in range(-offset):
                first = (first - dt.timedelta(days=1)).replace(day=1)
            return first, "month", False
        return dt.date(anchor.year + offset, 1, 1), "year", False
    if kind == "ago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 1)
        if g["unit"].lower().startswith("week"):
            return anchor - dt.timedelta(days=7 * n), "week", False
        return anchor - dt.timedelta(days=n), "day", False
    if kind == "same":
        return (last or anchor), "day", False
    return None


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every date expression of ``text`` in text order, resolved against ``anchor``."""
    hits: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), m.end(), kind, m))
    hits.sort()
    out: list[DateMention] = []
    last: dt.date | None = None
    for start, end, kind, m in hits:
        got = _resolve(kind, m, anchor, last)
        if got is None:
            continue
        date, precision, explicit = got
        if explicit and precision == "day":
            last = date
        out.append(DateMention(start, end, date, precision, explicit))
    return out
