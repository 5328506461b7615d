"""The map's "Find a place" box in headless Chromium: the spellings a reader types (marker
"browser"; invented places and texts)."""

from __future__ import annotations

import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_browser_map import _errors, _js, _open, browser_session
from test_render_map import DATA
from test_render_search import mentions

from geomap.render import render_map, save_map

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


@pytest.fixture(scope="module")
def forms_map(tmp_path_factory) -> Path:
    ms = mentions([("Kupiansk", "Kupyansk", 37.61, 49.71), ("Куп'янську", "Kupyansk", 37.61, 49.71),
                   ("Huliaipole", "Hulyaypole", 36.26, 47.66),
                   ("<img src=x onerror=alert(1)>", "Balakliia", 36.84, 49.46)])
    events = gpd.GeoDataFrame(
        {"event_id": ["r1", "r2"], "dataset": ["acled", "acled"],
         "date": [pd.Timestamp("2024-11-20")] * 2, "event_type": ["assault", "assault"],
         "location": ["Zaliznychne", "\"><script>alert(2)</script>"],
         "geo_precision": ["exact", "exact"]},
        geometry=[shapely.Point(36.33, 47.63), shapely.Point(35.0, 48.5)], crs=4326)
    m, _ = render_map(ms, data_dir=DATA, title="Search forms", events=events)
    path = tmp_path_factory.mktemp("search") / "index.html"
    save_map(m, path)
    return path


def _search(driver, text: str) -> dict:
    driver.execute_script("GM.maps[0].setView([20, 20], 3, {animate: false});"
                          "var box = document.querySelector('.gm-search-box');"
                          "box.value = arguments[0];"
                          "box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));", text)
    time.sleep(1.2)
    return _js(driver, "var c = map.getCenter(), msg = document.querySelector('.gm-search-msg');"
                       "return {lat: c.lat, lon: c.lng, zoom: map.getZoom(),"
                       " msg: msg.hidden ? '' : msg.textContent};")


@pytest.mark.parametrize(("typed", "lon", "lat"), [
    ("Kupyansk", 37.61, 49.71),      # the gazetteer's name
    ("kupiansk", 37.61, 49.71),      # the article's spelling, any case
    ("Куп’янську", 37.61, 49.71),    # the text's own word, with a typographic apostrophe
    ("Huliaipole", 36.26, 47.66),
    ("Zaliznychne", 36.33, 47.63),   # a record's location name
    ("Zalizn", 36.33, 47.63),        # the one name that starts so
])
def test_a_spelling_from_the_text_or_records_finds_the_place(browser, forms_map, typed, lon, lat):
    _open(browser, forms_map)
    got = _search(browser, typed)
    assert abs(got["lon"] - lon) < 0.05 and abs(got["lat"] - lat) < 0.05, got
    assert got["zoom"] >= 8 and got["msg"] == ""


def test_a_name_not_on_the_map_says_so_and_names_stay_text(browser, forms_map):
    _open(browser, forms_map)
    got = _search(browser, "Atlantis")
    assert got["zoom"] == 3 and got["msg"] == "\u201cAtlantis\u201d is not on this map"
    got = _search(browser, "<b>x</b>")
    assert got["msg"] == "\u201c<b>x</b>\u201d is not on this map"
    options = _js(browser, "return Array.from(document.querySelectorAll('.gm-search option'))"
                           ".map(function (o) { return o.value; });")
    assert "<img src=x onerror=alert(1)>" in options
    assert "\"><script>alert(2)</script>" in options
    assert _js(browser, "return document.querySelectorAll('.gm-search img, .gm-search script,"
                        " .gm-search-msg b').length;") == 0
    assert browser.execute_script("return window.__alerts") == []
    assert _errors(browser) == []
