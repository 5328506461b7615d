"""The map's controls never overlap, at a laptop's 1280x800 and a small 800x600 window, with a
tall legend and a long layer list, the minimap closed or open (headless Chromium, offline)."""

from __future__ import annotations

import itertools
import time

import pandas as pd
import pytest
from test_browser_map import OUTPUT, _errors, _open, browser_session
from test_render_corroboration import corroboration_tables
from test_render_map import DATA, synthetic_events

from geomap.events.taxonomy import EVENT_TYPES
from geomap.render import render_map, save_map

pytestmark = pytest.mark.browser

#: every control a user can see, by a selector of its box
CONTROLS = {
    "title": ".gm-title", "layers": ".leaflet-control-layers", "legend": ".gm-legend",
    "minimap": ".leaflet-control-minimap", "timeline": ".gm-time", "search": ".gm-search",
    "zoom": ".leaflet-control-zoom", "fullscreen": ".leaflet-control-fullscreen",
    "scale": ".leaflet-control-scale", "attribution": ".leaflet-control-attribution",
}


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


@pytest.fixture(scope="module")
def busy_map(tmp_path_factory):
    """Records, text events and their links, plus events of ten types: the longest layer list
    and the tallest legend a map draws."""
    records, text_events, links = corroboration_tables()
    more = synthetic_events(120, movements=2)
    more["event_type"] = [EVENT_TYPES[i % 10] for i in range(len(more))]
    events = pd.concat([records, text_events, more], ignore_index=True)
    m, _ = render_map(None, data_dir=DATA, title="Shelling and talks along the border: "
                      "a long title that wraps", events=events, records=records,
                      text_events=text_events, links=links)
    path = tmp_path_factory.mktemp("layout") / "index.html"
    save_map(m, path)
    return path


def _boxes(driver) -> dict[str, list[float]]:
    return driver.execute_script("""
        var out = {}, sel = arguments[0];
        Object.keys(sel).forEach(function (k) {
          var el = document.querySelector(sel[k]);
          if (!el) { return; }
          var r = el.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) { out[k] = [r.left, r.top, r.right, r.bottom]; }
        });
        return out;""", CONTROLS)


def _overlaps(boxes: dict[str, list[float]]) -> list[tuple[str, str]]:
    return [(a, b) for (a, p), (b, q) in itertools.combinations(sorted(boxes.items()), 2)
            if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]]


def _covered(driver) -> float:
    """The share of the map under any control (sampled every 4 px)."""
    return driver.execute_script("""
        var c = document.querySelector('.leaflet-container').getBoundingClientRect();
        var rs = Object.values(arguments[0])
          .map(function (s) { return document.querySelector(s); })
          .filter(function (e) { return e; })
          .map(function (e) { return e.getBoundingClientRect(); })
          .filter(function (r) { return r.width > 0; });
        var n = 0, k = 0;
        for (var x = c.left + 2; x < c.right; x += 4) {
          for (var y = c.top + 2; y < c.bottom; y += 4) {
            n++;
            if (rs.some(function (r) { return x >= r.left && x <= r.right && y >= r.top &&
                                              y <= r.bottom; })) { k++; }
          }
        }
        return k / n;""", CONTROLS)


@pytest.mark.parametrize("size", [(1280, 800), (1280, 720), (1024, 640), (800, 600)])
def test_controls_never_overlap(browser, busy_map, size):
    width, height = size
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    try:
        _open(browser, busy_map)
        assert _errors(browser) == []
        boxes = _boxes(browser)
        assert {"title", "layers", "legend", "minimap", "timeline"} <= set(boxes), boxes
        assert _overlaps(boxes) == [], boxes
        small = browser.execute_script("return GM.maps[0].getContainer().classList"
                                       ".contains('gm-compact');")
        assert small == (width < 1100 or height < 760)
        if small:
            # a laptop's window: the panels leave most of the map to the data (the layer
            # list is a button, the legend folded); new-user test: 70% was covered
            assert _covered(browser) < 0.25
            OUTPUT.mkdir(exist_ok=True)
            browser.save_screenshot(str(OUTPUT / f"layout-compact-{width}x{height}.png"))
            toggle = browser.find_element("css selector", ".gm-layers-toggle")
            toggle.click()
            time.sleep(0.2)
            boxes = _boxes(browser)
            assert boxes["layers"][3] - boxes["layers"][1] > 150  # the list opened
            assert _overlaps(boxes) == [], boxes
            assert browser.find_element("css selector", ".leaflet-control-layers-overlays"
                                        ).is_displayed()
            browser.save_screenshot(str(OUTPUT / f"layout-compact-layers-{width}x{height}.png"))
            toggle.click()
            time.sleep(0.2)
        # the legend, opened by the user, still keeps clear of the layer list and the minimap
        browser.execute_script(
            "var d = document.querySelector('.gm-legend details'); d.open = true;"
            "window.dispatchEvent(new Event('resize'));")
        time.sleep(0.3)
        assert _overlaps(_boxes(browser)) == []
        # the minimap opened: it grows up into room kept for it, over no other control
        browser.execute_script("document.querySelector('.leaflet-control-minimap-toggle-display').click();")
        time.sleep(0.1)
        assert _overlaps(_boxes(browser)) == []  # mid-animation too
        # the opening animation takes about a second; a loaded machine takes longer
        deadline = time.monotonic() + 8.0
        while time.monotonic() < deadline and browser.execute_script(
                "var s = GM.maps[0]._gm.minimap._miniMap.getSize(); return [s.x, s.y];") != \
                [160, 120]:
            time.sleep(0.2)
        time.sleep(0.2)
        boxes = _boxes(browser)
        assert boxes["minimap"][3] - boxes["minimap"][1] >= 100, boxes  # it did open
        assert _overlaps(boxes) == [], boxes
        # it shows the countries around the map's view, centred on it (it was an empty blue
        # box: the overview map kept its folded size and drew one corner)
        size, centre = browser.execute_script("""
            var map = GM.maps[0], mm = map._gm.minimap._miniMap, s = mm.getSize();
            var p = mm.latLngToContainerPoint(map.getCenter());
            return [[s.x, s.y], [p.x / s.x, p.y / s.y]];""")
        assert size == [160, 120]
        assert abs(centre[0] - 0.5) < 0.1 and abs(centre[1] - 0.5) < 0.1, centre
        OUTPUT.mkdir(exist_ok=True)
        browser.save_screenshot(str(OUTPUT / f"layout-{width}x{height}.png"))
        browser.execute_script("document.querySelector('.leaflet-control-minimap-toggle-display').click();")
        time.sleep(1.2)
        assert _overlaps(_boxes(browser)) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="module")
def spread_map(tmp_path_factory):
    """Records from Odesa to Moscow over a month: a tall box, whose bottom the timeline
    could hide."""
    import geopandas as gpd
    import shapely

    from geomap.events.schema import coerce_events

    towns = [("Lviv", 24.03, 49.84), ("Kyiv", 30.52, 50.45), ("Kharkiv", 36.23, 49.99),
             ("Sumy", 34.8, 50.91), ("Kherson", 32.61, 46.64), ("Odesa", 30.73, 46.48),
             ("Moscow", 37.62, 55.75)]
    rows = [{"event_id": f"r{i}", "dataset": "acled", "date": f"2024-10-{1 + i % 28:02d}",
             "event_type": "assault", "location": name,
             "country": "RU" if name == "Moscow" else "UA",
             "geo_precision": "exact", "geometry": shapely.Point(x, y)}
            for i, (name, x, y) in enumerate(towns * 5)]
    events = coerce_events(gpd.GeoDataFrame(pd.DataFrame(rows), geometry="geometry",
                                            crs="EPSG:4326"), check=False)
    m, _ = render_map(None, data_dir=DATA, title="Across Ukraine", events=events)
    path = tmp_path_factory.mktemp("spread") / "index.html"
    save_map(m, path)
    return path


def test_the_first_view_keeps_every_event_clear_of_the_panels(browser, spread_map):
    """The timeline stands on the scale bar: the view clears its top, not just its height
    (new-user test: the Odesa record opened under the timeline)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    try:
        _open(browser, spread_map)
        time.sleep(0.5)
        hidden = browser.execute_script("""
            var map = GM.maps[0], c = map.getContainer().getBoundingClientRect(), out = [];
            var panels = ['.gm-title', '.leaflet-control-layers', '.gm-legend', '.gm-time']
              .map(function (s) { return document.querySelector(s); })
              .filter(function (e) { return e; })
              .map(function (e) { return e.getBoundingClientRect(); });
            [[49.84, 24.03], [50.45, 30.52], [49.99, 36.23], [50.91, 34.8], [46.64, 32.61],
             [46.48, 30.73], [55.75, 37.62]].forEach(function (ll) {
              var p = map.latLngToContainerPoint(ll), x = c.left + p.x, y = c.top + p.y;
              var under = x < c.left || x > c.right || y < c.top || y > c.bottom ||
                panels.some(function (r) { return x >= r.left && x <= r.right &&
                                                  y >= r.top && y <= r.bottom; });
              if (under) { out.push(ll); }
            });
            return out;""")
        assert hidden == []
        # the view is fitted clear of the timeline's top (it stands on the scale bar) and of
        # the title's bottom, not of their heights alone
        pad, reach = browser.execute_script("""
            var map = GM.maps[0], c = map.getContainer().getBoundingClientRect();
            var t = document.querySelector('.gm-time').getBoundingClientRect();
            var h = document.querySelector('.gm-title').getBoundingClientRect();
            var p = GM.panelPadding(map);
            return [[p.tl[1], p.br[1]], [h.bottom - c.top, c.bottom - t.top]];""")
        assert pad[0] >= reach[0] and pad[1] >= reach[1], (pad, reach)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
