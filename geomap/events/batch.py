"""Several event files read as one batch: one table, every reject with its reason.

:func:`read_batch` reads each file with :func:`geomap.events.read_events`, keeps going past a
file that cannot be read (its reason becomes a reject), keeps a record found in two files once
(:class:`geomap.events.duplicates.SeenRecords`) and returns the records as one event table with
one rejects table (``source_file``, ``source_row``, ``reason``, then the rows' own fields).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..exceptions import InputError
from .duplicates import SeenRecords
from .readers._result import ReadResult

__all__ = ["EventBatch", "read_batch"]

log = logging.getLogger(__name__)
_LEAD = ["source_file", "source_row", "reason"]


@dataclass
class EventBatch:
    """The records of a batch of files and everything not kept, with reasons."""

    events: Any
    rejects: pd.DataFrame
    results: list[ReadResult] = field(default_factory=list)
    #: (path, reason) of the files that could not be read at all
    unread: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        """Rejected rows of the files read (files not read are counted in ``unread``)."""
        return sum(r.rejected for r in self.results)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.results)

    def write_rejects(self, path: str | os.PathLike[str]) -> None:
        from .._atomic import atomic_csv

        atomic_csv(self.rejects, path)


def read_batch(paths: Iterable[str | os.PathLike[str]], *,
               skipped: Iterable[tuple[str, str]] = (), **options: Any) -> EventBatch:
    """Read event files as one batch (``options`` as :func:`geomap.events.read_events`);
    ``skipped`` are (path, reason) of inputs already refused (by the input classifier)."""
    from .read import read_events
    from .schema import coerce_events, empty_events

    seen = SeenRecords()
    results: list[ReadResult] = []
    unread: list[tuple[str, str]] = []
    for path, why in skipped:
        unread.append((str(path), why))
        log.warning("%s skipped: %s", path, why)
    for path in paths:
        try:
            result = read_events(path, **options)
        except InputError as exc:  # one bad file does not stop the batch
            unread.append((str(path), str(exc).removeprefix(f"{path}: ")))
            log.warning("%s skipped: %s", path, unread[-1][1])
            continue
        for warning in result.warnings:
            log.warning("%s", warning)
        seen.drop(result)
        results.append(result)
    frames = [r.events for r in results if len(r.events)]
    events = coerce_events(pd.concat(frames, ignore_index=True)) if len(frames) > 1 else \
        frames[0] if frames else empty_events()
    parts = [pd.DataFrame([{"source_file": p, "source_row": None,
                            "reason": f"file not read: {why}"} for p, why in unread],
                          columns=_LEAD)]
    parts += [r.rejects for r in results if len(r.rejects)]
    rejects = pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True)
    rejects = rejects[_LEAD + [c for c in rejects.columns if c not in _LEAD]]
    return EventBatch(events, rejects, results, unread)
