"""The geoparser: recognise place mentions in text and resolve each to a place.

Recognition looks up capitalised spans in the gazetteer (see :mod:`._spans`) and keeps those
that evidence says are places: not part of a person's or organisation's name, not a common
English word used as a word, not a building that stands for a government ("the Pentagon").
Resolution scores each candidate place by its prior importance (population, feature class) and
by the document's context: countries and divisions named elsewhere in it, the "X, Y" pattern
("Berestove, Donetsk"), and distance to the places already resolved with confidence.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..gazetteer.core import priors
from ._evidence import is_sentence_start, zipf
from ._spans import Span, area_extension, candidate_spans, tokenize
from .mention import ROLES, Mention

__all__ = ["Geoparser"]

# columns of a place row (see gazetteer._schema.PLACE_COLUMNS)
_FEATURE, _LAT, _LON, _COUNTRY, _A1CODE, _POP, _CAPITAL = 3, 4, 5, 7, 8, 10, 13
AREA_FEATURES = frozenset({"admin1", "admin2", "region"})

#: A single word at least this common in English (Zipf scale) is taken for a place only with
#: support: a coarse or large place, capitalised mid-sentence, or backed by context.
COMMON_WORD_ZIPF = 4.0
#: Population from which a populated place is "large" (named alone, it is usually meant).
LARGE_PLACE = 100_000
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|President|Minister|"
                        r"Secretary|Prime Minister|King|Queen|Prince|Pope|Saint|St)\.?\s$")
_METONYMY_AFTER = re.compile(
    r"^(?:\s*(?:,|and)\s+[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)*\s+"
    r"(?:(?:has|have|had|will|would|is|was|also|has also|have also|did not|does not|had "
    r"already|has already)\s+)?"
    r"(?:said|says|say|told|tells|warned|warns|denied|denies|deny|denying|claimed|claims|"
    r"announced|announces|adopted|accused|accuses|urged|urges|insisted|insists|rejected|rejects|"
    r"condemned|condemns|agreed|agrees|signed|responded|threatened|threatens|demanded|demands|"
    r"vowed|vows|wants|sent|sends|offered|offers|supports|supported|backed|blamed|blames|"
    r"criticized|criticised|welcomed|welcomes|confirmed|confirms|asserted|asserts|stated|"
    r"declared|admitted|admits|refused|refuses|considers|sees|believes|called|calls)\b"
)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|with|from)\s$")


@dataclass(slots=True)
class _Cand:
    kind: str
    row: tuple
    prior: float
    score: float = 0.0


@dataclass(slots=True)
class _M:
    span: Span
    cands: list[_Cand]
    role: str = "literal"
    best: _Cand | None = None
    margin: float = 0.0
    recog: float = 0.9
    notes: list[str] = field(default_factory=list)


class Geoparser:
    """Find and resolve place mentions.

    Parameters
    ----------
    gazetteer
        The gazetteer to resolve against (built on first use when omitted).
    roles
        Only emit mentions with these roles (default: all of :data:`ROLES`).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *,
                 roles: Iterable[str] | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        self.roles = frozenset(roles) if roles else frozenset(ROLES)
        bad = self.roles - set(ROLES)
        if bad:
            raise ValueError(f"unknown role(s) {sorted(bad)}; expected {', '.join(ROLES)}")

    # -- public -----------------------------------------------------------------------------
    def parse(self, text: str) -> list[Mention]:
        """Place mentions of ``text``, in text order."""
        if not text or not text.strip():
            return []
        ms = self._recognise(text)
        if not ms:
            return []
        self._resolve(text, ms)
        out = []
        for m in ms:
            if m.role not in self.roles:
                continue
            place = self.gazetteer.place_from_row(m.best.row) if m.best else None
            conf = m.recog * (1.0 - math.exp(-1.5 * max(m.margin, 0.0)) * 0.5
                              if len(m.cands) > 1 else 1.0)
            out.append(Mention(m.span.start, m.span.end, text[m.span.start : m.span.end],
                               place, m.role, max(0.0, min(1.0, conf))))
        return out

    def parse_many(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """:meth:`parse` over many texts (one gazetteer, one process)."""
        for t in texts:
            yield self.parse(t)

    # -- recognition ------------------------------------------------------------------------
    def _recognise(self, text: str) -> list[_M]:
        tokens = tokenize(text)
        spans = candidate_spans(text, tokens)
        keys = {s.key for s in spans}
        plural = {s.key[:-1] for s in spans if s.first == s.last and s.key.endswith("s")}
        rows = self.gazetteer.rows_for_keys(keys | plural)
        by_start: dict[int, list[Span]] = {}
        for s in spans:
            r = rows.get(s.key)
            if not r and s.first == s.last and s.key.endswith("s"):
                r = [(k, row) for k, row in rows.get(s.key[:-1], []) if k == "demonym"]
            if r:
                s.rows = r
                by_start.setdefault(s.first, []).append(s)
        caps_lines = _all_caps_lines(text)
        chosen: list[_M] = []
        i = 0
        person_keys: set[str] = set()
        n = len(tokens)
        while i < n:
            options = sorted(by_start.get(i, []), key=lambda s: -(s.last - s.first))
            taken = None
            for s in options:
                m = self._accept(text, tokens, s, caps_lines, person_keys)
                if m is not None:
                    taken = m
                    break
            if taken is None:
                i += 1
                continue
            chosen.append(taken)
            i = taken.span.last + 1
        # a name seen as a person's elsewhere in the document is a person's here too
        return [m for m in chosen
                if not (m.span.key in person_keys and m.role == "literal" and len(m.cands) and
                        all(c.row[_FEATURE] == "populated_place" for c in m.cands))]

    def _accept(self, text, tokens, s: Span, caps_lines, person_keys) -> _M | None:
        first, last = tokens[s.first], tokens[s.last]
        single = s.first == s.last
        in_caps = _in_caps_line(caps_lines, s.start)
        prev_tok = tokens[s.first - 1] if s.first > 0 else None
        next_tok = tokens[s.last + 1] if s.last + 1 < len(tokens) else None
        rows = s.rows
        # abbreviations count only as written: all capitals, in mixed-case text
        rows = [(k, r) for k, r in rows
                if k != "abbr" or (first.upper and last.upper and not in_caps)]
        if not in_caps:
            # a capitalised name must be written capitalised: "Kursk", not "kursk"
            pass
        demonym_rows = [(k, r) for k, r in rows if k == "demonym"]
        if demonym_rows and len(demonym_rows) == len(rows):
            role = "demonym"
        else:
            role = "literal"
            rows = [(k, r) for k, r in rows if k != "demonym"] or rows
        if not rows:
            return None
        # part of a longer proper name (person, organisation): "Sabrina Singh", "Lee Seong-kweun"
        if role != "demonym" or single:
            if prev_tok and _glued(text, prev_tok, first) and prev_tok.cap and not in_caps and \
                    zipf(prev_tok.text) < COMMON_WORD_ZIPF and \
                    not is_sentence_start(text, prev_tok.start):
                person_keys.add(s.key)
                return None
            if next_tok and _glued(text, last, next_tok) and next_tok.cap and not in_caps and \
                    zipf(next_tok.text) < 3.0 and role != "demonym":
                person_keys.add(s.key)
                return None
            if _HONORIFIC.search(text[max(0, s.start - 16) : s.start]):
                person_keys.add(s.key)
                return None
        cands = [_Cand(k, r, p) for (k, r), p in zip(rows, priors(rows), strict=True)]
        # "the Kursk (border) region": a division, the generic word belongs to the mention
        area_end = area_extension(text, s.end)
        if area_end is not None and role == "literal":
            area = [c for c in cands if c.row[_FEATURE] in AREA_FEATURES]
            if area:
                cands = area
                s = Span(s.start, area_end, s.first, s.last, s.key, True, s.rows)
        best_prior = max(cands, key=lambda c: c.prior)
        coarse = best_prior.row[_FEATURE] in ("country", "admin1") or \
            best_prior.row[_POP] >= LARGE_PLACE
        # "the Pentagon", "the Kremlin", "the Reading festival": a building or a thing
        before = text[max(0, s.start - 4) : s.start]
        if before.endswith(("the ", "The ")) and role == "literal" and not s.area and \
                all(c.row[_FEATURE] == "populated_place" for c in cands):
            return None
        recog = 0.9
        if single and role == "literal":
            z = zipf(first.text)
            sentence_start = is_sentence_start(text, s.start)
            if z >= COMMON_WORD_ZIPF:
                if (sentence_start or in_caps) and not coarse:
                    return None
                if not coarse and z >= 4.5:
                    return None
                recog = 0.6 if not coarse else 0.8
            if not first.cap:
                return None
        m = _M(s, cands, role, recog=recog)
        if in_caps and _is_dateline(text, s):
            m.role = "dateline"
        elif role == "literal" and self._metonymic(text, s, cands):
            m.role = "metonymic"
        return m

    @staticmethod
    def _metonymic(text: str, s: Span, cands: Sequence[_Cand]) -> bool:
        top = max(cands, key=lambda c: c.prior)
        is_gov_seat = top.row[_FEATURE] == "country" or bool(top.row[_CAPITAL])
        if not is_gov_seat:
            return False
        if _METONYMY_AFTER.match(text[s.end : s.end + 80]):
            return True
        return bool(top.row[_CAPITAL]) and bool(
            _BETWEEN_BEFORE.search(text[max(0, s.start - 9) : s.start]))

    # -- resolution -------------------------------------------------------------------------
    def _resolve(self, text: str, ms: list[_M]) -> None:
        countries: dict[str, float] = {}
        admin1s: dict[str, float] = {}
        for m in ms:
            top = max(m.cands, key=lambda c: c.prior)
            feat = top.row[_FEATURE]
            if feat == "country" and (len(m.cands) == 1 or top.kind in ("name", "demonym")):
                countries[top.row[_COUNTRY]] = countries.get(top.row[_COUNTRY], 0) + 1
            elif (feat == "admin1" and top.kind in ("name", "alt", "abbr")) or (m.span.area and \
                    feat in AREA_FEATURES):
                code = top.row[_A1CODE]
                if code:
                    admin1s[code] = admin1s.get(code, 0) + 1
                    countries[top.row[_COUNTRY]] = countries.get(top.row[_COUNTRY], 0) + 0.5
        # "X, Y": Y names the division or country of X
        parent: dict[int, _M] = {}
        for a, b in itertools.pairwise(ms):
            gap = text[a.span.end : b.span.start]
            if gap in (", ", ","):
                parent[id(a)] = b
        for m in ms:
            self._score(m, countries, admin1s, parent.get(id(m)), None)
        # second pass: distance to what was resolved with confidence
        anchors = [(m.best.row[_LAT], m.best.row[_LON]) for m in ms
                   if m.best and m.margin >= 2.0 and m.best.row[_FEATURE] != "country"]
        if anchors:
            for m in ms:
                if len(m.cands) > 1:
                    self._score(m, countries, admin1s, parent.get(id(m)), anchors)

    @staticmethod
    def _score(m: _M, countries, admin1s, par: _M | None, anchors) -> None:
        n_countries = max(sum(countries.values()), 1)
        for c in m.cands:
            r = c.row
            s = c.prior
            cc = r[_COUNTRY]
            if cc in countries and r[_FEATURE] != "country":
                s += 1.5 + 1.5 * countries[cc] / n_countries
            if r[_A1CODE] and r[_A1CODE] in admin1s and r[_FEATURE] != "admin1":
                s += 2.5
            if par is not None:
                for pc in par.cands:
                    pr = pc.row
                    if pr[_FEATURE] == "admin1" and pr[_A1CODE] and pr[_A1CODE] == r[_A1CODE] \
                            and r[_FEATURE] != "admin1":
                        s += 6.0
                        break
                    if pr[_FEATURE] == "country" and pr[_COUNTRY] == cc and \
                            r[_FEATURE] != "country":
                        s += 4.0
                        break
            if anchors and r[_FEATURE] != "country":
                d = min(_km(r[_LAT], r[_LON], la, lo) for la, lo in anchors)
                s += 2.0 * math.exp(-d / 300.0)
            if m.role == "dateline" and r[_FEATURE] == "populated_place":
                s += 2.0
            c.score = s
        ranked = sorted(m.cands, key=lambda c: -c.score)
        m.best = ranked[0]
        m.margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 10.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _glued(text: str, a, b) -> bool:
    gap = text[a.end : b.start]
    return gap in (" ", "\u00a0")


def _all_caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines written in capitals (headlines, datelines)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= 3 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_caps_line(lines: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in lines)


_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(\w[\w .&-]*\)\s*)?"
                             r"(?:$|\n|[—–-]{1,2}|:)")


def _is_dateline(text: str, s: Span) -> bool:
    """A capitalised place name opening a line near the top, alone or before a dash."""
    line_start = text.rfind("\n", 0, s.start) + 1
    if text[line_start : s.start].strip():
        return False
    if text[:line_start].count("\n") > 4:
        return False
    return bool(_DATELINE_AFTER.match(text[s.end : s.end + 40]))
