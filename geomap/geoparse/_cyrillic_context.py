"""Ukrainian and Russian context that makes a capitalised word no place: people (names in
full, after initials and titles, adjectival surnames, the same surname in any case), official
names of institutions and laws ending in a place, things named after a person. Every test
reads pymorphy3's readings (:mod:`geomap.lang._morph`) and the language's word classes."""

from __future__ import annotations

import re

from ..lang import Language
from ..lang._morph import CASE, GENDER, GEOX, GIVEN, KNOWN, LEMMA, NAME, POS, readings
from ._evidence import is_sentence_start
from ._spans import Span, Token

__all__ = ["after_title", "deconfuse", "named_after", "organisation_part", "person_lemmas",
           "persons_name"]

_LATIN = re.compile(r"[A-Za-z]")
_INITIAL = re.compile(r"(?:^|[\s(])[А-ЯЁІЇЄҐ]\.\s?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LOOKALIKES = str.maketrans("aceiopxyACEHIKMOPTXB", "асеіорхуАСЕНІКМОРТХВ")


def deconfuse(word: str) -> str:
    """A Cyrillic word with Latin look-alike letters inside (copied text: "Хaрків" with a
    Latin a) written in Cyrillic only; other words unchanged."""
    if _LATIN.search(word) and _CYRILLIC.search(word):
        return word.translate(_LOOKALIKES)
    return word


def person_lemmas(lang: Language, text: str, tokens: list[Token], spans: list[Span],
                  words: list[tuple]) -> frozenset[str]:
    """Lemmas of the surnames of the document's people named in full ("Виктор Бут", "Н. Кан"):
    the same surname alone elsewhere, in any case ("Бута", "Каном"), names the person too.
    ``words[i]`` holds the readings of span ``i``'s word (of its plain Cyrillic form) at
    index 1, as the caller read them."""
    out = set()
    for s, w in zip(spans, words, strict=True):
        if s.first != s.last:
            continue
        rs = w[1]
        if any(r[GEOX] for r in rs) or not any(r[NAME] and not r[GIVEN] for r in rs):
            continue
        if persons_name(lang, text, tokens, s, rs) or after_title(lang, text, s, rs):
            out.update(r[LEMMA] for r in rs if r[NAME] and not r[GIVEN])
    return frozenset(out)


def after_title(lang: Language, text: str, s: Span, rs) -> bool:
    """A person's name after a title, which it agrees with in case ("мер Садовий", "мера
    Садового", "президента Путина"): every reading of the word in the title's case is a
    name or an adjective (a surname of the adjectival kind), and none in the genitive is a
    noun other than a name: "мер Львова", "президент України", "мера Львова" (the place the
    title holder serves) stay places."""
    titles = lang.words("titles")
    prev = previous_word(text, s.start, 30) if titles and s.first == s.last else None
    if not prev or prev[1].lower()[:2] not in _title_prefixes(lang):
        return False
    cases = {r[CASE] for r in readings(lang.code, prev[1])
             if r[POS] == "NOUN" and r[LEMMA] in titles}
    # a noun in the genitive other than a name is the place the title holder serves
    if any(r[CASE] == "gent" and r[POS] == "NOUN" and not r[NAME] for r in rs):
        return False
    for case in cases:
        same = [r for r in rs if r[CASE] == case]
        if same and all(r[NAME] or r[POS] == "ADJF" for r in same):
            return True
    return False


_TITLE_PREFIXES: dict[str, frozenset[str]] = {}


def _title_prefixes(lang: Language) -> frozenset[str]:
    got = _TITLE_PREFIXES.get(lang.code)
    if got is None:
        got = _TITLE_PREFIXES[lang.code] = frozenset(w[:2] for w in lang.words("titles"))
    return got


_WORD_SIGNS = frozenset("_'’ʼ-")


def previous_word(text: str, pos: int, reach: int, *, dot: bool = True
                  ) -> tuple[int, str] | None:
    r"""(start, word) of the word right before ``pos`` (one or two spaces between, with
    ``dot`` a full stop after the word too), read within the ``reach`` characters before
    ``pos``: what ``([^\W\d_][\w'’ʼ-]*)\.?\s{1,2}$`` (without ``\.?`` when ``dot`` is
    false) finds searched there, read backwards instead of tried at every offset."""
    lo = max(0, pos - reach)
    got = _word_before(text, pos, lo, dot)
    if got is None and pos > lo and text[pos - 1] == "\n":
        # "$" also matches before a newline that ends the searched text; where both ends
        # give a match, the word is the same
        got = _word_before(text, pos - 1, lo, dot)
    return got


def _word_before(text: str, pos: int, lo: int, dot: bool) -> tuple[int, str] | None:
    """The match of :func:`previous_word`'s pattern ending at ``pos``, starting at ``lo`` or
    after: the spaces and full stop before ``pos`` fix where the word ends (a word character
    is neither); the word is the run of word characters before that end, cut at ``lo``, from
    its first letter on (the leftmost match)."""
    if pos - lo < 2 or not text[pos - 1].isspace():
        return None
    end = pos - 1
    if text[end - 1].isspace():
        end -= 1
    if dot and end - lo >= 2 and text[end - 1] == ".":
        end -= 1
    if end <= lo or not _word_char(text[end - 1]):
        return None
    start = end - 1
    while start > lo and ((c := text[start - 1]).isalnum() or c in _WORD_SIGNS):
        start -= 1  # (_word_char inline: called per letter)
    while start < end and not (text[start].isalnum() and not text[start].isdecimal()):
        start += 1  # [^\W\d_]: a word character but a decimal digit or "_"
    return (start, text[start:end]) if start < end else None


def _word_char(c: str) -> bool:
    r"""``[\w'’ʼ-]``: ``\w`` is str.isalnum or "_" on one character."""
    return c.isalnum() or c in _WORD_SIGNS


#: Words between an institution's head noun and the place ending its name ("Міністерства
#: юстиції України", "Державне агентство резерву України").
MAX_NAME_LINKS = 3


def organisation_part(lang: Language, text: str, s: Span, rs) -> bool:
    """A place in the genitive ending an official name is part of that name: an
    institution's or a law's, whose head noun comes a few genitive words before ("Кабінету
    Міністрів України", "Міністерства юстиції України", "Закону України", "МВД России"). The
    name is official when written so: its head, an adjective before the head or a word of an
    institution ("Сил" of "Збройних Сил України") capitalised (at a sentence start too);
    "суд Одеської області", "поліція Харкова" name the place they serve and stay places."""
    heads = lang.words("organisation_heads")
    if not heads or not any(r[CASE] == "gent" for r in rs):
        return False
    links = []  # the words before, as far as a name's links reach
    pos = s.start
    while len(links) <= MAX_NAME_LINKS and (prev := previous_word(text, pos, 40)):
        links.append(prev)
        pos = prev[0]
    prefixes = _org_prefixes(lang)
    if not any(word.lower()[:3] in prefixes for _start, word in links) and not (
            links and _abbreviation(lang, links[0][1])):
        return False  # no institution word among them: the dictionary cannot find one
    for i, (start, word) in enumerate(links):
        if i == 0 and _abbreviation(lang, word):
            return True  # "МВС України", "ФСБ России"
        wrs = readings(lang.code, word)
        lemmas = {r[LEMMA] for r in wrs if r[POS] == "NOUN"} \
            if word.lower()[:3] in prefixes else set()
        if lemmas & heads:
            return word[0].isupper() or _capitalised_adjective_before(lang, text, start)
        if lemmas & lang.words("organisation_complements") and word[0].isupper() and \
                not is_sentence_start(text, start):
            return True  # "Збройних Сил України"
        if not any(r[CASE] == "gent" and r[POS] in ("NOUN", "ADJF") for r in wrs):
            return False  # not a link of a name ("в", "та", a verb)
    return False


def _abbreviation(lang: Language, word: str) -> bool:
    """An institution's acronym ("МВС", "ФСБ"), not a name the language abbreviates."""
    return 2 <= len(word) <= 6 and word.isupper() and bool(_CYRILLIC.search(word)) and \
        word not in lang.name_abbreviations and \
        word.lower() not in lang.words("common_acronyms")


def _capitalised_adjective_before(lang: Language, text: str, pos: int) -> bool:
    """One of the (up to two) adjectives right before ``pos`` is capitalised: an official
    name's first word ("Вищого адміністративного суду", "Державне агентство")."""
    for _ in range(2):
        prev = previous_word(text, pos, 40)
        if not prev or not any(r[POS] == "ADJF" for r in readings(lang.code, prev[1])):
            return False
        if prev[1][0].isupper():
            return True
        pos = prev[0]
    return False


_ORG_PREFIXES: dict[str, frozenset[str]] = {}


def _org_prefixes(lang: Language) -> frozenset[str]:
    """First three letters of every form of the institution words ("суд", "суду"; the
    language's ``kind_stems`` too)."""
    got = _ORG_PREFIXES.get(lang.code)
    if got is None:
        words = lang.words("organisation_heads") | lang.words("organisation_complements")
        got = _ORG_PREFIXES[lang.code] = frozenset(w[:3] for w in words) | \
            lang.words("kind_stems")
    return got


def named_after(lang: Language, text: str, start: int) -> bool:
    """After "імені" / "имени": the person a street, theatre or prize is named after."""
    words = lang.words("named_after")
    if not words:
        return False
    window = text[max(0, start - 12) : start].lower()
    if not any(w in window for w in words):
        return False  # (the word before lies in the window)
    prev = previous_word(text, start, 12)
    return bool(prev and prev[1].lower() in words)


def persons_name(lang: Language, text: str, tokens: list[Token], s: Span, rs) -> bool:
    """Part of a person's name: after an initial ("Н. Кан"), a surname after a given name
    ("Владимир Королёв", "Олени Садової"), a given name before a surname ("Владимир
    Соловьев", "Володимир Рогоза"), a noun before an adjective agreeing with it ("Володимир
    Зеленський": places put their adjective first, "Кривий Ріг"). A one-letter word is no
    given name here (pymorphy3 reads "У", "В" as initials)."""
    if _INITIAL.search(text[max(0, s.start - 4) : s.start]):
        return True
    if s.first != s.last:
        return False
    prev = tokens[s.first - 1] if s.first > 0 else None
    nxt = tokens[s.last + 1] if s.last + 1 < len(tokens) else None
    if prev and len(prev.text) > 1 and text[prev.end : s.start] == " " and prev.cap:
        given = [r for r in readings(lang.code, prev.text) if r[GIVEN]]
        if given and (any(r[NAME] for r in rs) or _surname_adjective(given, rs)):
            return True
    if not (nxt and text[s.end : nxt.start] == " " and nxt.cap) or len(s.key) < 2:
        return False
    nrs = readings(lang.code, nxt.text)
    if _surname_adjective([r for r in rs if r[POS] == "NOUN"], nrs):
        return True
    given = [r for r in rs if r[GIVEN]]
    # mostly a known surname (the dictionary adds a stray common reading: "Скачко" is also
    # a vocative of скачка)
    surname = [r for r in nrs if r[NAME] and not r[GIVEN] and r[KNOWN]]
    if not surname and nrs and all(r[NAME] and not r[GIVEN] and not r[KNOWN] for r in nrs):
        surname = list(nrs)  # a word the dictionary lacks, read only as a surname
        # ("Володимир Казадой")
    if not given and surname and 4 * len(surname) >= 3 * len(nrs) and \
            not any(r[GIVEN] for r in nrs) and \
            not _after_preposition(lang, text, s.start):
        # a word the dictionary lacks as a given name ("Володимир" reads only as the town)
        # before a word that reads only as a surname, in its case: "Володимир Бондаренко"
        cases = {r[CASE] for r in surname}
        return any(r[POS] == "NOUN" and r[CASE] in cases for r in rs)
    # a surname the dictionary knows, or any noun in the given name's case, or an unknown word
    return bool(given) and (any(r[NAME] and not r[GIVEN] for r in nrs) or
                            any(r[POS] in ("NOUN", None) and r[CASE] == g[CASE]
                                for r in nrs for g in given) or
                            not any(r[KNOWN] for r in nrs))


def _after_preposition(lang: Language, text: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition ("у Харкові Шевченко ...": the
    town, in the case the preposition governs)."""
    prev = previous_word(text, start, 12, dot=False)
    return bool(prev) and any(r[POS] == "PREP" for r in readings(lang.code, prev[1]))


def _surname_adjective(given, rs) -> bool:
    """An adjective agreeing in gender and case with a given name (or a noun before it): a
    surname of the adjectival kind, which the dictionaries do not tag ("Володимир
    Зеленський", "Олени Садової")."""
    return any(r[POS] == "ADJF" and r[CASE] == g[CASE] and r[GENDER] == g[GENDER]
               for r in rs for g in given)
