"""Datelines of a wire summary: each opens a paragraph about its own place.

A news summary strings several stories together, each opened by a dateline ("KYIV - ...",
"ODESA - Two people were killed when a Russian missile hit the city centre on Monday."). An
event of such a paragraph that names no place of its own happened, as far as the report says,
at the paragraph's dateline: wire readers take it so. A single dateline is only where the
reporter filed from (a Kyiv dateline over a report on Kharkiv), so it places nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...geoparse import Mention
from ._model import TextEvent
from ._where import geo_precision

__all__ = ["by_datelines"]

#: Evidence that a paragraph's own dateline beats: places found outside the paragraph.
_WEAKER = frozenset({"report", "from", "demonym", "actor", "headline", "summary"})
#: What an event placed by its paragraph's dateline is worth (the place is the story's, not
#: the sentence's).
_CONFIDENCE = 0.5


def by_datelines(events: Sequence[TextEvent], mentions: Sequence[Mention],
                 places: Sequence[Mention]) -> list[TextEvent]:
    """``events`` with those of a summary's dateline paragraph that name no place of their
    own located at its dateline (``location_evidence`` ``dateline``); unchanged when the
    text has fewer than two resolved datelines."""
    lines = sorted((m for m in mentions if m.role == "dateline" and m.place is not None),
                   key=lambda m: m.start)
    if len(lines) < 2:
        return list(events)
    bounds = [m.start for m in lines[1:]] + [None]
    out = []
    for e in events:
        k = next((k for k, m in enumerate(lines) if m.start <= e.start and
                  (bounds[k] is None or e.start < bounds[k])), None)
        if k is None or (e.location is not None and e.location_evidence not in _WEAKER):
            out.append(e)
            continue
        line, end = lines[k], bounds[k]
        if any(line.start <= p.start and (end is None or p.start < end) for p in places):
            out.append(e)  # the paragraph names a place of its own
            continue
        out.append(replace(e, location=line.place, location_evidence="dateline",
                           geo_precision=geo_precision(line.place),
                           confidence=min(e.confidence or _CONFIDENCE, _CONFIDENCE),
                           extras={**e.extras, "location_start": line.start}))
    return out
