"""Places listed with an event's location ("missiles struck Dnipro and Kryvyi Rih", "shelling
hit Kupiansk, Izium and Balakliia"): each is an event of its own, as Ukrainian and Russian
lists already are (:mod:`._slavic`). A place joins the list when only commas and the
language's "and" stand between it and the previous one and it is of the same feature class
(towns with towns, regions with regions: "Kupiansk in Kharkiv Oblast" is one place). A list
has an "and" ("Mbengwi, Momo" is a town and its division) and follows no "between" ("the
road between Ormara and Pasni" is one place)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...geoparse import Mention
from ._model import TextEvent

__all__ = ["listed_events"]


def listed_events(text: str, event: TextEvent, places: Sequence[Mention],
                  and_words: Sequence[str]) -> list[TextEvent]:
    """Copies of ``event`` at each other place listed with its location (``places``: the
    sentence's place mentions, in text order), marked ``extras["listed_with"]``."""
    start = event.extras.get("location_start")
    if start is None or event.location is None:
        return []
    ms = [m for m in places if m.place is not None and m.role == "literal"]
    k = next((i for i, m in enumerate(ms) if m.start == start), None)
    if k is None:
        return []
    ands = {w.lower() for w in and_words}
    joins = {",", *ands}
    feature = ms[k].place.feature
    group: list[Mention] = []
    linked = False  # an "and" in the list: "X, Y" alone is a place and its division
    for step in (-1, 1):
        prev, j = ms[k], k + step
        while 0 <= j < len(ms) and ms[j].place.feature == feature:
            left, right = (ms[j], prev) if step < 0 else (prev, ms[j])
            between = text[left.end : right.start].replace(",", " , ").split()
            if not between or not all(w.lower() in joins for w in between):
                break
            linked = linked or any(w.lower() in ands for w in between)
            group.append(ms[j])
            prev, j = ms[j], j + step
    first = min([ms[k], *group], key=lambda m: m.start)
    before = text[max(0, first.start - 12) : first.start].split()
    if not linked or (before and before[-1].lower() == "between"):
        return []  # "between X and Y" is one stretch of road or front, not two places
    seen = {event.location.key}
    out = []
    for m in sorted(group, key=lambda m: m.start):
        if m.place.key in seen:
            continue
        seen.add(m.place.key)
        out.append(replace(event, location=m.place,
                           extras={**event.extras, "location_start": m.start,
                                   "listed_with": start}))
    return out
