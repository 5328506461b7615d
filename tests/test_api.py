"""The Python API at the package top: geoparse, read_events, extract_events, join, map."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd

import geomap

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
KURSK = SAMPLES / "2024-11-05-kyiv-kursk-clash.txt"

ACLED = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp\n"
    "RUS9001,2024-11-05,2024,1,Political violence,Battles,Armed clash,Military Forces of "
    "Russia (2000-),,8,Military Forces of Ukraine (2019-),,1,18,,643,Europe,Russia,Kursk,,,"
    "Korenevo,51.41,34.91,1,Our test,National,A clash.,3,,1730800000\n"
    "UKR9002,2019-03-01,2019,1,Political violence,Battles,Armed clash,Military Forces of "
    "Ukraine (2019-),,1,,,0,10,,804,Europe,Ukraine,Lviv,,,Lviv,49.84,24.03,1,Our test,"
    "National,Far away and long ago.,0,,1730800000\n")


def test_import_is_light():
    code = ("import sys, geomap; heavy = [m for m in ('pandas', 'geopandas', 'folium', "
            "'shapely') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
    assert set(geomap.__all__) >= {"geoparse", "read_events", "extract_events", "join", "map"}


def test_geoparse_texts_and_tables(gazetteer):
    frame = geomap.geoparse(["Drones struck Odesa on Sunday.", "Talks opened in Vienna."],
                            gazetteer=gazetteer)
    assert isinstance(frame, gpd.GeoDataFrame) and frame.crs.to_epsg() == 4326
    for col in ("start", "end", "name", "role", "confidence", "place_name", "country",
                "geometry"):
        assert col in frame
    assert frame[["article_id", "name", "country"]].values.tolist() == [
        ["text-1", "Odesa", "UA"], ["text-2", "Vienna", "AT"]]
    row = frame.iloc[0]
    assert "Drones struck Odesa on Sunday."[row.start:row.end] == "Odesa"
    table = pd.DataFrame({"id": ["mine"], "text": ["Protesters gathered in Tbilisi."]})
    assert geomap.geoparse(table, gazetteer=gazetteer)["article_id"].tolist() == ["mine"]
    # a path is read as an article file, with its file name as id
    assert set(geomap.geoparse(str(KURSK), gazetteer=gazetteer)["article_id"]) == {KURSK.name}


def test_an_empty_text_is_no_path_to_the_current_folder(tmp_path, monkeypatch, gazetteer):
    (tmp_path / "report.txt").write_text("Shelling hit Kharkiv overnight.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert len(geomap.geoparse("", gazetteer=gazetteer)) == 0
    assert len(geomap.geoparse(["", "  "], gazetteer=gazetteer)) == 0
    assert geomap.geoparse("report.txt", gazetteer=gazetteer)["name"].tolist() == ["Kharkiv"]


def test_read_extract_join(tmp_path, gazetteer):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    records = geomap.read_events(path)
    assert records["event_id"].tolist() == ["RUS9001", "UKR9002"]
    assert len(records.attrs["rejects"]) == 0
    events = geomap.extract_events(KURSK, gazetteer=gazetteer)
    assert (events["dataset"] == "text").all() and len(events) > 3
    links = geomap.join(records, events, km=60, days=3, gazetteer=gazetteer)
    assert set(links["record_id"]) == {"RUS9001"}
    assert set(links["article_id"]) == {KURSK.name}
    assert (links.groupby("event_index")["rank"].min() == 1).all()
    # texts instead of events: extracted on the way, dated by ``date``
    again = geomap.join(path, ["Shelling hit Korenevo in the Kursk region on Tuesday."],
                        date="2024-11-07", gazetteer=gazetteer)
    assert set(again["record_id"]) == {"RUS9001"} and set(again["article_id"]) == {"text-1"}
    assert (again["gap_days"] <= 3).all()


def test_map_returns_a_folium_map_that_saves_the_cli_page(tmp_path, gazetteer):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    m = geomap.map(KURSK, events=path, out_dir=tmp_path / "out", gazetteer=gazetteer, km=60)
    assert isinstance(m, folium.Map)
    report = m.geomap_report
    assert report.joined and report.links >= 1 and report.records_corroborated == 1
    assert report.records_uncovered == 1
    m.save(tmp_path / "saved.html")
    saved = (tmp_path / "saved.html").read_text("utf-8")
    assert saved == (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "<script src=\"http" not in saved  # self-contained, like the CLI's page
    assert "_repr_html_" in dir(m)
    # records alone, as a table
    only = geomap.map(events=geomap.read_events(path), gazetteer=gazetteer)
    assert only.geomap_report.events == 2 and only.geomap_report.articles == 0
