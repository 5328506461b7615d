"""Event-table reading speed and memory: ``geomap events read`` against a plain baseline.

On N synthetic ACLED-shaped rows (the current 31-column export; generated here, ACLED's own
rows may not be redistributed), side by side in one run:

- baseline: pandas' pyarrow CSV reader + geopandas points from latitude/longitude, written to
  GeoParquet (no checks, no rejects, no schema);
- geomap: ``geomap events read FILE -o OUT.parquet`` (every row checked, rejects written, the
  event schema), through the CLI.

Each runs in its own subprocess, which reports its wall time and peak resident memory
(VmHWM from /proc, else ``resource.getrusage``). The ratio geomap / baseline is the figure
(target <= 2x).

Run: ``.venv/bin/python benchmarks/bench_readers.py [--rows 500000 1000000]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
_TYPES = (
    ("Battles", "Armed clash", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Strategic developments", "Looting/property destruction", "Strategic developments"),
)
_PLACES = (("Donetsk", "Bakhmut", 48.5947, 38.0008), ("Kharkiv", "Izium", 49.2122, 37.2566),
           ("Zaporizhia", "Orikhiv", 47.5679, 35.7853), ("Kherson", "Beryslav", 46.8419,
                                                                       33.4262),
           ("Sumy", "Okhtyrka", 50.3103, 34.8988), ("Luhansk", "Kreminna", 49.0464, 38.2175))


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write ``rows`` ACLED-shaped rows (quoted notes with commas, ISO dates) to ``path``."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    t = rng.integers(0, len(_TYPES), rows)
    p = rng.integers(0, len(_PLACES), rows)
    days = rng.integers(0, 1000, rows)
    dates = (np.datetime64("2022-02-24") + days.astype("timedelta64[D]")).astype(str)
    types = np.array(_TYPES, dtype=object)
    places = np.array(_PLACES, dtype=object)
    n = np.arange(rows)
    frame = pd.DataFrame({
        "event_id_cnty": np.char.add("UKR", (n + 1).astype(str)),
        "event_date": dates,
        "year": dates.astype("U4"),
        "time_precision": rng.integers(1, 4, rows),
        "disorder_type": types[t, 2],
        "event_type": types[t, 0],
        "sub_event_type": types[t, 1],
        "actor1": np.where(t % 2 == 0, "Military Forces of Russia (2000-)",
                           "Military Forces of Ukraine (2019-)"),
        "assoc_actor_1": "",
        "inter1": 8,
        "actor2": np.where(t % 3 == 0, "Civilians (Ukraine)", ""),
        "assoc_actor_2": "",
        "inter2": 7,
        "interaction": 78,
        "civilian_targeting": np.where(t == 3, "Civilian targeting", ""),
        "iso": 804,
        "region": "Europe",
        "country": "Ukraine",
        "admin1": places[p, 0],
        "admin2": places[p, 1].astype(str) + " raion",
        "admin3": places[p, 1].astype(str) + " hromada",
        "location": places[p, 1],
        "latitude": np.round(places[p, 2].astype(float) + rng.normal(0, 0.05, rows), 4),
        "longitude": np.round(places[p, 3].astype(float) + rng.normal(0, 0.05, rows), 4),
        "geo_precision": rng.integers(1, 4, rows),
        "source": "Ukrinform; Ministry of Defence of Ukraine",
        "source_scale": "National",
        "notes": np.char.add(np.char.add("On ", dates),
                             ", forces shelled the outskirts of the town, \"two\" houses "
                             "were damaged. [size=no report]"),
        "fatalities": rng.poisson(0.7, rows),
        "tags": "",
        "timestamp": 1700000000 + days,
    }, columns=list(COLUMNS))
    frame.to_csv(path, index=False)


def _peak_mb() -> float:
    """Peak resident memory of this process. VmHWM, not ru_maxrss: on Linux ru_maxrss keeps
    the parent's peak across fork + exec (the benchmark's parent holds the generated frame)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB elsewhere


def child_baseline(src: str, out: str) -> dict[str, float]:
    import geopandas as gpd
    import pandas as pd

    t = time.perf_counter()
    frame = pd.read_csv(src, engine="pyarrow")
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["longitude"],
                                                              frame["latitude"]),
                           crs="EPSG:4326")
    gdf.to_parquet(out, index=False)
    return {"seconds": time.perf_counter() - t, "peak_mb": _peak_mb(), "rows": len(gdf)}


def child_geomap(src: str, out: str) -> dict[str, float]:
    from geomap.cli import main

    t = time.perf_counter()
    rc = main(["--quiet", "events", "read", src, "-o", out])
    if rc:
        raise SystemExit(rc)
    return {"seconds": time.perf_counter() - t, "peak_mb": _peak_mb()}


def _run(kind: str, src: Path, out: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(src), str(out)],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        raise RuntimeError(f"{kind} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[500_000, 1_000_000])
    ap.add_argument("--child", nargs=3, metavar=("KIND", "SRC", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, src, out = args.child
        fig = child_baseline(src, out) if kind == "baseline" else child_geomap(src, out)
        print(json.dumps(fig))
        return 0
    print(f"{'rows':>9}  {'method':<34} {'seconds':>8} {'peak MB':>8} {'x time':>7} "
          f"{'x mem':>6}")
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as tmp:
        for rows in args.rows:
            src = Path(tmp) / f"acled-{rows}.csv"
            generate(src, rows)
            base = _run("baseline", src, Path(tmp) / "base.parquet")
            ours = _run("geomap", src, Path(tmp) / "ours.parquet")
            mb = src.stat().st_size / 1e6
            print(f"{rows:>9}  {'baseline: pyarrow CSV + points':<34} {base['seconds']:>8.2f} "
                  f"{base['peak_mb']:>8.0f} {1:>7.2f} {1:>6.2f}")
            print(f"{rows:>9}  {'geomap events read -> GeoParquet':<34} "
                  f"{ours['seconds']:>8.2f} {ours['peak_mb']:>8.0f} "
                  f"{ours['seconds'] / base['seconds']:>7.2f} "
                  f"{ours['peak_mb'] / base['peak_mb']:>6.2f}   ({mb:.0f} MB CSV)", flush=True)
            src.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
