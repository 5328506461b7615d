"""Joining article events to event records: space (admin-1, great-circle km) and time
(day intervals at each record's precision)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geomap._datadir import resolve_data_dir
from geomap.events.schema import events_from_records
from geomap.join import haversine_km, join_events
from geomap.join._sphere import boxes_around

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def records(*rows):
    return events_from_records([
        {"event_id": r[0], "dataset": "test", "lat": r[1], "lon": r[2], "date": r[3],
         "date_precision": r[4] if len(r) > 4 else "day",
         "geo_precision": r[5] if len(r) > 5 else "exact", "event_type": "assault"}
        for r in rows])


def article_events(*rows):
    return events_from_records([
        {"event_id": f"a#{i}", "dataset": "text", "lat": r[0], "lon": r[1], "date": r[2],
         "date_precision": "day" if r[2] else None,
         "geo_precision": r[3] if len(r) > 3 else "exact", "article_id": "a",
         "event_index": i, "event_type": "assault", "article_date": "2024-11-05"}
        for i, r in enumerate(rows)])


def linked(result) -> set:
    return {(r.record_id, int(r.event_index), r.match) for r in result.links.itertuples()}


def test_haversine_is_spherical():
    # one degree of longitude is ~111 km at the equator, ~55.6 km at 60 degrees
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, rel=1e-4)
    assert haversine_km(60, 0, 60, 1) == pytest.approx(55.6, rel=1e-2)
    assert haversine_km(0, 179.9, 0, -179.9) == pytest.approx(22.24, rel=1e-3)
    assert haversine_km(89.9, 0, 89.9, 180) == pytest.approx(22.24, rel=1e-3)


def test_boxes_wrap_and_cover_poles():
    boxes, owner = boxes_around(np.array([0.0, 89.95]), np.array([179.95, 10.0]), 25)
    assert sorted(owner.tolist()) == [0, 0, 1]
    assert any(b[0] == -180.0 and b[2] < -179 for b in boxes)  # the wrapped part
    polar = boxes[owner == 1][0]
    assert polar[0] == -180.0 and polar[2] == 180.0 and polar[3] == 90.0


def test_distance_across_the_antimeridian():
    recs = records(("r1", 65.0, 179.95, "2024-11-04"), ("r2", 65.0, 175.0, "2024-11-04"))
    arts = article_events((65.0, -179.95, "2024-11-05"))
    res = join_events(recs, arts, km=25, days=3)
    links = res.links
    assert set(links["record_id"]) == {"r1"}
    assert links["distance_km"].iloc[0] == pytest.approx(4.7, abs=0.1)
    assert links["match"].iloc[0] == "distance" and links["rank"].iloc[0] == 1


def test_distance_near_the_pole():
    # 89.9N at opposite longitudes: 22 km apart across the pole
    recs = records(("r1", 89.9, 0.0, "2024-11-05"), ("r2", 89.0, 0.0, "2024-11-05"))
    arts = article_events((89.9, 180.0, "2024-11-05"))
    res = join_events(recs, arts, km=25, days=0)
    assert list(res.links["record_id"]) == ["r1"]
    assert res.links["distance_km"].iloc[0] == pytest.approx(22.24, rel=1e-3)


def _border_point():
    data = json.loads((resolve_data_dir(None) / "gazetteer" / "admin1.geojson").read_text())
    geoms = {f["properties"]["key"]: shapely.from_geojson(json.dumps(f["geometry"]))
             for f in data["features"] if f["properties"]["key"] in ("a1:RU.41", "a1:UA.21")}
    # a vertex both outlines share (the polygons are a coverage: borders match exactly)
    shared = sorted(set(map(tuple, shapely.get_coordinates(geoms["a1:RU.41"]).tolist()))
                    & set(map(tuple, shapely.get_coordinates(geoms["a1:UA.21"]).tolist())))
    return geoms, shapely.Point(shared[len(shared) // 2])


def test_an_event_known_to_its_division_links_records_on_its_border():
    geoms, point = _border_point()
    assert geoms["a1:RU.41"].intersects(point) and geoms["a1:UA.21"].intersects(point)
    assert not geoms["a1:RU.41"].contains(point)
    kursk, sumy = geoms["a1:RU.41"].representative_point(), \
        geoms["a1:UA.21"].representative_point()
    # the record lies exactly on the shared border; each division named by one article event
    recs = records(("border", point.y, point.x, "2024-11-05", "day", "near"))
    arts = article_events((kursk.y, kursk.x, "2024-11-05", "admin1"),
                          (sumy.y, sumy.x, "2024-11-05", "admin1"))
    res = join_events(recs, arts, km=1, days=0)
    assert {(r.event_index, r.match) for r in res.links.itertuples()} == {
        (0, "admin1"), (1, "admin1")}
    # two precise points far apart in one division are not partners
    far = article_events((kursk.y, kursk.x, "2024-11-05", "exact"))
    assert len(join_events(recs, far, km=1, days=0).links) == 0


def test_month_precision_window_spans_the_month_boundary():
    recs = records(("oct", 51.73, 36.19, "2024-10-01", "month", "exact"))
    arts = article_events((51.73, 36.19, "2024-11-02"), (51.73, 36.19, "2024-11-04"),
                          (51.73, 36.19, "2024-09-28"), (51.73, 36.19, "2024-10-17"))
    res = join_events(recs, arts, km=10, days=3, min_score=0)
    got = {int(r.event_index): int(r.gap_days) for r in res.links.itertuples()}
    # Oct 31 + 2 days, Sept 28 is 3 days before Oct 1, mid-October inside the month
    assert got == {0: 2, 2: 3, 3: 0}


def test_country_points_link_only_dated_records_of_that_country():
    recs = records(("x", 51.73, 36.19, "2024-11-01"), ("far-day", 50.45, 30.52, "2024-10-01"))
    recs["country"] = ["RU", "UA"]
    arts = article_events((60.0, 100.0, "2024-11-03", "country"), (51.73, 36.19, None))
    arts["country"] = ["RU", "RU"]
    res = join_events(recs, arts, km=25, days=3)
    # the country event meets x (in Russia, two days apart); the undated event's article date
    # (Nov 5) puts it in the week Oct 29 - Nov 5, so x is a distance partner too
    assert linked(res) == {("x", 0, "country"), ("x", 1, "distance")}
    assert res.records_matched == 1 and res.article_events_matched == 2
    assert res.corroboration()["articles"].tolist() == [["a"]]
    assert res.summary()["records_uncovered"] == 1


def test_each_event_keeps_its_best_records_ranked():
    # three records near the reported place: same day and type, a day later, another type
    recs = events_from_records([
        {"event_id": i, "dataset": "test", "lat": 48.0 + dlat, "lon": 37.8, "date": d,
         "date_precision": "day", "geo_precision": "exact", "event_type": t,
         "actor1": a1, "country": "UA"}
        for i, dlat, d, t, a1 in (
            ("later", 0.0, "2024-11-06", "assault", "Military Forces of Russia"),
            ("arrests", 0.0, "2024-11-05", "coerce", "Police Forces of Ukraine"),
            ("best", 0.01, "2024-11-05", "assault", "Military Forces of Russia"),
            ("far", 0.2, "2024-11-05", "assault", "Military Forces of Russia"))])
    arts = article_events((48.0, 37.8, "2024-11-05"))
    arts["actors"] = ["Russia"]
    arts["actor_countries"] = ["RU"]
    arts["country"] = ["UA"]
    res = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0)
    assert res.links["record_id"].tolist() == ["best", "later", "arrests"]
    assert res.links["rank"].tolist() == [1, 2, 3]
    assert res.links["score"].is_monotonic_decreasing
    assert res.links["actor_score"].iloc[0] > res.links["actor_score"].iloc[2]
    # by default an event keeps its two best; a record far below the best is dropped
    assert join_events(recs, arts, km=25, days=3).links["record_id"].tolist() == [
        "best", "later"]
    assert join_events(recs, arts, km=25, days=3, top=3, ratio=0.8).links[
        "record_id"].tolist() == ["best"]
    # the records' free text plays no part
    recs["notes"] = ["shelling of this very village", None, None, None]
    again = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0)
    assert again.links["score"].tolist() == res.links["score"].tolist()


def test_undated_sides_link_by_space_below_dated_links_and_ids_fall_back():
    recs = records(("dated", 48.0, 37.8, "2024-11-05"), ("undated", 48.0, 37.8, None))
    recs.loc[1, "event_id"] = None
    recs["source_file"] = ["a.csv", "a.csv"]
    recs["source_row"] = pd.array([1, 7], dtype="Int64")
    arts = article_events((48.0, 37.8, "2024-11-05"))
    res = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0)
    rows = [(r.record_id, r.rank, r.gap_days) for r in res.links.itertuples()]
    assert rows[0] == ("dated", 1, 0)
    assert rows[1][:2] == ("a.csv:7", 2) and pd.isna(rows[1][2])
    # an article with no date at all: linked by space alone, gap empty
    nodate = article_events((48.0, 37.8, None))
    nodate["article_date"] = None
    links = join_events(recs, nodate, km=25, days=3, top=3, min_score=0, ratio=0).links
    assert set(links["record_id"]) == {"dated", "a.csv:7"} and links["gap_days"].isna().all()


def test_an_undated_record_of_the_same_town_outranks_a_dated_one_of_the_whole_country():
    # "a drone attack on the town of Shostka damaged a substation": an ACLED row at Shostka
    # with a blank date and a GDELT row dated that day but located only to Ukraine (new-user3
    # 45): the town's record ranks first, and the ranks follow the scores
    shostka = (51.8657, 33.4766)
    recs = records(("town", *shostka, None),
                   ("country", 49.0, 32.0, "2024-11-05", "day", "country"))
    recs.loc[recs["event_id"] == "country", "country"] = "UA"
    arts = article_events((*shostka, "2024-11-05"))
    arts["country"] = "UA"
    links = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0).links
    assert links.sort_values("rank")["record_id"].tolist() == ["town", "country"]
    assert links["score"].is_monotonic_decreasing


def test_links_are_lines_from_the_article_event_to_the_record():
    recs = records(("r", 48.1, 37.8, "2024-11-05"))
    arts = article_events((48.0, 37.8, "2024-11-05"))
    line = join_events(recs, arts).links.geometry.iloc[0]
    assert line.geom_type == "LineString"
    assert list(line.coords) == [(37.8, 48.0), (37.8, 48.1)]


def test_cli_join(tmp_path, gazetteer):
    ev = tmp_path / "events.csv"
    ev.write_text("id,date,latitude,longitude,type\n"
                  "1,2024-11-05,51.2,35.3,Armed clash\n"
                  "2,2024-11-05,48.28,37.18,Armed clash\n"
                  "3,2020-01-01,51.2,35.3,Armed clash\n", encoding="utf-8")
    out = tmp_path / "joined.geojson"
    proc = subprocess.run(
        [sys.executable, "-m", "geomap", "join", "--events", str(ev), "--articles",
         str(SAMPLES / "2024-11-05-kyiv-kursk-clash.txt"), "-o", str(out), "--km", "60",
         "--days", "3", "--json"], capture_output=True, text=True, check=True, timeout=600)
    report = json.loads(proc.stdout)
    assert report["records"] == 3 and report["records_matched"] >= 1
    # every article event is linked, reported but not recorded, or a statement not counted
    corroborating = report["article_events"] - report["text_events_unmatched"] - \
        report["text_events_not_counted"]
    assert 0 <= corroborating <= report["article_events_matched"]
    feats = json.loads(out.read_text("utf-8"))["features"]
    assert feats and {f["properties"]["record_id"] for f in feats} <= {"1", "2"}
    for f in feats:
        p = f["properties"]
        assert p["match"] in ("admin1", "distance", "country")
        assert p["article_id"] == "2024-11-05-kyiv-kursk-clash.txt"
        assert isinstance(p["event_index"], int) and p["gap_days"] <= 3
        assert isinstance(p["rank"], int) and p["rank"] >= 1 and 0 < p["score"] <= 1
        assert f["geometry"]["type"] == "LineString"


def test_cli_defaults_are_the_join_defaults():
    from geomap.cli.join import DEFAULTS as CLI
    from geomap.join import DEFAULTS

    assert {k: DEFAULTS[k] for k in CLI} == CLI


def test_records_the_evidence_cannot_tell_apart_are_flagged_as_tied():
    # four records on one day at one point with one type; one is a day off
    recs = records(("p", 48.0, 37.8, "2024-11-05"), ("q", 48.0, 37.8, "2024-11-05"),
                   ("r", 48.0, 37.8, "2024-11-05"), ("later", 48.0, 37.8, "2024-11-06"))
    arts = article_events((48.0, 37.8, "2024-11-05"))
    res = join_events(recs, arts, km=25, days=3, top=2, min_score=0, ratio=0)
    assert res.links["rank"].tolist() == [1, 2]
    # both kept links belong to a tie of three (one of them beyond top)
    assert res.links["tied"].tolist() == [3, 3]
    assert res.summary()["best_tied"] == 1
    full = join_events(recs, arts, km=25, days=3, top=4, min_score=0, ratio=0).links
    assert full["tied"].tolist() == [3, 3, 3, 1]
    # a count in the report separates them
    recs["fatalities"] = pd.array([2, 5, 1, 5], dtype="Int64")
    arts["fatalities"] = pd.array([5], dtype="Int64")
    full = join_events(recs, arts, km=25, days=3, top=4, min_score=0, ratio=0).links
    assert full["record_id"].tolist()[0] == "q" and full["tied"].tolist()[0] == 1


def test_an_event_dated_only_by_its_report_prefers_the_latest_days():
    # both records lie in the week up to the report (gap 0); news tells of the last days
    recs = records(("week-old", 48.0, 37.8, "2024-10-30"), ("yesterday", 48.0, 37.8,
                                                            "2024-11-04"))
    arts = article_events((48.0, 37.8, None))  # no date of its own; reported 2024-11-05
    links = join_events(recs, arts, km=25, days=3, top=2, min_score=0, ratio=0).links
    assert links["record_id"].tolist() == ["yesterday", "week-old"]
    assert links["gap_days"].tolist() == [0, 0] and links["tied"].tolist() == [1, 1]
    # an event with a date of its own is not weighed by its report's date
    dated = article_events((48.0, 37.8, "2024-10-31"))
    links = join_events(recs, dated, km=25, days=3, top=2, min_score=0, ratio=0).links
    assert links["record_id"].tolist()[0] == "week-old"


def test_a_region_without_outline_reaches_every_division_of_its_country():
    # a report placed at a macro-region's label point (inside one division) and a record in
    # the neighbouring division the region also spans
    recs = records(("next-division", 48.57, 39.30, "2024-11-05"))
    recs["country"] = "UA"
    arts = article_events((48.0, 38.5, "2024-11-05", "admin1"))
    arts["country"] = "UA"
    as_division = join_events(recs, arts, km=25, days=3, min_score=0, ratio=0).links
    assert as_division.empty  # an admin-1 division holds only its own records
    arts["orig_geo_precision"] = "region"
    links = join_events(recs, arts, km=25, days=3, min_score=0, ratio=0).links
    assert links["record_id"].tolist() == ["next-division"]
    assert links["match"].tolist() == ["country"]


def test_an_unlocated_event_reaches_records_in_its_actors_countries():
    # "A Ukrainian medic was killed" on a day: no place, but its actor is Ukrainian
    recs = records(("ua", 48.5, 37.9, "2024-11-05"), ("ru", 51.6, 36.1, "2024-11-05"),
                   ("ua-month-before", 48.5, 37.9, "2024-10-01"))
    recs["country"] = ["UA", "RU", "UA"]
    arts = article_events((None, None, "2024-11-05"))
    arts["actors"] = ["Ukraine"]
    arts["actor_countries"] = ["UA"]
    links = join_events(recs, arts, km=25, days=3, top=3, min_score=0, ratio=0).links
    assert links["record_id"].tolist() == ["ua"]
    assert links["match"].tolist() == ["actor-country"]
    assert links.geometry.isna().all() and links["distance_km"].isna().all()
    # weaker than a match through the country the event is located to
    located = article_events((49.0, 31.0, "2024-11-05", "country"))
    located["country"] = "UA"
    located["actors"] = ["Ukraine"]
    located["actor_countries"] = ["UA"]
    better = join_events(recs, located, km=25, days=3, min_score=0, ratio=0).links
    assert better["match"].tolist() == ["country"]
    assert better["score"].iloc[0] > links["score"].iloc[0]
    # without a date (of its own or its report's) it has no candidates
    arts["date"] = None
    arts["article_date"] = None
    assert join_events(recs, arts, km=25, days=3, min_score=0, ratio=0).links.empty


def test_the_partitioned_join_finds_the_actor_country_links_too(tmp_path):
    from geomap.scale.join import join_partitioned, write_records

    recs = records(*[(f"ua{i}", 45.0 + i * 0.3, 23.0 + i * 0.8, "2024-11-05")
                     for i in range(8)], ("ru", 55.7, 37.6, "2024-11-05"))
    recs["country"] = ["UA"] * 8 + ["RU"]
    recs["fatalities"] = pd.array([1, 2, 3, 4, 5, 6, 7, 8, 2], dtype="Int64")
    arts = article_events((None, None, "2024-11-05"), (None, None, "2024-11-05"))
    arts["actors"] = ["Ukraine", "Russia"]
    arts["actor_countries"] = ["UA", "RU"]
    arts["fatalities"] = pd.array([2, 2], dtype="Int64")
    write_records(recs, tmp_path / "rec", npartitions=3)
    stored = gpd.read_parquet(tmp_path / "rec")
    whole = join_events(stored, arts).links
    assert set(whole["record_id"]) == {"ua1", "ru"}
    parts = join_partitioned(tmp_path / "rec", arts, scheduler="synchronous")
    pd.testing.assert_frame_equal(whole, parts)
