"""Districts and communities named after their town in romanised Ukrainian and Russian ("the X
hromada", "X-skyi raion", "X-sky district"), a town against the place named by its district
adjective, and one sense per document. Sentences written for these tests."""

from __future__ import annotations

import pytest

from geomap.gazetteer._district_names import towns_before_their_districts
from geomap.lang._district_adjectives import adjective_stem_groups, is_adjective_of


def located(parser, text):
    """[(surface, admin-1 name, country)] of the mentions of ``text`` that have a place."""
    return [(m.name, m.place.admin1, m.place.country) for m in parser.parse(text) if m.place]


@pytest.mark.parametrize(("text", "surface", "admin1", "country"), [
    ("Residents of the Pokrovskyi district were told to leave.", "Pokrovskyi",
     "Donetsk Oblast", "UA"),
    ("Power went out in Bilopilska hromada.", "Bilopilska", "Sumy Oblast", "UA"),
    ("Drones hit the Glushkovsky district overnight.", "Glushkovsky", "Kursk Oblast", "RU"),
    ("A strike hit the Kramatorskyi raion.", "Kramatorskyi", "Donetsk Oblast", "UA"),
    ("Shelling hit Lymanskyi district.", "Lymanskyi", "Donetsk Oblast", "UA"),
])
def test_a_district_adjective_names_its_town(parser, text, surface, admin1, country):
    got = located(parser, text)
    assert (surface, admin1, country) in got, got


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    ("Shelling hit the Izium hromada again.", "Izium", "Kharkiv Oblast"),
    ("Two drones fell in the Sumy raion.", "Sumy", "Sumy Oblast"),
    ("Troops massed near the Vovchansk community.", "Vovchansk", "Kharkiv Oblast"),
])
def test_the_town_before_a_division_noun_is_no_thing_named_after_it(parser, text, surface,
                                                                    admin1):
    assert (surface, admin1, "UA") in located(parser, text)


def test_the_raion_itself_when_the_gazetteer_has_it(parser):
    [m] = [m for m in parser.parse("Residents of Izyumskyi raion were told to leave.")
           if m.place]
    assert m.place.feature == "admin2" and m.place.admin1 == "Kharkiv Oblast", m


def test_a_short_stem_does_not_make_a_far_town():
    # "kup|ianskyi" would give "kupa", a far namesake: the stem keeping "kupian" comes first
    groups = adjective_stem_groups("lymanskyi")
    assert "lyman" in groups[0] and "lyma" not in groups[0]
    assert adjective_stem_groups("bridge") == []


def test_adjective_of_town():
    assert is_adjective_of("rylskiy", "rylsk")
    assert is_adjective_of("sumskyi", "sumy")
    assert not is_adjective_of("sumy", "sumy")
    assert not is_adjective_of("kherson", "kher")


def _row(pid, name, lat, lon, pop, *, feature="populated_place", country="RU"):
    # (id, key, name, feature, lat, lon, geonameid, country, a1 code, a1, pop, disputed,
    #  de facto, capital, n_names)
    return (pid, f"t:{pid}", name, feature, lat, lon, pid, country, "X.1", "X", pop, 0, None,
            0, 1)


def test_the_town_ranks_above_the_place_named_by_its_district_adjective():
    town = _row(1, "Ozersk", 55.0, 40.0, 0)
    district = _row(2, "Ozerskiy", 55.05, 40.1, 30_000)
    far = _row(3, "Ozerskiy", 45.0, 30.0, 30_000)
    scores = towns_before_their_districts([("name", town), ("alt", district), ("alt", far)],
                                          [1.0, 3.0, 3.0])
    assert scores[1] < scores[0]  # the district's place, close by, goes below its town
    assert scores[2] == 3.0  # a place far away is another place


def test_lgov_is_the_town(parser):
    [m] = located(parser, "Air defence units guarded L'gov, a town on the Seym river.")
    assert m[1:] == ("Kursk Oblast", "RU")
    [town] = [x.place for x in parser.parse("Air defence units guarded Lgov overnight.")]
    assert town.name == "L’gov", town


def test_one_sense_per_document(parser):
    text = ("Police in Ternopil and Lviv reported nothing. Artillery shelled Zolochiv, Kharkiv "
            "oblast, at night. Zolochiv had no power by noon, an official in Lviv said.")
    got = [m.place.admin1 for m in parser.parse(text) if m.name == "Zolochiv"]
    assert got == ["Kharkiv Oblast", "Kharkiv Oblast"], got


def test_two_namesakes_qualified_apart_stay_apart(parser):
    text = ("Zolochiv in Lviv oblast held a fair, while Zolochiv in Kharkiv oblast was "
            "shelled.")
    got = [m.place.admin1 for m in parser.parse(text) if m.name == "Zolochiv"]
    assert got == ["Lviv Oblast", "Kharkiv Oblast"], got


def test_a_city_district_by_its_adjective_is_not_another_citys(parser):
    # Kyiv has a Dniprovskyi district too: the one of the town the sentence names, or none
    ms = parser.parse("A missile hit the Dniprovskyi district of Zaporizhzhia at night.")
    [d] = [m for m in ms if m.name == "Dniprovskyi"]
    assert d.place is None or d.place.admin1 == "Zaporizhzhia Oblast", d.place


def test_a_namesake_named_in_passing_does_not_recast_the_documents_town(parser):
    text = ("Kingston is a city in Ulster County, New York. Kingston was the state's first "
            "capital. Visitors sometimes confuse it with Kingston, Ontario. Kingston holds a "
            "fair each summer.")
    got = [m.place.admin1 for m in parser.parse(text) if m.name == "Kingston"]
    assert got.count("New York") == 3 and got[2] == "Ontario", got
