"""The corroboration layers in headless Chromium: counts, link selection, the time filter."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from test_browser_map import (
    OUTPUT,
    _errors,
    _js,
    _layer_labels,
    _open,
    _toggle,
    browser_session,
)
from test_render_corroboration import corroboration_tables
from test_render_map import DATA

from geomap.render import render_map, save_map

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


@pytest.fixture(scope="module")
def corroboration_map(tmp_path_factory):
    records, text_events, links = corroboration_tables()
    events = pd.concat([records, text_events], ignore_index=True)
    m, _ = render_map(None, data_dir=DATA, title="News and records", events=events,
                      records=records, text_events=text_events, links=links)
    path = tmp_path_factory.mktemp("corroboration") / "index.html"
    save_map(m, path)
    return path


def _click(driver, kind: str, i: int) -> str:
    return driver.execute_script("""
        var map = GM.maps[0], hit = null, kind = arguments[0], i = arguments[1];
        map.eachLayer(function (x) {
          if (x._gmKind === 'corroboration:' + kind && x._gmi === i) { hit = x; } });
        hit.fire('click', {latlng: hit.getLatLng()}, true);
        return document.querySelector('.leaflet-popup-content').innerHTML;""", kind, i)


def test_three_layers_listed_with_counts_and_drawn(browser, corroboration_map):
    _open(browser, corroboration_map)
    assert _errors(browser) == []
    labels = _layer_labels(browser)
    for name in ("Records corroborated by news (2)",
                 "Records with no article (2; 1 on country areas)", "Reported, not recorded (1)"):
        assert name in labels, labels
    drawn = _js(browser, "return GM.drawn(map);")
    assert drawn["corroboration:corroborated"] == 2
    assert drawn["corroboration:unmatched"] == 1
    # a user opening the map sees the events by type; records with no article are the same
    # records' icons again, so their grey dots start hidden (one click away)
    assert drawn["events:assault"] >= 1
    assert "corroboration:uncovered" not in drawn
    _toggle(browser, "Records with no article")
    assert _js(browser, "return GM.drawn(map);")["corroboration:uncovered"] == 1


def test_selecting_a_record_draws_its_links(browser, corroboration_map):
    _open(browser, corroboration_map)
    assert "links" not in _js(browser, "return GM.drawn(map);")
    html = _click(browser, "corroborated", 0)  # r1, Sudzha: two article events
    assert "Reported in 2 articles" in html
    assert "ucdp, row 1" in html  # its provenance (the dot's radius once took the rows' key)
    assert "Shelling &lt;script&gt;alert(1)&lt;/script&gt; in Sudzha" in html
    assert _js(browser, "return GM.drawn(map).links;") == 2
    ends = _js(browser, "var out = []; map.eachLayer(function (l) { if (l._gmKind === "
               "'links') { out.push(l.getLatLngs()[1]); } }); return out;")
    assert sorted(round(p["lat"], 2) for p in ends) == [51.1, 51.2]
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "corroboration-selected.png"))
    _click(browser, "corroborated", 1)  # the id-less Kharkiv record: one link
    assert _js(browser, "return GM.drawn(map).links;") == 1
    _js(browser, "map.closePopup();")
    assert "links" not in _js(browser, "return GM.drawn(map);")
    assert browser.execute_script("return window.__alerts") == []


def test_a_record_s_ring_is_seen_and_clicked_above_its_own_icon(browser, corroboration_map):
    """A corroborated record is also drawn by type as an icon at the same point: its status
    is a ring above the icon, the topmost thing there, and a click on the icon's middle
    opens the links with their scores (a dot under the icon was hidden)."""
    _open(browser, corroboration_map)
    _js(browser, "map.setView([51.15, 35.2], 8, {animate: false});")
    time.sleep(0.5)
    top = browser.execute_script("""
        var map = GM.maps[0], hit = null, c = map.getContainer().getBoundingClientRect();
        map.eachLayer(function (x) {
          if (x._gmKind === 'corroboration:corroborated' && x._gmi === 0) { hit = x; } });
        map.panTo(hit.getLatLng(), {animate: false});
        var p = map.latLngToContainerPoint(hit.getLatLng());
        var el = document.elementFromPoint(c.left + p.x, c.top + p.y);
        return [el.tagName.toLowerCase(), el.getAttribute('class') || ''];""")
    assert top[0] == "path" and "gm-ring-corroborated" in top[1], top
    browser.execute_script("""
        var map = GM.maps[0], hit = null, c = map.getContainer().getBoundingClientRect();
        map.eachLayer(function (x) {
          if (x._gmKind === 'corroboration:corroborated' && x._gmi === 0) { hit = x; } });
        var p = map.latLngToContainerPoint(hit.getLatLng());
        var x = c.left + p.x, y = c.top + p.y;
        document.elementFromPoint(x, y).dispatchEvent(
          new MouseEvent('click', {bubbles: true, clientX: x, clientY: y}));""")
    time.sleep(0.3)
    html = browser.execute_script(
        "var p = document.querySelector('.leaflet-popup-content'); return p && p.innerHTML;")
    assert html and "Reported in 2 articles" in html and "score 0." in html
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "corroboration-ring.png"))


def test_time_filter_applies_to_the_three_layers(browser, corroboration_map):
    _open(browser, corroboration_map)
    # 2024-10-03 .. 2024-10-10 keeps r1 and the Kharkiv record, drops r2 (10-20) and the
    # unmatched Bakhmut event (10-25)
    lo = _js(browser, "return Math.round(Date.parse('2024-10-03') / 86400000);")
    _js(browser, f"GM.setRange(map, {lo}, {lo + 7});")
    time.sleep(0.2)
    stats = _js(browser, "return GM.stats(map);")
    assert stats["Records corroborated by news (2)"] == 2
    assert stats["Records with no article (2; 1 on country areas)"] == 0
    assert stats["Reported, not recorded (1)"] == 0
    drawn = _js(browser, "return GM.drawn(map);")
    assert "corroboration:uncovered" not in drawn and "corroboration:unmatched" not in drawn


@pytest.fixture(scope="module")
def pipeline_map(tmp_path_factory, gazetteer):
    from test_api import ACLED, KURSK

    from geomap.pipeline import run_map

    src = tmp_path_factory.mktemp("acled")
    (src / "acled.csv").write_text(ACLED, encoding="utf-8")
    out = tmp_path_factory.mktemp("joined")
    report = run_map([KURSK, src / "acled.csv"], out, gazetteer=gazetteer, progress=False,
                     join_options={"km": 60})
    return out / "index.html", report


def test_main_job_map_shows_what_the_join_found(browser, pipeline_map):
    path, report = pipeline_map
    _open(browser, path)
    assert _errors(browser) == []
    labels = _layer_labels(browser)
    assert f"Records corroborated by news ({report.records_corroborated})" in labels, labels
    assert f"Records with no article ({report.records_uncovered})" in labels, labels
    assert any(x.startswith("Reported, not recorded (") for x in labels), labels
    html = _click(browser, "corroborated", 0)
    assert "Reported in" in html and "km" in html
    assert _js(browser, "return GM.drawn(map).links;") >= 1
    time.sleep(0.5)  # the popup fades in
    OUTPUT.mkdir(exist_ok=True)
    browser.save_screenshot(str(OUTPUT / "main-job-corroboration.png"))


@pytest.fixture(scope="module")
def counted_map(tmp_path_factory, gazetteer):
    """The main job on our Kursk article with records of every kind: a town (Korenevo), two
    located only to a country (Russia, Ukraine), one only to an oblast (Kursk) and an old one
    far away (Lviv, 2019)."""
    import geopandas as gpd
    import shapely
    from test_api import KURSK

    from geomap.events.schema import coerce_events
    from geomap.pipeline import run_map

    rows = [("K1", "2024-11-05", "Korenevo", "RU", "exact", (34.91, 51.41)),
            ("K2", "2024-11-05", "Russia", "RU", "country", (96.7, 61.98)),
            ("K3", "2024-11-04", "Ukraine", "UA", "country", (31.4, 49.0)),
            ("K4", "2019-03-01", "Lviv", "UA", "exact", (24.03, 49.84)),
            ("K5", "2024-11-05", "Kursk oblast", "RU", "admin1", (35.9, 51.6))]
    records = coerce_events(gpd.GeoDataFrame(pd.DataFrame([
        {"event_id": i, "dataset": "acled", "date": d, "event_type": "assault",
         "location": loc, "country": cc, "geo_precision": prec, "geometry": shapely.Point(xy)}
        for i, d, loc, cc, prec, xy in rows]), geometry="geometry", crs="EPSG:4326"),
        check=False)
    out = tmp_path_factory.mktemp("counted")
    report = run_map([KURSK], out, gazetteer=gazetteer, progress=False, records=records,
                     join_options={"km": 60})
    return out / "index.html", report.to_json()


def _lead(label: str) -> tuple[int, int]:
    """(the count in a layer name, the part of it said to be on country areas / not
    located): "Records with no article (2,958; 219 on country areas)" -> (2958, 219)."""
    inside = label[label.index("(") + 1: label.rindex(")")].replace(",", "")
    total, _, rest = inside.partition(";")
    off = sum(int(w) for w in rest.split() if w.isdigit())
    return int(total), off


def test_header_legend_layers_and_report_count_alike(browser, counted_map):
    path, report = counted_map
    _open(browser, path)
    assert _errors(browser) == []
    labels = {lab.split(" (")[0]: lab for lab in _layer_labels(browser)}
    _toggle(browser, "Records with no article")  # off when the map opens
    drawn = _js(browser, "return GM.drawn(map);")
    # every layer's count is the report's; what is not a dot is said, and the rest are dots
    for name, key, kind in (("Records corroborated by news", "records_corroborated",
                             "corroborated"),
                            ("Records with no article", "records_uncovered", "uncovered"),
                            ("Reported, not recorded", "text_events_unmatched", "unmatched")):
        total, off = _lead(labels[name])
        assert total == report[key], (labels[name], report)
        assert total - off == drawn.get(f"corroboration:{kind}", 0), (labels[name], drawn)
    assert "on country areas" in labels["Records corroborated by news"]  # Ukraine, K3
    title = browser.execute_script("return document.querySelector('.gm-title').innerText")
    assert f"{report['records']} records" in title and \
        f"{report['text_events']} events from text" in title, (title, report)
    legend = browser.execute_script("return document.querySelector('.gm-legend').textContent")
    assert f"Of {report['events']} events, " in legend
    assert f"{report['events_country_level']} on country areas" in legend
    assert f"{report['events_unlocated']} without a location" in legend
    # the oblast-level record is an area, not a dot, said so in legend, layers and report
    assert report["events_region_level"] >= 1
    assert f"{report['events_region_level']} on region areas" in legend
    assert drawn.get("region-events", 0) >= 1
    assert report["records"] + report["text_events"] == report["events"]
