"""Geography and cartography in headless Chromium: countries as outlines (never a dot at a
country's label point), the initial view clear of the panels, the timeline brush, grouped layers.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from test_browser_map import OUTPUT, _errors, _js, _layer_labels, _open, browser_session
from test_render_map import DATA, ROOT, synthetic_events

from geomap.render import render_map, save_map
from geomap.render.boundaries import country_polygons

pytestmark = pytest.mark.browser

SEOUL = ROOT / "data" / "samples" / "2024-10-23-seoul-deployment.txt"


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


def _map_of(tmp_path_factory, gazetteer, path, name):
    from geomap.pipeline import run_map

    out = tmp_path_factory.mktemp(name)
    run_map([path], out, gazetteer=gazetteer, progress=False)
    return out / "index.html"


@pytest.fixture(scope="module")
def seoul_map(tmp_path_factory, gazetteer):
    return _map_of(tmp_path_factory, gazetteer, SEOUL, "seoul")


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory, gazetteer, seed_text):
    src = tmp_path_factory.mktemp("seed-src") / "article.txt"
    src.write_text(seed_text, encoding="utf-8")
    return _map_of(tmp_path_factory, gazetteer, src, "seed")


@pytest.fixture(scope="module")
def events_map(tmp_path_factory):
    m, _ = render_map(None, data_dir=DATA, title="Synthetic events", events=synthetic_events())
    path = tmp_path_factory.mktemp("events-only") / "index.html"
    save_map(m, path)
    return path


def _point_layers(driver) -> list[list]:
    """[lat, lng, kind] of every layer with a single position (markers, circles, labels)."""
    return _js(driver, """
        var out = [];
        map.eachLayer(function (l) {
          if (l.getLatLng && !(l instanceof L.Popup) && !(l instanceof L.Tooltip)) {
            var p = l.getLatLng(); out.push([p.lat, p.lng, l._gmKind || 'other']); } });
        return out;""")


def _countries_drawn(driver) -> list[str]:
    return _js(driver, """
        var out = [];
        map.eachLayer(function (l) {
          if (l._gmKind === 'countries') { out.push(l.feature.properties.n); } });
        return out;""")


def _check_countries_as_areas(driver, names: dict[str, str]) -> None:
    drawn = _countries_drawn(driver)
    for name in names.values():
        assert name in drawn, (name, drawn)
    polys = country_polygons(DATA)
    labels = [(float(polys.loc[iso, "lat"]), float(polys.loc[iso, "lon"])) for iso in names]
    for lat, lng, kind in _point_layers(driver):
        for clat, clng in labels:
            assert abs(lat - clat) > 0.3 or abs(lng - clng) > 0.3, (kind, lat, lng)
    # no movement ends at a country's label point either
    ends = _js(driver, """
        var out = [];
        map.eachLayer(function (l) { if (l instanceof L.Polyline && !(l instanceof L.Polygon)) {
          l.getLatLngs().forEach(function (p) { out.push([p.lat, p.lng]); }); } });
        return out;""")
    for lat, lng in ends:
        for clat, clng in labels:
            assert abs(lat - clat) > 0.3 or abs(lng - clng) > 0.3, ("line end", lat, lng)


COUNTRIES = {"RU": "Russia", "UA": "Ukraine", "KP": "North Korea", "KR": "South Korea"}


def test_seoul_sample_draws_countries_as_outlines_not_dots(browser, seoul_map):
    _open(browser, seoul_map)
    assert _errors(browser) == []
    _check_countries_as_areas(browser, COUNTRIES)
    assert any(x.startswith("Countries") for x in _layer_labels(browser))
    # towns and cities keep their pins
    assert _js(browser, "return GM.drawn(map).mentions;") >= 5
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "seoul-sample.png"))


@pytest.mark.shared
def test_seed_article_has_no_dot_at_a_country_centroid(browser, seed_map):
    _open(browser, seed_map)
    assert _errors(browser) == []
    _check_countries_as_areas(browser, COUNTRIES)
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "seed-map.png"))


def _panel_rects(driver) -> list[dict]:
    return driver.execute_script("""
        var sel = '.gm-title, .leaflet-control-layers, .gm-legend, .gm-time';
        return Array.from(document.querySelectorAll(sel)).map(function (e) {
          var r = e.getBoundingClientRect();
          return {l: r.left, t: r.top, r: r.right, b: r.bottom, c: e.className}; });""")


def test_events_only_map_fits_the_events_clear_of_the_panels(browser, events_map):
    _open(browser, events_map)
    assert _errors(browser) == []
    assert _js(browser, "return map.getZoom();") >= 5
    pts = _js(browser, """
        var out = [], rect = map.getContainer().getBoundingClientRect();
        var e = map._gm.layers.filter(function (l) { return l.data && l.data.x; });
        e.forEach(function (l) { for (var i = 0; i < l.data.x.length; i++) {
          var p = map.latLngToContainerPoint([l.data.y[i], l.data.x[i]]);
          out.push([p.x + rect.left, p.y + rect.top]); } });
        return out;""")
    assert len(pts) == 60
    size = browser.execute_script("return [window.innerWidth, window.innerHeight];")
    for x, y in pts:
        assert 0 <= x <= size[0] and 0 <= y <= size[1], (x, y)
        for r in _panel_rects(browser):
            assert not (r["l"] <= x <= r["r"] and r["t"] <= y <= r["b"]), (x, y, r["c"])
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "events-only.png"))


def test_timeline_brush_filters_every_layer(browser, events_map):
    _open(browser, events_map)
    svg = browser.find_element("css selector", ".gm-time-svg")
    bars = _js(browser, "return document.querySelectorAll('.gm-time-svg .gm-bar').length;")
    assert bars == 30  # one bar per day, 2024-10-01 .. 2024-10-30
    width = svg.size["width"]
    # drag from the left edge to a third of the way: the first ten days
    ActionChains(browser).move_to_element_with_offset(svg, -width // 2 + 1, 0).click_and_hold() \
        .move_by_offset(int(width / 3) - 2, 0).release().perform()
    time.sleep(0.3)
    lo, hi = _js(browser, "return [map._gm.range.lo, map._gm.range.hi];")
    first = int(np.datetime64("2024-10-01", "D").astype("int64"))
    assert lo == first and hi == first + 9
    events = synthetic_events()
    days = (events["date"].to_numpy().astype("datetime64[D]").astype("int64"))
    in_range = (days >= lo) & (days <= hi)
    expect = int((in_range & (events["event_type"] == "assault").to_numpy()
                  & (events.geometry.geom_type == "Point").to_numpy()).sum())
    stats = _js(browser, "return GM.stats(map);")
    assert stats["Events: Assault (15)"] == expect == 5
    assert stats["Movements (3)"] == 1
    assert "in range" in browser.find_element("css selector", ".gm-time-n").text
    assert _js(browser, "return document.querySelectorAll('.gm-bar.gm-out').length;") == 20
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "timeline-brushed.png"))
    browser.find_element("css selector", ".gm-time-all").click()
    assert _js(browser, "return GM.stats(map);")["Events: Assault (15)"] == 15


def test_many_event_types_fold_into_one_group(browser, tmp_path):
    from geomap.events.taxonomy import EVENT_TYPES

    events = synthetic_events(n=2 * len(EVENT_TYPES), movements=0)
    events["event_type"] = [EVENT_TYPES[i % len(EVENT_TYPES)] for i in range(len(events))]
    m, _ = render_map(None, data_dir=DATA, events=events)
    save_map(m, tmp_path / "types.html")
    _open(browser, tmp_path / "types.html")
    group = _js(browser, """
        var d = Array.from(document.querySelectorAll('details.gm-group')).filter(function (x) {
          return x.dataset.title.indexOf('Event types') === 0; })[0];
        return {open: d.open, n: d.querySelectorAll('label').length, title: d.dataset.title};""")
    assert group == {"open": False, "n": len(EVENT_TYPES),
                     "title": f"Event types ({len(EVENT_TYPES)})"}
    # the layer list fits in the window: its bottom above the legend's top
    rects = {r["c"].split()[0]: r for r in _panel_rects(browser)}
    assert rects["leaflet-control-layers"]["b"] < rects["gm-legend"]["t"]
    # the 8 most frequent types start on; "all / none" turns every type on, then off
    def drawn_events():
        return sum(v for k, v in _js(browser, "return GM.drawn(map);").items()
                   if k.startswith("events:"))

    assert drawn_events() == 16
    browser.execute_script("document.querySelector('.gm-group-all').click();")
    assert drawn_events() == len(events)
    browser.execute_script("document.querySelector('.gm-group-all').click();")
    assert drawn_events() == 0
    # the legend folds away and opens again (on a small window it starts folded)
    was = browser.execute_script("return document.querySelector('.gm-legend details').open")
    browser.execute_script("document.querySelector('.gm-legend summary').click();")
    assert browser.execute_script("return document.querySelector('.gm-legend details').open") \
        is (not was)


@pytest.fixture(scope="module")
def density_map(tmp_path_factory):
    from geomap.render import ScaleOptions

    events = synthetic_events(n=600, movements=0)
    options = ScaleOptions(cluster_max=50, density_min=500, points_max=5000)
    m, info = render_map(None, data_dir=DATA, events=events, options=options)
    assert info.mode == "density"
    path = tmp_path_factory.mktemp("density") / "index.html"
    save_map(m, path)
    return path


def test_large_event_sets_open_as_a_density_grid_with_dots_on_zoom(browser, density_map):
    _open(browser, density_map)
    assert _errors(browser) == []
    assert _js(browser, "return map.getZoom();") < 8
    drawn = _js(browser, "return GM.drawn(map);")
    assert drawn.get("density", 0) > 10
    assert not any(k.startswith("events:") for k in drawn)  # no dot per event yet
    cells = _js(browser, "var s = 0; map.eachLayer(function (l) { if (l._gmKind === "
                "'density') { s += l._gmK; } }); return s;")
    assert cells == 600
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "density.png"))
    # the time filter reaches the grid: 2024-10-01 .. 2024-10-10 holds 200 of 600 events
    first = int(np.datetime64("2024-10-01", "D").astype("int64"))
    _js(browser, f"GM.brush(map, {first}, {first + 9});")
    stats = _js(browser, "return GM.stats(map);")
    assert stats["Event density (600 events)"] == 200
    # zoomed in, dots replace the grid
    _js(browser, "map.setView([51.0, 35.0], 9, {animate: false});")
    time.sleep(0.5)
    drawn = _js(browser, "return GM.drawn(map);")
    assert "density" not in drawn
    assert sum(v for k, v in drawn.items() if k.startswith("events:")) > 0
    assert stats["Events: Assault (150)"] == 50
