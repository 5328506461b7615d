"""Corroboration layers from hand-built records, text events and links (no browser; see
test_browser_corroboration.py for selection and the time filter in a page)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_render_map import DATA, js_calls

from geomap.events.schema import coerce_events
from geomap.render import map_html, render_map
from geomap.render.layers.corroboration import record_ids


def corroboration_tables():
    """Four records (one without an id), four text events from two articles, three links.

    r1 (Sudzha) is linked to two article events, the id-less record (Kharkiv, row 3 of
    ged.csv) to one; r2 and r4 have no article; the text event in Bakhmut links to nothing.
    """
    recs = pd.DataFrame([
        {"event_id": "r1", "dataset": "ucdp", "date": "2024-10-03", "event_type": "assault",
         "location": "Sudzha", "country": "RU", "source_file": "/data/ged.csv", "source_row": 1,
         "notes": "Shelling of the town", "geometry": shapely.Point(35.27, 51.19)},
        {"event_id": "r2", "dataset": "ucdp", "date": "2024-10-20", "event_type": "assault",
         "location": "Kupiansk", "country": "UA", "source_file": "/data/ged.csv",
         "source_row": 2, "geometry": shapely.Point(37.61, 49.71)},
        {"event_id": None, "dataset": "ucdp", "date": "2024-10-05", "event_type": "assault",
         "location": "Kharkiv", "country": "UA", "source_file": "/data/ged.csv",
         "source_row": 3, "geometry": shapely.Point(36.23, 49.99)},
        {"event_id": "r4", "dataset": "ucdp", "date": "2024-10-06", "event_type": "assault",
         "location": "Ukraine", "country": "UA", "geo_precision": "country",
         "source_file": "/data/ged.csv", "source_row": 4,
         "geometry": shapely.Point(31.4, 49.0)},
    ])
    records = coerce_events(gpd.GeoDataFrame(recs, geometry="geometry", crs="EPSG:4326"),
                            check=False)
    txt = pd.DataFrame([
        {"event_id": "a1#0", "dataset": "text", "date": "2024-10-03", "event_type": "assault",
         "location": "Sudzha", "article_id": "a1", "event_index": 0,
         "notes": "Shells hit <b>Sudzha</b> overnight.", "article_date": "2024-10-04",
         "geometry": shapely.Point(35.26, 51.2)},
        {"event_id": "a2#0", "dataset": "text", "date": "2024-10-04", "event_type": "assault",
         "location": "Sudzha district", "article_id": "a2", "event_index": 0,
         "article_date": "2024-10-05", "geometry": shapely.Point(35.4, 51.1)},
        {"event_id": "a2#1", "dataset": "text", "date": "2024-10-05", "event_type": "mobilize",
         "location": "Kharkiv", "article_id": "a2", "event_index": 1, "kind": "movement",
         "article_date": "2024-10-05",
         "geometry": shapely.LineString([(37.6, 55.75), (36.25, 50.0)])},
        {"event_id": "a2#2", "dataset": "text", "date": "2024-10-25", "event_type": "assault",
         "location": "Bakhmut", "article_id": "a2", "event_index": 2,
         "article_date": "2024-10-25", "geometry": shapely.Point(38.0, 48.6)},
    ])
    text_events = coerce_events(gpd.GeoDataFrame(txt, geometry="geometry", crs="EPSG:4326"),
                                check=False)
    links = pd.DataFrame([
        {"article_id": "a1", "event_index": 0, "record_id": "r1", "dataset": "ucdp", "rank": 1,
         "score": 0.9, "distance_km": 1.2, "gap_days": 0,
         "title": "Shelling <script>alert(1)</script> in Sudzha",
         "url": "https://example.org/a1", "article_date": "2024-10-04"},
        {"article_id": "a2", "event_index": 0, "record_id": "r1", "dataset": "ucdp", "rank": 1,
         "score": 0.6, "distance_km": 11.0, "gap_days": 1, "title": "Border report",
         "url": "javascript:alert(2)", "article_date": "2024-10-05"},
        {"article_id": "a2", "event_index": 1, "record_id": "ged.csv:3", "dataset": "ucdp",
         "rank": 1, "score": 0.7, "distance_km": 2.0, "gap_days": None,
         "title": "Troops reach Kharkiv", "url": None, "article_date": "2024-10-05"},
    ])
    return records, text_events, links




def test_record_ids_fall_back_to_file_and_row():
    records, _, _ = corroboration_tables()
    assert record_ids(records).tolist() == ["r1", "r2", "ged.csv:3", "r4"]


def test_three_layers_with_counts_and_link_popups():
    records, text_events, links = corroboration_tables()
    events = pd.concat([records, text_events], ignore_index=True)
    m, info = render_map(None, data_dir=DATA, events=events, records=records,
                         text_events=text_events, links=links)
    c = info.corroboration
    # r4 is located only to a country: counted in its class, shaded on the country, no dot
    assert (c.corroborated, c.uncovered, c.unmatched, c.links, c.links_unplaced) == (
        2, 2, 1, 3, 0)
    assert (c.areas, c.dotted("uncovered")) == (
        {"corroborated": 0, "uncovered": 1, "unmatched": 0}, 1)
    assert "Records corroborated by news (2)" in info.layers
    assert "Records with no article (2; 1 on country areas)" in info.layers
    assert "Reported, not recorded (1)" in info.layers
    html = map_html(m)
    calls = {c["kind"]: c for c in js_calls(html, "corroboration")}
    corr = calls["corroborated"]
    assert [(lk["n"], lk["e"]) for lk in corr["links"]] == [(2, 2), (1, 1)]
    r1_links = [corr["s"][h] for h in corr["links"][0]["h"]]
    assert "Shelling &lt;script&gt;alert(1)&lt;/script&gt; in Sudzha" in r1_links[0]
    assert 'href="https://example.org/a1"' in r1_links[0] and "1.2 km" in r1_links[0]
    assert "javascript:" not in r1_links[1] and "11 km" in r1_links[1]
    # the movement links at its end (Kharkiv), undated gap said so
    assert corr["links"][1]["k"] == [[50.0, 36.25]]
    assert "undated" in corr["s"][corr["links"][1]["h"][0]]
    assert calls["unmatched"]["x"] == [38.0] and calls["uncovered"]["x"] == [37.61]
    # each record's popup names its row in the file (the dot radius has a key of its own)
    assert corr["r"] == [1, 3] and calls["uncovered"]["r"] == [2] and corr["rad"] > 0
    # the by-type layers are still there, hidden when corroboration is shown
    assert any(name.startswith("Events: Assault") for name in info.layers)


def test_an_article_is_listed_once_with_its_events_counted():
    records, text_events, links = corroboration_tables()
    # a second event of article a2 (the Kharkiv movement) also links to r1, farther away
    extra = pd.DataFrame([{"article_id": "a2", "event_index": 1, "record_id": "r1",
                           "dataset": "ucdp", "rank": 2, "score": 0.3, "distance_km": 140.0,
                           "gap_days": 2}])
    mentions = gpd.GeoDataFrame(pd.DataFrame([{
        "article_id": "a2", "title": "Border <i>report</i> (full title)", "url":
        "https://example.org/a2", "date": "2024-10-05", "start": 0, "end": 6, "name": "Sudzha",
        "role": "literal", "confidence": 0.9, "place_key": "gn:1", "place_name": "Sudzha",
        "feature": "populated_place", "country": "RU", "admin1": None, "geonameid": 1,
        "disputed": False, "sentence": "Sudzha was shelled.", "sentence_start": 0,
        "geometry": shapely.Point(35.4, 51.1)}]), geometry="geometry", crs="EPSG:4326")
    m, _ = render_map(mentions, data_dir=DATA, records=records, text_events=text_events,
                      links=pd.concat([links, extra], ignore_index=True).drop(
                          columns=["title", "url"]))
    corr = next(c for c in js_calls(map_html(m), "corroboration") if c["kind"] == "corroborated")
    r1 = corr["links"][0]
    assert (r1["n"], r1["e"]) == (2, 3) and len(r1["k"]) == 3
    items = [corr["s"][h] for h in r1["h"]]
    a2 = next(x for x in items if "full title" in x)
    assert "Border &lt;i&gt;report&lt;/i&gt;" in a2 and 'href="https://example.org/a2"' in a2
    assert "2 events in it" in a2 and "11 km" in a2  # its best link's distance


def test_links_to_unknown_rows_are_counted_not_dropped_silently():
    records, text_events, links = corroboration_tables()
    extra = pd.DataFrame([{"article_id": "zz", "event_index": 0, "record_id": "nope",
                           "dataset": "ucdp", "rank": 1, "score": 0.5, "distance_km": 1,
                           "gap_days": 0}])
    _, info = render_map(None, data_dir=DATA, records=records, text_events=text_events,
                         links=pd.concat([links, extra], ignore_index=True))
    assert info.corroboration.links_unplaced == 1
    assert info.corroboration.corroborated == 2


def test_a_link_to_a_country_level_record_is_said_not_dotted():
    records, text_events, links = corroboration_tables()
    to_r4 = pd.DataFrame([{"article_id": "a2", "event_index": 2, "record_id": "r4",
                           "dataset": "ucdp", "rank": 1, "score": 0.4, "distance_km": 300.0,
                           "gap_days": 19}])
    m, info = render_map(None, data_dir=DATA, records=records, text_events=text_events,
                         links=pd.concat([links, to_r4], ignore_index=True))
    c = info.corroboration
    assert (c.corroborated, c.links, c.links_unplaced) == (3, 4, 1)
    assert c.unmatched == 0  # the Bakhmut event has a record now, though not a dotted one
    # r4 is corroborated but shaded on its country: the layer says so, so the count adds up
    assert "Records corroborated by news (3; 1 on country areas)" in info.layers
    assert "Records with no article (1)" in info.layers
    html = map_html(m)
    assert "1 of 4 links ends at a record or event located only to a country" in html
    # the country's popup lists r4 as corroborated: the "on country areas" record is findable
    ukraine = next(f["properties"]["p"] for c in js_calls(html, "regions")
                   if c.get("kind") == "countries" for f in c["fc"]["features"]
                   if f["properties"]["n"] == "Ukraine")
    assert "1 record corroborated by news" in ukraine
    assert '<b class="gm-status gm-corroborated">corroborated by news</b>' in ukraine


def test_links_table_must_name_its_ends():
    records, text_events, links = corroboration_tables()
    with pytest.raises(ValueError, match="record_id"):
        render_map(None, data_dir=DATA, records=records, text_events=text_events,
                   links=links.drop(columns=["record_id"]))


def test_empty_links_still_show_the_three_layers():
    records, text_events, _ = corroboration_tables()
    _, info = render_map(None, data_dir=DATA, records=records, text_events=text_events,
                         links=pd.DataFrame(columns=["article_id", "event_index", "record_id"]))
    c = info.corroboration
    assert (c.corroborated, c.uncovered, c.unmatched) == (0, 4, 4)


def test_a_link_in_a_popup_says_how_it_matched_and_its_score():
    from geomap.render.layers.corroboration import _link_item

    item = _link_item({"article_id": "a9", "title": "Strike on <b>Izium</b>",
                       "url": "javascript:alert(1)", "distance_km": 3.24, "gap_days": 1.0,
                       "type_score": 1.0, "rank": 1, "score": 0.4567, "match": "distance"},
                      {}, 1)
    assert "3.2 km \u00b7 1 day apart \u00b7 same type \u00b7 rank 1 \u00b7 score 0.46" in item
    assert "&lt;b&gt;Izium" in item and "javascript:" not in item
    item = _link_item({"article_id": "a9", "gap_days": None, "type_score": 0.6, "rank": 2,
                       "score": 0.05, "match": "admin1"}, {"title": "Oblast news"}, 2)
    assert "2 events in it \u00b7 same region \u00b7 undated \u00b7 related type" in item
    assert "score 0.05" in item


def test_a_movement_to_a_whole_country_is_ringed_at_its_capital():
    # "troops were sent from Pyongyang to Russia", reported and not recorded: its ring stands
    # where the movements layer ends the arrow (Moscow), not at Russia's label point in Siberia
    from geomap.render.boundaries import country_polygons

    ru = country_polygons(DATA).loc["RU"]
    txt = pd.DataFrame([{
        "event_id": "a9#0", "dataset": "text", "date": "2024-10-28", "event_type": "mobilize",
        "location": "Russia", "article_id": "a9", "event_index": 0, "kind": "movement",
        "geo_precision": "country",
        "geometry": shapely.LineString([(125.75, 39.03), (ru["lon"], ru["lat"])])}])
    text_events = coerce_events(gpd.GeoDataFrame(txt, geometry="geometry", crs="EPSG:4326"),
                                check=False)
    records, _t, _l = corroboration_tables()
    m, _info = render_map(None, data_dir=DATA, events=text_events, records=records,
                          text_events=text_events, links=pd.DataFrame(
                              columns=["article_id", "event_index", "record_id"]))
    unmatched = {c["kind"]: c for c in js_calls(map_html(m), "corroboration")}["unmatched"]
    assert len(unmatched["x"]) == 1
    assert abs(unmatched["x"][0] - 37.62) < 0.05 and abs(unmatched["y"][0] - 55.75) < 0.05
