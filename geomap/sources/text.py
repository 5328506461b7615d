"""Plain-text articles: an optional date line, then the title line, then the body.

The date may open the title line (``date 2024-10-29 N Korean FM in Russia``, ``date 12.03.2023
Shelling in Kharkiv``, ``date 12 March 2023 ...``) or stand alone on the first line in any form
:func:`geomap.sources.dates.parse_date` reads (``date 12 March 2022``, ``Date: Fri, 11 Mar 2022
08:00:00 +0000``). A first line ``date`` + a word opening with a digit that reads as no date is a
date line all the same: the article is kept undated and counted, not titled "date 32.13.2023".
"""

from __future__ import annotations

import re

__all__ = ["split_txt"]

_ISO_PREFIX = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+|(?=\n)|\Z)", re.I)
_DATE_LINE = re.compile(r"\A\s*date(:)?[ \t]+([^\n]*?)[ \t]*(?:\n|\Z)", re.I)
_WORD = re.compile(r"[^ \t\n]+")

#: The most words a date opening a title line takes ("Fri, 11 Mar 2022 08:00:00 +0000").
_MAX_DATE_WORDS = 6


def split_txt(content: str) -> tuple[str, str | None]:
    """Return the article text (from the title line on) and the raw date, if a date line opens
    it. A first line ``date X`` is a date line when X is ISO-shaped, when it parses as a date, or
    when the word is followed by a colon; otherwise it is the title (``date night in Kyiv``)."""
    from .dates import parse_date

    content = content.replace("\r\n", "\n").replace("\r", "\n")
    raw: str | None = None
    match = _ISO_PREFIX.match(content)
    if match is None:
        line = _DATE_LINE.match(content)
        if line is not None:
            try:
                parse_date(line[2])
                match = line
            except ValueError:
                match = line if line[1] else None
            if match is not None:
                raw = line[2]
            else:
                return _date_then_title(content, line.start(2), line.end(2))
    else:
        raw = match[1]
    if match is not None:
        content = content[match.end():]
    return content.lstrip(), raw


def _date_then_title(content: str, start: int, end: int) -> tuple[str, str | None]:
    """A first line ``date WORDS``: the longest opening run of words that reads as a date is
    the date and the rest of the line the title; a first word opening with a digit that reads
    as no date is an unreadable date; otherwise the whole line is the title."""
    from .dates import parse_date

    words = list(_WORD.finditer(content, start, end))[:_MAX_DATE_WORDS]
    for k in range(len(words), 0, -1):
        try:
            parse_date(content[words[0].start():words[k - 1].end()])
        except ValueError:
            continue
        return content[words[k - 1].end():].lstrip(), content[words[0].start():words[k - 1].end()]
    if words and words[0][0][0].isdigit():
        return content[words[0].end():].lstrip(), words[0][0]
    return content.lstrip(), None
