"""Article files by extension, for the partitioned corpus reader (:mod:`geomap.scale.corpus`).

Commands that read articles classify their inputs by content with :func:`geomap.inputs.classify`
instead; this listing is the cheap one a corpus of thousands of known files needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..exceptions import InputError

__all__ = ["EXTENSIONS", "list_article_files"]

#: File name extensions (lower case) of article files.
EXTENSIONS: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl")


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
