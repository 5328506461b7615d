"""One input classifier for every command that takes inputs.

:func:`classify` turns the paths a user gives (files and folders, any mix) into
:class:`InputFile` records, each with its ``kind`` decided from the file's content, not only its
name:

``article``
    article text: ``.txt`` (or ``.text`` or no extension), HTML (a saved ``t.me/s/`` channel
    page: one article per post), JSON Lines with ``"id"`` and ``"text"``, a Telegram Desktop
    export ``result.json`` (format ``telegram``, one article per message); read by
    :class:`geomap.sources.ArticleReader`. Parquet files are
    article corpora (format ``parquet``) that only partitioned runs (``geomap run``,
    ``--engine``) read.
``feed``
    a saved RSS 2.0, RSS 1.0 (RDF) or Atom feed, one article per item; read by the same reader.
``events``
    an event table: CSV / TSV / semicolon- or pipe-delimited text, XLSX or GeoJSON, with the
    ``dataset`` :func:`geomap.events.detect_format` names (acled, ucdp, gdelt, gkg or generic);
    read by :func:`geomap.events.read_events`.

Everything else (binary files, archives, PDFs, other XML or JSON, GDELT mentions tables, empty
files, unreadable paths) becomes an :class:`InputReject` with its path and reason: nothing is
skipped silently. Folders are walked recursively in sorted order; hidden files and folders
(names starting with ``.``) are the only things left out.

Examples
--------
>>> from geomap.inputs import classify
>>> found = classify(["articles/", "feeds/war.xml", "ged.csv"])  # doctest: +SKIP
>>> [(f.id, f.kind, f.dataset) for f in found.files]  # doctest: +SKIP
[('a.txt', 'article', None), ('war.xml', 'feed', None), ('ged.csv', 'events', 'ucdp')]
>>> found.texts, found.events, found.rejects  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .._encoding import binary_reason, decode_text
from ..exceptions import InputError
from .sniff import json_kind, markup_kind, table_dataset, zip_kind

__all__ = ["KINDS", "InputFile", "InputReject", "Inputs", "classify", "classify_file"]

#: The kinds of input :func:`classify` recognises.
KINDS: tuple[str, ...] = ("article", "feed", "events")

_HEAD = 65536
_TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".psv"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True)
class InputFile:
    """One readable input file.

    Attributes
    ----------
    path
        The file.
    kind
        ``"article"``, ``"feed"`` or ``"events"``.
    format
        How it is written: ``txt``, ``html``, ``jsonl``, ``telegram`` (articles); ``rss``,
        ``atom``, ``rdf`` (feeds); ``csv`` (any delimiter), ``xlsx``, ``geojson`` (events).
    dataset
        For events: ``acled``, ``ucdp``, ``gdelt``, ``gkg`` or ``generic`` (the format
        :func:`geomap.events.read_events` detects); None for articles and feeds.
    id
        The name articles from it are known by: the file name for a file given directly, the
        POSIX path relative to the folder for a file found in a folder.
    """

    path: Path
    kind: str
    format: str
    dataset: str | None = None
    id: str = ""

    def to_json(self) -> dict[str, str | None]:
        return {"path": str(self.path), "kind": self.kind, "format": self.format,
                "dataset": self.dataset, "id": self.id}


@dataclass(frozen=True, slots=True)
class InputReject:
    """A path that is not an input geomap reads, and why."""

    path: str
    reason: str

    def to_json(self) -> dict[str, str | None]:
        return {"source": self.path, "line": None, "reason": self.reason}


@dataclass
class Inputs:
    """What :func:`classify` found, in input order."""

    files: list[InputFile] = field(default_factory=list)
    rejects: list[InputReject] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[InputFile]:
        """The files of these kinds, in input order."""
        return [f for f in self.files if f.kind in kinds]

    @property
    def texts(self) -> list[InputFile]:
        """Articles and feeds: what :class:`geomap.sources.ArticleReader` reads."""
        return self.of_kind("article", "feed")

    @property
    def events(self) -> list[InputFile]:
        """Event tables: what :func:`geomap.events.read_events` reads."""
        return self.of_kind("events")

    def counts(self) -> dict[str, int]:
        """Files per kind, and rejected paths."""
        out = {kind: len(self.of_kind(kind)) for kind in KINDS}
        out["rejected"] = len(self.rejects)
        return out


def classify(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Inputs:
    """Classify files and folders by content.

    Parameters
    ----------
    paths
        Files and folders (a single path is accepted too).

    Returns
    -------
    Inputs
        ``files`` (:class:`InputFile`, in input order, folders expanded in sorted order) and
        ``rejects`` (:class:`InputReject`: missing paths, empty folders, files of no known kind).
        Never raises for a bad input: the caller decides what an empty result means.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found = Inputs()
    for arg in paths:
        for item in _expand(Path(arg)):
            (found.files if isinstance(item, InputFile) else found.rejects).append(item)
    return found


def _expand(path: Path) -> Iterator[InputFile | InputReject]:
    if not path.exists():
        yield InputReject(str(path), "no such file or folder")
        return
    if not path.is_dir():
        yield classify_file(path, id=path.name)
        return
    files = []
    for sub in path.rglob("*"):
        rel = sub.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or sub.is_dir():
            continue
        files.append((rel.as_posix(), sub))
    if not files:
        yield InputReject(str(path), "empty folder")
    for rel, sub in sorted(files):
        yield classify_file(sub, id=rel)


def classify_file(path: str | os.PathLike[str], *, id: str | None = None
                  ) -> InputFile | InputReject:
    """Classify one file by its content (and, where content leaves it open, its extension).

    Returns an :class:`InputFile`, or an :class:`InputReject` saying why it is not an input.
    """
    path = Path(path)
    name = id if id is not None else path.name

    def reject(reason: str) -> InputReject:
        return InputReject(str(path), reason)

    if not path.is_file():
        return reject("not a regular file")
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
    except OSError as exc:
        return reject(f"cannot read: {exc.strerror or exc}")
    if not head.strip():
        return reject("empty file")
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        fmt, reason = zip_kind(path)
        return InputFile(path, "events", fmt, "generic", name) if fmt else reject(reason)
    if head.startswith(b"PAR1"):  # a corpus of articles for partitioned runs (geomap run)
        return InputFile(path, "article", "parquet", None, name)
    if (why := binary_reason(head)) is not None:
        return reject(why)
    try:
        text = _head_text(head, path, complete=len(head) < _HEAD).lstrip("\ufeff \t\r\n")
    except InputError as exc:
        return reject(str(exc).removeprefix(f"{path}: "))
    if text.startswith("<"):
        fmt, reason = markup_kind(text)
        if fmt is None:
            return reject(reason)
        return InputFile(path, "article" if fmt == "html" else "feed", fmt, None, name)
    if text.startswith(("{", "[")):
        fmt, reason = json_kind(text, suffix)
        if fmt is None:
            return reject(reason)
        if fmt == "geojson":
            return InputFile(path, "events", "geojson", "generic", name)
        return InputFile(path, "article", fmt, None, name)  # jsonl, or a Telegram export
    named_table = suffix in _TABLE_SUFFIXES
    dataset, _delim, reason = table_dataset(text, named_table=named_table)
    if dataset is not None:
        return InputFile(path, "events", "csv", dataset, name)
    if reason:
        return reject(reason)
    if named_table:
        return reject(f"a {suffix} file without delimited columns: not an event table")
    if suffix in _HTML_SUFFIXES:
        return InputFile(path, "article", "html", None, name)
    if suffix in _TEXT_SUFFIXES:
        return InputFile(path, "article", "txt", None, name)
    if suffix in (".json", ".geojson", ".xml", ".rss", ".atom", ".xlsx"):
        return reject(f"a {suffix} file whose content is plain text, not {suffix[1:].upper()}")
    return reject(f"text with the extension {suffix!r}, which geomap does not read as an article "
                  "(rename it .txt to read it as one)")


def _head_text(head: bytes, path: Path, *, complete: bool) -> str:
    """Decode the head of a file; a UTF-8 character cut at its end is dropped."""
    if not complete and b"\x00" not in head:
        body = head.removeprefix(b"\xef\xbb\xbf")
        for cut in range(4):
            try:
                return body[: len(body) - cut].decode("utf-8")
            except UnicodeDecodeError:
                continue
    try:
        return decode_text(head, str(path)).text
    except InputError:
        # UTF-8 with a few broken bytes (a JSON Lines dump with one damaged line) is still text
        # to sniff: its reader rejects what cannot be read, line by line
        text = head.decode("utf-8", errors="replace")
        if b"\x00" in head or text.count("\ufffd") > max(4, len(text) // 100):
            raise
        return text
