"""An event a GeoJSON table draws as a polygon keeps its area: read with a precision from its
size, drawn on that outline (not dotted at its centre) and exported as that polygon, with
lat / lon keeping a point inside it (new-user: "Pokrovsk area" became an exact-looking dot
with precision unknown). Invented features."""

from __future__ import annotations

import json

import shapely
from test_render_map import DATA, js_calls

from geomap.cli import main
from geomap.events import read_events
from geomap.export import read_table
from geomap.render import map_html, render_map


def _box(x: float, y: float, w: float, h: float) -> list:
    return [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]]


def _write(path):
    features = [
        ({"type": "Polygon", "coordinates": _box(35.9, 49.5, 0.4, 0.3)},
         {"date": "2024-05-02", "type": "shelling", "location": "Balakliia district"}),
        ({"type": "Polygon", "coordinates": _box(36.20, 49.98, 0.05, 0.04)},
         {"date": "2024-05-03", "type": "air strike", "location": "Kharkiv <i>centre</i>"}),
        ({"type": "Polygon", "coordinates": _box(35.0, 48.5, 3.0, 2.0)},
         {"date": "2024-05-04", "type": "shelling", "location": "the east"}),
        ({"type": "Point", "coordinates": [37.55, 47.1]},
         {"date": "2024-05-05", "type": "shelling", "location": "Mariupol"}),
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": g, "properties": p} for g, p in features]}),
        encoding="utf-8")
    return path


def test_a_polygon_is_read_as_an_area_with_a_precision_from_its_size(tmp_path):
    ev = read_events(_write(tmp_path / "areas.geojson")).events
    assert ev["geo_precision"].tolist() == ["admin2", "near", "admin1", "exact"]
    assert ev["orig_geo_precision"].tolist()[:3] == ["Polygon"] * 3
    assert ev["area_wkt"].notna().tolist() == [True, True, True, False]
    first = shapely.from_wkt(ev["area_wkt"].iloc[0])
    assert first.contains(ev.geometry.iloc[0])  # the point stands inside the area
    assert abs(first.area - 0.12) < 1e-9


def test_a_feature_s_name_is_its_place_when_no_column_names_one(tmp_path):
    src = tmp_path / "named.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": _box(37.0, 47.9,
                                                                                0.5, 0.4)},
         "properties": {"date": "2024-11-03", "type": "shelling", "name": "Selydove area"}}]}),
        encoding="utf-8")
    assert read_events(src).events["location"].tolist() == ["Selydove area"]
    # a table that names its place keeps that column (the name may be anything else)
    ev = read_events(_write(tmp_path / "areas.geojson")).events
    assert ev["location"].iloc[0] == "Balakliia district"


def test_the_area_is_drawn_on_its_outline_not_dotted(tmp_path):
    ev = read_events(_write(tmp_path / "areas.geojson")).events
    m, info = render_map(None, data_dir=DATA, events=ev)
    assert (info.counts.dotted, info.counts.region_level) == (1, 3)
    html = map_html(m)
    [layer] = [x for x in js_calls(html, "regions") if x.get("kind") == "region-events"]
    feats = {f["properties"]["n"]: f for f in layer["fc"]["features"]}
    assert "Balakliia district" in feats and "Kharkiv &lt;i&gt;centre&lt;/i&gt;" in feats
    assert "<i>centre" not in html
    drawn = shapely.geometry.shape(feats["Balakliia district"]["geometry"])
    assert drawn.symmetric_difference(shapely.box(35.9, 49.5, 36.3, 49.8)).area < 1e-4
    assert "area drawn by its record" in feats["Balakliia district"]["properties"]["p"]


def test_the_area_is_exported_as_the_polygon(tmp_path):
    src = _write(tmp_path / "areas.geojson")
    for suffix in (".geojson", ".csv", ".gpkg"):
        out = tmp_path / f"out{suffix}"
        assert main(["events", "read", str(src), "-o", str(out)]) == 0
        back = read_table(out)
        assert "area_wkt" not in back  # the geometry is the area, not a second copy
        assert back.geometry.geom_type.tolist()[:3] == ["MultiPolygon"] * 3, suffix
        assert back.geometry.iloc[3].geom_type == "Point"
        assert back.geometry.iloc[0].contains(
            shapely.Point(float(back["lon"].iloc[0]), float(back["lat"].iloc[0])))
        assert back.geometry.iloc[0].symmetric_difference(
            shapely.box(35.9, 49.5, 36.3, 49.8)).area < 1e-4
