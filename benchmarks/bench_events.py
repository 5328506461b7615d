"""Event benchmarks (prints figures; never part of ``make test``): the time to read and join
1,000,000 synthetic records against 10,000 article events, and the speed of ``geomap events
extract`` in words per second (CPU time of this process: run it under ``taskset -c 0`` for one
core), beside its two parts measured in the same run (geoparsing alone, extraction alone).

The CLI is timed twice on the same batch in one process, after a one-file run that pays the
imports and the gazetteer's opening: "1st batch" is what a user's ``geomap events extract``
run pays (every cost once per process included: language rules, word caches, the admin-1
polygons read from the cache folder); "again" is a second batch in the same process. The
admin-1 polygons are parsed from GeoJSON once per cache folder (the first run on a machine, like
the gazetteer index); the line under the table times both ways.

Where events from text are located is measured by ``bench_eventgeo_text.py`` (on what
``geomap events extract`` writes, against UCDP gold points).

Run: ``.venv/bin/python benchmarks/bench_events.py [--records N] [--mentions N] [--no-join]
[--no-extract]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[2] / "shared"
UCDP = SHARED / "events" / "ucdp" / "ged-ukraine.csv"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
NEWS = SHARED / "eval" / "geoparse" / "LGL.jsonl"  # local US news articles
#: Words of text each speed row runs on.
EXTRACT_WORDS = 50_000


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


def _extract_corpora() -> list[tuple[str, list[str]]]:
    """(name, texts): the project's sample articles repeated to EXTRACT_WORDS words, and real
    news articles (LGL, distinct texts) when ../shared is present."""
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    per_round = sum(len(t.split()) for t in samples)
    rounds = max(1, EXTRACT_WORDS // max(per_round, 1))
    out = [(f"data/samples x {rounds}", samples * rounds)]
    if NEWS.is_file():
        news, words = [], 0
        with open(NEWS, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                news.append(text)
                words += len(text.split())
                if words >= EXTRACT_WORDS:
                    break
        out.append(("LGL news articles", news))
    return out


def bench_extract() -> None:
    """Words per second of ``geomap events extract`` (the CLI: read the files, geoparse,
    extract, write JSON Lines) and, in the same run, of geoparsing alone and extraction alone."""
    from geomap.cli import main as cli
    from geomap.events.extract import extract_events
    from geomap.gazetteer import Gazetteer
    from geomap.geoparse import Geoparser
    from geomap.sources import Article

    print("\nevents extract, words per second of CPU time (one process; taskset -c 0 for one core)")
    print(f"{'texts':28}{'words':>9}{'CLI, 1st batch':>16}{'CLI, again':>12}"
          f"{'geoparse alone':>16}{'extraction alone':>18}")
    gaz = Gazetteer()
    parser = Geoparser(gaz)
    for name, texts in _extract_corpora():
        words = sum(len(t.split()) for t in texts)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i, text in enumerate(texts):
                (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            one = Path(tmp) / "one"
            one.mkdir()
            (one / "a.txt").write_text(texts[0], encoding="utf-8")
            out = str(Path(tmp) / "events.jsonl")
            cli(["-q", "events", "extract", str(one), "-o", out])  # imports, gazetteer open
            t_cli = []
            for _ in range(2):
                t0 = time.process_time()
                cli(["-q", "events", "extract", str(folder), "-o", out])
                t_cli.append(time.process_time() - t0)
        arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        t0 = time.process_time()
        parsed = [(a, parser.parse(a.text)) for a in arts]
        t_parse = time.process_time() - t0
        t0 = time.process_time()
        for a, mentions in parsed:
            extract_events(a, mentions, gaz)
        t_extract = time.process_time() - t0
        print(f"{name:28}{words:>9,}{words / t_cli[0]:>16,.0f}{words / t_cli[1]:>12,.0f}"
              f"{words / t_parse:>16,.0f}{words / t_extract:>18,.0f}")
    _bench_polygons(gaz)


def _bench_polygons(gaz) -> None:
    """CPU seconds of the one-time load of the admin-1 polygons (the first point-in-division
    test of a process), parsed from the GeoJSON into a new cache folder, then read from it."""
    from geomap.gazetteer._reverse import ReverseIndex

    place = gaz.capital("UA")
    secs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(2):
            t0 = time.process_time()
            ReverseIndex(gaz.data_dir / "gazetteer", Path(tmp)).lookup(place.lat, place.lon)
            secs.append(time.process_time() - t0)
    print(f"admin-1 polygons, once per process: {secs[0]:.2f} s parsed from GeoJSON (a new cache "
          f"folder), {secs[1]:.2f} s read from the cache folder")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--mentions", type=int, default=10_000)
    ap.add_argument("--no-join", action="store_true", help="skip the read-and-join figures")
    ap.add_argument("--no-extract", action="store_true", help="skip the events extract speed")
    args = ap.parse_args(argv)
    if not args.no_extract:
        bench_extract()
    if not args.no_join:
        bench_join(args.records, args.mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
