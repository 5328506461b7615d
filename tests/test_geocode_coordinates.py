"""Coordinates as geocoder queries (new-user 19): the point itself, the division and country
holding it, the nearest town; in `geomap geocode` and in a table's location column. Queries
and rows written here."""

from __future__ import annotations

import json

import pytest

from geomap.cli import main
from geomap.events import read_events
from geomap.geocoding import geocode_freeform
from geomap.geocoding.coordinates import Reading, read_coordinates


@pytest.mark.parametrize(("query", "lat", "lon"), [
    ("49.59N 34.55E", 49.59, 34.55),                   # hemisphere letters after
    ("N49.59 E34.55", 49.59, 34.55),                   # ... before
    ("49.59N34.55E", 49.59, 34.55),                    # no space
    ("34.55E 49.59N", 49.59, 34.55),                   # letters say longitude first
    ("49°35'24\"N 34°33'E", 49.59, 34.55),            # degrees, minutes, seconds
    ("49°35′24″ N, 34°33′ E", 49.59, 34.55),           # typographic primes
    ("49 35 24 N 34 33 0 E", 49.59, 34.55),            # DMS with spaces, letters needed
    ("49°35.4'N 34°33'E", 49.59, 34.55),               # decimal minutes
    ("33.92 S, 18.42 E", -33.92, 18.42),               # southern hemisphere
    ("S33.92 W70.65", -33.92, -70.65),
    ("-33.92, -70.65", -33.92, -70.65),                # signs
    ("49,59; 34,55", 49.59, 34.55),                    # decimal commas
    ("geo:49.59,34.55", 49.59, 34.55),                 # a geo: URI
    ("12.5, 45.3", 12.5, 45.3),
])
def test_forms_of_a_coordinate_pair(query, lat, lon):
    r = read_coordinates(query)
    assert isinstance(r, Reading)
    assert r.lat == pytest.approx(lat, abs=1e-4) and r.lon == pytest.approx(lon, abs=1e-4)


def test_order_latitude_first_unless_impossible_and_said():
    r = read_coordinates("34.55, 49.59")
    assert (r.lat, r.lon, r.ambiguous) == (34.55, 49.59, True)
    assert "the usual order" in r.note and "would be possible too" in r.note
    r = read_coordinates("131.9, 43.1")               # 131.9 is no latitude: swapped
    assert (r.lat, r.lon, r.ambiguous) == (43.1, 131.9, False)
    assert "131.9 is no possible latitude" in r.note


def test_a_country_settles_an_ambiguous_order():
    def country_of(lat, lon):  # an invented world: one country east of 30E above 40N
        return "AA" if lat > 40 and lon > 30 else "BB"
    r = read_coordinates("34.55, 49.59", country_of, "AA")
    assert (r.lat, r.lon) == (49.59, 34.55) and "only that order lies in AA" in r.note
    r = read_coordinates("34.55, 49.59", country_of, "BB")
    assert (r.lat, r.lon) == (34.55, 49.59)


@pytest.mark.parametrize("query", ["95.1, 200.4", "49.5N 34.5N", "120E 30W"])
def test_numbers_that_are_no_point_give_the_reason(query):
    assert isinstance(read_coordinates(query), str)


@pytest.mark.parametrize("query", ["Kyiv", "Route 66", "48 37", "Hill 112", "49.5.3",
                                   "49°75'N 34°10'E", "49.5°30'N 34E", "1 2 3 4 5"])
def test_other_queries_are_not_coordinates(query):
    assert read_coordinates(query) is None


def test_the_geocoder_answers_the_point_with_its_division_and_nearest_town(gazetteer):
    res = geocode_freeform("49.59N 34.55E", gazetteer)     # beside Poltava
    assert res.match == "coordinates" and res.precision == "exact" and res.confidence == 1.0
    assert (res.place.lat, res.place.lon) == (49.59, 34.55)
    assert res.place.country == "UA" and res.place.admin1 == "Poltava Oblast"
    assert res.nearest["name"] and res.nearest["distance_km"] < 15
    assert res.nearest["name"] in res.note


def test_geocode_cli_json_says_how_the_pair_was_read(capsys, gazetteer):
    code = main(["geocode", "--json", "34.55, 49.59", "34.55, 49.59", "--country", "UA"])
    out, _err = capsys.readouterr()
    res = json.loads(out)
    assert code == 0 and res[0]["country"] == "UA" and res[0]["lat"] == 49.59
    assert "only that order lies in UA" in res[0]["note"]
    code = main(["geocode", "--json", "34.55, 49.59", "95.1, 200.4", "Poltava"])
    res = json.loads(capsys.readouterr()[0])
    assert res[0]["lat"] == 34.55 and "would be possible too" in res[0]["note"]
    assert res[1]["name"] is None and "not a possible point" in res[1]["note"]
    assert res[2]["match"] != "coordinates" and res[2]["nearest"] is None


def test_a_table_location_holding_coordinates_is_that_point(tmp_path, gazetteer):
    path = tmp_path / "incidents.csv"
    path.write_text(
        "date,location,admin1,country,type,killed\n"
        "2024-03-02,\"49.59N, 34.55E\",Poltava Oblast,Ukraine,shelling,1\n"
        "2024-03-03,\"34.55, 49.59\",,Ukraine,shelling,0\n"        # lon first: the country says
        "2024-03-04,Lubny,Poltava Oblast,Ukraine,shelling,0\n", encoding="utf-8")
    res = read_events(path)
    ev = res.events.reset_index(drop=True)
    assert list(ev["geo_precision"]) == ["exact", "exact", "exact"]
    assert list(ev["orig_geo_precision"][:2]) == ["coordinates", "coordinates"]
    points = [(round(p.y, 6), round(p.x, 6)) for p in ev.geometry]
    assert points[0] == points[1] == (49.59, 34.55)
    assert ev.loc[1, "admin1"] == "Poltava Oblast"
    assert "read as coordinates" in ev.loc[0, "notes"]
    assert ev.loc[2, "orig_geo_precision"] == "geocoded:populated_place"
