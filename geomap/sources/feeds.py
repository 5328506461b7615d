"""Saved RSS 2.0, RSS 1.0 and Atom feeds: one article per item, through feedparser.

feedparser is the well-kept library made for the job: it reads every RSS and Atom dialect, their
date formats, character encodings and broken-but-common markup. It is given the file's bytes, so
it never touches the network. Each item gives an article with the title, the content (else the
summary) with HTML stripped, the link as ``url``, the published (else updated) date and an id from
the guid (else the link). :class:`FeedDeduper` drops an item already read from another feed: by
link, then by normalised title and date.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .html import html_to_text

__all__ = ["FeedDeduper", "FeedItem", "parse_feed"]


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed item, before it becomes an :class:`~geomap.sources.records.Article`."""

    number: int  #: 1-based position in the feed
    id: str | None
    title: str | None
    text: str
    url: str | None
    raw_date: str | None
    parsed_date: datetime.date | None  #: feedparser's reading (UTC), used when raw_date fails


def _text(value: Any) -> str:
    return html_to_text(value) if isinstance(value, str) else ""


def _body(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    body = max((_text(c) for c in contents), key=len, default="")
    return body or _text(entry.get("summary") or entry.get("description") or "")


def parse_feed(data: bytes) -> tuple[list[FeedItem], str | None]:
    """Items of a saved feed and, if feedparser found it malformed, why.

    Returns ``(items, problem)``; a malformed feed whose items could still be read gives both.
    """
    import feedparser

    parsed = feedparser.parse(data)
    problem = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        problem = f"{type(exc).__name__}: {exc}" if exc else "malformed feed"
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join(_text(entry.get("title")).split()) or None
        body = _body(entry)
        if title and body.startswith(title):
            body = body[len(title):].lstrip()
        text = "\n\n".join(part for part in (title, body) if part)
        # dict.get: feedparser's own get() maps updated to published with a warning
        raw = next((dict.get(entry, k) for k in ("published", "updated", "created")
                    if dict.get(entry, k)), None)
        struct = next((dict.get(entry, f"{k}_parsed") for k in ("published", "updated", "created")
                       if dict.get(entry, f"{k}_parsed")), None)
        parsed_date = datetime.date(*struct[:3]) if struct else None
        link = (entry.get("link") or "").strip() or None
        guid = (entry.get("id") or "").strip() or None
        items.append(FeedItem(number, guid or link, title, text, link, raw, parsed_date))
    return items, problem


def _link_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"),
                       parts.query, ""))


def _title_key(title: str) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


class FeedDeduper:
    """Remembers the items read so far; :meth:`seen` says whether an item is one of them.

    The same item in several feeds is recognised by its link, then by its normalised title with
    its date (items without a title are told apart by link only).
    """

    def __init__(self) -> None:
        self._links: set[str] = set()
        self._titles: set[tuple[str, str]] = set()
        self.duplicates = 0

    def seen(self, item: FeedItem, date: datetime.date | None) -> bool:
        """True (and counted) if an item with this link, or this title and date, was seen."""
        link = _link_key(item.url) if item.url else None
        title = (_title_key(item.title), date.isoformat() if date else "") if item.title else None
        if (link is not None and link in self._links) or (title is not None
                                                           and title in self._titles):
            self.duplicates += 1
            return True
        if link is not None:
            self._links.add(link)
        if title is not None:
            self._titles.add(title)
        return False
