"""Joining article events to event records: space (admin-1, great-circle km) and time
(day intervals at each record's precision)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
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
    assert "distance" in links["match"].iloc[0] or links["match"].iloc[0] == "both"


def test_distance_near_the_pole():
    # 89.9N at opposite longitudes: 22 km apart across the pole
    recs = records(("r1", 89.9, 0.0, "2024-11-05"), ("r2", 89.0, 0.0, "2024-11-05"))
    arts = article_events((89.9, 180.0, "2024-11-05"))
    res = join_events(recs, arts, km=25, days=0)
    assert list(res.links["record_id"]) == ["r1"]
    assert res.links["distance_km"].iloc[0] == pytest.approx(22.24, rel=1e-3)


def test_record_on_an_admin1_border_matches_both_sides():
    data = json.loads((resolve_data_dir(None) / "gazetteer" / "admin1.geojson").read_text())
    geoms = {f["properties"]["key"]: shapely.from_geojson(json.dumps(f["geometry"]))
             for f in data["features"] if f["properties"]["key"] in ("a1:RU.41", "a1:UA.21")}
    # a vertex both outlines share (the polygons are a coverage: borders match exactly)
    shared = sorted(set(map(tuple, shapely.get_coordinates(geoms["a1:RU.41"]).tolist()))
                    & set(map(tuple, shapely.get_coordinates(geoms["a1:UA.21"]).tolist())))
    point = shapely.Point(shared[len(shared) // 2])
    assert geoms["a1:RU.41"].intersects(point) and geoms["a1:UA.21"].intersects(point)
    assert not geoms["a1:RU.41"].contains(point)
    # the record lies exactly on the shared border; one article event deep in each division
    recs = records(("border", point.y, point.x, "2024-11-05", "day", "near"))
    kursk, sumy = geoms["a1:RU.41"].representative_point(), \
        geoms["a1:UA.21"].representative_point()
    arts = article_events((kursk.y, kursk.x, "2024-11-05"), (sumy.y, sumy.x, "2024-11-05"))
    res = join_events(recs, arts, km=1, days=0)
    assert {(r.event_index, r.match) for r in res.links.itertuples()} == {
        (0, "admin1"), (1, "admin1")}
    assert set(res.links["admin1"]) == {"a1:RU.41", "a1:UA.21"}


def test_month_precision_window_spans_the_month_boundary():
    recs = records(("oct", 51.73, 36.19, "2024-10-01", "month", "exact"))
    arts = article_events((51.73, 36.19, "2024-11-02"), (51.73, 36.19, "2024-11-04"),
                          (51.73, 36.19, "2024-09-28"), (51.73, 36.19, "2024-10-17"))
    res = join_events(recs, arts, km=10, days=3)
    got = {int(r.event_index): int(r.gap_days) for r in res.links.itertuples()}
    # Oct 31 + 2 days, Sept 28 is 3 days before Oct 1, mid-October inside the month
    assert got == {0: 2, 2: 3, 3: 0}


def test_country_points_match_nothing_and_undated_events_use_the_article_date():
    recs = records(("c", 60.0, 100.0, "2024-11-05", "day", "country"),
                   ("x", 51.73, 36.19, "2024-11-01"))
    arts = article_events((60.0, 100.0, "2024-11-05", "country"), (51.73, 36.19, None))
    res = join_events(recs, arts, km=25, days=0)
    assert linked(res) == {("x", 1, "both")}
    assert res.records_matched == 1 and res.article_events_matched == 1
    assert res.corroboration()["articles"].tolist() == [["a"]]
    assert res.matches()["records"].tolist() == [["x"]]


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
    feats = json.loads(out.read_text("utf-8"))["features"]
    assert feats and {f["properties"]["record_id"] for f in feats} <= {"1", "2"}
    for f in feats:
        p = f["properties"]
        assert p["match"] in ("admin1", "distance", "both")
        assert p["article_id"] == "2024-11-05-kyiv-kursk-clash.txt"
        assert isinstance(p["event_index"], int) and p["gap_days"] <= 3
