"""Disputed territory and ``--de-facto`` on event records and text events alike (new-user4 2).

Records and text events get ``disputed`` and ``de_facto_country`` from their point, the same
way (:mod:`geomap.events.territory`); ``--de-facto`` moves both to the state in control; the
join's admin agreement does not change with the switch, and a coastal town's point just off
the simplified outline still lies in its division.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt

import numpy as np
import pandas as pd
import pytest
import shapely

from geomap._datadir import resolve_data_dir
from geomap.events.read import read_events
from geomap.join import join_events
from geomap.join._admin1 import Admin1Polygons

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp")
ACLED_HEADER = ACLED_COLUMNS.split(",")


def acled_row(event_id: str, date: str, where: tuple[str, str, float, float], *,
              fatalities: int = 0) -> dict:
    admin1, location, lat, lon = where
    row = dict.fromkeys(ACLED_HEADER, "")
    row.update({
        "event_id_cnty": event_id, "event_date": date, "year": date[:4], "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Ukraine (2019-)",
        "inter1": "1", "actor2": "Military Forces of Russia (2000-)", "inter2": "1",
        "interaction": "11", "iso": "804", "region": "Europe", "country": "Ukraine",
        "admin1": admin1, "location": location, "latitude": str(lat), "longitude": str(lon),
        "geo_precision": "1", "source": "Invented", "source_scale": "National",
        "notes": f"Invented test record at {location}.", "fatalities": str(fatalities),
        "timestamp": "1"})
    return row


def write_acled(path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=ACLED_HEADER)
        w.writeheader()
        w.writerows(rows)


@pytest.fixture()
def crimea_file(tmp_path):
    path = tmp_path / "acled-mixed.csv"
    write_acled(path, [
        # a harbour strike 300 m from Sevastopol's gazetteer point, an airfield in Crimea,
        # a village in Kherson Oblast (disputed, no de-facto state) and Lviv (not disputed)
        acled_row("INV1", "2023-09-22", ("Sevastopol", "Sevastopol", 44.6054, 33.5220),
                  fatalities=2),
        acled_row("INV2", "2023-09-13", ("Autonomous Republic of Crimea", "Saky", 45.1330,
                                         33.5990)),
        acled_row("INV3", "2023-09-14", ("Kherson", "Bilozerka", 46.6265, 32.4445)),
        acled_row("INV4", "2023-09-15", ("Lviv", "Lviv", 49.8397, 24.0297)),
    ])
    return path


def _by_id(table: pd.DataFrame, column: str) -> dict:
    return {k: (None if pd.isna(v) else v)
            for k, v in zip(table["event_id"], table[column].astype(object), strict=True)}


def test_records_carry_disputed_and_the_de_facto_state(crimea_file):
    recognised = read_events(crimea_file).events
    assert _by_id(recognised, "country") == dict.fromkeys(["INV1", "INV2", "INV3", "INV4"], "UA")
    assert _by_id(recognised, "disputed") == {"INV1": True, "INV2": True, "INV3": True,
                                              "INV4": False}
    assert _by_id(recognised, "de_facto_country") == {"INV1": "RU", "INV2": "RU",
                                                      "INV3": None, "INV4": None}
    de_facto = read_events(crimea_file, de_facto=True).events
    # the switch moves Crimea and Sevastopol only: Kherson Oblast has no de-facto state
    assert _by_id(de_facto, "country") == {"INV1": "RU", "INV2": "RU", "INV3": "UA",
                                           "INV4": "UA"}
    assert _by_id(de_facto, "disputed") == _by_id(recognised, "disputed")


def test_the_python_api_takes_the_switch_for_records(crimea_file):
    import geomap

    table = geomap.read_events(crimea_file, de_facto=True)
    assert _by_id(table, "country")["INV2"] == "RU"
    assert _by_id(geomap.read_events(crimea_file), "country")["INV2"] == "UA"


def test_a_point_just_off_a_simplified_coast_lies_in_its_division():
    polys = Admin1Polygons.load(resolve_data_dir(None) / "gazetteer" / "admin1.geojson")
    # Sevastopol's gazetteer point lies about 200 m out in the bay of the simplified outline;
    # a point 60 km out in the Black Sea is in no division
    pts = shapely.points([33.52134, 32.0], [44.60795, 44.0])
    first = polys.first(pts)
    assert polys.keys[first[0]] == "a1:UA.20"
    assert first[1] == -1


def _text_events(gazetteer, text: str, date: str):
    from geomap.api import extract_events

    return extract_events([text], date=date, gazetteer=gazetteer)


@pytest.fixture(scope="module")
def de_facto_gazetteer():
    from geomap.gazetteer import Gazetteer

    return Gazetteer(de_facto=True)


@pytest.mark.parametrize("switch", [False, True])
def test_text_events_and_records_say_the_same(crimea_file, gazetteer, de_facto_gazetteer,
                                              switch):
    gaz = de_facto_gazetteer if switch else gazetteer
    text = ("Ukrainian missiles struck Sevastopol on Friday, killing two people, the "
            "Russian-installed governor said.")
    events = _text_events(gaz, text, "2023-09-23")
    here = events[events["location"].astype(str).str.contains("Sevastopol")]
    assert len(here)
    records = read_events(crimea_file, de_facto=switch).events
    rec = records[records["event_id"] == "INV1"].iloc[0]
    for _, ev in here.iterrows():
        assert (ev["country"], bool(ev["disputed"]), ev["de_facto_country"]) == (
            rec["country"], bool(rec["disputed"]), rec["de_facto_country"])
    links = join_events(records, events, km=25, days=3).links
    best = links[(links["record_id"] == "INV1") & (links["rank"] == 1)]
    assert len(best)
    # the same division and the same country: the switch lowers nothing
    assert np.allclose(best["admin_score"].astype(float), 1.0)


def test_the_join_agrees_when_only_one_side_took_the_switch(crimea_file, de_facto_gazetteer):
    text = "A drone attack hit Sevastopol on Friday, the city's governor said."
    events = _text_events(de_facto_gazetteer, text, "2023-09-23")
    records = read_events(crimea_file).events  # recognised borders: UA, de facto RU
    links = join_events(records, events, km=25, days=3).links
    best = links[links["record_id"] == "INV1"]
    assert len(best) and np.allclose(best["admin_score"].astype(float), 1.0)


def _events_cli(argv):
    from geomap.cli import events as events_cli

    parser = argparse.ArgumentParser(prog="geomap")
    sub = parser.add_subparsers(dest="command")
    events_cli.add_parser(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_events_read_takes_de_facto(crimea_file, tmp_path, capsys):
    out = tmp_path / "records.csv"
    assert _events_cli(["events", "read", str(crimea_file), "-o", str(out), "--de-facto"]) == 0
    capsys.readouterr()
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert _by_id(table, "country") == {"INV1": "RU", "INV2": "RU", "INV3": "UA",
                                        "INV4": "UA"}
    assert _by_id(table, "de_facto_country")["INV1"] == "RU"


def test_run_records_and_export_take_de_facto(crimea_file, tmp_path, capsys):
    import geopandas as gpd

    from geomap.cli import main

    assert main(["run", "records", str(crimea_file), "-o", str(tmp_path / "parts"),
                 "--partitions", "1", "--de-facto"]) == 0
    parts = gpd.read_parquet(tmp_path / "parts")
    assert _by_id(parts, "country")["INV2"] == "RU"
    assert main(["export", str(crimea_file), "-o", str(tmp_path / "x.geojson"),
                 "--de-facto"]) == 0
    exported = gpd.read_file(tmp_path / "x.geojson")
    assert _by_id(exported, "country")["INV1"] == "RU"
    assert main(["export", str(crimea_file), "-o", str(tmp_path / "y.geojson")]) == 0
    assert _by_id(gpd.read_file(tmp_path / "y.geojson"), "country")["INV1"] == "UA"
    capsys.readouterr()


def test_unlocated_and_country_level_rows_are_not_flagged():
    from geomap.events.schema import events_from_records
    from geomap.events.territory import mark_territory

    table = events_from_records([
        {"event_id": "a", "dataset": "x", "date": dt.date(2023, 1, 1), "country": "UA",
         "lat": None, "lon": None, "geo_precision": "unknown"},
        {"event_id": "b", "dataset": "x", "date": dt.date(2023, 1, 1), "country": "UA",
         "lat": 49.0, "lon": 32.0, "geo_precision": "country"},
        # a row of another country whose point lies in a disputed unit without a de-facto
        # state (a simplified border): not flagged, its country kept
        {"event_id": "c", "dataset": "x", "date": dt.date(2023, 1, 1), "country": "RU",
         "lat": 48.0, "lon": 37.8, "geo_precision": "exact"},
    ])
    out = mark_territory(table, de_facto=True)
    flags = out["disputed"].astype(object).tolist()
    assert flags[0] is pd.NA and flags[1] is pd.NA and flags[2] is False
    assert _by_id(out, "country")["c"] == "RU"
