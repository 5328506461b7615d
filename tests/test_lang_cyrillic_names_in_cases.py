"""Short Ukrainian posts without і/ї/є told from Russian by their words; country names and
two-word names in oblique cases; the "republics" by their full names; acronyms of common
nouns and institutions named by a common noun. Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.lang import detect_language


def places(parser, text):
    """{surface span: (place name, country, feature) or None} of the mentions of ``text``."""
    return {m.name: (m.place.name, m.place.country, m.place.feature) if m.place else None
            for m in parser.parse(text)}


@pytest.mark.parametrize(("text", "code"), [
    # Ukrainian with none of і ї є ґ: its words ("атакували", "збили", "прибув") decide
    ("Дрони атакували Одесу.", "uk"),
    ("Над Харковом збили дрон.", "uk"),
    ("Ракети влучили в Одесу.", "uk"),
    ("Зеленський прибув у Ставку.", "uk"),
    ("Ворог атакував Суми дронами.", "uk"),
    # ... and Russian with none of ы э ъ ё
    ("Дроны атаковали Одессу.", "ru"),
    ("Над Харьковом сбили дрон.", "ru"),
    ("Противник атаковал Сумы дронами.", "ru"),
    ("Обстрел Сум.", "ru"),
    # a Russian sentence quoting one Ukrainian spelling: the words outvote the letter
    ("Противник снова атаковал Київ ночью.", "ru"),
])
def test_a_short_post_without_the_telling_letters_is_read_by_its_words(text, code):
    assert detect_language(text) == code


def test_a_short_ukrainian_post_finds_its_place(parser):
    assert places(parser, "Дрони атакували Одесу.")["Одесу"][:2] == ("Odesa", "UA")
    assert places(parser, "Над Харковом збили дрон.")["Харковом"][:2] == ("Kharkiv", "UA")


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Ізраїльська авіація знову атакувала південь Лівану.", "Лівану", "LB"),
    ("Делегація повернулася з Лівану вчора.", "Лівану", "LB"),
    ("Гуманітарний конвой прямує до Судану.", "Судану", "SD"),
    ("Туристи з Києва летять на Мальту.", "Мальту", "MT"),
    ("Туристы из Москвы улетели на Мальту.", "Мальту", "MT"),
])
def test_a_country_named_in_an_oblique_case_is_the_country(parser, text, word, country):
    got = places(parser, text)[word]
    assert got[1:] == (country, "country")


@pytest.mark.parametrize(("text", "word"), [
    ("Цю новину першими поширили ЗМІ Судану.", "Судану"),
    ("Эту новость первыми распространили СМИ Судана.", "Судана"),
])
def test_a_place_after_the_acronym_of_a_common_noun_is_a_place(parser, text, word):
    assert places(parser, text)[word][1:] == ("SD", "country")


def test_a_place_ending_an_institutions_acronym_stays_part_of_its_name(parser):
    assert "України" not in places(parser, "Про затримання повідомило СБУ України.")


@pytest.mark.parametrize(("text", "span"), [
    ("Ворожі штурмовики намагаються зайти до Часового Яру з півночі.", "Часового Яру"),
    ("Біля Часового Яру тривають бої.", "Часового Яру"),
    ("Штурмовые группы продвигаются к Часову Яру.", "Часову Яру"),
    ("Бои за окраины Часова Яра не утихают.", "Часова Яра"),
    ("В Часовом Яре разрушены почти все дома.", "Часовом Яре"),
])
def test_a_possessive_adjective_and_its_noun_in_every_case(parser, text, span):
    assert places(parser, text)[span][:2] == ("Chasiv Yar", "UA")


@pytest.mark.parametrize(("text", "span", "oblast"), [
    ("Выборы в Донецкой Народной Республике никто не признал.",
     "Донецкой Народной Республике", "Donetsk Oblast"),
    ("Так званий уряд Луганської Народної Республіки оголосив мобілізацію.",
     "Луганської Народної Республіки", "Luhansk Oblast"),
    ("Вибори у Донецькій Народній Республіці ніхто не визнав.",
     "Донецькій Народній Республіці", "Donetsk Oblast"),
])
def test_the_republics_by_their_full_names_are_their_oblasts(parser, text, span, oblast):
    assert places(parser, text)[span] == (oblast, "UA", "admin1")


@pytest.mark.parametrize("text", [
    "Головнокомандувач доповів про ситуацію на засіданні, а потім прибув у Ставку.",
    "Путин провёл совещание в Ставке.",
])
def test_the_stavka_is_no_village(parser, text):
    got = places(parser, text)
    assert not any(k.startswith("Ставк") for k in got)


def test_a_village_named_as_written_stays(parser):
    # the Stavka's genitive spells a Ukrainian village's name as written: a kind word names it
    assert places(parser, "Бої йдуть біля села Ставки.")["Ставки"][1] == "UA"


@pytest.mark.parametrize(("text", "names"), [
    ("Рух перекрито вулицями Липовою, Садовою і Шевченка до вечора.",
     ["вулицями Липовою", "Садовою", "Шевченка"]),
    ("Світла не буде на вулицях Вишневій, Франка та Озерній.",
     ["вулицях Вишневій", "Франка", "Озерній"]),
    ("Движение перекрыто на улицах Садовой, Гагарина и Луговой.",
     ["улицах Садовой", "Гагарина", "Луговой"]),
])
def test_every_street_of_a_list_after_a_plural_street_word(parser, text, names):
    got = places(parser, text)
    assert {n: got.get(n, "missing") for n in names} == dict.fromkeys(names)


def test_a_list_of_towns_after_a_plural_street_word_stays_towns(parser):
    got = places(parser, "На вулицях Києва, Львова і Харкова лунали сирени.")
    assert got["Львова"][:2] == ("Lviv", "UA") and got["Харкова"][:2] == ("Kharkiv", "UA")


def test_a_village_unknown_to_the_gazetteer_before_its_oblast(parser):
    got = places(parser, "Поліція затримала мешканця села Кривенького Тернопільської області.")
    assert got["Кривенького"] is None
    assert got["Тернопільської області"] == ("Ternopil Oblast", "UA", "admin1")
    # (a name the gazetteer knows elsewhere only: unresolved, in the oblast's rule)
    got = places(parser, "Поліція затримала мешканця села Криничного Тернопільської області.")
    assert got["Криничного"] is None


def test_a_streets_name_runs_over_a_word_that_spells_a_place(parser):
    got = places(parser, "Будинок стоїть на вул. Академіка Павлова, 12.")
    assert got == {"вул. Академіка Павлова": None}


@pytest.mark.parametrize("text", [
    "Дружина Олена розповіла, що чула вибухи.",
    "Ми довго говорили з Марією про війну.",
])
def test_a_given_name_alone_is_no_village(parser, text):
    assert not [v for v in places(parser, text).values() if v]


@pytest.mark.parametrize(("text", "span"), [
    ("Вибух пролунав у Романові на Житомирщині.", "Романові"),
    ("Мешканці села Марія скаржаться на дороги.", "Марія"),
])
def test_a_village_named_like_a_person_after_a_preposition_or_kind_word(parser, text, span):
    assert places(parser, text)[span][1:] == ("UA", "populated_place")


def test_a_list_of_streets_after_a_colon(parser):
    got = places(parser, "Цього року відремонтують дорожнє покриття вулиць: Липова, Озерна, "
                         "В. Стуса і Героїв Праці.")
    assert got == dict.fromkeys(["Липова", "Озерна", "В. Стуса", "Героїв Праці"])
    # a singular kind word before a colon opens no list
    assert "Іван" not in places(parser, "Мешканці вулиці: Іван сказав, що світла нема.")
