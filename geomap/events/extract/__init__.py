"""Events from text: ``extract_events(article, mentions, gazetteer) -> list[TextEvent]``.

>>> from geomap.events.extract import extract_events, text_events_frame  # doctest: +SKIP
"""

from ._actors import Actor
from ._model import TextEvent, document_json, place_json
from ._primary import primary_location
from .core import extract_events
from .frame import text_events_collection, text_events_frame

__all__ = [
    "Actor",
    "TextEvent",
    "document_json",
    "extract_events",
    "place_json",
    "primary_location",
    "text_events_collection",
    "text_events_frame",
]
