"""Popup and tooltip HTML. Every piece of text from articles and records is escaped here."""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

__all__ = ["highlight", "mention_popup", "safe_url"]

ROLE_COLOURS = {
    "literal": "#c0392b",
    "metonymic": "#8e44ad",
    "demonym": "#2471a3",
    "dateline": "#7f8c8d",
}


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None (no javascript: links in popups)."""
    if not url:
        return None
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def highlight(sentence: str, start: int, end: int) -> str:
    """The sentence, escaped, with ``sentence[start:end]`` in <mark>."""
    start = max(0, min(start, len(sentence)))
    end = max(start, min(end, len(sentence)))
    return (escape(sentence[:start]) + "<mark>" + escape(sentence[start:end]) + "</mark>"
            + escape(sentence[end:]))


def mention_popup(place_name: str, subtitle: str, rows: list[dict], *, limit: int = 8) -> str:
    """Popup of one place: its name and the articles and sentences that mention it."""
    parts = [f'<div class="gm-popup"><b>{escape(place_name)}</b>'
             f'<div class="gm-sub">{escape(subtitle)}</div><ul>']
    for r in rows[:limit]:
        title = escape(r.get("title") or r.get("article_id") or "")
        url = safe_url(r.get("url"))
        head = f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{title}</a>' \
            if url else title
        date = f' <span class="gm-date">{escape(r["date"])}</span>' if r.get("date") else ""
        role = escape(r.get("role") or "")
        sent = r.get("sentence") or ""
        off = int(r.get("start", 0)) - int(r.get("sentence_start", 0))
        body = highlight(sent, off, off + len(r.get("name") or ""))
        parts.append(f"<li>{head}{date} <i>({role})</i><br><q>{body}</q></li>")
    if len(rows) > limit:
        parts.append(f"<li>… and {len(rows) - limit} more</li>")
    parts.append("</ul></div>")
    return "".join(parts)
