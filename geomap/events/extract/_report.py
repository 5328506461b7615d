"""A report as evidence of where its main event happened (see :mod:`._where` for the tiers):
its sentences (a short first line its own headline), which of them are evidence (the headline,
sentences with an event word or an extracted event, bare "where" lines), credit lines, places
named as who acted, and each place's candidate tier."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..._sentences import SentenceIndex
from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang.en import ENGLISH
from ._genre import foreign
from ._model import TextEvent
from ._tokens import SPEECH

__all__ = ["TIER", "WORD", "Cand", "Report", "acting_place", "report_spans"]

#: The evidence tiers, strongest first (see :mod:`._where`).
TIER = {"where": 6, "clause": 5, "sentence": 4, "headline": 3, "summary": 3, "report": 2,
        "from": 1}
# English word classes (the lists live in geomap.lang.en)
EVENT_WORDS = ENGLISH.words("event_words")
WHERE_WORDS = ENGLISH.words("where_words")
ACTOR_NOUNS = ENGLISH.words("actor_nouns")
#: Actors that act at home: a country's police or authorities.
HOME_ACTORS = ENGLISH.words("home_actor_nouns")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: The word right after a name (past a possessive), in the same phrase.
_NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+([^\W\d_]+)")
_HEADLINE_WORDS = 30
_CLAUSE_GOES_ON = re.compile(r"[ \t]+[a-zà-ÿ]")
_WHERE_MAX = 20  # words of a bare "where" line at most
#: A credit line ("CR Source: Radio X, Mogadishu, in Somali 14 Jan"): the words that open it.
_CREDIT = re.compile(r"\b(?:" + "|".join(sorted(ENGLISH.words("credit_labels"))) + r")\s?:",
                     re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cand:
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


# -- the report -----------------------------------------------------------------------------
class Report:
    """A report's sentences, which of them are evidence, and its places as candidates."""

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
        # places in text order (as extraction gives them): a sentence's are found by bisection
        pstarts = [m.start for m in places]
        in_order = all(s0 <= s1 for s0, s1 in itertools.pairwise(pstarts))
        for k, (a, b) in enumerate(spans):
            named = places[bisect.bisect_left(pstarts, a) : bisect.bisect_left(pstarts, b)] \
                if in_order else [m for m in places if a <= m.start < b]
            found = None
            # offsets inside the places named: their words are covered
            inside_named = {o for m in named for o in range(m.start, m.end)}
            words = WORD.findall(text, a, b)
            if not named or len(words) > _WHERE_MAX:
                # no "where" line: only its first event word (outside the places) is asked for
                for j, word in enumerate(words):
                    if word.lower().replace("’", "'") in EVENT_WORDS:
                        w = next(itertools.islice(WORD.finditer(text, a, b), j, None))
                        if w.start() not in inside_named:
                            found = (w.start(), word)
                            break
                self.event_word.append(found)
                self.where_only.append(False)
                if found is None and k in material:
                    self.event_word[-1] = (a, "")
                continue
            covered = []
            for w in WORD.finditer(text, a, b):
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
        self.actor_places = [m for m in places if acting_place(text, m)]
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

    def candidates(self, sentence: int, clause: tuple[int, int] | None) -> list[Cand]:
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
                " " not in m.name and _CLAUSE_GOES_ON.match(self.text, m.end) is not None \
                and self.foreign
            if _in_parentheses(self.text, m.start) and label != "from":
                out.append(Cand(m, TIER[label], "parenthesis", initial))
            else:
                out.append(Cand(m, TIER[label], label, initial))
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


def acting_place(text: str, m: Mention) -> bool:
    """A place named as who acted that still says where: a division ("Borno troops") or a
    country's police or authorities."""
    word = _actor_use(text, m)
    if word in ("", "pro", "anti"):
        return False
    feature = m.place.feature
    return feature in ("admin1", "admin2", "region") or (
        feature == "country" and word in HOME_ACTORS)


def _after_from(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start]
    if "from" not in before.lower():  # no word of it is "from" (the common case, quickly)
        return False
    words = [w.lower() for w in WORD.findall(before)][-3:]
    if "from" not in words:
        return False
    tail = words[words.index("from") + 1 :]
    return all(w in ("the", "a", "city", "town", "village", "region", "of") for w in tail)


def _in_parentheses(text: str, start: int) -> bool:
    lo = max(0, start - 120)
    opened = text.rfind("(", lo, start)
    return opened >= 0 and text.find(")", opened, start) < 0


