"""Organisations and weapon systems whose names GeoNames also lists for a place (mostly as an
alternate name) are no place mentions. Sentences written for these tests."""

from __future__ import annotations


def names(parser, text):
    return {m.name: m.place.country if m.place else None for m in parser.parse(text)}


def test_weapon_systems_are_no_places(parser):
    got = names(parser, "Russia fired Iskander and Kinzhal missiles and Geran "
                        "drones at Dnipro overnight; a Pantsir battery and a Tor launcher "
                        "were hit.")
    assert set(got) == {"Russia", "Dnipro"}


def test_armed_groups_named_by_their_own_word_are_no_places(parser):
    got = names(parser, "Hamas and Wagner fighters were mentioned in the report from Cairo.")
    assert set(got) == {"Cairo"}
    # an organisation standing for a country is still that country's name
    got = names(parser, "The U.S. and NATO allies met in Brussels.")
    assert got.get("U.S.") == "US"


def test_a_town_sharing_a_weapons_name_in_another_sense_stays(parser):
    # "Neptune" is also a township in New Jersey: not on the list
    got = names(parser, "Police in Neptune, New Jersey, closed the boardwalk.")
    assert got.get("Neptune") == "US"


def test_international_organisations_are_no_places(parser):
    # GeoNames has a Red Cross in North Carolina: an organisation of no country is no place
    got = names(parser, "The Red Cross said 40 people were killed in Bangui since Friday.")
    assert set(got) == {"Bangui"}
    got = names(parser, "Dozens killed in Bangui since Friday: Red Cross")  # a headline's source
    assert set(got) == {"Bangui"}


def test_compass_abbreviations_before_a_place_are_no_places(parser):
    # "NE" is also Nebraska's abbreviation, "SW" and "NW" spell towns and states elsewhere
    got = names(parser, "Gunmen attacked a market in NE Nigeria and an army post in SW Niger.")
    assert set(got) == {"Nigeria", "Niger"}
    # an abbreviation standing alone is still read ("Omaha, NE")
    got = names(parser, "The plant in Omaha, NE, closed in May.")
    assert got.get("NE") == "US"


def test_a_word_opening_a_sentence_spells_no_small_place_by_another_name(parser):
    # "Artillery" is an alternate spelling of Artillerie, New Caledonia
    got = names(parser, "Artillery pounded the eastern districts of Aleppo overnight.")
    assert set(got) == {"Aleppo"}


def test_news_agency_names_of_the_central_african_republic(parser):
    # agency headline styles; "C.A.R" without its last dot is no California ("C.A.")
    for text, name in [("UN troops deployed to C.African Republic town", "C.African Republic"),
                       ("Eleven dead in C. Africa clashes: Red Cross", "C. Africa"),
                       ("Rebels seize town in CAfrica, army says", "CAfrica"),
                       ("Fighting in the CAR town of Bria killed 12 on Monday.", "CAR"),
                       ("Peacekeepers in the C.A.R. came under fire.", "C.A.R.")]:
        got = names(parser, text)
        assert got.get(name) == "CF", (text, got)
    assert "US" not in names(parser, "Nine hurt in C.A.R clashes, the ministry said.").values()
    # a car in a headline in capitals is a car; a missing space after "D.C." keeps D.C.
    assert names(parser, "CAR BOMB KILLS FIVE IN KABUL") == {"KABUL": "AF"}
    assert names(parser, "He rode a bike to D.C.Strangers talked to him.").get("D.C.") == "US"
