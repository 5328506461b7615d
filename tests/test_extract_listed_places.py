"""A strike on several places listed together is an event at each (new-user4 7), in English as
in Ukrainian and Russian. Sentences written for these tests."""

from __future__ import annotations

import pytest

import geomap


@pytest.fixture(scope="module")
def events(gazetteer):
    return lambda text: geomap.extract_events(text, gazetteer=gazetteer)


def _where(ev):
    return [(r.event_type, r.location, bool(r.primary)) for r in ev.itertuples()]


def test_each_town_of_a_list_is_an_event(events):
    ev = events("Drones struck Sumy, Konotop and Shostka before dawn, officials said.")
    got = [(t, loc) for t, loc, _p in _where(ev) if t == "assault"]
    assert [loc for _t, loc in got] == ["Sumy", "Konotop", "Shostka"]
    assert sum(p for _t, _l, p in _where(ev)) == 1  # still one primary event, the first
    assert _where(ev)[0][2]


def test_the_toll_stays_with_the_first_event(events):
    ev = events("Missiles hit Odesa and Izmail on Sunday, killing three people.")
    assault = ev[ev["event_type"] == "assault"]
    assert list(assault["location"]) == ["Odesa", "Izmayil"]
    assert assault["fatalities"].fillna(0).sum() == 3


def test_a_town_and_its_region_or_a_meeting_are_not_a_list(events):
    # "Kupiansk in Kharkiv Oblast" is one place; talks in two capitals are one meeting
    ev = events("Artillery shelled Kupiansk in Kharkiv Oblast overnight.")
    assert [loc for t, loc, _p in _where(ev) if t == "assault"] == ["Kupyansk"]
    ev = events("The two ministers met in Vienna and Geneva last week.")
    assert len(ev[ev["event_type"] == "consult"]) <= 1


def test_a_town_and_its_division_or_a_stretch_between_two_towns_is_one_place(events):
    # "X, Y" without "and" is a town and what holds it; "between X and Y" one stretch
    ev = events("Gunmen shot a trader dead in Konotop, Sumy overnight.")
    assert len(ev[ev["event_type"] == "assault"]) == 1
    ev = events("Troops clashed on the highway between Izium and Balakliia on Friday.")
    assert len(ev[ev["event_type"] == "assault"]) == 1
