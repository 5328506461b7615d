"""Text events as event-schema tables and GeoJSON features.

:func:`text_events_frame` gives the one event table of :mod:`geomap.events.schema` (dataset
``"text"``, provenance ``article_id``/``span_start``/``span_end``), so text events join and map
like dataset records. :func:`text_events_collection` gives the GeoJSON of ``geomap events extract
-o OUT.geojson``, where a movement with both ends known is a LineString (``"kind": "movement"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import shapely

from ...sources import Article
from ..schema import coerce_events, events_from_records
from ..territory import mark_territory
from ._model import TextEvent, place_json

__all__ = ["text_events_collection", "text_events_frame"]

def _record(art: Article, k: int, ev: TextEvent) -> dict[str, Any]:
    loc = ev.location
    actors = [a.name for a in ev.actors]
    return {
        "event_id": f"{art.id}#{k}",
        "dataset": "text",
        "date": ev.date.isoformat() if ev.date else None,
        "date_precision": ev.date_precision if ev.date else None,
        "event_type": ev.type,
        "orig_type": ev.trigger,
        "actor1": actors[0] if actors else None,
        "actor2": actors[1] if len(actors) > 1 else None,
        "location": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": ev.geo_precision if loc else "unknown",
        "orig_geo_precision": loc.feature if loc else None,
        "fatalities": ev.extras.get("killed"),
        "notes": ev.sentence,
        "source": art.url,
        "source_file": art.path,
        "article_id": art.id,
        "span_start": ev.start,
        "span_end": ev.end,
        # extra columns
        "event_index": k,
        "kind": "movement" if ev.is_movement else "event",
        "primary": ev.primary,
        "trigger": ev.trigger,
        "actors": "; ".join(actors),
        "actor_countries": "; ".join(a.country or "" for a in ev.actors),
        "origin": ev.origin.name if ev.origin else None,
        "destination": ev.destination.name if ev.destination else None,
        "article_date": art.date.isoformat() if art.date else None,
        "location_evidence": ev.location_evidence if loc else None,
        "confidence": ev.confidence,
        "wounded": ev.extras.get("wounded"),
        "civilians_killed": ev.extras.get("civilians_killed"),
    }


def text_events_frame(items: Iterable[tuple[Article, list[TextEvent]]]) -> gpd.GeoDataFrame:
    """The event table of (article, its events) pairs; one row per event, located at the
    event's location (null geometry when unlocated), a movement with both ends known as a
    LineString from origin to destination. Extra columns after the schema's:
    ``event_index``, ``kind``, ``primary``, ``trigger``, ``actors``, ``actor_countries``,
    ``origin``, ``destination``, ``article_date``, ``location_evidence``, ``confidence``,
    ``wounded``, ``civilians_killed`` (casualty counts of the event's sentence; ``fatalities``
    holds those killed), and ``disputed`` / ``de_facto_country`` from the event's point as
    records have them (:func:`geomap.events.territory.mark_territory`; ``country`` is already
    the gazetteer's: de-facto with ``Gazetteer(de_facto=True)``)."""
    pairs = [(art, k, ev) for art, events in items for k, ev in enumerate(events)]
    frame = events_from_records([_record(art, k, ev) for art, k, ev in pairs])
    if not len(frame):
        return frame
    frame = coerce_events(frame)
    # a movement with both ends known is drawn as a line from origin to destination
    lines = [_movement_line(ev) if ev.is_movement else None for _art, _k, ev in pairs]
    if any(line is not None for line in lines):
        frame = frame.set_geometry(gpd.GeoSeries(
            [line if line is not None else geom for line, geom in zip(lines, frame.geometry,
                                                                        strict=True)],
            index=frame.index, crs=frame.crs))
    return mark_territory(frame)


def _movement_line(ev: TextEvent):
    o, d = ev.origin, ev.destination
    return shapely.LineString([(o.lon, o.lat), (d.lon, d.lat)])


def text_events_collection(items: Iterable[tuple[Article, list[TextEvent]]]) -> dict:
    """A GeoJSON FeatureCollection of text events (movements as LineStrings)."""
    from ...export.geojson import frame_to_feature_collection

    items = list(items)
    frame = text_events_frame(items)
    collection = frame_to_feature_collection(frame)
    events = [ev for _art, evs in items for ev in evs]
    for feature, ev in zip(collection["features"], events, strict=True):
        props = feature["properties"]
        props["origin"] = place_json(ev.origin)
        props["destination"] = place_json(ev.destination)
        if ev.is_movement:
            feature["geometry"] = {"type": "LineString",
                                   "coordinates": [list(c) for c in _movement_line(ev).coords]}
    return collection
