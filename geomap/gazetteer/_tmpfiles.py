"""Temporary files of index builds in the cache folder, and the removal of stale ones.

A build writes ``.gazetteer-<host>-<pid>-<random>.tmp`` and renames it into place when done, so
an index is never half-written. A build that is killed (SIGTERM, SIGKILL, power loss) leaves its
temporary file behind (20-30 MB each). The next build removes the temporary files of builds that
are surely dead, and never those of a build still running, here or elsewhere (a cache folder may
be shared by several processes, or by machines over a network share):

- a file named by this host whose process no longer exists;
- any file not written for :data:`STALE_AFTER` seconds (a running build writes all the time),
  which also covers files from other hosts and the older ``.gazetteer-<random>.tmp`` names.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import tempfile
import time
from pathlib import Path

__all__ = ["STALE_AFTER", "new_temp_index", "remove_stale"]

log = logging.getLogger(__name__)

#: Seconds without a write after which any build's temporary file is stale.
STALE_AFTER = 6 * 3600

_PREFIX = ".gazetteer-"
_NAMED = re.compile(r"\.gazetteer-(?P<host>[A-Za-z0-9_.]+)-(?P<pid>\d+)-[^.]*\.tmp")


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_.]", "_", socket.gethostname())[:40] or "host"


def new_temp_index(cache_dir: Path) -> str:
    """A new empty temporary file for a build, named by this host and process."""
    fd, tmp = tempfile.mkstemp(prefix=f"{_PREFIX}{_host()}-{os.getpid()}-", suffix=".tmp",
                               dir=cache_dir)
    os.close(fd)
    return tmp


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by another user (or cannot tell: keep it)
    return True


def remove_stale(cache_dir: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files of dead builds in ``cache_dir``; return what was removed."""
    now = time.time() if now is None else now
    host = _host()
    removed = []
    for path in Path(cache_dir).glob(f"{_PREFIX}*.tmp"):
        try:
            idle = now - path.stat().st_mtime
        except FileNotFoundError:
            continue  # its build just finished or removed it
        named = _NAMED.fullmatch(path.name)
        dead = (named is not None and named["host"] == host and int(named["pid"]) != os.getpid()
                and not _alive(int(named["pid"])))
        if dead or idle > STALE_AFTER:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    if removed:
        log.info("removed %d temporary file(s) of interrupted index builds in %s",
                 len(removed), cache_dir)
    return removed
