"""What a table's columns mean: units, coordinate reference and sources, for output files."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import __version__

__all__ = ["table_metadata"]

_UNITS = {
    "coordinates": "WGS 84 longitude, latitude in decimal degrees (RFC 7946)",
    "geometry": "a Point; a MultiPolygon, the area's outline (Natural Earth, simplified), for "
                "a row located only to a country or a first-level division (geo_precision "
                "country / admin1; a mention whose feature is country / admin1); a LineString "
                "for a movement (origin to destination)",
    "lat": "the row's point, WGS 84 latitude in decimal degrees (an area's is its label point)",
    "lon": "the row's point, WGS 84 longitude in decimal degrees",
    "date": "ISO 8601 calendar date",
    "fatalities": "people killed, as reported by the source",
    "start": "character offset in the article text (Unicode code points, 0-based)",
    "end": "character offset in the article text, exclusive",
    "span_start": "character offset in the article text (Unicode code points, 0-based)",
    "span_end": "character offset in the article text, exclusive",
    "sentence_start": "character offset of the sentence in the article text",
    "confidence": "0 to 1",
    "source_row": "1-based data row in source_file",
}


def _distinct(frame: pd.DataFrame, column: str, limit: int) -> list[str]:
    if column not in frame:
        return []
    values = frame[column].dropna().astype(str).unique().tolist()
    return sorted(values)[:limit]


def table_metadata(frame: pd.DataFrame, *, kind: str, limit: int = 200) -> dict[str, Any]:
    """Metadata of an events or mentions table: units of its columns and where rows came from.

    ``kind`` names the table ("events", "mentions"); provenance of each row is in its own
    columns (``article_id`` + span, or ``dataset`` + ``source_file`` + ``source_row``).
    """
    units = {k: v for k, v in _UNITS.items() if k in ("coordinates", "geometry")
             or k in frame.columns}
    sources: dict[str, list[str]] = {}
    for column in ("dataset", "source_file", "article_id"):
        values = _distinct(frame, column, limit)
        if values:
            sources[column] = values
    return {
        "table": kind,
        "generator": f"geomap {__version__}",
        "rows": len(frame),
        "units": units,
        "sources": sources,
        "provenance": "each feature: article_id with its character span, or dataset with "
                      "source_file and source_row",
    }
