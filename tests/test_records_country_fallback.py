"""Records whose place is unknown fall back to their country (new-user 15, 21): generic table
rows, GDELT rows whose point cannot be read; rejected only when nothing locates them. Rows
written here."""

from __future__ import annotations

from geomap.events import read_events
from geomap.events.readers.gdelt import EVENT_COLUMNS
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


def gdelt(path, rows: list[dict[str, str]]):
    base = {"SQLDATE": "20240510", "MonthYear": "202405", "Year": "2024",
            "FractionDate": "2024.35", "Actor1Name": "REBEL", "IsRootEvent": "1",
            "EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19", "QuadClass": "4",
            "GoldsteinScale": "-10", "NumMentions": "2", "NumSources": "1",
            "NumArticles": "2", "AvgTone": "-5", "DATEADDED": "20240510120000",
            "SOURCEURL": "https://example.invalid/a"}
    lines = ["\t".join({**base, **row}.get(c, "") for c in EVENT_COLUMNS) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def geo(*values: str) -> dict[str, str]:
    """ActionGeo type, full name, FIPS country, ADM1 code, latitude, longitude."""
    names = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long")
    return {f"ActionGeo_{n}": v for n, v in zip(names, values, strict=True)}


def test_gdelt_row_with_an_unreadable_point_is_located_by_its_action_geo(tmp_path, gazetteer):
    path = gdelt(tmp_path / "20240510.export.CSV", [
        {"GLOBALEVENTID": "1", **geo("4", "Abeche, Ouaddai, Chad", "CD", "CD12", "13.83",
                                     "20.83")},                       # a good point: as given
        {"GLOBALEVENTID": "2", **geo("1", "Chad", "CD", "CD", "n/a", "")},       # country row
        {"GLOBALEVENTID": "3", **geo("4", "Abeche, Ouaddai, Chad", "CD", "CD12", "?", "?")},
        {"GLOBALEVENTID": "4", **geo("4", "Qqzzyv, Chad", "CD", "CD", "x", "y")},  # unknown
        {"GLOBALEVENTID": "5", **geo("", "", "", "", "x", "")},       # nothing locates it
        {"GLOBALEVENTID": "6", **geo("", "", "", "", "", "")},        # no place: unlocated
    ])
    r = read_events(path)
    assert r.format == "gdelt" and (r.rows, r.kept, r.rejected) == (6, 5, 1)
    ev = r.events.set_index("event_id")
    assert ev.loc["1", "orig_geo_precision"] == "4"
    assert ev.loc["2", "geo_precision"] == "country" and ev.loc["2", "country"] == "TD"
    assert ev.loc["2", "orig_geo_precision"] == "geocoded:country"
    town = ev.loc["3"]
    assert town["geo_precision"] == "exact" and abs(town.geometry.y - 13.83) < 0.1
    assert "located by its place name 'Abeche, Ouaddai, Chad'" in town["notes"]
    assert ev.loc["4", "geo_precision"] == "country"
    assert "'Qqzzyv, Chad' (country Chad)" in ev.loc["4", "notes"]
    assert ev.loc["6", "geo_precision"] == "unknown"
    reason = r.rejects["reason"].iloc[0]
    assert reason.startswith("missing required field: longitude") and "no place name" in reason
