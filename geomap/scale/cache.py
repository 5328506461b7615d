"""A content-hash cache of processed documents, so re-runs only process what is new.

A document's key is the sha256 of its text and of the run's *identity*: the geomap version, a
fingerprint of the code that turns text into results (geoparse, gazetteer, events), the gazetteer
index (its file name carries the hash of its inputs; the user-places database by size and
modification time), the de-facto setting, the roles and the task. A new version, a changed
gazetteer or a changed option gives new keys, so stale results are never reused.

The value is the pickled result list (``Mention`` or ``TextEvent`` objects), compressed. The
store is one SQLite file (WAL mode, so worker processes on one machine read and write it at the
same time); by default ``scale-cache.sqlite`` in the cache folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import __version__

__all__ = ["CACHE_NAME", "DocumentCache", "code_fingerprint", "document_key", "run_identity"]

CACHE_NAME = "scale-cache.sqlite"
_CODE = ("geoparse", "gazetteer", "events/extract", "places.py", "sources", "_text.py",
         "_sentences.py", "mentions.py")


def code_fingerprint() -> str:
    """sha256 of the source files that decide a document's results."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for name in _CODE:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def run_identity(gazetteer, *, task: str, roles: Iterable[str] | None = None,
                 language: str | None = None, focus_country: str | None = None) -> str:
    """The part of every document key that is not the text (see the module docstring)."""
    user = Path(gazetteer.user_path)
    user_id = f"{user.stat().st_size}:{user.stat().st_mtime_ns}" if user.exists() else "-"
    parts = [f"geomap={__version__}", f"code={code_fingerprint()}",
             f"index={Path(gazetteer.index_path).name}", f"user={user_id}",
             f"de_facto={bool(gazetteer.de_facto)}",
             f"roles={','.join(sorted(roles)) if roles else '*'}", f"task={task}"]
    if language:  # a forced language reads differently: its own cache entries
        parts.append(f"lang={language}")
    if focus_country:  # so does a focus country
        parts.append(f"focus={focus_country}")
    return ";".join(parts)


def document_key(identity: str, text: str) -> str:
    h = hashlib.sha256(identity.encode())
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class DocumentCache:
    """Processed documents by key, in one SQLite file (safe for several processes)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, timeout=120)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, "
                           "value BLOB NOT NULL, stored REAL NOT NULL)")
        self._conn.commit()

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        """The cached results of those ``keys`` that are stored."""
        out: dict[str, Any] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT key, value FROM docs WHERE key IN ({marks})",
                                      chunk).fetchall()
            for key, value in rows:
                try:
                    out[key] = pickle.loads(zlib.decompress(value))
                except Exception:  # a damaged entry is a miss, not an error
                    continue
        return out

    def put_many(self, items: dict[str, Any]) -> None:
        if not items:
            return
        now = time.time()
        rows = [(k, zlib.compress(pickle.dumps(v, protocol=5), 1), now)
                for k, v in items.items()]
        with self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", rows)

    def __len__(self) -> int:
        return self._conn.execute("SELECT count(*) FROM docs").fetchone()[0]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> DocumentCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
