"""Events from Ukrainian and Russian text: trigger lemmas, place, date and actors per sentence.

A simpler reader than the English one (no subject/object parsing): in each sentence every word
whose pymorphy3 lemma is a trigger of the language (:mod:`geomap.lang.uk`, ``ru``) is an event
of that type, once per type and sentence. Its location is the finest place the sentence names
("обстріляли Куп'янськ на Харківщині": Куп'янськ), leaving out places named only as an origin
("з Бєлгорода"); its date the sentence's date expression ("5 листопада", "в ночь на 3 марта",
"вчора") or none; its actors the language's actor words ("ЗСУ", "окупанти", "российские
войска"), organisations and the countries the sentence names.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from ..._sentences import SentenceIndex
from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang import Language, Trigger
from ._actors import Actor
from ._dates import DateMention
from ._listed import listed_run
from ._locate import finest
from ._model import TextEvent
from ._primary import mark_primary

__all__ = ["extract_slavic", "find_dates_in"]

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")


def _alternatives(words) -> str:
    """A regex alternation of ``words``, longest first, any apostrophe matching any."""
    return "|".join(re.escape(w).replace("'", "['’ʼ]") for w in sorted(words, key=len,
                                                                      reverse=True))


@functools.cache
def _date_patterns(lang: Language) -> tuple[re.Pattern[str] | None, ...]:
    """The language's date patterns, built once: day + month name (+ year), relative days,
    weekdays after a preposition or "last" ("у неділю", "в ночь на воскресенье", "минулої
    неділі")."""
    edge, end = r"(?<![^\W\d_])", r"(?![^\W\d_])"
    months = re.compile(r"\b([0-3]?\d)\s+(" + _alternatives(lang.months)
                        + r")\b(?:\s+((?:19|20)\d\d))?", re.I) if lang.months else None
    rel = re.compile(edge + "(" + _alternatives(lang.relative_days) + ")" + end, re.I) \
        if lang.relative_days else None
    before, last = lang.words("weekday_before"), lang.words("weekday_last")
    weekdays = None
    if lang.weekdays and (before or last):
        lead = r"(?:(?P<lead>" + _alternatives(before) + r")\s+)?" if before else ""
        past = r"(?:(?P<last>" + _alternatives(last) + r")\s+)?" if last else ""
        weekdays = re.compile(edge + lead + past + "(?P<wd>" + _alternatives(lang.weekdays)
                              + ")" + end, re.I)
    return months, rel, weekdays


#: Numeric dates: ISO, and dotted day first as Ukrainian and Russian write them
#: ("05.11.2024" is 5 November).
_NUMERIC = re.compile(r"(?<![\d.])(?:((?:19|20)\d\d)-([01]\d)-([0-3]\d)"
                      r"|([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d))(?![\d])")


def _numeric(text: str) -> list[DateMention]:
    out = []
    for m in _NUMERIC.finditer(text):
        y, mo, d = (m.group(1, 2, 3) if m.group(1) else m.group(6, 5, 4))
        try:
            day = dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue
        out.append(DateMention(m.start(), m.end(), day, "day", True))
    return out


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


def find_dates_in(text: str, anchor: dt.date | None, lang: Language) -> list[DateMention]:
    """Day-month dates ("5 листопада 2024", "3 марта"), numeric dates ("05.11.2024"),
    relative days ("вчора") and weekdays ("у неділю": the last such day on or before
    ``anchor``)."""
    months, rel, weekdays = _date_patterns(lang)
    out: list[DateMention] = _numeric(text)
    taken: list[tuple[int, int]] = [(d.start, d.end) for d in out]
    if months is not None:
        for m in months.finditer(text):
            month = lang.months[m.group(2).lower()]
            year = int(m.group(3)) if m.group(3) else (anchor.year if anchor else None)
            if year is None:
                continue
            try:
                d = dt.date(year, month, int(m.group(1)))
            except ValueError:
                continue
            if not m.group(3) and anchor and d > anchor + dt.timedelta(days=7):
                d = d.replace(year=year - 1)
            out.append(DateMention(m.start(), m.end(), d, "day", True))
            taken.append((m.start(), m.end()))
    if anchor is not None and rel is not None:
        for m in rel.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            unit, offset = lang.relative_days[" ".join(m.group(1).lower().split())]
            if unit == "day":
                d, prec = anchor + dt.timedelta(days=offset), "day"
            elif unit == "week":
                d, prec = anchor - dt.timedelta(days=anchor.weekday() - 7 * offset), "week"
            elif unit == "month":
                first = anchor.replace(day=1)
                for _ in range(-offset):
                    first = (first - dt.timedelta(days=1)).replace(day=1)
                d, prec = first, "month"
            else:
                d, prec = dt.date(anchor.year + offset, 1, 1), "year"
            out.append(DateMention(m.start(), m.end(), d, prec, False))
            taken.append((m.start(), m.end()))
    if anchor is not None and weekdays is not None:
        for m in weekdays.finditer(text):
            groups = m.groupdict()
            if not (groups.get("lead") or groups.get("last")) or \
                    any(a < m.end() and m.start() < b for a, b in taken):
                continue
            back = (anchor.weekday() - lang.weekdays[_norm(m.group("wd"))]) % 7
            if groups.get("last") and back == 0:
                back = 7
            out.append(DateMention(m.start(), m.end(), anchor - dt.timedelta(days=back),
                                   "day", False))
    return sorted(out, key=lambda d: d.start)


def _actors(text: str, a: int, b: int, lang: Language, *, places: Sequence[Mention],
            gazetteer: Gazetteer) -> tuple[Actor, ...]:
    low = text[a:b].lower()
    found: dict[str, Actor] = {}
    for phrase, iso2 in lang.demonyms.items():
        if re.search(r"(?<![^\W\d_])" + re.escape(phrase), low):
            place = gazetteer.country(iso2) if iso2 else None
            actor = Actor(place.name if place else (iso2 or phrase), iso2)
            found.setdefault(actor.name, actor)
    for name, (canon, iso2) in lang.organisations.items():
        if re.search(r"(?<![^\W\d_])" + re.escape(name) + r"(?![^\W\d_])", text[a:b]):
            found.setdefault(canon, Actor(canon, iso2))
    for m in places:
        if a <= m.start < b and m.place is not None and m.place.feature == "country" and \
                m.role in ("metonymic", "demonym"):
            found.setdefault(m.place.name, Actor(m.place.name, m.place.country))
    return tuple(found.values())


def _locations(text: str, a: int, b: int, lang: Language, places: Sequence[Mention]
               ) -> list:
    """The finest place of ``text[a:b]`` (see :func:`_location`) and the places listed with
    it ("над Курской и Брянской областями": both regions), or [] when none."""
    origin = lang.prepositions.get("origin", frozenset())
    inside = [m for m in places if a <= m.start < b and m.place is not None and
              m.role in ("literal", "dateline") and not _after(text, a, m, origin)]
    best = finest(inside)
    if best is None:
        return []
    group, _used = listed_run(text, inside, inside.index(best),
                              {w.lower() for w in lang.words("count_and")} | {","})
    return list(dict.fromkeys(m.place for m in group))


def _after(text: str, a: int, m: Mention, words: frozenset[str]) -> bool:
    before = _WORD.findall(text[max(a, m.start - 30) : m.start])
    return bool(before) and before[-1].lower() in words


def _location(text: str, a: int, b: int, lang: Language, places: Sequence[Mention]):
    """The finest place of the sentence that is not only where something came from ("з
    Бєлгорода"): "обстріляли Куп'янськ на Харківщині" -> Куп'янськ."""
    origin = lang.prepositions.get("origin", frozenset())
    inside = []
    for m in places:
        if not (a <= m.start < b and m.place is not None and m.role in ("literal", "dateline")):
            continue
        before = _WORD.findall(text[max(a, m.start - 30) : m.start])
        if before and before[-1].lower() in origin:
            continue
        inside.append(m)
    best = finest(inside)
    return best.place if best else None


def _triggers(text: str, a: int, b: int, lang: Language, within: tuple[int, int] | None = None):
    """(word match, lemma, entry) of the triggers of the sentence ``a``-``b`` (of its clause
    ``within`` when given), first of each type, in text order. Word order is free, so no
    trigger depends on its place in the sentence; a
    ``military`` trigger ("запустили", "выпустили") counts only when a word of the
    language's "weapons" class is anywhere in the sentence ("Ракету по
    Одесі запустили ...", not "запустили програму"); a verb of its "capture_verbs" class is
    an attack only with a word of its "capture_objects" class in the three words after it
    ("освободили населённый пункт X", "взяли под контроль", not "звільнили з полону" nor
    "взяли участь ... у місті")."""
    found: dict[str, tuple] = {}
    waiting: list[tuple] = []
    capture: tuple | None = None
    capture_verbs = lang.words("capture_verbs")
    words = list(_WORD.finditer(text, a, b))
    lo, hi = within or (a, b)
    for w in words:
        if not lo <= w.start() < hi:
            continue
        entry = lemma = None
        lemmas = lang.lemmas(w.group())
        for lemma in lemmas:
            entry = lang.triggers.get(lemma)
            if entry is not None:
                break
        if entry is None:
            if capture is None and capture_verbs and not capture_verbs.isdisjoint(lemmas):
                k = words.index(w)
                if _has_word(words[k + 1 : k + 4], lang, "capture_objects"):
                    capture = (w, next(x for x in lemmas if x in capture_verbs), _CAPTURE)
            continue
        if entry.type in found:
            continue
        if entry.military:
            waiting.append((w, lemma, entry))
        else:
            found[entry.type] = (w, lemma, entry)
    if waiting and any(t.type not in found for _, _, t in waiting) and \
            _has_word(words, lang, "weapons"):
        for w, lemma, entry in waiting:
            found.setdefault(entry.type, (w, lemma, entry))
    if capture is not None and "assault" not in found:
        found["assault"] = capture  # "освободили населённый пункт X": a capture
    return sorted(found.values(), key=lambda t: t[0].start())


#: A capture ("звільнили село", "взяли под контроль") is an attack (as "захопити" is).
_CAPTURE = Trigger("assault")


def _has_word(words, lang: Language, name: str) -> bool:
    """A word of the sentence has a lemma in the language's word class ``name``."""
    wanted = lang.words(name)
    return any(lemma in wanted for w in words for lemma in lang.lemmas(w.group()))


@functools.cache
def _clause_break(lang: Language) -> re.Pattern[str] | None:
    """Where a sentence turns to another event: ";" or a comma before a contrasting
    conjunction ("..., а у Львові відбувся мітинг", "..., но в Курске ...")."""
    words = lang.words("clause_contrast")
    return re.compile(r";|,\s*(?:" + _alternatives(words) + r")(?![^\W\d_])", re.I) \
        if words else None


def _clauses(text: str, a: int, b: int, lang: Language) -> list[tuple[int, int]]:
    pattern = _clause_break(lang)
    cuts = [m.start() for m in pattern.finditer(text, a, b)] if pattern else []
    return list(zip([a, *cuts], [*cuts, b], strict=True))


def extract_slavic(text: str, date: dt.date | None, mentions: Sequence[Mention],
                   gazetteer: Gazetteer, lang: Language) -> list[TextEvent]:
    """Events of a Ukrainian or Russian ``text`` published on ``date``. Each event's place
    and actors are its clause's (see :func:`_clause_break`), else the sentence's; a clause
    with no actors of its own shares the previous clause's only for an event of a type
    that clause had ("ЗСУ обстріляли Курськ, а потім атакували Бєлгород")."""
    mentions = sorted(mentions, key=lambda m: m.start)
    dates = find_dates_in(text, date, lang)
    if date is None:  # an undated post: a full date in its first lines anchors the rest
        first = next((d for d in dates if d.explicit and d.precision == "day"
                      and d.start < 300), None)
        if first is not None:
            dates = find_dates_in(text, first.date, lang)
    out: list[TextEvent] = []
    for a, b in SentenceIndex(text).spans():
        if not _triggers(text, a, b, lang):
            continue
        clauses = _clauses(text, a, b, lang)
        whole = None
        prev_actors: tuple[Actor, ...] = ()
        prev_types: set[str] = set()
        for ca, cb in clauses:
            here = _triggers(text, a, b, lang, (ca, cb)) if len(clauses) > 1 else \
                _triggers(text, a, b, lang)
            if not here:
                continue
            actors = _actors(text, ca, cb, lang, places=mentions, gazetteer=gazetteer)
            locs_here = _locations(text, ca, cb, lang, mentions)
            for w, lemma, entry in here:
                near = [d for d in dates if a <= d.start < b]
                when = min(near, key=lambda d: abs(d.start - w.start())) if near else None
                if entry.say:
                    locs = [None]
                elif locs_here or len(clauses) == 1:
                    locs = locs_here or [None]
                else:
                    if whole is None:
                        whole = _location(text, a, b, lang, mentions) or False
                    locs = [whole or None]
                who = actors or (prev_actors if entry.type in prev_types else ())
                for loc in locs:  # one event per place of a list ("над Курской и Брянской")
                    out.append(TextEvent(
                        type=entry.type, trigger=w.group(), trigger_start=w.start(),
                        trigger_end=w.end(), sentence=" ".join(text[a:b].split()), start=a,
                        end=b, date=when.date if when else None,
                        date_precision=when.precision if when else None,
                        actors=who, location=loc,
                        extras={"lemma": lemma, "language": lang.code}))
            prev_actors = actors or prev_actors
            prev_types = {entry.type for _, _, entry in here}
    return mark_primary(text, out)
