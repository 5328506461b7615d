"""Place-name recognition on Ukrainian and Russian news (../shared/eval/geoparse), beside a
baseline.

    .venv/bin/python benchmarks/bench_multilingual.py [--files ner-uk-dev factru-dev] [--out DIR]
        [--peer GeoVirus]

For each file it prints geomap (language detected per document, as the CLI does) and a baseline:
every capitalised token run looked up in the same gazetteer as written, without lemmatisation
or evidence rules (what geomap did for Cyrillic before issue 12). Scores come from
../shared/eval/nerscore.py (overlap, LOC gold, LOCORG and ignore spans neutral; see
MULTILINGUAL.md), on the whole file and on its crc32-of-id halves ("tune": factRuEval's half
rules may be developed on; ner-uk is never tuned on, it is non-commercial). Words per second
count whitespace-separated words over process CPU time, the gazetteer already built, beside an
English corpus timed the same way in the same run (--peer; the ratio is what a loaded machine
does not distort); start-up is a fresh process from start to its first Cyrillic result (wall
and CPU time). The language detector's accuracy on each file is printed too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
FILES = ("ner-uk-dev", "factru-dev")


def half(doc_id: str) -> str:
    return "tune" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"


def baseline(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Capitalised token runs looked up as written (fold key) in the gazetteer."""
    from geomap.gazetteer import Gazetteer
    from geomap.geoparse._rules import rules_for
    from geomap.geoparse._spans import candidate_spans, tokenize
    from geomap.lang import Language

    rules = rules_for(Language(code="xx", name="baseline"))
    gz = Gazetteer()
    out = []
    for text in texts:
        toks = tokenize(text, rules)
        spans = candidate_spans(text, toks, rules)
        rows = gz.rows_for_keys({s.key for s in spans})
        found, last = [], -1
        for s in sorted(spans, key=lambda s: (s.first, -(s.last - s.first))):
            if s.first > last and rows.get(s.key):
                found.append((s.start, s.end))
                last = s.last
        out.append(found)
    return out


def geomap_spans(texts: list[str]) -> tuple[list[list[tuple[int, int]]], float]:
    from geomap.geoparse import Geoparser

    gp = Geoparser()
    gp.parse(texts[0])  # warm: dictionaries loaded
    t0 = time.process_time()
    out = [[(m.start, m.end) for m in gp.parse(t)] for t in texts]
    return out, time.process_time() - t0


def english_peer(name: str) -> float | None:
    """Words per second of geomap on an English corpus of ../shared, measured as the Cyrillic
    files are (fresh parser, warmed on the first text): on a loaded machine the ratio to it is
    the figure that holds (the issue's targets: 50,000 Cyrillic beside 100,000 English)."""
    path = SHARED / "geoparse" / f"{name}.jsonl"
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    _spans, cpu = geomap_spans(texts)
    return sum(len(t.split()) for t in texts) / max(cpu, 1e-9)


def score(gold: Path, docs: list[dict], spans: list[list[tuple[int, int]]], out: Path,
          ids: set[str] | None) -> dict:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for d, ss in zip(docs, spans, strict=True):
            if ids is None or d["id"] in ids:
                fh.write(json.dumps({"id": d["id"], "toponyms": [
                    {"start": a, "end": b} for a, b in ss]}, ensure_ascii=False) + "\n")
    sub_gold = gold
    if ids is not None:
        sub_gold = out.with_suffix(".gold.jsonl")
        with open(sub_gold, "w", encoding="utf-8") as fh:
            for d in docs:
                if d["id"] in ids:
                    fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    r = subprocess.run([sys.executable, str(SHARED / "nerscore.py"), str(sub_gold), str(out)],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def startup() -> tuple[float, float]:
    """(wall, CPU) seconds of a fresh process from start to its first Cyrillic result (CPU:
    what the process did, which a loaded machine does not inflate)."""
    code = ("from geomap.geoparse import geoparse; "
            "geoparse('Окупанти обстрілювали Херсон.')")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                   env={"PYTHONPATH": str(ROOT), "PATH": ""})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", nargs="+", default=list(FILES))
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    ap.add_argument("--peer", default="GeoVirus",
                    help="English corpus of ../shared timed beside them ('' for none)")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from geomap.lang import detect_language

    speeds = {}
    for name in a.files:
        gold = SHARED / "geoparse" / f"{name}.jsonl"
        if not gold.exists():
            print(f"{name}: {gold} not found (needs ../shared)")
            continue
        with open(gold, encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh]
        texts = [d["text"] for d in docs]
        words = sum(len(t.split()) for t in texts)
        detected = sum(detect_language(d["text"]) == d.get("lang") for d in docs)
        ours, cpu = geomap_spans(texts)
        rows = {"geomap": ours, "baseline: as-written lookup": baseline(texts)}
        print(f"\n{name}: {len(docs)} documents, {words:,} words; language detected right "
              f"in {detected}/{len(docs)}")
        print(f"{'method':30} {'part':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        for method, spans in rows.items():
            for part in ("all", "tune", "test"):
                ids = None if part == "all" else {d["id"] for d in docs if half(d["id"]) == part}
                tag = "geomap" if method == "geomap" else "baseline"
                s = score(gold, docs, spans, a.out / f"{name}.{tag}.{part}.jsonl", ids)
                print(f"{method:30} {part:5} {s['precision']:6.3f} {s['recall']:6.3f} "
                      f"{s['f1']:6.3f} {s['gold']:5d} {s['predicted']:5d}")
        speeds[name] = words / max(cpu, 1e-9)
        print(f"geomap speed: {speeds[name]:,.0f} words/s (one core, CPU time)")
    peer = english_peer(a.peer) if a.peer else None
    if peer:
        ratios = ", ".join(f"{n} {v / peer:.2f}" for n, v in speeds.items())
        print(f"\nEnglish peer ({a.peer}, same run): {peer:,.0f} words/s; ratio to it: {ratios}")
    wall, cpu = startup()
    print(f"\nstart-up (fresh process to first Cyrillic result): {wall:.2f} s ({cpu:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
