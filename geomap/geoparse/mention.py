"""A place mention found in text: :class:`Mention`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..places import Place

__all__ = ["ROLES", "Mention"]

#: literal: the place itself; metonymic: the place stands for its government ("Moscow said");
#: demonym: an adjective or people's name ("North Korean troops"); dateline: where a story was
#: filed from ("WASHINGTON" at the top).
ROLES: tuple[str, ...] = ("literal", "metonymic", "demonym", "dateline")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: character span, the place it refers to, role and confidence.

    ``start``/``end`` are Python string offsets into the text as given; ``name`` is
    ``text[start:end]``; ``place`` is None when the mention was recognised but not resolved.
    """

    start: int
    end: int
    name: str
    place: Place | None
    role: str = "literal"
    confidence: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The stable JSON object of ``geomap geoparse -o OUT.jsonl`` (one toponym)."""
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "place_name": p.name if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "geonameid": p.geonameid if p else None,
            "feature": p.feature if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "role": self.role,
            "confidence": round(self.confidence, 3),
        }
