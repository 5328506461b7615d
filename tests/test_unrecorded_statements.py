"""Statements are text events, not events a dataset lacks (new-user4 7).

"Reported, not recorded" (the map's layer and count, the join's ``text_events_unmatched``)
holds only text events of a type event datasets record (assault, protest, coerce...);
statements and other verbal events with no record are kept in the text events and counted
apart (``text_events_not_counted``), said in the legend.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_render_corroboration import corroboration_tables
from test_render_map import DATA, js_calls

from geomap.events.schema import coerce_events, events_from_records
from geomap.events.taxonomy import EVENT_TYPES, RECORDED_TYPES, recorded_type
from geomap.join import join_events
from geomap.render import map_html, render_map

IZMAIL = (45.35, 28.84)
SUMY = (50.91, 34.80)


def test_recorded_types_are_those_datasets_record():
    assert {"assault", "protest", "coerce"} <= RECORDED_TYPES <= set(EVENT_TYPES)
    assert not {"statement", "accuse", "threaten", "consult"} & RECORDED_TYPES
    assert recorded_type(["assault", "statement", None, "protest", "accuse"]).tolist() == [
        True, False, False, True, False]


def _records(*rows):
    return events_from_records([
        {"event_id": r["id"], "dataset": "acled", "lat": r["at"][0], "lon": r["at"][1],
         "date": r["date"], "date_precision": "day", "geo_precision": "exact",
         "event_type": r["type"], "country": "UA"} for r in rows])


def _text(*rows):
    return events_from_records([
        {"event_id": f"{r['article']}#{r['k']}", "dataset": "text",
         "lat": r["at"][0] if r.get("at") else None, "lon": r["at"][1] if r.get("at") else None,
         "date": r["date"], "date_precision": "day",
         "geo_precision": "exact" if r.get("at") else "unknown", "article_id": r["article"],
         "event_index": r["k"], "event_type": r["type"], "article_date": r["date"]}
        for r in rows])


def test_the_join_counts_only_material_events_as_unrecorded():
    records = _records({"id": "R1", "at": SUMY, "date": "2024-08-10", "type": "assault"})
    arts = _text(
        # "Drones struck Sumy on Saturday" links to the record
        {"article": "a", "k": 0, "at": SUMY, "date": "2024-08-10", "type": "assault"},
        # "... the regional governor said": a statement, at Sumy too, here unlinked
        {"article": "a", "k": 1, "date": "2024-08-10", "type": "statement"},
        # "Missiles hit the port of Izmail" (no record): reported, not recorded
        {"article": "b", "k": 0, "at": IZMAIL, "date": "2024-08-10", "type": "assault"},
        # "Kyiv accused Moscow of ..." and a report naming no event: not counted
        {"article": "b", "k": 1, "at": IZMAIL, "date": "2024-08-10", "type": "accuse"},
        {"article": "c", "k": 0, "at": IZMAIL, "date": "2024-08-10", "type": None})
    result = join_events(records, arts, km=25, days=3)
    s = result.summary()
    assert s["text_events_unmatched"] == 1
    assert s["text_events_not_counted"] == 3
    assert s["article_events"] == 5
    unmatched = arts.iloc[result.unmatched()]
    assert unmatched["event_id"].tolist() == ["b#0"]


def test_place_mentions_have_no_types_and_all_count():
    records = _records({"id": "R1", "at": SUMY, "date": "2024-08-10", "type": "assault"})
    mentions = gpd.GeoDataFrame(
        {"article_id": ["m", "m"], "start": [0, 10], "date": ["2024-08-10", "2024-08-10"],
         "feature": ["populated_place", "populated_place"]},
        geometry=[shapely.Point(SUMY[1], SUMY[0]), shapely.Point(IZMAIL[1], IZMAIL[0])],
        crs="EPSG:4326")
    s = join_events(records, mentions, km=25, days=3).summary()
    assert s["text_events_unmatched"] == 1 and s["text_events_not_counted"] == 0


@pytest.fixture()
def tables_with_statements():
    records, text_events, links = corroboration_tables()
    extra = pd.DataFrame([
        # "... the governor of Donetsk Oblast said" near Bakhmut, and one unlocated
        {"event_id": "a2#3", "dataset": "text", "date": "2024-10-25",
         "event_type": "statement", "location": "Bakhmut", "article_id": "a2",
         "event_index": 3, "article_date": "2024-10-25", "geometry": shapely.Point(38.01, 48.6)},
        {"event_id": "a2#4", "dataset": "text", "date": "2024-10-25",
         "event_type": "statement", "location": None, "article_id": "a2", "event_index": 4,
         "article_date": "2024-10-25", "geometry": None},
    ])
    extra = coerce_events(gpd.GeoDataFrame(extra, geometry="geometry", crs="EPSG:4326"),
                          check=False)
    text_events = coerce_events(pd.concat([text_events, extra], ignore_index=True),
                                check=False)
    return records, text_events, links


def test_the_map_counts_statements_apart(tables_with_statements):
    records, text_events, links = tables_with_statements
    events = pd.concat([records, text_events], ignore_index=True)
    m, info = render_map(None, data_dir=DATA, events=events, records=records,
                         text_events=text_events, links=links)
    c = info.corroboration
    assert (c.unmatched, c.not_counted) == (1, 2)
    assert "Reported, not recorded (1)" in info.layers
    # every text event is in one class: linked, unrecorded, or not counted
    assert len(c.linked_text) + c.unmatched + c.not_counted == len(text_events)
    html = map_html(m)
    calls = {k["kind"]: k for k in js_calls(html, "corroboration")}
    assert calls["unmatched"]["x"] == [38.0]  # the statement beside it is not ringed
    assert "2 reports of words, not deeds" in html
    assert "Statement" in html  # still drawn by type
    status = c.status(text_events)
    assert status[-2:] == ["statement", "statement"]


def test_pipeline_report_matches_the_layers(tmp_path, gazetteer):
    import geomap

    # invented reports in the three languages: strikes on Izmail no record holds, each with a
    # statement ("said", "повідомив", "сообщил"); a strike on Sumy a record holds
    texts = pd.DataFrame({
        "id": ["en", "uk", "ru", "sumy"],
        "date": ["2024-08-10"] * 4,
        "text": ["Russian drones struck the port of Izmail on Saturday, damaging grain silos. "
                 "Ukraine's foreign ministry said the attack targeted food exports.",
                 "Російські дрони атакували Ізмаїл у суботу. Про це повідомив голова Одеської "
                 "ОВА.",
                 "Дроны атаковали Измаил в субботу, сообщил губернатор Одесской области.",
                 "Shelling hit Sumy on Saturday, killing two people, the regional military "
                 "administration said."]})
    records = _records({"id": "R9", "at": SUMY, "date": "2024-08-10", "type": "assault"})
    m = geomap.map(texts, events=records, out_dir=tmp_path / "out", gazetteer=gazetteer)
    report = m.geomap_report.to_json()
    extracted = gpd.read_file(tmp_path / "out" / "events.geojson")
    text = extracted[extracted["dataset"] == "text"]
    statements = int((text["event_type"] == "statement").sum())
    assert statements >= 3  # kept in the text events
    links = pd.read_csv(tmp_path / "out" / "links.csv")
    linked = {(r.article_id, r.event_index) for r in links[links["corroborates"]].itertuples()}
    assert report["text_events_unmatched"] + report["text_events_not_counted"] + \
        len(linked) == len(text)
    unlinked = text[[(a, int(i)) not in linked for a, i in
                     zip(text["article_id"], text["event_index"], strict=True)]]
    assert report["text_events_unmatched"] == int(recorded_type(unlinked["event_type"]).sum())
    assert report["text_events_not_counted"] >= statements
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f"Reported, not recorded ({report['text_events_unmatched']}" in html
    assert "of words, not deeds" in html
