"""Event benchmarks (prints figures; never part of ``make test``): the time to read and join
1,000,000 synthetic records against 10,000 article events.

Where events from text are located is measured by ``bench_eventgeo_text.py`` (on what
``geomap events extract`` writes, against UCDP gold points).

Run: ``.venv/bin/python benchmarks/bench_events.py [--records N] [--mentions N]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[2] / "shared"
UCDP = SHARED / "events" / "ucdp" / "ged-ukraine.csv"


def _synthetic_records(path: Path, n: int, rng: np.random.Generator) -> None:
    days = rng.integers(0, 3650, n)
    dates = (np.datetime64("2014-01-01") + days.astype("timedelta64[D]")).astype(str)
    prec = rng.choice(["1", "2", "3", "4"], n, p=[0.7, 0.15, 0.1, 0.05])
    frame = pd.DataFrame({
        "id": np.arange(n), "date": dates,
        "latitude": np.round(rng.uniform(44.5, 52.3, n), 5),
        "longitude": np.round(rng.uniform(22.2, 40.2, n), 5),
        "type": "Armed clash", "time_precision": prec,
    })
    frame.to_csv(path, index=False)


def bench_join(n_records: int, n_mentions: int) -> None:
    from geomap.events.read import read_events
    from geomap.events.schema import events_from_records
    from geomap.join import join_events

    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.csv"
        _synthetic_records(path, n_records, rng)
        t0 = time.perf_counter()
        result = read_events(path)
        t_read = time.perf_counter() - t0
    records = result.events
    days = rng.integers(0, 3650, n_mentions)
    arts = events_from_records([
        {"event_id": f"a{i}", "dataset": "text",
         "date": str(np.datetime64("2014-01-01") + np.timedelta64(int(d), "D")),
         "date_precision": "day", "lat": float(rng.uniform(44.5, 52.3)),
         "lon": float(rng.uniform(22.2, 40.2)),
         "geo_precision": "exact" if i % 5 else "admin1", "article_id": f"art{i // 10}",
         "event_index": i % 10, "event_type": "assault"}
        for i, d in enumerate(days)])
    timings = []
    for km, window in ((25, 3), (10, 1)):
        t0 = time.perf_counter()
        joined = join_events(records, arts, km=km, days=window)
        timings.append((km, window, time.perf_counter() - t0, joined.summary()))
    print(f"\nRead and join: {len(records):,} synthetic records (Ukraine, 2014-2023) x "
          f"{n_mentions:,} article events")
    print(f"read {path.name} ({len(records):,} rows kept, {result.rejected} rejected): "
          f"{t_read:.1f} s")
    print(f"{'km':>6}{'days':>6}{'join s':>9}{'links':>12}{'records matched':>17}"
          f"{'events matched':>16}")
    for km, window, secs, s in timings:
        print(f"{km:>6}{window:>6}{secs:>9.1f}{s['links']:>12,}{s['records_matched']:>17,}"
              f"{s['article_events_matched']:>16,}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--mentions", type=int, default=10_000)
    args = ap.parse_args(argv)
    bench_join(args.records, args.mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
