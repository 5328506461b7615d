"""Ukrainian and Russian names the dictionaries and the gazetteer spell apart (issue 12): a
two-word name in Ukrainian the gazetteer spells only in Russian, the adjective of such a name
alone, a Russian town the Ukrainian dictionary lacks. Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (place name, country, admin1, feature) or None}."""
    return {m.name: (m.place.name, m.place.country, m.place.admin1, m.place.feature)
            if m.place else None for m in parser.parse(text)}


@pytest.mark.parametrize(("text", "span", "town"), [
    # the gazetteer spells these towns in Russian only (Новый Оскол); the Ukrainian
    # nominative (новий оскіл) meets it by transliteration
    ("Уночі над Новим Осколом збили два безпілотники.", "Новим Осколом", "Novy Oskol"),
    ("Мешканці Нового Осколу залишилися без світла.", "Нового Осколу", "Novy Oskol"),
    ("Завод у Старому Осколі зупинив роботу після атаки.", "Старому Осколі", "Staryy Oskol"),
])

def test_two_word_name_in_an_oblique_case_is_the_whole_name(parser, text, span, town):
    got = places(parser, text)
    assert got.get(span) is not None, got
    assert got[span][0] == town and got[span][1] == "RU", got



@pytest.mark.parametrize(("text", "word"), [
    ("Уночі над Новим Осколом збили два безпілотники.", "Новим"),
    ("Мешканці Нового Осколу залишилися без світла.", "Нового"),
])

def test_the_adjective_of_a_two_word_name_is_no_town_alone(parser, text, word):
    assert word not in places(parser, text)



@pytest.mark.parametrize("text", [
    "Ворожі дрони знову атакували Льгов уночі.",
    "Уранці в Льгові пролунали вибухи.",
    "Поблизу Льгова збили ракету.",
])

def test_a_russian_town_the_ukrainian_dictionary_lacks_is_found(parser, text):
    got = [v for v in places(parser, text).values() if v is not None]
    assert any(v[1] == "RU" and v[2] == "Kursk Oblast" for v in got), got



def test_a_surname_guess_the_russian_dictionary_does_not_know_stays_a_person(parser):
    # invented surname: no place in either dictionary, so no place is invented for it
    got = places(parser, "Депутат Шмерканов подав у відставку.")
    assert "Шмерканов" not in got or got["Шмерканов"] is None


def test_an_adjective_before_a_capitalised_landmark_word_is_the_landmark(parser):
    # "Замку" agrees with "Старому": one name (a castle), not the village an adjective spells
    got = places(parser, "Фестиваль вина відбувся у Старому Замку минулої суботи.")
    assert "Старому Замку" in got and "Старому" not in got, got


@pytest.mark.parametrize(("text", "span", "town", "country"), [
    # a plural name in an oblique case: looked up by its nominative plural
    ("Уночі дрони атакували підстанцію у Великих Копанях.", "Великих Копанях",
     "Velyki Kopani", "UA"),
    ("Фестиваль у Нових Санжарах перенесли на осінь.", "Нових Санжарах", "Novi Sanzhary",
     "UA"),
    ("В Великих Луках открыли новый мост.", "Великих Луках", "Velikiye Luki", "RU"),
])
def test_a_plural_name_in_an_oblique_case_is_the_whole_name(parser, text, span, town,
                                                             country):
    got = places(parser, text)
    assert got.get(span) is not None, got
    assert got[span][:2] == (town, country), got


@pytest.mark.parametrize(("text", "span"), [
    ("Морпіхи тримали плацдарм біля Кринок кілька місяців.", "Кринок"),
    ("Евакуаційна група виїхала з Кринок уночі.", "Кринок"),
])
def test_a_plural_name_in_the_genitive_plural_is_found(parser, text, span):
    # Кринки (Kherson Oblast) in its genitive plural, whose lemma the dictionary gives as a
    # singular common noun (кринка)
    got = {m.name: m.place for m in parser.parse(text)}
    assert got.get(span) is not None and got[span].name == "Krynky", got
    assert got[span].admin1 == "Kherson Oblast"


def test_transliteration_answers_and_keys_kept_stay_bounded(gazetteer, monkeypatch):
    """A two-word name reached through its transliteration key gives the same place from a
    parser whose memos of transliteration keys and of their answers restart after every
    few keys (sizes 2) as from a fresh one, document after document; the memos stay
    within their sizes."""
    from geomap.gazetteer import core
    from geomap.geoparse import Geoparser
    from geomap.geoparse import _cyrillic_names as names

    texts = ("Біля Нового Осколу та Старого Осколу зранку чули вибухи.",
             "У Новому Осколі відновили подачу води, а в Старому Осколі ні.",
             "Колону бачили між Новим Осколом і Старим Осколом.")
    fresh = [places(Geoparser(gazetteer), t) for t in texts]
    assert all(any(p and p[0] == "Novy Oskol" for p in got.values()) for got in fresh), fresh
    monkeypatch.setattr(names, "TRANSLITS_SIZE", 2)
    monkeypatch.setattr(core, "KEY_CACHE_SIZE", 2)
    gazetteer._tkey_cache.clear()
    used = Geoparser(gazetteer)
    for _ in range(2):
        assert [places(used, t) for t in texts] == fresh
        assert len(used._recogniser._translits) <= 2
        assert len(gazetteer._tkey_cache) <= 2 + 8  # one batch beyond the size at most
    monkeypatch.undo()
    gazetteer._key_cache.clear()
    gazetteer._tkey_cache.clear()


def test_transliteration_answers_kept_are_the_index_answers(gazetteer):
    """Answers of transliteration keys come from the cache the second time, the same rows,
    and a key no name has stays absent."""
    keys = ["novioskol", "starioskol", "nosuchplacekey"]
    first = gazetteer.rows_for_translit_keys(keys)
    assert "novioskol" in first and "nosuchplacekey" not in first
    assert all(k in gazetteer._tkey_cache for k in keys)
    assert gazetteer.rows_for_translit_keys(keys) == first == \
        gazetteer._rows_by_key("tkey", keys)
