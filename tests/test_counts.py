"""Casualty counts read from text events' sentences (invented sentences), and the join's use
of them against records' fatalities."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from geomap.events.extract import extract_events, text_events_frame
from geomap.events.extract._counts import Casualties, find_casualties
from geomap.events.schema import events_from_records
from geomap.join import join_events
from geomap.join._evidence import death_score
from geomap.lang import get_language
from geomap.sources import Article

EN = get_language("en")


@pytest.mark.parametrize("sentence, killed, wounded", [
    ("Four farmers were killed by a mine outside Brindleford on Sunday.", 4, None),
    ("Rocket fire killed 17 people and wounded 40 in the port, officials said.", 17, 40),
    ("Shelling of the market killing eleven shoppers drew condemnation.", 11, None),
    ("A pensioner was killed and two neighbours were injured when a drone fell.", 1, 2),
    ("Two drones struck the depot, killing three workers.", 3, None),
    ("Three soldiers and a medic died in the ambush.", 4, None),
    ("At least twenty-two people are dead after the blast.", 22, None),
    ("The death toll from the flooding of the dam rose to 31 by Friday.", 31, None),
    ("One guard killed, one hurt in overnight raid on checkpoint.", 1, 1),
    ("A 9-year-old boy was wounded by shrapnel.", None, 1),
    ("Fighting that began in 2019 has left 2,400 dead.", 2400, None),
])
def test_counts_of_killed_and_wounded(sentence, killed, wounded):
    c = find_casualties(sentence, EN)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize("sentence", [
    "Several villagers died in the storm of shellfire.",  # vague
    "Troops advanced 12 km in 24 hours and killed the radio mast's power.",
    "Two convoys drove through the town at dawn.",
    "A car bomb exploded near the base; nobody was hurt.",
    "In 2021 the ceasefire held for 40 days.",
])
def test_no_count_where_none_is_said(sentence):
    assert not find_casualties(sentence, EN)


def test_civilians_and_lower_bounds():
    c = find_casualties("At least 6 civilians were killed in the shelling.", EN)
    assert c == Casualties(killed=6, civilians_killed=6, approximate=True)
    c = find_casualties("Five soldiers killed near the river.", EN)
    assert c.civilians_killed is None and not c.approximate


@pytest.mark.parametrize("sentence, killed, wounded", [
    ("The raid on the convoy killed at least 9 drivers and wounded 14.", 9, 14),
    ("Gunmen killed no fewer than 30 villagers at the market.", 30, None),
    ("A blast at the depot has killed at least 6 people, including 2 firefighters.", 6, None),
])
def test_lower_bounds_before_the_victims_of_a_verb(sentence, killed, wounded):
    c = find_casualties(sentence, EN)
    assert (c.killed, c.wounded, c.approximate) == (killed, wounded, True)


def test_a_number_after_at_is_no_count_of_the_verb():
    assert not find_casualties("Troops were killing time in at least 3 villages.", EN)


def _events(parser, gazetteer, text, day=dt.date(2024, 3, 6)):
    art = Article(id="t", text=text, date=day)
    return extract_events(art, parser.parse(text), gazetteer)


def test_one_ambush_with_its_dead_and_wounded_is_one_event(parser, gazetteer):
    """Death and injury verbs tell what the ambush did: one event, the toll once."""
    events = _events(parser, gazetteer, "Three guards were killed and five injured in an "
                     "ambush near Mopti on Tuesday.")
    assault = [e for e in events if e.type == "assault"]
    assert len(assault) == 1
    assert (assault[0].extras["killed"], assault[0].extras["wounded"]) == (3, 5)
    assert assault[0].location is not None and assault[0].location.name == "Mopti"


def test_a_toll_is_not_given_to_another_action_of_the_sentence(parser, gazetteer):
    events = _events(parser, gazetteer, "Militia shelling kills 8 in Kharkiv as fighting "
                     "spreads to Zaporizhzhia Oblast.")
    tolls = {e.trigger.lower(): e.extras.get("killed") for e in events}
    assert tolls.get("kills") == 8 and tolls.get("fighting") is None


def test_two_places_hit_keep_their_own_tolls(parser, gazetteer):
    events = _events(parser, gazetteer, "Artillery killed four people in Kherson and a "
                     "drone wounded two in Nikopol.")
    got = {(e.location.name if e.location else None, e.extras.get("killed"),
            e.extras.get("wounded")) for e in events}
    assert ("Kherson", 4, None) in got and ("Nikopol", None, 2) in got


def test_a_toll_repeated_by_the_lead_is_counted_once(parser, gazetteer):
    """Headline and lead report one toll: summing the article's events gives it once."""
    text = ("Drone attack kills 7 in Kramatorsk\nA drone attack hit a bus station in "
            "Kramatorsk on Monday, killing 7 civilians, the governor said.")
    events = _events(parser, gazetteer, text)
    assert sum(e.extras.get("killed") or 0 for e in events) == 7
    assert max(e.extras.get("civilians_killed") or 0 for e in events) == 7


def test_the_same_number_in_another_place_is_another_toll(parser, gazetteer):
    text = ("Shelling killed 3 people in Kherson on Monday. On Tuesday a missile strike "
            "killed 3 people in Odesa.")
    events = _events(parser, gazetteer, text)
    assert sum(e.extras.get("killed") or 0 for e in events) == 6


def test_a_sentence_with_several_counts_keeps_the_largest_toll():
    c = find_casualties("Two killed on Monday; the toll now stands at 9.", EN)
    assert c.killed == 9


def test_text_events_carry_fatalities(gazetteer):
    from geomap.geoparse import Geoparser

    text = "Shelling killed three civilians and wounded five in Kharkiv on Tuesday."
    art = Article(id="t1", text=text, date=dt.date(2024, 3, 6))
    events = extract_events(art, Geoparser(gazetteer).parse(text), gazetteer)
    frame = text_events_frame([(art, events)])
    assert (frame["fatalities"] == 3).any()
    assert (frame["wounded"] == 5).any()


def test_death_score_prefers_the_same_count():
    t = np.array([3.0, 3.0, 3.0, 3.0, np.nan])
    r = np.array([3.0, 2.0, 5.0, 40.0, 7.0])
    s = death_score(t, r)
    assert s[0] == 1.0 and s[4] == 1.0  # same count; a count not given is no evidence
    assert s[0] > s[1] > s[3] and s[0] > s[2] > s[3]


def test_the_record_with_the_reported_toll_ranks_first():
    # three records on one day at one point, same type: only the toll tells them apart
    recs = events_from_records([
        {"event_id": i, "dataset": "test", "lat": 49.0, "lon": 36.2, "date": "2024-03-05",
         "date_precision": "day", "geo_precision": "exact", "event_type": "assault",
         "fatalities": n} for i, n in (("one", 1), ("three", 3), ("eight", 8))])
    arts = events_from_records([
        {"event_id": "a#0", "dataset": "text", "lat": 49.0, "lon": 36.2,
         "date": "2024-03-05", "date_precision": "day", "geo_precision": "exact",
         "article_id": "a", "event_index": 0, "event_type": "assault",
         "article_date": "2024-03-06", "fatalities": n} for n in (3,)])
    links = join_events(recs, arts, top=3, min_score=0, ratio=0).links
    assert links["record_id"].tolist()[0] == "three"
    assert links["deaths_score"].tolist()[0] == 1.0
    # without a count, the three are equal on the evidence
    arts["fatalities"] = None
    links = join_events(recs, arts, top=3, min_score=0, ratio=0).links
    assert links["score"].nunique() == 1


UK = get_language("uk")
RU = get_language("ru")


@pytest.mark.parametrize("lang, sentence, killed, wounded", [
    (UK, "Внаслідок обстрілу Херсона загинули двоє людей, ще п'ятеро поранені.", 2, 5),
    (UK, "Троє цивільних загинули, четверо дістали поранення.", 3, 4),
    (UK, "Поранено щонайменше 12 мешканців села.", None, 12),
    (UK, "Загинули 3 військовослужбовці, одного бійця госпіталізували.", 3, 1),
    (UK, "Обстріл тривав 5 годин, загинула одна людина.", 1, None),
    (RU, "В результате удара погибли два человека, еще пятеро ранены.", 2, 5),
    (RU, "Погибли по меньшей мере 7 мирных жителей.", 7, None),
    (RU, "Трое военных получили ранения.", None, 3),
])
def test_ukrainian_and_russian_counts(lang, sentence, killed, wounded):
    c = find_casualties(sentence, lang)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize("lang, sentence", [
    (UK, "Обстріл тривав 5 годин, ворог випустив 20 ракет."),
    (UK, "Кілька людей загинули під завалами."),  # vague
    (RU, "Обстрел длился 3 часа, в город прилетели 8 дронов."),
])
def test_no_slavic_count_where_none_is_said(lang, sentence):
    assert not find_casualties(sentence, lang)


def test_a_count_goes_to_the_event_of_its_clause(gazetteer):
    """Two events in one sentence: the toll belongs to the strike, not to the protest."""
    from geomap.geoparse import Geoparser

    text = ("Hundreds of people protested in Lviv on Monday, while a missile strike killed "
            "four people in Odesa.")
    art = Article(id="t2", text=text, date=dt.date(2024, 3, 6))
    events = extract_events(art, Geoparser(gazetteer).parse(text), gazetteer)
    by_type = {e.type: e.extras.get("killed") for e in events}
    assert by_type.get("assault") == 4
    assert by_type.get("protest") is None


def test_ukrainian_events_carry_their_counts(gazetteer):
    from geomap.geoparse import Geoparser

    text = ("Внаслідок обстрілу Херсона загинули двоє людей, ще п'ятеро поранені. "
            "Увечері в Миколаєві пройшов мітинг.")
    art = Article(id="t3", text=text, date=dt.date(2024, 3, 6))
    events = extract_events(art, Geoparser(gazetteer).parse(text), gazetteer)
    shelling = [e for e in events if e.type == "assault"]
    assert shelling and shelling[0].extras["killed"] == 2
    assert shelling[0].extras["wounded"] == 5
    assert shelling[0].extras["civilians_killed"] == 2
    assert all("killed" not in e.extras for e in events if e.type != "assault")
