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
    day/month order of numeric dates was decided (empty when there were none).
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

    @property
    def kept(self) -> int:
        return len(self.events)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def summary(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "rows": self.rows,
            "kept": self.kept,
            "rejected": self.rejected,
            "encoding": self.encoding_report or self.encoding,
            "dates": self.date_report,
            "warnings": list(self.warnings),
        }
