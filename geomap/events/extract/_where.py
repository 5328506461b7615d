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

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..._sentences import SentenceIndex
from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang.en import ENGLISH
from ...places import Place
from ._actors import Actor, ActorSpan
from ._dates import DateMention
from ._division import FINENESS, in_division, inside, near
from ._genre import describes_no_event, foreign, labelled_genre, sports_result
from ._model import TextEvent
from ._tokens import MILITARY, SPEECH

__all__ = ["PRECISION", "described", "geo_precision", "locate_report", "report_spans"]

#: Feature class -> ``geo_precision`` of the event table.
PRECISION = {"populated_place": "exact", "other": "near", "admin2": "admin2",
             "region": "admin1", "admin1": "admin1", "country": "country"}
_TIER = {"where": 6, "clause": 5, "sentence": 4, "headline": 3, "summary": 3, "report": 2,
         "from": 1}
#: How much each kind of evidence is worth (the event's confidence, before the trigger's).
_TRUST = {"where": 0.9, "clause": 1.0, "parenthesis": 0.9, "sentence": 0.9, "headline": 0.85,
          "summary": 0.85, "report": 0.7, "from": 0.5, "demonym": 0.4, "actor": 0.4,
          "division": 0.8}
# English word classes (the lists live in geomap.lang.en)
EVENT_WORDS = ENGLISH.words("event_words")
WHERE_WORDS = ENGLISH.words("where_words")
ACTOR_NOUNS = ENGLISH.words("actor_nouns")
#: Actors that act at home: a country's police or authorities.
HOME_ACTORS = ENGLISH.words("home_actor_nouns")
VICINITY_WORDS = ENGLISH.words("vicinity_before")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: The word right after a name (past a possessive), in the same phrase.
_NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+([^\W\d_]+)")
_HEADLINE_WORDS = 30
_CLAUSE_GOES_ON = re.compile(r"[ \t]+[a-zà-ÿ]")
_WHERE_MAX = 20  # words of a bare "where" line at most
#: A credit line ("CR Source: Radio X, Mogadishu, in Somali 14 Jan"): the words that open it.
_CREDIT = re.compile(r"\b(?:" + "|".join(sorted(ENGLISH.words("credit_labels"))) + r")\s?:",
                     re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cand:
    mention: Mention
    tier: int
    label: str
    #: in a language geomap has no words for, a one-word name opening its sentence and
    #: going on into a clause ("Ataque armado en ...", "Caen más ..."): often a capitalised
    #: word the English geoparser took for a place; last among equals
    initial: bool = False


def report_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans, with a short first line (a headline without a full stop) its own."""
    spans = SentenceIndex(text).spans()
    if not spans:
        return spans
    a, b = spans[0]
    nl = text.find("\n", a, b)
    if nl > a and len(text[a:nl].split()) <= _HEADLINE_WORDS and text[a:nl].strip():
        head_end = len(text[a:nl].rstrip()) + a
        rest = nl + 1
        while rest < b and text[rest].isspace():
            rest += 1
        spans = [(a, head_end)] + ([(rest, b)] if rest < b else []) + spans[1:]
    return spans


def geo_precision(place: Place | None, text: str = "", start: int | None = None) -> str:
    """The event table's ``geo_precision`` of a place mentioned at ``start`` ("near" when a
    vicinity word stands just before or after a town)."""
    if place is None:
        return "unknown"
    prec = PRECISION.get(place.feature, "unknown")
    if prec == "exact" and start is not None and _vicinity(text, start):
        return "near"
    return prec


def _vicinity(text: str, start: int) -> bool:
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 40) : start])][-3:]
    after = [w.lower() for w in _WORD.findall(text[start : start + 60])][1:4]
    return bool(VICINITY_WORDS.intersection(before)) or bool(
        {"vicinity", "outskirts", "environs"}.intersection(after))


# -- the report -----------------------------------------------------------------------------
class _Report:
    def __init__(self, text: str, spans: list[tuple[int, int]], places: Sequence[Mention],
                 events: Sequence[TextEvent], gazetteer: Gazetteer | None = None) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.spans = spans
        self.places = places
        # spans in order and apart (as report_spans gives them): a binary search finds the
        # sentence of an offset; otherwise index() scans them
        self._starts = [a for a, _b in spans] if all(
            b0 <= a1 for (_a0, b0), (a1, _b1) in itertools.pairwise(spans)) and all(
            a <= b for a, b in spans) else None
        self.sent_of = {m.start: self.index(m.start) for m in places}
        self.event_word: list[tuple[int, str] | None] = []
        self.where_only: list[bool] = []
        material = {self.index(e.start) for e in events if e.type not in SPEECH}
        for k, (a, b) in enumerate(spans):
            named = [m for m in places if a <= m.start < b]
            found = None
            if not named:  # no "where" line: only its first event word is asked for
                for j, word in enumerate(_WORD.findall(text, a, b)):
                    if word.lower().replace("’", "'") in EVENT_WORDS:
                        w = next(itertools.islice(_WORD.finditer(text, a, b), j, None))
                        found = (w.start(), word)
                        break
                self.event_word.append(found)
                self.where_only.append(False)
                if found is None and k in material:
                    self.event_word[-1] = (a, "")
                continue
            # offsets inside the places named: their words are covered
            inside_named = {o for m in named for o in range(m.start, m.end)}
            covered = []
            for w in _WORD.finditer(text, a, b):
                if w.start() in inside_named:
                    covered.append(True)
                    continue
                low = w.group().lower().replace("’", "'")
                covered.append(low in WHERE_WORDS)
                if found is None and low in EVENT_WORDS:
                    found = (w.start(), w.group())
            self.event_word.append(found)
            # a "where" line: places and place words, give or take an unknown name (one word
            # in four)
            self.where_only.append(len(covered) <= _WHERE_MAX and
                                   covered.count(False) <= max(1, len(covered) // 4))
            if found is None and k in material:
                self.event_word[-1] = (a, "")
        self.evidence = [k == 0 or self.event_word[k] is not None or self.where_only[k]
                         for k in range(len(spans))]
        self.actor_places = [m for m in places if _acting_place(text, m)]
        self.credits = _credits(text)

    def credited(self, m: Mention) -> bool:
        """The mention is in a credit line: where the report came from, not where."""
        return any(a <= m.start < b for a, b in self.credits)

    @functools.cached_property
    def foreign(self) -> bool:
        """Latin-script text in a language geomap has no event words for (computed when first
        asked: only a one-word place opening its sentence, or a report with no event word)."""
        return foreign(self.text)

    def index(self, offset: int) -> int:
        """The sentence holding ``offset`` (else the last one starting before it, else 0)."""
        if self._starts is not None:
            return max(bisect.bisect_right(self._starts, offset) - 1, 0)
        for k, (a, b) in enumerate(self.spans):
            if a <= offset < b:
                return k
        k = 0
        for j, (a, _b) in enumerate(self.spans):
            if a <= offset:
                k = j
        return k

    def candidates(self, sentence: int, clause: tuple[int, int] | None) -> list[_Cand]:
        out = []
        for m in self.places:
            k = self.sent_of[m.start]
            if (k != sentence and not self.evidence[k]) or _actor_use(self.text, m) or \
                    self.credited(m):
                continue
            if k == 0 and self.where_only[k]:
                label = "where"  # opens with a bare "where" line: says where, in so many words
            elif _after_from(self.text, m.start):
                label = "from"
            elif clause and clause[0] <= m.start < clause[1]:
                label = "clause"
            elif k == sentence:
                label = "sentence"
            elif k == 0:
                label = "headline"
            elif sentence == 0 and k == 1:
                label = "summary"  # the headline's event, told in the next sentence
            else:
                label = "report"
            initial = m.start == self.spans[k][0] and not self.where_only[k] and \
                " " not in m.name and self.foreign and \
                _CLAUSE_GOES_ON.match(self.text, m.end) is not None
            if _in_parentheses(self.text, m.start) and label != "from":
                out.append(_Cand(m, _TIER[label], "parenthesis", initial))
            else:
                out.append(_Cand(m, _TIER[label], label, initial))
        return out


def _credits(text: str) -> list[tuple[int, int]]:
    """Spans of credit lines: from "Source:" to the end of its headline (";") or line."""
    out = []
    for c in _CREDIT.finditer(text):
        ends = [e for e in (text.find(";", c.end()), text.find("\n", c.end())) if e >= 0]
        out.append((c.start(), min(ends, default=len(text))))
    return out


def _actor_use(text: str, m: Mention) -> str:
    """The place names who acted: "Kiev's forces", "pro-Moscow rebels", "Sinaloa cartel"
    (the actor noun, "pro" or "anti"; "" when the place is not used so)."""
    before = text[max(0, m.start - 5) : m.start].lower()
    for prefix in ("pro", "anti"):
        if before.endswith(prefix + "-"):
            return prefix
    after = _NEXT_WORD.match(text, m.end)
    word = after.group(1).lower() if after is not None else ""
    return word if word in ACTOR_NOUNS else ""


def _acting_place(text: str, m: Mention) -> bool:
    """A place named as who acted that still says where: a division ("Borno troops") or a
    country's police or authorities."""
    word = _actor_use(text, m)
    if word in ("", "pro", "anti"):
        return False
    feature = m.place.feature
    return feature in ("admin1", "admin2", "region") or (
        feature == "country" and word in HOME_ACTORS)


def _after_from(text: str, start: int) -> bool:
    words = [w.lower() for w in _WORD.findall(text[max(0, start - 30) : start])][-3:]
    if "from" not in words:
        return False
    tail = words[words.index("from") + 1 :]
    return all(w in ("the", "a", "city", "town", "village", "region", "of") for w in tail)


def _in_parentheses(text: str, start: int) -> bool:
    lo = max(0, start - 120)
    opened = text.rfind("(", lo, start)
    return opened >= 0 and text.find(")", opened, start) < 0


def _agreement(c: _Cand, cands: list[_Cand]) -> int:
    """How many other mentions name the same place, one around it or one inside it, or lie
    within 100 km of it: "the Krest checkpoint near Debaltseve. Debaltseve" is in Ukraine."""
    p = c.mention.place
    return sum(o.mention.start != c.mention.start and
               (o.mention.place.key == p.key or inside(p, o.mention.place) or
                inside(o.mention.place, p) or near(p, o.mention.place, 100.0))
               for o in cands)


def _compatriots(c: _Cand, cands: list[_Cand]) -> int:
    """How many other mentions name a place in the same country."""
    country = c.mention.place.country
    return 0 if country is None else sum(
        o.mention.start != c.mention.start and o.mention.place.country == country for o in cands)


def _choose(cands: list[_Cand], anchor_start: int | None) -> _Cand | None:
    if not cands:
        return None
    where = any(c.tier == _TIER["where"] for c in cands)
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


def _narrowed(report: _Report, chosen: _Cand, cands: list[_Cand]) -> _Cand:
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
    report = _Report(text, spans, places, events, gazetteer)
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


def _relocate(text: str, e: TextEvent, report: _Report,
              demonyms: Sequence[Mention]) -> TextEvent:
    sentence = report.index(e.start)
    cands = report.candidates(sentence, e.extras.get("clause"))
    anchor = e.extras.get("location_start") if e.location is not None else None
    chosen = _choose(cands, anchor)
    if chosen is not None:
        chosen = _narrowed(report, chosen, cands)
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


def _by_demonym(e: TextEvent, report: _Report, demonyms: Sequence[Mention], *, sentence: int,
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


def _by_actor(e: TextEvent, report: _Report, *, sentence: int, trust: float) -> TextEvent:
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


def _untriggered(text: str, report: _Report, demonyms: Sequence[Mention],
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
    chosen = _choose(cands, None)
    if chosen is not None:
        chosen = _narrowed(report, chosen, cands)
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
