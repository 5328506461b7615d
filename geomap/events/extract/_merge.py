"""One action, one event: trigger words of a sentence that tell the same action are merged.

English reports often name one action with several trigger words: a noun and its verb ("A
Russian guided bomb hit Kharkiv", "The attack on the depot killed three", "were killed by
Russian shelling"), a participle after a comma ("shelled Kurakhove, killing two and wounding
five"), and death or injury verbs that tell what an attack did ("Two soldiers were killed and
four injured in an ambush near Djibo", "a missile strike on Sumy killed 11"). Each such group
is one event, so that its casualty count is given once (see :mod:`._counts`). Two actions
("shelled X and stormed Y", "killed two in Kherson and wounded three in Sumy") stay two.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...lang.en import ENGLISH
from ...places import Place
from ._model import TextEvent

__all__ = ["one_per_action", "same_place"]

_AND = re.compile(r"\b(?:and|or)\b", re.I)
#: Text ending in a comma, or in "and" after a participle: a participle after it tells how
#: the action before it went ("shelled Kurakhove, killing two and wounding five").
_PARTICIPLE = re.compile(r"(?:,|\w+ing\b[^,;:.]*\band)\s*\Z")
#: A verb's object phrase before its noun: an article and up to two modifiers.
_OBJECT = re.compile(r"\s+(?:a|an|the|its|their|new|fresh|major|large-scale|several|more)"
                     r"(?:\s+[^\W\d_][\w'’-]*){0,2}\s+", re.I)
_BY_PHRASE = re.compile(r"\s+by(?:\s+[^\W\d_][\w'’-]*){0,3}\s+")  # "killed by Russian shelling"
#: Death and injury words: as triggers they tell what an action did, not another action.
_CASUALTY = ENGLISH.words("casualty_killed") | ENGLISH.words("casualty_wounded")
_APART = re.compile(r"[;:—–]| - ")


def one_per_action(text: str, events: list[TextEvent]) -> list[TextEvent]:
    """``events`` of one sentence with the triggers of one action merged into one event (see
    the module's docstring): the kept event is the verb's (for a noun in its subject or
    by-phrase), the earlier action's (for a participle), or the other action's (for a death
    or injury word), given the merged one's actors and, where it has none, its place and
    date."""
    if len(events) < 2:
        return events
    out: list[TextEvent | None] = list(events)
    for k, e in enumerate(events):
        if e.extras.get("noun"):
            j = next((j for j, v in enumerate(out) if v is not None and j != k
                      and _names_action_of(text, e, v)), None)
        elif e.trigger.lower().endswith("ing") and _PARTICIPLE.search(
                text, max(e.start, e.trigger_start - 80), e.trigger_start):
            j = next((j for j in range(k - 1, -1, -1) if out[j] is not None
                      and out[j].type == e.type), None)
        elif e.trigger.lower() in _CASUALTY:
            j = _outcome_of(text, out, k)
        else:
            continue
        if j is None:
            continue
        out[j] = _merged(out[j], e)
        out[k] = None
    return [e for e in out if e is not None]


def _merged(v: TextEvent, e: TextEvent) -> TextEvent:
    """``v`` told also by ``e``: ``e``'s actors added, its place and date where ``v`` has
    none."""
    own = v.location is not None
    return replace(
        v, actors=tuple(dict.fromkeys(v.actors + e.actors))[:4],
        location=v.location if own else e.location, origin=v.origin or e.origin,
        destination=v.destination or e.destination, date=v.date or e.date,
        date_precision=v.date_precision if v.date else e.date_precision,
        extras={**v.extras, "location_start": v.extras["location_start"] if own
                else e.extras.get("location_start")})


def _names_action_of(text: str, noun: TextEvent, verb: TextEvent) -> bool:
    """``noun`` is in the subject of ``verb`` (no "and" between them), its object ("launched
    an offensive") or in the by-phrase right after it, and both are of one type."""
    if noun.type != verb.type or verb.extras.get("noun"):
        return False
    if verb.extras["subject_start"] <= noun.trigger_start < verb.trigger_start:
        return not _AND.search(text, noun.trigger_end, verb.trigger_start)
    if _OBJECT.fullmatch(text, verb.trigger_end, noun.trigger_start):
        return True  # "launched an offensive", "carried out strikes"
    return _BY_PHRASE.fullmatch(text, verb.trigger_end, noun.trigger_start) is not None


def _outcome_of(text: str, events: list[TextEvent | None], k: int) -> int | None:
    """The event a death or injury trigger ``events[k]`` tells the outcome of: the nearest
    other action of its type in the sentence, else the nearest death or injury trigger
    before it ("two were killed and four injured"); never one placed elsewhere, nor one
    across a ";", ":" or dash (another clause, or another headline of a list)."""
    e = events[k]

    def apart(v: TextEvent) -> bool:
        lo, hi = sorted((v.trigger_end, e.trigger_end))
        return _APART.search(text, lo, hi) is not None

    same = [j for j, v in enumerate(events) if v is not None and j != k and v.type == e.type
            and same_place(v.location, e.location) and not apart(v)]
    actions = [j for j in same if events[j].trigger.lower() not in _CASUALTY]
    pool = actions or [j for j in same if j < k]
    if not pool:
        return None
    return min(pool, key=lambda j: abs(events[j].trigger_start - e.trigger_start))


def same_place(a: Place | None, b: Place | None) -> bool:
    """``a`` and ``b`` may be one place: either is unknown, they are one, or one is a
    division or country holding the other."""
    if a is None or b is None or a == b:
        return True
    if a.country != b.country or a.country is None:
        return False
    if "country" in (a.feature, b.feature):
        return True
    if a.feature == "admin1" or b.feature == "admin1":
        return a.admin1 == b.admin1 and a.admin1 is not None
    return (a.lat, a.lon) == (b.lat, b.lon)
