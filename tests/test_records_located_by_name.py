"""ACLED and UCDP rows whose coordinates cannot be read are located by the place they name,
rejected only when nothing can be located (new-user 7). Rows written here."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from geomap.events import read_events
from geomap.events.readers.acled import CURRENT_COLUMNS
from geomap.events.schema import validate_events


def acled(path: Path, rows: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CURRENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    base = {"event_date": "05 March 2024", "year": "2024", "time_precision": "1",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": "Military Forces of Russia (2000-)", "iso": "804", "country": "Ukraine",
            "geo_precision": "1", "source": "Local press", "notes": "Invented row.",
            "fatalities": "0"}
    for row in rows:
        w.writerow({**base, **row})
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_acled_rows_without_a_readable_point_are_located_by_their_names(tmp_path, gazetteer):
    path = acled(tmp_path / "acled.csv", [
        {"event_id_cnty": "UKR1", "admin1": "Poltava", "location": "Lubny",
         "latitude": "50.0186", "longitude": "32.9869"},               # a good point: as given
        {"event_id_cnty": "UKR2", "admin1": "Poltava", "location": "Lubny",
         "latitude": "n/a", "longitude": ""},                          # unreadable: the town
        {"event_id_cnty": "UKR3", "admin1": "Sumy", "location": "",
         "latitude": "", "longitude": ""},                             # only the oblast
        {"event_id_cnty": "UKR4", "admin1": "", "location": "",
         "latitude": "", "longitude": ""},                             # only the country
        {"event_id_cnty": "UKR5", "admin1": "Sumy", "location": "Qqzzyvka",
         "latitude": "x", "longitude": "y"},                           # unknown: its oblast
        {"event_id_cnty": "UKR7", "admin1": "", "location": "Qqzzyvka",
         "latitude": "x", "longitude": "y"},                           # a name nobody knows
        {"event_id_cnty": "UKR6", "admin1": "Poltava", "location": "Lubny",
         "latitude": "150.5", "longitude": "33.0"},                    # impossible number
    ])
    r = read_events(path)
    assert (r.rows, r.kept, r.rejected) == (7, 7, 0)
    assert validate_events(r.events) == []
    ev = r.events.set_index("event_id")
    assert ev.loc["UKR1", "orig_geo_precision"] == "1" and ev.loc["UKR1", "geo_precision"] == \
        "exact"
    lubny = ev.loc["UKR2"]
    assert abs(lubny.geometry.y - 50.02) < 0.05 and abs(lubny.geometry.x - 32.99) < 0.05
    assert lubny["geo_precision"] == "exact"
    assert lubny["orig_geo_precision"] == "geocoded:populated_place"
    assert "located by its place name 'Lubny, Poltava' (populated_place Lubny)" in \
        lubny["notes"]
    assert lubny["notes"].startswith("Invented row.")
    sumy = ev.loc["UKR3"]
    assert sumy["geo_precision"] == "admin1" and sumy["admin1"] == "Sumy"
    unknown_village = ev.loc["UKR5"]
    assert unknown_village["geo_precision"] == "admin1"
    assert "'Qqzzyvka, Sumy' (admin1 Sumy Oblast)" in unknown_village["notes"]
    why = r.rejects.set_index("event_id_cnty")["reason"]
    assert ev.loc["UKR4", "geo_precision"] == "country"  # no place named: the country
    assert "latitude/longitude: located at its country, Ukraine" in ev.loc["UKR4", "notes"]
    nobody = ev.loc["UKR7"]  # a name nobody knows: its country, said in the note
    assert nobody["geo_precision"] == "country" and nobody["country"] == "UA"
    assert "place 'Qqzzyvka' not found in the gazetteer: located at its country, Ukraine" in \
        nobody["notes"]
    assert why.empty
    impossible = ev.loc["UKR6"]  # a number no point has: the town, the number in the note
    assert impossible["geo_precision"] == "exact" and impossible["admin1"] == "Poltava"
    assert abs(impossible.geometry.y - 50.02) < 0.05
    assert "swapped lat/lon: lat=150.5, lon=33: located by its place name 'Lubny, Poltava'" \
        in impossible["notes"]


def test_without_a_geocoder_such_rows_are_rejected_as_before(tmp_path):
    path = acled(tmp_path / "acled.csv", [
        {"event_id_cnty": "UKR2", "admin1": "Poltava", "location": "Lubny",
         "latitude": "n/a", "longitude": ""}])
    r = read_events(path, geocoder=None)
    assert (r.kept, r.rejected) == (0, 1)
    assert r.rejects["reason"].iloc[0] == "missing required field: longitude"


def test_ucdp_row_with_blank_coordinates_is_located_by_where_coordinates(tmp_path, gazetteer):
    header = ["id", "relid", "year", "type_of_violence", "conflict_name", "side_a", "side_b",
              "where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country",
              "country_id", "date_start", "date_end", "date_prec", "best"]
    rows = [["9001", "UKR-1", "2023", "1", "Russia - Ukraine", "Government of Russia",
             "Government of Ukraine", "1", "Izium town", "Kharkiv oblast", "", "", "Ukraine",
             "369", "2023-05-02", "2023-05-02", "1", "3"]]
    path = tmp_path / "ged.csv"
    path.write_text(",".join(header) + "\n" + ",".join(rows[0]) + "\n", encoding="utf-8")
    r = read_events(path)
    assert r.format == "ucdp" and (r.kept, r.rejected) == (1, 0)
    row = r.events.iloc[0]
    assert abs(row.geometry.y - 49.21) < 0.05 and row["geo_precision"] == "exact"
    assert "located by its place name 'Izium town, Kharkiv oblast'" in row["notes"]


def test_a_table_row_with_a_point_no_place_has_is_located_by_its_place(tmp_path, gazetteer):
    path = tmp_path / "table.csv"
    path.write_text("id,date,place,country,lat,lon\n"
                    "t1,2024-05-01,Lubny,Ukraine,150.5,33.0\n"      # latitude beyond 90
                    "t2,2024-05-02,,Ukraine,x,y\n"                  # unreadable, no place
                    "t3,2024-05-03,Qqzzyvka,,200,1\n"               # a name nobody knows
                    "t4,2024-05-04,Lubny,,50.0186,32.9869\n",      # a good point: as given
                    encoding="utf-8")
    r = read_events(path)
    assert (r.rows, r.kept, r.rejected) == (4, 3, 1)
    ev = r.events.set_index("event_id")
    lubny = ev.loc["t1"]
    assert abs(lubny.geometry.y - 50.02) < 0.05 and abs(lubny.geometry.x - 32.99) < 0.05
    assert "swapped lat/lon: lat=150.5, lon=33 (located by its place name instead)" in \
        lubny["notes"]
    assert ev.loc["t2", "geo_precision"] == "country" and \
        "(located at its country instead)" in ev.loc["t2", "notes"]
    assert pd.isna(ev.loc["t4", "notes"]) and ev.loc["t4", "geometry"].y == 50.0186
    assert r.rejects["reason"].iloc[0] == ("coordinates out of range: lat=200, lon=1; "
                                           "place 'Qqzzyvka' not found in the gazetteer")
