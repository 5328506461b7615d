"""The geoparser: recognise place mentions in text and resolve each to a place.

Recognition (:mod:`._recognition`) looks up capitalised spans in the gazetteer and keeps those
that evidence says are places: not part of a person's or organisation's name, not a common
English word used as a word, not a building that stands for a government ("the Pentagon").
Resolution (:mod:`._resolution`) scores each candidate place by its prior importance and by the
document's context, and the learned ranker (:mod:`._rank`) re-chooses among the scored places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from ..gazetteer import Gazetteer
from ..lang import Language, detect_language, get_language
from ._cyrillic import unresolved_spans
from ._division import constrain_to_divisions
from ._kind_names import feature_named_spans, kind_named_spans
from ._rank import Ranker, default_ranker
from ._recognition import Recogniser
from ._resolution import resolve
from .mention import ROLES, Mention

__all__ = ["Geoparser", "focus_code"]

#: Confidence of a place that its kind word marks but the gazetteer does not resolve.
UNRESOLVED_CONFIDENCE = 0.5
#: Texts longer than this are parsed in windows of about this many characters.
WINDOW_CHARS = 1_000_000


class Geoparser:
    """Find and resolve place mentions.

    Parameters
    ----------
    gazetteer
        The gazetteer to resolve against (built on first use when omitted).
    roles
        Only emit mentions with these roles (default: all of :data:`ROLES`).
    language
        The language of the texts: a code ("en", "uk", "ru") or a
        :class:`geomap.lang.Language`; by default each text's own, by
        :func:`geomap.lang.detect_language`. Its word lists drive the evidence rules.
    ranker
        Choose among a mention's candidate places with the shipped learned ranker (True, the
        default, when its model file is present: see :mod:`._rank`), with a given
        :class:`~._rank.Ranker`, or with the hand-written scores alone (False).
    focus_country
        ISO 3166-1 alpha-2 code of the country the texts are mostly about ("UA" for a feed of
        Ukrainian war reports): a name the text leaves ambiguous ("Uglegorsk", alone in a
        headline) leans to that country's place, as if the rest of the text had named a few of
        its places. A hint, not a filter: places abroad the text supports stay abroad.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *,
                 roles: Iterable[str] | None = None,
                 language: str | Language | None = None,
                 ranker: bool | Ranker = True,
                 focus_country: str | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        self.focus_country = focus_code(focus_country)
        self.language = language if isinstance(language, Language) or language is None \
            else get_language(language)
        self.roles = frozenset(roles) if roles else frozenset(ROLES)
        self.ranker = default_ranker() if ranker is True else (ranker or None)
        self._recogniser = Recogniser(self.gazetteer)
        bad = self.roles - set(ROLES)
        if bad:
            raise ValueError(f"unknown role(s) {sorted(bad)}; expected {', '.join(ROLES)}")

    # -- public -----------------------------------------------------------------------------
    def parse(self, text: str) -> list[Mention]:
        """Place mentions of ``text``, in text order."""
        if not text or not text.strip():
            return []
        if len(text) > WINDOW_CHARS:
            return self._parse_windows(text)
        lang = self.language or get_language(detect_language(text))
        ms = self._recogniser.find(text, lang)
        if ms:
            resolve(text, ms, self.ranker, lang.place_kinds, focus=self.focus_country)
            # "Журавлівка Сумської області", "X near Y": the namesake inside, or near
            constrain_to_divisions(text, ms, lang, self.gazetteer)
        out = []
        for m in ms:
            if m.role not in self.roles:
                continue
            place = self.gazetteer.place_from_row(m.best.row) if m.best else None
            conf = m.recog * (1.0 - math.exp(-1.5 * max(m.margin, 0.0)) * 0.5
                              if len(m.cands) > 1 else 1.0)
            out.append(Mention(m.span.start, m.span.end, text[m.span.start : m.span.end],
                               place, m.role, max(0.0, min(1.0, conf))))
        if "literal" in self.roles:
            # "the Stono River": not Stone, England
            out = _natural_features(text, out, feature_named_spans(text, lang))
            # "the village of X" the gazetteer lacks: unresolved
            extra = kind_named_spans(text, lang, [(m.start, m.end) for m in out])
            if extra:
                out.extend(Mention(a, b, text[a:b], None, "literal", UNRESOLVED_CONFIDENCE)
                           for a, b in extra)
                out.sort(key=lambda m: m.start)
        if lang.landmark_words and "literal" in self.roles:  # "вул. Хрещатик": unresolved
            spans, drop = unresolved_spans(text, lang, [(m.start, m.end) for m in out])
            out = [m for m in out if (m.start, m.end) not in drop]
            out.extend(Mention(a, b, text[a:b], None, "literal", UNRESOLVED_CONFIDENCE)
                       for a, b in spans)
            out.sort(key=lambda m: m.start)
        return out

    def _parse_windows(self, text: str) -> list[Mention]:
        """A text longer than any article (a dump, a book): parsed window by window, cut at
        line or sentence ends, so that memory stays bounded; offsets stay those of ``text``."""
        out: list[Mention] = []
        start = 0
        while start < len(text):
            end = min(start + WINDOW_CHARS, len(text))
            if end < len(text):
                cut = max(text.rfind("\n", start + WINDOW_CHARS // 2, end),
                          text.rfind(". ", start + WINDOW_CHARS // 2, end))
                end = cut + 1 if cut > start else end
            for m in self.parse(text[start:end]):
                out.append(Mention(m.start + start, m.end + start, m.name, m.place, m.role,
                                   m.confidence))
            start = end
        return out

    def parse_many(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """:meth:`parse` over many texts (one gazetteer, one process)."""
        for t in texts:
            yield self.parse(t)


def focus_code(code: str | None) -> str | None:
    """``code`` as an upper-case ISO 3166-1 alpha-2 code (None stays None); ValueError for
    anything else."""
    if code is None or code == "":
        return None
    cc = code.strip().upper()
    if len(cc) != 2 or not cc.isascii() or not cc.isalpha():
        raise ValueError(f"focus country {code!r}: expected a two-letter ISO code such as UA")
    return cc


def _natural_features(text: str, out: list[Mention], spans: list[tuple[int, int]]
                      ) -> list[Mention]:
    """``out`` with a natural feature's name ("the Stono River") an unresolved mention in place
    of a town found inside it whose country the text's other places do not support (Stone,
    England, in a report on South Carolina). Kept: a town of the text's countries ("the
    Naugatuck River" in a report on Connecticut names the town's river), a town in a text
    naming no other place (the likeliest place left), a division or country inside (it holds
    the feature or part of it: "the Missouri River"), a place named by the whole name ("Sioux
    Falls") or reaching beyond it ("Red River County")."""
    if not spans:
        return out
    inside_any = {i for i, m in enumerate(out) for a, b in spans if m.start < b and a < m.end}
    countries = {m.place.country for i, m in enumerate(out)
                 if m.place is not None and m.place.country and i not in inside_any}
    if not countries:
        return out
    drop: set[int] = set()
    extra: list[Mention] = []
    for a, b in spans:
        inside = [i for i, m in enumerate(out) if m.start < b and a < m.end]
        if not inside or any(out[i].start < a or out[i].end > b or (out[i].start == a and
                                                                    out[i].end == b)
                             for i in inside):
            continue
        if any(out[i].place is None or out[i].place.feature != "populated_place" or
               out[i].place.country in countries for i in inside):
            continue
        drop.update(inside)
        extra.append(Mention(a, b, text[a:b], None, "literal", UNRESOLVED_CONFIDENCE))
    if not extra:
        return out
    return sorted([m for i, m in enumerate(out) if i not in drop] + extra,
                  key=lambda m: m.start)
