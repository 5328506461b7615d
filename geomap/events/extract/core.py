"""Events from text: triggers, actors, dates and places, sentence by sentence.

For each sentence every trigger word (see :mod:`._lexicon`) is a candidate event. Its actors are
the country, demonym and organisation mentions of its subject (the words between the start of
its clause and the trigger; "with ..." adds partners), or of the noun phrase of a noun trigger
("a Ukrainian incursion"); a clause without its own subject shares the previous one's. Its date
is the nearest date expression of the sentence. Its places come from :mod:`._locate`. Government
statements ("Moscow said") become ``statement`` events of that actor, never events located in the
city. The main event of the article is marked ``primary`` (see :mod:`._primary`) and located by
the evidence of the whole report (see :mod:`._where`), which also gives an event of type None to
a report whose event no trigger word names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...dates import parse_date
from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang import detect_language, get_language
from ...lang.en import ENGLISH
from ...places import Place
from ...sources import Article
from ._actors import Actor, ActorSpan, find_actors
from ._compounds import facility_places
from ._dates import DateMention, find_dates
from ._lexicon import NOUN_TOO, Entry, lemma_of
from ._locate import Slots, object_place, scan
from ._model import TextEvent
from ._primary import mark_primary
from ._slavic import extract_slavic
from ._tokens import (
    AT,
    CLAUSE_OPENERS,
    DIPLOMATIC,
    FILLER,
    FUNCTION,
    MILITARY,
    MODAL,
    NEGATION,
    PASSIVE_AUX,
    PRONOUNS,
    SPEECH,
    TO,
    Tok,
    tokens,
)
from ._where import described, locate_report, report_spans

__all__ = ["extract_events"]

_LEADING_DATE = re.compile(r"\A\s*(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})(?!\S)")
_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d\d-\d\d)")
#: Verbs whose direct object is the event's place, and which slot it fills.
_DIRECT_OBJECT = ENGLISH.direct_object
_MATERIAL = frozenset({"assault", "protest", "coerce"})
_WITH_TYPES = frozenset({"consult", "agree", "assault", "cooperate"})
_AUX = frozenset({"were", "was", "have", "has", "had", "is", "are", "will", "would", "could",
                  "may", "might", "then", "later", "also"})
_PARTICLES = frozenset({"von", "der", "van", "de", "den", "al", "bin", "la", "le", "di", "da",
                        "du", "-"})
_PHONE = frozenset({"phone", "telephone", "video", "telephonic"})
_FIRE_BEFORE = frozenset({"exchanged", "opened", "returned", "open", "exchange", "exchanging",
                          "opening"})


@dataclass(slots=True)
class _Sent:
    start: int
    end: int
    toks: list[Tok]
    places: list[Mention]
    actors: list[ActorSpan]
    dates: list[DateMention]
    events: list[TextEvent] = field(default_factory=list)
    subjects: list[tuple[Actor, ...]] = field(default_factory=list)


def extract_events(article: Article, mentions: Sequence[Mention],
                   gazetteer: Gazetteer) -> list[TextEvent]:
    """The events of one article, in text order; at most one has ``primary`` set.

    Parameters
    ----------
    article
        The article (its ``date`` anchors relative dates such as "on Tuesday").
    mentions
        Its place mentions from :class:`geomap.geoparse.Geoparser` (offsets into
        ``article.text``).
    gazetteer
        Resolves actors' countries (origins of movements that name only a destination).
    """
    text = article.text
    if not text.strip():
        return []
    code = detect_language(text)
    if code in ("uk", "ru"):  # Ukrainian and Russian: see ._slavic
        return [described(e, text) for e in
                extract_slavic(text, article.date, mentions, gazetteer, get_language(code))]
    mentions = sorted(mentions, key=lambda m: m.start)
    actors = find_actors(text, list(mentions), gazetteer)
    mentions = sorted([*mentions, *facility_places(text, mentions, gazetteer)],
                      key=lambda m: m.start)
    places = _location_mentions(mentions, actors)
    lead = _leading_date(text)
    anchor = article.date or (lead.date if lead else _date_in_text(text))
    dates = find_dates(text, anchor)
    if lead is not None and not any(d.start <= lead.start < d.end for d in dates):
        dates = [lead, *dates]
    out: list[TextEvent] = []
    last_subject: tuple[Actor, ...] = ()
    spans = report_spans(text)
    for a, b in spans:
        sent = _Sent(a, b, tokens(text, a, b),
                     [m for m in places if a <= m.start < b],
                     [s for s in actors if a <= s.start < b],
                     [d for d in dates if a <= d.start < b])
        for i in range(len(sent.toks)):
            event = _event_at(text, sent, i, gazetteer=gazetteer, last_subject=last_subject)
            if event is not None:
                sent.events.append(event)
        out.extend(sent.events)
        if sent.subjects and sent.subjects[0]:
            last_subject = sent.subjects[0]
    out = mark_primary(text, out)
    demonyms = [m for m in mentions if m.role == "demonym" and m.place is not None]
    return locate_report(text, out, places=places, demonyms=demonyms, spans=spans, dates=dates,
                         actors=actors, gazetteer=gazetteer)


def _leading_date(text: str) -> DateMention | None:
    """A numeric date opening an incident line ("14/06/2023 Video shows ..."), day first
    when it reads both ways (see :func:`geomap.dates.parse_date`)."""
    m = _LEADING_DATE.match(text)
    day = parse_date(m.group(1)) if m else None
    return DateMention(m.start(1), m.end(1), day, "day", True) if day else None


def _date_in_text(text: str) -> dt.date | None:
    """A date in the first lines (a ``date`` prefix or a dateline), for undated articles."""
    m = _DATE_PREFIX.match(text)
    if m:
        return dt.date.fromisoformat(m.group(1))
    for d in find_dates(text[:300], None):
        if d.explicit and d.precision == "day":
            return d.date
    return None


def _location_mentions(mentions: Sequence[Mention], actors: list[ActorSpan]) -> list[Mention]:
    """Mentions that can be where something happened: literal, resolved, not inside a longer
    actor name ("North" of a missed "North Korea")."""
    out = []
    for m in mentions:
        if m.role in ("demonym", "metonymic", "dateline") or m.place is None:
            continue
        if any(s.start <= m.start and m.end <= s.end and (s.end - s.start) > (m.end - m.start)
               for s in actors):
            continue
        out.append(m)
    return out


# -- one trigger ----------------------------------------------------------------------------
def _event_at(text: str, sent: _Sent, i: int, *, gazetteer: Gazetteer,
              last_subject: tuple[Actor, ...]) -> TextEvent | None:
    tok = sent.toks[i]
    toks = sent.toks
    if not tok.text[0].isalpha():
        return None
    if tok.text[0].isupper() and i > 0 and _in_name(toks, i):
        return None
    special = _special(toks, i)
    if special is False:
        return None
    if special is not None:
        lemma, entry = special
    else:
        found = lemma_of(tok.text)
        if found is None:
            return None
        lemma, entry = found
    prev = toks[i - 1].low if i > 0 else ""
    if prev in NEGATION or (i > 1 and toks[i - 2].low in NEGATION and prev in PASSIVE_AUX):
        return None
    noun = entry.noun or _looks_noun(toks, i, sent)
    if noun and not entry.noun and lemma not in NOUN_TOO and special is None:
        return None  # "another sign of", "in return"
    lo = _clause_start(toks, i)
    hi = _clause_end(toks, i)
    subj_spans = _spans_between(sent, toks, lo, i)
    passive = not noun and prev in PASSIVE_AUX and tok.low.endswith(("ed", "en", "t", "wn"))
    subject = _actors_of(subj_spans, toks)
    inherited = False
    definite = noun and any(t.low in ("the", "this", "that") for t in toks[max(0, i - 2) : i])
    if noun:
        mod = _modifier_actors(sent, toks, i)
        after = _of_by_actors(sent, toks, i, hi)
        subject = mod or after or (() if definite else subject)
    if not subject and not definite and _shares_subject(toks, lo, i):
        subject = _previous_subject(sent) or last_subject
        inherited = bool(subject)
    window = [t.low for t in toks[max(lo, i - 8) : min(hi, i + 8)]]
    etype = entry.type
    if entry.dual:
        if MILITARY & set(window) or (inherited and _previous_type(sent) == "mobilize"):
            etype = "mobilize"
        elif DIPLOMATIC & set(window):
            etype = "consult"
        else:
            return None
    elif entry.military and not (MILITARY & set(window)) and \
            _previous_type(sent) != "mobilize":
        return None
    if entry.say and not _speaker_next_to(subj_spans, toks, i):
        return None
    agents: tuple[Actor, ...] = subject
    if passive:
        by = _by_actors(sent, toks, i, hi)
        agents = by + tuple(a for a in subject if a not in by)
    partners = _with_actors(sent, toks, i, hi) if etype in _WITH_TYPES else ()
    actors = tuple(dict.fromkeys(agents + partners))[:4]
    slots = _slots(text, sent, i, lo, hi, lemma=lemma, entry=entry, say=etype in SPEECH)
    location, origin, destination = _places(slots, entry, etype, agents, gazetteer)
    date, precision = _nearest_date(sent, tok)
    if not (actors or location or destination) and (noun or etype not in _MATERIAL):
        return None  # talk about nobody nowhere; but "troops clashed overnight" is an event
    if prev == "under" or (i > 1 and toks[i - 2].low == "under"):
        return None  # "came under attack"
    sent.subjects.append(subject)
    irrealis = prev in MODAL or (prev in ("be", "been") and i > 1 and toks[i - 2].low in MODAL)
    start, end = sent.start, sent.end
    return TextEvent(
        type=etype, trigger=_trigger_text(text, toks, i, special), trigger_start=tok.start,
        trigger_end=tok.end, sentence=text[start:end], start=start, end=end, date=date,
        date_precision=precision, actors=actors,
        location=location.place if location else None,
        origin=origin, destination=destination, irrealis=irrealis,
        extras={"lemma": lemma, "location_start": location.start if location else None,
                "clause": (tok.start, toks[hi - 1].end if hi > 0 else tok.end)},
    )


def _special(toks: list[Tok], i: int):
    """Words whose meaning depends on their neighbours: "call", "fire". None: not special;
    False: not a trigger here."""
    w = toks[i].low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    prev = toks[i - 1].low if i > 0 else ""
    if w in ("call", "calls", "called", "calling"):
        if prev in _PHONE or (w == "calls" and nxt == "with"):
            return "call", Entry("consult", noun=True)
        if nxt in ("for", "on") and w != "calls":
            return "call", Entry("request")
        return False
    if w in ("spoke", "speak", "speaks", "talked") and nxt in ("by", "with", "on") and \
            any(t.low in _PHONE for t in toks[i + 1 : i + 4]):
        return "call", Entry("consult")
    if w == "fire":
        return ("fire", Entry("assault")) if prev in _FIRE_BEFORE else False
    return None


def _trigger_text(text: str, toks: list[Tok], i: int, special) -> str:
    if special and toks[i].low == "fire" and i > 0:
        return text[toks[i - 1].start : toks[i].end]
    if special and toks[i].low.startswith("call") and i > 0 and toks[i - 1].low in _PHONE:
        return text[toks[i - 1].start : toks[i].end]
    return toks[i].text


def _in_name(toks: list[Tok], i: int) -> bool:
    """A capitalised word inside a proper name ("Korean Central News Agency", "Strike Force")."""
    before = toks[i - 1].text if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return (before[:1].isupper() and before[:1].isalpha()) or (after[:1].isupper() and
                                                               after[:1].isalpha())


def _looks_noun(toks: list[Tok], i: int, sent: _Sent) -> bool:
    """Used as a noun: after a determiner, a possessive, a demonym or an adjective-like word."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.low in ("a", "an", "the", "its", "their", "his", "her", "this", "that", "these",
                    "those", "first", "new", "further", "major", "another", "last", "latest",
                    "recent", "small", "large", "deadly", "overnight", "fresh", "any", "no"):
        return True
    if prev.low.endswith(("'s", "’s")):
        return True
    if any(s.end == prev.end and s.kind == "demonym" for s in sent.actors):
        return True
    place = next((m for m in sent.places if m.end == prev.end), None)
    if place is None:
        return False
    k = next((j for j, t in enumerate(toks) if t.start == place.start), 0)
    return k > 0 and toks[k - 1].low in ("a", "an", "the", "its", "their")


def _clause_start(toks: list[Tok], i: int) -> int:
    j = i - 1
    while j >= 0:
        w = toks[j].low
        if w in CLAUSE_OPENERS:
            return j + 1
        if w == "and" and j + 1 < i and toks[j + 1].low in _AUX:
            return j + 1  # "... and were believed to be heading"
        found = lemma_of(toks[j].text)
        if found and (found[1].say or not found[1].noun) and not toks[j].text[0].isupper():
            return j + 1
        j -= 1
    return 0


def _clause_end(toks: list[Tok], i: int) -> int:
    j = i + 1
    while j < len(toks):
        w = toks[j].low
        if w in (";", "that", "while", "although", "though", "but", "whereas", "“"):
            return j
        if w in ("who", "which", "where", "when") and toks[j - 1].low == ",":
            return j - 1
        found = lemma_of(toks[j].text)
        if found and not found[1].noun and j > i + 1 and not toks[j].text[0].isupper() and \
                toks[j - 1].low not in FILLER:
            return j
        j += 1
    return len(toks)


def _spans_between(sent: _Sent, toks: list[Tok], lo: int, hi: int) -> list[ActorSpan]:
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


def _actors_of(spans: list[ActorSpan], toks: list[Tok]) -> tuple[Actor, ...]:
    del toks
    return tuple(dict.fromkeys(s.actor for s in spans))


def _modifier_actors(sent: _Sent, toks: list[Tok], i: int) -> tuple[Actor, ...]:
    """"a Ukrainian incursion", "Russia's invasion", "North Korean troop deployments"."""
    lo = toks[max(0, i - 3)].start
    return tuple(dict.fromkeys(s.actor for s in sent.actors
                               if lo <= s.start and s.end <= toks[i].start))


def _following(sent: _Sent, toks: list[Tok], i: int, hi: int, words, *,
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


def _with_actors(sent, toks, i, hi) -> tuple[Actor, ...]:
    return _following(sent, toks, i, hi, ("with",))


def _by_actors(sent, toks, i, hi) -> tuple[Actor, ...]:
    return _following(sent, toks, i, hi, ("by",), within=2)


def _of_by_actors(sent, toks, i, hi) -> tuple[Actor, ...]:
    return _following(sent, toks, i, hi, ("of", "by"), within=1)


def _previous_subject(sent: _Sent) -> tuple[Actor, ...]:
    for subject in reversed(sent.subjects):
        if subject:
            return subject
    return ()


def _previous_type(sent: _Sent) -> str | None:
    return sent.events[-1].type if sent.events else None


def _shares_subject(toks: list[Tok], lo: int, i: int) -> bool:
    """The clause has no subject of its own: only function words, adverbs and participles,
    a pronoun ("its top diplomat"), or troops or envoys the previous clause names."""
    words = [t.low for t in toks[lo:i]]
    if all(w in FUNCTION or w.endswith(("ly", "ed")) for w in words):
        return bool(words) or lo > 0
    return any(w in PRONOUNS or w in MILITARY or w in DIPLOMATIC for w in words)


def _speaker_next_to(spans: list[ActorSpan], toks: list[Tok], i: int) -> bool:
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


def _slots(text: str, sent: _Sent, i: int, lo: int, hi: int, *, lemma: str, entry: Entry,
           say: bool) -> Slots:
    toks = sent.toks
    if say:
        slots = Slots()
    else:
        slots = scan(text, toks, i + 1, hi, sent.places, movement=entry.move)
        slot = _DIRECT_OBJECT.get(lemma)
        if slot and i + 1 < hi:
            place = object_place(text, toks[:hi], i + 1, sent.places)
            if place is not None and getattr(slots, slot) is None:
                setattr(slots, slot, place)
        if i > 0 and slots.at is None and (entry.noun or _looks_noun(toks, i, sent)):
            # "the Kiev protest", "the Kursk offensive"
            prev = toks[i - 1]
            m = next((m for m in sent.places if m.end == prev.end), None)
            if m is not None and slots.at is None:
                slots.at = m
    if slots.at is None and slots.to is None:
        left = scan(text, toks, lo, i, sent.places, movement=False)
        slots.at = left.at
        if slots.at is None and lo > 1 and toks[lo - 1].low == "where" and \
                toks[lo - 2].low == ",":
            # "the Kursk border region, where ...": the relative clause happens there
            slots.at = next((m for m in sent.places if m.end == toks[lo - 2].start), None)
        if slots.at is None and len(toks) > 2 and toks[0].low in AT:
            # "In Donetsk Oblast, ...": the whole sentence happens there
            comma = next((j for j, t in enumerate(toks) if t.low == ","), None)
            if comma is not None and comma < i:
                slots.at = object_place(text, toks[:comma], 1, sent.places)
    return slots


def _places(slots: Slots, entry: Entry, etype: str, agents: tuple[Actor, ...],
            gazetteer: Gazetteer) -> tuple[Mention | None, Place | None, Place | None]:
    at, to, origin = slots.at, slots.to, slots.origin
    moving = entry.move or etype == "aid"
    dest_place = to.place if to else None
    origin_place = origin.place if origin else None
    if moving and dest_place is not None and origin_place is None:
        home = next((a.country for a in agents if a.country), None)
        if home and home != dest_place.country:
            origin_place = gazetteer.country(home)
    location = (to or at) if moving else (at or to)
    if not moving:
        dest_place = origin_place = None
    return location, origin_place, dest_place


def _nearest_date(sent: _Sent, tok: Tok) -> tuple[dt.date | None, str | None]:
    if not sent.dates:
        return None, None
    best = min(sent.dates, key=lambda d: min(abs(d.start - tok.end), abs(tok.start - d.end)))
    return best.date, best.precision
