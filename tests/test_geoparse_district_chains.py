"""A village named with its district and its division ("X, Pokrovsk district, Donetsk oblast",
"Улянівка Покровського району Донецької області") is the namesake inside the division or
unresolved, as when the division follows it directly; a division written with a capitalised
area word ("Kursk Region", as TASS and UCDP write it) is the division, not its capital.
Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (admin-1 name, country code, feature) or None} of ``text``'s mentions."""
    return {m.name: (m.place.admin1, m.place.country, m.place.feature) if m.place else None
            for m in parser.parse(text)}


@pytest.mark.parametrize("text", [
    "Two houses burned in Ulyanivka, Pokrovsk district, Donetsk oblast, overnight.",
    "Two houses burned in Ulyanivka in the Pokrovsk raion of Donetsk Oblast overnight.",
    "Two houses burned in Ulyanivka, Pokrovsky District, Donetsk Region, overnight.",
])
def test_a_district_between_village_and_oblast_keeps_the_village_out_of_other_oblasts(
        parser, text):
    got = places(parser, text)
    # the gazetteer's only Ulyanivka lies in Kirovohrad Oblast, far from Donetsk oblast
    assert got["Ulyanivka"] is None, got
    assert any(v == ("Donetsk Oblast", "UA", "admin1") for v in got.values()), got


def test_without_the_district_chain_the_village_keeps_its_namesake(parser):
    got = places(parser, "Two houses burned in Ulyanivka overnight, officials said.")
    assert got["Ulyanivka"] is not None and got["Ulyanivka"][1] == "UA", got


def test_a_village_with_a_namesake_in_the_oblast_is_that_one_through_the_district(parser):
    got = places(parser, "A drone hit a barn in Novooleksandrivka, Synelnykove raion, "
                         "Dnipropetrovsk Oblast.")
    assert got["Novooleksandrivka"] == ("Dnipropetrovsk Oblast", "UA", "populated_place"), got


def test_a_lower_case_word_is_no_district_name(parser):
    # "in the south of" is no district: the rule needs a capitalised name before the noun
    got = places(parser, "A tornado hit Springfield, Greene County, Missouri, on Sunday.")
    assert got["Springfield"] == ("Missouri", "US", "populated_place"), got


@pytest.mark.parametrize("text", [
    "Обстріляно село Улянівка Покровського району Донецької області.",
    "Окупанти обстріляли Улянівку, Покровський район, Донецька область.",
    "Обстреляли Ульяновку, Покровский район, Донецкая область.",
])
def test_cyrillic_district_chains(parser, text):
    got = places(parser, text)
    village = next(k for k in got if k.startswith(("Улянів", "Ульянов")))
    assert got[village] is None or got[village][0] == "Donetsk Oblast", got


@pytest.mark.parametrize("text,name", [
    ("Air defences downed two drones over the Kursk Region on Monday.", "Kursk Region"),
    ("A strike on Donetsk Region left three dead.", "Donetsk Region"),
    ("The quake struck Yunnan Province at dawn.", "Yunnan Province"),
])
def test_a_capitalised_region_word_makes_the_division(parser, text, name):
    got = places(parser, text)
    assert got[name] is not None and got[name][2] == "admin1", got


def test_a_capitalised_state_or_area_stays_outside_the_name(parser):
    # "State", "Area", "County" end names of their own (universities, "Bay Area")
    got = places(parser, "She teaches at Ohio State University and lives in Columbus.")
    assert "Ohio State" not in got and got.get("Ohio") is not None, got


def test_a_name_before_a_capitalised_region_word_is_no_persons(parser):
    text = ("Richmond is the capital of Virginia and the heart of the Greater Richmond "
            "Region. Richmond grew along the James River.")
    got = [m for m in parser.parse(text) if m.name == "Richmond"]
    assert len(got) >= 2 and all(m.place is not None and m.place.country == "US" for m in got)
