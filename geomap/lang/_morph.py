"""Morphology of Ukrainian and Russian words with pymorphy3 (loaded on first use).

pymorphy3 (with DAWG2's compiled word graph: about ten times faster than the pure-Python
fallback) and the OpenCorpora (ru) and LanguageTool (uk) dictionaries gives every reading of a
word form with its lemma and tags. Place names need every reading, not the first one: "Львові"
reads first as the surname "Львов", second as the city "Львів" (measured in ASSETS.md), so
callers try each lemma against the gazetteer. Analyses are cached per word form.
"""

from __future__ import annotations

import functools
import operator
import re

__all__ = ["CASE", "COMMON", "FUNCTION", "GENDER", "GEOX", "GIVEN", "KNOWN", "LEMMA", "NAME",
           "NUMBER", "POS", "Reading", "adjective_nominative", "plural_nominative", "readings"]

#: Parts of speech that can name a place (nouns, and adjectives of "Херсонська область").
NAMING = frozenset({"NOUN", "ADJF", "UNKN", "LATN", None})


_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED", "ADVB", "VERB", "INFN",
                       "GRND", "PRTF", "PRTS", "COMP", "NUMR"})


_COMMON_LEMMA_TAGS = frozenset({"NOUN,inan", "NOUN,anim"})


#: One reading of a word form is a plain tuple of atomic values (strings, booleans, None), read
#: by these indices (``r[POS]``): Python's cycle collector stops tracking an exact tuple of
#: such values after it first meets it, where a NamedTuple (a subclass) stays tracked, and the
#: readings are kept by the ten thousand (the cache below) and walked by every collection.
#: LEMMA: the lemma; POS: part of speech (pymorphy3's, or None); GEOX: tagged as a geographic
#: name (the Russian dictionary has the tag); NAME: a given name, surname or patronymic; GIVEN:
#: a given name; FUNCTION: a function word, verb, adverb, pronoun or numeral ("по", "эта",
#: "были"); KNOWN: in the dictionary (not guessed from the word's ending); COMMON: a noun whose
#: gender or number the dictionary gives per form, not per lemma: in the Ukrainian dictionary
#: a common noun ("суд", "вікно"), where proper nouns ("Київ", "Одеса", "Карпати") carry
#: theirs on the lemma (measured: 32 of 2,282 one-word Ukrainian GeoNames names read only so,
#: mostly common words such as "Схід", "Річка"); GENDER, NUMBER, CASE: the grammemes, or None.
LEMMA, POS, GEOX, NAME, GIVEN, FUNCTION, KNOWN, COMMON, GENDER, NUMBER, CASE = range(11)
#: (lemma, pos, geox, name, given, function, known, common, gender, number, case)
Reading = tuple


@functools.cache
def _analyzer(code: str):
    import importlib

    import pymorphy3

    try:  # the dictionary package's own path: pymorphy3 would scan every installed package's
        # entry points for it (about 0.1 s of the first Cyrillic result)
        path = importlib.import_module(f"pymorphy3_dicts_{code}").get_path()
    except (ImportError, AttributeError):
        return pymorphy3.MorphAnalyzer(lang=code)
    return pymorphy3.MorphAnalyzer(path=path, lang=code)


#: Adjective parses of the words :func:`readings` read, for :func:`adjective_nominative`
#: (per language; only adjectives, packed by :func:`_packed`: every object kept tracked is one
#: more for Python's collector to walk).
_ADJECTIVES: dict[str, dict[str, tuple]] = {}
ADJECTIVES_SIZE = 50_000
#: The plural noun and adjective parses among the first four of the words :func:`readings`
#: read that have any such parse, for :func:`plural_nominative` (per language, as above).
_PLURALS: dict[str, dict[str, tuple]] = {}


#: A word pymorphy3 reads the same in capitals as in lower case: two letters or more and no
#: Latin letter (only the analysers of initials, Roman numerals and Latin words see case).
_CASELESS = re.compile(r"[^A-Za-z]{2,}")


@functools.lru_cache(maxsize=200_000)
def readings(code: str, word: str) -> tuple[Reading, ...]:
    """Every reading of ``word`` in language ``code`` ("uk" or "ru"), dictionary order."""
    text = word.replace("’", "'").replace("ʼ", "'")
    low = text.lower()
    if low != text and _CASELESS.fullmatch(text):
        # pymorphy3 reads it as its lower-case form: "Київ", "КИЇВ" and "київ" parsed once
        return readings(code, low)
    out = []
    seen = set()
    parses = _parse(code, text)
    adjectives = []
    plurals = []  # _plural_parses(parses), from the fields read here
    plural = False
    for i, p in enumerate(parses):  # (word, tag, normal form, score, methods stack)
        before, after = _tag_fields(p[1])
        if before[0] == "ADJF":  # the tag's one part of speech (tag.POS), read once per tag
            adjectives.append(p)
        if after[2] == "plur" and before[0] in _PLURAL_POS:  # (the tag's one number)
            plural = True
            if i < 4:
                plurals.append(p)
        fields = (p[2], *before,
                  len(p[4]) == 1,  # the dictionary's own word, no guess
                  *after)
        if fields not in seen:
            seen.add(fields)
            out.append(fields)
    if adjectives:
        kept = _ADJECTIVES.setdefault(code, {})
        if len(kept) >= ADJECTIVES_SIZE:
            kept.clear()
        kept[text] = _packed(code, adjectives)
    if plural:
        kept = _PLURALS.setdefault(code, {})
        if len(kept) >= ADJECTIVES_SIZE:
            kept.clear()
        kept[text] = _packed(code, plurals)
    return tuple(out)


def _packed(code: str, parses) -> tuple:
    """``parses`` as :data:`_ADJECTIVES` and :data:`_PLURALS` keep them: a dictionary word's
    parse as (word, normal form, score, the dictionary's word, paradigm id, form index), all
    strings and numbers, which Python's collector stops tracking (a parse holds its tag and
    its analyser unit, tracked objects, in tuples it would walk for as long as it is kept);
    any other parse as it is. :func:`_unpacked` builds them again, equal."""
    unit, paradigms, gramtab = _dictionary_unit(code)
    out = []
    for p in parses:
        stack = p[4]
        if len(stack) == 1 and stack[0][0] is unit:
            _unit, fixed, para_id, idx = stack[0]
            paradigm = paradigms[para_id]
            if gramtab[paradigm[len(paradigm) // 3 + idx]] is p[1]:  # (build_tag_info)
                out.append((p[0], p[2], p[3], fixed, para_id, idx))
                continue
        out.append(p)
    return tuple(out)


def _unpacked(code: str, kept: tuple) -> tuple:
    """The parses :func:`_packed` kept, as pymorphy3's (word, tag, normal form, score,
    methods stack) tuples: the tag is the dictionary's for the paradigm form, the unit its
    dictionary analyser, as pymorphy3's DictionaryAnalyzer.parse makes them."""
    unit, paradigms, gramtab = _dictionary_unit(code)
    out = []
    for k in kept:
        if len(k) == 5:  # a parse kept as it is
            out.append(k)
            continue
        word, normal, score, fixed, para_id, idx = k
        paradigm = paradigms[para_id]
        out.append((word, gramtab[paradigm[len(paradigm) // 3 + idx]], normal, score,
                    ((unit, fixed, para_id, idx),)))
    return tuple(out)


@functools.cache
def _dictionary_unit(code: str) -> tuple:
    """(the analyser's dictionary unit, its dictionary's paradigms and tags), or Nones when the
    analyser is not built as pymorphy3 2.0 builds it (then no parse is packed)."""
    units = getattr(_analyzer(code), "_units", None)
    unit = units[0][0] if units else None
    if type(unit).__name__ != "DictionaryAnalyzer":
        return None, None, None
    return unit, unit.dict.paradigms, unit.dict.gramtab


_PLURAL_POS = frozenset({"NOUN", "ADJF"})


def _plural_parses(parses) -> tuple:
    """The plural noun and adjective parses among the first four (:func:`plural_nominative`
    reads them; :func:`readings` finds the same from the fields it reads)."""
    return tuple(p for p in parses[:4] if "plur" in p[1] and p[1].POS in _PLURAL_POS)


#: pymorphy3's analyser units that test a word's shape (a number, punctuation, a Roman
#: numeral, a Latin word) and find none in a word of Cyrillic letters, apostrophes and
#: hyphens (:data:`_CYRILLIC_WORD`).
_SHAPE_UNITS = frozenset({"NumberAnalyzer", "PunctuationAnalyzer", "RomanNumberAnalyzer",
                          "LatinAnalyzer"})
_CYRILLIC_WORD = re.compile(r"[а-яА-ЯёЁіІїЇєЄґҐ'-]*[а-яА-ЯёЁіІїЇєЄґҐ][а-яА-ЯёЁіІїЇєЄґҐ'-]*")


def _parse(code: str, word: str) -> list:
    """pymorphy3's ``parse`` of ``word``: for a word of Cyrillic letters, without the shape
    units (about a tenth of the parse; they give nothing for such a word), else as is. The
    parses of a Cyrillic word are left as the plain (word, tag, normal form, score, methods
    stack) tuples pymorphy3 wraps into its Parse objects (equal to them): :func:`readings`
    wraps only the adjectives it keeps."""
    morph = _analyzer(code)
    units = _word_units(code)
    if units is None or not _CYRILLIC_WORD.fullmatch(word):
        try:
            return morph.parse(word)
        except ValueError:  # a letter Python's Unicode table has no name for ("𗡂"):
            return []  # pymorphy3's Latin-shape test looks the name up and fails
    # MorphAnalyzer.parse, over the other units (pymorphy3 2.0)
    res: list = []
    seen: set = set()
    low = word.lower()
    dictionary = _dictionary_unit(code)[0]
    for unit, terminal in units:
        if unit is dictionary:
            res.extend(_dictionary_parses(code, unit, low))
        else:
            res.extend(unit.parse(word, low, seen))
        if terminal and res:
            break
    if morph.prob_estimator is not None:
        res = _estimated(morph.prob_estimator.p_t_given_w, low, res)
    return res


def _dictionary_parses(code: str, unit, low: str) -> list:
    """pymorphy3's DictionaryAnalyzer.parse of ``low`` (a word in lower case) with its
    dictionary's build_normal_form and build_tag_info written inline (called per parse)."""
    d = unit.dict
    paradigms, gramtab, prefixes, suffixes = (d.paradigms, d.gramtab, d.paradigm_prefixes,
                                              d.suffixes)
    out = []
    for fixed, found in d.words.similar_items(low, _analyzer(code).char_substitutes):
        for para_id, idx in found:
            paradigm = paradigms[para_id]
            n = len(paradigm) // 3
            if idx == 0:  # the normal form is the word itself
                normal = fixed
            else:  # build_stem, then the paradigm's first prefix and suffix around it
                prefix, suffix = prefixes[paradigm[2 * n + idx]], suffixes[paradigm[idx]]
                stem = fixed[len(prefix) : -len(suffix)] if suffix else fixed[len(prefix) :]
                normal = prefixes[paradigm[2 * n]] + stem + suffixes[paradigm[0]]
            out.append((fixed, gramtab[paradigm[n + idx]], normal, 1.0,
                        ((unit, fixed, para_id, idx),)))
    return out


def _estimated(cpd, low: str, parses: list) -> list:
    """pymorphy3's ProbabilityEstimator.apply_to_parses with its P(tag | word) graph ``cpd``,
    giving plain tuples (equal to its named ones): each parse's score is its tag's
    probability for the word, best first (a stable sort), or, when the graph knows none,
    the scores made to sum to one."""
    if not parses:
        return []
    get, scale = cpd.get, cpd.MULTIPLIER
    probs = [get(f"{low}:{p[1]}", 0) / scale for p in parses]
    if sum(probs) == 0:
        k = 1.0 / sum(p[3] for p in parses)
        return [(p[0], p[1], p[2], p[3] * k, p[4]) for p in parses]
    return sorted([(p[0], p[1], p[2], prob, p[4]) for p, prob in zip(parses, probs, strict=True)],
                  key=_SCORE, reverse=True)


_SCORE = operator.itemgetter(3)


@functools.cache
def _word_units(code: str) -> tuple | None:
    """The analyser's (unit, terminal) pairs less the shape units; a removed terminal unit
    makes the unit before it terminal (it adds no parse, so its stop test is that unit's).
    None when the analyser is not built as pymorphy3 2.0 builds it (then parse is used)."""
    morph = _analyzer(code)
    units = getattr(morph, "_units", None)
    if not units or not hasattr(morph, "_result_type") or \
            not hasattr(morph, "prob_estimator") or \
            type(units[0][0]).__name__ in _SHAPE_UNITS:
        return None
    out: list[list] = []
    for unit, terminal in units:
        if type(unit).__name__ in _SHAPE_UNITS:
            out[-1][1] = out[-1][1] or terminal
        else:
            out.append([unit, terminal])
    return tuple((unit, terminal) for unit, terminal in out)


def _tag_fields(tag) -> tuple[tuple, tuple]:
    """(pos, geox, name, given, function), (common, gender, number, case) of a pymorphy3
    tag: a dictionary has a few hundred distinct tags, so each is read once (and found by
    the tag object, which the dictionary keeps, before its text)."""
    mine = _TAG_OBJECTS.get(id(tag))
    if mine is not None and mine[0] is tag:
        return mine[1]
    key = (type(tag), str(tag))
    got = _TAGS.get(key)
    if got is None:
        g = tag.grammemes
        # the tag's POS / gender / number / case descriptors each intersect sets: once here
        pos = _one(g, tag.PARTS_OF_SPEECH)
        got = _TAGS[key] = (
            (pos, "Geox" in g, not _NAMES.isdisjoint(g), "Name" in g,
             pos in _FUNCTION or not _PRONOMINAL.isdisjoint(g)),
            (pos == "NOUN" and str(tag).split(" ", 1)[0] in _COMMON_LEMMA_TAGS,
             _one(g, tag.GENDERS), _one(g, tag.NUMBERS), _one(g, tag.CASES)))
    if len(_TAG_OBJECTS) >= TAG_OBJECTS_SIZE:
        _TAG_OBJECTS.clear()
    _TAG_OBJECTS[id(tag)] = (tag, got)  # (the tag kept alive: its id stays its own)
    return got


#: (tag class, tag text) -> the tag's fields
_TAGS: dict = {}
#: id of a tag object -> (the tag, its fields), restarted past this many
_TAG_OBJECTS: dict = {}
TAG_OBJECTS_SIZE = 10_000


_NAMES = frozenset({"Name", "Surn", "Patr"})
_PRONOMINAL = frozenset({"Apro", "Anum"})


def _one(grammemes: frozenset, of: frozenset) -> str | None:
    for g in grammemes & of:
        return g
    return None


@functools.lru_cache(maxsize=50_000)
def adjective_nominative(code: str, word: str, gender: str) -> tuple[str, ...]:
    """Nominative singular forms of ``word`` read as an adjective, in ``gender`` ("femn"...):
    "Херсонській", "femn" -> ("херсонська",)."""
    out: list[str] = []
    plain = word.replace("’", "'").replace("ʼ", "'")
    low = plain.lower()
    # a capitalised word's adjective readings are its lower-case form's, parsed already
    for p in _adjective_parses(code, plain, low):
        form = _regular_nominative(code, p, low, gender)
        if form is None:  # pymorphy3's own inflection: right, but about 2 ms a word
            form = _inflected(code, p, gender)
        if form is not None and form not in out:
            out.append(form)
    return tuple(out)


def _adjective_parses(code: str, plain: str, low: str) -> tuple:
    """pymorphy3's adjective parses of a word (``plain``, apostrophes normalised; ``low`` in
    lower case): those :func:`readings` kept of the word as written when case cannot matter,
    else parsed."""
    if not _CASELESS.fullmatch(plain):
        return tuple(p for p in _analyzer(code).parse(low) if p.tag.POS == "ADJF")
    if not any(r[POS] == "ADJF" for r in readings(code, plain)):
        return ()
    got = _ADJECTIVES.get(code, {}).get(low)  # (readings parsed the lower-case form)
    if got is None:  # forgotten since
        return tuple(p for p in _analyzer(code).parse(low) if p.tag.POS == "ADJF")
    wrap = _analyzer(code)._result_type  # pymorphy3's Parse, for inflect
    return tuple(p if wrap is None or isinstance(p, wrap) else wrap(*p)
                 for p in _unpacked(code, got))


def _inflected(code: str, p, gender: str) -> str | None:
    """The nominative singular pymorphy3's ``inflect`` gives ``p`` in ``gender``, remembered
    per paradigm form. For a dictionary word, or an unknown one read by analogy with a known
    ending (pymorphy3's KnownSuffixAnalyzer), ``inflect`` builds the lexeme from the form's
    paradigm (every form: the paradigm's prefix + the word's stem + its suffix) and picks the
    form whose tag best matches ``p``'s tag with the required grammemes put in. The tags are
    the paradigm's, so which form it picks depends only on (paradigm, form index, gender):
    the index is remembered, and the word is built from ``p``'s own stem as pymorphy3 does.
    Other case forms of the same adjective, and other adjectives of the same paradigm
    ("Нижнього", "Великому", "Кривому"), then share the answer."""
    return _inflected_to(code, p, gender, (frozenset({gender, "nomn", "sing"}),
                                           frozenset({gender, "nomn"})))


def _inflected_to(code: str, p, name: str, wanted: tuple[frozenset, ...]) -> str | None:
    """The word of the first of ``wanted`` (grammeme sets, tried in order) that pymorphy3's
    ``inflect`` finds for ``p``, remembered per (paradigm, form index, ``name`` of the sets)
    as :func:`_inflected` says (``p``: a parse, or pymorphy3's plain tuple of one)."""
    stack = p[4]
    outer = type(stack[1][0]).__name__ if len(stack) == 2 else None
    if type(stack[0][0]).__name__ in _PARADIGM_UNITS and (
            len(stack) == 1 or outer == "KnownSuffixAnalyzer" or outer in _PREFIX_UNITS):
        _unit, word, para_id, idx = stack[0]
        key = (code, para_id, idx, name)  # strings and numbers: no object to collect
        k = _INFLECTED.get(key, _INFLECTED)
        if k is _INFLECTED:
            k = _paradigm_pick(code, p, para_id, wanted)
            if len(_INFLECTED) >= INFLECTED_SIZE:
                _INFLECTED.clear()
            _INFLECTED[key] = k
        if outer in _PREFIX_UNITS:  # a prefix before a dictionary word ("ям" + "адаевых"):
            # its lexeme is the word's with the prefix before every form
            form = _paradigm_form(code, word, para_id, idx, k)
            return None if form is None else stack[1][1] + form
        return _paradigm_form(code, p[0], para_id, idx, k)
    wrap = _analyzer(code)._result_type  # pymorphy3's Parse, for inflect
    if wrap is not None and not isinstance(p, wrap):
        p = wrap(*p)
    for grammemes in wanted:
        f = p.inflect(set(grammemes))
        if f is not None:
            return f.word
    return None


def _paradigm_pick(code: str, p, para_id: int, wanted: tuple[frozenset, ...]) -> int | None:
    """The index of the form of paradigm ``para_id`` that pymorphy3's ``inflect`` picks for
    ``p`` (a form of it) with the first of ``wanted`` any form has, as its ``_inflect``
    picks it (the forms having the grammemes, rare cases made common where none has them; the
    first of the most similar to ``p``'s tag with the grammemes put in), read from the
    paradigm's tags without building the lexeme's words and parses."""
    morph = _analyzer(code)
    d = morph.dictionary
    paradigm = d.paradigms[para_id]
    n = len(paradigm) // 3
    tags = [d.gramtab[paradigm[n + i]].grammemes for i in range(n)]
    for asked in wanted:
        required = asked
        possible = [i for i in range(n) if required <= tags[i]]
        if not possible:
            required = morph.TagClass.fix_rare_cases(asked)
            possible = [i for i in range(n) if required <= tags[i]]
        if not possible:
            continue
        grammemes = p[1].updated_grammemes(required)
        return max(possible, key=lambda i: len(grammemes & tags[i]) -
                   0.1 * len(grammemes ^ tags[i]))
    return None


_NOMINATIVE_PLURAL = (frozenset({"nomn", "plur"}),)


def plural_nominative(code: str, word: str) -> str | None:
    """The nominative plural of ``word`` (in lower case) by the first of its first four
    pymorphy3 parses that is a plural noun or adjective and inflects to it ("копанях" ->
    "копані"), or None. The parses are those :func:`readings` kept of the word (or it is
    parsed without the shape units), the inflection remembered per paradigm form
    (:func:`_inflected_to`)."""
    parses = _PLURALS.get(code, {}).get(word)  # those readings kept, or parsed here
    for p in _plural_parses(_parse(code, word)) if parses is None else \
            _unpacked(code, parses):
        form = _inflected_to(code, p, "nomn plur", _NOMINATIVE_PLURAL)
        if form is not None:
            return form
    return None


#: pymorphy3 units whose parse names a paradigm and form: (unit, word, paradigm id, index)
_PARADIGM_UNITS = frozenset({"DictionaryAnalyzer", "FakeDictionary"})
#: pymorphy3 units that read a word as (unit, prefix) + a word they parse
_PREFIX_UNITS = frozenset({"UnknownPrefixAnalyzer", "KnownPrefixAnalyzer"})


def _paradigm_form(code: str, word: str, para_id: int, idx: int, k: int | None) -> str | None:
    """Form ``k`` of the lexeme of ``word`` (form ``idx`` of paradigm ``para_id``), built as
    pymorphy3's DictionaryAnalyzer.get_lexeme builds it."""
    if k is None:
        return None
    d = _analyzer(code).dictionary
    paradigm = d.paradigms[para_id]
    n = len(paradigm) // 3
    stem = d.build_stem(paradigm, idx, word)
    return d.paradigm_prefixes[paradigm[2 * n + k]] + stem + d.suffixes[paradigm[k]]


#: (language, paradigm, form index, gender) -> index of the form inflect picks (then the
#: memo restarts past this many).
INFLECTED_SIZE = 50_000
_INFLECTED: dict[tuple, int | None] = {}


#: Ukrainian nominative endings of the masculine lemma -> (feminine, neuter).
_UK_ENDINGS = {"ий": ("а", "е"), "ій": ("я", "є"), "їй": ("я", "є")}
_NOT_REGULAR = frozenset({"Apro", "Anum", "Supr"})  # "мой", "третий", "наибольший"


def _regular_nominative(code: str, p, word: str, gender: str) -> str | None:
    """The nominative singular of a regular adjective from its masculine lemma by the
    endings of its declension (hard, soft, after к г х / ж ш ч щ ц), or None where the
    endings do not decide (pronominal, ordinal and superlative adjectives, possessives in
    -ий/-ья, a lemma whose stem is not the word's)."""
    lemma = p.normal_form
    stem, end = lemma[:-2], lemma[-2:]
    if not stem or not word.startswith(stem) or not _NOT_REGULAR.isdisjoint(p.tag.grammemes):
        return None
    if gender not in ("femn", "neut"):
        return None  # pymorphy3 decides the masculine (it leaves some Ukrainian ones out)
    fem = gender == "femn"
    if code == "uk":
        ends = _UK_ENDINGS.get(end)
        return None if ends is None else stem + ends[0 if fem else 1]
    if word[len(stem) : len(stem) + 1] == "ь":
        return None  # "третье", "волчья": a possessive declension
    if end in ("ый", "ой"):
        return stem + ("ая" if fem else "ое")
    if end != "ий":
        return None
    if stem[-1] in "кгх":
        return stem + ("ая" if fem else "ое")
    if stem[-1] in "жшчщц":
        return stem + ("ая" if fem else "ее")
    return stem + ("яя" if fem else "ее")
