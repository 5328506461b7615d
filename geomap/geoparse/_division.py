"""A town named with its division or beside a nearby town decides among its namesakes.

- The division: "Журавлівка Сумської області", "Kurakhove in Donetsk Oblast", "Lebedyn, Sumy
  Oblast", "на Сумщині у селі Журавлівка", "entered Kursk Oblast and took villages such as X, Y
  and Z": the namesake inside the division, or none (the mention stays unresolved; the
  division is its own mention) when the gazetteer has no namesake there.
- A village named in a sentence after a division of another country than its namesake's
  ("У Курській області бої за Мартинівку"): the namesake inside the division, or none.
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
from ._candidates import named_like_own_division
from ._one_sense import one_sense
from ._resolution import _km
from ._rules import UPPER_CLASS

__all__ = ["constrain_to_divisions", "divisions_inside", "hand_stands"]

# columns of a place row (see gazetteer._schema.PLACE_COLUMNS)
_FEATURE, _LAT, _LON, _COUNTRY, _A1CODE, _POP, _CAPITAL = 3, 4, 5, 7, 8, 10, 13
#: Towns at least this large are not re-read by a division named with them ("Харків,
#: Харківська область"; a capital is often coded apart from the division around it).
LARGE_TOWN = 100_000
#: A town named "near"/"north of" another lies at most this far from it.
ANCHOR_KM = 150.0
#: Between a division and the town after it: a few words of one sentence, the last few of
#: which hold a settlement word ("на Сумщині у селі |Журавлівка", "took villages such as |X").
_GAP_BEFORE = re.compile(r"[^.!?;\n]{0,60}?")
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?;\n]")
#: how many words before the town may separate it from its settlement word ("villages such as")
_KIND_REACH = 3
#: An item of a list that names no known place has at most this many words.
_LIST_NAME_WORDS = 3
_DISTANCE_WORD = re.compile(r"\s*(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|км)\s+)?",
                            re.IGNORECASE)


def constrain_to_divisions(text: str, ms: list, lang: Language, gazetteer) -> None:
    """Re-read (in place) each resolved small town of ``ms`` (the geoparser's mentions, with
    ``span``, ``cands`` and ``best``) that a division or an anchor town names beside it."""
    divisions = [m for m in ms if m.best is not None and m.best.row[_FEATURE] == "admin1"
                 and m.best.row[_A1CODE]]
    _capitals(text, ms, lang)
    _city_districts(text, ms, lang)
    towns = [m for m in ms if _small_town(m)]
    if not towns:
        return
    pat = _patterns(lang)
    ruled: dict[int, object] = {}
    # ruled from an earlier sentence: a town alone there keeps its namesake elsewhere when
    # the division has none ("Ohio man ... the city of X"); a list of towns does not
    earlier: set[int] = set()
    listed: set[int] = set()
    if divisions:
        for m in towns:
            d = _division_of(text, m, divisions, lang, pat)
            if d is None:
                d = _division_before(text, m, divisions, ms, lang)
                if d is not None:
                    earlier.add(id(m))
            if d is not None:
                ruled[id(m)] = d
        _through_lists(text, towns, ruled, pat.joint, earlier=earlier, listed=listed)
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
            elif _outside(m.best.row, d.best.row, gazetteer) and \
                    (id(m) not in earlier or id(m) in listed):
                m.best = None
        for m in towns:
            if id(m) not in ruled and m.best is not None:
                _foreign_village(text, m, divisions, ms)
    anchored = _near_anchors(text, ms, [m for m in towns if id(m) not in ruled
                                        and m.best is not None], pat.link)
    # "Zolochiv, Kharkiv oblast ... Zolochiv": the name placed once is placed throughout
    one_sense(ms, set(ruled) | anchored)


#: A village this small known only in another country than the division its sentence names
#: is no village of that country ("У Курській області бої за Мартинівку": not the Martynivka
#: of Poltava Oblast; the gazetteer lacks the Kursk one).
FOREIGN_VILLAGE = 10_000


def _foreign_village(text: str, m, divisions: list, ms: list) -> None:
    """A small town whose namesake lies in another country than the division named before
    it in its sentence, with nothing of that other country named in the sentence: the
    namesake inside the division, else none."""
    b = m.best.row
    if (b[_POP] or 0) >= FOREIGN_VILLAGE:
        return
    d = next((d for d in reversed(divisions) if d.span.end <= m.span.start and
              not _SENTENCE_END.search(text, d.span.end, m.span.start)), None)
    if d is None or d.best.row[_COUNTRY] == b[_COUNTRY]:
        return
    lo = text.rfind(".", 0, d.span.start) + 1
    hi = _SENTENCE_END.search(text, m.span.end)
    hi = hi.start() if hi else len(text)
    if any(x is not m and x.best is not None and x.best.row[_COUNTRY] == b[_COUNTRY] and
           lo <= x.span.start < hi for x in ms):
        return  # the town's own country is named in the sentence too
    code = d.best.row[_A1CODE]
    inside = [c for c in m.cands if c.row[_A1CODE] == code and
              c.row[_FEATURE] == "populated_place"]
    m.best = max(inside, key=lambda c: (c.score, c.prior)) if inside else None


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
    via: re.Pattern | None  # ... through a district named between them
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
    after = rf" {{1,2}}|\s?, {{1,2}}|\s\({alt}"
    # "Ulyanivka, Pokrovsk district, Donetsk oblast", "X in the Y raion of Z oblast",
    # "Улянівка Покровського району Донецької області": the district's name (a few capitalised
    # words) and its noun in any case, then ",", "of"/"in" or a space
    nouns = set(lang.words("division_nouns")) | {
        w for w, f in lang.place_kinds.items() if f == "admin2"}
    via = None
    if nouns:
        kind = "|".join(re.escape(w) for w in sorted(nouns, key=len, reverse=True))
        links = "|".join(["of", prep] if prep else ["of"])
        via = re.compile(
            rf"(?:{after})(?:the\s)?(?-i:{UPPER_CLASS}[\w'’-]*(?:[ -]{UPPER_CLASS}[\w'’-]*){{0,2}})"
            rf"\s(?:{kind})\w{{0,3}}\.?(?:\s?,\s{{1,2}}|\s(?:{links})\s{{1,2}}(?:the\s)?|\s)",
            re.IGNORECASE)
    built = _Patterns(
        after=re.compile(after, re.IGNORECASE), via=via,
        joint=re.compile(rf"\s?,\s{{1,2}}(?:(?:{ands})\s{{1,2}})?|\s(?:{ands})\s{{1,2}}",
                         re.IGNORECASE),
        link=re.compile(rf",?{_DISTANCE_WORD.pattern}(?:{phrases})\s{{1,2}}(?:the\s)?",
                        re.IGNORECASE) if phrases else None)
    _BUILT[id(lang)] = (lang, built)
    return built


def _division_of(text: str, m, divisions: list, lang: Language, pat: _Patterns):
    """The division named right after the town, or before it in the same sentence with a
    settlement word just before the town."""
    for d in divisions:
        if d.span.start >= m.span.end and (
                pat.after.fullmatch(text, m.span.end, d.span.start) or
                (pat.via is not None and pat.via.fullmatch(text, m.span.end, d.span.start))):
            return d
    for d in reversed(divisions):
        if d.span.end <= m.span.start and \
                _GAP_BEFORE.fullmatch(text, d.span.end, m.span.start):
            words = _WORD.findall(text, d.span.end, m.span.start)[-_KIND_REACH:]
            if any(_settlement_word(lang, w) for w in words):
                return d
    return None


def _division_before(text: str, m, divisions: list, ms: list, lang: Language):
    """The division named last before a town introduced by a settlement word in the same
    paragraph, sentences before it ("... a pocket of Kursk Oblast around Sudzha. ... and
    villages such as X, Y and Z have changed hands"), when nothing named between them lies in
    another country or division."""
    before = [d for d in divisions if d.span.end <= m.span.start]
    if not before:
        return None
    d = max(before, key=lambda x: x.span.start)
    if "\n" in text[d.span.end : m.span.start]:
        return None
    # the settlement word introduces this town: lower case, only lower-case words after it
    # ("villages such as X", "the village of X"; not "Oakport Township north of X")
    words = _WORD.findall(text, max(d.span.end, m.span.start - 60), m.span.start)
    tail = words[-_KIND_REACH:]
    if not any(_settlement_word(lang, w) and all(x[0].islower() for x in tail[i:])
               for i, w in enumerate(tail)):
        return None
    cc, code = d.best.row[_COUNTRY], d.best.row[_A1CODE]
    if any(x.best is not None and (x.best.row[_COUNTRY] != cc or (
            x.best.row[_FEATURE] != "country" and x.best.row[_A1CODE] != code)) for x in ms
           if d.span.end <= x.span.start and x.span.end <= m.span.start):
        return None  # a place of another country or division named between them
    return d


def _through_lists(text: str, towns: list, ruled: dict, joint: re.Pattern, *, earlier: set,
                   listed: set) -> None:
    """A division ruling one town of a list ("X, Y and Z") rules the others (their ids go to
    ``listed``; to ``earlier`` too when the first was ruled from an earlier sentence)."""
    order = sorted(towns, key=lambda m: m.span.start)
    for seq in (order, order[::-1]):
        for a, b in itertools.pairwise(seq):
            if id(a) in ruled and id(b) not in ruled:
                lo, hi = (a, b) if a.span.start < b.span.start else (b, a)
                if _list_gap(text[lo.span.end : hi.span.start], joint):
                    ruled[id(b)] = ruled[id(a)]
                    listed.update((id(a), id(b)))
                    if id(a) in earlier:
                        earlier.add(id(b))


def _list_gap(gap: str, joint: re.Pattern) -> bool:
    """Between two towns of one list: a joint (", ", " and "), or joints around other items
    that name no known place ("X, Malaya Qqloknya and Y": capitalised words, a few a name)."""
    if joint.fullmatch(gap):
        return True
    pieces = joint.split(gap)
    return len(pieces) >= 3 and pieces[0] == pieces[-1] == "" and all(
        0 < len(words := p.split()) <= _LIST_NAME_WORDS and all(w[0].isupper() for w in words)
        for p in pieces[1:-1])


def _near_anchors(text: str, ms: list, towns: list, link: re.Pattern | None) -> set[int]:
    """"X near Y", "X north of Y": X's namesake closest to Y, if within :data:`ANCHOR_KM`,
    or none. Returns the ids of the towns so placed."""
    done: set[int] = set()
    if not towns or link is None:
        return done
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
        done.add(id(m))
    return done


def _capitals(text: str, ms: list, lang: Language) -> None:
    """A large capital city, the hand-written choice, stands against a first-level division
    of the same name elsewhere that the ranker chose ("In Washington, officials said": the
    capital), unless the division is named as such ("the state of Washington", "Washington
    state", "Spokane, Washington") or the document names another place inside it ("Seattle").
    So does a large city named like its own division, the two one name's place ("Gaza": Gaza
    City and the Gaza Strip, not Gaza Province, Mozambique)."""
    inside = divisions_inside(ms)
    for m in ms:
        if hand_stands(text, m, m.best, inside, lang):
            m.best = m.hand


def divisions_inside(ms: list) -> set:
    """(country, admin-1 code) of the places other than divisions that ``ms`` resolved to."""
    return {(x.best.row[_COUNTRY], x.best.row[_A1CODE]) for x in ms
            if x.best is not None and x.best.row[_FEATURE] != "admin1"}


def hand_stands(text: str, m, chosen, inside: set, lang: Language) -> bool:
    """Whether the hand-written choice ``m.hand`` stands against the ranker's ``chosen``
    (see :func:`_capitals`; also what scripts/train_ranker.py scores a model's choice by)."""
    h, b = m.hand, chosen
    if h is None or b is None or h is b or b.row[_FEATURE] != "admin1" or \
            h.row[_FEATURE] != "populated_place" or \
            (h.row[_POP] or 0) < LARGE_TOWN or h.row[_A1CODE] == b.row[_A1CODE]:
        return False
    if not h.row[_CAPITAL] and not named_like_own_division(h.row, (c.row for c in m.cands)):
        return False
    if m.span.area or text[m.span.start - 2 : m.span.start] == ", " or \
            (b.row[_COUNTRY], b.row[_A1CODE]) in inside:
        return False
    near = _WORD.findall(text, max(0, m.span.start - 20), m.span.start)[-2:]
    after = _WORD.match(text, m.span.end + 1)
    if after is not None and text[m.span.end] == " ":
        near.append(after.group())
    return not any(_kind(lang, w) == "admin1" for w in near)


def _city_districts(text: str, ms: list, lang: Language) -> None:
    """A district named as such ("Дніпровського району", "the Dniprovskyi district") that the
    gazetteer knows only as a part of a town far (over :data:`ANCHOR_KM`) from every town
    named in its sentence, when the sentence names one ("Херсон: обстріл Дніпровського
    району"), is that town's district: the namesake near it, or none (Kherson, Kyiv,
    Zaporizhzhia and Dnipro each have a Dniprovskyi district)."""
    towns = [m for m in ms if m.best is not None and m.best.row[_FEATURE] == "populated_place"]
    districts = [m for m in towns if _names_district(text, m, lang)]
    for m in districts:
        rows = [t.best.row for t in towns if t not in districts and _one_sentence(text, t, m)]
        if not rows or _close_to(m.best.row, rows):
            continue
        near = [c for c in m.cands if c.row[_FEATURE] == "populated_place"
                and _close_to(c.row, rows)]
        m.best = max(near, key=lambda c: (c.score, c.prior)) if near else None


def _one_sentence(text: str, a, b) -> bool:
    lo, hi = (a, b) if a.span.start < b.span.start else (b, a)
    return _SENTENCE_END.search(text, lo.span.end, hi.span.start) is None


def _names_district(text: str, m, lang: Language) -> bool:
    """The mention ends in a district word ("Дніпровського району"), or it is a district
    adjective that one follows ("the Dniprovskyi district"; not "Warren County", a town's
    name)."""
    words = _WORD.findall(text, m.span.start, m.span.end)[1:]
    after = _WORD.match(text, m.span.end + 1)
    if after is not None and text[m.span.end : m.span.end + 1] == " " and \
            lang.district_stems(m.span.key):
        words.append(after.group())
    return any(_kind(lang, w) == "admin2" for w in words)


def _close_to(row: tuple, rows: list) -> bool:
    return any(_km(row[_LAT], row[_LON], r[_LAT], r[_LON]) <= ANCHOR_KM for r in rows)


def _kind(lang: Language, word: str) -> str | None:
    """The kind of place ``word`` (any case or inflection) names in ``lang``, if any."""
    low = word.lower()
    got = lang.place_kinds.get(low)
    if got is None:
        got = next((k for lemma in lang.lemmas(low) if (k := lang.place_kinds.get(lemma))),
                   None)
    return got


def _settlement_word(lang: Language, word: str) -> bool:
    """``word`` (any case: "селі", "поселке", "villages") names a kind of settlement in
    ``lang``."""
    low = word.lower()
    if lang.place_kinds.get(low) == "populated_place" or \
            low in lang.place_query.get("settlement", ()):
        return True
    return any(lang.place_kinds.get(lemma) == "populated_place" for lemma in lang.lemmas(low))
