"""Ukrainian and Russian sentences that open with a preposition and a city in the locative,
common nouns that spell foreign towns in transliteration, and lemmas that beat the form as
written. Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (English place name, country code)} of the mentions of ``text``."""
    return {m.name: (m.place.name, m.place.country) if m.place else None
            for m in parser.parse(text)}


# a preposition that is also a one-letter given name ("У", "В", "З") opens the sentence
UK_OPENINGS = [
    ("У Києві знову оголосили повітряну тривогу.", "Києві", "Kyiv"),
    ("У Львові вночі пролунали вибухи.", "Львові", "Lviv"),
    ("В Одесі відновили подачу світла.", "Одесі", "Odesa"),
    ("У Харкові пошкоджено школу.", "Харкові", "Kharkiv"),
    ("У Дніпрі працюють рятувальники.", "Дніпрі", "Dnipro"),
    ("У Запоріжжі зруйновано будинок.", "Запоріжжі", "Zaporizhzh"),
    ("У Миколаєві знеструмлено три райони.", "Миколаєві", "Myko"),
    ("У Чернігові відкрили пункт незламності.", "Чернігові", "Chernihiv"),
    ("Під Києвом горіли склади.", "Києвом", "Kyiv"),
    ("На Донеччині тривають запеклі бої.", "Донеччині", "Donetsk"),
]
RU_OPENINGS = [
    ("В Киеве снова объявили воздушную тревогу.", "Киеве", "Kyiv"),
    ("Во Львове ночью прогремели взрывы.", "Львове", "Lviv"),
    ("В Одессе восстановили электричество.", "Одессе", "Odesa"),
    ("В Харькове повреждена школа.", "Харькове", "Kharkiv"),
    ("В Москве прошли задержания.", "Москве", "Moscow"),
    ("Во Владивостоке закрыли порт.", "Владивостоке", "Vladivostok"),
]


@pytest.mark.parametrize(("text", "span", "name"), UK_OPENINGS + RU_OPENINGS)
def test_city_in_the_locative_after_an_opening_preposition(parser, text, span, name):
    got = places(parser, text)
    assert span in got, got
    assert got[span] is not None and got[span][0].startswith(name), got


def test_opening_city_found_in_every_sentence_of_a_text(parser):
    got = places(parser, "Уночі вибухи пролунали у Полтаві. У Києві лунала тривога. "
                         "У Львові зачинили школи.")
    assert {"Полтаві", "Києві", "Львові"} <= got.keys()
    assert got["Києві"][1] == "UA" and got["Львові"][1] == "UA"


def test_a_given_name_before_a_surname_is_still_a_person(parser):
    # the rule that keeps "У Києві" is about prepositions, not every one-syllable word
    got = places(parser, "Вчора Олег Львов виступив у Харкові.")
    assert "Харкові" in got
    assert "Львов" not in got


@pytest.mark.parametrize("text", [
    "Бої тривають на околицях міста.",
    "Бои продолжаются уже третьи сутки.",
])
def test_a_common_noun_spells_no_small_foreign_town(parser, text):
    got = places(parser, text)
    assert all(p is None or p[1] in ("UA", "RU") for p in got.values()), got


def test_a_ukrainian_city_beats_a_transliteration_abroad(parser):
    got = places(parser, "Обстріл Сум триває з самого ранку.")
    assert got["Сум"] == ("Sumy", "UA")
    got = places(parser, "Обстрел Сум продолжается с утра.")
    assert got["Сум"] == ("Sumy", "UA")


def test_large_foreign_capitals_are_kept(parser):
    got = places(parser, "У Римі та Берліні пройшли переговори, а в Празі мітинг.")
    assert got["Римі"] == ("Rome", "IT")
    assert got["Берліні"] == ("Berlin", "DE")
    assert got["Празі"] == ("Prague", "CZ")


def test_a_substantivised_adjective_before_its_noun_stays_a_modifier(parser):
    assert "Луганське" not in places(parser, "Луганське відділення поліції переїхало.")


def test_a_village_named_with_its_oblast_is_the_namesake_inside_it(parser):
    got = places(parser, "У селі Журавлівка Вінницької області згорів будинок.")
    assert got["Вінницької області"][0] == "Vinnytsia Oblast"
    village = next(m for m in parser.parse("У селі Журавлівка Вінницької області згорів "
                                           "будинок.") if m.name == "Журавлівка")
    assert village.place is not None and village.place.admin1 == "Vinnytsia Oblast"


@pytest.mark.parametrize(("text", "oblast"), [
    ("В селе Журавлевка Белгородской области загорелся дом.", "Belgorod Oblast"),
    ("В Белгородской области в селе Журавлевка загорелся сарай.", "Belgorod Oblast"),
    ("У селі Журавлівка Сумської області зник зв'язок.", "Sumy Oblast"),
    ("На Сумщині у селі Журавлівка зник зв'язок.", "Sumy Oblast"),
])
def test_a_village_with_no_namesake_in_its_oblast_stays_unresolved(parser, text, oblast):
    got = places(parser, text)
    village = next(k for k in got if k.startswith("Журавл"))
    assert got[village] is None, got  # not the namesake in another oblast or country
    assert oblast in {p[0] for p in got.values() if p}, got


def test_a_city_with_its_own_oblast_is_kept(parser):
    got = places(parser, "Харків, Харківська область: уночі пролунали вибухи.")
    assert got["Харків"] == ("Kharkiv", "UA")
