"""Temporary files of interrupted gazetteer builds are removed, never those of a live build."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from geomap.gazetteer._tmpfiles import STALE_AFTER, _host, new_temp_index, remove_stale


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_dead_builds_file_goes_and_live_or_foreign_ones_stay(tmp_path):
    host = _host()
    dead = tmp_path / f".gazetteer-{host}-{_dead_pid()}-abc123.tmp"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".gazetteer-{host}-{sleeper.pid}-def456.tmp"
        mine = tmp_path / new_temp_index(tmp_path)  # this process's own build
        other_host = tmp_path / ".gazetteer-otherbox-12345-ghi789.tmp"
        old_style = tmp_path / ".gazetteer-8trm8zd6.tmp"  # no host or pid in the name
        index = tmp_path / "gazetteer-0123456789abcdef.sqlite"
        for p in (dead, live, other_host, old_style, index):
            p.write_bytes(b"x" * 10)
        removed = remove_stale(tmp_path)
        assert removed == [dead]
        assert all(p.exists() for p in (live, mine, other_host, old_style, index))
        # a file nobody wrote for longer than STALE_AFTER is a dead build's, whoever named it
        later = time.time() + STALE_AFTER + 60
        os.utime(index, (later, later))
        gone = remove_stale(tmp_path, now=later)
        assert set(gone) == {live, mine, other_host, old_style}
        assert index.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_the_temp_name_carries_host_and_pid(tmp_path):
    name = os.path.basename(new_temp_index(tmp_path))
    assert name.startswith(f".gazetteer-{_host()}-{os.getpid()}-") and name.endswith(".tmp")
