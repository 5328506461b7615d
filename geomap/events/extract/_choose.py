"""Which of a report's candidate places is where its event happened (see :mod:`._where`):
the event's own phrase or the finest place of the strongest tier, ties broken by agreement
with the other mentions, a coarse anchor narrowed to a place inside it, a town narrowed to a
smaller place a "where" line names beside it."""

from __future__ import annotations

from ._division import FINENESS, inside, near
from ._report import TIER, Cand, Report

__all__ = ["choose", "narrowed"]


def _agreement(c: Cand, cands: list[Cand]) -> int:
    """How many other mentions name the same place, one around it or one inside it, or lie
    within 100 km of it: "the Krest checkpoint near Debaltseve. Debaltseve" is in Ukraine."""
    p = c.mention.place
    return sum(o.mention.start != c.mention.start and
               (o.mention.place.key == p.key or inside(p, o.mention.place) or
                inside(o.mention.place, p) or near(p, o.mention.place, 100.0))
               for o in cands)


def _compatriots(c: Cand, cands: list[Cand]) -> int:
    """How many other mentions name a place in the same country."""
    country = c.mention.place.country
    return 0 if country is None else sum(
        o.mention.start != c.mention.start and o.mention.place.country == country for o in cands)


def choose(cands: list[Cand], anchor_start: int | None) -> Cand | None:
    if not cands:
        return None
    where = any(c.tier == TIER["where"] for c in cands)
    anchor = None if where else next((c for c in cands if c.mention.start == anchor_start),
                                     None)
    if anchor is None:
        strong = [c for c in cands if c.label != "from"] or cands
        top = max(c.tier for c in strong)
        pool = [c for c in strong if c.tier == top]
        anchor = min(pool, key=lambda c: (FINENESS[c.mention.place.feature], c.initial,
                                          -_agreement(c, cands), -_compatriots(c, cands),
                                          c.mention.start))
    if anchor.mention.place.feature in ("populated_place", "other"):
        return anchor
    within = [c for c in cands if c.label != "from" and
              inside(c.mention.place, anchor.mention.place)]
    if not within and anchor.mention.place.feature == "region" and \
            anchor.mention.place.country is None:
        # a region of several countries ("the Sahel", "Central Africa") says little: a town of
        # a country the report names is where
        named = {c.mention.place.country for c in cands if c.mention.place.feature == "country"}
        within = [c for c in cands if c.label != "from" and c.mention.place.country in named
                  and FINENESS[c.mention.place.feature] < FINENESS["region"]]
    if not within:
        return anchor
    return min(within, key=lambda c: (FINENESS[c.mention.place.feature], -c.tier,
                                      c.mention.start))


def narrowed(report: Report, chosen: Cand, cands: list[Cand]) -> Cand:
    """A smaller place a bare "where" line names right by the chosen town ("Staromykhailivka on
    the outskirts of Donetsk. Shelling of Donetsk ..."): within 25 km and less populous."""
    place = chosen.mention.place
    if place.feature != "populated_place":
        return chosen
    k = report.index(chosen.mention.start)
    close = [c for c in cands if c.label != "from" and c.mention.place.feature == "populated_place"
            and c.mention.place.population < place.population and
            c.mention.place.key != place.key and near(c.mention.place, place, 25.0) and
            report.index(c.mention.start) != k and
            report.where_only[report.index(c.mention.start)]]
    if not close:
        return chosen
    return min(close, key=lambda c: (-c.tier, c.mention.place.population, c.mention.start))


