"""Events located through the phrases wire copy uses (invented sentences): a demonym before a
place kind ("the Syrian town of X"), a district or suburb of a known city named by an unknown
name, an unknown place placed by its neighbour ("X, east of Y"), plural air strikes, a word
after a dateline, the noun "ship", and the datelines of a multi-story summary."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.events.extract import extract_events
from geomap.sources import Article

#: A headline whose event is the report's main one: the events of the sentence after it are
#: placed by their own phrases (the main event is placed by the whole report's evidence).
HEAD = "Troops clash near Kupiansk\n"


def _events(parser, gazetteer, text):
    art = Article(id="t", text=text, date=dt.date(2024, 5, 14))
    return extract_events(art, parser.parse(text), gazetteer)


def _later(parser, gazetteer, text):
    events = _events(parser, gazetteer, HEAD + text)
    assert events[0].primary and events[0].location.name == "Kupyansk"
    return events[1:]


def _where(events, trigger):
    e = next(e for e in events if e.trigger and e.trigger.lower() == trigger)
    return e.location.name if e.location else None, e.geo_precision


@pytest.mark.parametrize("text, trigger, place", [
    ("Officials said on Monday that jets bombed warehouses in the northern Syrian city of "
     "Aleppo before dawn.", "bombed", "Aleppo"),
    ("Artillery shelled homes in the Ukrainian port of Mariupol at night.", "shelled",
     "Mariupol"),
    ("A drone hit a clinic in the Shevchenkivskyi district of Kharkiv.", "hit", "Kharkiv"),
])
def test_a_place_behind_a_demonym_or_a_district_name(parser, gazetteer, text, trigger, place):
    assert _where(_later(parser, gazetteer, text), trigger)[0] == place


def test_an_unknown_name_placed_by_its_apposition(parser, gazetteer):
    events = _later(parser, gazetteer, "Gunmen raided Qurnat Zibda, west of Homs, and burned "
                    "the market.")
    assert _where(events, "raided") == ("Homs", "near")
    events = _later(parser, gazetteer, "Missiles struck Zarqawiyah, the eastern suburbs of "
                    "Amman, on Sunday.")
    assert _where(events, "struck") == ("Amman", "near")


def test_bank_of_is_no_kind_phrase():
    from geomap.events.extract._locate import _past_unknown
    from geomap.events.extract._tokens import tokens

    text = "the Bank of Kigali"
    assert _past_unknown(tokens(text, 0, len(text)), 1, set()) is None


def test_plural_air_strikes_are_an_event_but_labour_strikes_are_not(parser, gazetteer):
    events = _later(parser, gazetteer, "The air force carried out air strikes on rebel "
                    "positions near Bossangoa.")
    assert [(e.type, e.location.name) for e in events] == [("assault", "Bossangoa")]
    assert not [e for e in _events(parser, gazetteer, "Teachers in Nairobi held more strikes.")
                if e.type == "assault"]


def test_a_trigger_after_a_dateline_is_no_word_of_a_name(parser, gazetteer):
    events = _later(parser, gazetteer, "MOGADISHU - Fighting between troops and militants "
                    "went on in Baidoa.")
    assert _where(events, "fighting")[0] == "Baidoa"


def test_a_ship_is_no_aid_shipment(parser, gazetteer):
    events = _events(parser, gazetteer, "Pirates board ship off Eyl\nThe crew was safe.")
    assert not [e for e in events if e.type == "aid"]


def test_each_dateline_places_the_events_of_its_paragraph(parser, gazetteer):
    text = ("MIDDAY BRIEFING\nKHARKIV - A guided bomb hit a school on Tuesday, wounding four.\n"
            "DNIPRO - Two men were killed when a drone struck a car.\n"
            "ZAPORIZHZHIA - Shelling damaged houses in Orikhiv.")
    events = _events(parser, gazetteer, text)
    assert _where(events, "hit")[0] == "Kharkiv"
    struck = next(e for e in events if e.trigger in ("struck", "killed"))
    assert (struck.location.name, struck.location_evidence) == ("Dnipro", "dateline")
    assert _where(events, "shelling")[0] == "Orikhiv"  # its own place beats the dateline


def test_a_single_dateline_is_where_the_reporter_filed(parser, gazetteer):
    events = _events(parser, gazetteer, "KYIV - Two men were killed when a drone struck a car "
                     "on Tuesday.")
    assert all(e.location_evidence != "dateline" for e in events)


def test_a_title_case_headline_keeps_its_trigger(parser, gazetteer):
    # the verbs of a headline in title case are capitalised like the names around them
    events = _events(parser, gazetteer,
                     "Russian Drones Strike Kherson Market, Killing Four Shoppers")
    assert [(e.type, e.location.name if e.location else None) for e in events[:1]] == [
        ("assault", "Kherson")]
    events = _events(parser, gazetteer, "Army Clashes With Rebels Near Goma as Fighting Spreads")
    assert events and events[0].type == "assault"
    # a capitalised word inside a name in an ordinary sentence is still no trigger
    events = _events(parser, gazetteer, "The Strike Force Command met in Kherson on Monday.")
    assert not any(e.type == "assault" for e in events)


def test_title_case_needs_most_long_words_capitalised():
    from geomap._text import is_title_case

    assert is_title_case(["Russian", "Drones", "Strike", "Kherson", "Market,", "Killing", "Four"])
    assert not is_title_case(["Russian", "drones", "struck", "a", "market", "in", "Kherson",
                              "on", "Monday"])
    assert not is_title_case(["Kyiv", "and", "Kharkiv"])  # too few long words to tell
