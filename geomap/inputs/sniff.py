"""What a file is, from its first bytes: the content checks behind :mod:`geomap.inputs.classify`.

Each function takes the decoded start of a file (or its raw head) and answers one question; none
reads more than the head, so classifying a folder of large files stays cheap.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

__all__ = ["json_kind", "markup_kind", "table_dataset", "zip_kind"]

_MARKUP_PROLOGUE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FIRST_TAG = re.compile(r"<([A-Za-z][\w.:-]*)([^>]*)>?")
_HTML_TAGS = frozenset({
    "html", "head", "body", "meta", "title", "div", "p", "article", "section", "main", "span",
    "h1", "h2", "h3", "header", "link", "script", "style", "table", "br", "a", "b", "i", "em",
    "strong", "ul", "ol", "li", "pre", "blockquote", "time", "figure", "img", "nav", "footer",
})  # fmt: skip
_GEOJSON = re.compile(r'"type"\s*:\s*"(?:FeatureCollection|Feature)"')
#: A Telegram Desktop channel export (result.json): an object with a "messages" list
_TELEGRAM = re.compile(r'^\{.*?"messages"\s*:\s*\[', re.S)


def zip_kind(path: Path) -> tuple[str | None, str]:
    """``("xlsx", "")`` for a spreadsheet, else ``(None, reason)`` for another ZIP container."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        return None, f"a damaged ZIP or spreadsheet file ({exc})"
    if "xl/workbook.xml" in names:
        return "xlsx", ""
    if "word/document.xml" in names:
        return None, "a Word document (.docx): save it as .txt or .html"
    if "content.xml" in names:
        return None, "an OpenDocument file: save it as .txt, .html, .csv or .xlsx"
    return None, "a ZIP archive: unpack it and give the files inside"


def markup_kind(text: str) -> tuple[str | None, str]:
    """For text starting with ``<``: ``("rss" | "atom" | "rdf" | "html", "")`` or
    ``(None, reason)``."""
    rest = text[_MARKUP_PROLOGUE.match(text).end():]
    doctype_html = re.search(r"<!DOCTYPE\s+html", text[:2000], re.I) is not None
    tag = _FIRST_TAG.match(rest)
    if tag is None:
        return ("html", "") if doctype_html else (None, "markup without any element")
    name, attrs = tag[1].lower(), tag[2]
    local = name.rsplit(":", 1)[-1]
    if local == "rss":
        return "rss", ""
    if local == "feed" and "http://www.w3.org/2005/atom" in attrs.lower():
        return "atom", ""
    if local == "feed":
        return "atom", ""
    if local == "rdf" and "purl.org/rss" in text[:4000].lower():
        return "rdf", ""
    if doctype_html or local in _HTML_TAGS:
        return "html", ""
    return None, f"an XML document with root <{tag[1]}>, not an RSS/Atom feed or HTML"


def json_kind(text: str, suffix: str) -> tuple[str | None, str]:
    """For text starting with ``{`` or ``[``: ``("geojson" | "jsonl" | "telegram", "")`` or
    ``(None, reason)``."""
    if _GEOJSON.search(text[:65536]) and not _first_line_has_text(text):
        return "geojson", ""
    if suffix in (".jsonl", ".ndjson") or _first_line_has_text(text):
        return "jsonl", ""
    if suffix == ".geojson":
        return "geojson", ""
    if _TELEGRAM.search(text[:65536]):
        return "telegram", ""
    return None, ("JSON that is neither GeoJSON nor JSON Lines of articles (one object a line "
                  "with \"id\" and \"text\")")


def _first_line_has_text(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        value = json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(value, dict) and isinstance(value.get("text"), str)


def _records(text: str, delimiter: str, limit: int = 20) -> list[list[str]]:
    sample = text[:65536]
    if "\n" in sample and len(text) > len(sample):
        sample = sample[: sample.rindex("\n")]
    try:
        rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if r and any(f.strip() for f in r)]
    except csv.Error:
        return []
    return rows[:limit]


def table_dataset(text: str, *, named_table: bool) -> tuple[str | None, str, str]:
    """Whether text is an event table: ``(dataset, delimiter, reason)``.

    ``dataset`` is what :func:`geomap.events.detect_format` says of its first record (acled,
    ucdp, gdelt, gkg, generic), or None when the text is not a table (``reason`` says why it is
    not one when it had to be: a GDELT mentions table, a GDELT file with a header). A generic
    table must be ``named_table`` (.csv, .tsv...) or look like one: at least three records of the
    same width (two or more fields) with a header of short names.
    """
    from ..events.read import detect_format
    from ..events.readers._files import sniff_delimiter
    from ..exceptions import InputError

    delimiter = sniff_delimiter(text)
    records = _records(text, delimiter)
    if not records:
        return None, delimiter, ""
    try:
        dataset = detect_format(records[0])
    except InputError as exc:
        return None, delimiter, str(exc)
    if dataset == "gdelt-mentions":
        return None, delimiter, ("a GDELT mentions table, which holds no events of its own: "
                                 "give the GDELT events table")
    if dataset != "generic":
        return dataset, delimiter, ""
    width = len(records[0])
    if named_table and width >= 2:
        return "generic", delimiter, ""
    shaped = (len(records) >= 3 and width >= 2 and all(len(r) == width for r in records)
              and all(len(cell.strip()) <= 40 for cell in records[0]))
    return ("generic" if shaped else None), delimiter, ""
