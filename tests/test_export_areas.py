"""A country is an area, not a dot, in the exported files too: rows located only to a country or
a first-level division carry that area's outline (the map's), with lat / lon keeping the point,
in GeoJSON (RFC 7946), GeoPackage, GeoParquet and CSV; ``geomap map`` and ``events read``."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_render_map import DATA

from geomap.cli import main
from geomap.events.schema import coerce_events
from geomap.export import read_table, table_metadata, with_areas, write_geojson, write_table
from geomap.mentions import MENTION_COLUMNS
from geomap.render.boundaries import country_polygons


def _events() -> gpd.GeoDataFrame:
    """Invented records: a town, a country, two oblasts (one named, one by its point only),
    an oblast record whose point lies just off the coast but whose name says which, a movement,
    an unlocated one and a country with no shipped outline."""
    rows = [
        ("e1", "exact", "UA", "Kharkiv Oblast", shapely.Point(36.23, 49.99)),
        ("e2", "country", "UA", None, shapely.Point(31.4, 49.0)),
        ("e3", "admin1", "UA", "Kherson Oblast", shapely.Point(33.5, 46.7)),
        ("e4", "admin1", "UA", None, shapely.Point(24.0, 49.8)),  # Lviv Oblast by its point
        ("e5", "admin1", "UA", "Odessa Oblast", shapely.Point(30.9, 46.1)),  # in the sea
        ("e6", "country", "RU", None, shapely.LineString([(37.6, 55.75), (36.2, 50.0)])),
        ("e7", "unknown", None, None, None),
        ("e8", "country", "ZZ", None, shapely.Point(10.0, 10.0)),
    ]
    frame = pd.DataFrame([{"event_id": i, "dataset": "acled", "date": "2024-06-01",
                           "geo_precision": p, "country": c, "admin1": a, "geometry": g}
                          for i, p, c, a, g in rows])
    return coerce_events(gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326"),
                         check=False)


def _mentions() -> gpd.GeoDataFrame:
    rows = [("Ukrainian", "c:UA", "country", "UA", (31.4, 49.0)),
            ("Donetsk Oblast", "a1:UA.05", "admin1", "UA", (37.8, 48.0)),
            ("Sumy", "gn:692194", "populated_place", "UA", (34.8, 50.9)),
            ("Siberia", "rg:siberia", "region", "RU", (100.0, 60.0)),
            ("Nowhere", None, None, None, None)]
    recs = [dict.fromkeys(MENTION_COLUMNS) | {
        "article_id": "a1", "name": n, "place_key": k, "feature": f, "country": cc,
        "place_name": n} for n, k, f, cc, _xy in rows]
    geoms = [shapely.Point(xy) if xy else None for *_x, xy in rows]
    return gpd.GeoDataFrame(recs, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"))


def test_events_located_to_a_country_or_oblast_become_its_outline():
    ev = _events()
    out = with_areas(ev, DATA)
    kinds = dict(zip(out["event_id"], out.geometry.geom_type.fillna("none"), strict=True))
    assert kinds == {"e1": "Point", "e2": "MultiPolygon", "e3": "MultiPolygon",
                     "e4": "MultiPolygon", "e5": "MultiPolygon", "e6": "LineString",
                     "e7": "none", "e8": "Point"}
    geom = dict(zip(out["event_id"], out.geometry, strict=True))
    kharkiv, kyiv, lviv = (shapely.Point(36.23, 49.99), shapely.Point(30.52, 50.45),
                           shapely.Point(24.03, 49.84))
    assert geom["e2"].contains(kyiv) and geom["e2"].contains(lviv)  # Ukraine
    assert geom["e3"].contains(shapely.Point(32.6, 46.64))  # Kherson city in Kherson Oblast
    assert not geom["e3"].contains(kharkiv)
    assert geom["e4"].contains(lviv) and not geom["e4"].contains(kyiv)
    assert geom["e5"].contains(shapely.Point(30.73, 46.48))  # Odesa, though the point is not
    # every row keeps its point; lines and unlocated rows have none
    pts = out.set_index("event_id")[["lat", "lon"]]
    assert tuple(pts.loc["e3"]) == (46.7, 33.5) and tuple(pts.loc["e2"]) == (49.0, 31.4)
    assert pts.loc[["e6", "e7"]].isna().all().all()
    # disputed territory is said, as mentions say it: Kherson Oblast is flagged, Lviv not
    flag = dict(zip(out["event_id"], out["disputed"].astype(object), strict=True))
    assert flag["e3"] is True and flag["e4"] is False and flag["e1"] is False
    assert pd.isna(flag["e2"]) and pd.isna(flag["e7"])  # only a country / no place at all
    # the input is untouched (the map still draws from points)
    assert set(ev.geometry.dropna().geom_type) == {"Point", "LineString"}


def test_a_movement_to_a_whole_country_is_written_ending_at_its_capital():
    # "troops sent from Pyongyang to Russia": the country's end is where the map draws it
    ru = country_polygons(DATA).loc["RU"]
    frame = pd.DataFrame([{"event_id": "m1", "dataset": "text", "date": "2024-10-28",
                           "geo_precision": "country", "country": "RU", "admin1": None,
                           "geometry": shapely.LineString([(125.75, 39.03),
                                                           (ru["lon"], ru["lat"])])}])
    ev = coerce_events(gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326"),
                       check=False)
    line = with_areas(ev, DATA).geometry.iloc[0]
    (x0, y0), (x1, y1) = line.coords[0], line.coords[-1]
    assert (x0, y0) == (125.75, 39.03)  # a city end stays
    assert abs(x1 - 37.62) < 0.05 and abs(y1 - 55.75) < 0.05  # Moscow, not Siberia


def test_country_and_oblast_mentions_become_areas_towns_stay_points():
    out = with_areas(_mentions(), DATA)
    kinds = dict(zip(out["name"], out.geometry.geom_type.fillna("none"), strict=True))
    assert kinds == {"Ukrainian": "MultiPolygon", "Donetsk Oblast": "MultiPolygon",
                     "Sumy": "Point", "Siberia": "Point", "Nowhere": "none"}
    assert out.loc[out["name"] == "Ukrainian", "lon"].item() == 31.4


@pytest.mark.parametrize("ext", [".geojson", ".gpkg", ".parquet", ".csv"])
def test_areas_read_back_from_every_format(tmp_path, ext):
    out = with_areas(_events(), DATA)
    path = tmp_path / f"events{ext}"
    write_table(out, path, metadata=table_metadata(out, kind="events"))
    back = read_table(path)
    assert list(back["event_id"]) == list(out["event_id"])  # one layer, every row, in order
    for a, b in zip(out.geometry, back.geometry, strict=True):
        if a is None:
            assert b is None or b.is_empty
        else:
            assert a.geom_type == b.geom_type and shapely.equals_exact(a, b, 1e-9)
    assert back["lat"].notna().sum() == 6


def test_geojson_areas_follow_rfc7946(tmp_path):
    path = tmp_path / "events.geojson"
    out = with_areas(_events(), DATA)
    write_geojson(out, path, metadata=table_metadata(out, kind="events"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "crs" not in data and "MultiPolygon" in data["properties"]["units"]["geometry"]
    polys = [f["geometry"] for f in data["features"]
             if f["geometry"] and f["geometry"]["type"] == "MultiPolygon"]
    assert len(polys) == 4
    for g in polys:
        for polygon in g["coordinates"]:
            assert shapely.LinearRing(polygon[0]).is_ccw  # exterior anticlockwise
            assert all(not shapely.LinearRing(r).is_ccw for r in polygon[1:])
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in polygon[0])


ACLED_ROWS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp\n"
    "UKR8001,2024-06-01,2024,1,Political violence,Explosions/Remote violence,Shelling/artillery/"
    "missile attack,Military Forces of Russia (2000-),,8,,,0,80,,804,Europe,Ukraine,Kherson,,,"
    "Kherson,46.64,32.61,1,Our test,National,Shelling of the city.,0,,1730800000\n"
    "UKR8002,2024-06-02,2024,1,Political violence,Explosions/Remote violence,Shelling/artillery/"
    "missile attack,Military Forces of Russia (2000-),,8,,,0,80,,804,Europe,Ukraine,Kherson,,,"
    "Kherson Oblast,46.75,33.35,3,Our test,National,Shelling somewhere in the oblast.,0,,"
    "1730800000\n")


def test_events_read_writes_an_oblast_record_as_its_area(tmp_path):
    src = tmp_path / "acled.csv"
    src.write_text(ACLED_ROWS, encoding="utf-8")
    out = tmp_path / "events.gpkg"
    assert main(["events", "read", str(src), "-o", str(out)]) == 0
    back = gpd.read_file(out).set_index("event_id")
    assert back.geometry.geom_type.to_dict() == {"UKR8001": "Point", "UKR8002": "MultiPolygon"}
    assert back.geometry["UKR8002"].contains(shapely.Point(32.61, 46.64))
    assert (back.loc["UKR8002", "lat"], back.loc["UKR8002", "lon"]) == (46.75, 33.35)


def test_map_files_draw_countries_as_areas(tmp_path, gazetteer):
    from geomap.pipeline import run_map

    art = tmp_path / "a.txt"
    art.write_text("Border talks\n\nUkrainian and Polish officials met in Lublin on Monday to "
                   "talk about the grain trade.", encoding="utf-8")
    records = _events()
    out = tmp_path / "out"
    run_map([art], out, gazetteer=gazetteer, progress=False, records=records, join=False,
            formats=["gpkg"])
    mentions = gpd.read_file(out / "mentions.geojson").set_index("name")
    assert set(mentions.geometry.geom_type) == {"Point"}  # mentions stay points...
    assert pd.isna(mentions.loc["Lublin", "area_key"])
    assert mentions.loc["Ukrainian", "area_key"] == "c:UA"
    # ...and each area they name is written once, with its outline and how often it is named
    areas = gpd.read_file(out / "areas.geojson").set_index("area_key")
    assert set(areas.index) == {"c:UA", "c:PL"}
    assert areas.loc["c:UA", "mentions"] == 1 and areas.loc["c:UA", "feature"] == "country"
    assert areas.geometry["c:UA"].contains(shapely.Point(30.52, 50.45))
    for path in (out / "events.geojson", out / "events.gpkg"):
        events = gpd.read_file(path)
        rec = events[events["dataset"] == "acled"].set_index("event_id")
        assert rec.geometry.geom_type["e2"] == "MultiPolygon", path
        assert rec.geometry.geom_type["e1"] == "Point", path
    # the text events' whole-number columns stay whole beside records that lack them
    data = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    index = [f["properties"]["event_index"] for f in data["features"]
             if f["properties"]["dataset"] == "text"]
    assert index and all(isinstance(i, int) for i in index), index
    assert all(f["properties"]["event_index"] is None for f in data["features"]
               if f["properties"]["dataset"] == "acled")


def test_a_second_map_run_into_a_folder_leaves_no_stale_outputs(tmp_path, gazetteer):
    from geomap.pipeline import run_map

    art = tmp_path / "a.txt"
    art.write_text("Talks\n\nDiplomats met in Vienna on Monday.", encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    first = run_map([art, bad], out, gazetteer=gazetteer, progress=False, records=_events(),
                    formats=["csv"])
    assert {"articles.rejects.jsonl", "links.csv", "events.csv"} <= {
        p.name for p in out.iterdir()}, first.outputs
    second = run_map([art], out, gazetteer=gazetteer, progress=False)
    left = {p.name for p in out.iterdir()}
    assert left == {"index.html", "mentions.geojson", "events.geojson"}, left
    assert {"articles.rejects.jsonl", "links.csv", "links.geojson", "events.csv",
            "mentions.csv"} <= set(second.removed)
    assert second.to_json()["removed"] == second.removed


def test_an_area_named_in_every_paragraph_is_written_once(tmp_path, gazetteer):
    from geomap.pipeline import run_map

    art = tmp_path / "review.txt"
    art.write_text("Week in review\n\n" + "\n\n".join(
        f"Russian drones struck Kharkiv Oblast again on day {i}; Russia denied it."
        for i in range(1, 7)), encoding="utf-8")
    out = tmp_path / "out"
    run_map([art], out, gazetteer=gazetteer, progress=False, join=False)
    mentions = gpd.read_file(out / "mentions.geojson")
    areas = gpd.read_file(out / "areas.geojson").set_index("area_key")
    named = mentions["area_key"].value_counts().to_dict()
    assert named["c:RU"] == 12 and areas.loc["c:RU", "mentions"] == 12
    assert len(areas) == len(named) and areas.index.is_unique
    assert areas.loc[mentions.loc[mentions["name"] == "Kharkiv Oblast", "area_key"].iloc[0],
                     "feature"] == "admin1"
    assert (out / "areas.geojson").stat().st_size < 3 * 1024 * 1024
