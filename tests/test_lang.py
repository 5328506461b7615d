"""The per-language layer: the registry, detection and the English record's word lists."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.events.extract._dates import find_dates
from geomap.events.extract._lexicon import lemma_of
from geomap.geoparse._rules import rules_for
from geomap.lang import Language, detect_language, get_language
from geomap.lang.en import ENGLISH


def test_registry_returns_english_and_rejects_unknown_codes():
    assert get_language("en") is ENGLISH
    assert get_language("EN") is ENGLISH
    with pytest.raises(ValueError, match="unknown language"):
        get_language("xx")


@pytest.mark.parametrize(("text", "code"), [
    ("Troops shelled the outskirts of Kharkiv overnight, officials said.", "en"),
    ("Окупанти обстрілювали Херсон. На Харківщині ворог завдав удару по Куп'янську.", "uk"),
    ("Вчера вечером в Белгороде прозвучали взрывы, сообщил губернатор.", "ru"),
    ("", "en"),
    ("Херсон", "ru"),  # no letter of either language alone: Russian's dictionary is the wider
    # an English report quoting one Cyrillic name is English
    ("Residents of Bakhmut (Бахмут) fled west as shelling intensified, the mayor said.", "en"),
])
def test_detect_language_by_script_and_letters(text, code):
    assert detect_language(text) == code


def test_english_record_drives_the_extractor_and_geoparser_patterns():
    assert ENGLISH.prepositions["origin"] == frozenset({"from"})
    assert "near" in ENGLISH.vicinity
    assert ENGLISH.place_kinds["oblast"] == "admin1"
    assert ENGLISH.lemmas("shelled")[:2] == ["shelled", "shell"]
    lemma, entry = lemma_of("shelled")
    assert (lemma, entry.type) == ("shell", "assault")
    rules = rules_for(ENGLISH)
    assert rules.title_before.search("Defense Secretary Lloyd ")
    assert rules.metonymy_after.match(" has already warned")
    assert not rules.metonymy_after.match(" is a city")


def test_relative_days_come_from_the_language_record():
    anchor = dt.date(2024, 11, 6)  # a Wednesday
    got = {(d.date, d.precision) for d in find_dates(
        "Yesterday and last week, and earlier this month.", anchor)}
    assert got == {(dt.date(2024, 11, 5), "day"), (dt.date(2024, 10, 28), "week"),
                   (dt.date(2024, 11, 1), "month")}
    assert find_dates("last month", dt.date(2024, 1, 15))[0].date == dt.date(2023, 12, 1)


def test_a_language_with_few_lists_still_compiles():
    bare = Language(code="xx", name="Test")
    rules = rules_for(bare)
    assert rules.token.findall("Somewhere in Nowhere") == ["Somewhere", "Nowhere"]
    assert not rules.metonymy_after.match(" said")
    assert bare.lemmas("Word") == ["word"]
