"""Invariants of the shipped gazetteer files in data/gazetteer (built by scripts/build_data.py).

Reads only files in the repository; no network.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import pytest
import shapely

GAZ = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
FILES = ("admin1", "countries", "us_counties")
MAX_FILE_BYTES = 8_000_000
MAX_TOTAL_BYTES = 12_500_000


@cache
def load(name: str) -> list[dict]:
    path = GAZ / f"{name}.geojson"
    if not path.is_file():
        pytest.fail(f"{path} missing: run .venv/bin/python scripts/build_data.py")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    return data["features"]


@cache
def geoms(name: str) -> list:
    return [
        shapely.from_geojson(json.dumps(f["geometry"])) if f["geometry"] else None
        for f in load(name)
    ]


def by(name: str, field: str, value) -> dict:
    hits = [f for f in load(name) if f["properties"].get(field) == value]
    assert len(hits) == 1, f"{name}: {len(hits)} features with {field}={value!r}"
    return hits[0]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_sizes():
    total = 0
    for name in FILES:
        size = (GAZ / f"{name}.geojson").stat().st_size
        assert size < MAX_FILE_BYTES, name
        total += size
    assert total < MAX_TOTAL_BYTES


def test_kursk_oblast():
    p = by("admin1", "iso_3166_2", "RU-KRS")["properties"]
    assert p["key"] == "a1:RU.41"
    assert p["admin1_code"] == "RU.41"
    assert p["country"] == "RU"
    assert p["name"] == "Kursk Oblast"
    assert p["geonameid"] == 538555
    assert "Kursk" in p["alt_names"]
    assert "Курская область" in p["alt_names"]
    assert p["disputed"] is False
    assert km(p["lat"], p["lon"], 51.74, 36.29) < 30


@pytest.mark.parametrize("iso", ["UA-43", "UA-40"])
def test_crimea_and_sevastopol_under_recognised_borders(iso):
    p = by("admin1", "iso_3166_2", iso)["properties"]
    assert p["country"] == "UA"
    assert p["disputed"] is True
    assert p["de_facto_country"] == "RU"


@pytest.mark.parametrize(
    ("iso", "name"),
    [
        ("UA-14", "Donetsk Oblast"),
        ("UA-09", "Luhansk Oblast"),
        ("UA-23", "Zaporizhzhia Oblast"),
        ("UA-65", "Kherson Oblast"),
    ],
)
def test_partly_occupied_oblasts(iso, name):
    p = by("admin1", "iso_3166_2", iso)["properties"]
    assert p["name"] == name
    assert p["country"] == "UA"
    assert p["disputed"] is True
    assert p["de_facto_country"] is None


@pytest.mark.parametrize(
    ("iso", "country"),
    [("GE-AB", "GE"), ("GE-SK", "GE"), ("MD-GRI", "MD"), ("MD-BD", "MD"), ("SY-QU", "SY"),
     ("-99-X04~", "CY"), ("EH-X01~", "EH")],
)
def test_territories_held_by_unrecognised_authorities_are_disputed(iso, country):
    # Abkhazia, South Ossetia's unit, Transnistria, the Golan's province, Northern Cyprus,
    # Western Sahara: the recognised country, flagged, no de facto state
    p = by("admin1", "iso_3166_2", iso)["properties"]
    assert (p["country"], p["disputed"], p["de_facto_country"]) == (country, True, None)


def test_only_listed_whole_countries_are_disputed():
    flagged = {f["properties"]["iso2"] for f in load("countries") if f["properties"]["disputed"]}
    assert flagged == {"EH"}


def test_admin1_properties_and_geometries():
    expected = {
        "key", "geonameid", "iso_3166_2", "admin1_code", "country", "name", "type",
        "alt_names", "lat", "lon", "disputed", "de_facto_country",
    }  # fmt: skip
    feats = load("admin1")
    assert len(feats) > 4500
    for f, g in zip(feats, geoms("admin1"), strict=True):
        p = f["properties"]
        assert set(p) == expected, p["key"]
        assert p["key"].startswith("a1:")
        assert isinstance(p["alt_names"], list)
        assert p["geonameid"] is None or p["geonameid"] > 0
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
        assert g is not None and not g.is_empty, p["key"]
        assert g.is_valid, p["key"]
        assert g.geom_type in ("Polygon", "MultiPolygon")


def test_california():
    p = by("admin1", "iso_3166_2", "US-CA")["properties"]
    assert (p["name"], p["type"], p["country"], p["key"]) == (
        "California", "State", "US", "a1:US.CA",
    )  # fmt: skip


def test_neighbours_still_touch():
    iso = [f["properties"]["iso_3166_2"] for f in load("admin1")]
    g = geoms("admin1")
    kursk, belgorod = g[iso.index("RU-KRS")], g[iso.index("RU-BEL")]
    donetsk, luhansk = g[iso.index("UA-14")], g[iso.index("UA-09")]
    assert kursk.intersects(belgorod)
    assert donetsk.intersects(luhansk)
    # shared border, not just a point, and no real overlap
    assert kursk.intersection(belgorod).length > 1.0
    assert kursk.intersection(belgorod).area < 1e-6


def test_countries():
    kp = by("countries", "key", "c:KP")["properties"]
    assert kp["iso2"] == "KP" and kp["iso3"] == "PRK"
    assert kp["name"] == "North Korea"
    assert "North Korean" in kp["demonyms"]
    ru = by("countries", "key", "c:RU")["properties"]
    assert ru["name"] == "Russia"
    assert "Russian" in ru["demonyms"]
    us = by("countries", "key", "c:US")["properties"]
    assert us["name"] == "United States"
    assert km(us["lat"], us["lon"], 39.76, -98.5) < 300
    assert us["geonameid"] == 6252001
    assert by("countries", "key", "c:KR")["properties"]["name"] == "South Korea"
    # Natural Earth's ISO_A2 is -99 for these; they must still be matched
    for iso2 in ("FR", "NO", "XK"):
        f = by("countries", "key", f"c:{iso2}")
        assert f["geometry"] is not None


def test_crimea_inside_ukraine_polygon():
    keys = [f["properties"]["key"] for f in load("countries")]
    ua = geoms("countries")[keys.index("c:UA")]
    ru = geoms("countries")[keys.index("c:RU")]
    simferopol = shapely.Point(34.10, 44.95)
    assert ua.contains(simferopol)
    assert not ru.contains(simferopol)


# GeoNames' own points of some countries (the convention of geoparsing corpora and of most
# gazetteers): where countryinfo's point and Natural Earth's label point disagree by 100-300 km
# (Iran, Sudan: the label point alone was 182 and 167 km off), where countryinfo's is not
# GeoNames' (the United States) and where the label point is far off (Russia)
GEONAMES_POINTS = {"IR": (32.0, 53.0), "SD": (15.0, 30.0), "US": (39.76, -98.5),
                   "RU": (60.0, 100.0), "PK": (30.0, 70.0), "UA": (49.0, 32.0),
                   "CN": (35.0, 105.0), "PH": (13.0, 122.0)}


@pytest.mark.parametrize("iso2", sorted(GEONAMES_POINTS))
def test_country_point_within_161_km_of_geonames(iso2):
    p = by("countries", "key", f"c:{iso2}")["properties"]
    assert km(p["lat"], p["lon"], *GEONAMES_POINTS[iso2]) <= 161


def test_a_midpoint_country_point_lies_inside_its_country():
    feats = load("countries")
    shapes = geoms("countries")
    mids = [(f["properties"], g) for f, g in zip(feats, shapes, strict=True)
            if f["properties"]["point_source"] == "countryinfo+naturalearth-label"]
    assert len(mids) > 100
    for p, g in mids:
        assert g.contains(shapely.Point(p["lon"], p["lat"])), p["key"]


def test_countries_without_polygon_keep_a_point():
    feats = load("countries")
    nulls = [f["properties"] for f in feats if f["geometry"] is None]
    assert nulls, "expected tiny territories without a Natural Earth polygon"
    for p in nulls:
        assert p["point_source"]
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
    assert len({f["properties"]["iso2"] for f in feats} - {None}) >= 250
    for g in geoms("countries"):
        assert g is None or g.is_valid


def test_us_counties():
    feats = load("us_counties")
    assert len(feats) > 3000
    rapides = by("us_counties", "fips", "22079")["properties"]
    assert rapides["name"] == "Rapides Parish"
    assert rapides["state"] == "LA"
    assert rapides["key"] == "a2:US.22079"
    cook = by("us_counties", "fips", "17031")["properties"]
    assert (cook["name"], cook["state"], cook["country"]) == ("Cook County", "IL", "US")
    for f, g in zip(feats, geoms("us_counties"), strict=True):
        p = f["properties"]
        assert p["key"] == f"a2:US.{p['fips']}"
        assert p["geonameid"] is None
        if g is not None:
            assert g.is_valid, p["key"]
    # the label point lies inside the county
    i = [f["properties"]["fips"] for f in feats].index("17031")
    assert geoms("us_counties")[i].contains(shapely.Point(cook["lon"], cook["lat"]))


def test_keys_unique_across_files():
    keys = [f["properties"]["key"] for name in FILES for f in load(name)]
    dups = {k for k in keys if keys.count(k) > 1} if len(set(keys)) != len(keys) else set()
    assert not dups
