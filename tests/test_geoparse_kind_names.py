"""Settlements named after a settlement noun that the gazetteer lacks are unresolved mentions,
not silently dropped (new-user4 3). Sentences written for these tests; "Qq..." names are
invented so that no gazetteer has them."""

from __future__ import annotations

import pytest

from geomap.geoparse import Geoparser
from geomap.geoparse._kind_names import kind_named_spans
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
