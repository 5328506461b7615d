"""Belarusian and Bulgarian text is reported as another language (read with the nearest
rules, with a note), while Ukrainian and Russian, quoting each other, get no note.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.lang import detect


@pytest.mark.parametrize("text", [
    # no ў: і and ы together, hardly any и
    "У Мінску прайшлі вучэнні, паведаміла міністэрства абароны. Салдаты былі на палігоне.",
    "Гомельскі рынак зачынілі на тыдзень, бо там былі пашкоджаныя дахі.",
])
def test_belarusian_without_short_u_is_noted(text):
    d = detect(text)
    assert d.note is not None and "Belarusian" in d.note, d


@pytest.mark.parametrize("text", [
    "Властите казаха, че пожарът е бил потушен през нощта.",  # one ъ
    "Според кмета това е най-силната буря, която е имало в града.",  # no ъ at all
])
def test_bulgarian_with_one_or_no_hard_sign_is_noted(text):
    d = detect(text)
    assert d.code == "ru" and d.note is not None and "Bulgarian" in d.note, d


@pytest.mark.parametrize(("text", "code"), [
    ("У Києві пролунали вибухи, повідомили у міській військовій адміністрації.", "uk"),
    ("В Киеве прогремели взрывы, сообщили в городской администрации. Жители выходили "
     "из укрытий, а газета «Вечірній Київ» вышла с опозданием.", "ru"),
    ("Військові повідомили, що в Бєлгороді було чути вибухи; російські медіа пишуть "
     "«взрывы были слышны».", "uk"),
])
def test_ukrainian_and_russian_quoting_each_other_get_no_note(text, code):
    d = detect(text)
    assert d.code == code and d.note is None, d


def test_cyrillic_letters_are_those_a_regex_counts():
    """The count of Cyrillic characters from the UTF-8 lead bytes is the regex's count of
    U+0400-U+04FF, whatever else the text holds (Latin with diacritics, Greek, Armenian,
    CJK, emoji, lone surrogates, the block's edges)."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from geomap.lang._detect import cyrillic_letters

    block = re.compile(r"[\u0400-\u04ff]")
    pieces = ("Київ", "Ѐ", "ӿ", "\u0500", "\u03ff", "é", "Ω", "Ա", "北", "😀", "\ud800", " ",
              "abc", "ў", "ʼ", "\u0080", "\u07ff", "\u0800")

    @settings(deadline=None, max_examples=300)
    @given(st.lists(st.sampled_from(pieces) | st.text(max_size=3), max_size=20).map("".join))
    def check(text):
        assert cyrillic_letters(text) == len(block.findall(text))

    check()
    assert cyrillic_letters("Окупанти обстріляли Херсон.") == 24


def test_a_short_spanish_headline_is_noted_and_english_en_route_is_not():
    assert detect("Hallan dos cuerpos en un canal en Culiacán, una semana después").note
    assert detect("The convoy was en route to Kherson when it was hit.").note is None


def test_a_word_common_in_the_texts_own_language_is_no_small_place(parser):
    # "Matan" (Spanish: they kill) spells Matane, Canada, and Matan, Israel; English word
    # frequencies say nothing of it, the text's own language does
    got = [(m.name, m.place and m.place.country) for m in
           parser.parse("Matan a tres policías en una emboscada en Sinaloa")]
    assert got == [("Sinaloa", "MX")]
    # a place whose name is no common word in those languages is still found at the start
    got = [(m.name, m.place and m.place.country) for m in
           parser.parse("Huejotzingo: hallan un cuerpo en una carretera del municipio")]
    assert ("Huejotzingo", "MX") in got
