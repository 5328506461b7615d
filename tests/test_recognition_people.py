"""Recognition: people named by a town's name, and countries after a sentence-opening word
(invented sentences)."""

from __future__ import annotations

import pytest


def _names(parser, text):
    return [(m.name, m.place.country if m.place else None) for m in parser.parse(text)]


@pytest.mark.parametrize("text", [
    '"The budget is tight," Kimball said on Monday. Kimball told the board he would resign.',
    "Hardin said the vote was close.",
])
def test_a_small_town_that_speaks_is_a_person(parser, text):
    assert _names(parser, text) == []


@pytest.mark.parametrize("text", [
    "Council members in Kimball said the budget was tight.",
    "The mayor of Hardin said the vote was close.",
    "Hardin is said to be named after a rancher.",
])
def test_a_town_after_a_word_is_no_speaker(parser, text):
    # the residents, the mayor speak: the town stays a place
    assert [cc for _n, cc in _names(parser, text)] == ["US"]


def test_a_capital_speaking_is_metonymy_not_a_person(parser):
    [m] = parser.parse("Warsaw said the border would stay open.")
    assert m.role == "metonymic" and m.place.country == "PL"


@pytest.mark.parametrize("text, country", [
    ("Overnight Russia launched drones at the port.", "RU"),
    ("Separately Poland closed a border crossing.", "PL"),
])
def test_a_country_after_a_sentence_opening_adverb_is_kept(parser, text, country):
    assert (text.split()[1], country) in _names(parser, text)


def test_a_given_name_before_a_town_still_makes_a_person(parser):
    assert _names(parser, "Christopher Columbus sailed west.") == []


def test_title_case_headlines_capitalise_words_not_names(parser):
    # "Near" and "Crackdown" are capitalised because the headline is in title case: no given
    # or family name stands beside the place
    got = dict(_names(parser, "Russian Troops Press Offensive Near Pokrovsk as Talks Stall"))
    assert "Pokrovsk" in got
    got = dict(_names(parser, "Myanmar Crackdown on Protesters Leaves 12 Dead in Mandalay"))
    assert {"Myanmar", "Mandalay"} <= set(got)
    # the same words in an ordinary sentence keep the person rule ("Lee Seong-kweun")
    got = dict(_names(parser, "Lee Seong-kweun spoke in Seoul on Monday."))
    assert "Lee" not in got
