"""Recognition in Ukrainian and Russian: inflected forms reach the gazetteer through their
lemmas.

Every candidate span gets alternative lookup keys besides its form as written: each reading's
lemma for one word ("Бахмуті" -> "бахмут"; "Львові" -> "львов", "львів": every reading is
tried, since the first is often not the place), the adjectives made to agree with the noun's
lemma for several words ("Кривому Розі" -> "кривий ріг"), and a regional adjective with the
division word after it ("Херсонській області", "Покровському р-ні" -> "херсонська область",
"покровський район"), which then becomes part of the mention. The mention's span stays the
text as written; the place is the lemma's.

Common-word evidence differs from English: Cyrillic capitalises proper nouns only (not months,
weekdays or demonyms), so a capitalised noun mid-sentence is a name; only words that are also
function words ("Так", "Але", "Для") are taken for common words, at a sentence start. A
neighbour that reads only as a given name or surname marks a person's name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container

from .._text import fold_key
from ..lang import Language
from ..lang._morph import (
    CASE,
    COMMON,
    FUNCTION,
    GENDER,
    GEOX,
    KNOWN,
    LEMMA,
    NAME,
    NUMBER,
    POS,
    adjective_nominative,
    readings,
)
from ._cyrillic_axes import axis_after, best_first
from ._cyrillic_context import (
    after_title,
    deconfuse,
    named_after,
    organisation_part,
    person_lemmas,
    persons_name,
    previous_word,
)
from ._cyrillic_landmarks import feature_after, feature_word, unresolved_spans
from ._cyrillic_names import (
    community_towns,
    name_head,
    plural_keys,
    possessive_nominative,
    russian_place,
)
from ._cyrillic_rows import _EX_USSR, _KIND_BEFORE, _proper_keys, keep_rows, lookup_key
from ._evidence import is_sentence_start
from ._spans import Span, Token

__all__ = ["MORPHOLOGY", "expand_spans", "keep_rows", "lookup_key", "unresolved_spans",
           "zipf_functions"]

#: Languages whose tokens are lemmatised for lookup.
MORPHOLOGY = frozenset({"uk", "ru"})
#: Longest name (in words) whose inflected form is put in the nominative ("Нижньому Новгороді").
MAX_PHRASE = 3
#: How many lemma keys of one word are tried (readings beyond rarely name a place).
MAX_LEMMAS = 4
_NEXT_WORD = re.compile(r"\s{1,2}([^\W\d_][\w'’ʼ-]*)(\s?\.)?")
#: First letters of the division words of both languages and their case forms.
_KIND_PREFIXES = frozenset({"обл", "рай", "р-н", "кра", "рес", "окр", "гро", "общ", "тг"})
#: ... with the preposition repeated after a conjunction or not ("у Полтавській та в Сумській
#: областях"; after a comma it opens another phrase: "від Луганська, в ... районі")
_CHAIN = re.compile(r"(?:\s?,\s{1,2}|\s+(?:и|і|та|й|або|или)\s+(?:(?:в|у|на|во)\s+)?)"
                    r"([^\W\d_][\w'’ʼ-]*)")
#: What a division word after a list may look like, tested before _CHAIN and _NEXT_WORD read
#: it (most words are followed by none): list items of any case (_kind_after wants them
#: capitalised), then a word whose lower-case form starts as one of _KIND_PREFIXES does.
_KIND_AHEAD = re.compile(r"(?:" + _CHAIN.pattern.replace("([^\\W\\d_]", "(?:[^\\W\\d_]") + r")*"
                         r"\s{1,2}(?i:" + "|".join(sorted(_KIND_PREFIXES)) + ")")
_KIND_EXPAND = {"обл": "область", "р-н": "район", "р-ні": "район", "р-ну": "район",
                "тг": "громада"}
_NAMING = frozenset({"NOUN", "ADJF", None})
_LATIN = re.compile(r"[A-Za-z]")
#: A word that reads only as a function word counts as this common ("very common").
FUNCTION_WORD_ZIPF = 6.0
#: A noun the dictionary knows only as a common noun counts as this common.
COMMON_NOUN_ZIPF = 4.5
#: A capitalised neighbour that is not only a person's name: common (no person evidence).
COMMON_NEIGHBOUR_ZIPF = 5.0


#: What one-word spans (per lemmatiser: the language's) and several-word spans (per
#: language) are looked up by, remembered across documents, in plain dictionaries of strings,
#: booleans and readings (tuples of them): every object a cache keeps that Python's cycle
#: collector tracks is one more for it to walk.
_SINGLE: dict = {}
_PHRASE: dict[str, dict[tuple[str, ...], tuple]] = {}
#: Words or phrases whose keys are kept (then the memo restarts).
KEYS_SIZE = 100_000


def _single(code: str, lemmatise, token: str) -> tuple[str, tuple, tuple[str, ...],
                                                       tuple[str, ...], bool]:
    """(the token in Cyrillic letters only, its readings, lemma keys, those read as proper
    nouns, whether a reading is an adjective) of a one-word span (``lemmatise`` is the
    language's: :attr:`Language.lemmatise`), found once per token."""
    kept = _SINGLE.setdefault(lemmatise, {})
    got = kept.get(token)
    if got is None:
        word = deconfuse(token)
        rs = readings(code, word)
        if len(kept) >= KEYS_SIZE:
            kept.clear()
        got = kept[token] = (word, rs, *_single_keys(code, lemmatise, word, rs),
                             any(r[POS] == "ADJF" for r in rs))
    return got


def _single_keys(code: str, lemmatise, word: str, rs) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lemma keys, those read as proper nouns) of a one-word span of ``word``, whose readings
    are ``rs``."""
    nouns = {r[LEMMA] for r in rs if r[POS] != "ADJF"}
    proper = _proper_keys(code, rs)
    out: list[str] = []
    yo = "ё" in word or "Ё" in word
    for i, lemma in enumerate(([word.lower()] if yo else []) + lemmatise(word)[1:]):
        k = fold_key(lemma)
        if lemma in nouns and k and k not in out and not (yo and i == 0):
            out.append(k)
        # Russian prints ё as е as often as not, and so do the gazetteer's names:
        # "Артёмовска" reaches "Artemovsk" (Bakhmut's old name) through артемовск
        if "ё" in lemma and (lemma in nouns or (yo and i == 0)):
            e = fold_key(lemma.replace("ё", "е"))
            if e and e not in out:  # before the form with ё, which fewer names spell
                out.insert(out.index(k) if k in out else len(out), e)
                if k in proper:
                    proper = proper | {e}
    out = out[:MAX_LEMMAS]
    if len(out) < MAX_LEMMAS and any(r[POS] == "NOUN" and r[NUMBER] == "plur" and r[CASE] != "nomn"
                                     for r in rs):  # "біля Кринок": Кринки, a plural name
        out.extend(k for k in plural_keys(code, [word]) if k not in out)
    alts = tuple(out)
    return alts, tuple(k for k in alts if k in proper)


def _phrase(code: str, tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple, tuple[str, ...]]:
    """(words in Cyrillic letters only, readings of the last, lemma keys) of a several-word
    span."""
    kept = _PHRASE.setdefault(code, {})
    got = kept.get(tokens)
    if got is not None:
        return got
    words = [deconfuse(t) for t in tokens]
    alts = _phrase_keys(code, words) if len(words) <= MAX_PHRASE else []
    if len(kept) >= KEYS_SIZE:
        kept.clear()
    got = kept[tokens] = (tuple(words), readings(code, words[-1]), tuple(alts))
    return got


def _phrase_keys(code: str, words: list[str]) -> list[str]:
    """Keys of a several-word name: adjectives agree with the head noun's lemma."""
    out: list[str] = []
    head = words[-1]
    agreeing: dict[str, list] = {}  # gender -> the adjectives' nominatives in it
    own = possessive_nominative(code, words[0]) if len(words) == 2 else None
    for r in readings(code, head):
        if r[POS] != "NOUN" or not r[GENDER]:
            continue
        # each adjective's nominatives (the dictionary may give a variant first: "Народній"
        # -> "народня", "народна")
        firsts = agreeing.get(r[GENDER])
        if firsts is None:
            firsts = agreeing[r[GENDER]] = [
                adjective_nominative(code, w, r[GENDER])[:2] or (w.lower(),) for w in words[:-1]]
        for names in itertools.product(*firsts):
            k = fold_key(" ".join([*names, r[LEMMA]]))
            if k and k not in out:
                out.append(k)
        if own and r[GENDER] in ("masc", "neut"):
            k = fold_key(f"{own} {r[LEMMA]}")
            if k and k not in out:
                out.append(k)
    plural = [k for k in plural_keys(code, words) if k not in out]  # "Великих Копанях":
    # first when the noun reads only as a plural ("Луках": Великие Луки, not Велика Лука)
    if plural and all(r[NUMBER] == "plur" for r in readings(code, head) if r[POS] == "NOUN"):
        return plural + out[: MAX_LEMMAS - 1]
    return out[: MAX_LEMMAS - len(plural)] + plural


def _kind_after(lang: Language, text: str, end: int) -> tuple[int, str, str] | None:
    """(end offset, lemma, gender) of a division word right after ``end`` ("області"), or
    after a list of more capitalised words ("Белгородской|, Курской и Брянской областями":
    the end offset is then ``end`` itself, each adjective being its own mention)."""
    if not _KIND_AHEAD.match(text, end):
        return None
    pos = end
    while (c := _CHAIN.match(text, pos)) and c.group(1)[0].isupper():
        pos = c.end()
    chained = pos != end
    m = _NEXT_WORD.match(text, pos)
    if not m:
        return None
    word = m.group(1).lower()
    if word[:3] not in _KIND_PREFIXES:  # cheap test before the dictionary
        return None
    dot = m.group(2)
    base = word.rstrip(".")
    lemma = _KIND_EXPAND.get(base)
    if lemma is None and dot and base in lang.place_kinds:
        lemma = _KIND_EXPAND.get(base, base)
    gender = None
    if lemma is None:
        for r in readings(lang.code, word):
            if r[POS] == "NOUN" and r[LEMMA] in lang.place_kinds:  # "областях" too
                lemma, gender = r[LEMMA], r[GENDER]
                break
    if lemma is None or lang.place_kinds.get(lemma) not in ("admin1", "admin2"):
        return None
    if gender is None:
        rs = [r for r in readings(lang.code, lemma) if r[POS] == "NOUN" and r[GENDER]]
        gender = rs[0][GENDER] if rs else "femn"
    stop = m.end(2) if dot and base in ("обл",) else m.end(1)
    return (end if chained else stop), lemma, gender


_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_LIST_JOINS = frozenset({"и", "і", "та", "й"})


def _kind_before(lang: Language, text: str, start: int, end: int
                 ) -> tuple[int, str, str] | None:
    """(end, lemma, gender) of a plural division word before a colon that opens a list of
    capitalised adjectives this one belongs to ("тривога в областях: Київській, Сумській
    і Чернігівській"; "у трьох областях України: ..."): each adjective is its own mention."""
    i = text.rfind(":", max(0, start - 200), start)
    if i < 0 or any(c in text[i:start] for c in ".;!?\n"):
        return None
    if any(not w[0].isupper() and w not in _LIST_JOINS
           for w in _WORD.findall(text, i + 1, start)):
        return None
    for word in _WORD.findall(text, max(0, i - 30), i)[-2:]:
        for r in readings(lang.code, word):
            if r[POS] == "NOUN" and r[NUMBER] == "plur" and \
                    lang.place_kinds.get(r[LEMMA]) in ("admin1", "admin2"):
                rs = [g for g in readings(lang.code, r[LEMMA]) if g[POS] == "NOUN" and g[GENDER]]
                return end, r[LEMMA], (rs[0][GENDER] if rs else "femn")
    return None


def expand_spans(text: str, tokens: list[Token], spans: list[Span], lang: Language,
                 known: Callable[[set[str]], Container[str]] | None = None) -> list[Span]:
    """``spans`` with lemma keys (``Span.alts``), and division phrases added. With ``known``
    (the keys of a set that name a place: the gazetteer's batch lookup), a span none of whose
    keys names a place is left out before the context rules run: it would name nothing."""
    out = []
    persons: frozenset[str] | None = None  # read when a span needs them
    kinds: dict[int, tuple | None] = {}
    found = [_keys(lang, text, tokens, s, kinds) for s in spans]
    hits = known({k for f in found for k in f[-1]}) if known is not None else None
    # (a dict's keys test a span's keys in one call: no generator per span)
    names_none = hits.keys().isdisjoint if isinstance(hits, dict) else \
        (lambda keys: not any(k in hits for k in keys))
    for s, (words, rs, alts, proper, kind, div, keys) in zip(spans, found, strict=True):
        if hits is not None and names_none(keys):
            continue  # no key of the span or of its division phrase names a place
        adjective = bool(rs) and all(r[POS] == "ADJF" for r in rs)
        abbreviation = text[s.start : s.end] in lang.name_abbreviations  # "ПАР", "ДНР"
        if s.first == s.last and not abbreviation and kind is None and div is None and \
                not _may_name(lang, text, s, words[0], rs):
            continue  # ("Сумської" reads as a surname too, but "Сумської області" is a region)
        if _quoted(text, s.start) or (
                persons_name(lang, text, tokens, s, rs) and
                not _division_next(lang, text, tokens, s, kinds)) or \
                after_title(lang, text, s, rs):
            continue
        if s.first == s.last and not any(r[GEOX] for r in rs) and any(r[NAME] for r in rs):
            if persons is None:
                persons = person_lemmas(lang, text, tokens, spans, found)
            if persons and any(r[NAME] and r[LEMMA] in persons for r in rs) and \
                    all(r[LEMMA] in persons for r in rs if r[POS] == "NOUN"):
                continue  # "Бута", "Буту" where "Виктор Бут" was named (not "Львові": львів)
        if s.first == s.last and _common_noun(lang, rs) and is_sentence_start(text, s.start):
            continue  # "Суд визнав...", "Бої тривають": a common noun opens the sentence
        if organisation_part(lang, text, s, rs) or named_after(lang, text, s.start) or \
                _modifier(lang, text, s, rs):
            continue
        s.alts = alts
        if alts and abbreviation:
            s.key = alts[0]  # "ПАР" is South Africa, not Par in Cornwall
        if proper is not None:
            s.proper = proper
            if proper and s.key not in proper and isinstance(hits, dict) and \
                    proper[0] in hits and _abroad_only(hits.get(s.key, ())) and any(
                    fold_key(r[LEMMA]) == s.key for r in rs if r[POS] == "NOUN"):
                s.key = proper[0]  # "Рима" is Rome's genitive (рим), not a rhyme or a
                # name (рима, "Rima": a town abroad, Lima by its alternate name)
        if div is not None and div.alts and not div.area and hits is not None:
            towns = best_first([div.key, *div.alts], hits)  # a town named by its axis
            div.key, div.alts = towns[0], towns[1:]
        if div is not None:
            # before the name alone: of equal length, the first span that names a place wins
            out.append(div)
        # an inflected adjective alone ("Донецькій", "Новому" of "Новому Осколі") names no place
        if (not adjective or any(r[CASE] == "nomn" for r in rs)) and \
                not name_head(lang, text, tokens, s, rs):
            out.append(s)
    return out


def _division_next(lang: Language, text: str, tokens: list[Token], s: Span,
                   kinds: dict) -> bool:
    """Whether the word after ``s`` is an adjective naming a division ("Головчино
    Грайворонского округа": a village and its district, not a given name and an adjectival
    surname)."""
    if s.last + 1 >= len(tokens) or text[s.end : tokens[s.last + 1].start] != " ":
        return False
    end = tokens[s.last + 1].end
    kind = kinds.get(end, kinds)
    if kind is kinds:
        kind = kinds[end] = _kind_after(lang, text, end)
    return kind is not None


def _abroad_only(rows) -> bool:
    """Whether every row is a town outside the former Soviet Union."""
    return bool(rows) and all(r[3] == "populated_place" and r[7] not in _EX_USSR
                              for _kind, r in rows)


def _keys(lang: Language, text: str, tokens: list[Token], s: Span, kinds: dict) -> tuple:
    """(words, readings of the last, lemma keys, proper-noun keys (one word), the division
    word after it, the division phrase's span, every key the span or the phrase may be looked
    up by) of a span; ``kinds`` remembers the division words after each end offset."""
    if s.first == s.last:
        word, rs, alts, proper, adjective = _single(lang.code, lang.lemmatise,
                                                    tokens[s.first].text)
        words = [word]
    else:
        words, rs, alts = _phrase(lang.code, tuple(t.text for t in tokens[s.first : s.last + 1]))
        proper = None
        adjective = False
    full = lang.name_abbreviations.get(text[s.start : s.end])
    if full:  # "РФ", "КНДР"
        alts = [fold_key(full)]
    keys = [s.key, *alts]
    if len(words) == 1 and s.key.endswith("s") and not alts:
        keys.append(s.key[:-1])  # a plural demonym (the recogniser's rule)
    div = None
    kind = kinds.get(s.end, kinds)
    if kind is kinds:
        kind = kinds[s.end] = _kind_after(lang, text, s.end)
    if kind is None and adjective:
        kind = _kind_before(lang, text, s.start, s.end)
    if kind is not None:
        stop, lemma, gender = kind
        adjs = [adjective_nominative(lang.code, w, gender) for w in words]
        # a word of a list before the division word agrees with it ("Сумській та Полтавській
        # областях"); a town that reads as an adjective of another gender is a town of the
        # list ("Кам'янське, Нікопольську громаду": Kamianske, then the Nikopol hromada)
        agrees = stop != s.end or len(words) > 1 or any(
            r[POS] == "ADJF" and r[GENDER] in (gender, None) for r in rs)
        if agrees and (all(adjs) or (len(words) > 1 and adjs[-1])):
            name = " ".join(a[0] if a else w.lower() for a, w in zip(adjs, words, strict=True))
            k = fold_key(f"{name} {lemma}")
            towns = community_towns(lang, words, lemma)  # "Нікопольська громада": Nikopol
            div = Span(s.start, stop, s.first, s.last, k, not towns, alts=towns)
            keys.extend([k, *towns])
    elif adjective:
        feat = feature_after(lang, text, s.end, words[0])
        if feat is not None:  # "Чорному морі" -> "чорне море", as a whole
            stop, name = feat
            k = fold_key(name)
            div = Span(s.start, stop, s.first, s.last, k, True, alts=[])
            keys.append(k)
        elif (axis := axis_after(lang, text, s.end, words[0])) is not None:
            stop, towns = axis  # "Покровському напрямку": the town, Pokrovsk
            div = Span(s.start, stop, s.first, s.last, towns[0], False, alts=towns[1:])
            keys.extend(towns)
    return words, rs, alts, proper, kind, div, keys


def _common_noun(lang: Language, rs) -> bool:
    """Whether every reading is a known common noun (Ukrainian: see _morph.COMMON; the
    Russian dictionary's Geox tag serves there, through :func:`zipf_functions`)."""
    return lang.code == "uk" and bool(rs) and all(
        r[POS] == "NOUN" and r[KNOWN] and r[COMMON] and not r[NAME] for r in rs) and \
        rs[0][LEMMA] not in lang.words("proper_nouns")


_NEXT_LOWER = re.compile(r"\s{1,2}([^\W\d_][\w'’ʼ-]*)")


def _modifier(lang: Language, text: str, s: Span, rs) -> bool:
    """A capitalised adjective that agrees with the common noun after it modifies that noun
    ("Київський апеляційний суд", "Луганське відділення"): it names an institution or a
    thing, not a place. Division and landmark words after it are handled elsewhere."""
    adjs = [r for r in rs if r[POS] == "ADJF"]
    if s.first != s.last or not adjs or any(r[GEOX] for r in rs):
        return False
    prev = previous_word(text, s.start, 12, dot=False) if lang.code == "uk" else None
    if prev and any(r[POS] == "PREP" for r in readings(lang.code, prev[1])):
        # after a preposition (which governs no nominative), a proper noun in a case no
        # adjective reading has is the noun: "На Донеччині бої" is the region (донеччина,
        # locative), not an adjective донеччин agreeing with "бої"
        cases = {a[CASE] for a in adjs if a[CASE] not in ("nomn", "voct")}
        if any(r[POS] == "NOUN" and r[KNOWN] and not r[COMMON] and not r[NAME] and
               r[CASE] not in cases for r in rs):
            return False
    pos = s.end
    for _ in range(2):  # the noun, or one more adjective and then the noun
        m = _NEXT_LOWER.match(text, pos)
        if not m or not m.group(1)[0].islower():
            return False
        nrs = readings(lang.code, m.group(1))
        if any(r[LEMMA] in lang.place_kinds or r[LEMMA] in lang.landmark_words for r in nrs) \
                or feature_word(lang, m.group(1), text[s.start : s.end]) or \
                axis_after(lang, text, s.end, text[s.start : s.end]) is not None:
            return False
        if any(n[POS] == "NOUN" and n[CASE] == a[CASE] and n[NUMBER] == a[NUMBER] and
               (n[NUMBER] == "plur" or n[GENDER] == a[GENDER]) for n in nrs for a in adjs):
            return True
        if not any(n[POS] == "ADJF" for n in nrs):
            return False
        pos = m.end()
    return False


def _quoted(text: str, start: int) -> bool:
    """Inside a quoted name: a club, party, ship, paper or project («Спартак», «Атлантис»,
    «Путь Грузии»), which Ukrainian and Russian typography quotes; places are not quoted. A
    quoted name closes within a few words; a quoted sentence (« У Києві сьогодні ... »,
    reported speech) does not, and its places stay places."""
    before = text[max(0, start - 60) : start]
    i = before.rfind("«")
    if i < 0 or "»" in before[i:] or "\n" in before[i:]:
        return False
    close = text.find("»", start, start + QUOTED_NAME_CHARS)
    return close >= 0 and not _SENTENCE_END.search(text, start, close) and \
        len(text[start:close].split()) <= QUOTED_NAME_WORDS


#: A quoted name closes within this many characters and words after a word of it.
QUOTED_NAME_CHARS = 60
QUOTED_NAME_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def _may_name(lang: Language, text: str, s: Span, word: str, rs) -> bool:
    """Whether one word may name a place at all: not a Latin word in Cyrillic text (brands,
    "Google"), not a function word ("По", "Эта"), not only a given name ("Марк", "Алла")
    unless a geographic reading or a place-kind word before it says otherwise ("с. Марка")."""
    if _LATIN.search(word):
        return False
    if any(r[GEOX] for r in rs) or russian_place(lang, word, rs):
        return True
    if any(r[FUNCTION] for r in rs):
        return False
    if rs and all(r[POS] == "ADJF" for r in rs) and is_sentence_start(text, s.start):
        return False  # "Новые", "Русский" opening a sentence: an adjective, not a name
    before = text[max(0, s.start - 12) : s.start]
    # a given name or surname only ("Марк", "Керри"), unless the word also reads as a common
    # or place noun ("Львові": лев, львів)
    person = any(r[NAME] for r in rs) and not any(r[POS] == "NOUN" and not r[NAME] for r in rs)
    return not person or bool(_KIND_BEFORE.search(before))


def zipf_functions(lang: Language):
    """(own, neighbour): how common a span's own word is, and how common its capitalised
    neighbour is, on the Zipf scale the evidence rules use (see the module's text): the
    parts of speech pymorphy3 reads decide, not a frequency list, since the Ukrainian and
    Russian lists count "Київ" and "так" alike."""

    geox = lang.code == "ru"  # the Russian dictionary tags geographic names

    def own(word: str) -> float:
        rs = readings(lang.code, word)
        if rs and all(r[POS] not in _NAMING for r in rs[:2]):
            return FUNCTION_WORD_ZIPF  # "Так", "Але": a function word
        if geox and rs and all(r[POS] == "NOUN" and r[KNOWN] and not (r[GEOX] or r[NAME])
                               for r in rs):
            return COMMON_NOUN_ZIPF  # "Работа", "Завод": a common noun, not a name
        if _common_noun(lang, rs):
            return COMMON_NOUN_ZIPF  # "Сили" (of "Збройні Сили"): Ukrainian, the same
        return 0.0

    def neighbour(word: str) -> float:
        # a capitalised neighbour that is a person's name makes no place part of that name
        # here: a name agrees with its other parts in case, a place before it stands in its
        # own ("мера Києва Леоніда Черновецького", "з України Сергій Карякин"); names in
        # full are found by geomap.geoparse._cyrillic_context.persons_name instead
        del word
        return COMMON_NEIGHBOUR_ZIPF

    return own, neighbour
