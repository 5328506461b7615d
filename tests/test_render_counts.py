"""One definition per count: the event table's classes (dotted, country areas, movements, not
located) add up, and the map's header, legend and layers use the same numbers as the report."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from test_render_map import DATA

from geomap.events.schema import coerce_events
from geomap.render import map_html, render_map
from geomap.render.counts import event_counts


def _table():
    rows = [
        {"dataset": "acled", "date": "2024-05-01", "geo_precision": "exact",
         "geometry": shapely.Point(30.5, 50.4)},
        {"dataset": "acled", "date": "2024-05-02", "geo_precision": "country", "country": "UA",
         "geometry": shapely.Point(31.4, 49.0)},
        {"dataset": "text", "date": "2024-05-02", "geo_precision": "country", "country": "PL",
         "kind": "movement", "geometry": shapely.LineString([(21.0, 52.2), (30.5, 50.4)])},
        {"dataset": "text", "date": "2024-05-03", "kind": "movement",
         "geometry": shapely.Point(36.2, 50.0)},  # only its destination is known
        {"dataset": "text", "date": "2024-05-03", "geometry": None},
    ]
    return coerce_events(gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry",
                                          crs="EPSG:4326"), check=False)


def test_every_event_is_in_exactly_one_drawn_class():
    c = event_counts(_table())
    assert (c.events, c.records, c.text_events) == (5, 2, 3)
    assert (c.dotted, c.country_level, c.movements, c.unlocated) == (2, 1, 1, 1)
    assert c.located == 4
    assert c.summary() == ("Of 5 events, 2 dotted, 1 on country areas (located only to a "
                           "country), 1 movement, 1 without a location (not drawn).")


def test_header_and_legend_say_the_same_counts():
    table = _table()
    m, info = render_map(None, data_dir=DATA, events=table, articles=0)
    assert info.counts == event_counts(table)
    html = map_html(m)
    # no "0 articles" for a map without articles; records and text events named apart
    assert "0 articles" not in html
    assert "2 records \u00b7 3 events from text \u00b7 2024-05-01" in html
    assert "Of 5 events, 2 dotted" in html
    # the dotted events are the ones the type layers draw
    assert sum(k for _t, k in info.events.types) == info.counts.dotted


def test_one_of_anything_is_singular_on_the_map():
    one = coerce_events(gpd.GeoDataFrame(pd.DataFrame([
        {"dataset": "acled", "date": "2024-05-01", "geo_precision": "exact",
         "event_type": "assault", "geometry": shapely.Point(30.5, 50.4)}]),
        geometry="geometry", crs="EPSG:4326"), check=False)
    m, info = render_map(None, data_dir=DATA, events=one, articles=1)
    assert info.describe().startswith("1 event drawn as ")
    html = map_html(m)
    assert "1 events" not in html and "1 records" not in html and "1 articles" not in html
    assert "1 article \u00b7 1 record \u00b7 2024-05-01" in html
    # the runtime says "1 event" in cell popups and "1 event" in region tooltips too
    assert 'GM.plural(k, "event")' in html and '"unit1":"event"' in html
