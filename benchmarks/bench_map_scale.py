"""Map scale benchmark: geomap's map vs a naive folium map (one Marker per event).

For 1,000 / 10,000 / 100,000 / 1,000,000 synthetic events prints, for each approach: build time
(frame -> HTML text), HTML size, and in headless Chromium with the network off the time to
first contentful paint and to an idle page (every script run, layers drawn, an idle callback
fired). The naive approach runs up to 100,000 events (n/a above). Both pages are self-contained
(assets inlined the same way). geomap's mode follows the count: clustered icons, canvas dots,
from 100,000 a density grid with dots on zoom, above 200,000 per-type grid cells. Not part of
``make test``.

    .venv/bin/python benchmarks/bench_map_scale.py [--sizes 1000,10000] [--naive-max 100000]
        [--repeat 3] [--areas 0.23]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.events.schema import coerce_events  # noqa: E402
from geomap.render import map_html, render_map  # noqa: E402
from geomap.render.assets import inline_assets  # noqa: E402
from geomap.render.browser import chromium, chromium_missing  # noqa: E402

TYPES = ["assault", "assault", "assault", "coerce", "mobilize", "protest", "statement",
         "threaten", "aid", "consult"]
ACTORS = ["Military Forces of Russia", "Military Forces of Ukraine", "Civilians (Ukraine)",
          "Protesters (Russia)", "Unidentified Armed Group"]


def synthetic_events(n: int, seed: int = 7, *, areas: float = 0.0) -> gpd.GeoDataFrame:
    """``n`` events around 400 places in Ukraine and western Russia over one year; a share
    ``areas`` of them located only to their oblast (two thirds) or to the country (a third),
    as in UCDP's Ukraine file (15% admin-1, 8% country)."""
    rng = np.random.default_rng(seed)
    centres = np.column_stack([rng.uniform(24, 42, 400), rng.uniform(45, 53, 400)])
    which = rng.integers(0, len(centres), n)
    xy = centres[which] + rng.normal(0, 0.05, (n, 2))
    frame = pd.DataFrame({
        "event_id": [f"S{i}" for i in range(n)],
        "dataset": "synthetic",
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D"),
        "event_type": np.array(TYPES)[rng.integers(0, len(TYPES), n)],
        "actor1": np.array(ACTORS)[rng.integers(0, len(ACTORS), n)],
        "actor2": np.array(ACTORS)[rng.integers(0, len(ACTORS), n)],
        "location": [f"Place {k}" for k in which],
        "country": "UA",
        "fatalities": rng.integers(0, 4, n),
        "source": "Synthetic wire",
        "notes": [f"Shelling reported near place {k}; several buildings damaged." for k in which],
        "source_file": "synthetic.csv",
        "source_row": np.arange(1, n + 1),
    })
    draw = rng.uniform(0, 1, n)
    frame["geo_precision"] = np.where(draw < areas * 2 / 3, "admin1",
                                      np.where(draw < areas, "country", "exact"))
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
                           crs="EPSG:4326")
    return coerce_events(gdf, check=False)


def naive_html(events: gpd.GeoDataFrame) -> str:
    """What a first attempt looks like: folium.Marker with an HTML popup for every event."""
    m = folium.Map(location=(49, 33), zoom_start=5, tiles=None, max_zoom=18)
    for row in events.itertuples():
        popup = (f"<b>{row.event_type}</b> {row.date:%Y-%m-%d}<br>{row.actor1} - {row.actor2}"
                 f"<br>{row.location}<br>{row.notes}<br>{row.source}")
        folium.Marker((row.geometry.y, row.geometry.x), popup=folium.Popup(popup),
                      tooltip=row.location).add_to(m)
    return inline_assets(m.get_root().render())


def browser_times(driver, path: Path, timeout: float = 300) -> tuple[float, float]:
    """(first contentful paint, idle) in seconds since navigation start; inf past timeout."""
    from selenium.common.exceptions import TimeoutException
    from urllib3.exceptions import ReadTimeoutError

    driver.set_page_load_timeout(timeout)
    driver.set_script_timeout(timeout)
    driver.command_executor._client_config.timeout = timeout + 60
    try:
        driver.get(path.as_uri())
    except (TimeoutException, ReadTimeoutError):
        return float("inf"), float("inf")
    idle = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        requestAnimationFrame(function () { requestAnimationFrame(function () {
          requestIdleCallback(function () { done(performance.now()); }, {timeout: 5000});
        }); });""")
    fcp = driver.execute_script(
        "var e = performance.getEntriesByName('first-contentful-paint')[0];"
        "return e ? e.startTime : null;")
    return (fcp or float("nan")) / 1000, idle / 1000


def measure(build, browser: bool, folder: Path, name: str, repeat: int = 1) -> dict:
    """Build the page, then time it in a fresh headless Chromium (one browser per page; the
    median of ``repeat`` runs)."""
    t0 = time.perf_counter()
    html = build()
    built = time.perf_counter() - t0
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    size = path.stat().st_size
    del html
    fcp, idle = float("nan"), float("nan")
    if browser:
        runs = []
        for _ in range(max(1, repeat)):
            with chromium() as driver:
                runs.append(browser_times(driver, path))
        fcp = float(np.median([r[0] for r in runs]))
        idle = float(np.median([r[1] for r in runs]))
    path.unlink()
    return {"build": built, "mb": size / 1e6, "fcp": fcp, "idle": idle}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--naive-max", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=1,
                    help="browser timings of the geomap page: median of this many fresh runs "
                         "(a shared machine is noisy)")
    ap.add_argument("--areas", type=float, default=0.0,
                    help="share of events located only to an oblast (2/3) or the country "
                         "(1/3), drawn as areas (UCDP Ukraine: 0.23)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    reason = chromium_missing()
    if reason:
        print(f"no browser timings: {reason}", file=sys.stderr)
    rows = []
    drv = not reason
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in sizes:
            events = synthetic_events(n, areas=args.areas)
            info = {}

            def build_geomap(events=events, info=info):
                m, i = render_map(None, data_dir=ROOT / "data", title="bench", events=events)
                info["mode"] = i.mode
                return map_html(m)

            g = measure(build_geomap, drv, folder, f"geomap-{n}", repeat=args.repeat)
            nv = (measure(lambda events=events: naive_html(events), drv, folder, f"naive-{n}")
                  if n <= args.naive_max else None)
            rows.append((n, info["mode"], g, nv))
            _print_row(rows[-1])
    return 0


_HEAD = (f"{'events':>9} | {'geomap mode':<8} | {'build s':>7} | {'HTML MB':>7} | "
         f"{'render s':>8} | {'idle s':>6} || {'naive build s':>13} | {'HTML MB':>7} | "
         f"{'render s':>8} | {'idle s':>6}")
_printed_head = []


def _fmt(v: float, width: int, digits: int = 2) -> str:
    if v == float("inf"):
        return f"{'>300':>{width}}"
    return f"{'n/a':>{width}}" if v is None or math.isnan(v) else f"{v:>{width}.{digits}f}"


def _print_row(row) -> None:
    if not _printed_head:
        print(_HEAD)
        print("-" * len(_HEAD))
        _printed_head.append(True)
    n, mode, g, nv = row
    nv = nv or {}
    print(f"{n:>9,} | {mode:<11} | {_fmt(g['build'], 7)} | {_fmt(g['mb'], 7, 1)} | "
          f"{_fmt(g['fcp'], 8)} | {_fmt(g['idle'], 6)} || {_fmt(nv.get('build'), 13)} | "
          f"{_fmt(nv.get('mb'), 7, 1)} | {_fmt(nv.get('fcp'), 8)} | {_fmt(nv.get('idle'), 6)}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
