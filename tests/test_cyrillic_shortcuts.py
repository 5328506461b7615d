"""The shortcuts of Ukrainian and Russian geoparsing give what the long way gives: fold keys
of Cyrillic words from one table, spans whose keys name no place left out before the context
rules, analyses remembered across documents. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap._text import _CYRILLIC_ASCII, _fold_other, fold_key
from geomap.geoparse import Geoparser
from geomap.geoparse._cyrillic import expand_spans
from geomap.geoparse._rules import rules_for
from geomap.geoparse._spans import candidate_spans, tokenize
from geomap.lang import get_language

#: Dropped by the general path's punctuation rule, outside the table: a name with it appended
#: takes the general path (NFKC, unidecode) to the same key.
_GENERAL = "\u201c"

UK = ("Вчора ввечері Збройні Сили України відбили атаку поблизу Кривого Рогу, повідомив "
      "голова Дніпропетровської ОВА Сергій Лисак. У Кривому Розі та в Нікопольському районі "
      "пролунали вибухи; «Укренерго» ремонтує лінії. Мер Львова Андрій Садовий подякував "
      "рятувальникам Львівщини, а Садового підтримали в Ужгороді.")
RU = ("В Нижнем Новгороде и Ростове-на-Дону прошли учения МЧС России. Губернатор "
      "Белгородской области сообщил о беспилотнике над Шебекино; Андрей Орлов уехал в Орёл, "
      "а Орлова видели в Пскове. «Газпром» открыл офис на улице Ленина.")


def _general(name: str) -> str:
    return _fold_other.__wrapped__(name + _GENERAL)


def test_cyrillic_fold_keys_from_the_table_equal_the_general_path():
    chars = sorted(_CYRILLIC_ASCII)
    for a in chars:
        for b in ("ж", "'", " ", "Ї", "ь"):
            name = "Ґ" + a + b
            assert _fold_other.__wrapped__(name) == _general(name), name
    for name in ("Кривий Ріг", "Куп’янськ", "Кам'янець-Подільський", "Подʼячеве", "Орёл",
                 "Щёлково", "Ростов-на-Дону", "Ҳоҷа", "Съезд", "ПІВДЕНЬ.", "Nova Каховка"):
        assert fold_key(name) == _general(name), name
    assert fold_key("Куп’янськ") == "kupiansk"
    assert fold_key("Орёл") == "oriol"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(("kh", "k", "h", "i", "e", "ie", "a", "j", "jj", "y", "yy",
                                 "o", "u", " ", "ss", "ь", "ë", "x")), max_size=12).map("".join))
def test_transliteration_keys_are_the_rules_applied_in_turn(key):
    """The index's transliteration key, its literal rules done by str.replace: the five
    regex substitutions applied in turn (kh, ie, vowel + j, y, runs of one letter)."""
    import re

    from geomap._text import translit_key

    expected = key.replace(" ", "")
    if expected.isascii():
        for pattern, repl in ((r"kh", "h"), (r"ie", "e"), (r"([aeiou])j", r"\1i"), (r"y", "i"),
                              (r"(.)\1+", r"\1")):
            expected = re.sub(pattern, repl, expected)
    assert translit_key(key, folded=True) == expected
    assert translit_key("Kharkiv") == translit_key("Harkiv") == "harkiv"
    assert translit_key("Zhytomyr") == translit_key("Zhitomir") == "zhitomir"


@pytest.mark.parametrize("code,text", [("uk", UK), ("ru", RU)])
def test_spans_left_out_before_the_context_rules_name_no_place(gazetteer, code, text):
    """The spans the geoparser looks up with the gazetteer's filter are those it looks up
    without it, less the ones no key of which names a place."""
    lang = get_language(code)
    rules = rules_for(lang)
    tokens = tokenize(text, rules)

    def spans(known):
        out = expand_spans(text, tokens, candidate_spans(text, tokens, rules), lang, known)
        return [(s.start, s.end, s.key, list(s.alts), list(s.proper)) for s in out]

    every = spans(None)
    filtered = spans(gazetteer.rows_for_keys)
    rows = gazetteer.rows_for_keys({k for s in every for k in (s[2], *s[3])})
    naming = [s for s in every if s[2] in rows or any(k in rows for k in s[3])]
    assert naming and len(filtered) < len(every)
    assert [s for s in filtered if s[2] in rows or any(k in rows for k in s[3])] == naming


def test_results_do_not_depend_on_cyrillic_texts_parsed_before(gazetteer):
    def result(parser, text):
        return [(m.start, m.end, m.place.key if m.place else None, m.role)
                for m in parser.parse(text)]

    fresh = Geoparser(gazetteer)
    first = {t: result(fresh, t) for t in (UK, RU)}
    assert any(k for *_, k, _ in first[UK]) and any(k for *_, k, _ in first[RU])
    used = Geoparser(gazetteer)
    for t in ("Орлов и Орлова приехали в Орёл.", "Садовий у Львові.", RU, UK):
        used.parse(t)
    assert result(used, UK) == first[UK]
    assert result(used, RU) == first[RU]


@pytest.mark.parametrize("code,words", [
    ("uk", ("Нижньому", "Нижнього", "Великому", "Великого", "Кривому", "Кривого",
            "Зоряноборському", "Зоряноборського", "Сірокам'янському", "Сірокам'янській")),
    ("ru", ("Нижнем", "Нижнего", "Великом", "Великого", "Старому", "Старого",
            "Крукобродском", "Крукобродского", "Вишнеяровской", "Вишнеяровскую"))])
def test_inflections_remembered_per_paradigm_form_are_pymorphys_own(code, words):
    """The index of the form inflect picks is remembered per (paradigm, form, gender), for
    dictionary words and for made-up ones read by analogy ("Крукобродском"); every other
    word of that paradigm form gets the same index with its own stem."""
    from geomap.lang._morph import _INFLECTED, _analyzer, _inflected, adjective_nominative

    _INFLECTED.clear()
    for gender in ("masc", "femn", "neut"):
        for word in words:  # the second case form of each adjective finds the first's answer
            for p in _analyzer(code).parse(word.lower()):
                if p.tag.POS == "ADJF":
                    own = p.inflect({gender, "nomn", "sing"}) or p.inflect({gender, "nomn"})
                    assert _inflected(code, p, gender) == (own.word if own else None)
    assert adjective_nominative(code, words[0], "masc")[0] in ("нижній", "нижний")


@pytest.mark.parametrize("code,words", [
    ("uk", ("копанях", "санжарах", "копанями", "великих", "нових", "кринках", "горбах",
            "зоряноборських", "крукобродах", "хатах", "хати", "полях", "львові", "київ",
            "байткодах", "квазімістах")),
    ("ru", ("луках", "великих", "копанях", "старых", "горках", "крукобродах", "вишнеяровских",
            "полями", "домов", "москве", "бор", "белых", "байткодах", "квазигородах",
            "ямадаевых"))])
def test_plural_nominatives_are_pymorphys_own(code, words):
    """The nominative plural of a word (its first four parses, the first plural noun or
    adjective that inflects) is what pymorphy3's inflect gives, for dictionary words and
    made-up ones read by analogy ("крукобродах") or as a prefix before a dictionary word
    ("байткодах", "квазигородах"), once found and once remembered per paradigm form; the
    index picked from the paradigm's tags is inflect's."""
    from geomap.lang._morph import _INFLECTED, _analyzer, plural_nominative

    def own(word):
        q = next((q for p in _analyzer(code).parse(word)[:4] if "plur" in p.tag and
                  p.tag.POS in ("NOUN", "ADJF") and (q := p.inflect({"nomn", "plur"}))), None)
        return q.word if q is not None else None

    _INFLECTED.clear()
    expected = [own(w) for w in words]
    assert sum(e is not None for e in expected) >= len(words) - 3
    for _ in range(2):  # found, then remembered
        assert [plural_nominative(code, w) for w in words] == expected
    assert plural_nominative(code, words[0]) in ("копані", "луки")


def test_remembered_inflections_stay_bounded(monkeypatch):
    """The memo of inflections restarts past its size, answering as before."""
    from geomap.lang import _morph

    words = ("копанях", "санжарах", "кринках", "горбах", "хатах", "полях", "великих", "нових",
             "херсонській", "сумській", "полтавській", "київській")
    _morph._INFLECTED.clear()
    first = [_morph.plural_nominative("uk", w) for w in words]
    nominatives = [_morph.adjective_nominative.__wrapped__("uk", w, "femn") for w in words]
    monkeypatch.setattr(_morph, "INFLECTED_SIZE", 3)
    _morph._INFLECTED.clear()
    for _ in range(2):
        assert [_morph.plural_nominative("uk", w) for w in words] == first
        assert [_morph.adjective_nominative.__wrapped__("uk", w, "femn") for w in words] == \
            nominatives
        assert len(_morph._INFLECTED) <= 3
    _morph._INFLECTED.clear()


@pytest.mark.parametrize("code,words", [
    ("uk", ("Харкові", "ХАРКОВІ", "харкові", "Великих", "ВЕЛИКИХ", "Копанях", "КОПАНЯХ",
            "Кривому", "Зоряноборських", "Сумщині")),
    ("ru", ("Москве", "МОСКВЕ", "москве", "Великих", "ВЕЛИКИХ", "Луках", "ЛУКАХ", "Нижнем",
            "Крукобродском"))])
def test_a_word_in_capitals_reads_as_its_lower_case_form(code, words):
    """A word in capitals or capitalised is parsed once, as its lower-case form: its readings
    are those pymorphy3's own parses of it as written give (lemma, part of speech, case,
    number, gender, dictionary or guess), and the plural and adjective parses kept for
    the nominatives give what parsing it again gives."""
    from geomap.lang._morph import (
        CASE,
        GENDER,
        KNOWN,
        LEMMA,
        NUMBER,
        POS,
        _analyzer,
        _plural_parses,
        plural_nominative,
        readings,
    )

    for word in words:
        own = {(p.normal_form, p.tag.POS, p.tag.case, p.tag.number, p.tag.gender,
                len(p.methods_stack) == 1) for p in _analyzer(code).parse(word)}
        got = {(r[LEMMA], r[POS], r[CASE], r[NUMBER], r[GENDER], r[KNOWN])
               for r in readings(code, word)}
        assert got == own, word
        assert readings(code, word) == readings(code, word.lower())
        expected = next((q.word for p in _plural_parses(_analyzer(code).parse(word.lower()))
                         if (q := p.inflect({"nomn", "plur"}))), None)
        assert plural_nominative(code, word.lower()) == expected, word
    assert plural_nominative(code, words[4].lower()) in ("великі", "великие")


def test_plural_parses_kept_stay_bounded(monkeypatch):
    """The plural parses kept for the nominatives restart past their size, answering as
    before."""
    from geomap.lang import _morph

    words = ("копанях", "санжарах", "кринках", "горбах", "хатах", "полях", "великих", "нових",
             "лугах", "селах", "горах", "містах")
    first = [_morph.plural_nominative("uk", w) for w in words]
    monkeypatch.setattr(_morph, "ADJECTIVES_SIZE", 3)
    _morph._PLURALS.clear()
    for _ in range(2):
        for w in words:
            _morph.readings.__wrapped__("uk", w)
            assert len(_morph._PLURALS["uk"]) <= 3
        assert [_morph.plural_nominative("uk", w) for w in words] == first
    _morph._PLURALS.clear()


_PIECES = ("Чорне", "чорне", "море", "морі", " ", "  ", "\n", ".", "Манежної", "площі", "5",
           "-", "’", "Ї", "вул", "Х", "A", "ріки", "Озеро", "a")


#: Property tests here check exactness, not speed: a loaded machine must not fail them.
_UNTIMED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("code", ["uk", "ru"])
@_UNTIMED
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_landmark_pairs_are_the_one_regex_scan(code, text):
    """The capitalised word + feature word pairs read back from the feature word are every
    such pair a regex finds (chains of feature words, capitalised ones, lower-case first words
    and words opening with a digit included)."""
    import re

    from geomap.geoparse._cyrillic_landmarks import _WORD_CHARS, _pairs, _scanners

    after = _scanners(get_language(code))[1]
    # every word followed by a feature word, overlapping pairs too (a capitalised feature
    # word may open the next pair: "Чорне Озеро Озеро")
    whole = re.compile(rf"(?<!{_WORD_CHARS})(?=([^\W\d_]{_WORD_CHARS}*)({after.pattern}))",
                       after.flags)
    for sample in (text, "Біля Чорне море море Озеро озеро.", "на Манежної площі, 5-й морі",
                   "Чорне Озеро Озеро", "чорне Озеро Озеро"):
        expected = [(m.start(), m.start() + len(m[1]) + len(m[2]), m[1], m[2][1:])
                    for m in whole.finditer(sample) if not m[1][0].islower()]
        assert [w for _s, _b, w in _pairs(sample, after)] == expected


@_UNTIMED
@given(st.lists(st.sampled_from(("НОВИНИ ", "Київ ", "київ ", "\n", "12 ", "ЗСУ", "a", "B",
                                 "ПІВДЕНЬ", "—", "ǅ")), max_size=80).map("".join))
def test_all_caps_lines_are_counted_as_before(text):
    """Lines ruled out by their first 50 characters' lower-case letters are those whose
    letter counts say they are not in capitals."""
    from geomap.geoparse._recognition import _all_caps_lines

    expected, pos = [], 0
    for line in text.split("\n"):
        upper = sum(map(str.isupper, line[:200]))
        if upper >= 3 and upper > 4 * sum(map(str.islower, line[:200])):
            expected.append((pos, pos + len(line)))
        pos += len(line) + 1
    assert _all_caps_lines(text) == expected


@_UNTIMED
@given(st.lists(st.sampled_from(("мера", "Києва", " ", "  ", "\n", ".", "5", "²", "_", "-",
                                 "’", "'", "\u00a0", ",", "ab", "Ї")), max_size=16).map("".join),
       st.sampled_from((2, 3, 12, 30, 40)))
def test_previous_word_is_what_the_backward_regex_finds(text, reach):
    """The word before an offset read backwards is the regex search's leftmost match in the
    window: one or two spaces, a full stop or not, a word cut by the window's start."""
    import re

    from geomap.geoparse._cyrillic_context import previous_word

    for dot, pattern in ((True, r"([^\W\d_][\w'’ʼ-]*)\.?\s{1,2}$"),
                         (False, r"([^\W\d_][\w'’ʼ-]*)\s{1,2}$")):
        rx = re.compile(pattern)
        for sample in (text, "мера\n Києва", "мера.\u00a0 Києва", "5²_b-’c.  x", "а.\n\nб"):
            for pos in range(len(sample) + 1):
                m = rx.search(sample, max(0, pos - reach), pos)
                assert previous_word(sample, pos, reach, dot=dot) == (
                    (m.start(), m.group(1)) if m else None), (sample, pos, dot)


@pytest.mark.parametrize("code", ["uk", "ru"])
@_UNTIMED
@given(st.lists(st.sampled_from(("вул", "с", "смт", "р-н", "кв", "річки", "реки", "Либідь",
                                 "Київ", "київ", "Ї", " ", "  ", ".", "\n", "5", "-", "A",
                                 "площі", "Манежної")), max_size=12).map("".join))
def test_kind_words_left_out_by_the_scan_are_those_the_caller_drops(code, text):
    """The kind-word scan skips words no capitalised word follows (and looks ahead for the
    words' first letters): the unresolved spans are those of the plain scan."""
    import re

    from geomap.geoparse import _cyrillic_landmarks as lm

    lang = get_language(code)
    ours = lm._scanners(lang)
    exact = sorted(lang.words("kind_abbreviations") | {"смт", "пгт", "р-н"}, key=len,
                   reverse=True)
    w = lm._WORD_CHARS
    plain = re.compile(rf"(?<!{w})((?:{'|'.join(map(re.escape, exact))})(?!{w})|"
                       rf"(?:{'|'.join(map(re.escape, sorted(lm._landmark_prefixes(lang))))}){w}*)")
    taken = [(m.start(), m.end()) for m in re.finditer(r"Київ", text)]
    for sample in (text, "на вул. Хрещатик і вул.  київ, с. Піски, смт\nВорзель"):
        got = lm.unresolved_spans(sample, lang, taken)
        try:
            lm._SCAN_CACHE[lang.code] = (plain, ours[1])
            assert lm.unresolved_spans(sample, lang, taken) == got
        finally:
            lm._SCAN_CACHE[lang.code] = ours


@pytest.mark.parametrize("code", ["uk", "ru"])
def test_parses_without_the_shape_units_are_pymorphys_own(code):
    """A word of Cyrillic letters is parsed without the number, punctuation, Roman-numeral
    and Latin units (which find nothing in it), the dictionary's parses and their
    probabilities read inline: the parses are pymorphy3's own, scores and order too (known
    and unknown words, hyphens and apostrophes, one letter, capitals, е for ё, forms whose
    paradigm adds a prefix to the lemma's, words the probabilities do not know)."""
    from geomap.lang._morph import _analyzer, _parse, _word_units

    assert _word_units(code) is not None
    words = ("Херсон", "Херсонській", "обстрілювали", "Куп'янськ", "Ростов-на-Дону", "В",
             "ІІ", "Зеленського", "Шмырдяковка", "кудись-то", "Нижнем", "ЗСУ", "-", "'ab",
             "Kyiv", "IV", "12", "Хaрків", "ежик", "пойдет", "наибольшими", "найкращого",
             "стали", "мила", "Шмигайлівськими")
    for word in words:
        assert _parse(code, word) == _analyzer(code).parse(word), word


def test_tag_fields_found_by_the_tag_object_stay_bounded(monkeypatch):
    """The fields of a tag found by the tag object are those read from its text; the memo
    of tag objects restarts past its size."""
    from geomap.lang import _morph

    words = ("херсонській", "області", "києва", "львові", "вибухи", "сумщині", "нових")
    expected = [_morph.readings.__wrapped__("uk", w) for w in words]
    monkeypatch.setattr(_morph, "TAG_OBJECTS_SIZE", 3)
    _morph._TAG_OBJECTS.clear()
    for _ in range(2):
        assert [_morph.readings.__wrapped__("uk", w) for w in words] == expected
        assert len(_morph._TAG_OBJECTS) <= 3
    _morph._TAG_OBJECTS.clear()
    for w in words:
        for p in _morph._analyzer("uk").parse(w):
            assert _morph._tag_fields(p.tag) == _morph._TAGS[(type(p.tag), str(p.tag))]


@pytest.mark.parametrize(("code", "word", "field"), [
    ("ru", "Ярославле", "GEOX"), ("uk", "Тарасом", "GIVEN"), ("uk", "Петренка", "NAME"),
    ("ru", "между", "FUNCTION"), ("uk", "вікнами", "COMMON")])
def test_readings_are_plain_tuples_the_collector_lets_go(code, word, field):
    """A word's readings are exact tuples of strings, booleans and None, read by the index
    constants (a tag's grammemes at their places): Python's cycle collector stops tracking
    them, and the tuple of them, once it has met them (a NamedTuple stays tracked)."""
    import gc

    from geomap.lang import _morph

    rs = _morph.readings.__wrapped__(code, word)
    assert type(rs) is tuple and rs
    for r in rs:
        assert type(r) is tuple and len(r) == 11
        assert all(v is None or type(v) in (str, bool) for v in r)
    assert any(r[getattr(_morph, field)] for r in rs), field
    own = {(p.normal_form, "Geox" in p.tag.grammemes, "Name" in p.tag.grammemes)
           for p in _morph._analyzer(code).parse(word)}
    assert {(r[_morph.LEMMA], r[_morph.GEOX], r[_morph.GIVEN]) for r in rs} == own
    gc.collect()  # the readings (the tuple of them too, when it was met after them)
    gc.collect()  # (else the next collection lets it go)
    assert not gc.is_tracked(rs) and not any(gc.is_tracked(r) for r in rs)


@pytest.mark.parametrize(("code", "words"), [
    ("uk", ("широких", "Зеленопільській", "степах", "кривенькому", "лиманами",
            "Шмигайлівських", "оболонях", "зеленим")),
    ("ru", ("широких", "Залесской", "степях", "Кривенькому", "лиманами",
            "Шмыгайловских", "полянах", "зеленым"))])
def test_kept_parses_are_packed_and_built_again_equal(code, words):
    """The adjective and plural parses kept for the nominatives are packed into strings and
    numbers (dictionary words) that the collector lets go, and built again equal to
    pymorphy3's own parses (words the dictionary knows and words read by analogy)."""
    import gc

    from geomap.lang import _morph

    for word in words:
        parses = _morph._parse(code, word)
        kept = _morph._packed(code, parses)
        assert _morph._unpacked(code, kept) == tuple(parses), word
        # a dictionary word's parses are packed; those read by analogy are kept as they are
        assert [len(k) == 6 for k in kept] == [
            len(p[4]) == 1 and type(p[4][0][0]).__name__ == "DictionaryAnalyzer"
            for p in parses], word
        gc.collect()
        gc.collect()
        assert gc.is_tracked(kept) == any(len(k) == 5 for k in kept), word
    for word in words:  # the nominatives read from the kept parses are those parsed again
        _morph.readings.__wrapped__(code, word)
        low = word.lower()
        first = [_morph.adjective_nominative.__wrapped__(code, low, g) for g in ("femn", "neut")]
        plural = _morph.plural_nominative(code, low)
        _morph._ADJECTIVES.get(code, {}).pop(low, None)
        _morph._PLURALS.get(code, {}).pop(low, None)
        assert [_morph.adjective_nominative.__wrapped__(code, low, g)
                for g in ("femn", "neut")] == first, word
        assert _morph.plural_nominative(code, low) == plural, word


def test_rows_all_kept_are_the_gazetteers_own_list(gazetteer):
    """A name whose rows keep_rows keeps whole gets the gazetteer's list itself (the
    recogniser's memos of a name's candidates know the rows by that object); one it
    filters gets a new list of the rows kept, in their order."""
    from geomap.geoparse._cyrillic_rows import keep_rows

    uk = get_language("uk")
    rows = gazetteer.rows_for_keys(["kharkiv"])["kharkiv"]
    assert keep_rows(uk, "Харків", rows) is rows
    rows = gazetteer.rows_for_keys(["rim"])["rim"]  # Rome, and small places abroad
    kept = keep_rows(uk, "Рим", rows)
    assert kept is not rows and 0 < len(kept) < len(rows)
    assert kept == [r for r in rows if r in kept]
    assert [row[7] for _kind, row in kept] == ["IT"]
