"""Places the gazetteer need not resolve, marked in Ukrainian and Russian by their kind word:
"вул. Хрещатик", "с. Комарів", "річки Либідь", "Манежной площади", "Північне море". Two
regexes find the kind words and the adjective + landmark pairs; the dictionary decides."""

from __future__ import annotations

import functools
import re

from ..lang import Language
from ..lang._morph import (
    CASE,
    FUNCTION,
    GENDER,
    GEOX,
    LEMMA,
    NAME,
    NUMBER,
    POS,
    adjective_nominative,
    readings,
)
from ._cyrillic_context import _WORD_SIGNS
from ._evidence import is_sentence_start

__all__ = ["feature_after", "feature_word", "unresolved_spans"]

_LATIN = re.compile(r"[A-Za-z]")
_METRE = re.compile(r"(?:\d|\bкв\.?)\s*$")
_ANY_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_][\w'’ʼ-]*)(\s?\.)?")
#: Settlement kinds written before a name ("м. Київ", "с. Піски", "смт Ворзель", "села").
_SETTLEMENT = frozenset({"populated_place"})


def _kind_word(lang: Language, word: str, dotted: bool) -> str | None:
    """"landmark" or "settlement" when ``word`` (lower case) names such a kind, else None."""
    if dotted and word not in lang.words("kind_abbreviations"):
        return None  # "город.", "річка .": a full word before a full stop ends a sentence
    if dotted or word in ("смт", "пгт", "р-н"):  # "вул.", "с.", "пгт"
        if word in lang.landmark_words:
            return "landmark"
        return "settlement" if lang.place_kinds.get(word) in _SETTLEMENT else None
    if word[:3] not in _landmark_prefixes(lang):
        return None
    rs = [r for r in readings(lang.code, word) if r[POS] == "NOUN"]
    # most readings, not any: "рік" (a year) reads once as a case of "ріка"
    if 2 * sum(r[LEMMA] in lang.landmark_words for r in rs) >= len(rs) > 0:
        return "landmark"
    for r in rs:
        if r[POS] == "NOUN" and lang.place_kinds.get(r[LEMMA]) in _SETTLEMENT and len(r[LEMMA]) > 2:
            return "settlement"
    return None


_PREFIX_CACHE: dict[str, frozenset[str]] = {}
_SCAN_CACHE: dict[str, tuple[re.Pattern, re.Pattern]] = {}
_WORD_CHARS = r"[\w'’ʼ-]"
_LOWER = "[a-zа-яёіїєґ]"  # lower-case letters (none of them upper case)


def _landmark_prefixes(lang: Language) -> frozenset[str]:
    got = _PREFIX_CACHE.get(lang.code)
    if got is None:
        words = [w for w in lang.landmark_words if len(w) > 2] + [
            w for w, f in lang.place_kinds.items() if f in _SETTLEMENT and len(w) > 2]
        got = _PREFIX_CACHE[lang.code] = frozenset(w[:3] for w in words) | \
            lang.words("kind_stems")
    return got


def _scanners(lang: Language) -> tuple[re.Pattern, re.Pattern]:
    """(kind words before a name, a space and a lower-case landmark or feature word): the
    only places :func:`unresolved_spans` needs to look at, found by one regex each instead
    of a Python loop over every word (:func:`_pairs` reads the word before the second)."""
    got = _SCAN_CACHE.get(lang.code)
    if got is None:
        exact = sorted(lang.words("kind_abbreviations") | {"смт", "пгт", "р-н"},
                       key=len, reverse=True)
        pre = sorted(_landmark_prefixes(lang))
        feats = sorted({w[:3] for w in lang.words("feature_words") if len(w) > 2} | set(pre))
        # a kind word is of use only before a capitalised word (the caller's test), with a
        # gap of at most three spaces and full stops: the last lookahead leaves out those
        # before a lower-case Latin or Cyrillic word. The scan reads the character before
        # the word (no word character: the word starts there) and gives the word as group
        # 1: re then tries a match only after such a character, not at every offset (and
        # the words' only after one of their first letters)
        firsts = re.escape("".join(sorted({w[0] for w in [*exact, *pre]})))
        before = re.compile(rf"[^\w'’ʼ-](?=[{firsts}])((?:{_alternation(exact)})(?!{_WORD_CHARS})|"
                            rf"(?:{_alternation(pre)}){_WORD_CHARS}*(?!{_WORD_CHARS}))"
                            rf"(?=[\s.:]{{0,3}}(?!{_LOWER})[^\W\d_])")
        # the second word only: the first is read back from the space before it
        # (capitalised too: "у Високому Замку"; spelt out, since re.IGNORECASE made the
        # scan of every text 3 times slower)
        feats = sorted({*feats, *(f[0].upper() + f[1:] for f in feats)})
        after = re.compile(rf" (?:{_alternation(feats)}){_WORD_CHARS}*")
        got = _SCAN_CACHE[lang.code] = (before, after)
    return got


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` grouped by their first letter, in their order
    ("вул|вод|пло" -> "в(?:ул|од)|п(?:ло)"): the same matches, but the scan tries the rest
    of a word only after its first letter (Python's re tries every alternative at each
    offset: about half of the landmark scans of a text)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())


def feature_word(lang: Language, word: str, adjective: str | None = None) -> bool:
    """A geographic feature or landmark noun named by an adjective before it ("Північне
    море", "Високий замок", "Южный вокзал"): most of its readings are such a word, or, with
    the ``adjective`` given, one that agrees with it in case, number and gender ("Чорному
    морі": морі also reads as forms of мор and мора)."""
    feats = lang.words("feature_words")
    rs = [r for r in readings(lang.code, word) if r[POS] == "NOUN"] if feats else []
    if 2 * sum(r[LEMMA] in feats for r in rs) >= len(rs) > 0:
        return True
    if adjective is None:
        return False
    adjs = [a for a in readings(lang.code, adjective) if a[POS] == "ADJF"]
    return any(r[LEMMA] in feats and r[CASE] == a[CASE] and r[NUMBER] == a[NUMBER] and
               (r[NUMBER] == "plur" or r[GENDER] == a[GENDER]) for r in rs for a in adjs)


def feature_after(lang: Language, text: str, end: int, adjective: str
                  ) -> tuple[int, str] | None:
    """(end offset, nominative name) of a capitalised adjective and the lower-case feature
    word after it that agrees with it ("Чорному морі" -> "чорне море", "Каспийском море")."""
    m = _NEXT_WORD.match(text, end)
    if not m or not m.group(1)[0].islower():
        return None
    feats = lang.words("feature_words")
    word = m.group(1).lower()
    if word[:3] not in _feature_prefixes(feats):
        return None
    adjs = [a for a in readings(lang.code, adjective) if a[POS] == "ADJF"]
    for r in readings(lang.code, word):
        if r[POS] != "NOUN" or r[LEMMA] not in feats or not r[GENDER]:
            continue
        if any(r[CASE] == a[CASE] and r[NUMBER] == a[NUMBER] and
               (r[NUMBER] == "plur" or r[GENDER] == a[GENDER]) for a in adjs):
            forms = adjective_nominative(lang.code, adjective, r[GENDER])
            if forms:
                return m.end(1), f"{forms[0]} {r[LEMMA]}"
    return None


@functools.lru_cache(maxsize=8)
def _feature_prefixes(feats: frozenset[str]) -> frozenset[str]:
    """First three letters of the feature words (once per word list, not per span)."""
    return frozenset(f[:3] for f in feats)


def _titled_person(lang: Language, text: str, start: int, name: str) -> bool:
    """A title before the settlement word at ``start`` and a name whose every word reads as a
    person's name ("мэр города Лужков", "голова села Іван Петренко"): the title's holder, not
    a settlement."""
    before = _ANY_WORD.findall(text, max(0, start - 30), start)
    titles = lang.words("titles")
    if not before or not any(r[LEMMA] in titles for r in readings(lang.code, before[-1].lower())):
        return False
    words = _ANY_WORD.findall(name)
    return bool(words) and all(any(r[NAME] for r in readings(lang.code, w)) and
                               not any(r[GEOX] for r in readings(lang.code, w)) for w in words)


def _adjective_name(lang: Language, word: str) -> bool:
    """A name before its kind word is an adjective ("Манежной площади", "Невский
    проспект"), not a function word or a noun ("Квартира площадью 54 м")."""
    rs = readings(lang.code, word)
    return any(r[POS] == "ADJF" for r in rs) and not any(r[FUNCTION] for r in rs)


def unresolved_spans(text: str, lang: Language, taken: list[tuple[int, int]]
                     ) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Named places the gazetteer does not resolve, marked by their kind word: "вул.
    Хрещатик", "с. Комарів", "Манежной площади", "річки Либідь". Spans run from the kind
    word to the name (up to three capitalised words) or from the name to the kind word after
    it. Returns the new spans (none overlaps ``taken``) and the ``taken`` spans that a street
    or river word shows to be no settlement ("вул. Хрещатик" is not the village Khreshchatyi
    Yar), which the caller drops."""
    before, after = _scanners(lang)
    # (the scan reads the character before a kind word: a space before the text's first)
    found = [(m.start(1) - 1, 0, (m.start(1) - 1, m.end(1) - 1, m[1]))
             for m in before.finditer(" " + text)]
    found += _pairs(text, after)
    starts = {a: (a, b) for a, b in taken}
    out: list[tuple[int, int]] = []
    drop: set[tuple[int, int]] = set()
    for _start, branch, w in sorted(found, key=lambda f: f[:2]):
        if branch == 0:  # "вул. Хрещатик", "річки Либідь", "с. Комарів"
            w_start, w_end, raw = w
            nxt = _ANY_WORD.search(text, w_end)
            if nxt is None:
                continue
            gap = text[w_end : nxt.start()]
            if "\n" in gap or gap.strip() not in ("", ".", ":") or len(gap) > 3:
                continue
            colon = gap.strip() == ":"  # "вулиць: Садова, Лісова і Франка"
            dotted = gap.lstrip().startswith(".")
            if dotted and _METRE.search(text, max(0, w_start - 8), w_start):
                continue  # "386 кв. м.": square metres, not "місто"
            if not nxt.group()[0].isupper() or _LATIN.search(nxt.group()):
                continue
            kind = _kind_word(lang, raw.lower(), dotted)
            if kind is None or (colon and (kind != "landmark" or not _plural(lang, raw.lower()))):
                continue
            # a settlement's name stops before a place found after it ("села Кривенького
            # Тернопільської області"); a street's runs on ("вул. Космонавта Попова")
            end = _name_end(text, nxt.end(), starts if kind == "settlement" else {})
            if kind == "settlement" and _titled_person(lang, text, w_start,
                                                       text[nxt.start() : end]):
                continue  # "мэр города Лужков": the mayor, named after his title and town
            # a settlement's mention is its name ("села Мала Локня": Мала Локня); a street's
            # keeps its kind word ("вул. Хрещатик")
            span = (nxt.start(), end) if colon or kind == "settlement" else (w_start, end)
            if kind == "landmark":
                drop.update(v for a, v in starts.items() if nxt.start() <= a < end)
            if kind == "landmark" and nxt.start() not in starts and \
                    _plural(lang, raw.lower()):
                # "вулицями Зеленою, Садовою і Шевченка": each name of the list is one (not
                # in "вулицями Києва, Львова і Харкова", whose first name is a town's)
                for a, b in _listed(text, end, starts):
                    if a in starts:
                        drop.add(starts[a])
                    if not any(x < b and a < y for x, y in [*taken, *out] if (x, y) not in drop):
                        out.append((a, b))
        else:  # "Манежной площади", "Північне море"
            start, end, raw, low = w
            if is_sentence_start(text, start):
                continue  # "Густі ліси ...", "Загальна площа ...": a capital that opens a
                # sentence is no evidence of a name (a known one, "Чорне море", resolves)
            if _LATIN.search(raw) or not _adjective_name(lang, raw) or not (
                    _kind_word(lang, low.lower(), False) == "landmark" or
                    feature_word(lang, low.lower(), raw)):
                continue
            span = (start, end)
            if start in starts and starts[start][1] < end:
                # the adjective alone was taken for a place; one with its feature word
                # ("Чорному морі" as the Black Sea) stands
                drop.add(starts[start])
        if not any(a < span[1] and span[0] < b for a, b in [*taken, *out] if (a, b) not in drop):
            out.append(span)
    return out, drop


def _name_end(text: str, end: int, starts: dict) -> int:
    """The end of a name whose first word ends at ``end``: up to two more capitalised words
    ("вулиці Січових Стрільців"), not into a place found after it ("села Кривенького
    Тернопільської області": the village, then its oblast)."""
    for _ in range(2):
        follow = _ANY_WORD.search(text, end)
        gap = text[end : follow.start()] if follow is not None else ""
        # an initial before the name: "вул. В. Чорновола"
        if follow is None or (gap != " " and not (gap == ". " and _initial(text, end))) or \
                not follow.group()[0].isupper() or follow.start() in starts:
            break
        end = follow.end()
    return end


def _initial(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is one capital letter (an initial)."""
    return end >= 1 and text[end - 1].isupper() and (end < 2 or not text[end - 2].isalpha())


def _plural(lang: Language, word: str) -> bool:
    """Whether a landmark kind word is plural in every reading ("вулиць", "вулицями")."""
    rs = [r for r in readings(lang.code, word) if r[POS] == "NOUN"]
    return bool(rs) and all(r[NUMBER] == "plur" for r in rs)


_LIST_NEXT = re.compile(r"(?:\s?,\s{1,2}|\s(?:і|й|та|и|або|или)\s)(?=[^\W\d_])")


def _listed(text: str, end: int, starts: dict) -> list[tuple[int, int]]:
    """The further names of a list after a plural kind word and its first name, each up to
    three capitalised words: "вулиць Зеленої|, Садової та Шевченка"."""
    out = []
    while (m := _LIST_NEXT.match(text, end)) is not None:
        nxt = _ANY_WORD.match(text, m.end())
        if nxt is None or not nxt.group()[0].isupper() or _LATIN.search(nxt.group()):
            break
        end = _name_end(text, nxt.end(), starts)
        out.append((nxt.start(), end))
    return out


_LETTER = re.compile(r"[^\W\d_]")


def _pairs(text: str, after: re.Pattern) -> list[tuple[int, int, tuple]]:
    """(start, 1, (start, end, first word, second word)) of each capitalised word followed by
    one space and a lower-case landmark or feature word ("Манежной площади"): the matches
    of ``W+ (?:feature)W*`` (W a word character, the first a letter that is not lower
    case) that a left-to-right scan finds. Every such pair is one: a pair found earlier
    could overlap it only by ending on its first word, which would then be lower case, or,
    the feature word being capitalised ("Високому Замку"), end on the first word of the
    pair after ("Чорне Озеро Озеро": both pairs; unresolved_spans keeps the first)."""
    out = []
    for m in after.finditer(text):
        space = m.start()
        start = space
        # [\w'’ʼ-] on one character (_cyrillic_context._word_char), inline: called per letter
        while start > 0 and ((c := text[start - 1]).isalnum() or c in _WORD_SIGNS):
            start -= 1
        if start == space or text[start].islower() or not _LETTER.match(text, start):
            continue
        out.append((start, 1, (start, m.end(), text[start:space], text[space + 1 : m.end()])))
    return out
