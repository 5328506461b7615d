"""HTML articles: visible text, title, date and URL with :mod:`html.parser`.

``<title>`` (else ``og:title``) gives the title; ``article:published_time`` and similar meta
tags, or the first ``<time datetime>``, the date; ``<link rel="canonical">`` or ``og:url`` the URL.
:func:`html_to_text` also strips the HTML of feed items.

A saved news page carries a site around its story: menus, related links, a footer naming the
paper's offices ("London · New York · Berlin"), whose places are not the story's. The text is
the story's only: ``<nav>``, ``<aside>``, ``<footer>``, ``<form>`` and elements whose ARIA
``role`` is navigation, complementary, contentinfo, banner or search are left out, and when the
page marks its story with ``<article>`` or ``<main>`` only the text inside them is read (pages
without them keep all their other text). A rule on the page's own markup rather than a
boilerplate library (trafilatura, readability-lxml): it needs no new dependency, adds no import
time, and keeps every offset in the text the page's own words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "parse_html"]

#: Meta names or properties that hold a publication date, most specific first.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
              "publish-date", "dc.date", "dc.date.issued", "date")


class _HTMLText(HTMLParser):
    """Collect the visible text, title, date and URL of an HTML document."""

    SKIP = frozenset({"script", "style", "noscript", "head", "template", "svg"})
    HEAD_ONLY = frozenset(
        {"title", "meta", "link", "style", "script", "noscript", "base", "template"}
    )
    BLOCK = frozenset(
        {
            "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
        }
    )  # fmt: skip
    CELL = frozenset({"td", "th"})
    #: the site around a story, never its text
    BOILER = frozenset({"nav", "aside", "footer", "form"})
    BOILER_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search"})
    #: elements that mark the story itself
    MAIN = frozenset({"article", "main"})

    def __init__(self, *, fragment: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.fragment = fragment
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.meta_dates: dict[str, str] = {}
        self.time_date: str | None = None
        self.url: str | None = None
        self.og_title: str | None = None
        self.pre = 0
        self.boiler: list[list] = []  # [tag, open count] of the boilerplate element we are in
        self.main_depth = 0
        self.main_parts: list[str] = []
        self.main_time: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if "head" in self.skip and (tag == "body" or tag not in self.HEAD_ONLY):
            del self.skip[self.skip.index("head") :]  # <head> closed implicitly
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            content = a.get("content", "").strip()
            if prop in _DATE_META and content:
                self.meta_dates.setdefault(prop, content)
            elif prop == "og:url" and content and self.url is None:
                self.url = content
            elif prop == "og:title" and content and self.og_title is None:
                self.og_title = content
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            if a.get("href"):
                self.url = a["href"].strip()
        elif tag == "time" and a.get("datetime") and not self.boiler:
            if self.time_date is None:
                self.time_date = a["datetime"].strip()
            if self.main_time is None and self.main_depth:
                self.main_time = a["datetime"].strip()  # the story's own, before the site's
        if self.boiler:
            if tag == self.boiler[-1][0]:
                self.boiler[-1][1] += 1
            return
        if (tag in self.BOILER or a.get("role", "").lower() in self.BOILER_ROLES) and \
                "head" not in self.skip:
            self.boiler.append([tag, 1])
            return
        if tag in self.MAIN:
            self.main_depth += 1
        if tag == "title" and self.title is None and "svg" not in self.skip and not self.fragment:
            self.title_parts = []
        elif tag in self.SKIP:
            self.skip.append(tag)
        elif tag in self.BLOCK:
            self._add("\n")
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "title":
            self.title_parts = None
        elif tag in self.SKIP and self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self.main_depth:
            self.main_parts.append(text)

    def handle_endtag(self, tag: str) -> None:
        if self.boiler:
            if tag == self.boiler[-1][0]:
                self.boiler[-1][1] -= 1
                if not self.boiler[-1][1]:
                    self.boiler.pop()
            return
        if tag in self.MAIN and self.main_depth:
            if tag in self.BLOCK:
                self._add("\n")
            self.main_depth -= 1
            return
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        elif tag in self.SKIP:
            if tag in self.skip:
                idx = len(self.skip) - 1 - self.skip[::-1].index(tag)
                del self.skip[idx:]
        elif tag in self.BLOCK:
            self._add("\n")
            if tag == "pre" and self.pre:
                self.pre -= 1
        elif tag in self.CELL:
            self._add(" ")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        elif not self.skip and not self.boiler:
            self._add(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        story = "".join(self.main_parts)
        body = story if story.strip() else "".join(self.parts)
        lines = [line.strip() for line in body.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_html(content: str) -> tuple[str, str | None, list[str], str | None]:
    """Return ``(text, title, date strings, url)`` of an HTML document.

    The date strings are candidates in order of trust (meta tags, then ``<time datetime>``);
    the reader takes the first that parses.
    """
    parser = _HTMLText()
    parser.feed(content)
    parser.close()
    if parser.title_parts is not None:  # unterminated <title>
        parser.title = " ".join("".join(parser.title_parts).split()) or None
    dates = [parser.meta_dates[k] for k in _DATE_META if k in parser.meta_dates]
    if parser.main_time or parser.time_date:
        dates.append(parser.main_time or parser.time_date)
    return parser.text(), parser.title or parser.og_title, dates, parser.url


def html_to_text(content: str) -> str:
    """The visible text of an HTML fragment (block elements become line breaks)."""
    if "<" not in content and "&" not in content:
        return content.strip()
    parser = _HTMLText(fragment=True)
    parser.feed(content)
    parser.close()
    return parser.text()
