"""Generated maps in headless Chromium with the network cut off (marker "browser").

Skips where Chromium, chromedriver or selenium is missing, except under CI=true, where that
is a failure. Screenshots go to test-output/ (gitignored).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from test_render_map import DATA, ROOT, synthetic_events

from geomap.render import render_map, save_map
from geomap.render.browser import chromium, chromium_missing

pytestmark = pytest.mark.browser

OUTPUT = ROOT / "test-output"
SAMPLE_LAYERS = ("Named regions", "Place mentions", "Movements", "Regions: events per admin-1",
                 "Heat map of events", "OpenStreetMap (online)")


def browser_session():
    """Headless Chromium for one test module (a generator for module fixtures)."""
    reason = chromium_missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests must run under CI: {reason}")
        pytest.skip(reason)
    with chromium() as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source":
            "window.__alerts = []; window.alert = function (m) { window.__alerts.push(m); };"})
        yield driver


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


def _open(driver, path: Path) -> None:
    driver.get_log("browser")  # drop earlier messages
    driver.get_log("performance")
    driver.get(path.as_uri())
    for _ in range(100):
        if driver.execute_script("return !!(window.GM && GM.maps.length)"):
            break
        time.sleep(0.1)
    time.sleep(0.5)


def _errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def _js(driver, script: str):
    return driver.execute_script("var map = GM.maps[0];" + script)


def _layer_labels(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))"
        ".map(function (l) { return l.textContent.trim(); })")


def _toggle(driver, prefix: str) -> None:
    driver.execute_script(
        "var labels = document.querySelectorAll('.leaflet-control-layers-overlays label');"
        "for (var i = 0; i < labels.length; i++) { if (labels[i].textContent.trim()"
        ".indexOf(arguments[0]) === 0) { labels[i].querySelector('input').click(); return; } }"
        "throw new Error('no layer ' + arguments[0]);", prefix)


@pytest.fixture(scope="module")
def sample_map(tmp_path_factory, gazetteer) -> Path:
    from geomap.pipeline import run_map

    out = tmp_path_factory.mktemp("samples")
    run_map([ROOT / "data" / "samples"], out, gazetteer=gazetteer, progress=False)
    return out / "index.html"


@pytest.fixture(scope="module")
def events_map(tmp_path_factory) -> Path:
    m, _ = render_map(None, data_dir=DATA, title="Synthetic events", events=synthetic_events())
    path = tmp_path_factory.mktemp("events") / "index.html"
    save_map(m, path)
    return path


def test_sample_map_loads_offline_without_errors(browser, sample_map):
    _open(browser, sample_map)
    assert _errors(browser) == []
    external = [u for u in _requests(browser) if not u.startswith(("file:", "data:"))]
    assert external == []
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "sample-map.png"))


def test_sample_map_lists_its_layers(browser, sample_map):
    _open(browser, sample_map)
    labels = _layer_labels(browser)
    for prefix in SAMPLE_LAYERS:
        assert any(label.startswith(prefix) for label in labels), (prefix, labels)


def test_mentions_drawn_and_hidden_by_their_toggle(browser, sample_map):
    _open(browser, sample_map)
    stats = _js(browser, "return GM.stats(map);")
    mentions = next(v for k, v in stats.items() if k.startswith("Place mentions"))
    drawn = _js(browser, "return GM.drawn(map);")
    n_places = _js(browser, "var n = 0; map.eachLayer(function (l) {"
                   "if (l._gmKind === 'mentions') { n++; } }); return n;")
    assert drawn["mentions"] == n_places > 10
    assert mentions > n_places
    assert drawn.get("areas", 0) >= 1  # "Kursk Oblast" as a polygon
    _toggle(browser, "Place mentions")
    assert _js(browser, "return GM.drawn(map).mentions || 0;") == 0
    _toggle(browser, "Place mentions")
    assert _js(browser, "return GM.drawn(map).mentions;") == n_places


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory, gazetteer) -> Path:
    """wire-003 as shipped, plus the same strings in a sentence that names a place."""
    from geomap.pipeline import run_map

    src = tmp_path_factory.mktemp("hostile-src")
    wire = (ROOT / "data" / "samples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    line = next(x for x in wire if '"wire-003"' in x)
    item = json.loads(line)
    assert "<script>alert(1)</script>" in item["text"] and "onerror=alert(2)" in item["text"]
    extra = dict(item, id="hostile-kyiv", url="javascript:alert(3)",
                 title="<img src=x onerror=alert(4)> title",
                 text="Reporters in Kyiv received <script>alert(1)</script> and "
                      "<img src=x onerror=alert(2)> in an email.")
    (src / "wire.jsonl").write_text(line + "\n" + json.dumps(extra) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile")
    run_map([src / "wire.jsonl"], out, gazetteer=gazetteer, progress=False)
    return out / "index.html"


def test_script_in_article_text_is_shown_not_run(browser, hostile_map):
    _open(browser, hostile_map)
    result = _js(browser, """
        var texts = [], imgs = 0, scripts = 0, links = [];
        map.eachLayer(function (l) {
          if ((l._gmKind === 'mentions' || l._gmKind === 'areas') && l.getPopup()) {
            l.openPopup();
            var box = document.querySelector('.leaflet-popup-content');
            texts.push(box.textContent);
            imgs += box.querySelectorAll('img').length;
            scripts += box.querySelectorAll('script').length;
            box.querySelectorAll('a').forEach(function (a) { links.push(a.getAttribute('href')); });
          }
        });
        return {text: texts.join(' | '), imgs: imgs, scripts: scripts, links: links,
                injected: document.querySelectorAll('img[onerror], img[src=x]').length};""")
    assert "<script>alert(1)</script>" in result["text"]
    assert "<img src=x onerror=alert(2)>" in result["text"]
    assert "<img src=x onerror=alert(4)> title" in result["text"]
    assert result["imgs"] == result["scripts"] == result["injected"] == 0
    assert all(h.startswith("https://") for h in result["links"]), result["links"]
    assert browser.execute_script("return window.__alerts") == []
    assert _errors(browser) == []


def test_place_search_moves_the_map(browser, sample_map):
    _open(browser, sample_map)
    zoom0 = _js(browser, "return map.getZoom();")
    browser.execute_script(
        "var box = document.querySelector('.gm-search-box'); box.value = 'Pyongyang';"
        "box.dispatchEvent(new Event('change'));")
    time.sleep(1.2)
    centre = _js(browser, "var c = map.getCenter(); return [c.lat, c.lng, map.getZoom()];")
    assert centre[2] > zoom0
    assert abs(centre[0] - 39.0) < 1.5 and abs(centre[1] - 125.75) < 1.5


def test_event_layers_toggle_and_follow_the_time_control(browser, events_map):
    _open(browser, events_map)
    assert _errors(browser) == []
    labels = _layer_labels(browser)
    assert [x for x in labels if x.startswith("Events: ")] == [
        "Events: Assault (15)", "Events: Mobilize (15)", "Events: Statement (15)",
        "Events: Aid (15)"]
    stats = _js(browser, "return GM.stats(map);")
    assert stats["Events: Assault (15)"] == 15 and stats["Movements (3)"] == 3
    drawn = _js(browser, "return GM.drawn(map);")
    assert drawn["events:assault"] == 15 and drawn["flows"] == 1
    _toggle(browser, "Events: Assault")
    assert "events:assault" not in _js(browser, "return GM.drawn(map);")
    _toggle(browser, "Events: Assault")
    # days 2024-10-01 .. 2024-10-30; keep 2024-10-01 .. 2024-10-10: ten days, event i on day i%30
    browser.execute_script(
        "var to = document.querySelector('.gm-to'); to.value = +to.min + 9;"
        "to.dispatchEvent(new Event('input'));")
    stats = _js(browser, "return GM.stats(map);")
    # assault events are i % 4 == 0 with day i % 30 < 10: i in 0, 4, 8, 32, 36
    assert stats["Events: Assault (15)"] == 5
    assert stats["Movements (3)"] == 1  # only the one on 2024-10-05
    assert _js(browser, "return GM.drawn(map)['events:assault'];") == 5
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "events-map.png"))
    browser.find_element("css selector", ".gm-time-all").click()
    assert _js(browser, "return GM.stats(map);")["Events: Assault (15)"] == 15


def test_event_popup_shows_escaped_fields(browser, events_map):
    _open(browser, events_map)
    _js(browser, """
        var e = map._gm.layers.filter(function (l) {
          return l.name.indexOf('Events: Assault') === 0; })[0].data;
        map.setView([e.y[0], e.x[0]], 14, {animate: false});""")
    time.sleep(0.5)
    html = _js(browser, """
        var l = null;
        map.eachLayer(function (x) {
          if (x._gmKind === 'events:assault' && x._gmi === 0) { l = x; } });
        l.fire('click', {latlng: l.getLatLng()}, true);
        return document.querySelector('.leaflet-popup-content').innerHTML;""")
    assert "Military Forces of Russia" in html and "synthetic, row" in html
    assert "&lt;b&gt;near&lt;/b&gt;" in html
