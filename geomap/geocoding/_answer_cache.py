"""The online geocoder's persistent cache: one SQLite file per service
(``<cache_dir>/geocode-<service>.sqlite``) holding each service's own answers, keyed by the
service, a hash of the options that change results and the normalised query."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

__all__ = ["AnswerCache"]

logger = logging.getLogger("geomap.geocoding.online")  # the online geocoder's messages, one logger

_SCHEMA_VERSION = 1


class AnswerCache:
    """One SQLite file, one connection, one lock. Write failures are logged, never raised."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._conn = self._open()
        except sqlite3.DatabaseError as exc:
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            logger.warning("geocode cache %s is unreadable (%s); moving it to %s",
                           path, exc, aside)
            os.replace(path, aside)
            self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
        try:
            with conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS answers ("
                    " service TEXT NOT NULL, options_hash TEXT NOT NULL, query TEXT NOT NULL,"
                    " answer TEXT NOT NULL, created REAL NOT NULL,"
                    " PRIMARY KEY (service, options_hash, query))"
                )
                conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def get(self, service: str, options_hash: str, query: str) -> dict[str, Any] | None:
        with self._lock:
            try:
                row = self._conn.execute(
                    "SELECT answer FROM answers WHERE service=? AND options_hash=? AND query=?",
                    (service, options_hash, query),
                ).fetchone()
            except sqlite3.Error as exc:
                logger.warning("geocode cache %s read failed: %s", self.path, exc)
                return None
        if row is None:
            return None
        try:
            answer = json.loads(row[0])
        except ValueError:
            return None
        return answer if isinstance(answer, dict) else None

    def put(self, service: str, options_hash: str, query: str, answer: dict[str, Any]) -> None:
        text = json.dumps(answer, ensure_ascii=False, default=str)
        with self._lock:
            try:
                with self._conn:
                    self._conn.execute(
                        "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                        (service, options_hash, query, text, time.time()),
                    )
            except sqlite3.Error as exc:
                logger.warning("geocode cache %s write failed: %s", self.path, exc)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
