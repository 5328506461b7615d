"""Recognition: the capitalised spans of a text that name places, by the evidence around them.

Spans come from :mod:`._spans` (looked up in one batch per document); Ukrainian and Russian
forms reach the gazetteer through their lemmas (:mod:`._cyrillic`). A span is kept as a place
unless evidence says otherwise: part of a person's or organisation's name, a street, a common
English word used as a word, an acronym, a disease's name, a thing named after a town. Datelines
and metonymic uses of seats of government ("Moscow said") get their role here. The language's
words come from :mod:`geomap.lang` (compiled in :mod:`._rules`).
"""

from __future__ import annotations

import bisect
import functools
import operator
import re

from .._text import fold_key, is_title_case
from ..gazetteer import Gazetteer
from ..gazetteer._priors import priors
from ..lang import Language
from ..lang._detect import other_latin
from ..lang._other_words import other_zipf
from ._candidates import (
    _CAPITAL,
    _COUNTRY,
    _FEATURE,
    _POP,
    AREA_FEATURES,
    LARGE_PLACE,
    Cand,
    Found,
    named_like_own_division,
)
from ._cyrillic import MORPHOLOGY, expand_spans, keep_rows, lookup_key, zipf_functions
from ._cyrillic_names import phrase_rows
from ._evidence import is_sentence_start
from ._rules import rules_for
from ._spans import Span, area_extension, candidate_spans, tokenize

__all__ = ["Recogniser"]

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
#: At most this many candidate places per mention, by prior (context rarely lifts a place
#: from beyond that rank).
MAX_CANDIDATES = 40
#: Names whose priors and candidate lists are kept between documents (then the caches restart).
CACHE_SIZE = 100_000
_PRIOR = operator.itemgetter(2)


def _neg_prior(c: tuple) -> float:
    return -c[2]


class Recogniser:
    """Finds the place mentions of texts against one gazetteer (with a cache of name priors)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._prior_cache: dict[str, tuple[list, list[float]]] = {}
        self._cand_cache: dict[tuple, tuple[list, tuple | None]] = {}
        self._translits: dict[str, str] = {}  # several-word keys -> transliteration keys

    def _priors(self, key: str, rows: list) -> list[float]:
        """Prior scores of a name's candidates, computed once per name and row set."""
        hit = self._prior_cache.get(key)
        if hit is not None and hit[0] is rows:
            return hit[1]
        values = priors(rows)
        if len(self._prior_cache) > CACHE_SIZE:
            self._prior_cache.clear()
        self._prior_cache[key] = (rows, values)
        return values

    def _candidates(self, s: Span, abbr_ok: bool, dotted_ok: bool, dotted: bool,
                    as_abbr: bool) -> tuple | None:
        """(role, span extended by its dot, candidates as (kind, row, prior), the likeliest,
        all abbreviations) of a span's rows as written, or None when no row fits: computed
        once per name, row set and way of writing, since names recur across documents."""
        key = (s.key, abbr_ok, dotted_ok, dotted, as_abbr)
        hit = self._cand_cache.get(key)
        if hit is not None and hit[0] is s.rows:
            return hit[1]
        rows = [(k, r) for k, r in s.rows
                if (k != "abbr" or abbr_ok) and (k != "dotted" or dotted_ok)]
        demonym_rows = [(k, r) for k, r in rows if k == "demonym"]
        if demonym_rows and len(demonym_rows) == len(rows):
            role = "demonym"
        else:
            role = "literal"
            rows = [(k, r) for k, r in rows if k != "demonym"]
        extend = False
        if not rows:
            found = None
        else:
            if dotted and any(k == "dotted" for k, _ in rows):
                # "La.", "Calif.": a dotted abbreviation; "L.A.", "U.S.": capital initials,
                # also a place's abbreviation ("LA": Los Angeles besides Louisiana)
                rows = [(k, r) for k, r in rows if k == "dotted" or (dotted == 2 and k == "abbr")]
                extend = True
            elif as_abbr and any(k in ("abbr", "dotted") for k, _ in rows):
                # written as an abbreviation ("US", "U.S."): the abbreviation, not "Us"
                rows = [(k, r) for k, r in rows if k in ("abbr", "dotted")]
            allp = self._priors(s.key, s.rows)
            keep = {id(r) for _k, r in rows}
            cands = [(k, r, p) for (k, r), p in zip(s.rows, allp, strict=True)
                     if id(r) in keep]
            if len(cands) > MAX_CANDIDATES:  # "Washington" names 100+ places: the likeliest
                cands = sorted(cands, key=_neg_prior)[:MAX_CANDIDATES]
            found = (role, extend, cands, max(cands, key=_PRIOR),
                     all(c[0] in ("abbr", "dotted") for c in cands))
        if len(self._cand_cache) > CACHE_SIZE:
            self._cand_cache.clear()
        self._cand_cache[key] = (s.rows, found)
        return found

    def find(self, text: str, lang: Language) -> list[Found]:
        """The place mentions of ``text`` that evidence keeps, with their candidates."""
        rules = rules_for(lang)
        tokens = tokenize(text, rules)
        spans = candidate_spans(text, tokens, rules)
        zipfs = (self.gazetteer.word_zipf,) * 2
        if lang.code == "en" and other_latin(text):  # "Matan a 14 policías en Sinaloa"
            zipfs = (self._foreign_zipf,) * 2
        if lang.code in MORPHOLOGY:  # inflected forms reach the gazetteer by their lemmas
            lookup = phrase_rows(self.gazetteer.rows_for_keys,
                                 self.gazetteer.rows_for_translit_keys, self._translits)
            spans = expand_spans(text, tokens, spans, lang, lookup)
            zipfs = zipf_functions(lang)
        adjectives = _district_adjectives(text, spans, rules)
        keys = {k for s in spans for k in (s.key, *s.alts)}
        keys.update(k for groups in adjectives.values() for g in groups for k in g)
        plural = {s.key[:-1] for s in spans if s.first == s.last and s.key.endswith("s")
                  and not s.alts}
        rows = (lookup if lang.code in MORPHOLOGY else self.gazetteer.rows_for_keys)(
            keys | plural)
        by_start: dict[int, list[Span]] = {}
        for s in spans:
            if s.key in rules.not_places:
                continue  # "Hamas", "Iskander": an organisation or a weapon, not a place
            if s.proper:  # Cyrillic: a lemma that names a larger town than the form
                s.key = lookup_key(s, rows)
            r = rows.get(s.key)
            if not r and id(s) in adjectives:  # "Kupianskyi raion": the unit, else its town
                s.key, r = _adjective_rows(adjectives[id(s)], rows)
                s.adjective = bool(r)
            if not r and s.alts:
                alt = next((k for k in s.alts if k in rows), None)
                r = rows.get(alt) if alt else None
                s.key = alt or s.key
            elif not r and s.first == s.last and s.key.endswith("s"):
                r = [(k, row) for k, row in rows.get(s.key[:-1], []) if k == "demonym"]
            if r and lang.code in MORPHOLOGY:
                r = keep_rows(lang, text[s.start : s.end], r, key=s.key, opening=s.first ==
                              s.last and is_sentence_start(text, s.start),
                              before=text[max(0, s.start - 40) : s.start] if s.first == s.last
                              else None)
            if r:
                s.rows = r
                by_start.setdefault(s.first, []).append(s)
        # (title case is an English headline habit: a language without its words skips it)
        caps_lines = (_all_caps_lines(text),
                      _title_case_lines(text) if lang.words("title_words") else [])
        chosen: list[Found] = []
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

    def _foreign_zipf(self, word: str) -> float:
        """How common ``word`` is in English or in another Latin-script language."""
        return max(self.gazetteer.word_zipf(word), other_zipf(word))

    def _accept(self, text, tokens, s: Span, caps_lines, person_keys, *, rules,
                zipfs) -> Found | None:
        own_zipf, zipf = zipfs  # how common the span's word is; how common a neighbour is
        first, last = tokens[s.first], tokens[s.last]
        single = s.first == s.last
        caps_lines, title_lines = caps_lines
        in_caps = _in_caps_line(caps_lines, s.start)
        # a headline in title case ("Junta Imposes Mobile Internet Shutdown"): a capital
        # there says nothing about a name
        titled = not in_caps and bool(title_lines) and _in_caps_line(title_lines, s.start)
        prev_tok = tokens[s.first - 1] if s.first > 0 else None
        next_tok = tokens[s.last + 1] if s.last + 1 < len(tokens) else None
        # "C.A.R", "H.I.V": initials of a longer abbreviation than "C.A." (California), "H.I."
        # (not "D.C.Peddling": a missing space)
        if next_tok and next_tok.start == s.end and last.text.endswith(".") and \
                len(next_tok.text) <= 2 and next_tok.text.isupper():
            return None
        # "NE Nigeria", "SW Pakistan": a compass point, not Nebraska
        if single and next_tok and next_tok.cap and _glued(text, last, next_tok) and \
                first.text in rules.language.words("compass_abbreviations"):
            return None
        dotted = text.startswith(".", s.end) and len(last.text) <= 5 and (
            single or all(len(t.text) == 1 for t in tokens[s.first : s.last + 1]))
        if dotted and not single and first.upper and last.upper:
            dotted = 2  # capital initials with dots ("L.A.")
        # abbreviations count only as written: dotted ("Calif.", "U.S.") or in capitals ("US")
        found = self._candidates(s, first.upper and last.upper and not in_caps,
                                 first.text.endswith(".") or dotted, dotted,
                                 first.upper or first.text.endswith("."))
        if found is None:
            return None
        role, extend, cands, best, abbr = found
        if extend:
            s = Span(s.start, s.end + 1, s.first, s.last, s.key, False, s.rows)
        # "the Kursk (border) region": a division, the generic word belongs to the mention
        area_end = area_extension(text, s.end, rules)
        # (a district adjective's town is the place meant, not an area named like it)
        if area_end is not None and role == "literal" and not s.adjective:
            area = [c for c in cands if c[1][_FEATURE] in AREA_FEATURES]
            if area:
                cands = area
                best = max(area, key=_PRIOR)
                abbr = all(c[0] in ("abbr", "dotted") for c in area)
                s = Span(s.start, area_end, s.first, s.last, s.key, True, s.rows)
        # "West Nile virus", "Marburg virus", "Lassa fever": a disease's name, not a place
        if rules.disease_after.match(text, s.end):
            return None
        best_kind, best_row, best_prior = best
        feature = best_row[_FEATURE]
        country = feature == "country"
        large = country or best_row[_POP] >= LARGE_PLACE
        mid = not is_sentence_start(text, s.start) and not in_caps
        # an acronym is not a name written in capitals: "NATO" is not Nato, Philippines
        if first.upper and not in_caps and not abbr and single and not large:
            return None
        # part of a person's name ("Sabrina Singh", "John Walker", "Lee Seong-kweun") or a
        # street ("Dublin Road"); a place inside an organisation's name stays a place ("the
        # Ohio Supreme Court"), and a large place may take a modifier ("Eastern Ukraine")
        if role != "demonym" and not abbr:
            # (in a title-case headline, a function word or an event's verb before it is
            # none: "Presses Offensive Near Kupiansk", "Drones Strike Kherson"; nor is a
            # compass point: "SW Niger")
            # (nor before a capitalised area word: "the Greater Richmond Region")
            if prev_tok and prev_tok.cap and mid and \
                    not (s.area and text[last.end : s.end].lstrip()[:1].isupper()) and \
                    _glued(text, prev_tok, first) and not (
                    titled and _headline_word(prev_tok.text, rules.language)
            ) and prev_tok.text not in rules.language.words("compass_abbreviations") and (
                    zipf(prev_tok.text) < (COMMON_WORD_ZIPF if country else NAME_AT_START_ZIPF)
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
                # (in a title-case headline, "Myanmar Crackdown", only a small place's)
                if single and not next_tok.upper and zipf(next_tok.text) < NAME_LIKE_ZIPF \
                        and not (titled and large):
                    return None
                # "Tal al-Sultan": before an article joined to a name (the one capitalised kind
                # of token that opens in lower case), a word is the head of a longer name
                if not large and next_tok.text[0].islower():
                    return None
            # "Adkins said", "..., Robertson told reporters": a small town does not speak;
            # a one-word name of one as the subject of a verb of speech is a person's ("the
            # residents of Greer said" is no subject; a seat of government speaking for its
            # government is metonymy, below)
            if single and not large and not best_row[_CAPITAL] and \
                    feature == "populated_place" and not _after_word(text, s.start) and \
                    _speaker_after(rules.language).match(text, s.end):
                person_keys.add(s.key)
                return None
            if rules.honorific_before.search(text[max(0, s.start - 16) : s.start]) or \
                    _INITIAL_BEFORE.search(text[max(0, s.start - 4) : s.start]):
                person_keys.add(s.key)
                return None
        dateline = first.upper and last.upper and _is_dateline(text, s)
        word_like = single and not abbr and role == "literal" and not dateline and \
            own_zipf(first.text) >= COMMON_WORD_ZIPF and not (
                feature in ("country", "region") and best_kind == "name")
        # "Complete Battlefield Situation Report": an English word in a title-case headline
        # names no small place, nor, opening a sentence, one it spells only by another name
        # ("Artillery bombardment ...": Artillerie, New Caledonia)
        if single and not abbr and role == "literal" and not large and not dateline and \
                (not mid and best_kind != "name") and \
                own_zipf(first.text) >= NAME_LIKE_ZIPF:
            return None
        m = Found(s, [Cand(k, r, p) for k, r, p in cands], role)
        if word_like:
            # a common English word ("Central", "West", "Bell", "May"): a place only
            # mid-sentence; unless one large place dominates the name, only where the rest
            # of the document supports its country; a very common word never names a small
            # place, nor with "the" before it ("the West")
            very = own_zipf(first.text) >= VERY_COMMON_WORD_ZIPF
            if (not mid or very) and not large:
                return None
            rivals = [c[2] for c in cands if c[1][_COUNTRY] != best_row[_COUNTRY]]
            dominant = large and not very and best_kind == "name" and (
                not mid or not rivals or best_prior - max(rivals) >= DOMINANCE)
            if dominant:
                m.outlier_check = True
            else:
                # "the West", "the Interior Ministry", "Central Bank"
                if text[max(0, s.start - 4) : s.start] in ("the ", "The ") or (
                        next_tok and next_tok.cap and _glued(text, last, next_tok)):
                    return None
                m.needs_context = True
            m.recog = 0.7
        # "the Reading festival", "the Dublin post": a thing named after a town (not an
        # abbreviation: "the LA riots", "the DC council" name the city; nor a town named like
        # its own division: "the Gaza war", "the Kursk incursion" are there)
        elif feature == "populated_place" and role == "literal" and not s.area and \
                not abbr and text[max(0, s.start - 4) : s.start] in ("the ", "The ") and not (
                    next_tok and next_tok.cap and _glued(text, last, next_tok)) and \
                not rules.sector_after.match(text, s.end) and \
                not rules.division_after.match(text, s.end) and \
                not named_like_own_division(best_row, (r for _k, r, _p in cands)):
            return None  # ("the Pokrovsk axis" is there)
        if dateline:
            m.role = "dateline"
        elif role == "literal" and _metonymic(text, s, best_row, rules):
            m.role = "metonymic"
        return m

def _district_adjectives(text: str, spans: list[Span], rules) -> dict[int, list[list[str]]]:
    """The lookup keys, in groups surest first, of each one-word name before a division noun
    that may be a district adjective ("Kupianskyi raion", "Sudzhansky district"): the unit the
    gazetteer may name after the town ("kupiansk raion"), then the town ("kupiansk")."""
    out: dict[int, list[list[str]]] = {}
    lang = rules.language
    for s in spans:
        if s.first != s.last or s.alts:
            continue
        m = rules.division_after.match(text, s.end)
        if m is None:
            continue
        groups = lang.district_stems(s.key)
        if groups:
            noun = fold_key(m.group(1)).rstrip("s")
            out[id(s)] = [[f"{k} {noun}" for g in groups for k in g], *groups]
    return out


def _adjective_rows(groups: list[list[str]], rows: dict) -> tuple[str, list]:
    """The places of the surest group of keys that names any (their first key, their rows)."""
    for g in groups:
        found = [k for k in g if rows.get(k)]
        if found:
            seen: set[int] = set()
            merged = [(kind, row) for k in found for kind, row in rows[k]
                      if not (row[0] in seen or seen.add(row[0]))]
            return found[0], merged
    return "", []


def _metonymic(text: str, s: Span, top: tuple, rules) -> bool:
    """A seat of government standing for its government ("Moscow said", "talks with Kyiv");
    ``top`` is the row of the name's likeliest place."""
    is_gov_seat = top[_FEATURE] == "country" or bool(top[_CAPITAL])
    if not is_gov_seat:
        return False
    if rules.metonymy_after.match(text[s.end : s.end + 80]):
        return True
    return bool(top[_CAPITAL]) and bool(
        rules.partner_before.search(text[max(0, s.start - 9) : s.start]))


@functools.cache
def _speaker_after(lang: Language) -> re.Pattern[str]:
    """Matches a verb of speech of the language's ``speaker_verbs`` right after a name (no
    auxiliary: "Hardin is said to be named after a rancher" is no speaker)."""
    verbs = sorted(lang.words("speaker_verbs"))
    return re.compile(rf"\s+(?:{'|'.join(verbs)})\b" if verbs else r"(?!)")


def _after_word(text: str, start: int) -> bool:
    """Whether a lower-case word stands right before ``start`` ("of Greer", "in Dyer")."""
    before = text[max(0, start - 30) : start].rstrip()
    return bool(before) and before[-1].islower()


def _glued(text: str, a, b) -> bool:
    gap = text[a.end : b.start]
    return gap in (" ", "\u00a0")


def _all_caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines written in capitals (headlines, datelines, shouted text)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        sample = line[:200]  # a line's start tells whether it is in capitals
        # upper > 4 * lower needs more than a fifth of the sample's characters to be no
        # lower-case letter: a fifth in common lower-case letters rules most lines out
        if _lower_at_least(_COUNT_FOR[len(sample)]).match(sample):
            pos += len(line) + 1
            continue
        upper = sum(map(str.isupper, sample))
        lower = sum(map(str.islower, sample))
        if upper >= 3 and upper > 4 * lower:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


#: Lower-case Latin and Cyrillic letters (each one str.islower).
_LOWER = "a-zа-яёіїєґ"
#: How many of them a line's sample is tested for: the first at least a fifth of its length
#: (more is also enough; a few patterns to compile, not one per length).
_COUNTS = (0, 1, 2, 4, 8, 16, 24, 32, 40)
_COUNT_FOR = tuple(next(n for n in _COUNTS if 5 * n >= size) for size in range(201))


@functools.cache
def _lower_at_least(n: int) -> re.Pattern[str]:
    """Matches a text's start holding at least ``n`` of the :data:`_LOWER` letters."""
    return re.compile(rf"(?:[^{_LOWER}]*[{_LOWER}]){{{n}}}")


def _headline_word(word: str, lang: Language) -> bool:
    """A function word or an event's word, capitalised only by a title-case headline."""
    low = word.lower()
    return low in lang.words("title_words") or any(c in lang.triggers
                                                   for c in lang.lemmatise(low))


#: A title-case line is at most this long (a headline).
TITLE_CHARS = 300
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the short lines written in title case ("Junta Imposes Mobile Internet
    Shutdown", :func:`geomap._text.is_title_case`); lines in capitals are not among them."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= TITLE_CHARS and is_title_case(_LONG_WORD.findall(line)):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_caps_line(lines: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(lines, (offset, float("inf"))) - 1
    return i >= 0 and lines[i][0] <= offset < lines[i][1]


_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(\w[\w .&-]*\)\s*)?"
                             r"(?:$|\n|<|[—–-]{1,2}|:|&[mn]dash;|&#821[12];)")
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
