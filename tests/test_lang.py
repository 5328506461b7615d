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


def test_texts_in_other_languages_are_noted_not_silently_read_as_english():
    from geomap.lang import detect, language_fields

    for text in ("Les troupes ont quitté la ville et se sont repliées vers le sud, a dit "
                 "le ministre.",
                 "Las tropas abandonaron la ciudad y se retiraron hacia el sur, según el "
                 "ministerio.",
                 "Die Truppen haben die Stadt verlassen und sich nach Süden zurückgezogen, "
                 "sagte das Ministerium."):
        d = detect(text)
        assert d.code == "en" and "English rules" in d.note, text
    # English, with or without hashtags and links, and a short caption: no note
    for text in ("Troops left the city and fell back to the south, the ministry said.",
                 "RT @someone: Floods in #Porto Alegre http://t.co/abc de la nuit",
                 "Le Monde"):
        assert detect(text).note is None, text
    assert detect("Войскі правялі вучэнні ля мяжы, паведаміў ўрад.").note.startswith(
        "Belarusian")
    assert "Bulgarian" in detect("Властите съобщиха, че във Варна е имало силен вятър.").note
    assert detect("Войска провели учения у границы, сообщило министерство.").note is None
    assert language_fields("Les troupes ont quitté la ville et le port de la région.") == {
        "language": "en", "language_note": detect(
            "Les troupes ont quitté la ville et le port de la région.").note}
    assert language_fields("Les troupes ont quitté la ville.", "uk") == {"language": "uk"}
