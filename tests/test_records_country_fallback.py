"""Records whose place is unknown fall back to their country (new-user 15): generic table
rows. Rows written here."""

from __future__ import annotations

from geomap.events import read_events
from geomap.events.schema import validate_events


def test_generic_row_with_an_unknown_place_is_located_at_its_country(tmp_path, gazetteer):
    path = tmp_path / "incidents.csv"
    path.write_text(
        "date,location,country,type,killed\n"
        "2024-05-01,Qqzzyv Camp,Chad,attack,3\n"          # a place nobody knows, a country
        "2024-05-02,,Niger,attack,1\n"                    # no place at all, a country
        "2024-05-03,Qqzzyv Camp,,attack,0\n"              # neither: unlocated, kept
        "2024-05-04,Abeche,Chad,attack,0\n", encoding="utf-8")
    r = read_events(path)
    assert (r.rows, r.kept, r.rejected) == (4, 4, 0)
    assert validate_events(r.events) == []
    ev = r.events.reset_index(drop=True)
    assert list(ev["geo_precision"]) == ["country", "country", "unknown", "exact"]
    assert list(ev["country"][:2]) == ["TD", "NE"]
    assert ev.loc[0, "orig_geo_precision"] == "geocoded:country"
    assert ev.loc[0, "notes"] == "place not found: Qqzzyv Camp; located at its country, Chad"
    assert ev.loc[1, "notes"] == "located at its country, Niger (no place given)"
    assert ev.geometry[2] is None or ev.geometry[2].is_empty
    assert ev.loc[3, "orig_geo_precision"] == "geocoded:populated_place"


def test_without_a_geocoder_nothing_is_located_by_name_or_country(tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text("date,location,country,type\n2024-05-01,Abeche,Chad,attack\n",
                    encoding="utf-8")
    r = read_events(path, geocoder=None)
    assert r.events["geo_precision"].tolist() == ["unknown"]

