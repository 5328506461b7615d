"""Scale benchmarks (prints figures; never part of ``make test``).

1. Geoparsing synthetic news-like corpora (templates filled with real place names from the
   gazetteer) of --docs sizes (default 10,000 and 100,000) on the local engine and on Dask with
   1 and 2 workers: documents/s, words/s, scaling efficiency (rate / (workers x 1-worker rate)),
   peak RSS of the driver and of the workers (psutil, sampled every 0.2 s).
2. A re-run with 1% new documents (the document cache), against the first run.
3. Reading and joining --records synthetic event records (spatially partitioned GeoParquet,
   Dask) against --mentions mentions.

Run: ``.venv/bin/python benchmarks/bench_scale.py [--docs 10000 100000] [--records N]
[--mentions N] [--skip-local-large]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil


class PeakRSS:
    """Peak resident memory of this process and of its children (Dask workers), sampled."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.driver = 0
        self.workers = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.driver = max(self.driver, me.memory_info().rss)
            kids = 0
            for c in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    kids = max(kids, c.memory_info().rss)
            self.workers = max(self.workers, kids)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f}"


def _table(rows: list[dict], cols: list[str]) -> None:
    widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(cols, widths, strict=True)))
    print(flush=True)


def _corpus(n: int, index_path, folder: Path) -> Path:
    from geomap.scale.synthetic import synthetic_documents, write_jsonl

    path = folder / f"docs-{n}.jsonl"
    if not path.exists():
        write_jsonl(synthetic_documents(n, index_path, seed=1), path)
    return path


def bench_corpus(sizes: list[int], work: Path, skip_local_large: bool,
                 only: list[str] | None = None) -> None:
    from geomap.gazetteer import Gazetteer
    from geomap.scale import DaskEngine, LocalEngine, run_corpus

    gaz = Gazetteer()
    rows, rerun_rows = [], []
    for n in sizes:
        path = _corpus(n, gaz.index_path, work)
        size_mb = path.stat().st_size / 2**20
        base_rate = None
        configs = [("local", 1), ("dask", 1), ("dask", 2)]
        if skip_local_large and n > 20_000:
            configs = [("dask", 1), ("dask", 2)]
        if only:
            configs = [c for c in configs if f"{c[0]}:{c[1]}" in only]
        for name, workers in configs:
            out = work / f"out-{n}-{name}-{workers}"
            shutil.rmtree(out, ignore_errors=True)
            with PeakRSS() as rss:
                engine = LocalEngine() if name == "local" else DaskEngine(workers=workers)
                with engine:
                    t0 = time.perf_counter()
                    s = run_corpus([path], gazetteer=gaz, engine=engine, out_dir=out,
                                   cache=False, progress=False)
                    dt = time.perf_counter() - t0
            rate = s.documents / dt
            if name == "dask" and workers == 1:
                base_rate = rate
            eff = f"{rate / (workers * base_rate):.2f}" if name == "dask" and base_rate else ""
            rows.append({"docs": n, "MB": f"{size_mb:.0f}", "engine": name, "workers": workers,
                         "seconds": f"{dt:.1f}", "docs/s": f"{rate:.0f}",
                         "words/s": f"{s.words / dt:.0f}", "mentions": s.items,
                         "efficiency": eff, "driver MB": _mb(rss.driver),
                         "worker MB": _mb(rss.workers) if name == "dask" else "",
                         "rejects": s.rejects})
            print(json.dumps(rows[-1]), flush=True)
        # incremental: first run (cold cache) and a re-run with 1% new documents, dask x2
        cache = work / f"cache-{n}.sqlite"
        cache.unlink(missing_ok=True)
        grown = work / f"grown-{n}.jsonl"
        shutil.copy(path, grown)
        with DaskEngine(workers=2) as engine:
            t0 = time.perf_counter()
            first = run_corpus([grown], gazetteer=gaz, engine=engine, cache=cache,
                               out_dir=work / f"inc-{n}", progress=False)
            t_first = time.perf_counter() - t0
            from geomap.scale.synthetic import synthetic_documents

            with grown.open("a", encoding="utf-8") as fh:
                for d in synthetic_documents(n // 100, gaz.index_path, seed=7, start=10**7):
                    fh.write(json.dumps(d) + "\n")
            t0 = time.perf_counter()
            second = run_corpus([grown], gazetteer=gaz, engine=engine, cache=cache,
                                out_dir=work / f"inc-{n}", progress=False)
            t_second = time.perf_counter() - t0
        rerun_rows.append({"docs": n, "first run s": f"{t_first:.1f}",
                           "re-run (+1%) s": f"{t_second:.1f}",
                           "ratio": f"{t_second / t_first:.2f}",
                           "processed": second.processed, "from cache": second.cached,
                           "first processed": first.processed})
        print(json.dumps(rerun_rows[-1]), flush=True)
    print("\nGeoparsing synthetic corpora (mentions -> partitioned GeoParquet)")
    _table(rows, ["docs", "MB", "engine", "workers", "seconds", "docs/s", "words/s",
                  "mentions", "efficiency", "driver MB", "worker MB", "rejects"])
    print("Incremental re-run with 1% new documents (dask, 2 workers)")
    _table(rerun_rows, ["docs", "first run s", "re-run (+1%) s", "ratio", "processed",
                        "from cache", "first processed"])


def bench_join(n_records: int, n_mentions: int, work: Path) -> None:
    import geopandas as gpd

    from geomap.gazetteer import Gazetteer
    from geomap.scale import DaskEngine, run_corpus
    from geomap.scale.join import join_partitioned
    from geomap.scale.synthetic import synthetic_records
    from geomap.scale.tables import write_part

    gaz = Gazetteer()
    # mentions: geoparse enough synthetic documents to get n_mentions rows (~12 per document)
    docs = _corpus(max(100, n_mentions // 11), gaz.index_path, work)
    mdir = work / "join-mentions"
    shutil.rmtree(mdir, ignore_errors=True)
    with DaskEngine(workers=2) as engine:
        run_corpus([docs], gazetteer=gaz, engine=engine, out_dir=mdir, cache=work / "jc.sqlite",
                   progress=False)
    mentions = gpd.read_parquet(mdir).head(n_mentions)
    # records: generated in spatial bands of 500,000 rows (already spatially partitioned)
    rdir = work / f"records-{n_records}"
    chunk = 500_000
    if not rdir.exists():
        tmp = work / "records-tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        t0 = time.perf_counter()
        bands = max(1, -(-n_records // chunk))
        for i in range(bands):
            m = min(chunk, n_records - i * chunk)
            lo = -60 + 130 * i / bands
            band = synthetic_records(m, seed=i, bbox=(-20.0, lo, 60.0, lo + 130 / bands))
            band["event_id"] = band["event_id"].str.replace("r", f"r{i}-", n=1)
            write_part(band, tmp / f"part-{i:06d}.parquet")
        tmp.rename(rdir)
        print(f"generated {n_records} records in {time.perf_counter() - t0:.0f} s", flush=True)
    rows = []
    for workers in (1, 2):
        with PeakRSS() as rss, DaskEngine(workers=workers):
            t0 = time.perf_counter()
            n = join_partitioned(rdir, mentions, data_dir=gaz.data_dir,
                                 out_dir=work / f"links-{workers}")
            dt = time.perf_counter() - t0
        rows.append({"records": n_records, "mentions": len(mentions), "workers": workers,
                     "seconds": f"{dt:.1f}", "records/s": f"{n_records / dt:.0f}", "links": n,
                     "driver MB": _mb(rss.driver), "worker MB": _mb(rss.workers)})
        print(json.dumps(rows[-1]), flush=True)
    print("\nReading and joining records (GeoParquet parts, dask) against mentions")
    _table(rows, ["records", "mentions", "workers", "seconds", "records/s", "links",
                  "driver MB", "worker MB"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--records", type=int, default=10_000_000)
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--skip-local-large", action="store_true",
                    help="no local-engine run for corpora above 20,000 documents")
    ap.add_argument("--work", help="working folder (default: a temporary one)")
    ap.add_argument("--skip-join", action="store_true")
    ap.add_argument("--only", nargs="*", metavar="ENGINE:WORKERS",
                    help="only these runs (local:1 dask:1 dask:2)")
    args = ap.parse_args()
    os.environ.setdefault("GEOMAP_CACHE_DIR",
                          str(Path(__file__).resolve().parents[1] / ".cache" / "test"))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; "
          f"work folder {work}", flush=True)
    if args.docs:
        bench_corpus(args.docs, work, args.skip_local_large, args.only)
    if not args.skip_join:
        bench_join(args.records, args.mentions, work)


if __name__ == "__main__":
    main()
