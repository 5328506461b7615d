"""The geoparser: recognise place mentions in text and resolve each to a place.

Recognition looks up capitalised spans in the gazetteer (see :mod:`._spans`) and keeps those
that evidence says are places: not part of a person's or organisation's name, not a common
English word used as a word, not a building that stands for a government ("the Pentagon").
Resolution scores each candidate place by its prior importance (population, feature class) and
by the document's context: countries and divisions named elsewhere in it, the "X, Y" pattern
("Berestove, Donetsk"), and distance to the places already resolved with confidence.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from ..gazetteer.core import priors
from ..lang import Language, detect_language, get_language
from ._cyrillic import MORPHOLOGY, expand_spans, keep_rows, unresolved_spans, zipf_functions
from ._evidence import is_sentence_start
from ._rank import Ranker, default_ranker
from ._rules import rules_for
from ._spans import Span, area_extension, candidate_spans, tokenize
from .mention import ROLES, Mention

__all__ = ["Geoparser"]

# columns of a place row (see gazetteer._schema.PLACE_COLUMNS)
_FEATURE, _LAT, _LON, _COUNTRY, _A1CODE, _POP, _CAPITAL = 3, 4, 5, 7, 8, 10, 13
AREA_FEATURES = frozenset({"admin1", "admin2", "region"})

#: A single word at least this common in English (Zipf scale) is taken for a place only with
#: support: a coarse or large place, capitalised mid-sentence, or backed by context.
COMMON_WORD_ZIPF = 4.0
#: ... and from this frequency ("Central", "West", "City") always only with such support.
VERY_COMMON_WORD_ZIPF = 5.0
#: A capitalised neighbour rarer than this is a name ("Seong-kweun", "Chinnici"): the span is
#: part of a person's name.
NAME_LIKE_ZIPF = 3.5
#: A capitalised word opening a sentence right before a small place's name is a given name
#: ("Andrew Trapani") when it is rarer than this; function words ("In", "But") are far commoner.
NAME_AT_START_ZIPF = 4.5
#: An initial right before a name: "JAS. H. ELLIOTT", "George W. Bush".
_INITIAL_BEFORE = re.compile(r"(?:^|[\s(])[A-Z]\.\s$")
#: How far (orders of magnitude of population) the largest place of a name must outweigh every
#: place of another country for the name to stand without context.
DOMINANCE = 1.5
#: Confidence of a place that its kind word marks but the gazetteer does not resolve.
UNRESOLVED_CONFIDENCE = 0.5
#: Population from which a populated place is "large" (named alone, it is usually meant).
LARGE_PLACE = 100_000
#: At most this many candidate places per mention, by prior (context rarely lifts a place
#: from beyond that rank).
MAX_CANDIDATES = 40
#: Places resolved with confidence that pull their neighbours' candidates (at most this many).
MAX_ANCHORS = 12
#: What a candidate gains when the document names its first-level division, and more when
#: that name stands within NEAR_CHARS characters.
ADMIN1_NAMED = 2.5
ADMIN1_NEAR = 1.5
NEAR_CHARS = 150
#: The most that nearness to those places adds to a candidate's score.
PROXIMITY = 2.0
#: How many other mentions a document needs before a common word naming a place in a country
#: that nothing else in it supports is taken for a word.
OUTLIER_CONTEXT = 3
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
    needs_context: bool = False
    outlier_check: bool = False
    support: dict | None = None


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
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *,
                 roles: Iterable[str] | None = None,
                 language: str | Language | None = None,
                 ranker: bool | Ranker = True) -> None:
        self.gazetteer = gazetteer or Gazetteer()
        self.language = language if isinstance(language, Language) or language is None \
            else get_language(language)
        self.roles = frozenset(roles) if roles else frozenset(ROLES)
        self.ranker = default_ranker() if ranker is True else (ranker or None)
        self._prior_cache: dict[str, tuple[list, list[float]]] = {}
        bad = self.roles - set(ROLES)
        if bad:
            raise ValueError(f"unknown role(s) {sorted(bad)}; expected {', '.join(ROLES)}")

    def _priors(self, key: str, rows: list) -> list[float]:
        """Prior scores of a name's candidates, computed once per name and row set."""
        hit = self._prior_cache.get(key)
        if hit is not None and hit[0] is rows:
            return hit[1]
        values = priors(rows)
        if len(self._prior_cache) > 100_000:
            self._prior_cache.clear()
        self._prior_cache[key] = (rows, values)
        return values

    # -- public -----------------------------------------------------------------------------
    def parse(self, text: str) -> list[Mention]:
        """Place mentions of ``text``, in text order."""
        if not text or not text.strip():
            return []
        if len(text) > WINDOW_CHARS:
            return self._parse_windows(text)
        lang = self.language or get_language(detect_language(text))
        ms = self._recognise(text, lang)
        if ms:
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

    # -- recognition ------------------------------------------------------------------------
    def _recognise(self, text: str, lang: Language) -> list[_M]:
        rules = rules_for(lang)
        tokens = tokenize(text, rules)
        spans = candidate_spans(text, tokens, rules)
        zipfs = (self.gazetteer.word_zipf,) * 2
        if lang.code in MORPHOLOGY:  # inflected forms reach the gazetteer by their lemmas
            spans = expand_spans(text, tokens, spans, lang)
            zipfs = zipf_functions(lang)
        keys = {k for s in spans for k in (s.key, *s.alts)}
        plural = {s.key[:-1] for s in spans if s.first == s.last and s.key.endswith("s")
                  and not s.alts}
        rows = self.gazetteer.rows_for_keys(keys | plural)
        by_start: dict[int, list[Span]] = {}
        for s in spans:
            r = rows.get(s.key)
            if not r and s.alts:
                alt = next((k for k in s.alts if k in rows), None)
                r = rows.get(alt) if alt else None
                s.key = alt or s.key
            elif not r and s.first == s.last and s.key.endswith("s"):
                r = [(k, row) for k, row in rows.get(s.key[:-1], []) if k == "demonym"]
            if r and lang.code in MORPHOLOGY:
                r = keep_rows(lang, text[s.start : s.end], r)
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
                m = self._accept(text, tokens, s, caps_lines, person_keys, rules=rules,
                                 zipfs=zipfs)
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
                if not (m.span.key in person_keys and m.role == "literal" and
                        all(c.row[_FEATURE] != "country" for c in m.cands))]

    def _accept(self, text, tokens, s: Span, caps_lines, person_keys, *, rules,
                zipfs) -> _M | None:
        own_zipf, zipf = zipfs  # how common the span's word is; how common a neighbour is
        first, last = tokens[s.first], tokens[s.last]
        single = s.first == s.last
        in_caps = _in_caps_line(caps_lines, s.start)
        prev_tok = tokens[s.first - 1] if s.first > 0 else None
        next_tok = tokens[s.last + 1] if s.last + 1 < len(tokens) else None
        dotted = text.startswith(".", s.end) and len(last.text) <= 5 and (
            single or all(len(t.text) == 1 for t in tokens[s.first : s.last + 1]))
        # abbreviations count only as written: dotted ("Calif.", "U.S.") or in capitals ("US")
        rows = [(k, r) for k, r in s.rows
                if (k != "abbr" or (first.upper and last.upper and not in_caps))
                and (k != "dotted" or first.text.endswith(".") or dotted)]
        demonym_rows = [(k, r) for k, r in rows if k == "demonym"]
        if demonym_rows and len(demonym_rows) == len(rows):
            role = "demonym"
        else:
            role = "literal"
            rows = [(k, r) for k, r in rows if k != "demonym"]
        if not rows:
            return None
        if dotted and any(k == "dotted" for k, _ in rows):
            rows = [(k, r) for k, r in rows if k == "dotted"]
            s = Span(s.start, s.end + 1, s.first, s.last, s.key, False, s.rows)
        elif (first.upper or first.text.endswith(".")) and any(
                k in ("abbr", "dotted") for k, _ in rows):
            # written as an abbreviation ("US", "U.S."): the abbreviation, not a place "Us"
            rows = [(k, r) for k, r in rows if k in ("abbr", "dotted")]
        allp = self._priors(s.key, s.rows)
        keep = {id(r) for _k, r in rows}
        cands = [_Cand(k, r, p) for (k, r), p in zip(s.rows, allp, strict=True)
                 if id(r) in keep]
        if len(cands) > MAX_CANDIDATES:  # "Washington" names 100+ places: keep the likeliest
            cands = sorted(cands, key=lambda c: -c.prior)[:MAX_CANDIDATES]
        # "the Kursk (border) region": a division, the generic word belongs to the mention
        area_end = area_extension(text, s.end, rules)
        if area_end is not None and role == "literal":
            area = [c for c in cands if c.row[_FEATURE] in AREA_FEATURES]
            if area:
                cands = area
                s = Span(s.start, area_end, s.first, s.last, s.key, True, s.rows)
        # "West Nile virus", "Marburg virus", "Lassa fever": a disease's name, not a place
        if rules.disease_after.match(text, s.end):
            return None
        best = max(cands, key=lambda c: c.prior)
        feature = best.row[_FEATURE]
        country = feature == "country"
        large = country or best.row[_POP] >= LARGE_PLACE
        mid = not is_sentence_start(text, s.start) and not in_caps
        abbr = all(c.kind in ("abbr", "dotted") for c in cands)
        # an acronym is not a name written in capitals: "NATO" is not Nato, Philippines
        if first.upper and not in_caps and not abbr and single and not large:
            return None
        # part of a person's name ("Sabrina Singh", "John Walker", "Lee Seong-kweun") or a
        # street ("Dublin Road"); a place inside an organisation's name stays a place ("the
        # Ohio Supreme Court"), and a large place may take a modifier ("Eastern Ukraine")
        if role != "demonym" and not abbr:
            if prev_tok and prev_tok.cap and mid and _glued(text, prev_tok, first) and (
                    zipf(prev_tok.text) < NAME_AT_START_ZIPF
                    if is_sentence_start(text, prev_tok.start)
                    else (not large or zipf(prev_tok.text) < COMMON_WORD_ZIPF)):
                person_keys.add(s.key)
                return None
            if single and not country and \
                    rules.title_before.search(text[max(0, s.start - 24) : s.start]):
                person_keys.add(s.key)
                return None
            if next_tok and next_tok.cap and not in_caps and _glued(text, last, next_tok) and \
                    not s.area:
                if next_tok.text.lower() in rules.street_words:
                    return None
                # "Lee Seong-kweun": a one-word place before a rare capitalised word (not an
                # acronym: "Walker County EMS") is a given or family name here, and only here
                if single and not next_tok.upper and zipf(next_tok.text) < NAME_LIKE_ZIPF:
                    return None
            if rules.honorific_before.search(text[max(0, s.start - 16) : s.start]) or \
                    _INITIAL_BEFORE.search(text[max(0, s.start - 4) : s.start]):
                person_keys.add(s.key)
                return None
        dateline = first.upper and last.upper and _is_dateline(text, s)
        word_like = single and not abbr and role == "literal" and not dateline and \
            own_zipf(first.text) >= COMMON_WORD_ZIPF and not (
                feature in ("country", "region") and best.kind == "name")
        m = _M(s, cands, role)
        if word_like:
            # a common English word ("Central", "West", "Bell", "May"): a place only
            # mid-sentence; unless one large place dominates the name, only where the rest
            # of the document supports its country; a very common word never names a small
            # place, nor with "the" before it ("the West")
            very = own_zipf(first.text) >= VERY_COMMON_WORD_ZIPF
            if (not mid or very) and not large:
                return None
            rivals = [c.prior for c in cands if c.row[_COUNTRY] != best.row[_COUNTRY]]
            dominant = large and not very and best.kind == "name" and (
                not mid or not rivals or best.prior - max(rivals) >= DOMINANCE)
            if dominant:
                m.outlier_check = True
            else:
                # "the West", "the Interior Ministry", "Central Bank"
                if text[max(0, s.start - 4) : s.start] in ("the ", "The ") or (
                        next_tok and next_tok.cap and _glued(text, last, next_tok)):
                    return None
                m.needs_context = True
            m.recog = 0.7
        # "the Reading festival", "the Dublin post": a thing named after a town
        elif feature == "populated_place" and role == "literal" and not s.area and \
                text[max(0, s.start - 4) : s.start] in ("the ", "The ") and not (
                    next_tok and next_tok.cap and _glued(text, last, next_tok)):
            return None
        if dateline:
            m.role = "dateline"
        elif role == "literal" and self._metonymic(text, s, cands, rules):
            m.role = "metonymic"
        return m

    @staticmethod
    def _metonymic(text: str, s: Span, cands: Sequence[_Cand], rules) -> bool:
        top = max(cands, key=lambda c: c.prior)
        is_gov_seat = top.row[_FEATURE] == "country" or bool(top.row[_CAPITAL])
        if not is_gov_seat:
            return False
        if rules.metonymy_after.match(text[s.end : s.end + 80]):
            return True
        return bool(top.row[_CAPITAL]) and bool(
            rules.partner_before.search(text[max(0, s.start - 9) : s.start]))

    # -- resolution -------------------------------------------------------------------------
    def _resolve(self, text: str, ms: list[_M]) -> None:
        # soft country support: each mention spreads one unit over its candidates' countries
        mass: dict[str, float] = {}
        own: list[dict[str, float]] = []
        for m in ms:
            top = max(c.prior for c in m.cands)
            w = [math.exp(c.prior - top) for c in m.cands]
            total = sum(w)
            mine: dict[str, float] = {}
            for c, wi in zip(m.cands, w, strict=True):
                cc = c.row[_COUNTRY]
                if cc:
                    mine[cc] = mine.get(cc, 0.0) + wi / total
            if m.needs_context:
                mine = {}
            own.append(mine)
            for cc, v in mine.items():
                mass[cc] = mass.get(cc, 0.0) + v
        # explicit evidence: countries and divisions named as such
        named_countries: set[str] = set()
        admin1s: dict[str, list[int]] = {}  # code -> start offsets of its mentions
        for m in ms:
            if m.needs_context:
                continue  # a word that may not be a place is no evidence for others
            top = max(m.cands, key=lambda c: c.prior)
            feat = top.row[_FEATURE]
            if feat == "country":
                named_countries.add(top.row[_COUNTRY])
            elif (feat == "admin1" or (m.span.area and feat in AREA_FEATURES)) and \
                    top.row[_A1CODE]:
                admin1s.setdefault(top.row[_A1CODE], []).append(m.span.start)
        others = max(len(ms) - 1, 1)
        kept = []
        for m, mine in zip(ms, own, strict=True):
            support = {cc: (mass.get(cc, 0.0) - mine.get(cc, 0.0)) / others for cc in mass}
            if m.needs_context:
                m.cands = [c for c in m.cands if support.get(c.row[_COUNTRY], 0.0) >= 0.2
                           or c.row[_COUNTRY] in named_countries
                           or (c.row[_A1CODE] and c.row[_A1CODE] in admin1s)]
                if not m.cands:
                    continue
                # a common word left only with small places ("Google", Congress AZ; "Burning
                # Man", Man WV) needs its division named, or "X, Y" after it
                if all(c.row[_POP] < LARGE_PLACE and c.row[_FEATURE] == "populated_place"
                       for c in m.cands) and not any(
                           c.row[_A1CODE] in admin1s for c in m.cands) and \
                        text[m.span.end : m.span.end + 2] != ", ":
                    continue
            elif m.outlier_check and others >= OUTLIER_CONTEXT:
                # a common word that names a dominant place ("Western" in Ghana), in a document
                # whose other places lie elsewhere and never in that country: a word
                cc = max(m.cands, key=lambda c: c.prior).row[_COUNTRY]
                if support.get(cc, 0.0) < 0.05 and cc not in named_countries:
                    continue
            m.support = support
            kept.append(m)
        ms[:] = kept
        # "X, Y": Y names the division or country of X
        parent: dict[int, _M] = {}
        for a, b in itertools.pairwise(ms):
            if text[a.span.end : b.span.start] in (", ", ","):
                parent[id(a)] = b
        for m in ms:
            self._score(m, named_countries, admin1s, parent.get(id(m)), None)
        # second pass: distance to what was resolved with confidence
        anchors = list({(m.best.row[_LAT], m.best.row[_LON]) for m in ms
                        if m.best and m.margin >= 2.0 and m.best.row[_FEATURE] != "country"})
        anchors = anchors[:MAX_ANCHORS]
        if anchors:
            for m in ms:
                if len(m.cands) > 1:
                    self._score(m, named_countries, admin1s, parent.get(id(m)), anchors)
        if self.ranker is not None:  # the learned ranker re-chooses among the scored places
            self.ranker.rerank(text, ms, named_countries=named_countries, admin1s=admin1s,
                               parent=parent, anchors=anchors)
        # "Pyongyang and Moscow have adopted...": coordinated seats of government share a role
        for a, b in itertools.pairwise(ms):
            if text[a.span.end : b.span.start] == " and " and "metonymic" in (a.role, b.role):
                for x in (a, b):
                    if x.role == "literal" and x.best and (
                            x.best.row[_FEATURE] == "country" or x.best.row[_CAPITAL]):
                        x.role = "metonymic"

    @staticmethod
    def _score(m: _M, named_countries, admin1s, par: _M | None, anchors) -> None:
        for c in m.cands:
            r = c.row
            s = c.prior
            cc = r[_COUNTRY]
            if r[_FEATURE] != "country":
                s += 3.0 * min(1.0, 2.0 * m.support.get(cc, 0.0))
                if cc in named_countries:
                    s += 4.5
            others = [x for x in admin1s.get(r[_A1CODE] or "", ()) if x != m.span.start]
            if others and r[_FEATURE] != "admin1":
                s += ADMIN1_NAMED
                # "Hartford is a town in Windsor County, Vermont": named close by
                if any(abs(x - m.span.start) <= NEAR_CHARS for x in others):
                    s += ADMIN1_NEAR
            if par is not None:
                for pc in par.cands:
                    pr = pc.row
                    if pr[_FEATURE] == "admin1" and pr[_A1CODE] and pr[_A1CODE] == r[_A1CODE] \
                            and r[_FEATURE] != "admin1":
                        s += 4.5
                        break
                    if pr[_FEATURE] == "country" and pr[_COUNTRY] == cc and \
                            r[_FEATURE] != "country":
                        s += 4.5
                        break
            if m.role == "dateline" and r[_FEATURE] == "populated_place":
                s += 4.5
            c.score = s
        if anchors:
            # nearness to confidently resolved places adds at most PROXIMITY: only candidates
            # within that reach of the leader need the distances
            floor = max(c.score for c in m.cands) - PROXIMITY
            for c in m.cands:
                r = c.row
                if c.score >= floor and r[_FEATURE] != "country":
                    d = min(_km(r[_LAT], r[_LON], la, lo) for la, lo in anchors)
                    c.score += PROXIMITY * math.exp(-d / 300.0)
        ranked = sorted(m.cands, key=lambda c: -c.score)
        m.best = ranked[0]
        m.margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 10.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Approximate great-circle distance (equirectangular; good to a few % below 2,000 km)."""
    dlon = abs(lon2 - lon1)
    if dlon > 180.0:
        dlon = 360.0 - dlon
    x = dlon * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.195 * math.hypot(lat2 - lat1, x)


def _glued(text: str, a, b) -> bool:
    gap = text[a.end : b.start]
    return gap in (" ", "\u00a0")


def _all_caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines written in capitals (headlines, datelines, shouted text)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        sample = line[:200]  # a line's start tells whether it is in capitals
        upper = sum(map(str.isupper, sample))
        lower = sum(map(str.islower, sample))
        if upper >= 3 and upper > 4 * lower:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_caps_line(lines: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(lines, (offset, float("inf"))) - 1
    return i >= 0 and lines[i][0] <= offset < lines[i][1]


_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(\w[\w .&-]*\)\s*)?"
                             r"(?:$|\n|<|[—–-]{1,2}|:|&[mn]dash;|&#821[12];)")
#: Texts longer than this are parsed in windows of about this many characters.
WINDOW_CHARS = 1_000_000
#: A dateline stands within the first few lines (and this many characters) of a story.
DATELINE_REACH = 2000
_MARKUP_ONLY = re.compile(r"^(?:\s|<[^>]{0,200}>)*$")


def _is_dateline(text: str, s: Span) -> bool:
    """A capitalised place name opening a line near the top, alone or before a dash."""
    line_start = text.rfind("\n", 0, s.start) + 1
    if not _MARKUP_ONLY.match(text[line_start : s.start]):
        return False
    if line_start > DATELINE_REACH or text[:line_start].count("\n") > 4:
        return False
    return bool(_DATELINE_AFTER.match(text[s.end : s.end + 40]))
