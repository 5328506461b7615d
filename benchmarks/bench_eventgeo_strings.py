"""Free-form "where" strings: what ``geomap geocode --json`` answers vs the gold event point.

Sets (../shared, never copied):
- ``world``: ../shared/eval/eventgeo/ucdp_world_strings.jsonl (1,190 UCDP where_description
  strings, 50 countries, no Ukraine);
- ``ukraine``: ../shared/events/ucdp/ged-ukraine.csv where_description, built as the world file
  was (identical strings case-insensitively collapsed, dropped when their events lie more than
  25 km apart), gold latitude/longitude and where_prec.

geomap's answers are read from what the CLI writes: every string goes to ``geomap geocode --json
--input FILE`` in one process, and its ``lat``/``lon`` are scored. Beside it, with the same
scorer (../shared/eval/eventgeo/README.md): two baselines implemented here on the gazetteer
directly ("first place name, most populous"; "most specific place in the first sentence") and
the cities500 name-in-text ceiling (a cities500 place within K km of the gold point is named in
the text, any case, phrases of up to 6 words). Figures: coverage, median km over answered rows,
acc@1 and acc@10 on where_prec 1 rows, acc@10 and acc@25 and acc@161 on all rows, acc@25 on
where_prec 1-2 rows; the whole set and its crc32 test half; by where_prec and by source.

Run: ``.venv/bin/python benchmarks/bench_eventgeo_strings.py [--set world|ukraine] [--limit N]``
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORLD = SHARED / "eval" / "eventgeo" / "ucdp_world_strings.jsonl"
UKRAINE = SHARED / "events" / "ucdp" / "ged-ukraine.csv"
R_KM = 6371.0088
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
FEATURE_RANK = {"populated_place": 0, "other": 0, "admin2": 1, "admin1": 2, "region": 2,
                "country": 3}


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(h)))


def half(row_id: str) -> str:
    return "tune" if zlib.crc32(row_id.encode()) % 2 == 0 else "test"


# -- data ------------------------------------------------------------------------------------
def load_world() -> list[dict]:
    with open(WORLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_ukraine() -> list[dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    with open(UKRAINE, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            text = " ".join((r.get("where_description") or "").split())
            if len(text) < 3 or not r.get("latitude"):
                continue
            groups[text.casefold()].append({
                "id": f"ucdp:{r['id']}", "source": "ucdp-ged-ukraine", "text": text,
                "lat": float(r["latitude"]), "lon": float(r["longitude"]),
                "where_prec": int(r["where_prec"]), "country": "Ukraine"})
    out = []
    for rows in groups.values():
        rows.sort(key=lambda r: int(r["id"].split(":")[1]))
        first = rows[0]
        if all(km(first["lat"], first["lon"], r["lat"], r["lon"]) <= 25 for r in rows):
            out.append(first)
    return sorted(out, key=lambda r: int(r["id"].split(":")[1]))


# -- geomap through its CLI --------------------------------------------------------------------
def run_geomap(rows: list[dict]) -> tuple[list[dict], float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        for r in rows:
            fh.write(r["text"].replace("\n", " ").replace("\r", " ") + "\n")
        path = fh.name
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "geomap", "geocode", "--json", "--input", path],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    secs = time.perf_counter() - t
    Path(path).unlink()
    if proc.returncode != 0:
        raise SystemExit(f"geomap geocode failed ({proc.returncode}): {proc.stderr[-2000:]}")
    answers = json.loads(proc.stdout)
    if len(answers) != len(rows):
        raise SystemExit(f"geomap geocode gave {len(answers)} answers for {len(rows)} queries")
    return answers, secs


# -- baselines and ceiling on the gazetteer directly ------------------------------------------
class Names:
    """Phrase lookup on the gazetteer index (no rank limit, every place of a name)."""

    def __init__(self):
        from geomap._text import fold_key
        from geomap.gazetteer import Gazetteer

        self.fold = fold_key
        self.gaz = Gazetteer()
        self.conn = sqlite3.connect(f"file:{self.gaz.index_path}?mode=ro", uri=True)
        self.cache: dict[str, list[tuple]] = {}

    def places(self, key: str) -> list[tuple]:
        """(feature, lat, lon, population, country) of every place named ``key``."""
        hit = self.cache.get(key)
        if hit is None:
            hit = self.conn.execute(
                "SELECT p.feature, p.lat, p.lon, p.population, p.country FROM names n "
                "JOIN places p ON p.id = n.place WHERE n.fkey = ? AND n.kind != 'demonym'",
                (key,)).fetchall()
            self.cache[key] = hit
        return hit

    def phrases(self, text: str, *, capitalised: bool, max_len: int):
        """(start token, end token, places) of each phrase naming a place, in text order."""
        toks = list(WORD.finditer(text))
        for i, m in enumerate(toks):
            if capitalised and not m.group()[0].isupper():
                continue
            for j in range(min(len(toks), i + max_len), i, -1):
                key = self.fold(text[m.start():toks[j - 1].end()])
                if j - i == 1 and capitalised and self.gaz.word_zipf(key) >= 4.0:
                    continue
                found = self.places(key) if key else []
                if found:
                    yield i, j, found
                    break


def first_name(names: Names, text: str):
    for _i, _j, found in names.phrases(text, capitalised=True, max_len=4):
        best = max(found, key=lambda p: p[3])
        return best[1], best[2]
    return None


def first_sentence_specific(names: Names, text: str):
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    best = None
    for i, _j, found in names.phrases(sentence, capitalised=True, max_len=4):
        p = max(found, key=lambda p: p[3])
        rank = (FEATURE_RANK.get(p[0], 0), i)
        if best is None or rank < best[0]:
            best = (rank, p)
    return (best[1][1], best[1][2]) if best else None


def ceiling_km(names: Names, text: str, lat: float, lon: float) -> float:
    """Distance from the gold point to the nearest cities500 place named in the text."""
    best = math.inf
    toks = list(WORD.finditer(text))
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + 6) + 1):
            key = names.fold(text[toks[i].start():toks[j - 1].end()])
            for feature, plat, plon, _pop, _c in names.places(key):
                if feature == "populated_place":
                    best = min(best, km(lat, lon, plat, plon))
    return best


def names_known_place(names: Names, text: str, country: str | None) -> bool:
    """The text names a gazetteer place in the gold point's country (a phrase that is not a
    common English word)."""
    for _i, _j, found in names.phrases(text, capitalised=False, max_len=6):
        if any(p[4] == country for p in found):
            return True
    return False


# -- scoring ----------------------------------------------------------------------------------
def figures(rows: list[dict], errs: list[float | None]) -> dict:
    n = len(rows)
    answered = [e for e in errs if e is not None]

    def acc(k, precs=None):
        sel = [e for r, e in zip(rows, errs, strict=True)
               if precs is None or r["where_prec"] in precs]
        return (sum(e is not None and e <= k for e in sel) / len(sel)) if sel else float("nan")

    return {"n": n, "cover": len(answered) / n if n else float("nan"),
            "median": statistics.median(answered) if answered else float("nan"),
            "@1 p1": acc(1, {1}), "@10 p1": acc(10, {1}), "@10": acc(10), "@25": acc(25),
            "@25 p12": acc(25, {1, 2}), "@161": acc(161)}


COLS = ("n", "cover", "median", "@1 p1", "@10 p1", "@10", "@25", "@25 p12", "@161")


def print_table(title: str, table: dict[str, dict]) -> None:
    print(f"\n{title}")
    print(f"  {'method':<26}" + "".join(f"{c:>9}" for c in COLS))
    for name, f in table.items():
        cells = []
        for c in COLS:
            v = f.get(c)
            cells.append(f"{'':>9}" if v is None else f"{v:>9d}" if c == "n"
                         else f"{v:>9.1f}" if c == "median" else f"{v:>9.3f}")
        print(f"  {name:<26}" + "".join(cells))


def evaluate(label: str, rows: list[dict], names: Names) -> None:
    answers, secs = run_geomap(rows)
    preds = {"geomap": [(a["lat"], a["lon"]) if a["lat"] is not None else None for a in answers]}
    preds["baseline first name"] = [first_name(names, r["text"]) for r in rows]
    preds["baseline 1st-sent specific"] = [first_sentence_specific(names, r["text"]) for r in rows]
    errs = {m: [None if p is None else km(r["lat"], r["lon"], p[0], p[1])
                for r, p in zip(rows, ps, strict=True)] for m, ps in preds.items()}
    ceil = [ceiling_km(names, r["text"], r["lat"], r["lon"]) for r in rows]
    print(f"\n===== {label}: {len(rows)} strings; geomap geocode CLI {secs:.1f} s, "
          f"{len(rows) / secs:.0f} queries/s (one process, start-up included)")

    def table(sel):
        sub = [rows[i] for i in sel]
        t = {m: figures(sub, [e[i] for i in sel]) for m, e in errs.items()}
        # the ceiling per K: a named cities500 place within K km (coverage, median: n/a)
        c = figures(sub, [ceil[i] if ceil[i] < math.inf else None for i in sel])
        c["cover"] = c["median"] = None
        t["ceiling cities500 in text"] = c
        return t

    everything = list(range(len(rows)))
    print_table("all rows", table(everything))
    print_table("test half (crc32 of id odd)", table([i for i in everything
                                                     if half(rows[i]["id"]) == "test"]))
    for key in ("where_prec", "source"):
        for value in sorted({r[key] for r in rows}, key=str):
            sel = [i for i in everything if rows[i][key] == value]
            if len(sel) >= 10:
                print_table(f"{key} = {value}", table(sel))
    countries = [names.gaz.reverse(r["lat"], r["lon"]) for r in rows]
    named = [i for i in everything if names_known_place(
        names, rows[i]["text"], countries[i].country if countries[i] else None)]
    got = sum(answers[i]["lat"] is not None for i in named)
    print(f"\nanswers on strings that name a known place of the gold country: {got}/{len(named)}"
          f" = {got / max(1, len(named)):.3f}")
    prec = defaultdict(lambda: defaultdict(int))
    for r, a in zip(rows, answers, strict=True):
        prec[r["where_prec"]][a["geo_precision"]] += 1
    print("geo_precision answered, by gold where_prec:")
    for wp in sorted(prec):
        print(f"  {wp}: " + ", ".join(f"{k} {v}" for k, v in sorted(prec[wp].items())))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("world", "ukraine"), action="append")
    ap.add_argument("--limit", type=int, help="only the first N strings of each set")
    args = ap.parse_args(argv)
    if not WORLD.exists() or not UKRAINE.exists():
        print(f"skipped: {WORLD} or {UKRAINE} is missing")
        return 0
    sys.path.insert(0, str(ROOT))
    names = Names()
    for label in args.set or ("world", "ukraine"):
        rows = load_world() if label == "world" else load_ukraine()
        evaluate(label, rows[: args.limit] if args.limit else rows, names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
