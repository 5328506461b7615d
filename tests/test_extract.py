"""Events from text: the seed article, the sample articles and the general rules behind them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.events.extract import extract_events, text_events_collection, text_events_frame
from geomap.events.extract._dates import find_dates
from geomap.events.schema import validate_events
from geomap.sources import Article, ArticleReader

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def events_of(article, parser, gazetteer):
    return extract_events(article, parser.parse(article.text), gazetteer)


def article(text: str, date=dt.date(2024, 11, 5), id="t") -> Article:
    return Article(id=id, text=text, date=date)


def countries(ev) -> set:
    return {a.country for a in ev.actors}


def find(events, type_, *, trigger=None, pred=None):
    hits = [e for e in events if e.type == type_ and (trigger is None or trigger in e.trigger)
            and (pred is None or pred(e))]
    assert hits, f"no {type_} event ({trigger}) in {[(e.type, e.trigger) for e in events]}"
    return hits[0]


# -- the seed article ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_events(shared, parser, gazetteer):
    art = next(iter(ArticleReader().read([shared / "seed" / "article.txt"])))
    return events_of(art, parser, gazetteer)


def test_seed_delegation_leaves_north_korea_for_russia(seed_events):
    ev = find(seed_events, "consult", trigger="departed")
    assert ev.origin is not None and ev.origin.country == "KP"
    assert ev.destination is not None and ev.destination.country == "RU"
    assert ev.destination.feature == "country"
    assert ev.date == dt.date(2024, 10, 28)
    assert ev.is_movement
    assert "KP" in countries(ev)


def test_seed_ten_thousand_troops_sent_to_russia(seed_events):
    ev = find(seed_events, "mobilize", pred=lambda e: "10,000" in e.sentence and
              e.trigger == "sent")
    assert countries(ev) == {"KP"}
    assert ev.location is not None and ev.location.country == "RU"
    assert ev.location.feature == "country"


def test_seed_soldiers_heading_for_kursk(seed_events):
    ev = find(seed_events, "mobilize", trigger="heading")
    assert ev.destination is not None and ev.destination.name == "Kursk Oblast"
    assert "KP" in countries(ev)


def test_seed_ukrainian_incursion_in_kursk(seed_events):
    ev = find(seed_events, "assault", trigger="incursion")
    assert countries(ev) == {"UA"}
    assert ev.location is not None and ev.location.name == "Kursk Oblast"


def test_seed_calls_with_eu_and_nato(seed_events):
    ev = find(seed_events, "consult", trigger="call")
    assert ev.date == dt.date(2024, 10, 28)
    names = {a.name for a in ev.actors}
    assert "South Korea" in names and "NATO" in names and "European Union" in names


def test_seed_shells_supplied_to_russia(seed_events):
    ev = find(seed_events, "aid")
    assert "KP" in countries(ev)
    assert ev.destination is not None and ev.destination.country == "RU"
    assert ev.location is not None and ev.location.country == "RU"


def test_seed_statements_are_not_located_in_a_city(seed_events):
    for ev in seed_events:
        if ev.type == "statement":
            assert ev.location is None or ev.location.feature != "populated_place"
    # the Pentagon speaks for the United States; Washington (the dateline) is no event place
    assert any(e.type == "statement" and countries(e) == {"US"} for e in seed_events)
    assert not any(e.location and e.location.name == "Washington" for e in seed_events)


def test_seed_one_primary(seed_events):
    assert sum(e.primary for e in seed_events) == 1


# -- the sample articles ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def samples(parser, gazetteer):
    return {a.id: events_of(a, parser, gazetteer) for a in ArticleReader().read([SAMPLES])}


def test_samples_clash_in_kursk(samples):
    evs = samples["2024-11-05-kyiv-kursk-clash.txt"]
    primary = next(e for e in evs if e.primary)
    assert primary.type == "assault"
    assert primary.location is not None and primary.location.admin1 == "Kursk Oblast"
    assert "UA" in countries(primary)
    struck = find(evs, "assault", trigger="struck")
    assert struck.location is not None and struck.location.name == "Korenevo"


def test_samples_troops_sailed_from_chongjin_to_vladivostok(samples):
    ev = find(samples["2024-10-23-seoul-deployment.txt"], "mobilize", trigger="sailed")
    assert ev.origin.name == "Chongjin" and ev.destination.name == "Vladivostok"
    assert ev.location.name == "Vladivostok"


def test_samples_supplies_and_arrival(samples):
    evs = samples["2024-11-04-brussels-nato-shells.txt"]
    aid = find(evs, "aid", trigger="supplying")
    assert "KP" in countries(aid) and aid.destination.country == "RU"
    arrival = find(evs, "mobilize", trigger="arrival")
    assert "KP" in countries(arrival)
    assert arrival.location is not None and arrival.location.admin1 == "Kursk Oblast"


def test_samples_talks_and_treaty(samples):
    evs = samples["2024-11-01-moscow-choe-lavrov.txt"]
    talks = find(evs, "consult", trigger="talks")
    assert talks.date == dt.date(2024, 11, 1)  # "on Friday", article of Friday 1 November
    assert "KP" in countries(talks)
    signed = find(evs, "agree", trigger="signed")
    assert signed.location.name == "Pyongyang"
    assert (signed.date, signed.date_precision) == (dt.date(2024, 6, 1), "month")


def test_samples_every_primary_event_once(samples):
    for evs in samples.values():
        assert sum(e.primary for e in evs) <= 1


# -- general rules on text the project has not seen ----------------------------------------
def test_village_beats_oblast_and_date(parser, gazetteer):
    evs = events_of(article("Russian forces shelled Berestove, Donetsk Oblast, on Monday, "
                            "officials said.", date=dt.date(2024, 11, 6)), parser, gazetteer)
    ev = find(evs, "assault", trigger="shelled")
    assert ev.primary
    assert ev.location.feature == "populated_place" and ev.location.admin1 == "Donetsk Oblast"
    assert ev.date == dt.date(2024, 11, 4)
    assert countries(ev) == {"RU"}


def test_government_statement_is_not_located(parser, gazetteer):
    evs = events_of(article("Moscow said on Tuesday that the talks had failed."), parser,
                    gazetteer)
    ev = find(evs, "statement")
    assert countries(ev) == {"RU"} and ev.location is None
    assert ev.date == dt.date(2024, 11, 5)


def test_reported_from_elsewhere(parser, gazetteer):
    evs = events_of(article("The Pentagon said Iran has sent drones to Russia."), parser,
                    gazetteer)
    ev = find(evs, "mobilize", trigger="sent")
    assert countries(ev) == {"IR"}
    assert ev.location.country == "RU"
    assert ev.origin.country == "IR"


def test_unlocated_primary_stays_null(parser, gazetteer):
    evs = events_of(article("Troops clashed overnight, the army said."), parser, gazetteer)
    assert all(e.location is None for e in evs)


@pytest.mark.parametrize(("phrase", "expected", "precision"), [
    ("on Oct. 28", dt.date(2024, 10, 28), "day"),
    ("on 28 October 2023", dt.date(2023, 10, 28), "day"),
    ("on Tuesday", dt.date(2024, 11, 5), "day"),
    ("last Tuesday", dt.date(2024, 10, 29), "day"),
    ("yesterday", dt.date(2024, 11, 4), "day"),
    ("last week", dt.date(2024, 10, 28), "week"),
    ("in September", dt.date(2024, 9, 1), "month"),
    ("three days ago", dt.date(2024, 11, 2), "day"),
    ("on Dec. 30", dt.date(2023, 12, 30), "day"),
])
def test_dates(phrase, expected, precision):
    (d,) = find_dates(f"It happened {phrase}.", dt.date(2024, 11, 5))
    assert (d.date, d.precision) == (expected, precision)


def test_hours_after_refers_to_the_last_date():
    ds = find_dates("They left on Oct. 28. It came hours after the report.", dt.date(2024, 11, 5))
    assert [d.date for d in ds] == [dt.date(2024, 10, 28)] * 2


# -- tables and CLI --------------------------------------------------------------------------
def test_frame_is_an_event_table(samples):
    arts = {a.id: a for a in ArticleReader().read([SAMPLES])}
    frame = text_events_frame([(arts[k], v) for k, v in samples.items()])
    assert validate_events(frame) == []
    assert set(frame["dataset"]) == {"text"}
    assert frame["article_id"].notna().all() and frame["span_start"].notna().all()
    collection = text_events_collection([(arts[k], v) for k, v in samples.items()])
    kinds = {f["properties"]["kind"] for f in collection["features"]}
    assert kinds == {"movement", "event"}
    for f in collection["features"]:
        if f["properties"]["kind"] == "movement":
            assert f["geometry"]["type"] == "LineString"
        elif f["properties"]["location"] is None:
            assert f["geometry"] is None


def test_cli_geojson_and_jsonl_order(tmp_path, gazetteer):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in [
        {"id": "b", "text": "Russian troops attacked Pokrovsk on Monday.", "date": "2024-11-06"},
        {"id": "a", "text": "Nothing happened."},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "geomap", "events", "extract", str(src), "-o",
                    str(out)], check=True, capture_output=True, timeout=600)
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["b", "a"]
    (ev,) = [e for e in lines[0]["events"] if e["type"] == "assault"]
    assert ev["location"]["name"] == "Pokrovsk" and ev["date"] == "2024-11-04"
    assert ev["primary"] is True and lines[1]["events"] == []
    gj = tmp_path / "out.geojson"
    subprocess.run([sys.executable, "-m", "geomap", "events", "extract", str(src), "-o",
                    str(gj)], check=True, capture_output=True, timeout=600)
    feats = json.loads(gj.read_text("utf-8"))["features"]
    assert feats[0]["properties"]["dataset"] == "text"
    assert feats[0]["properties"]["article_id"] == "b"


def test_primary_location_of_short_descriptions(parser, gazetteer):
    from geomap.events.extract import primary_location

    text = "Shelling in Ukraine.\n\nnear Starobeshevo town, Donetsk region."
    art = article(text)
    mentions = parser.parse(text)
    place = primary_location(extract_events(art, mentions, gazetteer), mentions)
    assert place is not None and place.feature == "populated_place"
    assert place.admin1 == "Donetsk Oblast"
    # an unlocated primary event stays unlocated: no guess from elsewhere
    text = "Troops clashed overnight, the army said.\n\nReporters were waiting in Kyiv."
    mentions = parser.parse(text)
    evs = extract_events(article(text), mentions, gazetteer)
    assert primary_location(evs, mentions) is None


def test_a_trigger_spelled_noun_after_a_preposition_is_no_event(parser, gazetteer):
    # "by train" is how troops moved, not a training event; the movement keeps its ends
    text = ("Two battalions were moved by train from Khabarovsk to the Belgorod region "
            "last month, an intelligence officer said.")
    evs = events_of(article(text), parser, gazetteer)
    assert not [e for e in evs if e.type == "cooperate"], evs
    (move,) = [e for e in evs if e.type == "mobilize"]
    assert move.origin is not None and move.origin.name == "Khabarovsk"
    assert move.destination is not None and move.destination.feature == "admin1"
    assert move.location == move.destination
    # the verb keeps its sense
    (train,) = events_of(article("NATO instructors will train Moldovan officers in Romania."),
                         parser, gazetteer)
    assert train.type == "cooperate"


def test_a_labour_strike_is_a_protest(parser, gazetteer):
    (ev,) = events_of(article("Port workers went on strike in Rotterdam on Monday."), parser,
                      gazetteer)
    assert ev.type == "protest" and ev.location.name == "Rotterdam"
    (ev,) = events_of(article("A general strike closed shops across Lagos."), parser, gazetteer)
    assert ev.type == "protest"


@pytest.mark.parametrize("text, place", [
    ("A Russian glide bomb hit Sumy on Tuesday.", "Sumy"),
    ("The attack on a warehouse in Kramatorsk killed two guards.", "Kramatorsk"),
    ("Three farmers were killed by shelling in Beryslav.", "Beryslav"),
])
def test_one_action_named_by_a_noun_and_a_verb_is_one_event(parser, gazetteer, text, place):
    evs = events_of(article(text), parser, gazetteer)
    assert len(evs) == 1, evs
    assert evs[0].type == "assault" and evs[0].location.name == place


def test_two_actions_stay_two_events(parser, gazetteer):
    evs = events_of(article("Russian troops shelled Kherson and stormed Toretsk."), parser,
                    gazetteer)
    assert [e.type for e in evs] == ["assault", "assault"]


def test_the_town_a_verb_names_beats_the_division_said_after_it(parser, gazetteer):
    text = ("Ukrainian drones hit a fuel depot in Kursk on Monday. Russian artillery shelled "
            "the town of Kurakhove in Donetsk Oblast, killing two civilians and wounding five.")
    evs = events_of(article(text), parser, gazetteer)
    # the drone strike is the primary event; the shelling, told by three verbs, is one event
    (shelled,) = [e for e in evs if e.type == "assault" and not e.primary]
    assert shelled.location.name == "Kurakhove"
    assert (shelled.extras["killed"], shelled.extras["wounded"]) == (2, 5)
