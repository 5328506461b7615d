"""The same record in several files of one batch, kept once.

Overlapping downloads are normal (an ACLED export of a month and another of its last week; a
UCDP release and its candidate update). Readers reject an id repeated inside one file; across
files, :class:`SeenRecords` keeps the first copy of a record whose dataset gives ids that are
stable across its exports (ACLED ``event_id_cnty``, UCDP ``id``, GDELT ``GLOBALEVENTID``) and
moves every later copy to that file's rejects with the reason ``duplicate of FILE:ROW``, so
nothing is lost and nothing is counted twice. Generic tables (ids of the user's own making) and
GDELT GKG locations are left as they are.

    seen = SeenRecords()
    for path in paths:
        result = read_events(path)
        seen.drop(result)           # result.events / .rejects / .duplicates updated
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .readers._result import ReadResult

__all__ = ["STABLE_ID_FORMATS", "SeenRecords"]

#: Formats whose event ids name one record across files of the same dataset.
STABLE_ID_FORMATS: frozenset[str] = frozenset({"acled", "ucdp", "gdelt"})


class SeenRecords:
    """The records kept so far in a batch, by (dataset, event id): where each was first read."""

    def __init__(self) -> None:
        self._files: list[str] = []
        #: dataset -> event id -> (index of the file in ``_files``, data row)
        self._seen: dict[str, dict[str, tuple[int, int]]] = {}

    def __len__(self) -> int:
        return sum(len(ids) for ids in self._seen.values())

    def drop(self, result: ReadResult) -> int:
        """Move the records of ``result`` already read from an earlier file to its rejects
        (reason ``duplicate of FILE:ROW``), remember the rest, and return how many moved
        (also added to ``result.duplicates``). ``kept + rejected == rows`` still holds."""
        events = result.events
        if result.format not in STABLE_ID_FORMATS or not len(events):
            return 0
        file_no = len(self._files)
        self._files.append(str(result.path))
        ids = events["event_id"].astype("string")
        keys = ids.to_numpy(dtype=object, na_value=None)
        datasets = events["dataset"].astype("string").fillna("").to_numpy(dtype=object)
        rows = events["source_row"].to_numpy(dtype="int64", na_value=0)
        first: list[tuple[int, int] | None] = [None] * len(events)
        for dataset in dict.fromkeys(datasets):
            seen = self._seen.setdefault(str(dataset), {})
            for j in np.flatnonzero((datasets == dataset) & (keys != None)):  # noqa: E711
                key = keys[j]
                earlier = seen.get(key)
                if earlier is None:
                    seen[key] = (file_no, int(rows[j]))
                else:
                    first[j] = earlier
        dup = np.fromiter((f is not None for f in first), dtype=bool, count=len(first))
        n = int(dup.sum())
        if not n:
            return 0
        moved = pd.DataFrame({
            "reason": [f"duplicate of {self._files[first[j][0]]}:{first[j][1]} "
                       f"(event id {keys[j]})" for j in np.flatnonzero(dup)],
            "source_file": str(result.path),
            "source_row": rows[dup],
        })
        columns = list(result.rejects.columns) or list(moved.columns)
        parts = [p for p in (result.rejects, moved.reindex(columns=columns)) if len(p)]
        result.rejects = pd.concat(parts, ignore_index=True).sort_values(
            "source_row", kind="stable", ignore_index=True)
        result.events = events[~dup].reset_index(drop=True)
        result.duplicates += n
        return n
