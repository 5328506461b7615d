"""Settlements named after a settlement noun that the gazetteer lacks are unresolved mentions,
not silently dropped (new-user4 3). Sentences written for these tests; "Qq..." names are
invented so that no gazetteer has them."""

from __future__ import annotations

import pytest

from geomap.geoparse import Geoparser
from geomap.geoparse._kind_names import feature_named_spans, kind_named_spans
from geomap.lang import get_language


@pytest.fixture(scope="module")
def parse(gazetteer):
    g = Geoparser(gazetteer)
    return lambda text: [(m.name, m.place.name if m.place else None, m.role) for m in
                         g.parse(text)]


def test_a_village_the_gazetteer_lacks_is_an_unresolved_mention(parse):
    got = parse("Drones struck the village of Qqzorivka overnight, officials in Kupiansk said.")
    assert ("Qqzorivka", None, "literal") in got
    assert any(name == "Kupiansk" and place for name, place, _r in got)


def test_every_name_of_a_list_after_the_noun(parse):
    got = parse("Troops pushed into several villages east of the river, including Qqzelene, "
                "Qqzorove and Qqzynivka, according to the statement.")
    assert [n for n, p, _r in got if p is None] == ["Qqzelene", "Qqzorove", "Qqzynivka"]
    got = parse("Hamlets such as Qqzolna and Qqzirka lost power.")
    assert [n for n, p, _r in got if p is None] == ["Qqzolna", "Qqzirka"]


def test_known_places_streets_and_lower_case_words_add_nothing(parse):
    # a known town stays resolved (never a second, unresolved mention); a street's name, a
    # weekday and a lower-case word after the noun are no settlement
    got = parse("The town of Kramatorsk was shelled.")
    assert [(n, p is not None) for n, p, _r in got] == [("Kramatorsk", True)]
    assert parse("Residents of the town of Qqzz Valley Road complained.") == []
    assert parse("The villages of the region lost power on the town of Monday.") == []


def test_only_languages_with_the_word_classes():
    text = "села Qqzorivka"  # Ukrainian marks its names by its own kind words
    assert kind_named_spans(text, get_language("uk"), []) == []
    en = get_language("en")
    assert kind_named_spans("the village of Qqzorivka", en, []) == [(15, 24)]
    assert kind_named_spans("the village of Qqzorivka", en, [(15, 24)]) == []


# -- natural features named before their noun ("the X River") --------------------------------

def test_a_foreign_namesake_inside_a_feature_name_is_unresolved(parse):
    # the gazetteer holds no such river or mountains: the town namesakes of another country
    # (Avon in the US, Nūbā in Palestine, Bozhou in China) are not the place
    for text, feature, other in [
            ("Fishermen on the Avon River near Christchurch, New Zealand, found the body.",
             "Avon River", "Christchurch"),
            ("Rebels retreated into the Nuba Mountains of Sudan.", "Nuba Mountains", "Sudan"),
            ("Flooding along the Po River in Italy closed two bridges.", "Po River", "Italy")]:
        got = parse(text)
        assert (feature, None, "literal") in got, got
        assert not any(p and n in feature and n != feature for n, p, _r in got), got
        assert any(n == other and p for n, p, _r in got)


def test_a_town_of_the_texts_country_and_divisions_stay(parse):
    # a town in the country the text is about names its river; a division holds its river
    got = parse("Kayakers paddled the Naugatuck River through Waterbury, Connecticut.")
    assert ("Naugatuck", "Naugatuck", "literal") in got
    got = parse("Barges moved slowly down the Mississippi River.")
    assert ("Mississippi", "Mississippi", "literal") in got
    # a place named by the whole name, or by more than it
    assert parse("A meat plant in Sioux Falls closed.")[0][:2] == ("Sioux Falls", "Sioux Falls")
    assert parse("Roads in Red River County were closed.")[0][0] == "Red River County"
    # with no other place in the text, nothing speaks against the town: it stays
    assert parse("Two men were found in a boat on the Avon River.")[0][0] == "Avon"


def test_feature_name_spans_leave_out_function_words():
    en = get_language("en")
    text = "From Qqzgrand River we went on. The Qqzstono River rose."
    assert [text[a:b] for a, b in feature_named_spans(text, en)] == [
        "Qqzgrand River", "Qqzstono River"]
    assert feature_named_spans("the river rose", en) == []
    assert feature_named_spans("Qqz River", get_language("uk")) == []


# -- a possessive inside a name ------------------------------------------------------------------

def test_a_possessive_inside_a_name(parse):
    got = parse("The People's Republic of China said it opposed the sanctions.")
    assert got[0][:2] == ("People's Republic of China", "China")  # not Taiwan's "Republic of China"
    got = parse("Voters in Prince George's County, Maryland, went to the polls.")
    assert got[0][:2] == ("Prince George's County", "Prince George's County")
    # a possessive ending a name is still the name's ("Ohio's governor")
    assert parse("Ohio's governor visited Columbus.")[0][:2] == ("Ohio", "Ohio")
