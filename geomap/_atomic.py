"""Atomic file writes: a reader never sees a half-written output file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .exceptions import OutputError

__all__ = ["atomic_csv", "atomic_write", "atomic_write_text", "excel_safe"]


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", **kwargs) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On any exception the temporary file is removed and ``path`` is left untouched.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create folder {target.parent}: {exc}") from exc
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_csv(frame, path: str | os.PathLike[str], **kwargs) -> None:
    """Write a DataFrame as CSV atomically, as every CSV geomap writes is: UTF-8 with a byte
    order mark and CRLF line ends (RFC 4180). The BOM is what makes Excel on Windows, the
    analysts' usual CSV viewer, read UTF-8: without it Cyrillic titles and places show as
    mojibake ("Ð£Ð´Ð°Ñ€"); pandas, QGIS, R and geomap's own readers skip it. CRLF also quotes a
    bare CR inside a field, so a note with one reads back as one row."""
    with atomic_write(path, "w", encoding="utf-8-sig") as fh:
        excel_safe(frame).to_csv(fh, index=False, lineterminator="\r\n", **kwargs)


#: A spreadsheet reads a cell starting with one of these as a formula (CSV injection, OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defused(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        try:
            float(value)  # "-12.5" is a number, not a formula
        except ValueError:
            return "'" + value
    return value


def excel_safe(frame):
    """``frame`` with every text cell that a spreadsheet would run as a formula ("=HYPERLINK(..)",
    "+cmd|..", "@SUM(..)") prefixed with an apostrophe, as OWASP advises for CSV files: notes,
    titles and actor names come from untrusted articles and event tables, and geomap's CSVs are
    made to be opened in Excel. Numbers and other cells are unchanged; the input is not."""
    from pandas.api.types import is_string_dtype

    text = [c for c in frame.columns if frame[c].dtype == object or is_string_dtype(frame[c])]
    hit = [c for c in text if any(_defused(v) is not v for v in frame[c].tolist())]
    if not hit:
        return frame
    frame = frame.copy()
    for c in hit:
        frame[c] = [_defused(v) for v in frame[c].tolist()]
    return frame


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_write(path, "w") as fh:
        fh.write(text)
