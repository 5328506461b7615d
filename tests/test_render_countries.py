"""Countries drawn as areas: named countries (also through demonyms) and events located only to
a country are counted on the country's outline, never dotted; movements to a country end at its
capital; the initial view ignores a far outlier (no browser here; see test_browser_geography.py).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from test_render_map import DATA, js_calls

from geomap.events.schema import coerce_events
from geomap.render import map_html, render_map
from geomap.render.boundaries import country_polygons
from geomap.render.extent import fit_box


def _mention(name, place_key, place_name, feature, role, lon, lat, *,  # noqa: PLR0917
             date="2024-10-23", country=None):
    return {"article_id": "a1", "title": "A story", "url": None, "date": date, "start": 0,
            "end": len(name), "name": name, "role": role, "confidence": 0.9,
            "place_key": place_key, "place_name": place_name, "feature": feature,
            "country": country, "admin1": None, "geonameid": None, "disputed": False,
            "sentence": f"{name} troops moved.", "sentence_start": 0,
            "geometry": shapely.Point(lon, lat)}


def mentions_table():
    """Russia three times (once by name, twice as the demonym 'Russian'), Ukraine once, Kyiv
    once (a city: a pin), Siberia once (a region without an outline: a label)."""
    polys = country_polygons(DATA)
    ru, ua = polys.loc["RU"], polys.loc["UA"]
    rows = [
        _mention("Russia", "c:RU", "Russia", "country", "literal", ru["lon"], ru["lat"]),
        _mention("Russian", "c:RU", "Russia", "country", "demonym", ru["lon"], ru["lat"]),
        _mention("Russian", "c:RU", "Russia", "country", "demonym", ru["lon"], ru["lat"],
                 date="2024-10-24"),
        _mention("Ukraine", "c:UA", "Ukraine", "country", "literal", ua["lon"], ua["lat"]),
        _mention("Kyiv", "gn:703448", "Kyiv", "populated_place", "literal", 30.52, 50.45,
                 country="UA"),
        _mention("Siberia", "rg:siberia", "Siberia", "region", "literal", 98.0, 61.0,
                 country="RU"),
    ]
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry", crs="EPSG:4326")




def test_countries_are_outlines_shaded_by_mentions_not_pins():
    m, info = render_map(mentions_table(), data_dir=DATA)
    assert info.countries.countries == 2 and info.countries.mentions == 4
    assert "Countries named (2)" in info.layers
    html = map_html(m)
    countries = next(p for p in js_calls(html, "regions") if p.get("kind") == "countries")
    names = [f["properties"]["n"] for f in countries["fc"]["features"]]
    assert names == ["Russia", "Ukraine"]
    russia = countries["fc"]["features"][0]
    assert russia["geometry"]["type"] == "MultiPolygon"
    day = int(np.datetime64("2024-10-23", "D").astype("int64"))
    assert russia["properties"]["b"] == [day, 2, day + 1, 1]
    assert "3 mentions" in russia["properties"]["p"]
    # the pins: Kyiv only; Siberia is a label
    pins = js_calls(html, "mentions")[0]
    assert pins["x"] == [30.52] and pins["n"] == ["Kyiv (1)"]
    labels = js_calls(html, "labels")[0]
    assert labels["n"] == ["Siberia (1)"]
    assert info.mentions.places == 1 and info.mentions.regions == 1


def test_events_located_only_to_a_country_are_counted_on_it_not_dotted():
    rows = [{"event_id": f"e{i}", "dataset": "acled", "date": "2024-10-0" + str(i + 1),
             "event_type": "assault", "country": "UA", "geo_precision": "country",
             "actor1": "Military Forces of Russia", "source_row": i + 1,
             "geometry": shapely.Point(32.1409, 49.7247)} for i in range(3)]
    rows.append({"event_id": "e9", "dataset": "acled", "date": "2024-10-02",
                 "event_type": "assault", "country": "UA", "geo_precision": "exact",
                 "location": "Kharkiv", "source_row": 4, "geometry": shapely.Point(36.23, 49.99)})
    events = coerce_events(gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry",
                                            crs="EPSG:4326"), check=False)
    m, info = render_map(None, data_dir=DATA, events=events)
    assert info.events.events == 1  # only Kharkiv is a point
    assert info.countries.events == 3 and info.countries.countries == 1
    html = map_html(m)
    ua = next(p for p in js_calls(html, "regions") if p.get("kind") == "countries")
    props = ua["fc"]["features"][0]["properties"]
    assert "3 events located only to the country" in props["p"]
    assert "Military Forces of Russia" in props["p"]
    for payload in js_calls(html, "events"):
        assert 32.1409 not in payload["x"]


def test_movement_to_a_country_ends_at_its_capital():
    polys = country_polygons(DATA)
    ru = polys.loc["RU"]
    moves = coerce_events(gpd.GeoDataFrame(pd.DataFrame([{
        "event_id": "t#0", "dataset": "text", "date": "2024-10-28", "event_type": "mobilize",
        "kind": "movement", "origin": "North Korea", "destination": "Russia",
        "geometry": shapely.LineString([(125.75, 39.03), (ru["lon"], ru["lat"])])}]),
        geometry="geometry", crs="EPSG:4326"), check=False)
    m, _info = render_map(None, data_dir=DATA, events=moves)
    flows = js_calls(map_html(m), "flows")[0]
    assert abs(flows["x1"][0] - 37.62) < 0.05 and abs(flows["y1"][0] - 55.75) < 0.05  # Moscow
    assert flows["x0"] == [125.75]  # a city end stays where it is


def test_initial_view_ignores_a_far_outlier():
    xs = [35.0 + 0.1 * i for i in range(30)] + [-100.0]
    events = coerce_events(gpd.GeoDataFrame(pd.DataFrame({
        "event_id": [f"e{i}" for i in range(31)], "dataset": "x", "date": "2024-10-01",
        "event_type": "assault", "geometry": [shapely.Point(x, 50.0) for x in xs]}),
        geometry="geometry", crs="EPSG:4326"), check=False)
    minx, _miny, maxx, _maxy = fit_box(None, events)
    assert minx >= 35.0 and maxx <= 38.0
    # with few points every one counts
    minx, *_ = fit_box(None, events.iloc[[0, 1, 30]])
    assert minx == -100.0
