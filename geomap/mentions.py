"""Place mentions of many articles as one table (a GeoDataFrame in EPSG:4326).

One row per mention, with its article, span, sentence, role, confidence and resolved place;
unresolved mentions keep a null geometry, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import shapely

from ._sentences import SentenceIndex
from .geoparse import Mention
from .sources import Article

__all__ = ["MENTION_COLUMNS", "MENTION_DTYPES", "mentions_frame"]

#: Columns of the mentions table and their pandas dtypes (GeoParquet parts use these).
MENTION_DTYPES: dict[str, str] = {
    "article_id": "string", "title": "string", "url": "string", "date": "string",
    "start": "Int64", "end": "Int64", "name": "string", "role": "string",
    "confidence": "float64", "place_key": "string", "place_name": "string",
    "feature": "string", "country": "string", "admin1": "string", "geonameid": "Int64",
    "disputed": "boolean", "sentence": "string", "sentence_start": "Int64",
}
MENTION_COLUMNS = tuple(MENTION_DTYPES)


def mentions_frame(items: Iterable[tuple[Article, list[Mention]]]) -> gpd.GeoDataFrame:
    """Build the mentions table from (article, its mentions) pairs."""
    records = []
    geoms = []
    for art, mentions in items:
        sents = SentenceIndex(art.text) if mentions else None
        for m in mentions:
            a, b = sents.span(m.start)
            p = m.place
            records.append({
                "article_id": art.id, "title": art.title, "url": art.url,
                "date": art.date.isoformat() if art.date else None,
                "start": m.start, "end": m.end, "name": m.name, "role": m.role,
                "confidence": round(m.confidence, 3),
                "place_key": p.key if p else None, "place_name": p.name if p else None,
                "feature": p.feature if p else None, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "geonameid": p.geonameid if p else None,
                "disputed": p.disputed if p else None,
                "sentence": art.text[a:b], "sentence_start": a,
            })
            geoms.append(shapely.Point(p.lon, p.lat) if p else None)
    return gpd.GeoDataFrame(records, columns=list(MENTION_COLUMNS),
                             geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))
