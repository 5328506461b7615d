"""Events from Ukrainian and Russian text: dates, triggers, places, counts (sentences written
for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.events.extract import extract_events
from geomap.events.extract._slavic import find_dates_in
from geomap.lang import get_language
from geomap.sources import Article

WEDNESDAY = dt.date(2025, 3, 12)


def events(parser, text, date=WEDNESDAY):
    art = Article(id="t", text=text, date=date)
    return extract_events(art, parser.parse(text), parser.gazetteer)


@pytest.mark.parametrize("code, text, day", [
    ("uk", "У неділю дрони влучили в елеватор.", dt.date(2025, 3, 9)),
    ("uk", "у понеділок увечері", dt.date(2025, 3, 10)),
    ("uk", "У ніч на суботу збито шість дронів.", dt.date(2025, 3, 8)),
    ("uk", "У ніч проти п’ятниці було гучно.", dt.date(2025, 3, 7)),
    ("uk", "Минулої середи тривога лунала годину.", dt.date(2025, 3, 5)),
    ("uk", "У середу ввечері", WEDNESDAY),
    ("ru", "В воскресенье беспилотник атаковал нефтебазу.", dt.date(2025, 3, 9)),
    ("ru", "Во вторник обстрел продолжился.", dt.date(2025, 3, 11)),
    ("ru", "В ночь на субботу сбиты беспилотники.", dt.date(2025, 3, 8)),
    ("ru", "В прошлую среду снаряд попал в дом.", dt.date(2025, 3, 5)),
])
def test_weekdays_date_against_the_article_date(code, text, day):
    (d,) = find_dates_in(text, WEDNESDAY, get_language(code))
    assert (d.date, d.precision, d.explicit) == (day, "day", False)


@pytest.mark.parametrize("code, text", [
    ("uk", "Обмеження діятимуть до неділі."),  # until Sunday: no date of the event
    ("uk", "Неділя була тихою."),
    ("ru", "Ограничения действуют с субботы."),
])
def test_a_weekday_without_its_preposition_dates_nothing(code, text):
    assert find_dates_in(text, WEDNESDAY, get_language(code)) == []


def test_a_weekday_needs_the_article_date():
    assert find_dates_in("У неділю дрони атакували місто.", None, get_language("uk")) == []


def test_a_ukrainian_weekday_dates_the_event_it_opens(parser):
    (ev, *_) = events(parser, "У неділю окупанти обстріляли Ізюм, є поранені.")
    assert ev.type == "assault" and ev.date == dt.date(2025, 3, 9)
    assert ev.date_precision == "day"


@pytest.mark.parametrize("text, place", [
    ("Ракету по Одесі запустили з окупованого Криму, повідомили у Повітряних силах.", "Odesa"),
    ("Шахеди на Київ запускали з Брянської області.", "Kyiv"),
    ("Ракету по Одессе выпустили из Крыма.", "Odesa"),
    ("Авиабомбы на Харьков сбросили ночью.", "Kharkiv"),
])
def test_a_launch_with_a_weapon_is_an_attack_whatever_the_word_order(parser, text, place):
    primary = next(e for e in events(parser, text) if e.primary)
    assert primary.type == "assault"
    assert primary.location is not None and primary.location.name == place


@pytest.mark.parametrize("text", [
    "У Львові запустили нову програму для переселенців.",
    "Двох цивільних випустили з полону в Херсоні.",
    "В Казани запустили новую линию метро.",
])
def test_a_launch_without_a_weapon_is_no_attack(parser, text):
    assert all(e.type != "assault" for e in events(parser, text))


def test_each_clause_keeps_its_own_place_and_actors(parser):
    evs = events(parser, "Окупанти обстріляли Херсон дронами, а у Львові відбувся мітинг.")
    attack = next(e for e in evs if e.type == "assault")
    protest = next(e for e in evs if e.type == "protest")
    assert attack.location.name == "Kherson" and {a.country for a in attack.actors} == {"RU"}
    assert protest.location.name == "Lviv" and not protest.actors
    evs = events(parser, "В Курске прошел митинг, а в Брянской области при обстреле погиб "
                         "мужчина.")
    attack = next(e for e in evs if e.type == "assault")
    assert attack.location.feature == "admin1" and attack.extras["killed"] == 1
    assert next(e for e in evs if e.type == "protest").extras.get("killed") is None


def test_a_clause_without_a_subject_shares_the_previous_ones_for_the_same_action(parser):
    evs = events(parser, "Окупанти обстріляли Херсон, а також атакували Нікополь.")
    # two attacks, each at its own town, both by the occupiers
    assert [(e.type, e.location.name) for e in evs] == [("assault", "Kherson"),
                                                         ("assault", "Nikopol")]
    assert all({a.country for a in e.actors} == {"RU"} for e in evs)


def test_one_clause_gives_one_event_per_type(parser):
    evs = events(parser, "Ворог обстріляв і атакував дронами Херсон.")
    assert [(e.type, e.location.name) for e in evs] == [("assault", "Kherson")]


@pytest.mark.parametrize("text, places", [
    ("Вночі сили ППО збили 12 дронів над Київщиною та Черкащиною.",
     ["Kyiv Oblast", "Cherkasy Oblast"]),
    ("Ночью над Белгородской, Курской и Орловской областями сбиты беспилотники.",
     ["Belgorod Oblast", "Kursk Oblast", "Oryol Oblast"]),
])
def test_a_list_of_places_gives_an_event_at_each(parser, text, places):
    evs = events(parser, text)
    assert sorted(e.location.name for e in evs if e.type == "assault") == sorted(places)


@pytest.mark.parametrize("text, place", [
    ("Подразделения группировки войск освободили населённый пункт Пески.", None),
    ("Російські війська взяли під контроль місто Вугледар.", "Vuhledar"),
    ("Сили оборони звільнили село Кринки.", "Krynky"),
])
def test_a_capture_is_an_attack(parser, text, place):
    evs = events(parser, text)
    assert [e.type for e in evs] == ["assault"]
    if place:
        assert evs[0].location.name == place


@pytest.mark.parametrize("text", [
    "Під час обміну з полону звільнили 90 захисників.",
    "Из плена освободили двух журналистов.",
    "Мешканці міста взяли участь у толоці в Полтаві.",
])
def test_release_and_taking_part_are_no_capture(parser, text):
    assert all(e.type != "assault" for e in events(parser, text))


@pytest.mark.parametrize("text, killed, wounded", [
    ("Військовий загинув під час обстрілу Сум.", 1, None),
    ("Загинув чоловік, ще двоє людей поранені.", 1, 2),
    ("У Харкові поранено дитину та жінку.", None, 2),
    ("В Шебекино погиб человек.", 1, None),
    ("Пять человек погибли в Белгороде.", 5, None),
    ("Погибли люди, сообщил губернатор.", None, None),
    ("Ворог скинув авіабомбу на Костянтинівку, загиблих немає.", None, None),
])
def test_one_victim_named_without_a_number_counts_one(parser, text, killed, wounded):
    ev = next(e for e in events(parser, text) if e.type == "assault")
    assert (ev.extras.get("killed"), ev.extras.get("wounded")) == (killed, wounded)


@pytest.mark.parametrize("text, day", [
    ("Зведення за 07.03.2025: окупанти обстріляли Херсон.", dt.date(2025, 3, 7)),
    ("2025-03-07 В Курске сбит беспилотник.", dt.date(2025, 3, 7)),
    ("Станом на 1.3.2025 ворог атакував Суми і Глухів.", dt.date(2025, 3, 1)),
])
def test_numeric_dates_are_read_day_first(parser, text, day):
    ev = next(e for e in events(parser, text, date=None) if e.type == "assault")
    assert ev.date == day


def test_an_undated_post_is_anchored_by_the_date_it_opens_with(parser):
    text = "11.03.2025\nОбстріл Херсона\n\nУ неділю окупанти обстріляли Херсон."
    evs = events(parser, text, date=None)
    assert evs[-1].date == dt.date(2025, 3, 9)  # the Sunday before Tuesday 11 March
