"""Places listed with an event's location ("missiles struck Dnipro and Kryvyi Rih", "shelling
hit Kupiansk, Izium and Balakliia"): each is an event of its own, as Ukrainian and Russian
lists already are (:mod:`._slavic`). A place joins the list when only commas and the
language's "and" stand between it and the previous one and it is of the same feature class
(towns with towns, regions with regions: "Kupiansk in Kharkiv Oblast" is one place). A list
has an "and" ("Mbengwi, Momo" is a town and its division) and follows no "between" ("the
road between Ormara and Pasni" is one place)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from ...geoparse import Mention
from ._model import TextEvent

__all__ = ["listed_events", "listed_run"]


def listed_run(text: str, ms: Sequence[Mention], k: int, joins: Collection[str]
               ) -> tuple[list[Mention], set[str]]:
    """``ms[k]`` and the mentions listed with it (``ms``: located mentions in text order): its
    neighbours of the same feature class with only words of ``joins`` (lower case; a comma is
    one) between each and the next, in text order, and the join words met."""
    feature = ms[k].place.feature
    group = [ms[k]]
    used: set[str] = set()
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(ms) and ms[j].place.feature == feature:
            left, right = (ms[j], group[0]) if step < 0 else (group[-1], ms[j])
            between = [w.lower() for w in
                       text[left.end : right.start].replace(",", " , ").split()]
            if not between or not all(w in joins for w in between):
                break
            used.update(between)
            group.insert(0 if step < 0 else len(group), ms[j])
            j += step
    return group, used


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
    group, used = listed_run(text, ms, k, {",", *ands})
    before = text[max(0, group[0].start - 12) : group[0].start].split()
    # an "and" in the list ("X, Y" alone is a place and its division); "between X and Y" is
    # one stretch of road or front, not two places
    if not used & ands or (before and before[-1].lower() == "between"):
        return []
    seen = {event.location.key}
    out = []
    for m in group:
        if m.place.key in seen:
            continue
        seen.add(m.place.key)
        out.append(replace(event, location=m.place,
                           extras={**event.extras, "location_start": m.start,
                                   "listed_with": start}))
    return out
