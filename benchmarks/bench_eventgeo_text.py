"""Event location from text, scored on what ``geomap events extract -o OUT.jsonl`` writes.

For every dev set, the texts go into one JSON Lines file, the CLI runs on it (a subprocess,
exactly as a user runs it), and the answer for a row is the ``lat``/``lon`` of its event with
``primary: true`` (no such located event: no answer). Scored with the rule of
../shared/eval/eventgeo/README.md (see ``eventgeo_score.py``) beside two baselines computed here
and the cities500 name-in-text ceiling.

Dev sets (read from ../shared, never copied; each skips cleanly when absent):
- ``world``: ucdp_world_text.jsonl, 2,000 UCDP headlines from 48 countries (en/es/fr);
- ``ua-headline``: ged-ukraine.csv ``source_headline`` as the text (where_prec 1-3);
- ``ua-fragment``: ged-ukraine.csv "where_description. source_headline" fragments (where_prec
  1-3).
The Ukraine sets also get a row for ``--focus-country UA`` (the user's hint that a batch is
about one country). Then the speed of ``events extract`` in words per second on one core (the
CLI on all texts of the sets, start-up time subtracted, and extraction alone in-process).

Run: ``.venv/bin/python benchmarks/bench_eventgeo_text.py [--sets world ua-headline ...]
[--limit N] [--no-breakdown]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventgeo_score import Pred, Row, baselines, ceiling, report

SHARED = Path(__file__).resolve().parents[2] / "shared"
WORLD = SHARED / "eval" / "eventgeo" / "ucdp_world_text.jsonl"
UKRAINE = SHARED / "events" / "ucdp" / "ged-ukraine.csv"
SETS = ("world", "ua-headline", "ua-fragment")


def load(name: str) -> list[Row]:
    if name == "world":
        if not WORLD.is_file():
            return []
        rows = []
        with WORLD.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                rows.append(Row(d["id"], d["text"], float(d["lat"]), float(d["lon"]),
                                int(d["where_prec"]), d["source"], d.get("date")))
        return rows
    if not UKRAINE.is_file():
        return []
    frame = pd.read_csv(UKRAINE, dtype=str, keep_default_na=False)
    frame = frame[frame["where_prec"].isin(["1", "2", "3"])]
    rows = []
    for r in frame.itertuples(index=False):
        headline = r.source_headline.strip()
        if name == "ua-headline":
            text = headline
        else:
            where = r.where_description.strip().rstrip(".")
            text = f"{where}. {headline}" if where else headline
        if not text:
            continue
        rows.append(Row(f"ucdp-ua:{r.id}", text, float(r.latitude), float(r.longitude),
                        int(r.where_prec), _ua_source(r), r.date_start[:10] or None))
    # agencies with few rows are grouped, so that every source row means something
    counts = Counter(r.source for r in rows)
    return [r if counts[r.source] >= 50 else replace(r, source="other agencies")
            for r in rows]


def _ua_source(r) -> str:
    """Source group of a Ukraine row: the agency of its first headline (AFP, Reuters, ...)."""
    office = (r.source_office or "").split(";")[0].strip()
    return office[:28] or "unknown"


def run_cli(rows: list[Row], tmp: Path, tag: str,
            types: dict[str, str | None] | None = None,
            options: tuple[str, ...] = ()) -> tuple[dict[str, Pred], float]:
    """Answers of ``geomap events extract [options]`` for ``rows`` and the CLI's wall time
    (and, into ``types``, each row's primary event type)."""
    src = tmp / f"{tag}.jsonl"
    out = tmp / f"{tag}.out.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"id": r.id, "text": r.text, "date": r.date},
                                ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geomap", "events", "extract", str(src), "-o",
                    str(out), *options], check=True, env=_env())
    secs = time.perf_counter() - t0
    preds: dict[str, Pred] = {}
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            ev = next((e for e in doc["events"] if e["primary"]), None)
            ok = ev is not None and ev["lat"] is not None
            preds[str(doc["id"])] = (ev["lat"], ev["lon"]) if ok else None
            if types is not None:
                types[str(doc["id"])] = ev["type"] if ev is not None else None
    return preds, secs


def _env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def speed(all_rows: list[Row], tmp: Path) -> None:
    """Words per second of ``geomap events extract`` on one core."""
    from geomap.events.extract import extract_events
    from geomap.gazetteer import Gazetteer
    from geomap.geoparse import Geoparser
    from geomap.sources import Article

    words = sum(len(r.text.split()) for r in all_rows)
    _, empty = run_cli(all_rows[:1], tmp, "speed-one")
    _, secs = run_cli(all_rows, tmp, "speed-all")
    gaz = Gazetteer()
    parser = Geoparser(gaz)
    parsed = [(Article(id=r.id, text=r.text), parser.parse(r.text)) for r in all_rows]
    t0 = time.perf_counter()
    for art, mentions in parsed:
        extract_events(art, mentions, gaz)
    t_extract = time.perf_counter() - t0
    print(f"\nSpeed, one core, {len(all_rows):,} short texts, {words:,} words:")
    print(f"  geomap events extract (CLI: geoparse + extraction, start-up {empty:.1f} s "
          f"subtracted): {words / max(secs - empty, 1e-9):,.0f} words/s")
    print(f"  extraction alone (mentions given): {words / t_extract:,.0f} words/s")
    # news articles: the project's samples, repeated to about 50,000 words
    samples = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    per_round = sum(len(t.split()) for t in texts)
    rounds = max(1, 50_000 // max(per_round, 1))
    arts = [Row(f"s{k}-{i}", t, 0.0, 0.0, 1, "samples") for k in range(rounds)
            for i, t in enumerate(texts)]
    _, secs = run_cli(arts, tmp, "speed-articles")
    parsed = [(Article(id=r.id, text=r.text), parser.parse(r.text)) for r in arts[: len(texts)]]
    t0 = time.perf_counter()
    for art, mentions in parsed:
        extract_events(art, mentions, gaz)
    t_extract = time.perf_counter() - t0
    print(f"Speed, one core, news articles (data/samples x {rounds}, "
          f"{per_round * rounds:,} words):")
    print(f"  geomap events extract (CLI, start-up subtracted): "
          f"{per_round * rounds / max(secs - empty, 1e-9):,.0f} words/s")
    print(f"  extraction alone: {per_round / t_extract:,.0f} words/s")


def _type_line(rows: list[Row], types: dict[str, str | None]) -> None:
    """The primary event's type: every UCDP row is organised lethal violence, so "assault" is
    the right type and "none" (no trigger recognised) or another type is not."""
    def shares(rs: list[Row]) -> str:
        got = Counter("assault" if types.get(r.id) == "assault" else
                      "none" if types.get(r.id) is None else "other" for r in rs)
        n = max(len(rs), 1)
        return " / ".join(f"{k} {got[k] / n:.3f}" for k in ("assault", "none", "other"))
    test = [r for r in rows if r.test_half]
    print(f"primary event type, whole: {shares(rows)}; test half: {shares(test)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--limit", type=int, help="only the first N rows of each set")
    ap.add_argument("--no-breakdown", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--geomap-only", action="store_true",
                    help="only the geomap row (no baselines, no ceiling): for quick iterations")
    args = ap.parse_args(argv)
    from geomap.gazetteer import Gazetteer

    gaz = Gazetteer()
    everything: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            rows = load(name)
            if not rows:
                print(f"\n{name}: skipped (../shared is absent)")
                continue
            rows = rows[: args.limit] if args.limit else rows
            everything += rows
            types: dict[str, str | None] = {}
            ours, secs = run_cli(rows, Path(tmp), name, types)
            methods = {"geomap events extract (primary)": ours}
            if name.startswith("ua-"):
                # the user's hint that a batch is about Ukraine (README: --focus-country)
                hinted, _secs = run_cli(rows, Path(tmp), f"{name}-focus", None,
                                        ("--focus-country", "UA"))
                methods["geomap ... --focus-country UA"] = hinted
            if not args.geomap_only:
                first, sent = baselines(rows, gaz)
                methods |= {"baseline: first name, most populous": first,
                            "baseline: most specific, 1st sentence": sent,
                            "ceiling: cities500 name in text": ceiling(rows, gaz.index_path)}
            report(f"{name} (CLI {secs:.0f} s)", rows, methods,
                   breakdown=not args.no_breakdown)
            if not args.geomap_only:
                # rows naming a place the gazetteer knows (the first-name baseline answers)
                known = [r for r in rows if first[r.id] is not None]
                got = sum(ours[r.id] is not None for r in known)
                print(f"located primary event on rows naming a known place: {got}/{len(known)}"
                      f" = {got / max(len(known), 1):.3f}")
            _type_line(rows, types)
        if everything and not args.no_speed:
            speed(everything, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
