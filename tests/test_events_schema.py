"""Event schema, taxonomy crosswalks, country codes and the GeoJSON writer."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geomap.dates import parse_date_column
from geomap.events.readers._checks import coords
from geomap.events.readers._common import country_to_iso2, fips_to_iso2, gw_to_iso2
from geomap.events.readers.gdelt import fips_country
from geomap.events.schema import (
    COLUMNS,
    coerce_events,
    empty_events,
    events_from_records,
    validate_events,
)
from geomap.events.taxonomy import (
    CAMEO_ROOTS,
    EVENT_TYPES,
    PLOVER_TYPES,
    from_acled,
    from_cameo,
    from_ucdp,
    normalise_type,
)
from geomap.export import frame_to_feature_collection, write_geojson


def test_empty_frame_has_every_column_and_dtype():
    e = empty_events()
    assert list(e.columns) == list(COLUMNS)
    assert e.crs == "EPSG:4326"
    assert str(e["fatalities"].dtype) == "Int64"
    assert str(e["date"].dtype) == "datetime64[ns]"
    assert validate_events(e) == []


def test_records_become_points_and_nulls():
    g = events_from_records([
        {"event_id": 1, "date": dt.date(2022, 3, 1), "lat": 50.0, "lon": 30.0,
         "event_type": "assault", "fatalities": 3},
        {"event_id": "2", "date": "2022-03-02", "lat": None, "lon": None, "fatalities": None},
    ])
    assert g.geometry.iloc[0] == Point(30.0, 50.0)
    assert g.geometry.iloc[1] is None
    assert g["event_id"].tolist() == ["1", "2"]
    assert g["fatalities"].iloc[1] is pd.NA


def test_coerce_rejects_values_outside_the_vocabularies():
    frame = pd.DataFrame({"event_id": ["a"], "event_type": ["battle"],
                          "geo_precision": ["street"]})
    with pytest.raises(ValueError, match="event_type values not allowed: battle"):
        coerce_events(frame)


def test_taxonomy_has_plover_types_plus_statement():
    assert len(PLOVER_TYPES) == 16
    assert (*PLOVER_TYPES, "statement") == EVENT_TYPES


@pytest.mark.parametrize(("etype", "sub", "expected"), [
    ("Battles", "Armed clash", "assault"),
    ("Explosions/Remote violence", "Air/drone strike", "assault"),
    ("Violence against civilians", "Abduction/forced disappearance", "assault"),
    ("Protests", "Peaceful protest", "protest"),
    ("Riots", "Violent demonstration", "protest"),
    ("Riots", "Mob violence", "assault"),
    ("Strategic developments", "Agreement", "agree"),
    ("Strategic developments", "Arrests", "coerce"),
    ("Strategic developments", "Headquarters or base established", "mobilize"),
    ("Strategic developments", "Non-violent transfer of territory", "retreat"),
    ("Strategic developments", "Looting/property destruction", "coerce"),
    ("Strategic developments", "Disrupted weapons use", "coerce"),
    ("Strategic developments", "Other", "statement"),
    ("Remote violence", "", "assault"),  # pre-2019 export
    ("Unknown", "Unknown", None),
])
def test_acled_crosswalk(etype, sub, expected):
    assert from_acled(etype, sub) == expected


def test_ucdp_and_cameo_crosswalks():
    assert [from_ucdp(c) for c in ("1", "2", "3", "4")] == ["assault"] * 3 + [None]
    assert len(CAMEO_ROOTS) == 20
    assert from_cameo("01") == "statement"
    assert from_cameo("043") == "consult"
    assert from_cameo("0874") == "retreat"
    assert from_cameo("057") == "agree"
    assert from_cameo("190") == "assault"
    assert from_cameo("1723") == "coerce"
    with pytest.raises(TypeError):
        from_cameo(43)
    assert normalise_type("Battles") == "assault"
    assert normalise_type("ASSAULT") == "assault"
    assert normalise_type("bombing") is None


@pytest.mark.parametrize(("fips", "iso"), [
    ("RS", "RU"), ("UP", "UA"), ("KN", "KP"), ("KS", "KR"), ("UK", "GB"), ("SF", "ZA"),
    ("GM", "DE"), ("AS", "AU"), ("OS", None),
])
def test_fips_to_iso2(fips, iso):
    assert fips_to_iso2(fips) == iso


def test_fips_country_prefers_the_adm1_prefix():
    assert fips_country("RS", "RS55") == ("RU", None)
    iso, note = fips_country("RS", "HU05")
    assert iso == "HU"
    assert "disagrees" in note


def test_country_names_and_codes():
    assert country_to_iso2("Russia (Soviet Union)") == "RU"
    assert country_to_iso2("804") == "UA"
    assert country_to_iso2("UKR") == "UA"
    assert country_to_iso2("ua") == "UA"
    assert country_to_iso2("DR Congo (Zaire)") == "CD"
    assert gw_to_iso2("369") == "UA"
    assert gw_to_iso2("365") == "RU"


def test_date_column_formats_and_ambiguity_rule():
    def parse(values):
        return parse_date_column(pd.Series(values, dtype=object))

    p = parse(["25/03/2022", "04/03/2022", "2022-03-04 00:00:00", "20220304", "4 March 2022",
               "March 4, 2022", "04.03.2022", "2022", "31/02/2022", "yesterday"])
    assert p.dayfirst
    assert [d.date() if pd.notna(d) else None for d in p.dates] == [
        dt.date(2022, 3, 25), *[dt.date(2022, 3, 4)] * 6, dt.date(2022, 1, 1), None, None]
    assert p.precision[7] == "year"
    m = parse(["03/25/2022", "03/04/2022"])
    assert not m.dayfirst and m.dates[1].date() == dt.date(2022, 3, 4)
    assert parse(["25/03/2022", "03/26/2022"]).dayfirst  # conflicting evidence: day first


def test_coordinate_rules():
    def check(lat, lon, required=False):
        la, lo, reason = coords(pd.Series([lat], dtype=object), pd.Series([lon], dtype=object),
                                required=required)
        return tuple(None if pd.isna(v) else v for v in (la[0], lo[0], reason[0]))

    assert check("48.5", "37.5") == (48.5, 37.5, None)
    assert check("", "") == (None, None, None)
    assert check("", "", required=True)[2].startswith("missing required field")
    assert check("137.5", "48.5")[2].startswith("swapped lat/lon")
    assert check("95", "200")[2].startswith("coordinates out of range")
    assert check("NaN", "30")[2].startswith("coordinates NaN")
    assert check("abc", "30")[2].startswith("coordinates not numeric")
    assert check("48,5", "37,5") == (48.5, 37.5, None)


def test_feature_collection_is_rfc7946(tmp_path):
    g = events_from_records([
        {"event_id": "a", "dataset": "x", "date": dt.date(2022, 3, 1), "lat": 50.25,
         "lon": 30.5, "fatalities": 2, "geo_precision": "exact"},
        {"event_id": "b", "dataset": "x", "date": None, "lat": None, "lon": None},
    ])
    fc = frame_to_feature_collection(g)
    assert "crs" not in fc
    first, second = fc["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [30.5, 50.25]}
    assert first["properties"]["date"] == "2022-03-01"
    assert first["properties"]["fatalities"] == 2
    assert first["properties"]["dataset"] == "x"
    assert second["geometry"] is None
    assert second["properties"]["date"] is None
    assert second["properties"]["fatalities"] is None
    out = tmp_path / "sub" / "e.geojson"
    write_geojson(g, out)
    assert json.loads(out.read_text(encoding="utf-8")) == fc


def test_feature_collection_reprojects():
    g = gpd.GeoDataFrame({"v": [float("nan")]}, geometry=[Point(3339584.72, 6446275.84)],
                         crs="EPSG:3857")
    fc = frame_to_feature_collection(g)
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert lon == pytest.approx(30.0, abs=1e-4)
    assert lat == pytest.approx(50.0, abs=1e-3)
    assert fc["features"][0]["properties"]["v"] is None
