"""Casualty counts of text events: how many people a report says were killed or wounded.

Read from each event's sentence with the language's word lists (:class:`geomap.lang.Language`
word classes ``casualty_*`` and ``count_*``, and its ``numbers``), in two patterns:

* victims, then what happened to them: "three civilians were killed", "12 dead", "a soldier
  was killed", "two soldiers and a civilian killed" (coordinated counts add up);
* a death or injury verb, then its victims: "killing two soldiers", "shelling kills 3",
  "the death toll rose to 15". A count before such a verb is its agent, not its victims
  ("two explosions killed three people" is 3).

Digits ("1,200"), number words ("twenty-five", "two dozen") and "a" / "an" before a person
("a pensioner was killed") count; vague words ("several", "dozens") and numbers of units
("24 hours", "10 km", "12-year-old") do not. "At least", "more than" and the like mark the
count ``approximate``. A sentence with several counts keeps the largest of each kind (news
repeats one toll more often than it adds two). The join compares ``killed`` with records'
``fatalities`` (:mod:`geomap.join.score`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ...lang import Language
from ._merge import same_place
from ._model import TextEvent

__all__ = ["Casualties", "find_casualties", "with_casualties"]

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|[^\W_]+(?:[-'’][^\W_]+)*|[,;:.()“”\"!?]")
_YEAR = range(1900, 2101)


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts read from one sentence (None: not said)."""

    killed: int | None = None
    wounded: int | None = None
    civilians_killed: int | None = None
    approximate: bool = False

    def __bool__(self) -> bool:
        return self.killed is not None or self.wounded is not None


@dataclass(frozen=True, slots=True)
class _Words:
    numbers: dict
    killed: frozenset
    wounded: frozenset
    active: frozenset
    toll: frozenset
    civilian: frozenset
    person: frozenset
    at_least: frozenset
    vague: frozenset
    units: frozenset
    stop: frozenset
    conjunctions: frozenset
    known: frozenset
    single: frozenset
    #: the lemmatiser of the language these are the words of, and the words' normal forms
    #: (:func:`_normal`) found with it so far
    lemmatise: Callable | None = None
    normal: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, lang: Language) -> _Words:
        w = lang.words
        sets = (w("casualty_killed"), w("casualty_wounded"), w("casualty_active"),
                w("casualty_toll"), w("casualty_civilian"), w("casualty_person"),
                w("count_at_least"), w("count_vague"), w("count_units"), w("count_stop"))
        # counts joined by these add up ("two soldiers and a civilian"); English's "and"
        # unless the language lists its own
        conj = w("count_and") or frozenset({"and"})
        return cls(dict(lang.numbers), *sets, conj,
                   frozenset().union(*sets, conj, lang.numbers), w("casualty_single"),
                   lang.lemmatise)


_WORDS: dict[str, _Words] = {}


def _words(lang: Language) -> _Words:
    found = _WORDS.get(lang.code)
    if found is None:
        found = _WORDS[lang.code] = _Words.of(lang)
    return found


def _number(toks: list[str], i: int, w: _Words) -> tuple[int, int] | None:
    """(value, index after it) of a count starting at ``toks[i]``; "a" / "an" only before
    a person ("a civilian", "a Ukrainian soldier")."""
    t = toks[i]
    if t in ("a", "an"):
        if i + 1 < len(toks) and toks[i + 1] in ("dozen",):
            return 12, i + 2
        ahead = toks[i + 1 : i + 3]
        return (1, i + 1) if any(x in w.person for x in ahead) else None
    if t[0].isdigit():
        if not t.replace(",", "").isdigit():
            return None
        value = int(t.replace(",", ""))
        if value in _YEAR and "," not in t:
            return None
    elif t in w.vague or (t not in w.numbers and "-" not in t):
        return None
    elif "-" in t:  # "twenty-five"
        parts = t.split("-")
        if not all(p in w.numbers and p not in w.vague for p in parts):
            return None
        value = sum(w.numbers[p] for p in parts)
    else:
        value = w.numbers[t]
    j = i + 1
    while j < len(toks) and toks[j] in ("hundred", "thousand", "dozen"):  # "two hundred"
        value *= w.numbers[toks[j]]
        j += 1
    if j < len(toks) and toks[j] in w.units:
        return None
    return value, j


def _approximate(toks: list[str], i: int, w: _Words) -> bool:
    before = toks[i - 1] if i > 0 else ""
    return before in w.at_least or (before == "to" and i > 1 and toks[i - 2] == "up")


#: Normal forms remembered per language, at most (a word's lemmas are made once).
_NORMALS = 200_000


def _normal(tok: str, lang: Language, w: _Words) -> str:
    """``tok`` as the word lists hold it: as written, else the first of its lemmas they
    know (Ukrainian and Russian: "загинули" -> загинути, "п'ятьох" -> п'ять; English
    words are listed as written)."""
    if lang.lemmatise is not w.lemmatise:
        return _normal_of(tok, lang, w)
    found = w.normal.get(tok)
    if found is None:
        found = _normal_of(tok, lang, w)
        if len(w.normal) < _NORMALS:
            w.normal[tok] = found
    return found


def _normal_of(tok: str, lang: Language, w: _Words) -> str:
    if tok in w.known or not tok[0].isalpha():
        return tok
    for lemma in lang.lemmas(tok)[1:]:
        norm = lemma.replace("’", "'").replace("ʼ", "'")
        if norm in w.known:
            return norm
    return tok


def find_casualties(text: str, lang: Language) -> Casualties:
    """The casualty counts one sentence gives (empty when it gives none)."""
    return _total(_counts(text, lang))


def _total(found: list[_Count]) -> Casualties:
    """The largest count of each kind (news repeats one toll more often than it adds two)."""
    killed = [c.value for c in found if c.kind == "killed"]
    wounded = [c.value for c in found if c.kind == "wounded"]
    civilians = [c.value for c in found if c.kind == "killed" and c.civilian]
    return Casualties(max(killed) if killed else None, max(wounded) if wounded else None,
                      max(civilians) if civilians else None,
                      any(c.approximate for c in found))


@dataclass(frozen=True, slots=True)
class _Count:
    """One count: of the ``killed`` or the ``wounded``, at offset ``at`` of the sentence (its
    death or injury word)."""

    kind: str
    value: int
    civilian: bool
    approximate: bool
    at: int


def _counts(text: str, lang: Language) -> list[_Count]:
    """Every count one sentence gives, where its death or injury word stands."""
    w = _words(lang)
    if not w.killed:
        return []
    matches = list(_TOKEN.finditer(text))
    toks = [_normal(m.group().lower().replace("’", "'").replace("ʼ", "'"), lang, w)
            for m in matches]
    found: list[_Count] = []
    used: set[int] = set()      # numbers that are a verb's object
    objects: set[int] = set()   # death/injury words followed by their victims
    for k, t in enumerate(toks):  # a verb, then its victims; a toll, then its number
        if t not in w.active and t not in w.toll:
            continue
        j = k + 1
        if t in w.toll:  # "the toll (from the shelling) rose to 15"
            while j < len(toks) and j - k <= 10 and toks[j][0].isalnum() \
                    and _number(toks, j, w) is None:
                j += 1
        else:  # "killing (at least) two": a bound's words, or a word before one ("at")
            while j < len(toks) and j - k <= 3 and (toks[j] in w.at_least or (
                    j + 1 < len(toks) and toks[j + 1] in w.at_least and toks[j][0].isalpha())):
                j += 1
        if j >= len(toks) or (t in w.toll and j - k > 10):
            continue
        got = _number(toks, j, w)
        if got is None:
            continue
        value, end = got
        used.add(j)
        objects.add(k)
        victims = toks[end : end + 3]
        kind = "killed" if t in w.toll or t in w.killed else "wounded"
        found.append(_Count(kind, value, any(v in w.civilian for v in victims),
                            _approximate(toks, j, w), matches[k].start()))
    i = 0
    while i < len(toks):  # victims, then what happened to them
        t = toks[i]  # (a word that cannot open a count is not asked: see _number)
        got = None if i in used or not (t[0].isdigit() or t in w.numbers or "-" in t or
                                         t in ("a", "an")) else _number(toks, i, w)
        if got is None:
            i += 1
            continue
        total, j = got
        first = i
        civilian = False
        steps = 0
        while j < len(toks) and steps < 6:
            t = toks[j]
            if t in w.killed or t in w.wounded:
                break
            if t in w.conjunctions and j + 1 < len(toks) and j + 1 not in used:
                more = _number(toks, j + 1, w)
                if more is not None:
                    total += more[0]
                    j = more[1]
                    continue
            if not t[0].isalnum() or t in w.stop or t in w.units:
                break
            civilian |= t in w.civilian
            j += 1
            steps += 1
        if j < len(toks) and j not in objects and (toks[j] in w.killed or toks[j] in w.wounded):
            found.append(_Count("killed" if toks[j] in w.killed else "wounded", total,
                                civilian and toks[j] in w.killed,
                                _approximate(toks, first, w), matches[j].start()))
        i = max(i + 1, j if j > i else i + 1)
    if w.single:
        found += _single_victims(matches, toks, w, objects, found)
    return found


def _raw(matches, j: int) -> str:
    return matches[j].group().lower().replace("’", "'").replace("ʼ", "'")


def _single_victims(matches, toks: list[str], w: _Words, objects: set[int],
                    found: list[_Count]) -> list[_Count]:
    """One victim named bare next to its death or injury word, in languages with no article
    ("загинула жінка", "Військовий загинув", "погиб мирный житель"): the language's
    ``casualty_single`` forms, as written, with no number before them."""
    out = []
    counted = {c.at for c in found}
    for k, t in enumerate(toks):
        if (t not in w.killed and t not in w.wounded) or k in objects or \
                matches[k].start() in counted:
            continue
        def word(j: int) -> bool:
            return 0 <= j < len(toks) and toks[j][0].isalnum()

        for j in [x for x in (k + 1, k - 1) if word(x)] + ([k + 2] if word(k + 1)
                                                          and word(k + 2) else []):
            if _raw(matches, j) in w.single and not (j > 0 and _number(toks, j - 1, w)):
                kind = "killed" if t in w.killed else "wounded"
                value, m = 1, j + 1
                while j > k and m + 1 < len(toks) and toks[m] in w.conjunctions and \
                        _raw(matches, m + 1) in w.single:  # "поранено дитину та жінку"
                    value, m = value + 1, m + 2
                out.append(_Count(kind, value, kind == "killed" and toks[j] in w.civilian,
                                  False, matches[k].start()))
                break
    return out


#: How much farther than its own clause a count's event may be: each clause boundary
#: (";", ":", a dash, a comma) between a count and a trigger counts as this many characters.
CLAUSE_CHARS = 200
_BOUNDARY = re.compile(r"[;:,—–]| - ")


def _attribute(text: str, a: int, counts: list[_Count], events: list[TextEvent],
               say: frozenset[str]) -> dict[int, Casualties]:
    """{index in ``events``: its counts}: each count goes to one event, that of its clause:
    the nearest trigger, clause boundaries between them counting as :data:`CLAUSE_CHARS`
    ("RSF shelling kills 15 in El Fasher as fighting spreads to Gezira": the fighting killed
    nobody the sentence says); statements ("said") take a count only when the sentence has
    no other event."""
    pool = [i for i, ev in enumerate(events) if ev.type not in say] or list(range(len(events)))
    got: dict[int, list[_Count]] = {}
    for c in counts:
        at = a + c.at

        def cost(i: int, at: int = at) -> float:
            ev = events[i]
            lo, hi = sorted((at, ev.trigger_start))
            return hi - lo + CLAUSE_CHARS * len(_BOUNDARY.findall(text, lo, hi))

        got.setdefault(min(pool, key=cost), []).append(c)
    return {i: _total(cs) for i, cs in got.items()}


def with_casualties(text: str, events: Sequence[TextEvent], lang: Language
                    ) -> list[TextEvent]:
    """``events`` with the counts of their clause in ``extras`` (``killed``, ``wounded``,
    ``civilians_killed``, ``approximate``): a sentence's counts go to the event they belong
    to (see :func:`_attribute`), not to every event of the sentence, and a toll the report
    repeats is counted once (see :func:`_once`)."""
    say = frozenset(t.type for t in lang.triggers.values() if t.say) | {"statement"}
    by_span: dict[tuple[int, int], list[int]] = {}
    for i, ev in enumerate(events):
        by_span.setdefault((ev.start, ev.end), []).append(i)
    per_event: dict[int, Casualties] = {}
    for (a, b), idx in by_span.items():
        counts = _counts(text[a:b], lang)
        if not counts:
            continue
        if len(idx) == 1:
            per_event[idx[0]] = _total(counts)
            continue
        for k, c in _attribute(text, a, counts, [events[i] for i in idx], say).items():
            per_event[idx[k]] = c
    per_event = _once(events, per_event)
    out = []
    for i, ev in enumerate(events):
        c = per_event.get(i, Casualties())
        out.append(replace(ev, extras={**ev.extras, "killed": c.killed, "wounded": c.wounded,
                                       "civilians_killed": c.civilians_killed,
                                       "casualties_approximate": c.approximate})
                   if c else ev)
    return out


def _once(events: Sequence[TextEvent], counts: dict[int, Casualties]
          ) -> dict[int, Casualties]:
    """``counts`` with a toll told again in a later sentence counted once: a headline and
    its lead ("RSF shelling kills 15 in El Fasher" / "... shelled the camp, killing 15
    people"), or a summary and its story, give the same number for the same place. The
    later event's count of that kind is dropped and the first keeps it (with the civilians
    among them, when only the later said). Tolls of other places, or other numbers, stay."""
    out = dict(counts)
    order = sorted(out)
    for n, i in enumerate(order):
        for j in order[:n]:
            a, b = out[j], out[i]
            if events[j].start == events[i].start or \
                    not same_place(events[j].location, events[i].location):
                continue
            if b.killed is not None and a.killed == b.killed:
                a = replace(a, civilians_killed=a.civilians_killed or b.civilians_killed)
                b = replace(b, killed=None, civilians_killed=None)
            if b.wounded is not None and a.wounded == b.wounded:
                b = replace(b, wounded=None)
            out[j], out[i] = a, b
    return {i: c for i, c in out.items() if c}
