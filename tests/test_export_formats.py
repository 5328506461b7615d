"""Exports: RFC 7946 GeoJSON, GeoPackage, GeoParquet and CSV (WKT) read back to the same rows
and geometries; ``geomap export`` and ``geomap map --formats``/``--events``."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_render_map import synthetic_events

from geomap.cli import main
from geomap.export import read_table, table_metadata, write_geojson, write_table

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT / "tests" / "fixtures" / "events" / "acled_current.csv"


def _same(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame, columns: list[str]) -> None:
    assert len(a) == len(b)
    for col in columns:
        left = [None if pd.isna(v) else str(v)[:10] if col == "date" else str(v)
                for v in a[col].astype(object)]
        right = [None if pd.isna(v) else str(v)[:10] if col == "date" else
                 str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
                 for v in b[col].astype(object)]
        assert left == right, col
    for g1, g2 in zip(a.geometry, b.geometry, strict=True):
        if g1 is None or g1.is_empty:
            assert g2 is None or g2.is_empty
        else:
            assert shapely.equals_exact(g1, g2, tolerance=1e-9), (g1, g2)


@pytest.fixture(scope="module")
def events() -> gpd.GeoDataFrame:
    ev = synthetic_events(12, movements=2)
    ev.loc[ev.index[3], "geometry"] = None  # an unlocated event stays a row
    return ev


COLUMNS = ["event_id", "dataset", "date", "event_type", "actor1", "fatalities", "source_file",
           "source_row", "notes", "kind"]


@pytest.mark.parametrize("ext", [".geojson", ".gpkg", ".parquet", ".csv"])
def test_round_trip_keeps_rows_and_geometries(tmp_path, events, ext):
    path = tmp_path / f"events{ext}"
    write_table(events, path, metadata=table_metadata(events, kind="events"))
    back = read_table(path)
    _same(events, back, COLUMNS)
    assert back.crs is not None and back.crs.equals("EPSG:4326")
    assert {"source_file", "source_row"} <= set(back.columns)  # provenance of every row


def test_geojson_follows_rfc7946(tmp_path):
    ring = [(0, 0), (0, 1), (1, 1), (1, 0), (0, 0)]  # clockwise exterior
    gdf = gpd.GeoDataFrame({"name": ["square"], "date": [pd.Timestamp("2024-10-01")]},
                           geometry=[shapely.Polygon(ring)], crs="EPSG:3857")
    path = tmp_path / "a.geojson"
    write_geojson(gdf, path, metadata=table_metadata(gdf, kind="regions"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert data["properties"]["units"]["coordinates"].startswith("WGS 84")
    exterior = data["features"][0]["geometry"]["coordinates"][0]
    assert shapely.LinearRing(exterior).is_ccw  # right-hand rule
    assert abs(exterior[1][0]) < 1e-3  # reprojected to degrees
    assert data["features"][0]["properties"]["date"] == "2024-10-01"


def test_export_command_converts_a_geomap_geojson(tmp_path, events, capsys):
    src = tmp_path / "events.geojson"
    write_geojson(events, src, metadata=table_metadata(events, kind="events"))
    out = tmp_path / "events.gpkg"
    assert main(["export", str(src), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"input": str(src), "output": str(out), "format": "gpkg",
                      "rows": len(events), "rejected": 0}
    _same(events, gpd.read_file(out), ["event_id", "event_type", "source_row"])


def test_export_command_reads_event_files(tmp_path, capsys):
    out = tmp_path / "acled.parquet"
    assert main(["export", str(ACLED), "-o", str(out)]) == 0
    back = gpd.read_parquet(out)
    assert len(back) > 0 and back["source_row"].notna().all()
    assert "wrote" in capsys.readouterr().err


def test_export_command_rejects_unknown_extension(tmp_path, capsys):
    assert main(["export", str(ACLED), "-o", str(tmp_path / "x.shp")]) == 2  # a usage error
    assert "unknown output format" in capsys.readouterr().err


def test_map_writes_events_and_formats(tmp_path, gazetteer, capsys):
    from geomap.pipeline import run_map

    art = tmp_path / "a.txt"
    art.write_text("Shelling in Kharkiv\n\nKHARKIV\n\nRussian forces shelled Kharkiv on Monday.",
                   encoding="utf-8")
    bad = tmp_path / "events.csv"
    good = ACLED.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*good, good[1].replace(good[1].split(",")[1], "not-a-date", 1)])
                   + "\n", encoding="utf-8")
    out = tmp_path / "out"
    report = run_map([art], out, gazetteer=gazetteer, progress=False, event_files=[bad],
                     formats=["gpkg", "parquet"])
    assert report.events == len(gpd.read_file(out / "events.geojson")) > 0
    assert (out / "events.rejects.csv").exists()
    for name in ("mentions", "events"):
        assert (out / f"{name}.gpkg").exists() and (out / f"{name}.parquet").exists()
    assert report.map_mode == "cluster" and report.self_contained


def test_map_writes_empty_events_geojson(tmp_path, gazetteer):
    from geomap.pipeline import run_map

    art = tmp_path / "a.txt"
    art.write_text("Talks\n\nDiplomats met in Vienna.", encoding="utf-8")
    run_map([art], tmp_path / "out", gazetteer=gazetteer, progress=False, extract=False)
    data = json.loads((tmp_path / "out" / "events.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"] == []
    # by default the articles' own events are extracted and mapped: the meeting in Vienna
    run_map([art], tmp_path / "out2", gazetteer=gazetteer, progress=False)
    data = json.loads((tmp_path / "out2" / "events.geojson").read_text(encoding="utf-8"))
    [meeting] = data["features"]
    assert meeting["properties"]["dataset"] == "text"
    assert meeting["properties"]["event_type"] == "consult"
    assert meeting["properties"]["location"] == "Vienna"


def test_map_accepts_text_events(tmp_path, gazetteer, events):
    from geomap.pipeline import run_map

    art = tmp_path / "a.txt"
    art.write_text("Talks\n\nDiplomats met in Vienna.", encoding="utf-8")
    report = run_map([art], tmp_path / "out", gazetteer=gazetteer, progress=False,
                     events=events, extract=False)
    assert report.events == len(events) and report.movements == 2
    back = gpd.read_file(tmp_path / "out" / "events.geojson")
    assert set(back.geometry.dropna().geom_type) == {"Point", "LineString"}
