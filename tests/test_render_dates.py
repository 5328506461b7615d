"""News events with no date of their own are filed under their article's date on the map, and
their popups say so (invented events)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from test_render_map import DATA, js_calls

from geomap.events.schema import coerce_events
from geomap.render import render_map
from geomap.render.dates import ARTICLE_DATED, with_article_dates
from geomap.render.mapview import daily_counts


def _events() -> gpd.GeoDataFrame:
    return coerce_events(gpd.GeoDataFrame(pd.DataFrame({
        "event_id": ["r1", "t1", "t2", "t3"], "dataset": ["acled", "text", "text", "text"],
        "date": [pd.Timestamp("2024-03-02"), pd.Timestamp("2024-03-01"), pd.NaT, pd.NaT],
        "article_date": [pd.NaT, pd.Timestamp("2024-03-04"), pd.Timestamp("2024-03-04"),
                         pd.NaT],
        "event_type": "assault", "location": ["Izium", "Izium", "Balakliia", "Kupiansk"],
        "country": "UA", "geo_precision": "exact",
        "geometry": [shapely.Point(37.26, 49.21), shapely.Point(37.26, 49.21),
                     shapely.Point(36.84, 49.46), shapely.Point(37.61, 49.71)]}),
        geometry="geometry", crs="EPSG:4326"), check=False)


def test_own_dates_stay_and_missing_ones_take_the_article_date():
    ev = _events()
    out = with_article_dates(ev)
    assert out["date"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2024-03-02", "2024-03-01", "2024-03-04", ""]
    assert out[ARTICLE_DATED].tolist() == [False, False, True, False]
    assert ev["date"].isna().sum() == 2  # the caller's table is not changed
    # records alone (no article dates) pass through as they are
    assert with_article_dates(ev.drop(columns="article_date")) is not None
    unit, pairs, undated = daily_counts(None, out)
    assert unit == "Events" and undated == 1 and sum(pairs[1::2]) == 3


def test_the_popup_says_the_day_is_the_article_s(tmp_path):
    m, _ = render_map(None, data_dir=DATA, events=_events())
    html = m.get_root().render()
    (payload,) = js_calls(html, "events")
    # one flag per event, in the layer's order: the day of Balakliia is its article's
    flagged = [i for i, a in enumerate(payload["a"]) if a]
    assert [payload["s"][payload["p"][i][0]] for i in flagged] == ["Balakliia (UA)"]
    assert "article\\u2019s date" in html
    timeline = html[html.index("GM.timeline("):]
    assert '"u": 1' in timeline[:timeline.index(");")] or '"u":1' in timeline[:timeline.index(");")]
