"""Event benchmarks (prints figures; never part of ``make test``).

1. Event geocoding on real event descriptions with gold coordinates: UCDP GED Ukraine rows with
   ``where_prec`` 1 or 2 (exact place or within ~25 km). Each row's ``source_headline`` and
   ``where_description`` are geoparsed, events extracted, and the event location chosen the way
   the primary event is (:func:`geomap.events.extract.primary_location`); the error is the
   great-circle distance to ``latitude``/``longitude``. Beside it, in the same run, the baseline
   "first place name in the text, most populous match". Unlocated rows count as misses.
2. Time to read and join 1,000,000 synthetic records against 10,000 article events.

Run: ``.venv/bin/python benchmarks/bench_events.py [--rows N] [--records N] [--mentions N]``.
Reads ../shared (beside the checkout); skips the first part cleanly when it is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[2] / "shared"
UCDP = SHARED / "events" / "ucdp" / "ged-ukraine.csv"


def _figures(errors: list[float | None]) -> dict[str, float]:
    n = len(errors)
    found = [e for e in errors if e is not None]
    out = {"rows": n, "located %": 100.0 * len(found) / n if n else 0.0,
           "median km": statistics.median(found) if found else float("nan")}
    for k in (1, 10, 25, 161):
        out[f"<={k} km %"] = 100.0 * sum(e <= k for e in found) / n if n else 0.0
    return out


def bench_geocoding(limit: int | None) -> None:
    from geomap.events.extract import extract_events, primary_location
    from geomap.gazetteer import Gazetteer
    from geomap.geoparse import Geoparser
    from geomap.join import haversine_km
    from geomap.sources import Article

    if not UCDP.is_file():
        print(f"event geocoding: skipped ({UCDP} is absent)")
        return
    rows = pd.read_csv(UCDP, dtype=str, keep_default_na=False)
    rows = rows[rows["where_prec"].isin(["1", "2"])]
    if limit:
        rows = rows.head(limit)
    gaz = Gazetteer()
    parser = Geoparser(gaz)
    ours: list[float | None] = []
    base: list[float | None] = []
    t0 = time.perf_counter()
    for r in rows.itertuples(index=False):
        headline = " ".join(h.strip() for h in r.source_headline.split(";") if h.strip())
        text = f"{headline}.\n\n{r.where_description}."
        gold = (float(r.latitude), float(r.longitude))
        date = dt.date.fromisoformat(r.date_start[:10]) if r.date_start else None
        mentions = parser.parse(text)
        events = extract_events(Article(id=r.id, text=text, date=date), mentions, gaz)
        place = primary_location(events, mentions)
        ours.append(None if place is None else
                    float(haversine_km(gold[0], gold[1], place.lat, place.lon)))
        first = next((m for m in mentions if m.role != "dateline"), None)
        cands = gaz.search(first.name, limit=50) if first else []
        top = max(cands, key=lambda c: c.place.population) if cands else None
        base.append(None if top is None else
                    float(haversine_km(gold[0], gold[1], top.place.lat, top.place.lon)))
    secs = time.perf_counter() - t0
    print(f"\nEvent geocoding, UCDP GED Ukraine, where_prec 1-2 ({len(rows)} rows, "
          f"{secs:.1f} s, {len(rows) / secs:.0f} rows/s)")
    cols = ["rows", "located %", "median km", "<=1 km %", "<=10 km %", "<=25 km %",
            "<=161 km %"]
    print(f"{'method':<34}" + "".join(f"{c:>12}" for c in cols))
    for name, errs in (("geomap primary event location", ours),
                       ("baseline: first name, most populous", base)):
        f = _figures(errs)
        print(f"{name:<34}" + "".join(
            f"{f[c]:>12.0f}" if c == "rows" else f"{f[c]:>12.1f}" for c in cols))


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
    ap.add_argument("--rows", type=int, help="only the first N UCDP rows")
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--mentions", type=int, default=10_000)
    ap.add_argument("--skip-join", action="store_true")
    args = ap.parse_args(argv)
    bench_geocoding(args.rows)
    if not args.skip_join:
        bench_join(args.records, args.mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
