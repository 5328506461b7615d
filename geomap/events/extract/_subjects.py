"""Who acted: the actors of a trigger's clause (subject, modifiers, "by", "with", "of").

The sentence record :class:`Sent` the extractor fills, and the rules that find a trigger's
actors among the sentence's actor spans (see :mod:`.core`): the subject between the clause's
start and the trigger, unless it is the object of a place preposition; "a Ukrainian incursion";
"by"/"with"/"of" phrases after it; a clause with no subject of its own shares the previous
one's; a speaker named next to a speech verb.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...geoparse import Mention
from ._actors import Actor, ActorSpan
from ._dates import DateMention
from ._model import TextEvent
from ._tokens import AT, DIPLOMATIC, FILLER, FUNCTION, MILITARY, PRONOUNS, TO, Tok

__all__ = ["Sent", "actors_of", "by_actors", "modifier_actors", "of_by_actors",
           "previous_subject", "previous_type", "shares_subject", "spans_between",
           "speaker_next_to", "with_actors"]

_PARTICLES = frozenset({"von", "der", "van", "de", "den", "al", "bin", "la", "le", "di", "da",
                        "du", "-"})


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    toks: list[Tok]
    places: list[Mention]
    actors: list[ActorSpan]
    dates: list[DateMention]
    events: list[TextEvent] = field(default_factory=list)
    subjects: list[tuple[Actor, ...]] = field(default_factory=list)


def spans_between(sent: Sent, toks: list[Tok], lo: int, hi: int) -> list[ActorSpan]:
    """Actor spans in tokens ``lo..hi-1`` that are not the object of a place preposition."""
    if lo >= hi:
        return []
    a, b = toks[lo].start, toks[hi - 1].end if hi - 1 < len(toks) else toks[-1].end
    out = []
    for s in sent.actors:
        if not (a <= s.start and s.end <= b):
            continue
        k = next((j for j, t in enumerate(toks) if t.start == s.start), None)
        if k is not None:
            j = k - 1
            while j >= lo and toks[j].low in FILLER and toks[j].low != "of":
                j -= 1
            if j >= lo and (toks[j].low in AT or toks[j].low in TO or
                            toks[j].low in ("from", "with", "against", "by")):
                continue
        out.append(s)
    return out


def actors_of(spans: list[ActorSpan], toks: list[Tok]) -> tuple[Actor, ...]:
    del toks
    return tuple(dict.fromkeys(s.actor for s in spans))


def modifier_actors(sent: Sent, toks: list[Tok], i: int) -> tuple[Actor, ...]:
    """"a Ukrainian incursion", "Russia's invasion", "North Korean troop deployments"."""
    lo = toks[max(0, i - 3)].start
    return tuple(dict.fromkeys(s.actor for s in sent.actors
                               if lo <= s.start and s.end <= toks[i].start))


def _following(sent: Sent, toks: list[Tok], i: int, hi: int, words, *,
               within: int = 1000) -> tuple[Actor, ...]:
    """Actors of the phrases after ``i`` that start with one of ``words`` (at most ``within``
    tokens after the trigger)."""
    out: list[Actor] = []
    j = i + 1
    while j < min(hi, i + 1 + within):
        if toks[j].low in words:
            k = j + 1
            starts = {s.start for s in sent.actors}
            while k < hi and toks[k].low in FILLER and toks[k].low != "of" and \
                    toks[k].start not in starts:
                k += 1
            while k < hi:
                span = next((s for s in sent.actors if s.start == toks[k].start), None)
                if span is None:
                    break
                out.append(span.actor)
                k += 1
                while k < hi and toks[k].start < span.end:
                    k += 1
                if k < hi and toks[k].low in ("and", ","):
                    # "with the European Union ... and NATO": skip to the next actor
                    k += 1
                    continue
                # "European Union Commission President Ursula von der Leyen and NATO ..."
                while k < hi and (toks[k].text[:1].isupper() or toks[k].low in _PARTICLES):
                    k += 1
                if k < hi and toks[k].low == "and":
                    k += 1
                    continue
                break
        j += 1
    return tuple(dict.fromkeys(out))


def with_actors(sent, toks, i, hi) -> tuple[Actor, ...]:
    return _following(sent, toks, i, hi, ("with",))


def by_actors(sent, toks, i, hi) -> tuple[Actor, ...]:
    return _following(sent, toks, i, hi, ("by",), within=2)


def of_by_actors(sent, toks, i, hi) -> tuple[Actor, ...]:
    return _following(sent, toks, i, hi, ("of", "by"), within=1)


def previous_subject(sent: Sent) -> tuple[Actor, ...]:
    for subject in reversed(sent.subjects):
        if subject:
            return subject
    return ()


def previous_type(sent: Sent) -> str | None:
    return sent.events[-1].type if sent.events else None


def shares_subject(toks: list[Tok], lo: int, i: int) -> bool:
    """The clause has no subject of its own: only function words, adverbs and participles,
    a pronoun ("its top diplomat"), or troops or envoys the previous clause names."""
    words = [t.low for t in toks[lo:i]]
    if all(w in FUNCTION or w.endswith(("ly", "ed")) for w in words):
        return bool(words) or lo > 0
    return any(w in PRONOUNS or w in MILITARY or w in DIPLOMATIC for w in words)


def speaker_next_to(spans: list[ActorSpan], toks: list[Tok], i: int) -> bool:
    """A government or organisation speaks: its name ends the words before the verb, give or
    take titles and names ("Pentagon spokesperson Sabrina Singh told")."""
    if not spans:
        return False
    end = spans[-1].end
    between = [t for t in toks[:i] if t.start >= end]
    if len(between) > 6:
        return False
    return all(t.text[:1].isupper() or t.low in DIPLOMATIC or t.low in FUNCTION or
               t.low in ("official", "state", "media", "ministry", "government", "spy",
                         "agency", "military", "defence", "defense", "army", "office",
                         "spokesperson", "officers", "command", "service")
               for t in between)
