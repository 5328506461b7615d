"""Evidence that must not send a town abroad: a nationality naming who acted, another place's
spelling of a name the gazetteer lacks. Sentences written for these tests."""

from __future__ import annotations


def where(parser, text, name):
    """(place name, admin-1, country) of the first mention of ``name``, None if unresolved."""
    for m in parser.parse(text):
        if m.name == name:
            return (m.place.name, m.place.admin1, m.place.country) if m.place else None
    raise AssertionError(f"{name} not found in {text!r}")


def test_a_nationality_naming_who_acted_does_not_move_the_town(parser):
    # Pokrovsk is a town in Donetsk Oblast and a smaller one in Yakutia: "Russian" says who
    # dropped the bomb, not where it fell
    for text in ("A Russian glide bomb struck Pokrovsk before dawn, the mayor said.",
                 "Russian drones hit Pokrovsk again on Friday."):
        assert where(parser, text, "Pokrovsk")[2] == "UA", text
    # a nationality describing the place does say where
    text = "Fog closed the airport of the Russian town of Pokrovsk on Friday."
    assert where(parser, text, "Pokrovsk")[2] == "RU"


def test_another_places_spelling_in_an_unnamed_country_is_unresolved(parser):
    # the Russian border station Khasan is not in the gazetteer; "Khasan" spells Hassan, India
    text = ("Officials in Seoul said North Korean shells reached Russia by rail through Khasan "
            "last week.")
    assert where(parser, text, "Khasan") is None
    # a world city's other name stays the city ("Kiev" named from Poland)
    text = "Poland said the convoy left Warsaw for Kiev on Monday."
    assert where(parser, text, "Kiev")[2] == "UA"
