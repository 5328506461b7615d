"""What extraction gives: :class:`TextEvent` and the JSON objects of ``geomap events extract``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ...places import Place
from ._actors import Actor

__all__ = ["TextEvent", "document_json", "place_json"]


def place_json(place: Place | None) -> dict[str, Any] | None:
    """A place in the vocabulary of ``geomap geocode --json`` (None stays None)."""
    if place is None:
        return None
    return {"name": place.name, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "feature": place.feature,
            "country": place.country, "admin1": place.admin1}


@dataclass(frozen=True, slots=True)
class TextEvent:
    """One event read from an article.

    ``start``/``end`` are the offsets of the sentence in the article text; ``trigger_start`` and
    ``trigger_end`` those of the trigger word(s). ``location`` is where the event happened (for a
    movement: where it went), ``origin``/``destination`` where a movement started and ended.
    ``irrealis`` marks events that are only expected, planned or possible ("could be deployed").
    ``type`` and ``trigger`` are None for an event reported without a recognised trigger word.
    ``geo_precision`` is the event table's vocabulary (exact, near, admin2, admin1, country,
    unknown), ``location_evidence`` why the location was chosen (where, clause, sentence, headline,
    summary, report, parenthesis, from, demonym, actor, division, dateline; None when unlocated)
    and ``confidence`` how much the event and its place are worth (0-1).
    """

    type: str | None
    trigger: str | None
    trigger_start: int
    trigger_end: int
    sentence: str
    start: int
    end: int
    date: dt.date | None = None
    date_precision: str | None = None
    actors: tuple[Actor, ...] = ()
    location: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    primary: bool = False
    irrealis: bool = False
    geo_precision: str = "unknown"
    location_evidence: str | None = None
    confidence: float = 0.0
    extras: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_movement(self) -> bool:
        """True when both ends of a movement are known (it maps as a line)."""
        return self.origin is not None and self.destination is not None

    def with_primary(self, primary: bool = True) -> TextEvent:
        # an event is immutable: one already so is itself (replace copies every field)
        return self if self.primary == primary else replace(self, primary=primary)

    def to_json(self, article_date: dt.date | None = None) -> dict[str, Any]:
        """The stable JSON object of one event in ``geomap events extract -o OUT.jsonl``: the
        fields of the event table (:func:`~geomap.events.extract.text_events_frame`), casualty
        counts and the article's publication date included."""
        loc = self.location
        return {
            "type": self.type,
            "trigger": self.trigger,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "actors": [a.to_json() for a in self.actors],
            "location": place_json(loc),
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "geonameid": loc.geonameid if loc else None,
            "origin": place_json(self.origin),
            "destination": place_json(self.destination),
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "primary": self.primary,
            "geo_precision": self.geo_precision if loc else "unknown",
            "location_evidence": self.location_evidence if loc else None,
            "confidence": self.confidence,
            "fatalities": self.extras.get("killed"),
            "wounded": self.extras.get("wounded"),
            "civilians_killed": self.extras.get("civilians_killed"),
            "article_date": article_date.isoformat() if article_date else None,
        }


def document_json(doc_id: Any, article_date: dt.date | None, events) -> dict[str, Any]:
    """One line of ``geomap events extract -o OUT.jsonl``: a document and its events."""
    return {"id": doc_id, "events": [e.to_json(article_date) for e in events]}
