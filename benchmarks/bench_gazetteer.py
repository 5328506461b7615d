"""Gazetteer speed: cold start, lookups per second, reverse lookups per second, index build.

    .venv/bin/python benchmarks/bench_gazetteer.py [--rebuild]

Cold start is a fresh process from start to its first answer (the index already built);
lookups per second search a mixed list of real names (exact, alternate spellings,
transliterations, "X region", demonyms, misses) drawn from the gazetteer itself.
With --rebuild the world index is built again in a temporary cache folder and timed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time


def cold_start(runs: int = 5) -> tuple[float, float]:
    code = ("from geomap.gazetteer import Gazetteer; "
            "assert Gazetteer().search('Kursk')[0].place.geonameid == 538560")
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        walls.append(time.perf_counter() - t)
    base = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t)
    return statistics.median(walls), statistics.median(base)


def sample_queries(gaz, n: int) -> list[str]:
    rng = random.Random(42)
    rows = gaz._query("SELECT name FROM places WHERE population >= 1000 ORDER BY id")
    names = [r[0] for r in rows]
    alts = [r[0] for r in gaz._query(
        "SELECT n.fkey FROM names n WHERE n.kind = 'alt' AND n.fkey GLOB '[a-z]*' LIMIT 200000")]
    extra = ["Kyiv", "Kiev", "Kharkov", "Severodonetsk", "P'yongyang", "Kursk region",
             "the Donetsk border region", "North Korean", "Ukrainian", "Xqzvillezzz",
             "Sievierodonetsk", "KYIV", "Київ"]
    out = []
    for i in range(n):
        pick = i % 10
        if pick < 6:
            out.append(rng.choice(names))
        elif pick < 9:
            out.append(rng.choice(alts).title())
        else:
            out.append(rng.choice(extra))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rebuild", action="store_true", help="also time a full index build")
    ap.add_argument("-n", type=int, default=20000, help="lookups to time")
    args = ap.parse_args(argv)
    from geomap.gazetteer import Gazetteer

    t = time.perf_counter()
    gaz = Gazetteer()
    open_s = time.perf_counter() - t
    print(f"index: {gaz.index_path} ({len(gaz):,} places)")
    print(f"open (index already built): {open_s * 1000:.0f} ms")
    wall, base = cold_start()
    print(f"cold start, process start to first lookup: {wall:.2f} s "
          f"(python alone: {base:.2f} s, so geomap's share {wall - base:.2f} s)")

    queries = sample_queries(gaz, args.n)
    t = time.process_time()
    found = sum(1 for q in queries if gaz.search(q, fuzzy=False, limit=5))
    secs = time.process_time() - t
    print(f"search (no fuzzy fallback): {len(queries) / secs:,.0f} lookups/s "
          f"({found / len(queries):.1%} found)")
    misses = ["Xqzvillezz", "Pyongyangg", "Zaporizhzia", "Kramatorksk", "Bakhmutt"] * 20
    gaz.suggest("warm-up")
    t = time.process_time()
    for q in misses:
        gaz.search(q, limit=5)
    secs = time.process_time() - t
    print(f"search with fuzzy fallback (misspelled names): {len(misses) / secs:,.0f} lookups/s")

    rng = random.Random(7)
    points = [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(5000)]
    gaz.reverse(50.45, 30.52)
    t = time.process_time()
    hits = sum(1 for lat, lon in points if gaz.reverse(lat, lon))
    secs = time.process_time() - t
    print(f"reverse: {len(points) / secs:,.0f} points/s ({hits / len(points):.1%} on land "
          f"or near it)")

    if args.rebuild:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            Gazetteer(cache_dir=tmp)
            print(f"index build from scratch: {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
