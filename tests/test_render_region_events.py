"""Events located only to a first-level division are areas on the map, as countries are: shaded
on the division's outline with a popup listing them, never dotted as if exact; counted apart
in the header, legend, layer names and report."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from test_render_map import DATA, js_calls

from geomap.events.schema import coerce_events
from geomap.render import map_html, render_map


def _records() -> gpd.GeoDataFrame:
    rows = [
        ("k1", "2024-06-01", "Kherson", "Kherson Oblast", "UA", "exact", (32.61, 46.64)),
        ("k2", "2024-06-02", "Kherson oblast", "Kherson Oblast", "UA", "admin1", (33.5, 46.7)),
        ("k3", "2024-06-03", "Kherson oblast", "Kherson Oblast", "UA", "admin1", (33.5, 46.7)),
        ("k4", "2024-06-03", "Donetsk oblast", "Donetsk", "UA", "admin1", (37.8, 48.0)),
        ("k5", "2024-06-04", "Ukraine", None, "UA", "country", (31.4, 49.0)),
        ("k6", "2024-06-05", "Somewhere", "Atlantis <b>Province</b>", "ZZ", "admin1",
         (-30.0, 30.0)),
    ]
    frame = pd.DataFrame([{"event_id": i, "dataset": "ucdp", "date": d, "event_type": "assault",
                           "location": loc, "admin1": a1, "country": cc, "geo_precision": p,
                           "geometry": shapely.Point(xy)} for i, d, loc, a1, cc, p, xy in rows])
    return coerce_events(gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326"),
                         check=False)


def test_region_level_events_are_shaded_on_their_division_not_dotted():
    m, info = render_map(None, data_dir=DATA, events=_records())
    c = info.counts
    assert (c.dotted, c.region_level, c.country_level) == (1, 4, 1)
    assert sum(k for _t, k in info.events.types) == 1  # only Kherson city is a dot
    assert "Events on region areas (4)" in info.layers
    html = map_html(m)
    [layer] = [x for x in js_calls(html, "regions") if x.get("kind") == "region-events"]
    feats = {f["properties"]["n"]: f for f in layer["fc"]["features"]}
    assert set(feats) == {"Kherson Oblast, UA", "Donetsk Oblast, UA",
                          "Atlantis &lt;b&gt;Province&lt;/b&gt;, ZZ"}
    kherson = feats["Kherson Oblast, UA"]
    assert kherson["properties"]["b"][1::2] == [1, 1]  # two events on two days
    assert "2 events located only to it" in kherson["properties"]["p"]
    outline = shapely.geometry.shape(kherson["geometry"])
    assert outline.contains(shapely.Point(32.61, 46.64)) and outline.area > 1  # the oblast
    # a division with no shipped outline is a small disc at its point, still drawn, escaped
    disc = shapely.geometry.shape(feats["Atlantis &lt;b&gt;Province&lt;/b&gt;, ZZ"]["geometry"])
    assert disc.contains(shapely.Point(-30.0, 30.0)) and disc.area < 0.1
    assert "<b>Province" not in html
    assert "4 on region areas (located only to a first-level division)" in html
    assert "Regions: events known only by region" in html


def test_a_region_level_record_linked_to_news_is_said_so():
    records = _records()
    text = coerce_events(gpd.GeoDataFrame(pd.DataFrame([
        {"event_id": "a1#0", "dataset": "text", "date": "2024-06-02", "event_type": "assault",
         "location": "Kherson Oblast", "article_id": "a1", "event_index": 0,
         "geo_precision": "admin1", "country": "UA", "geometry": shapely.Point(33.5, 46.7)}]),
        geometry="geometry", crs="EPSG:4326"), check=False)
    links = pd.DataFrame([{"article_id": "a1", "event_index": 0, "record_id": "k2",
                           "dataset": "ucdp", "rank": 1, "score": 0.8, "distance_km": 0.0,
                           "gap_days": 0}])
    m, info = render_map(None, data_dir=DATA, records=records, text_events=text, links=links)
    assert "Records corroborated by news (1; 1 on region areas)" in info.layers
    assert "Records with no article (5; 1 on country areas, 3 on region areas)" in info.layers
    assert info.corroboration.links_unplaced == 1  # neither end is a dot
    [layer] = [x for x in js_calls(map_html(m), "regions") if x.get("kind") == "region-events"]
    kherson = next(f for f in layer["fc"]["features"]
                   if f["properties"]["n"] == "Kherson Oblast, UA")
    assert "1 record corroborated by news" in kherson["properties"]["p"]
    assert "corroborated by news</b>" in kherson["properties"]["p"]


def test_region_areas_are_told_apart_from_the_countries_they_lie_in():
    """A division holding events is not drawn in the countries' purple (new-user: an oblast
    read as a darker block of Ukraine); the legend shows the same colours and outline."""
    from geomap.render.style import COUNTRY_COLOURS, COUNTRY_LINE, REGION_EVENT_LINE

    m, info = render_map(None, data_dir=DATA, events=_records())
    html = map_html(m)
    [layer] = [x for x in js_calls(html, "regions") if x.get("kind") == "region-events"]
    [countries] = [x for x in js_calls(html, "regions") if x.get("kind") == "countries"]
    assert not set(layer["colours"]) & {*COUNTRY_COLOURS, COUNTRY_LINE}
    assert layer["line"] == REGION_EVENT_LINE != COUNTRY_LINE
    assert layer["colours"] == info.region_events.colours
    legend = html[html.index("Regions: events known only by region"):]
    for colour in layer["colours"]:
        assert f"background:{colour};border:2px solid {REGION_EVENT_LINE}" in legend
    assert countries["line"] == COUNTRY_LINE  # the country is drawn too, in its own colours
