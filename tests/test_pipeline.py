"""geomap map: event files as INPUT, the join by default, link files and report counts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from test_api import ACLED, KURSK

from geomap.events.taxonomy import recorded_type
from geomap.pipeline import run_map, split_inputs


def test_split_inputs_tells_event_tables_from_articles(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    (tmp_path / "in").mkdir()
    inner = tmp_path / "in" / "ged.csv"
    inner.write_text(ACLED, encoding="utf-8")
    texts, events = split_inputs([KURSK, path, KURSK.parent, tmp_path / "in", tmp_path / "no"])
    demo = KURSK.parent / "acled-format-demo-records.csv"  # the samples' demo records
    assert events == [path, demo, inner]  # event tables in folders too
    assert [f.path for f in texts.files] == [
        KURSK, *sorted(p for p in KURSK.parent.iterdir() if p != demo)]
    assert [r.path for r in texts.rejects] == [str(tmp_path / "no")]


def test_event_files_alone_are_mapped(tmp_path, gazetteer):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    report = run_map([path], tmp_path / "out", gazetteer=gazetteer, progress=False)
    assert report.articles == 0 and report.events == 2 and report.event_files == 1
    assert not report.joined and report.links == 0
    assert (tmp_path / "out" / "index.html").stat().st_size > 0
    assert not (tmp_path / "out" / "links.csv").exists()


def test_articles_and_records_are_joined_by_default(tmp_path, gazetteer):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    out = tmp_path / "out"
    report = run_map([KURSK, path], out, gazetteer=gazetteer, progress=False,
                     join_options={"km": 60})
    data = report.to_json()
    for key in ("links", "records_corroborated", "records_uncovered", "text_events_unmatched"):
        assert isinstance(data[key], int)
    assert data["records_corroborated"] == 1 and data["records_uncovered"] == 1
    links = pd.read_csv(out / "links.csv", dtype={"article_id": str})
    assert list(links.columns[:8]) == ["article_id", "event_index", "record_id", "dataset",
                                       "rank", "score", "distance_km", "gap_days"]
    assert len(links) == data["links"] and set(links["record_id"]) == {"RUS9001"}
    assert set(links["article_id"]) == {KURSK.name}
    assert set(links["title"]) == {
        "Ukraine reports first clash with North Korean troops in Kursk region"}
    feats = json.loads((out / "links.geojson").read_text("utf-8"))["features"]
    assert len(feats) == len(links)
    # a line from the article event to the record; an event the text places nowhere (linked
    # through its actors' country) has no line
    assert {(f["geometry"] or {}).get("type") for f in feats
            if f["properties"]["match"] != "actor-country"} == {"LineString"}
    assert all(f["geometry"] is None for f in feats
               if f["properties"]["match"] == "actor-country")
    events = json.loads((out / "events.geojson").read_text("utf-8"))["features"]
    n_text = sum(f["properties"]["dataset"] == "text" for f in events)
    # an event is matched by a link that corroborates (not by a weak or actor-country one)
    assert links.loc[links["match"] == "actor-country", "corroborates"].eq(False).all()
    linked = links.loc[links["corroborates"], ["article_id", "event_index"]].drop_duplicates()
    # unmatched: events of the types datasets record with no such link; statements and other
    # verbal events with none are counted apart, not as unrecorded events
    unlinked = [f["properties"]["event_type"] for f in events
                if f["properties"]["dataset"] == "text"
                and (f["properties"]["article_id"], f["properties"]["event_index"])
                not in set(linked.itertuples(index=False, name=None))]
    assert data["text_events_unmatched"] == int(recorded_type(unlinked).sum())
    assert data["text_events_unmatched"] + data["text_events_not_counted"] == \
        n_text - len(linked)
    # --no-join
    skipped = run_map([KURSK, path], tmp_path / "nojoin", gazetteer=gazetteer, progress=False,
                      join=False)
    assert not skipped.joined and not Path(tmp_path / "nojoin" / "links.csv").exists()


def test_an_undated_article_is_linked_by_space_alone(tmp_path, gazetteer):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "no-date-1", "text": "Artillery shelled Korenevo in the "
                                "Kursk region, the regional governor said."}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    report = run_map([wire, path], out, gazetteer=gazetteer, progress=False)
    links = pd.read_csv(out / "links.csv", dtype={"article_id": str})
    assert report.links == len(links) >= 1
    assert set(links["article_id"]) == {"no-date-1"}
    # no date to compare: the record at Korenevo is linked by space alone, Lviv's is not
    assert set(links["record_id"]) == {"RUS9001"}
    assert links["gap_days"].isna().all()


def test_undated_records_from_a_file_are_linked_below_dated_ones(tmp_path, gazetteer):
    # two more records at Korenevo: one with no date, one whose date cannot be read
    undated = ACLED.replace("RUS9001,2024-11-05", "RUS9003,", 1).splitlines()[1]
    unread = ACLED.replace("RUS9001,2024-11-05", "RUS9004,early in the autumn",
                           1).splitlines()[1]
    path = tmp_path / "acled.csv"
    path.write_text(ACLED + undated + "\n" + unread + "\n", encoding="utf-8")
    out = tmp_path / "out"
    # ratio 0 keeps every candidate: an undated link scores as a few days' gap, under the
    # default ratio cut (0.7 of the best) beside a same-day record of the same place
    report = run_map([KURSK, path], out, gazetteer=gazetteer, progress=False,
                     join_options={"km": 60, "top": 3, "ratio": 0.0})
    data = report.to_json()
    assert (data["events_rejected"], data["events_undated"]) == (0, 2)
    links = pd.read_csv(out / "links.csv", dtype={"article_id": str})
    assert {"RUS9001", "RUS9003", "RUS9004"} <= set(links["record_id"])
    for _, group in links.groupby(["article_id", "event_index"]):
        dated = group.sort_values("rank")["gap_days"].notna().to_numpy()
        assert list(dated) == sorted(dated, reverse=True)  # dated links first
    assert links.loc[links["record_id"] != "RUS9001", "gap_days"].isna().all()
    records = json.loads((out / "events.geojson").read_text("utf-8"))["features"]
    kept = {f["properties"]["event_id"]: f["properties"] for f in records}
    assert kept["RUS9003"]["date"] is None and kept["RUS9004"]["date"] is None
    assert kept["RUS9004"]["notes"].endswith("date not read: 'early in the autumn'")
