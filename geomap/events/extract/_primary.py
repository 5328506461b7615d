"""The main event of an article, as an event coder (ACLED, UCDP) would pick it.

Violent and material events outrank talk; the headline and the lead outrank later paragraphs;
events that are only expected or possible ("could be deployed") rank low. Where the primary event
happened is then chosen from the evidence of the whole report (:mod:`._where`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...geoparse import Mention
from ...places import Place
from ._model import TextEvent

__all__ = ["TYPE_WEIGHT", "mark_primary", "primary_location"]

#: How much each type counts towards being the main event.
TYPE_WEIGHT: dict[str, float] = {
    "assault": 4.0, "protest": 3.5, "coerce": 3.0, "mobilize": 3.0, "retreat": 3.0,
    "aid": 2.5, "agree": 2.5, "consult": 2.0, "sanction": 2.0, "threaten": 1.5,
    "accuse": 1.0, "reject": 1.0, "request": 1.0, "support": 1.0, "cooperate": 1.5,
    "concede": 1.5, "statement": 0.0,
}


def _score(text: str, ev: TextEvent, rank: int) -> float:
    lead = max(0.0, 3.0 - rank)  # headline 3, first sentence 2, second 1
    title_end = text.find("\n")
    if 0 <= ev.start < title_end:
        lead = 3.0
    return (TYPE_WEIGHT.get(ev.type, 1.0) + lead + (1.0 if ev.location else 0.0)
            + (0.5 if ev.actors else 0.0) - (3.0 if ev.irrealis else 0.0))


def mark_primary(text: str, events: list[TextEvent]) -> list[TextEvent]:
    """``events`` with the best one marked ``primary`` (none when there are no events)."""
    if not events:
        return events
    starts = sorted({e.start for e in events})
    rank = {s: i for i, s in enumerate(starts)}
    best = max(range(len(events)), key=lambda k: (_score(text, events[k], rank[events[k].start]),
                                                  -k))
    return [e.with_primary(k == best) for k, e in enumerate(events)]


def primary_location(events: Sequence[TextEvent],
                     mentions: Sequence[Mention] = ()) -> Place | None:
    """Where the report's main event happened: the location of its primary event (chosen by
    the evidence of the whole report, see :mod:`._where`), None when there is none or it is
    unlocated. ``mentions`` is accepted for compatibility and not needed."""
    del mentions
    primary = next((e for e in events if e.primary), None)
    return primary.location if primary is not None else None
