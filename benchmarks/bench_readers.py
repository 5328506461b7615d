"""Event-table reading speed and memory: ``geomap events read`` against a plain baseline.

On N synthetic rows (generated here: ACLED's own rows may not be redistributed), side by side
in one run, for each format asked (``--formats``):

- ``acled``: the current 31-column ACLED export;
- ``generic``: the same events as a generic table (``id, date, latitude, longitude, type,
  subtype, actor1, actor2, location, admin1, country, fatalities, notes``);
- ``gkg``: GDELT GKG 2.1 documents (27 tab-separated columns), N/5 documents of 5 location
  mentions each, so N location records;

- baseline: pandas' pyarrow CSV reader + geopandas points from latitude/longitude, written to
  GeoParquet (no checks, no rejects, no schema; for GKG the V2Locations split into one row
  per location with pandas string operations first);
- geomap: ``geomap events read FILE -o OUT.parquet`` (every row checked, rejects written, the
  event schema), through the CLI.

Each runs in its own subprocess, which reports its wall time and peak resident memory
(VmHWM from /proc, else ``resource.getrusage``). The ratio geomap / baseline is the figure
(target <= 2x).

Run: ``.venv/bin/python benchmarks/bench_readers.py [--rows 500000 1000000]
[--formats acled generic gkg]``.

Last run (30 Nov 2026, 2 cores at load average 15-25, x = geomap / baseline in the same run):
generic 500k 2.78x time / 1.72x memory, 1M 2.67x / 1.83x (the row-by-row reader it replaced:
14.39x / 3.27x at 500k); GKG 500k 2.09x / 0.90x, 1M 2.46x / 0.83x (row by row: 4.35x / 1.29x).
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


GENERIC_COLUMNS = {
    "event_id_cnty": "id", "event_date": "date", "latitude": "latitude",
    "longitude": "longitude", "event_type": "type", "sub_event_type": "subtype",
    "actor1": "actor1", "actor2": "actor2", "location": "location", "admin1": "admin1",
    "country": "country", "fatalities": "fatalities", "notes": "notes",
}


def generate_generic(path: Path, rows: int, seed: int = 7) -> None:
    """The rows of :func:`generate` as a generic table (its own column names, fewer columns)."""
    import pandas as pd

    generate(path, rows, seed)
    frame = pd.read_csv(path, engine="pyarrow", dtype=str, keep_default_na=False)
    frame[list(GENERIC_COLUMNS)].rename(columns=GENERIC_COLUMNS).to_csv(path, index=False)


def generate_gkg(path: Path, rows: int, seed: int = 7) -> None:
    """``rows // 5`` GKG 2.1 documents with 5 V2Locations blocks each (27 columns, tabs)."""
    import pandas as pd

    docs = max(1, rows // 5)
    rng = np.random.default_rng(seed)
    n = np.arange(docs)
    stamps = (np.datetime64("2022-02-24T00:00") + rng.integers(0, 1000 * 1440, docs)
              .astype("timedelta64[m]")).astype("datetime64[s]").astype(str)
    dates = np.char.replace(np.char.replace(np.char.replace(stamps, "-", ""), ":", ""), "T", "")
    blocks = []
    for k in range(5):
        p = rng.integers(0, len(_PLACES), docs)
        places = np.array(_PLACES, dtype=object)[p]
        lat = np.round(places[:, 2].astype(float) + rng.normal(0, 0.05, docs), 4).astype(str)
        lon = np.round(places[:, 3].astype(float) + rng.normal(0, 0.05, docs), 4).astype(str)
        name = places[:, 1].astype(str) + ", " + places[:, 0].astype(str) + ", Ukraine"
        blocks.append("4#" + pd.Series(name) + "#UP#UP14#UP14001#" + lat + "#" + lon
                      + "#-1044367#" + (k * 200 + 15).__str__())
    locations = blocks[0]
    for b in blocks[1:]:
        locations = locations + ";" + b
    frame = pd.DataFrame(dict.fromkeys(range(27), ""), index=n)
    frame[0] = np.char.add(np.char.add(dates, "-"), n.astype(str))
    frame[1] = dates
    frame[2] = "1"
    frame[3] = "example.org"
    frame[4] = np.char.add("https://example.org/news/", n.astype(str))
    frame[10] = locations.to_numpy()
    frame.to_csv(path, sep="\t", header=False, index=False)


GENERATORS = {"acled": generate, "generic": generate_generic, "gkg": generate_gkg}


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


def child_baseline(src: str, out: str, fmt: str = "acled") -> dict[str, float]:
    import geopandas as gpd
    import pandas as pd

    t = time.perf_counter()
    if fmt == "gkg":
        docs = pd.read_csv(src, engine="pyarrow", sep="\t", header=None, dtype=str)
        docs[10] = docs[10].str.split(";")
        rows = docs.explode(10, ignore_index=True)
        parts = rows[10].str.split("#", expand=True)
        rows["latitude"] = pd.to_numeric(parts[5], errors="coerce")
        rows["longitude"] = pd.to_numeric(parts[6], errors="coerce")
        frame = rows.drop(columns=[10]).rename(columns=str)
    else:
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
    ap.add_argument("--formats", nargs="+", default=["acled", "generic", "gkg"],
                    choices=sorted(GENERATORS))
    ap.add_argument("--child", nargs=3, metavar=("KIND", "SRC", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, src, out = args.child
        fmt = Path(src).name.split("-")[0]
        fig = child_baseline(src, out, fmt) if kind == "baseline" else child_geomap(src, out)
        print(json.dumps(fig))
        return 0
    print(f"{'format':<8} {'rows':>9}  {'method':<34} {'seconds':>8} {'peak MB':>8} "
          f"{'x time':>7} {'x mem':>6}")
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as tmp:
        for fmt in args.formats:
            for rows in args.rows:
                src = Path(tmp) / f"{fmt}-{rows}.csv"
                GENERATORS[fmt](src, rows)
                base = _run("baseline", src, Path(tmp) / "base.parquet")
                ours = _run("geomap", src, Path(tmp) / "ours.parquet")
                mb = src.stat().st_size / 1e6
                print(f"{fmt:<8} {rows:>9}  {'baseline: pyarrow CSV + points':<34} "
                      f"{base['seconds']:>8.2f} {base['peak_mb']:>8.0f} {1:>7.2f} {1:>6.2f}")
                print(f"{fmt:<8} {rows:>9}  {'geomap events read -> GeoParquet':<34} "
                      f"{ours['seconds']:>8.2f} {ours['peak_mb']:>8.0f} "
                      f"{ours['seconds'] / base['seconds']:>7.2f} "
                      f"{ours['peak_mb'] / base['peak_mb']:>6.2f}   ({mb:.0f} MB file)",
                      flush=True)
                src.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
