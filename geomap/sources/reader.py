"""Read articles from files, folders and feeds, keeping rejects, counts and what was decided."""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._encoding import Decoded, decode_text
from ..exceptions import InputError
from ..inputs import InputFile, Inputs, classify
from .dates import parse_date
from .feeds import FeedDeduper, parse_feed
from .html import parse_html
from .jsonl import iter_jsonl, jsonl_fields
from .records import Article, Reject
from .telegram import export_posts, is_channel_page, page_posts
from .text import split_txt

__all__ = ["ArticleReader", "read_articles"]

logger = logging.getLogger("geomap.sources")

PathLike = str | os.PathLike[str]


class ArticleReader:
    """Read articles from files, folders and saved feeds, keeping rejects and counts.

    One bad file never stops a batch: a binary, unreadable or unrecognised file, an event table
    given as articles, an invalid JSON Lines item or a feed item without text becomes a
    :class:`Reject`; a legacy-encoded file (Windows-1252, UTF-16...) is decoded and the decision
    kept in :attr:`decoded`; an article whose date does not parse is kept undated and counted.

    Parameters
    ----------
    date
        Publication date for articles whose input gives none (the CLI's ``--date``).

    Attributes
    ----------
    rejects : list of Reject
        Items skipped so far, in input order.
    n_read : int
        Articles yielded so far.
    n_undated : int
        Articles whose date was given but did not parse (kept, undated or with ``date``).
    n_duplicates : int
        Feed items skipped because another feed had the same item (by link, else title + date).
    decoded : dict
        ``{file: encoding}`` of the files that were not UTF-8.
    event_files : list of InputFile
        Event tables met among the inputs (each also rejected here: they are not articles).

    Examples
    --------
    >>> reader = ArticleReader()
    >>> articles = list(reader.read(["data/samples"]))  # doctest: +SKIP
    >>> reader.summary()  # doctest: +SKIP
    {'articles': 5, 'rejected': 0, 'undated': 0, 'duplicates': 0, 'decoded': {}}
    """

    def __init__(self, *, date: datetime.date | None = None) -> None:
        self.date = date
        self.rejects: list[Reject] = []
        self.n_read = 0
        self.n_undated = 0
        self.decoded: dict[str, str] = {}
        self.event_files: list[InputFile] = []
        self._seen: set[str] = set()
        self._feeds = FeedDeduper()

    @property
    def n_rejected(self) -> int:
        """Number of rejected items so far."""
        return len(self.rejects)

    @property
    def n_duplicates(self) -> int:
        """Feed items read once already from another feed."""
        return self._feeds.duplicates

    def summary(self) -> dict[str, Any]:
        """Counts for a report: articles, rejected, undated, duplicates, decoded files."""
        return {"articles": self.n_read, "rejected": self.n_rejected, "undated": self.n_undated,
                "duplicates": self.n_duplicates, "decoded": dict(self.decoded)}

    def read(self, paths: Iterable[PathLike | InputFile] | PathLike | Inputs
             ) -> Iterator[Article]:
        """Classify ``paths`` now and return an iterator over their articles.

        Parameters
        ----------
        paths
            Files and folders (a single path is accepted too), :class:`InputFile` records from
            :func:`geomap.inputs.classify` (e.g. its ``texts``), or a whole
            :class:`~geomap.inputs.Inputs` (its rejects are then reported as this reader's).

        Returns
        -------
        Iterator of Article
            Articles in input order; ids are unique across everything this reader has read.
            Never raises for a bad input: see :attr:`rejects` (a missing path, an empty folder,
            a file of no known kind are rejected at once, before the first article).
        """
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        if isinstance(paths, Inputs):  # already classified: its rejects are ours to report
            for bad in paths.rejects:
                self._reject(Reject(bad.path, None, bad.reason))
            paths = paths.files
        files: list[InputFile] = []
        for item in paths:
            if isinstance(item, InputFile):
                files.append(item)
                continue
            found = classify([item])
            files.extend(found.files)
            for bad in found.rejects:
                self._reject(Reject(bad.path, None, bad.reason))
        texts = []
        for f in files:
            if f.kind == "events":
                self.event_files.append(f)
                self._reject(Reject(str(f.path), None, f"an event table ({f.dataset}), not "
                                    "articles: map it with 'geomap map' or read it with "
                                    "'geomap events read'"))
            else:
                texts.append(f)
        return self._iterate(texts)

    # -- internals ------------------------------------------------------------------------------
    def _iterate(self, files: list[InputFile]) -> Iterator[Article]:
        for f in files:
            try:
                if f.format == "jsonl":
                    yield from self._read_jsonl(f.path)
                elif f.format == "parquet":
                    self._reject(Reject(str(f.path), None, "a Parquet corpus: read it with "
                                        "'geomap run' or the --engine option"))
                elif f.kind == "feed":
                    yield from self._read_feed(f)
                elif f.format == "telegram":
                    yield from self._read_posts(f, self._decode(f.path))
                else:
                    yield from self._read_document(f)
            except InputError as exc:
                self._reject(Reject(str(f.path), None, str(exc).removeprefix(f"{f.path}: ")))

    def _decode(self, path: Path) -> str:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from exc
        decoded = decode_text(data, str(path))
        if decoded.legacy:
            self._decoded(str(path), decoded)
        return decoded.text

    def _decoded(self, source: str, decoded: Decoded) -> None:
        self.decoded[source] = decoded.label
        logger.info("%s", decoded.note(source))

    def _read_document(self, f: InputFile) -> Iterator[Article]:
        content = self._decode(f.path)
        url: str | None = None
        if f.format == "txt":
            text, raw = split_txt(content)
            title = text.split("\n", 1)[0].strip() or None
            found = self._date([raw] if raw else [], str(f.path))
        elif is_channel_page(content):  # a saved t.me/s/ page: one article per post
            yield from self._read_posts(f, content)
            return
        else:
            text, title, raws, url = parse_html(content)
            found = self._date(raws, str(f.path))
        if not text.strip():
            self._reject(Reject(str(f.path), None, "no article text"))
            return
        yield self._emit(f.id, text, title=title, found=found, url=url, path=f.path)

    def _read_posts(self, f: InputFile, content: str) -> Iterator[Article]:
        """Telegram posts, each an article dated by itself (Desktop export or t.me/s page)."""
        if f.format == "telegram":
            try:
                _channel, posts = export_posts(content)
            except ValueError as exc:
                raise InputError(str(exc)) from None
        else:
            posts = page_posts(content)
        for post in posts:
            where = f"{f.path}, message {post.id}"
            if post.reason is not None:
                self._reject(Reject(str(f.path), None, f"message {post.id}: {post.reason}"))
                continue
            found = self._date([post.date] if post.date else [], where)
            yield self._emit(f"{f.id}#{post.id.rsplit('/', 1)[-1]}", post.text,
                             title=post.title, found=found, url=post.url, path=f.path)

    def _date(self, raws: list[str], where: str, line: int | None = None
              ) -> datetime.date | None:
        """The first of ``raws`` that parses; if none does, count the article undated."""
        for raw in raws:
            try:
                return parse_date(raw)
            except ValueError:
                continue
        if raws:
            self.n_undated += 1
            at = where if line is None else f"{where}, line {line}"
            logger.info("%s: date %r not understood; the article is kept undated", at, raws[0])
        return None

    def _read_jsonl(self, path: Path) -> Iterator[Article]:
        invalid: list[Reject] = []  # lines that are not JSON, filled by iter_jsonl
        decoded: list = []
        for number, line, value in iter_jsonl(path, invalid, decoded):
            if decoded:
                self._decoded(str(path), decoded.pop())
            self._flush(invalid)
            fields, reason = jsonl_fields(value)
            if reason is not None:
                self._reject(Reject(str(path), number, reason, line))
                continue
            raw = fields["date"]
            found = self._date([raw] if raw else [], str(path), number)
            yield self._emit(fields["id"], fields["text"], title=fields["title"], found=found,
                             url=fields["url"], path=path)
        if decoded:
            self._decoded(str(path), decoded.pop())
        self._flush(invalid)

    def _read_feed(self, f: InputFile) -> Iterator[Article]:
        try:
            data = f.path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from exc
        items, problem = parse_feed(data)
        if not items:
            reason = f"a feed without items ({problem})" if problem else "a feed without items"
            self._reject(Reject(str(f.path), None, reason))
            return
        if problem:
            logger.info("%s: feed read despite a problem: %s", f.path, problem)
        for item in items:
            if not item.text.strip():
                reason = f"feed item {item.number} has neither title nor text"
                if problem and item.number == len(items):  # the file ends inside this item
                    reason = (f"feed item {item.number} is cut off: malformed or truncated XML "
                              f"({problem})")
                self._reject(Reject(str(f.path), None, reason, item.id or ""))
                continue
            found = self._date([item.raw_date] if item.raw_date else [],
                               f"{f.path} item {item.number}")
            if found is None and item.raw_date is None:
                found = item.parsed_date
            if self._feeds.seen(item, found or item.parsed_date):
                logger.debug("%s item %d: already read from another feed", f.path, item.number)
                continue
            yield self._emit(item.id or f"{f.id}#{item.number}", item.text, title=item.title,
                             found=found, url=item.url, path=f.path)

    def _flush(self, pending: list[Reject]) -> None:
        for reject in pending:
            self._reject(reject)
        pending.clear()

    def _reject(self, reject: Reject) -> None:
        self.rejects.append(reject)
        where = reject.source if reject.line is None else f"{reject.source}, line {reject.line}"
        logger.warning("%s skipped: %s", where, reject.reason)

    def _emit(self, article_id: str, text: str, *, title: str | None,
              found: datetime.date | None, url: str | None, path: Path) -> Article:
        unique = article_id
        if unique in self._seen:
            n = 2
            while f"{article_id}#{n}" in self._seen:
                n += 1
            unique = f"{article_id}#{n}"
            logger.warning("duplicate article id %r (from %s) renamed to %r",
                           article_id, path, unique)
        self._seen.add(unique)
        self.n_read += 1
        return Article(id=unique, text=text, title=title,
                       date=found if found is not None else self.date, url=url, path=str(path))


def read_articles(paths: Iterable[PathLike | InputFile] | PathLike, *,
                  date: datetime.date | None = None) -> Iterator[Article]:
    """Read articles from files, folders and feeds (see :class:`ArticleReader`).

    A thin wrapper for callers that need neither the rejected items nor the counts (those are
    still logged as warnings).
    """
    return ArticleReader(date=date).read(paths)
