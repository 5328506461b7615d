"""Telegram channels as analysts save them: one article per post, dated by the post.

- A Telegram Desktop export (``result.json``: ``{"name", "messages": [{"id", "type", "date",
  "date_unixtime", "text"}]}``): ``text`` is a string or a list of fragments (strings and
  ``{"type": "bold", "text": ...}`` entities). The date is ``date`` as written (the exporting
  computer's clock, what the analyst saw), else ``date_unixtime`` (UTC). Service messages
  (pins, joins) and posts without text (a photo alone) are not articles: each is a reject with
  its reason, so that every message is accounted for.
- A saved channel page (``https://t.me/s/CHANNEL``): each ``tgme_widget_message`` block is a
  post with its own text, ``<time datetime>`` and link; the page's first date no longer dates
  every post.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

__all__ = ["Post", "export_posts", "is_channel_page", "page_posts"]


@dataclass(frozen=True, slots=True)
class Post:
    """One message: ``text`` empty and ``reason`` set when it is not an article."""

    id: str
    text: str
    date: str | None = None
    url: str | None = None
    reason: str | None = None

    @property
    def title(self) -> str | None:
        first = self.text.strip().split("\n", 1)[0].strip()
        return (first[:97] + "...") if len(first) > 100 else (first or None)


def _fragments(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(_fragments(part) for part in text)
    if isinstance(text, dict):
        return _fragments(text.get("text", ""))
    return ""


def _unix_date(value: Any) -> str | None:
    try:
        seconds = int(str(value).strip())
    except ValueError:
        return None
    try:
        return datetime.datetime.fromtimestamp(seconds, datetime.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def export_posts(text: str) -> tuple[str | None, list[Post]]:
    """``(channel name, posts)`` of a Telegram Desktop export; ValueError if it is not one."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"invalid JSON: {exc}") from None
    messages = value.get("messages") if isinstance(value, dict) else None
    if not isinstance(messages, list):
        raise ValueError("JSON without a \"messages\" list: not a Telegram export")
    name = value.get("name") if isinstance(value.get("name"), str) else None
    posts = []
    for number, msg in enumerate(messages, start=1):
        if not isinstance(msg, dict):
            posts.append(Post(str(number), "", reason=f"message {number} is not an object"))
            continue
        mid = str(msg.get("id", number))
        kind = msg.get("type", "message")
        raw_date = msg.get("date") if isinstance(msg.get("date"), str) else None
        date = raw_date or _unix_date(msg.get("date_unixtime"))
        if kind != "message":
            action = msg.get("action")
            posts.append(Post(mid, "", date, reason=f"a {kind} message"
                              + (f" ({action})" if isinstance(action, str) else "")
                              + ", not a post"))
            continue
        body = _fragments(msg.get("text", "")).strip()
        if not body:
            media = msg.get("media_type") or ("photo" if "photo" in msg else None) \
                or ("file" if "file" in msg else None)
            posts.append(Post(mid, "", date, reason="a message without text"
                              + (f" ({media})" if media else "")))
            continue
        posts.append(Post(mid, body, date))
    return name, posts


def is_channel_page(content: str) -> bool:
    """True for a saved ``t.me/s/CHANNEL`` page (posts in ``tgme_widget_message`` blocks)."""
    return "tgme_widget_message" in content and "data-post" in content


_CLASS = re.compile(r"\S+")


class _ChannelPage(HTMLParser):
    """The posts of a saved channel page: text, date and link of each message block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.posts: list[dict[str, Any]] = []
        self.depth = 0  # open <div>s inside the current post
        self.text_depth: int | None = None  # depth of the post's text <div>
        self.current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        classes = set(_CLASS.findall(a.get("class", "")))
        if tag == "div" and "tgme_widget_message" in classes and a.get("data-post"):
            self._close()
            self.current = {"id": a["data-post"], "text": [], "date": None, "url": None}
            self.depth = 1
            return
        if self.current is None:
            return
        if tag == "div":
            self.depth += 1
            if "tgme_widget_message_text" in classes and self.text_depth is None:
                self.text_depth = self.depth
        elif tag == "br" and self.text_depth is not None:
            self.current["text"].append("\n")
        elif tag == "time" and a.get("datetime") and self.current["date"] is None:
            self.current["date"] = a["datetime"].strip()
        elif tag == "a" and "tgme_widget_message_date" in classes and a.get("href"):
            self.current["url"] = a["href"].strip()

    def handle_endtag(self, tag: str) -> None:
        if self.current is None or tag != "div":
            return
        if self.text_depth is not None and self.depth == self.text_depth:
            self.text_depth = None
        self.depth -= 1
        if self.depth == 0:
            self._close()

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.text_depth is not None:
            self.current["text"].append(data)

    def _close(self) -> None:
        if self.current is not None:
            self.posts.append(self.current)
        self.current, self.text_depth, self.depth = None, None, 0


def page_posts(content: str) -> list[Post]:
    """The posts of a saved channel page, in page order (a post without text is a reject)."""
    parser = _ChannelPage()
    parser.feed(content)
    parser.close()
    parser._close()
    out = []
    for p in parser.posts:
        lines = [" ".join(line.split()) for line in "".join(p["text"]).split("\n")]
        body = "\n".join(line for line in lines if line)
        out.append(Post(p["id"], body, p["date"], p["url"],
                        reason=None if body else "a post without text"))
    return out
