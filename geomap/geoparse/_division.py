"""A town named with its division: "Журавлівка Сумської області", "Журавлевка, Белгородская
область", "на Сумщині у селі Журавлівка". The division decides among the town's namesakes:
the one inside it, or none (the mention stays unresolved, the division is its own mention)
when the gazetteer has no namesake there. A namesake elsewhere is a wrong place, often
hundreds of kilometres away or in another country."""

from __future__ import annotations

import re

from ..lang import Language
from ..lang._morph import readings

__all__ = ["constrain_to_divisions"]

# columns of a place row (see gazetteer._schema.PLACE_COLUMNS)
_FEATURE, _A1CODE, _POP = 3, 8, 10
#: Towns at least this large are not re-read by a division named with them ("Харків,
#: Харківська область"; a capital is often coded apart from the division around it).
LARGE_TOWN = 100_000
#: Between the town and the division after it: a space or a comma.
_GAP_AFTER = re.compile(r" {1,2}|\s?, {1,2}|\s\(")
#: Between a division and the town after it: a few words of one sentence ending in a
#: settlement word ("на Сумщині у селі |Журавлівка"); which words those are is the language's
#: (:attr:`Language.place_kinds` of feature populated_place, any case form).
_GAP_BEFORE = re.compile(r"[^.!?;\n]{0,30}?\b(\w+)\.?\s{1,2}")


def constrain_to_divisions(text: str, ms: list, lang: Language) -> None:
    """Re-read (in place) each resolved town of ``ms`` (the geoparser's mentions, with
    ``span``, ``cands`` and ``best``) that a division mention names beside it."""
    divisions = [m for m in ms if m.best is not None and m.best.row[_FEATURE] == "admin1"
                 and m.best.row[_A1CODE]]
    if not divisions:
        return
    for m in ms:
        best = m.best
        if best is None or best.row[_FEATURE] != "populated_place" or \
                best.row[_POP] >= LARGE_TOWN:
            continue
        d = _division_of(text, m, divisions, lang)
        if d is None:
            continue
        code = d.best.row[_A1CODE]
        if best.row[_A1CODE] == code:
            continue
        inside = [c for c in m.cands if c.row[_A1CODE] == code and
                  c.row[_FEATURE] == "populated_place"]
        m.best = max(inside, key=lambda c: (c.score, c.prior)) if inside else None


def _division_of(text: str, m, divisions: list, lang: Language):
    """The division named right after the town, or just before it in the same sentence
    with a settlement word before the town."""
    for d in divisions:
        if d.span.start >= m.span.end and \
                _GAP_AFTER.fullmatch(text, m.span.end, d.span.start):
            return d
    for d in divisions:
        if d.span.end <= m.span.start:
            gap = _GAP_BEFORE.fullmatch(text, d.span.end, m.span.start)
            if gap and _settlement_word(lang, gap[1]):
                return d
    return None


def _settlement_word(lang: Language, word: str) -> bool:
    """``word`` (any case: "селі", "поселке") names a kind of settlement in ``lang``."""
    kinds = lang.place_kinds
    low = word.lower()
    if kinds.get(low) == "populated_place":
        return True
    return any(kinds.get(r.lemma) == "populated_place" for r in readings(lang.code, low))
