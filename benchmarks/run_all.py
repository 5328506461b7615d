"""Run every benchmark in this folder, one after another, printing their figures.

    .venv/bin/python benchmarks/run_all.py [NAME ...]     # e.g. gazetteer geoparse

Benchmarks print figures; none is part of `make test`. Those that need ../shared (the
evaluation corpora and event samples) say so and skip when it is absent.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in argv]
    failed = 0
    for script in scripts:
        print(f"\n===== {script.name} =====", flush=True)
        t = time.perf_counter()
        rc = subprocess.call([sys.executable, str(script)])
        print(f"----- {script.name}: exit {rc}, {time.perf_counter() - t:.0f} s", flush=True)
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
