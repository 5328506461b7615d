"""The timeline's main span and the initial view of a one-country dataset in headless Chromium
(invented events)."""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from test_browser_map import OUTPUT, _errors, _js, _open, browser_session
from test_render_map import DATA, synthetic_events

from geomap.events.schema import coerce_events
from geomap.render import render_map, save_map

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


def _day(text: str) -> int:
    return int(np.datetime64(text, "D").astype("int64"))


@pytest.fixture(scope="module")
def old_record_map(tmp_path_factory):
    """60 events over October 2024 and one record from March 2019."""
    events = synthetic_events(movements=0)
    old = events.iloc[[0]].copy()
    old["event_id"], old["date"] = "old", pd.Timestamp("2019-03-01")
    events = pd.concat([events, old], ignore_index=True)
    m, _ = render_map(None, data_dir=DATA, title="One old record", events=events)
    path = tmp_path_factory.mktemp("old-record") / "index.html"
    save_map(m, path)
    return path


def _shown(driver) -> int:
    return sum(v for k, v in _js(driver, "return GM.stats(map);").items()
               if k.startswith("Events: "))


def test_one_old_record_does_not_squeeze_the_timeline(browser, old_record_map):
    _open(browser, old_record_map)
    assert _errors(browser) == []
    # the chart opens on October 2024, one bar a day; every event is on the map
    assert _js(browser, "return map._gm.chartSpan;") == [_day("2024-10-01"), _day("2024-10-30")]
    assert _js(browser, "return document.querySelectorAll('.gm-time-svg .gm-bar').length;") \
        == 30
    assert _shown(browser) == 61
    toggle = browser.find_element("css selector", ".gm-time-span")
    assert "1 earlier" in toggle.text
    # a brush over the first ten days of the chart filters every layer (the old record too)
    svg = browser.find_element("css selector", ".gm-time-svg")
    width = svg.size["width"]
    ActionChains(browser).move_to_element_with_offset(svg, -width // 2 + 1, 0).click_and_hold() \
        .move_by_offset(int(width / 3) - 2, 0).release().perform()
    time.sleep(0.3)
    assert _js(browser, "return [map._gm.range.lo, map._gm.range.hi];") == [
        _day("2024-10-01"), _day("2024-10-10")]
    assert _shown(browser) == 20  # two events a day
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "timeline-main-span.png"))
    # the whole span is one click away; the range chosen stays
    toggle.click()
    time.sleep(0.2)
    assert _js(browser, "return map._gm.chartSpan;") == [_day("2019-03-01"), _day("2024-10-30")]
    assert "Main span" in toggle.text and _shown(browser) == 20
    browser.execute_script("GM.brush(GM.maps[0], arguments[0], arguments[1]);",
                           _day("2019-01-01"), _day("2019-12-31"))
    assert _shown(browser) == 1  # the old record alone
    browser.find_element("css selector", ".gm-time-all").click()
    assert _shown(browser) == 61
    toggle.click()
    assert _js(browser, "return map._gm.chartSpan;")[0] == _day("2024-10-01")


def test_a_one_country_map_shows_all_of_its_events(browser, tmp_path):
    """Many events on a front line, a few in the capital and one far west, all in one
    country: the initial view holds every one of them."""
    rng = np.random.default_rng(7)
    pts = [(38.0 + dx, 48.0 + dy) for dx, dy in rng.uniform(-1, 1, size=(300, 2))]
    pts += [(30.5 + dx, 50.45 + dy) for dx, dy in rng.uniform(-0.05, 0.05, size=(5, 2))]
    pts.append((24.03, 49.84))
    events = coerce_events(gpd.GeoDataFrame(pd.DataFrame({
        "event_id": [f"u{i}" for i in range(len(pts))], "dataset": "x",
        "date": "2024-10-01", "event_type": "assault", "country": "UA",
        "geometry": [shapely.Point(p) for p in pts]}), geometry="geometry", crs="EPSG:4326"),
        check=False)
    m, _ = render_map(None, data_dir=DATA, title="One country", events=events)
    path = tmp_path / "index.html"
    save_map(m, path)
    _open(browser, path)
    assert _errors(browser) == []
    inside = browser.execute_script(
        "var map = GM.maps[0], b = map.getBounds(), pts = arguments[0];"
        "return pts.filter(function (p) { return b.contains([p[1], p[0]]); }).length;", pts)
    assert inside == len(pts)


@pytest.fixture(scope="module")
def article_dated_map(tmp_path_factory):
    """60 records over October 2024, four news events dated only by their article
    (2024-10-20) and one news event with no date at all (invented)."""
    records = synthetic_events(movements=0)
    text = coerce_events(gpd.GeoDataFrame(pd.DataFrame({
        "event_id": [f"t{i}" for i in range(5)], "dataset": "text", "date": pd.NaT,
        "article_date": [pd.Timestamp("2024-10-20")] * 4 + [pd.NaT],
        "article_id": ["a1", "a1", "a2", "a2", "a3"], "event_index": [0, 1, 0, 1, 0],
        "event_type": "assault", "location": "Kupiansk", "country": "UA",
        "geometry": [shapely.Point(37.6 + i / 10, 49.7) for i in range(5)]}),
        geometry="geometry", crs="EPSG:4326"), check=False)
    events = pd.concat([records, text], ignore_index=True)
    m, _ = render_map(None, data_dir=DATA, title="Article dates", events=events)
    path = tmp_path_factory.mktemp("article-dates") / "index.html"
    save_map(m, path)
    return path, records


def test_news_events_follow_their_article_date_and_undated_rows_stay(browser,
                                                                     article_dated_map):
    path, records = article_dated_map
    _open(browser, path)
    assert _errors(browser) == []
    assert _shown(browser) == 65
    assert "1 undated" in browser.find_element("css selector", ".gm-time-head").text

    def expect(lo: str, hi: str, undated: int = 1) -> int:
        inside = records["date"].between(pd.Timestamp(lo), pd.Timestamp(hi))
        article = 4 if pd.Timestamp(lo) <= pd.Timestamp("2024-10-20") <= pd.Timestamp(hi) else 0
        return int(inside.sum()) + article + undated

    for lo, hi in (("2024-10-02", "2024-10-30"), ("2024-10-21", "2024-10-30"),
                   ("2024-10-20", "2024-10-20")):
        browser.execute_script("GM.brush(GM.maps[0], arguments[0], arguments[1]);",
                               _day(lo), _day(hi))
        assert _shown(browser) == expect(lo, hi), (lo, hi)
    # clearing the box hides the row with no date; the dated ones stay
    browser.find_element("css selector", ".gm-time-undated input").click()
    assert _shown(browser) == expect("2024-10-20", "2024-10-20", undated=0)
    browser.find_element("css selector", ".gm-time-all").click()
    assert _shown(browser) == 64
    browser.find_element("css selector", ".gm-time-undated input").click()
    assert _shown(browser) == 65


def test_slider_handles_stand_over_their_days(browser, article_dated_map):
    """Dragging a handle from the middle of one day's bar to the middle of another's chooses
    that day, at both ends of the chart (one slider, not two half-width ones)."""
    path, _ = article_dated_map
    _open(browser, path)
    centres = browser.execute_script(
        "return Array.from(document.querySelectorAll('.gm-time-svg .gm-bar')).map(function (r) {"
        " var b = r.getBoundingClientRect(); return b.left + b.width / 2; });")
    assert len(centres) == 30  # one bar a day, 2024-10-01 to 10-30
    slider = browser.find_element("css selector", ".gm-time-sliders").rect
    y = slider["y"] + slider["height"] / 2

    def drag(x0: float, x1: float) -> None:
        actions = ActionBuilder(browser)
        actions.pointer_action.move_to_location(round(x0), round(y)).pointer_down() \
            .move_to_location(round((x0 + x1) / 2), round(y)) \
            .move_to_location(round(x1), round(y)).pointer_up()
        actions.perform()
        time.sleep(0.2)

    drag(centres[0], centres[9])
    assert _js(browser, "return [map._gm.range.lo, map._gm.range.hi];") == [
        _day("2024-10-10"), _day("2024-10-30")]
    drag(centres[29], centres[19])
    assert _js(browser, "return [map._gm.range.lo, map._gm.range.hi];") == [
        _day("2024-10-10"), _day("2024-10-20")]
    # the chosen span is drawn under the handles, as the brush over the bars
    sel = browser.find_element("css selector", ".gm-sel").rect
    assert abs(sel["x"] - (centres[9] - (centres[1] - centres[0]) / 2)) < 2
    assert abs(sel["x"] + sel["width"] - (centres[19] + (centres[1] - centres[0]) / 2)) < 2
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "timeline-handles.png"))
