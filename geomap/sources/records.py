"""The records the article readers give: :class:`Article` and :class:`Reject`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["Article", "Reject"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.

    Parameters
    ----------
    id
        Unique id within one read: the file name for a file given directly, the POSIX path relative
        to the folder for a file found in a folder, the ``"id"`` field for a JSON Lines item, the
        guid (else the link) for a feed item; duplicates get a ``#2``, ``#3``... suffix.
    text
        The full text that all character offsets refer to. For ``.txt`` files it is the file's
        content after the optional date line, with leading whitespace removed and line endings
        normalised to ``\\n``, so it begins with the title line. For HTML it is the extracted
        visible text of the document (the ``<title>`` is not part of it). For JSON Lines it is the
        ``"text"`` value exactly as given. For a feed item it is the title, a blank line and the
        summary or content with HTML stripped.
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
        1-based line number in a JSON Lines file, ``None`` for a whole file or a feed item.
    reason
        Why it was skipped.
    raw
        The raw line (or an empty string for a whole file).
    """

    source: str
    line: int | None
    reason: str
    raw: str = ""

    def to_json(self) -> dict[str, str | int | None]:
        """The line of ``articles.rejects.jsonl``: source, line, reason, raw."""
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw}
