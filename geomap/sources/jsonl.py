"""JSON Lines of articles: one object a line with ``"id"`` and ``"text"``.

Optional ``"date"`` (any form :func:`geomap.sources.dates.parse_date` reads; one that does not
parse leaves the article undated), ``"title"`` and ``"url"``; other keys are ignored. Blank lines
are skipped; a line that is not valid JSON, not valid UTF-8 in an otherwise UTF-8 file, or not an
article becomes a :class:`~geomap.sources.records.Reject`. A file saved wholly in a legacy
encoding (UTF-16, Windows-1252...) is decoded as a whole and the decision reported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._encoding import Decoded, decode_text
from ..exceptions import InputError
from .records import Reject

__all__ = ["iter_jsonl", "jsonl_fields"]


def _lines(data: bytes, source: str, decoded: list[Decoded]) -> Iterator[tuple[int, str | None,
                                                                              int]]:
    """``(number, line or None when not UTF-8, byte offset of the bad byte)``."""
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    bad = utf8_non_ascii = 0
    for raw in raw_lines:
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            utf8_non_ascii += 1
        except UnicodeDecodeError:
            bad += 1
    if (bad and not utf8_non_ascii) or b"\x00" in data[:65536]:
        try:
            whole = decode_text(data, source)  # a legacy-encoded file: decode it as a whole
        except InputError:
            # not a legacy encoding either: ASCII lines (JSON escapes) with a few broken ones,
            # which are rejected one by one below; a file with NUL bytes stays binary
            if b"\x00" in data[:65536] or bad == len(raw_lines):
                raise
        else:
            decoded.append(whole)
            for number, line in enumerate(whole.text.split("\n"), start=1):
                yield number, line.rstrip("\r"), 0
            return
    offset = 0
    for number, raw in enumerate(raw_lines, start=1):
        body = raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
        try:
            yield number, body.decode("utf-8").rstrip("\r"), 0
        except UnicodeDecodeError as exc:
            yield number, None, offset + (len(raw) - len(body)) + exc.start
        offset += len(raw) + 1


def iter_jsonl(
    path: str | os.PathLike[str], rejects: list[Reject] | None = None,
    decoded: list[Decoded] | None = None,
) -> Iterator[tuple[int, str, Any]]:
    """Yield ``(line_number, line, value)`` for each non-blank line of a JSON Lines file.

    Parameters
    ----------
    path
        A JSON Lines file. Lines are split on ``\\n``.
    rejects
        Where to append a :class:`Reject` for a line that is not valid JSON or not UTF-8. If
        ``None``, such a line raises :class:`InputError` instead.
    decoded
        Where to append the :class:`~geomap._encoding.Decoded` decision for a legacy-encoded file.

    Raises
    ------
    InputError
        If the file cannot be read or is binary, or on a bad line when ``rejects`` is ``None``.
    """
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from exc

    def bad(number: int, reason: str, line: str) -> None:
        if rejects is None:
            raise InputError(f"{source}, line {number}: {reason}")
        rejects.append(Reject(str(source), number, reason, line))

    for number, line, at in _lines(data, str(source), decoded if decoded is not None else []):
        if line is None:
            bad(number, f"not valid UTF-8 at byte offset {at}", "")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            bad(number, f"invalid JSON: {exc.msg} at column {exc.colno}", line)
            continue
        except RecursionError:
            bad(number, "invalid JSON: nested too deep", line)
            continue
        yield number, line, value


def jsonl_fields(value: Any) -> tuple[dict[str, Any], str | None]:
    """Check one JSON Lines item: ``({id, text, title, url, date}, None)`` or ``({}, reason)``.

    ``date`` is the raw value (the reader parses it and counts the undated); ``title`` and
    ``url`` that are not strings are ignored like any other key.
    """
    if not isinstance(value, dict):
        return {}, f"expected a JSON object, got {type(value).__name__}"
    article_id = value.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        return {}, "missing or empty 'id' (a string is required)"
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        return {}, "missing or empty 'text' (a string is required)"
    extra = {key: (item.strip() or None) if isinstance(item := value.get(key), str) else None
             for key in ("title", "url")}
    raw_date = value.get("date")
    return {"id": article_id, "text": text, "date": None if raw_date is None else str(raw_date),
            **extra}, None
