"""One sense per document: a name the text places once ("Zolochiv, Kharkiv oblast", "Stepove
near Avdiivka") names the same place where the text repeats it without saying where
("... Zolochiv lost power, officials in Lviv said": not the Lviv region's Zolochiv).

A mention is qualified when a division or an anchor town named with it chose its place
(:mod:`._division`); a mention of the same name that nothing qualifies takes that place, unless
the qualified mentions of the name disagree (the text names two namesakes) or its other
mentions agree on another place more often (:data:`QUALIFIED_WEIGHT`; WikToR's articles
name their town's namesakes: "Aurora ... not Aurora, Illinois"). A qualifier that
left the name without a place (the gazetteer has no namesake there) is not carried: on the
English corpora (LGL, WOTR) that unresolved other mentions that were right.
"""

from __future__ import annotations

__all__ = ["one_sense"]

_ID = 0  # column of a place row: its id
#: A qualified mention counts as this many unqualified ones when the mentions of a name
#: disagree: it outweighs one, not two.
QUALIFIED_WEIGHT = 2


def _outcome(m):
    return None if m.best is None else m.best.row[_ID]


def one_sense(ms: list, qualified: set[int]) -> None:
    """Give each unqualified mention of ``ms`` the place the qualified mentions of its name
    agree on (``qualified``: ids of the mentions a division or an anchor placed), in place."""
    if not qualified:
        return
    by_key: dict[str, list] = {}
    for m in ms:
        if m.role != "demonym":
            by_key.setdefault(m.span.key, []).append(m)
    for group in by_key.values():
        placed = [m for m in group if id(m) in qualified]
        if not placed or len(placed) == len(group):
            continue
        outcomes = {_outcome(m) for m in placed}
        if len(outcomes) != 1:
            continue  # the text qualifies the name differently
        place = outcomes.pop()
        if place is None:
            continue
        # the document's own sense of the name, if its other mentions agree on another place
        # more often than the qualified ones name theirs ("Aurora, a city in Hamilton County,
        # Nebraska ... Aurora ... not Aurora, Illinois"), stands
        votes: dict[object, int] = {}
        for m in group:
            if _outcome(m) is not None:
                w = QUALIFIED_WEIGHT if id(m) in qualified else 1
                votes[_outcome(m)] = votes.get(_outcome(m), 0) + w
        if any(v >= votes.get(place, 0) for k, v in votes.items() if k != place):
            continue
        for m in group:
            if id(m) in qualified or _outcome(m) == place:
                continue
            same = next((c for c in m.cands if c.row[_ID] == place), None)
            if same is not None:
                m.best = same
