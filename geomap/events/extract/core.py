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

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Sequence

from ..._text import is_title_case
from ...dates import parse_date
from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang import detect_language, get_language
from ...lang.en import ENGLISH
from ...places import Place
from ...sources import Article
from ._actors import Actor, ActorSpan, find_actors
from ._capitals import capital_places
from ._compounds import facility_places
from ._counts import with_casualties
from ._datelines import by_datelines
from ._dates import DateMention, find_dates
from ._lexicon import LEXICON, NOUN_TOO, Entry, lemma_of
from ._listed import listed_events
from ._locate import Slots, object_place, scan
from ._merge import one_per_action
from ._model import TextEvent
from ._primary import mark_primary
from ._slavic import extract_slavic
from ._subjects import (
    Sent,
    actors_of,
    by_actors,
    modifier_actors,
    of_by_actors,
    previous_subject,
    previous_type,
    shares_subject,
    spans_between,
    speaker_next_to,
    with_actors,
)
from ._tokens import (
    AT,
    CLAUSE_OPENERS,
    DIPLOMATIC,
    FILLER,
    MILITARY,
    MODAL,
    NEGATION,
    PASSIVE_AUX,
    SPEECH,
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
_PHONE = frozenset({"phone", "telephone", "video", "telephonic"})
_FIRE_BEFORE = frozenset({"exchanged", "opened", "returned", "open", "exchange", "exchanging",
                          "opening"})
_NOUN_AFTER = ENGLISH.words("noun_after")
_LABOUR_BEFORE = ENGLISH.words("labour_strike_before")
_LABOUR_AFTER = ENGLISH.words("labour_strike_after")
_STRIKE_BY = ENGLISH.words("strike_means")
_HITS_AFTER = ENGLISH.words("hits_after")
_DISPLACED = ENGLISH.words("displaced_people")
_PEOPLE = ENGLISH.words("casualty_civilian")


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
        lang = get_language(code)
        return with_casualties(text, [described(e, text) for e in extract_slavic(
            text, article.date, mentions, gazetteer, lang)], lang)
    mentions = sorted(mentions, key=lambda m: m.start)
    actors = find_actors(text, list(mentions), gazetteer)
    mentions = sorted([*mentions, *facility_places(text, mentions, gazetteer),
                       *capital_places(text, mentions, gazetteer)], key=lambda m: m.start)
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
        sent = Sent(a, b, tokens(text, a, b),
                     [m for m in places if a <= m.start < b],
                     [s for s in actors if a <= s.start < b],
                     [d for d in dates if a <= d.start < b])
        for i, tok in enumerate(sent.toks):
            if tok.low not in _SPECIAL_WORDS and lemma_of(tok.text) is None:
                continue  # no trigger (what _event_at would find first, asked here per word)
            event = _event_at(text, sent, i, gazetteer=gazetteer, last_subject=last_subject)
            if event is not None:
                sent.events.append(event)
                if event.type in _MATERIAL:  # "struck Dnipro and Kryvyi Rih": one each
                    sent.events.extend(listed_events(text, event, sent.places,
                                                     ENGLISH.and_words))
        out.extend(one_per_action(text, sent.events))
        if sent.subjects and sent.subjects[0]:
            last_subject = sent.subjects[0]
    out = mark_primary(text, out)
    demonyms = [m for m in mentions if m.role == "demonym" and m.place is not None]
    out = locate_report(text, out, places=places, demonyms=demonyms, spans=spans, dates=dates,
                        actors=actors, gazetteer=gazetteer)
    return with_casualties(text, by_datelines(out, mentions, places), ENGLISH)


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
    # actor spans in order and apart (as find_actors gives them): only the last one starting
    # at or before a mention can hold it
    starts = [s.start for s in actors]
    apart = all(s.end <= t.start for s, t in itertools.pairwise(actors))
    out = []
    for m in mentions:
        if m.role in ("demonym", "metonymic", "dateline") or m.place is None:
            continue
        if apart and m.start < m.end:
            k = bisect.bisect_right(starts, m.start)
            near = actors[k - 1 : k]
        else:
            near = actors
        if any(s.start <= m.start and m.end <= s.end and (s.end - s.start) > (m.end - m.start)
               for s in near):
            continue
        out.append(m)
    return out


# -- one trigger ----------------------------------------------------------------------------
def _event_at(text: str, sent: Sent, i: int, *, gazetteer: Gazetteer,
              last_subject: tuple[Actor, ...]) -> TextEvent | None:
    tok = sent.toks[i]
    toks = sent.toks
    if not tok.text[0].isalpha():
        return None
    # (a headline in title case capitalises its verbs: "Military Clashes with Karen Group")
    if tok.text[0].isupper() and i > 0 and _in_name(toks, i) and \
            not is_title_case([t.text for t in toks]):
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
    used_as_noun = noun or _noun_use(toks, i)
    if used_as_noun and not entry.noun and lemma not in NOUN_TOO and special is None:
        return None  # "another sign of", "in return"
    lo = _clause_start(toks, i, sent)
    hi = _clause_end(toks, i)
    subj_spans = spans_between(sent, toks, lo, i)
    passive = not noun and prev in PASSIVE_AUX and tok.low.endswith(("ed", "en", "t", "wn"))
    subject = actors_of(subj_spans, toks)
    inherited = False
    definite = noun and any(t.low in ("the", "this", "that") for t in toks[max(0, i - 2) : i])
    if noun:
        mod = modifier_actors(sent, toks, i)
        after = of_by_actors(sent, toks, i, hi)
        subject = mod or after or (() if definite else subject)
    if not subject and not definite and shares_subject(toks, lo, i):
        subject = previous_subject(sent) or last_subject
        inherited = bool(subject)
    window = [t.low for t in toks[max(lo, i - 8) : min(hi, i + 8)]]
    etype = entry.type
    if entry.dual:
        if MILITARY & set(window) or (inherited and previous_type(sent) == "mobilize"):
            etype = "mobilize"
        elif DIPLOMATIC & set(window):
            etype = "consult"
        elif entry.move and _DISPLACED & set(window):
            etype = "retreat"  # "refugees arrived in Lviv": displacement
        else:
            return None
    elif entry.military and not (MILITARY & set(window)) and \
            previous_type(sent) != "mobilize":
        if not (entry.move and _DISPLACED & set(window)):
            return None
        etype = "retreat"  # "displaced families moved from Rafah to Khan Younis"
    if entry.say and not speaker_next_to(subj_spans, toks, i):
        return None
    agents: tuple[Actor, ...] = subject
    if passive:
        by = by_actors(sent, toks, i, hi)
        agents = by + tuple(a for a in subject if a not in by)
    partners = with_actors(sent, toks, i, hi) if etype in _WITH_TYPES else ()
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
                "clause": (tok.start, toks[hi - 1].end if hi > 0 else tok.end),
                "noun": used_as_noun, "subject_start": toks[lo].start if lo < i else tok.start},
    )


#: The words :func:`_special` reads by their neighbours (every other trigger is in the lexicon).
_SPECIAL_WORDS = frozenset({"call", "calls", "called", "calling", "spoke", "speak", "speaks",
                            "talked", "fire", "strike", "strikes", "hits", "displaced"})


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
    if w == "strike" and (prev in _LABOUR_BEFORE or nxt in _LABOUR_AFTER):
        return "strike", Entry("protest", noun=True)  # "went on strike", "a general strike"
    if w == "strikes":  # "carried out air strikes on X", not "strikes a deal" nor "strikes" alone
        return ("strike", Entry("assault", noun=True)) if prev in _STRIKE_BY else False
    if w == "hits":  # "Strike hits market", not "direct hits"
        return ("hit", Entry("assault")) if prev in _HITS_AFTER else False
    if w == "displaced" and (nxt in _DISPLACED or nxt in _PEOPLE):
        return False  # "displaced families": who moves, not an event
    return None


def _trigger_text(text: str, toks: list[Tok], i: int, special) -> str:
    if special and toks[i].low == "fire" and i > 0:
        return text[toks[i - 1].start : toks[i].end]
    if special and toks[i].low.startswith("call") and i > 0 and toks[i - 1].low in _PHONE:
        return text[toks[i - 1].start : toks[i].end]
    return toks[i].text


def _in_name(toks: list[Tok], i: int) -> bool:
    """A capitalised word inside a proper name ("Korean Central News Agency", "Strike Force");
    not a word after a dateline ("KHARTOUM - Fighting ..."): a name's words stand one space
    apart."""
    before = toks[i - 1].text if i > 0 and toks[i - 1].end + 1 >= toks[i].start else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return (before[:1].isupper() and before[:1].isalpha()) or (after[:1].isupper() and
                                                               after[:1].isalpha())


def _looks_noun(toks: list[Tok], i: int, sent: Sent) -> bool:
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


def _noun_use(toks: list[Tok], i: int) -> bool:
    """A trigger's spelling used as a noun by its neighbours: its bare form after a
    preposition ("by train"; not "by shelling the town", "of wounded"), or the bare form of a
    word that also names its event ("bomb", "strike") right before a verb trigger whose
    subject it is ("a guided bomb hit Kharkiv")."""
    if i > 0 and toks[i - 1].low in _NOUN_AFTER and toks[i].low in LEXICON:
        return True
    if i + 1 < len(toks) and toks[i].low in NOUN_TOO:
        nxt = toks[i + 1]
        if nxt.low == "hits" and toks[i].low in _HITS_AFTER:
            return True  # "Strike hits market"
        found = lemma_of(nxt.text) if nxt.text[:1].islower() else None
        return found is not None and not found[1].noun and not nxt.low.endswith("ing")
    return False


def _clause_start(toks: list[Tok], i: int, sent: Sent) -> int:
    j = i - 1
    while j >= 0:
        w = toks[j].low
        if w in CLAUSE_OPENERS:
            return j + 1
        if w == "and" and j + 1 < i and toks[j + 1].low in _AUX:
            return j + 1  # "... and were believed to be heading"
        found = lemma_of(toks[j].text)
        if found and (found[1].say or not found[1].noun) and not toks[j].text[0].isupper() \
                and not (_looks_noun(toks, j, sent) or _noun_use(toks, j)) and \
                not (w in _SPECIAL_WORDS and _special(toks, j) is False):
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
                toks[j - 1].low not in FILLER and not _noun_use(toks, j):
            return j
        j += 1
    return len(toks)


def _slots(text: str, sent: Sent, i: int, lo: int, hi: int, *, lemma: str, entry: Entry,
           say: bool) -> Slots:
    toks = sent.toks
    if say:
        slots = Slots()
    else:
        slots = scan(text, toks, i + 1, hi, sent.places, movement=entry.move)
        slot = _DIRECT_OBJECT.get(lemma)
        if slot and i + 1 < hi:
            place = object_place(text, toks[:hi], i + 1, sent.places)
            if place is not None and _within(place, getattr(slots, slot)):
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


def _within(place: Mention, other: Mention | None) -> bool:
    """``place`` may stand for ``other``: there is none, or ``place`` is a town inside the
    division or country ``other`` names ("shelled the town of Kurakhove in Donetsk Oblast":
    the phrase after the object says where the town is, not where the event was)."""
    if other is None:
        return True
    a, b = place.place, other.place
    if a is None or b is None or a.feature != "populated_place" or a.country != b.country:
        return False
    return b.feature == "country" or (b.feature == "admin1" and a.admin1 == b.admin1
                                      and a.admin1 is not None)


def _places(slots: Slots, entry: Entry, etype: str, agents: tuple[Actor, ...],
            gazetteer: Gazetteer) -> tuple[Mention | None, Place | None, Place | None]:
    at, to, origin = slots.at, slots.to, slots.origin
    moving = entry.move or etype == "aid"
    dest_place = to.place if to else None
    origin_place = origin.place if origin else None
    if moving and dest_place is not None and origin_place is None and etype != "retreat":
        home = next((a.country for a in agents if a.country), None)
        if home and home != dest_place.country:  # not for who withdraws or flees
            origin_place = gazetteer.country(home)
    location = (to or at) if moving else (at or to)
    if etype == "retreat" and location is None:
        location = origin  # "fled Kherson": where the flight happened
    if not moving:
        # an attack keeps where it came from ("missiles fired from Lebanon at Haifa")
        dest_place = None
        origin_place = origin_place if etype == "assault" and location is not None else None
    return location, origin_place, dest_place


def _nearest_date(sent: Sent, tok: Tok) -> tuple[dt.date | None, str | None]:
    if not sent.dates:
        return None, None
    best = min(sent.dates, key=lambda d: min(abs(d.start - tok.end), abs(tok.start - d.end)))
    return best.date, best.precision
