"""The map without a browser: layers, modes, offline assets, escaping (see test_browser_map.py
for what only a browser shows)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geomap.events.schema import coerce_events
from geomap.events.taxonomy import EVENT_TYPES
from geomap.exceptions import OutputError
from geomap.render import ScaleOptions, map_html, render_map
from geomap.render.assets import external_resources, inline_assets
from geomap.render.jsdata import js_data
from geomap.render.layers.movements import screen_angle
from geomap.render.layers.regions import class_breaks
from geomap.render.popups import sentence_html
from geomap.render.style import TYPE_STYLES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def synthetic_events(n: int = 60, *, seed: int = 1, movements: int = 3) -> gpd.GeoDataFrame:
    """Point events of several types around Kursk and Kharkiv over 30 days, plus movements."""
    rng = np.random.default_rng(seed)
    types = ["assault", "mobilize", "statement", "aid"]
    rows = []
    for i in range(n):
        rows.append({
            "event_id": f"e{i}", "dataset": "synthetic", "date": pd.Timestamp("2024-10-01")
            + pd.Timedelta(days=int(i % 30)), "event_type": types[i % len(types)],
            "actor1": "Military Forces of Russia", "actor2": "Military Forces of Ukraine",
            "location": "Sudzha" if i % 2 else "Kharkiv", "country": "RU" if i % 2 else "UA",
            "fatalities": int(i % 3), "source": "Synthetic wire",
            "notes": "Shelling reported <b>near</b> the border", "source_file": "synthetic.csv",
            "source_row": i + 1,
            "geometry": shapely.Point(35.0 + rng.normal(0, 0.8), 51.0 + rng.normal(0, 0.5)),
        })
    for j in range(movements):
        rows.append({
            "event_id": f"m{j}", "dataset": "synthetic", "date": pd.Timestamp("2024-10-05")
            + pd.Timedelta(days=10 * j), "event_type": "mobilize", "actor1": "KPA",
            "location": "Kursk", "source_file": "synthetic.csv", "source_row": n + j + 1,
            "notes": "Troops moved by rail", "kind": "movement", "origin": "Vladivostok",
            "destination": "Kursk",
            "geometry": shapely.LineString([(131.9, 43.1), (36.19, 51.73)]),
        })
    frame = pd.DataFrame(rows)
    return coerce_events(gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326"),
                         check=False)


def js_calls(html: str, function: str) -> list[dict]:
    """The data of every ``GM.<function>(map, layer, data)`` call in a page, whether inline or
    in a JSON element read with ``GM.json(id)``."""
    out = []
    for match in re.finditer(r"GM\." + function + r"\(map_\w+, feature_group_\w+, ", html):
        ref = re.match(r'GM\.json\("(\w+)"\)', html[match.end():])
        if ref:
            tag = f'<script type="application/json" id="{ref.group(1)}">'
            out.append(json.JSONDecoder().raw_decode(html, html.index(tag) + len(tag))[0])
        else:
            out.append(json.JSONDecoder().raw_decode(html, match.end())[0])
    return out


def test_every_event_type_has_a_style():
    assert set(TYPE_STYLES) == set(EVENT_TYPES)
    assert len({s.colour for s in TYPE_STYLES.values()}) == len(TYPE_STYLES)


def test_js_data_cannot_close_a_script():
    text = js_data({"s": "</script><script>alert(1)</script>", "u": "\u2028"})
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["s"].startswith("</script>")


def test_sentence_html_escapes_and_marks():
    html = sentence_html("A <script>x</script> in Kursk & Sudzha", 24, 29)
    assert html == ("<q>A &lt;script&gt;x&lt;/script&gt; in <mark>Kursk</mark> &amp; "
                    "Sudzha</q>")


def test_screen_angle_is_mercator_direction():
    assert screen_angle(0, 0, 10, 0) == 0.0
    assert screen_angle(0, 0, 0, 10) == 90.0
    assert screen_angle(131.9, 43.1, 36.19, 51.73) == pytest.approx(172, abs=2)


def test_class_breaks_increase():
    assert class_breaks([1, 1, 2, 3, 50, 400]) == sorted(set(class_breaks([1, 1, 2, 3, 50, 400])))
    assert class_breaks([]) == []


def test_inline_assets_replaces_every_cdn_link():
    html = ('<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"></script>'
            '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/'
            'leaflet.css"/>')
    out = inline_assets(html)
    assert external_resources(out) == []
    assert "L.Map" in out or "Leaflet" in out
    with pytest.raises(OutputError):
        inline_assets('<script src="https://example.org/unknown.js"></script>')


def test_external_resources_finds_scripts_styles_images_fonts_not_links():
    html = ('<a href="https://example.org/story">story</a>'
            '<img src="https://example.org/x.png"><style>@font-face{src:url(https://f.org/a.woff)}'
            '</style><link rel="stylesheet" href="//cdn.example.org/a.css">')
    assert external_resources(html) == ["//cdn.example.org/a.css", "https://example.org/x.png",
                                        "https://f.org/a.woff"]


@pytest.fixture(scope="module")
def events():
    return synthetic_events()


def test_layers_of_a_map_with_events(events):
    m, info = render_map(None, data_dir=DATA, title="Test", events=events)
    names = info.layers
    for label in ("Assault", "Mobilize", "Statement", "Aid"):
        assert any(n.startswith(f"Events: {label} (") for n in names), names
    assert "Movements (3)" in names
    assert any(n.startswith("Regions: events per admin-1 (") for n in names)
    assert "Heat map of events" in names
    assert info.mode == "cluster" and info.events.events == 60 and info.flows.flows == 1
    assert info.regions.regions >= 2  # Kursk / Belgorod / Kharkiv oblasts
    html = map_html(m)
    assert external_resources(html) == []
    assert "Shelling reported &lt;b&gt;near&lt;/b&gt;" in html.replace("\\u003c", "<").replace(
        "\\u003e", ">").replace("\\u0026", "&")


def _with_datasets(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The synthetic assaults as ACLED records of two event types and one UCDP record, the
    rest text events whose orig_type is a trigger word."""
    ev = events.copy()
    assault = np.flatnonzero((ev["event_type"] == "assault").to_numpy())
    ev["orig_type"] = ev["orig_type"].astype(object)
    ev["orig_subtype"] = ev["orig_subtype"].astype(object)
    ev["dataset"] = "text"
    ev.loc[ev.index[:], "orig_type"] = "shelled"
    acled = ev.index[assault[:10]]
    ev.loc[acled, "dataset"] = "acled"
    ev.loc[acled, "orig_type"] = ["Battles"] * 6 + ["Violence against <civilians>"] * 4
    ev.loc[ev.index[assault[10]], ["dataset", "orig_type", "orig_subtype"]] = \
        ["ucdp", "3", "one-sided violence"]
    return ev


@pytest.mark.parametrize("options", [ScaleOptions(), ScaleOptions(cluster_max=1, points_max=2)])
def test_a_datasets_own_categories_split_a_types_layer(events, options):
    # ACLED's "Battles" and "Violence against civilians" are both PLOVER assaults: an analyst
    # filters on them first, so each is a layer; text assaults keep the type's own layer
    m, info = render_map(None, data_dir=DATA, events=_with_datasets(events), options=options)
    names = [n for n in info.layers if n.startswith("Events: Assault")]
    assert sorted(names) == ["Events: Assault (4)", "Events: Assault · Battles (6)",
                             "Events: Assault · Violence against &lt;civilians&gt; (4)",
                             "Events: Assault · one-sided violence (1)"], names
    assert info.events.types[0] == ("assault", 15)  # the legend still counts the type
    payloads = {d["name"]: d for d in js_calls(map_html(m), "events")}
    drawn = {n: sum(d["n"]) if "n" in d else len(d["x"]) for n, d in payloads.items()}
    assert sum(v for n, v in drawn.items() if n.startswith("Events: Assault")) == 15
    assert all(d["type"] == "assault" for n, d in payloads.items()
               if n.startswith("Events: Assault"))


@pytest.mark.parametrize(("options", "mode"), [
    (ScaleOptions(), "cluster"),
    (ScaleOptions(cluster_max=10), "points"),
    (ScaleOptions(cluster_max=10, points_max=20, grid_cell=1.0), "grid"),
    (ScaleOptions(cluster_max=10, density_min=50), "density"),
])
def test_drawing_mode_follows_the_count(events, options, mode):
    _m, info = render_map(None, data_dir=DATA, events=events, options=options)
    assert info.mode == mode
    assert mode.split()[0] in info.describe() or "grid" in info.describe()
    if mode == "grid":
        assert info.events.drawn < 60


def test_grid_mode_keeps_every_event(events):
    m, _info = render_map(None, data_dir=DATA, events=events,
                          options=ScaleOptions(cluster_max=1, points_max=2))
    html = m.get_root().render()
    total = 0
    for payload in re.findall(r"GM\.events\(map_\w+, feature_group_\w+, (\{.*?\})\);\n", html):
        data = json.loads(payload)
        total += sum(data["n"])
        assert sum(sum(b[1::2]) for b in data["b"]) == sum(data["n"])
    assert total == 60


def test_online_map_is_small_and_links_cdns(events):
    m, _ = render_map(None, data_dir=DATA, events=events, online=True)
    html = map_html(m, online=True)
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in html
    assert len(html) < len(map_html(render_map(None, data_dir=DATA, events=events)[0]))


def test_large_payloads_are_json_elements_the_runtime_parses():
    from geomap.render.runtime import JsCall

    big = {"x": list(range(20_000)), "s": ["</script><script>alert(1)</script>"]}
    m, _ = render_map(None, data_dir=DATA)
    call = JsCall("heat", m.get_name(), big, with_layer=False)
    m.add_child(call)
    html = map_html(m)
    tag = f'<script type="application/json" id="{call.get_name()}">'
    found = re.search(re.escape(tag) + "(.*?)</script>", html, re.S)
    assert found and json.loads(found.group(1)) == big
    assert f'GM.heat({m.get_name()}, GM.json("{call.get_name()}"));' in html
