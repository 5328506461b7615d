"""Reading news articles: plain text, HTML, JSON Lines and folders of them.

The first stage of the pipeline. It turns files into :class:`Article` records whose
:attr:`Article.text` is the exact string every later offset (mention spans, event spans) refers to.

Supported inputs
----------------
``.txt``
    The first non-blank line is the title, optionally preceded by ``date YYYY-MM-DD`` (as in
    ``date 2024-10-29 N Korean FM in Russia ...``). The date line may also stand alone on the first
    line with the title on the next one.
``.html`` / ``.htm``
    Visible text extracted with :mod:`html.parser`; ``<title>`` gives the title,
    ``<meta property="article:published_time">`` or the first ``<time datetime>`` the date and
    ``<link rel="canonical">`` or ``<meta property="og:url">`` the URL.
``.jsonl``
    One JSON object a line with ``"id"`` and ``"text"`` and optional ``"date"`` (``YYYY-MM-DD`` or
    an ISO datetime), ``"title"`` and ``"url"``; other keys are ignored. Blank lines are skipped;
    bad lines are collected as :class:`Reject` records instead of stopping the run.
folders
    All ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files below the folder, recursively, in sorted
    order of their relative POSIX paths. Hidden files and folders (names starting with ``.``) are
    skipped.

Files must be UTF-8 (a byte order mark is tolerated). Use :class:`ArticleReader` to get the rejected
lines and the counts; :func:`read_articles` is a thin wrapper for callers that need neither.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .exceptions import InputError

__all__ = [
    "EXTENSIONS",
    "Article",
    "ArticleReader",
    "Reject",
    "iter_jsonl",
    "list_article_files",
    "parse_date",
    "read_articles",
]

logger = logging.getLogger(__name__)

#: File name extensions (lower case) that :class:`ArticleReader` reads.
EXTENSIONS: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl")

_BOM = b"\xef\xbb\xbf"
_DATE_PREFIX = re.compile(r"\A\s*date[ \t]+(\d{4}-\d\d-\d\d)(?:[ \t]+|(?=\n)|\Z)")
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.

    Parameters
    ----------
    id
        Unique id within one read: the file name for a file given directly, the POSIX path relative
        to the folder for a file found in a folder, the ``"id"`` field for a JSON Lines item;
        duplicates get a ``#2``, ``#3``... suffix.
    text
        The full text that all character offsets refer to. For ``.txt`` files it is the file's
        content after the optional ``date YYYY-MM-DD`` prefix, with leading whitespace removed and
        line endings normalised to ``\\n``, so it begins with the title line. For HTML it is the
        extracted visible text of the document (the ``<title>`` is not part of it). For JSON Lines
        it is the ``"text"`` value exactly as given.
    title
        The headline, if known.
    date
        Publication date: from the input, else the reader's default, else ``None``.
    url
        Source URL, if known.
    path
        The file the article was read from, as a string.
    """

    id: str
    text: str
    title: str | None = None
    date: datetime.date | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Reject:
    """An input item that was skipped.

    Parameters
    ----------
    source
        The file it came from.
    line
        1-based line number in a JSON Lines file, ``None`` for a whole file.
    reason
        Why it was skipped.
    raw
        The raw line (or an empty string for a whole file).
    """

    source: str
    line: int | None
    reason: str
    raw: str


def parse_date(value: str) -> datetime.date:
    """Parse ``YYYY-MM-DD`` or an ISO 8601 datetime into a date.

    Parameters
    ----------
    value
        ``"2024-10-29"``, ``"2024-10-29T08:15:00Z"``, ``"2024-10-29 08:15:00+09:00"``...

    Returns
    -------
    datetime.date
        The calendar date as written (a time zone does not shift it).

    Raises
    ------
    ValueError
        If ``value`` does not start with a valid ``YYYY-MM-DD`` date.
    """
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match is None:
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    rest = text[match.end() :]
    if rest and rest[0] not in "T t":
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a valid date: {value!r} ({exc})") from None


def _decode(data: bytes, path: Path, *, offset: int = 0) -> str:
    """Decode UTF-8 ``data`` (without BOM) or raise :class:`InputError` naming the byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 at byte offset {offset + exc.start} ({exc.reason}); "
            "convert the file to UTF-8"
        ) from None


def _read_text(path: Path) -> str:
    """Read a whole UTF-8 file, tolerating a BOM."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    offset = 0
    if data.startswith(_BOM):
        data, offset = data[len(_BOM) :], len(_BOM)
    return _decode(data, path, offset=offset)


def iter_jsonl(
    path: str | os.PathLike[str], rejects: list[Reject] | None = None
) -> Iterator[tuple[int, str, Any]]:
    """Yield ``(line_number, line, value)`` for each non-blank line of a JSON Lines file.

    Parameters
    ----------
    path
        A UTF-8 JSON Lines file (a BOM is tolerated). Lines are split on ``\\n`` only.
    rejects
        Where to append a :class:`Reject` for a line that is not valid JSON. If ``None``, such a
        line raises :class:`InputError` instead.

    Yields
    ------
    tuple of (int, str, Any)
        The 1-based line number, the line (without its line ending) and the decoded JSON value.

    Raises
    ------
    InputError
        If the file cannot be read or is not UTF-8 (the message names the byte offset), or on
        invalid JSON when ``rejects`` is ``None``.
    """
    source = Path(path)
    try:
        fh = source.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from exc
    with fh:
        offset = 0
        for number, raw_bytes in enumerate(fh, start=1):
            data, start = raw_bytes, offset
            offset += len(raw_bytes)
            if number == 1 and data.startswith(_BOM):
                data, start = data[len(_BOM) :], start + len(_BOM)
            line = _decode(data, source, offset=start).rstrip("\r\n")
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"invalid JSON: {exc.msg} at column {exc.colno}"
                if rejects is None:
                    raise InputError(f"{source}, line {number}: {reason}") from None
                rejects.append(Reject(str(source), number, reason, line))
                continue
            yield number, line, value


def _split_txt(content: str, path: Path) -> tuple[str, datetime.date | None]:
    """Return the article text and the date of the optional ``date YYYY-MM-DD`` prefix."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    found: datetime.date | None = None
    match = _DATE_PREFIX.match(content)
    if match is not None:
        try:
            found = parse_date(match.group(1))
        except ValueError as exc:
            raise InputError(
                f"{path}: the first line starts with 'date' but {match.group(1)!r} is not a "
                f"YYYY-MM-DD date ({exc})"
            ) from None
        content = content[match.end() :]
    return content.lstrip(), found


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

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.url: str | None = None
        self.og_title: str | None = None
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if "head" in self.skip and (tag == "body" or tag not in self.HEAD_ONLY):
            del self.skip[self.skip.index("head") :]  # <head> closed implicitly
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or "").lower()
            content = a.get("content", "").strip()
            if prop == "article:published_time" and content and self.meta_date is None:
                self.meta_date = content
            elif prop == "og:url" and content and self.url is None:
                self.url = content
            elif prop == "og:title" and content and self.og_title is None:
                self.og_title = content
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            if a.get("href"):
                self.url = a["href"].strip()
        elif tag == "time" and a.get("datetime") and self.time_date is None:
            self.time_date = a["datetime"].strip()
        if tag == "title" and self.title is None and "svg" not in self.skip:
            self.title_parts = []
        elif tag in self.SKIP:
            self.skip.append(tag)
        elif tag in self.BLOCK:
            self.parts.append("\n")
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "title":
            self.title_parts = None
        elif tag in self.SKIP and self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        elif tag in self.SKIP:
            if tag in self.skip:
                idx = len(self.skip) - 1 - self.skip[::-1].index(tag)
                del self.skip[idx:]
        elif tag in self.BLOCK:
            self.parts.append("\n")
            if tag == "pre" and self.pre:
                self.pre -= 1
        elif tag in self.CELL:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        elif not self.skip:
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = [line.strip() for line in "".join(self.parts).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _parse_html(content: str) -> tuple[str, str | None, datetime.date | None, str | None]:
    """Return ``(text, title, date, url)`` of an HTML document."""
    parser = _HTMLText()
    parser.feed(content)
    parser.close()
    if parser.title_parts is not None:  # unterminated <title>
        parser.title = " ".join("".join(parser.title_parts).split()) or None
    found: datetime.date | None = None
    for candidate in (parser.meta_date, parser.time_date):
        if candidate:
            try:
                found = parse_date(candidate)
                break
            except ValueError:
                logger.debug("ignoring unparseable HTML date %r", candidate)
    return parser.text(), parser.title or parser.og_title, found, parser.url


class ArticleReader:
    """Read articles from files and folders, keeping rejected items and counts.

    Parameters
    ----------
    date
        Publication date for articles whose input gives none (the CLI's ``--date``).

    Attributes
    ----------
    rejects : list of Reject
        Items skipped so far (invalid JSON Lines items, empty files), in input order.
    n_read : int
        Articles yielded so far.

    Examples
    --------
    >>> reader = ArticleReader()
    >>> articles = list(reader.read(["data/samples"]))  # doctest: +SKIP
    >>> reader.n_read, reader.n_rejected  # doctest: +SKIP
    (7, 0)
    """

    def __init__(self, *, date: datetime.date | None = None) -> None:
        self.date = date
        self.rejects: list[Reject] = []
        self.n_read = 0
        self._seen: set[str] = set()

    @property
    def n_rejected(self) -> int:
        """Number of rejected items so far."""
        return len(self.rejects)

    def read(
        self, paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]
    ) -> Iterator[Article]:
        """Check ``paths`` now and return an iterator over their articles.

        Parameters
        ----------
        paths
            Files and folders (a single path is accepted too).

        Returns
        -------
        Iterator of Article
            Articles in input order; ids are unique across everything this reader has read.

        Raises
        ------
        InputError
            At once for a missing path, a file with an unsupported extension or a folder without
            any readable file; while iterating for a file that is not UTF-8, a ``.txt`` file with
            a malformed date line, or a folder that yields no article at all.
        """
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        plan = [self._plan(Path(p)) for p in paths]
        return self._iterate(plan)

    # -- internals ------------------------------------------------------------------------------
    @staticmethod
    def _plan(path: Path) -> tuple[Path, bool, list[tuple[Path, str]]]:
        """Resolve one argument to ``(path, is_folder, [(file, id), ...])``."""
        return path, path.is_dir(), list_article_files(path)

    def _iterate(self, plan: list[tuple[Path, bool, list[tuple[Path, str]]]]) -> Iterator[Article]:
        for root, is_folder, files in plan:
            before = self.n_read
            for file, file_id in files:
                yield from self._read_file(file, file_id)
            if is_folder and self.n_read == before:
                raise InputError(
                    f"no readable articles in folder {root} (all files were empty or rejected)"
                )

    def _read_file(self, path: Path, file_id: str) -> Iterator[Article]:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from self._read_jsonl(path)
            return
        content = _read_text(path)
        url: str | None = None
        if suffix == ".txt":
            text, found = _split_txt(content, path)
            first = text.split("\n", 1)[0].strip()
            title = first or None
        else:
            text, title, found, url = _parse_html(content)
        if not text.strip():
            self._reject(Reject(str(path), None, "no article text", ""))
            return
        yield self._emit(file_id, text, title=title, found=found, url=url, path=path)

    def _read_jsonl(self, path: Path) -> Iterator[Article]:
        invalid: list[Reject] = []  # lines that are not JSON, filled by iter_jsonl
        for number, line, value in iter_jsonl(path, invalid):
            self._flush(invalid)
            fields, reason = _jsonl_fields(value)
            if reason is not None:
                self._reject(Reject(str(path), number, reason, line))
                continue
            yield self._emit(path=path, **fields)
        self._flush(invalid)

    def _flush(self, pending: list[Reject]) -> None:
        for reject in pending:
            self._reject(reject)
        pending.clear()

    def _reject(self, reject: Reject) -> None:
        self.rejects.append(reject)
        where = reject.source if reject.line is None else f"{reject.source}, line {reject.line}"
        logger.warning("%s skipped: %s", where, reject.reason)

    def _emit(
        self,
        article_id: str,
        text: str,
        *,
        title: str | None,
        found: datetime.date | None,
        url: str | None,
        path: Path,
    ) -> Article:
        unique = article_id
        if unique in self._seen:
            n = 2
            while f"{article_id}#{n}" in self._seen:
                n += 1
            unique = f"{article_id}#{n}"
            logger.warning(
                "duplicate article id %r (from %s) renamed to %r", article_id, path, unique
            )
        self._seen.add(unique)
        self.n_read += 1
        return Article(
            id=unique,
            text=text,
            title=title,
            date=found if found is not None else self.date,
            url=url,
            path=str(path),
        )


def _jsonl_fields(value: Any) -> tuple[dict[str, Any], str | None]:
    """Validate one JSON Lines item; return keyword arguments for ``_emit`` or a reason."""
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
    found: datetime.date | None = None
    raw_date = value.get("date")
    if raw_date is not None:
        if not isinstance(raw_date, str):
            return {}, f"'date' must be a string, got {type(raw_date).__name__}"
        try:
            found = parse_date(raw_date)
        except ValueError as exc:
            return {}, f"bad 'date': {exc}"
    extra: dict[str, str | None] = {}
    for key in ("title", "url"):
        item = value.get(key)
        if item is not None and not isinstance(item, str):
            return {}, f"{key!r} must be a string, got {type(item).__name__}"
        extra[key] = item.strip() or None if isinstance(item, str) else None
    return {
        "article_id": article_id,
        "text": text,
        "title": extra["title"],
        "found": found,
        "url": extra["url"],
    }, None


def list_article_files(path: Path, extensions: Sequence[str] = EXTENSIONS
                       ) -> list[tuple[Path, str]]:
    """``[(file, id)]`` for one input: a file (its id is its name) or a folder (every file with
    one of ``extensions`` below it, hidden ones skipped, sorted; ids are relative POSIX paths).

    Raises :class:`InputError` for a missing path, an empty folder or an unsupported file type.
    """
    if not path.exists():
        raise InputError(f"no such file or folder: {path}")
    if path.is_dir():
        files: list[tuple[str, Path]] = []
        for sub in path.rglob("*"):
            rel = sub.relative_to(path)
            if any(part.startswith(".") for part in rel.parts):
                continue
            if sub.suffix.lower() in extensions and sub.is_file():
                files.append((rel.as_posix(), sub))
        if not files:
            raise InputError(f"no readable articles in folder {path} "
                             f"(looked for {', '.join(extensions)} files)")
        return [(sub, rel) for rel, sub in sorted(files)]
    if not path.is_file():
        raise InputError(f"not a regular file or folder: {path}")
    if path.suffix.lower() not in extensions:
        raise InputError(f"unsupported file type {path.suffix or '(no extension)'!r}: {path} "
                         f"(expected {', '.join(extensions)})")
    return [(path, path.name)]


def read_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    date: datetime.date | None = None,
) -> Iterator[Article]:
    """Read articles from files and folders.

    A thin wrapper around :class:`ArticleReader` for callers that need neither the rejected items
    nor the counts (those are still logged as warnings).

    Parameters
    ----------
    paths
        ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files and folders holding them.
    date
        Publication date for articles whose input gives none.

    Returns
    -------
    Iterator of Article
        The articles, in input order, with unique ids.

    Raises
    ------
    InputError
        See :meth:`ArticleReader.read`.
    """
    return ArticleReader(date=date).read(paths)
