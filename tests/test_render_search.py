"""The map's place search holds the spellings a reader knows (invented places and texts)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from test_render_map import DATA

from geomap.mentions import MENTION_COLUMNS
from geomap.render import render_map
from geomap.render.controls import search_entries
from geomap.render.search import mention_aliases, record_aliases, with_aliases


def mentions(rows: list[tuple[str, str, float, float]]) -> gpd.GeoDataFrame:
    """Mentions (form as written, place name, lon, lat) of towns in one invented article."""
    recs = []
    for i, (name, place, _x, _y) in enumerate(rows):
        rec = dict.fromkeys(MENTION_COLUMNS)
        rec.update(article_id="a1", title="Invented report", date="2024-11-20", start=i * 10,
                   end=i * 10 + len(name), name=name, role="event", confidence=0.9,
                   place_key=f"gn:{place}", place_name=place, feature="town", country="UA",
                   sentence=f"Shelling hit {name} overnight.", sentence_start=0)
        recs.append(rec)
    geoms = [shapely.Point(x, y) for _, _, x, y in rows]
    return gpd.GeoDataFrame(recs, columns=list(MENTION_COLUMNS), geometry=geoms, crs=4326)


def test_a_written_form_goes_where_its_place_goes():
    ms = mentions([("Kupiansk", "Kupyansk", 37.61, 49.71), ("Куп'янськ", "Kupyansk", 37.61, 49.71),
                   ("Kupyansk", "Kupyansk", 37.61, 49.71)])
    entries = search_entries([("Kupyansk", 37.61, 49.71, 8, None)])
    out = with_aliases(entries, mention_aliases(ms))
    assert out["n"] == ["Kupyansk", "Kupiansk", "Куп&#x27;янськ"]
    assert out["l"] == ["", "Kupyansk", "Kupyansk"]
    assert out["x"] == [37.61] * 3 and out["z"] == [8] * 3


def test_a_record_location_is_searchable_at_its_point_and_escaped():
    events = gpd.GeoDataFrame(
        {"location": ["Dvorichna", "<img src=x onerror=alert(1)>", None],
         "geo_precision": ["exact", "admin1", "exact"]},
        geometry=[shapely.Point(37.68, 49.85), shapely.Point(36.3, 49.9), shapely.Point(1, 1)],
        crs=4326)
    entries = search_entries([("Kupyansk", 37.61, 49.71, 8, None)])
    out = with_aliases(entries, [], record_aliases(events))
    assert out["n"] == ["Kupyansk", "Dvorichna", "&lt;img src=x onerror=alert(1)&gt;"]
    assert out["z"] == [8, 10, 6]
    # a name already in the list keeps its first target
    again = with_aliases(out, [("dvorichna", "Kupyansk")])
    assert again["n"].count("Dvorichna") == 1 and len(again["n"]) == 3


def test_the_map_search_lists_forms_and_record_names():
    ms = mentions([("Huliaipole", "Hulyaypole", 36.26, 47.66)])
    events = gpd.GeoDataFrame(
        {"event_id": ["r1"], "dataset": ["acled"], "date": [pd.Timestamp("2024-11-20")],
         "event_type": ["assault"], "location": ["Zaliznychne"], "geo_precision": ["exact"]},
        geometry=[shapely.Point(36.33, 47.63)], crs=4326)
    m, _ = render_map(ms, data_dir=DATA, events=events)
    html = m.get_root().render()
    data = next(c for c in _calls(html, "search"))
    assert {"Hulyaypole", "Huliaipole", "Zaliznychne"} <= set(data["n"])
    assert data["l"][data["n"].index("Huliaipole")] == "Hulyaypole"


def _calls(html: str, function: str) -> list[dict]:
    import json
    import re

    out = []
    for match in re.finditer(r"GM\." + function + r"\(map_\w+, ", html):
        out.append(json.JSONDecoder().raw_decode(html, match.end())[0])
    return out
