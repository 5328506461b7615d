"""Where a report's main event happened: evidence from the whole report, not one phrase.

The sentences of a report that can say where its event happened are its *evidence*: the
headline (first line or first sentence), the sentence of the main event, sentences that
describe harm or fighting (an event word or an extracted event) and bare "where" fragments
("near the village of X, Y district."). Other sentences ("Reporters were waiting in Kyiv") are
no evidence, nor is a credit line ("CR Source: Radio X, Mogadishu, in Somali": where the report
came from). Each place of the evidence gets a tier, strongest first:

``where``      in a bare "where" line opening the report ("near the village of X, Y
               district. Two civilians killed ..."): the report says where in so many words,
               so this beats the event's own phrase;
``clause``     in the main event's clause from its trigger on (the trigger's phrase, its objects);
``sentence``   elsewhere in the event's sentence;
``headline``   in the headline when the event is in the summary;
``summary``    in the sentence after the headline when the event is in the headline;
``report``     in another evidence sentence;
``from``       the object of "from" ("refugees from X"): weak, used only when nothing else is.

The event's own phrase ("attacked Koro") is the anchor when it names a place; otherwise the most
specific place of the strongest tier; of equals, the one most other mentions agree with (the
same place, one around or inside it, one within 100 km, then one in the same country), then the
first. A coarse anchor (country, region, district) is narrowed to the most specific place the
evidence names inside it, so a town named anywhere in the report beats "in northern Mali" (and a
town of a country the report names beats a region of several countries, "the Sahel"). With no
place at all, a demonym that is not the event's actor ("Burmese villagers") gives its country.
The chosen mention also gives ``location_evidence`` (its tier, or ``parenthesis`` inside
brackets, ``demonym``) and ``geo_precision`` (the event table's vocabulary; ``near`` after
"near", "outskirts of"...).

When nothing else places the event, a division named as who acted ("Borno troops", "Eastern Cape
police"), or a country whose police, authorities or rebels acted, is the last resort
(``location_evidence`` ``actor``): never a town ("Kiev's forces") nor a country's army.

A report with no recognised trigger still gets an event of type None (lower confidence when no
event word names harm either) when it names a place, unless it describes no event: see
:mod:`._genre` ("Analysis: ...", a sports result, a festival, a product, a place described).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang.en import ENGLISH
from ...places import Place
from ._actors import Actor, ActorSpan
from ._choose import choose, narrowed
from ._dates import DateMention
from ._division import in_division
from ._genre import describes_no_event, labelled_genre, sports_result
from ._model import TextEvent
from ._report import WORD as _WORD
from ._report import Report, report_spans
from ._tokens import MILITARY, SPEECH

__all__ = ["PRECISION", "described", "geo_precision", "locate_report", "report_spans"]

#: Feature class -> ``geo_precision`` of the event table.
PRECISION = {"populated_place": "exact", "other": "near", "admin2": "admin2",
             "region": "admin1", "admin1": "admin1", "country": "country"}
#: How much each kind of evidence is worth (the event's confidence, before the trigger's).
_TRUST = {"where": 0.9, "clause": 1.0, "parenthesis": 0.9, "sentence": 0.9, "headline": 0.85,
          "summary": 0.85, "report": 0.7, "from": 0.5, "demonym": 0.4, "actor": 0.4,
          "division": 0.8}
VICINITY_WORDS = ENGLISH.words("vicinity_before")
DIVISION_NOUNS = ENGLISH.words("division_nouns")


def geo_precision(place: Place | None, text: str = "", start: int | None = None) -> str:
    """The event table's ``geo_precision`` of a place mentioned at ``start`` ("near" when a
    vicinity word stands just before or after a town)."""
    if place is None:
        return "unknown"
    prec = PRECISION.get(place.feature, "unknown")
    if prec == "exact" and start is not None:
        if _district_named(text, start):
            return "admin2"
        if _vicinity(text, start):
            return "near"
    return prec


def _district_named(text: str, start: int) -> bool:
    """The town at ``start`` names its district ("Yasynuvata district", "the Pokrovsky
    District"): the place is the district's, not the town's own."""
    words = _WORD.findall(text[start : start + 60])[:4]
    i = 0
    while i < len(words) and words[i][0].isupper() and words[i].lower() not in DIVISION_NOUNS:
        i += 1
    return 0 < i < len(words) and words[i].lower() in DIVISION_NOUNS


def _vicinity(text: str, start: int) -> bool:
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 40) : start])][-3:]
    after = [w.lower() for w in _WORD.findall(text[start : start + 60])][1:4]
    return bool(VICINITY_WORDS.intersection(before)) or bool(
        {"vicinity", "outskirts", "environs"}.intersection(after))


# -- the main entry -------------------------------------------------------------------------
def locate_report(text: str, events: list[TextEvent], *, places: Sequence[Mention],
                  demonyms: Sequence[Mention], spans: list[tuple[int, int]],
                  dates: Sequence[DateMention], actors: Sequence[ActorSpan],
                  gazetteer: Gazetteer | None = None) -> list[TextEvent]:
    """``events`` with the primary event located by the report's evidence (or a new event of
    type None when no trigger was recognised but the text reports an event at a place) and
    every event's ``geo_precision``, ``location_evidence`` and ``confidence`` set."""
    if not spans:
        return events
    if labelled_genre(text, spans[0]) or sports_result(text, spans[0]):
        return [described(replace(e, primary=False), text) for e in events]
    report = Report(text, spans, places, events, gazetteer)
    primary = next((e for e in events if e.primary), None)
    if primary is None:
        event = _untriggered(text, report, demonyms, dates, actors)
        return [event] if event is not None else []
    return [described(_relocate(text, e, report, demonyms)
                       if e is primary and e.type not in SPEECH else e, text) for e in events]


def described(e: TextEvent, text: str) -> TextEvent:
    """A trigger event's own precision and evidence (its phrase), when not set already."""
    if e.location_evidence is not None or e.location is None:
        return e
    start = e.extras.get("location_start")
    return replace(e, geo_precision=geo_precision(e.location, text, start),
                   location_evidence="clause", confidence=0.8)


def _relocate(text: str, e: TextEvent, report: Report,
              demonyms: Sequence[Mention]) -> TextEvent:
    sentence = report.index(e.start)
    cands = report.candidates(sentence, e.extras.get("clause"))
    anchor = e.extras.get("location_start") if e.location is not None else None
    chosen = choose(cands, anchor)
    if chosen is not None:
        chosen = narrowed(report, chosen, cands)
    if chosen is None:
        actors = {a.country for a in e.actors}
        located = _by_demonym(e, report, demonyms, sentence=sentence, actors=actors, trust=0.8)
        if located.location is None:
            located = _by_actor(e, report, sentence=sentence, trust=0.8)
        return located
    m = chosen.mention
    place, label = in_division(report, chosen, cands)
    return replace(e, location=place, location_evidence=label,
                   geo_precision=geo_precision(place, text, m.start),
                   confidence=round(0.8 * _TRUST[label], 2),
                   extras={**e.extras, "location_start": m.start})


def _by_demonym(e: TextEvent, report: Report, demonyms: Sequence[Mention], *, sentence: int,
                actors: set[str | None], trust: float) -> TextEvent:
    for m in demonyms:
        k = report.index(m.start)
        if m.place is None or not (k == sentence or report.evidence[k]) or report.credited(m):
            continue
        if m.place.country in actors or m.place.feature != "country":
            continue
        after = _WORD.findall(report.text[m.end : m.end + 30])[:1]
        if after and after[0].lower() in MILITARY:
            continue  # "Russian troops advanced": who acted, not where
        return replace(e, location=m.place, location_evidence="demonym",
                       geo_precision="country", confidence=round(trust * _TRUST["demonym"], 2))
    return e


def _by_actor(e: TextEvent, report: Report, *, sentence: int, trust: float) -> TextEvent:
    """The last resort: a division named as who acted ("Borno troops", "Eastern Cape police"),
    or a country whose police or authorities acted: forces named for a province act in it.
    Never a town ("Kiev's forces") and never a country's army (armies fight abroad)."""
    for m in report.actor_places:
        k = report.index(m.start)
        if not (k == sentence or report.evidence[k]) or report.credited(m):
            continue
        return replace(e, location=m.place, location_evidence="actor",
                       geo_precision=geo_precision(m.place),
                       confidence=round(trust * _TRUST["actor"], 2),
                       extras={**e.extras, "location_start": m.start})
    return e


def _untriggered(text: str, report: Report, demonyms: Sequence[Mention],
                 dates: Sequence[DateMention], actors: Sequence[ActorSpan]) -> TextEvent | None:
    """An event of type None for a report with no recognised trigger, or None when the text
    reports no event or names no place."""
    n = len(report.spans)
    eventful = [k for k in range(n) if report.event_word[k] is not None]
    where = [k for k in range(n) if report.where_only[k]]
    plain = not (eventful or where)
    if plain and report.foreign:
        report.evidence = [True] * n
    elif plain and describes_no_event(text, report.spans, report.places):
        return None
    sentence = eventful[0] if eventful else (where[0] if where else 0)
    a, b = report.spans[sentence]
    word = report.event_word[sentence]
    trigger = word[1] if word and word[1] else None
    t_start = word[0] if word and word[1] else a
    base = TextEvent(
        type=None, trigger=trigger, trigger_start=t_start,
        trigger_end=t_start + len(trigger) if trigger else a, sentence=text[a:b], start=a,
        end=b, date=None, date_precision=None,
        actors=_actors_in(actors, a, b), primary=True, extras={"lemma": None})
    trust = 0.5 if eventful else (0.35 if plain else 0.4)
    cands = report.candidates(sentence, None)
    chosen = choose(cands, None)
    if chosen is not None:
        chosen = narrowed(report, chosen, cands)
    if chosen is None:
        located = _by_demonym(base, report, demonyms, sentence=sentence, actors=set(),
                              trust=trust)
        if located.location is None:
            located = _by_actor(base, report, sentence=sentence, trust=trust)
        if located.location is None:
            return None
        base = located
    else:
        m = chosen.mention
        place, label = in_division(report, chosen, cands)
        base = replace(base, location=place, location_evidence=label,
                       geo_precision=geo_precision(place, text, m.start),
                       confidence=round(trust * _TRUST[label], 2),
                       extras={"lemma": None, "location_start": m.start})
    date, precision = _date_for(dates, a, b)
    return replace(base, date=date, date_precision=precision)


def _actors_in(actors: Sequence[ActorSpan], a: int, b: int) -> tuple[Actor, ...]:
    return tuple(dict.fromkeys(s.actor for s in actors if a <= s.start < b))[:4]


def _date_for(dates: Sequence[DateMention], a: int, b: int) -> tuple[dt.date | None, str | None]:
    inside = [d for d in dates if a <= d.start < b]
    pick = inside[0] if inside else next((d for d in dates if d.explicit), None)
    return (pick.date, pick.precision) if pick else (None, None)
