"""What every reader returns: :class:`ReadResult`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

__all__ = ["REJECT_COLUMNS", "ReadResult"]

REJECT_COLUMNS = ("reason", "source_file", "source_row")


@dataclass
class ReadResult:
    """What a reader returns.

    ``events`` is the event table (see :mod:`geomap.events.schema`); ``rejects`` holds each
    rejected row's original fields plus ``reason``, ``source_file`` and ``source_row``;
    ``rows`` counts the data rows seen (blank lines are not rows). ``kept + rejected == rows``.
    ``encoding_report`` says which text encoding was used and why, ``date_report`` how the
    day/month order of numeric dates was decided (empty when there were none). A record
    whose date is blank or unusable is kept undated (``date`` NaT, the value not used in its
    ``notes``): ``undated`` counts them and ``undated_why`` says why.
    """

    events: gpd.GeoDataFrame
    rejects: pd.DataFrame
    rows: int
    path: str = ""
    format: str = ""
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding_report: str = ""
    date_report: str = ""
    #: why kept records are undated: "blank" / "unreadable" / "before 1900" / "in the future"
    #: -> count (the values in :data:`._checks.UNDATED`)
    undated_why: dict[str, int] = field(default_factory=dict)
    #: records already read from an earlier file of the batch, moved to ``rejects``
    #: (:class:`geomap.events.duplicates.SeenRecords`)
    duplicates: int = 0

    @property
    def kept(self) -> int:
        return len(self.events)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    @property
    def undated(self) -> int:
        """Kept records without a date (linked by space alone)."""
        return int(self.events["date"].isna().sum()) if "date" in self.events else 0

    @property
    def undated_report(self) -> str:
        """"3 kept undated (2 blank, 1 unreadable)", or "" when every record is dated."""
        n = self.undated
        if not n:
            return ""
        why = ", ".join(f"{c} {k}" for k, c in self.undated_why.items() if c)
        return f"{n} kept undated" + (f" ({why})" if why else "")

    def summary(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "rows": self.rows,
            "kept": self.kept,
            "rejected": self.rejected,
            "undated": self.undated,
            "duplicates": self.duplicates,
            "encoding": self.encoding_report or self.encoding,
            "dates": self.date_report,
            "warnings": list(self.warnings),
        }
