"""Atomic file writes: a reader never sees a half-written output file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .exceptions import OutputError

__all__ = ["atomic_csv", "atomic_write", "atomic_write_text"]


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
        frame.to_csv(fh, index=False, lineterminator="\r\n", **kwargs)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_write(path, "w") as fh:
        fh.write(text)
