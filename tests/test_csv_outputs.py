"""Every CSV geomap writes is UTF-8 with a BOM and CRLF line ends (new-user 56): Excel on
Windows reads Cyrillic only with the BOM. Tables written here."""

from __future__ import annotations

import csv

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geomap._atomic import atomic_csv
from geomap.cli import main
from geomap.export.tables import write_table


def _check(path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.split(b"\n")
    assert all(line.endswith(b"\r") for line in lines[:-1]) and lines[-1] == b""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_atomic_csv_and_export_write_the_same_convention(tmp_path):
    frame = pd.DataFrame({"place": ["Харків", "Одеса"], "note": ["удар\rуночі", "ok"]})
    atomic_csv(frame, tmp_path / "a.csv")
    rows = _check(tmp_path / "a.csv")
    assert [r["place"] for r in rows] == ["Харків", "Одеса"] and rows[0]["note"] == "удар\rуночі"
    assert list(pd.read_csv(tmp_path / "a.csv").columns) == ["place", "note"]  # BOM skipped
    gdf = gpd.GeoDataFrame({"name": ["Суми"]}, geometry=[Point(34.8, 50.9)], crs=4326)
    write_table(gdf, tmp_path / "b.csv")
    assert _check(tmp_path / "b.csv")[0]["name"] == "Суми"


def test_events_read_output_and_rejects_follow_it(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("id,date,latitude,longitude,location\n"
                   "1,2024-05-01,49.99,36.23,Харків\n"
                   "2,2024-05-01,95.5,536.2,Одеса\n"
                   "3,2024-05-01,95.5,536.2,Щзхфьк\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    assert main(["events", "read", str(src), "-o", str(out)]) == 0
    # no point has those numbers: Odesa is located by its name, a name nobody knows rejected
    assert [r["location"] for r in _check(out)] == ["Харків", "Одеса"]
    [reject] = _check(tmp_path / "o.rejects.csv")
    assert reject["location"] == "Щзхфьк" and reject["reason"].startswith("coordinates out of")
    assert "place 'Щзхфьк' not found" in reject["reason"]
