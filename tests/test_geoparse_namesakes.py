"""A name's namesakes: a capital city beats a division elsewhere bearing its name unless the
division is named as such. Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (admin-1 name, country code) or None} of the mentions of ``text``."""
    return {m.name: (m.place.admin1, m.place.country) if m.place else None
            for m in parser.parse(text)}


@pytest.mark.parametrize("text", [
    "The summit ended in Paris. In Washington, officials said Canada and Mexico had agreed, "
    "and the United States would host the next round in London.",
    "In Washington, the State Department said the United States, Japan and Germany would act "
    "together.",
])
def test_washington_in_world_news_is_the_capital(parser, text):
    ms = [m for m in parser.parse(text) if m.name == "Washington"]
    assert ms and ms[0].place.feature == "populated_place", ms
    assert ms[0].place.admin1_code == "US.DC", ms


def test_the_state_of_washington_named_as_such_stays_the_state(parser):
    text = ("Wildfires near Spokane, Washington, forced evacuations. In Washington state, the "
            "governor declared an emergency.")
    got = [(m.name, m.place.feature) for m in parser.parse(text) if "Washington" in m.name]
    assert got == [("Washington", "admin1"), ("Washington state", "admin1")], got



@pytest.mark.parametrize("where", ["the state of Washington", "Washington state"])
def test_the_state_of_washington_is_the_state(parser, where):
    text = ("Canada said the herd came from a farm in Alberta. The United States traced the "
            f"animal to a ranch in {where}.")
    got = [m.place.feature for m in parser.parse(text) if "Washington" in m.name]
    assert got == ["admin1"], got


def test_a_city_named_like_its_own_division_beats_a_division_abroad(parser):
    # Gaza City and the Gaza Strip against Gaza Province, Mozambique: alone, "Gaza" is the
    # first pair; named as a province, or beside Mozambique's places, it is Mozambique's
    for text in ("Peace in Gaza, now.", "Thousands marched for Gaza on Saturday.",
                 "A ceasefire in the Gaza war held overnight."):
        assert places(parser, text)["Gaza"][1] == "PS", text
    assert places(parser, "Floods in Gaza province displaced thousands in Mozambique.")[
        "Gaza province"][1] == "MZ"
    assert places(parser, "Maputo and Gaza were flooded.")["Gaza"][1] == "MZ"


def test_a_thing_named_after_a_town_is_still_no_place(parser):
    # "the Reading festival": no division of England is named Reading
    assert places(parser, "Fans camped for days at the Reading festival grounds.") == {}
