"""A town named with its division or beside a nearby town decides among its namesakes.

- The division: "Журавлівка Сумської області", "Kurakhove in Donetsk Oblast", "Lebedyn, Sumy
  Oblast", "на Сумщині у селі Журавлівка", "entered Kursk Oblast and took villages such as X, Y
  and Z": the namesake inside the division, or none (the mention stays unresolved; the
  division is its own mention) when the gazetteer has no namesake there.
- The anchor: "Stepove north of Avdiivka", "Plekhovo near Sudzha": the namesake closest to
  the town named as its neighbour, if within :data:`ANCHOR_KM`, or none.

A namesake elsewhere is a wrong place, often hundreds of kilometres away or in another country.
What counts as a settlement word, a locative preposition, a vicinity phrase or "and" is the
language's (:class:`~geomap.lang.Language`)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from ..exceptions import GeomapError
from ..lang import Language
from ._resolution import _km

__all__ = ["constrain_to_divisions"]

# columns of a place row (see gazetteer._schema.PLACE_COLUMNS)
_FEATURE, _LAT, _LON, _COUNTRY, _A1CODE, _POP = 3, 4, 5, 7, 8, 10
#: Towns at least this large are not re-read by a division named with them ("Харків,
#: Харківська область"; a capital is often coded apart from the division around it).
LARGE_TOWN = 100_000
#: A town named "near"/"north of" another lies at most this far from it.
ANCHOR_KM = 150.0
#: Between a division and the town after it: a few words of one sentence, the last few of
#: which hold a settlement word ("на Сумщині у селі |Журавлівка", "took villages such as |X").
_GAP_BEFORE = re.compile(r"[^.!?;\n]{0,60}?")
_WORD = re.compile(r"\w+", re.UNICODE)
#: how many words before the town may separate it from its settlement word ("villages such as")
_KIND_REACH = 3
_DISTANCE_WORD = re.compile(r"\s*(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|км)\s+)?",
                            re.IGNORECASE)


def constrain_to_divisions(text: str, ms: list, lang: Language, gazetteer) -> None:
    """Re-read (in place) each resolved small town of ``ms`` (the geoparser's mentions, with
    ``span``, ``cands`` and ``best``) that a division or an anchor town names beside it."""
    divisions = [m for m in ms if m.best is not None and m.best.row[_FEATURE] == "admin1"
                 and m.best.row[_A1CODE]]
    towns = [m for m in ms if _small_town(m)]
    if not towns:
        return
    pat = _patterns(lang)
    ruled: dict[int, object] = {}
    if divisions:
        for m in towns:
            d = _division_of(text, m, divisions, lang, pat.after)
            if d is not None:
                ruled[id(m)] = d
        _through_lists(text, towns, ruled, pat.joint)
        for m in towns:
            d = ruled.get(id(m))
            if d is None:
                continue
            code = d.best.row[_A1CODE]
            if m.best.row[_A1CODE] == code:
                continue
            inside = [c for c in m.cands if c.row[_A1CODE] == code and
                      c.row[_FEATURE] == "populated_place"]
            if inside:
                m.best = max(inside, key=lambda c: (c.score, c.prior))
            elif _outside(m.best.row, d.best.row, gazetteer):
                m.best = None
    _near_anchors(text, ms, [m for m in towns if id(m) not in ruled and m.best is not None],
                  pat.link)


def _outside(town: tuple, division: tuple, gazetteer) -> bool:
    """The town surely lies outside the division: another country, or a division whose code
    the gazetteer's towns carry (a division another source coded, such as Natural Earth's
    provinces beside GeoNames' regions, cannot be compared by code)."""
    if town[_COUNTRY] != division[_COUNTRY]:
        return True
    try:
        return gazetteer.codes_towns(division[_A1CODE])
    except GeomapError:  # no answer from the gazetteer: no decision
        return False


def _small_town(m) -> bool:
    b = m.best
    return b is not None and b.row[_FEATURE] == "populated_place" and \
        (b.row[_POP] or 0) < LARGE_TOWN


@dataclass(frozen=True)
class _Patterns:
    """The language's patterns of this module, built once per language."""

    after: re.Pattern  # between a town and the division after it
    joint: re.Pattern  # between two towns of a list
    link: re.Pattern | None  # between a town and the anchor it lies near


_BUILT: dict[int, tuple[Language, _Patterns]] = {}


def _patterns(lang: Language) -> _Patterns:
    """:class:`_Patterns` of ``lang`` (kept with the language, so that its id stays its own)."""
    got = _BUILT.get(id(lang))
    if got is not None and got[0] is lang:
        return got[1]
    # a space, a comma, a bracket or a locative preposition ("Kurakhove in Donetsk Oblast")
    words = sorted(lang.prepositions.get("location", ()), key=len, reverse=True)
    prep = "|".join(re.escape(w) for w in words if w.isalpha())
    alt = rf"|\s(?:{prep})\s{{1,2}}(?:the\s)?" if prep else ""
    ands = "|".join(re.escape(w) for w in lang.and_words) or "and"
    phrases = "|".join(re.escape(v) for v in sorted(lang.vicinity, key=len, reverse=True))
    built = _Patterns(
        after=re.compile(rf" {{1,2}}|\s?, {{1,2}}|\s\({alt}", re.IGNORECASE),
        joint=re.compile(rf"\s?,\s{{1,2}}(?:(?:{ands})\s{{1,2}})?|\s(?:{ands})\s{{1,2}}",
                         re.IGNORECASE),
        link=re.compile(rf",?{_DISTANCE_WORD.pattern}(?:{phrases})\s{{1,2}}(?:the\s)?",
                        re.IGNORECASE) if phrases else None)
    _BUILT[id(lang)] = (lang, built)
    return built


def _division_of(text: str, m, divisions: list, lang: Language, after: re.Pattern):
    """The division named right after the town, or before it in the same sentence with a
    settlement word just before the town."""
    for d in divisions:
        if d.span.start >= m.span.end and after.fullmatch(text, m.span.end, d.span.start):
            return d
    for d in reversed(divisions):
        if d.span.end <= m.span.start and \
                _GAP_BEFORE.fullmatch(text, d.span.end, m.span.start):
            words = _WORD.findall(text, d.span.end, m.span.start)[-_KIND_REACH:]
            if any(_settlement_word(lang, w) for w in words):
                return d
    return None


def _through_lists(text: str, towns: list, ruled: dict, joint: re.Pattern) -> None:
    """A division ruling one town of a list ("X, Y and Z") rules the others."""
    order = sorted(towns, key=lambda m: m.span.start)
    for seq in (order, order[::-1]):
        for a, b in itertools.pairwise(seq):
            if id(a) in ruled and id(b) not in ruled:
                lo, hi = (a, b) if a.span.start < b.span.start else (b, a)
                if joint.fullmatch(text, lo.span.end, hi.span.start):
                    ruled[id(b)] = ruled[id(a)]


def _near_anchors(text: str, ms: list, towns: list, link: re.Pattern | None) -> None:
    """"X near Y", "X north of Y": X's namesake closest to Y, if within :data:`ANCHOR_KM`,
    or none."""
    if not towns or link is None:
        return
    by_start = sorted(ms, key=lambda m: m.span.start)
    starts = [m.span.start for m in by_start]
    for m in towns:
        i = bisect.bisect_left(starts, m.span.end)
        anchor = by_start[i] if i < len(by_start) else None
        if anchor is None or anchor.best is None or \
                anchor.best.row[_FEATURE] not in ("populated_place", "admin2"):
            continue
        if not link.fullmatch(text, m.span.end, anchor.span.start):
            continue
        alat, alon = anchor.best.row[_LAT], anchor.best.row[_LON]
        close = min((c for c in m.cands if c.row[_FEATURE] == "populated_place"),
                    key=lambda c: _km(c.row[_LAT], c.row[_LON], alat, alon), default=None)
        m.best = close if close is not None and \
            _km(close.row[_LAT], close.row[_LON], alat, alon) <= ANCHOR_KM else None


def _settlement_word(lang: Language, word: str) -> bool:
    """``word`` (any case: "селі", "поселке", "villages") names a kind of settlement in
    ``lang``."""
    low = word.lower()
    if lang.place_kinds.get(low) == "populated_place" or \
            low in lang.place_query.get("settlement", ()):
        return True
    return any(lang.place_kinds.get(lemma) == "populated_place" for lemma in lang.lemmas(low))
