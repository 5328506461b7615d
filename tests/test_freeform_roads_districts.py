"""Free-form queries naming a district by its town's adjective, a road between two towns, or a
point: query strings written for these tests."""

from __future__ import annotations

import pytest

from geomap.geocoding import geocode_freeform


@pytest.fixture(scope="module")
def geo(gazetteer):
    return lambda q, **kw: geocode_freeform(q, gazetteer, **kw)


@pytest.mark.parametrize(("query", "admin1"), [
    ("Lymanskyi district", "Donetsk Oblast"),      # not Lima: the stem keeps "lyman"
    ("Kramatorskyi raion, Donetsk oblast", "Donetsk Oblast"),
    ("Glushkovsky district", "Kursk Oblast"),
])
def test_a_district_adjective_answers_its_town_or_raion(geo, query, admin1):
    got = geo(query)
    assert got.place is not None and got.place.admin1 == admin1, got
    assert got.precision == "admin2", got


def test_lgov_is_the_town_not_the_district_named_after_it(geo):
    got = geo("Lgov, Kursk region")
    assert got.place.name == "L’gov" and got.precision == "exact", got


@pytest.mark.parametrize(("query", "first", "admin1"), [
    ("the Izium-Balakliia road", "Izium", "Kharkiv Oblast"),
    ("shelling on the highway between Kramatorsk and Druzhkivka", "Kramatorsk",
     "Donetsk Oblast"),
    ("Pokrovske – Mezhova road", "Pokrovske", "Dnipropetrovsk Oblast"),
])
def test_a_road_between_two_towns_is_near_the_first(geo, query, first, admin1):
    got = geo(query)
    assert got.place is not None and got.place.admin1 == admin1, got
    assert got.precision == "near" and got.matched_text == first, got
    assert got.note and "road between" in got.note, got


def test_the_road_town_is_the_namesake_near_the_other_town(geo):
    # Ivanivka alone is the likeliest of many; beside Chasiv Yar, the one 30 km from it
    alone, road = geo("Ivanivka"), geo("the Ivanivka-Chasiv Yar road")
    assert alone.place.admin1 != "Donetsk Oblast", alone
    assert road.place.admin1 == "Donetsk Oblast" and road.precision == "near", road


def test_a_far_namesake_of_one_end_is_not_the_answer(geo):
    # the gazetteer's only Stepove is 450 km from Avdiivka: near Avdiivka, Stepove unresolved
    for q in ("the Stepove-Avdiivka road", "road between Avdiivka and Stepove"):
        got = geo(q)
        assert got.place.admin1 == "Donetsk Oblast" and got.matched_text == "Avdiivka", got
        assert got.unresolved == ("Stepove",) and got.precision == "near", got


def test_a_street_is_no_road_between_towns(geo):
    got = geo("Sadova street, Poltava")
    assert got.note is None and got.place.admin1 == "Poltava Oblast"


@pytest.mark.parametrize("query", ["47.8391, 35.1390", "47°50'21\"N 35°08'20\"E"])
def test_coordinates_answer_their_point(geo, query):
    got = geo(query)
    assert got.match == "coordinates" and got.place.admin1 == "Zaporizhzhia Oblast", got
    assert abs(got.place.lat - 47.839) < 0.001 and abs(got.place.lon - 35.139) < 0.001


def test_the_first_word_of_an_unknown_name_is_a_partial_answer(geo):
    # "Mala" is a town in China; "Mala Qqzzyvka" is no name the gazetteer knows: the answer is
    # said to be partial (the whole name unresolved, confidence halved, not "exact")
    got = geo("Mala Qqzzyvka")
    assert got.matched_text == "Mala" and got.partial, got
    assert got.unresolved == ("Mala Qqzzyvka",) and got.confidence == 0.5, got
    assert got.precision == "near"
    assert geo("the village of Mala Qqzzyvka").unresolved == ("Mala Qqzzyvka",)
    # a known two-word name, a kind word or a kind phrase after the name: whole answers
    for q, name in (("Nova Kakhovka", "Nova Kakhovka"), ("Kabul Province", "Kabul"),
                    ("Donetsk People's Republic", "Donetsk Oblast")):
        got = geo(q)
        assert got.place.name == name and not got.partial and got.confidence >= 0.95, got
    # another part of the query places it: the division, the unknown name unresolved
    got = geo("Mala Qqzzyvka, Sumy Oblast")
    assert got.place.name == "Sumy Oblast" and got.confidence == 1.0, got
    assert "Mala Qqzzyvka" in got.unresolved
