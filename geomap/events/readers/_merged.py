"""Rows an unterminated quote swallowed, read again.

A row with an opening ``"`` that never closes makes a CSV parser read the following physical
lines as the rest of one quoted field, up to the next quote character in the file (or its end):
one malformed record ("7 fields, expected 31") that holds valid rows. :func:`split_merged`
takes such a record's text apart: its first line is the broken row, and the lines after it are
parsed again on their own; when at least one of them is a complete row of the table (exactly
its number of fields), each is returned as a row of its own and the rest as malformed rows,
each with its own row number, so nothing is lost and nothing is counted twice. A record whose
later lines hold no complete row (a quoted notes field over several lines, in a row that is
malformed for another reason) stays one malformed row, its line span said.

:func:`line_of` finds the physical line a record starts on, for the reason given.
"""

from __future__ import annotations

import csv
import io
import mmap
import os
import re
from dataclasses import dataclass

__all__ = ["Reread", "line_count", "line_of", "split_merged"]

_NEWLINE = re.compile(r"\r?\n")


@dataclass
class Reread:
    """One record read again from a merged one: its ``fields`` (``ok``: exactly the table's
    width), its text and how many physical lines it spans."""

    fields: list[str]
    text: str
    lines: int
    ok: bool


def _records(lines: list[str], width: int, delimiter: str) -> list[Reread]:
    """The records of ``lines`` parsed on their own; a record over several lines that is not a
    complete row is taken apart again the same way when its later lines hold one."""
    out: list[Reread] = []
    reader = csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=delimiter)
    done = 0
    try:
        for record in reader:
            end = reader.line_num
            chunk = lines[done:end]
            done = end
            if not record or not any(f.strip() for f in record):
                continue  # blank lines are not rows
            if len(record) == width:
                out.append(Reread(record, "\n".join(chunk), len(chunk), True))
                continue
            inner = _records(chunk[1:], width, delimiter) if len(chunk) > 1 else []
            if any(r.ok for r in inner):
                out.append(Reread(_fields(chunk[0], delimiter), chunk[0], 1, False))
                out.extend(inner)
            else:
                out.append(Reread(record, "\n".join(chunk), len(chunk), False))
    except csv.Error:  # pragma: no cover - the csv module in its lenient mode
        rest = lines[done:]
        out.append(Reread(["\n".join(rest)], "\n".join(rest), len(rest), False))
    return out


def _fields(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(line, newline=""), delimiter=delimiter), [])
    except csv.Error:  # pragma: no cover
        return [line]


def split_merged(text: str, width: int, delimiter: str
                 ) -> tuple[Reread, list[Reread]] | None:
    """``(the broken row, the records after it)`` of a malformed record whose text runs over
    several lines, when at least one of those records is a complete row of ``width`` fields;
    None otherwise (a single line, or no complete row in the lines after the first)."""
    lines = _NEWLINE.split(text.rstrip("\r\n"))
    if len(lines) < 2:
        return None
    rest = _records(lines[1:], width, delimiter)
    if not any(r.ok for r in rest):
        return None
    return Reread(_fields(lines[0], delimiter), lines[0], 1, False), rest


def line_count(text: str) -> int:
    """Physical lines of a record's text."""
    return len(_NEWLINE.split(text.rstrip("\r\n")))


def line_of(path: str | os.PathLike[str], encoding: str, text: str) -> int | None:
    """The 1-based physical line of ``path`` on which the record ``text`` starts (its first
    two lines searched for as bytes; None when the encoding is not ASCII-compatible or the
    text is not found)."""
    enc = {"utf-8-sig": "utf-8", "utf8": "utf-8"}.get(encoding, encoding)
    if enc.replace("_", "-").lower().startswith(("utf-16", "utf-32")):
        return None
    lines = _NEWLINE.split(text.rstrip("\r\n"))
    try:
        needles = [sep.join(lines[:2]).encode(enc) for sep in ("\n", "\r\n")]
    except (LookupError, UnicodeEncodeError):
        return None
    try:
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            for needle in needles:
                pos = mm.find(needle)
                if pos >= 0:
                    count, step = 0, 1 << 24
                    for start in range(0, pos, step):
                        count += mm[start:min(start + step, pos)].count(b"\n")
                    return count + 1
    except (OSError, ValueError):
        return None
    return None
