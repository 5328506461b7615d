"""Displacement and launches (invented sentences): people fleeing from X to Y are a movement
with both ends, drawn as a line as troop movements are; an attack launched or fired from X at
Y happened at Y and keeps X as its origin; "Missile hits X" is an attack at X."""

from __future__ import annotations

import datetime as dt

from geomap.events.extract import extract_events, text_events_frame
from geomap.sources import Article


def _events(parser, gazetteer, text):
    art = Article(id="t", text=text, date=dt.date(2024, 5, 14))
    return art, extract_events(art, parser.parse(text), gazetteer)


def _ends(e):
    return (e.type, e.origin and e.origin.name, e.destination and e.destination.name,
            e.location and e.location.name)


def test_people_fleeing_from_one_town_to_another_are_a_movement(parser, gazetteer):
    art, events = _events(parser, gazetteer, "Hundreds of families fled from Bakhmut to "
                          "Kramatorsk on Monday, volunteers said.")
    flight = next(e for e in events if e.type == "retreat")
    assert _ends(flight) == ("retreat", "Bakhmut", "Kramatorsk", "Kramatorsk")
    assert flight.is_movement
    frame = text_events_frame([(art, events)])
    assert "LineString" in set(frame.geometry.geom_type)


def test_displaced_people_moving_are_displacement_not_troops(parser, gazetteer):
    _, events = _events(parser, gazetteer, "Displaced families moved from Mykolaiv to Odesa "
                        "after the shelling.")
    assert any(_ends(e) == ("retreat", "Mykolayiv", "Odesa", "Odesa") for e in events)
    assert not any(e.type == "mobilize" for e in events)


def test_fleeing_a_town_happens_there(parser, gazetteer):
    _, events = _events(parser, gazetteer, "Thousands fled Kupiansk over the weekend.")
    assert [(e.type, e.location.name) for e in events] == [("retreat", "Kupyansk")]


def test_troops_withdrawing_get_no_origin_from_their_country(parser, gazetteer):
    _, events = _events(parser, gazetteer, "Russian troops withdrew to Kherson.")
    assert [_ends(e) for e in events] == [("retreat", None, "Kherson", "Kherson")]


def test_a_launch_from_one_place_at_another(parser, gazetteer):
    _, events = _events(parser, gazetteer, "Militants fired rockets from Gaza at Ashdod, "
                        "wounding three.")
    assert [_ends(e) for e in events] == [("assault", "Gaza", None, "Ashdod")]
    _, events = _events(parser, gazetteer, "Rebels launched a drone at Aden on Friday.")
    assert [(e.type, e.location.name) for e in events] == [("assault", "Aden")]


def test_a_launched_offensive_is_one_event(parser, gazetteer):
    _, events = _events(parser, gazetteer, "Troops launched an offensive near Vuhledar.")
    assert len([e for e in events if e.type == "assault"]) == 1


def test_missile_hits_is_a_located_attack(parser, gazetteer):
    _, events = _events(parser, gazetteer, "Missile hits Kramatorsk station")
    assert [(e.type, e.location.name) for e in events] == [("assault", "Kramatorsk")]
    _, events = _events(parser, gazetteer, "Striker scores two direct hits in Madrid derby")
    assert not [e for e in events if e.type == "assault"]
