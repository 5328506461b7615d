"""Popup and tooltip HTML. Every piece of text from articles and records is escaped here.

The map's JavaScript only concatenates fragments made here (it never escapes or trusts text
itself), so this module is the one place where untrusted strings become HTML.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from .style import ROLE_COLOURS

__all__ = ["ROLE_COLOURS", "esc", "highlight", "link", "mention_popup", "safe_url",
           "sentence_html", "truncate"]


def esc(text: object) -> str:
    """``text`` as HTML text ("" for None)."""
    return "" if text is None else escape(str(text))


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + "\u2026"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None (no javascript: links in popups)."""
    if not url:
        return None
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def link(text: str | None, url: str | None) -> str:
    """Escaped ``text``, as a link that opens in a new tab when ``url`` is an http(s) URL."""
    label = esc(text or url or "")
    href = safe_url(url)
    if not href:
        return label
    return f'<a href="{escape(href)}" target="_blank" rel="noopener noreferrer">{label}</a>'


def highlight(sentence: str, start: int, end: int) -> str:
    """The sentence, escaped, with ``sentence[start:end]`` in <mark>."""
    start = max(0, min(start, len(sentence)))
    end = max(start, min(end, len(sentence)))
    return (escape(sentence[:start]) + "<mark>" + escape(sentence[start:end]) + "</mark>"
            + escape(sentence[end:]))


def sentence_html(sentence: str | None, start: int | None, end: int | None,
                  *, limit: int = 320) -> str:
    """A quoted sentence with the span ``[start, end)`` (offsets in the sentence) highlighted;
    plain escaped text when there is no span. Long text is cut around the span."""
    if not sentence:
        return ""
    if start is None or end is None or start < 0 or end <= start:
        return "<q>" + esc(truncate(sentence, limit)) + "</q>"
    if len(sentence) > limit:
        lo = max(0, start - limit // 2)
        hi = min(len(sentence), lo + limit)
        pre = "\u2026" if lo else ""
        post = "\u2026" if hi < len(sentence) else ""
        return ("<q>" + esc(pre) + highlight(sentence[lo:hi], start - lo, end - lo) + esc(post)
                + "</q>")
    return "<q>" + highlight(sentence, start, end) + "</q>"


def mention_popup(place_name: str, subtitle: str, rows: list[dict], *, limit: int = 8) -> str:
    """Popup of one place: its name and the articles and sentences that mention it."""
    parts = [f'<div class="gm-popup"><b>{escape(place_name)}</b>'
             f'<div class="gm-sub">{escape(subtitle)}</div><ul>']
    for r in rows[:limit]:
        head = link(r.get("title") or r.get("article_id") or "", r.get("url"))
        date = f' <span class="gm-date">{escape(r["date"])}</span>' if r.get("date") else ""
        role = escape(r.get("role") or "")
        sent = r.get("sentence") or ""
        off = int(r.get("start", 0)) - int(r.get("sentence_start", 0))
        body = sentence_html(sent, off, off + len(r.get("name") or ""))
        parts.append(f"<li>{head}{date} <i>({role})</i><br>{body}</li>")
    if len(rows) > limit:
        parts.append(f"<li>\u2026 and {len(rows) - limit} more</li>")
    parts.append("</ul></div>")
    return "".join(parts)
