"""Ukrainian and Russian words that are no foreign places, and names the gazetteer spells
otherwise (ё, short country names, abbreviations). Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (place name, country) or None} of the mentions of ``text``."""
    return {m.name: (m.place.name, m.place.country) if m.place else None
            for m in parser.parse(text)}


@pytest.mark.parametrize("text", [
    "Сили оборони відбили атаку біля села.",
    "Українські Сили оборони знищили два склади.",
    "Вчора Сили спеціальних операцій провели рейд.",
])
def test_an_inflected_common_noun_spells_no_foreign_country(parser, text):
    # "Сили" (forces) folds to "sili", an alternate Latin name of Chile
    assert all(v is None or v[1] != "CL" for v in places(parser, text).values())


def test_a_cyrillic_acronym_is_no_latin_state_abbreviation(parser):
    got = places(parser, "Директор КП «Міськсвітло» та голова АР повідомили, що УТ-1 "
                         "покаже звіт.")
    assert all(v is None or v[1] not in ("US", "PK") for v in got.values())
    # a country's abbreviation the language defines still names it
    got = places(parser, "Делегація ПАР прибула до Києва.")
    assert got["ПАР"] == ("South Africa", "ZA")


def test_proper_nouns_that_also_read_as_common_nouns_stay_places(parser):
    got = places(parser, "Він навчався у Кракові, а потім переїхав до Риму й Палестини.")
    assert got["Кракові"][1] == "PL"
    assert got["Риму"][1] == "IT"
    assert got["Палестини"][1] == "PS"
    # "Рима" is Rome's genitive, not "Rima" (an alternate name of Lima)
    assert places(parser, "Делегація прибула до Рима.")["Рима"] == ("Rome", "IT")
    assert places(parser, "Делегация вернулась из Рима.")["Рима"] == ("Rome", "IT")


def test_short_country_names(parser):
    got = places(parser, "Делегации Китая, Гаити и Северной Кореи прибыли в Ливан.")
    assert got["Китая"] == ("China", "CN")
    assert got["Гаити"] == ("Haiti", "HT")
    assert got["Северной Кореи"] == ("North Korea", "KP")
    assert got["Ливан"] == ("Lebanon", "LB")
    got = places(parser, "Уряд Китаю направив ноту до Північної Кореї.")
    assert got["Китаю"] == ("China", "CN")
    assert got["Північної Кореї"] == ("North Korea", "KP")


def test_yo_written_or_not(parser):
    # Bakhmut's Soviet name, written with ё: the gazetteer spells it with е
    got = places(parser, "Подразделения продвинулись к Артёмовску.")
    assert got["Артёмовску"][:1] == ("Bakhmut",)
    got = places(parser, "Космонавты вернулись в Королёв.")
    assert got["Королёв"] == ("Korolev", "RU")


def test_a_front_sector_named_by_a_towns_adjective_is_the_town(parser):
    got = places(parser, "Ворог атакував на Покровському напрямку, а на Сватівському "
                         "напрямку було тихо.")
    assert got["Покровському напрямку"][0] == "Pokrovsk"
    assert got["Сватівському напрямку"][0] == "Svatove"
    # several adjectives sharing one plural noun: each is its own town ("курахівський" is
    # Kurakhove, the town, not the village Kurakhivka)
    got = places(parser, "Бої тривають на Покровському та Курахівському напрямках.")
    assert got["Покровському"][0] == "Pokrovsk"
    assert got["Курахівському напрямках"][0] == "Kurakhove"
    got = places(parser, "Ожесточенные бои идут на Купянском и Бахмутском направлениях.")
    assert got["Купянском"][0] == "Kupyansk"
    assert got["Бахмутском направлениях"][0] == "Bakhmut"
    # a compass direction names no town
    assert places(parser, "На Південному напрямку було тихо.") == {}


def test_a_village_before_its_district_adjective(parser):
    # the district's adjective is no adjectival surname after a given name
    got = places(parser, "Беспилотник атаковал грузовик в селе Головчино Грайворонского "
                         "округа.")
    assert got["Головчино"] == ("Golovchino", "RU")
    assert "селе Головчино Грайворонского" not in got


def test_divisions_listed_with_a_repeated_preposition(parser):
    got = places(parser, "Снігопади очікуються у Вінницькій та в Черкаській областях.")
    assert got["Вінницькій"] == ("Vinnytsia Oblast", "UA")
    assert got["Черкаській областях"] == ("Cherkasy Oblast", "UA")


def test_a_given_name_before_an_unknown_surname(parser):
    # "Володимир" is also the town Volodymyr; before a surname the dictionary lacks, a name
    got = places(parser, "Засновником фірми став Володимир Пелюшкевич із Рівного.")
    assert "Володимир" not in got
    assert got["Рівного"] == ("Rivne", "UA")


def test_soviet_names_in_a_ministry_report(parser):
    # the ministry's country is part of its name, not the place the report is about; the
    # Soviet names of Pokrovsk and Toretsk then go to the Donetsk towns, as the places named
    # together suggest
    got = places(parser, "Минобороны России заявило об успехах у Красноармейска и "
                         "Дзержинска.")
    assert "России" not in got
    assert got["Красноармейска"] == ("Pokrovsk", "UA")
    assert got["Дзержинска"] == ("Toretsk", "UA")


def test_division_adjectives_listed_after_a_colon(parser):
    got = places(parser, "Повітряна тривога триває в областях: Волинській, Рівненській і "
                         "Житомирській.")
    assert got["Волинській"] == ("Volyn Oblast", "UA")
    assert got["Рівненській"] == ("Rivne Oblast", "UA")
    assert got["Житомирській"] == ("Zhytomyr Oblast", "UA")
    got = places(parser, "Отключения прошли в трех областях России: Курской, Орловской и "
                         "Брянской.")
    assert got["Орловской"] == ("Oryol Oblast", "RU")
    assert got["Брянской"] == ("Bryansk Oblast", "RU")
    # a list of towns after a colon is no list of divisions
    got = places(parser, "Гості приїхали з міст: Житомира, Рівного.")
    assert got["Рівного"] == ("Rivne", "UA")


def test_a_sentence_after_an_ellipsis(parser):
    # "У" opening a sentence after "…" is a preposition, not a name before the town
    got = places(parser, "Ми довго їхали морем… У Ялті нас зустріли друзі. Ялта була "
                         "спокійна.")
    assert got.get("Ялті") == ("Yalta", "UA")
    assert got.get("Ялта") == ("Yalta", "UA")


def test_a_letter_without_a_unicode_name_does_not_crash(parser):
    # pymorphy3 looks up the Unicode name of every letter of a non-Cyrillic word; U+17842
    # has none in Python 3.11's table: the word has no readings, the text still parses
    from geomap.lang import get_language
    assert get_language("uk").lemmas("\U00017842") == ["\U00017842"]
    got = places(parser, "Новини з Києва: \U00017842Б сьогодні.")
    assert got["Києва"] == ("Kyiv", "UA")
