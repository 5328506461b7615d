"""The initial view: strays far from the data are left out, but never a whole part of a
one-country dataset, nor a group of events far from the rest (invented points); and the
timeline's main span, the same idea for dates."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geomap.events.schema import coerce_events
from geomap.render.controls import main_span
from geomap.render.extent import fit_box, in_view


def _events(points: list[tuple[float, float, str]]) -> gpd.GeoDataFrame:
    return coerce_events(gpd.GeoDataFrame(pd.DataFrame({
        "event_id": [f"e{i}" for i in range(len(points))], "dataset": "x",
        "date": "2024-10-01", "event_type": "assault", "country": [c for _x, _y, c in points],
        "geometry": [shapely.Point(x, y) for x, y, _c in points]}), geometry="geometry",
        crs="EPSG:4326"), check=False)


def _spread(n: int, centre: tuple[float, float, str], r: float, seed: int):
    x, y, cc = centre
    rng = np.random.default_rng(seed)
    return [(x + dx, y + dy, cc) for dx, dy in rng.uniform(-r, r, size=(n, 2))]


def test_a_one_country_dataset_keeps_all_of_the_country_in_view():
    # a front line with most events, a few in the capital and one in the far west, all of
    # one country; one stray abroad
    front = _spread(400, (38.0, 48.0, "UA"), 1.0, 1)
    capital = _spread(6, (30.5, 50.45, "UA"), 0.05, 2)
    events = _events([*front, *capital, (24.03, 49.84, "UA"), (-77.0, 38.9, "US")])
    minx, _miny, maxx, maxy = fit_box(None, events)
    assert minx <= 24.03 and maxy >= 50.4 and maxx >= 38.9  # west, capital and front
    assert minx > -70  # the stray abroad is left out


def test_a_far_group_of_events_stays_but_a_lone_stray_goes():
    near = _spread(120, (37.0, 48.0, "UA"), 1.5, 3) + _spread(70, (37.0, 52.0, "RU"), 1.5, 4)
    group = _spread(10, (-2.0, 16.0, "ML"), 0.3, 5)  # ten events far away, close together
    events = _events([*near, *group, (-47.9, -15.8, "BR")])
    minx, miny, _maxx, _maxy = fit_box(None, events)
    assert minx <= -2.0 and miny <= 16.0  # the group is in view
    assert minx > -40  # the lone stray is not


def test_in_view_without_countries_drops_strays_only():
    xy = np.array([(35.0 + 0.1 * i, 50.0) for i in range(30)] + [(-100.0, 50.0)])
    assert in_view(xy).tolist() == [True] * 30 + [False]
    assert in_view(xy[[0, 1, 30]]).all()  # with a dozen points or fewer every one counts


def _day(text: str) -> int:
    return int(np.datetime64(text, "D").astype("int64"))


def _pairs(days: dict[str, int]) -> list[int]:
    return [v for d, k in days.items() for v in (_day(d), k)]


def test_main_span_leaves_one_far_date_out_of_the_chart():
    november = {str(np.datetime64("2024-11-01") + k): 2 for k in range(30)}
    assert main_span(_pairs({"2019-03-01": 1, **november})) == (_day("2024-11-01"),
                                                                _day("2024-11-30"))
    # a story's "in June" among a week of November reports
    week = {"2024-10-01": 1, "2024-10-23": 1, "2024-11-01": 2, "2024-11-05": 3}
    assert main_span(_pairs({"2024-06-01": 1, **week})) == (_day("2024-10-01"),
                                                            _day("2024-11-05"))


def test_main_span_keeps_a_spread_out_or_small_dataset_whole():
    years = {str(np.datetime64("2014-01-01") + k): 1 for k in range(0, 3000, 3)}
    assert main_span(_pairs(years)) is None
    assert main_span(_pairs({"2019-03-01": 1, "2024-11-05": 2})) is None  # too few to judge
    # two bursts of equal weight years apart are both the data, not strays
    bursts = {**{str(np.datetime64("2014-02-01") + k): 3 for k in range(10)},
              **{str(np.datetime64("2022-02-24") + k): 3 for k in range(10)}}
    assert main_span(_pairs(bursts)) is None
