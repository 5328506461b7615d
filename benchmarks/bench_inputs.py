"""Inputs: legacy encodings decoded right, and the cost of classifying files by content.

    .venv/bin/python benchmarks/bench_inputs.py [--limit N]

1. Decoding. Every document of the English (LGL, GeoVirus), Russian (factru) and Ukrainian
   (ner-uk, measured only: nothing learned from it ships) dev sets in ../shared is saved as an
   analyst's tools save text: Windows-1252 (English, with its curly quotes), Windows-1251 and
   KOI8-R/KOI8-U (Cyrillic), UTF-16 with a BOM, UTF-8 with a BOM. Each file is decoded by
   the baseline (BOM, else strict UTF-8, else Windows-1252: what the event readers did) and by
   geomap.sources (geomap._encoding.decode_text: charset-normalizer among the code pages news in
   these languages is saved in). The score is the share of documents whose decoded text equals
   the original exactly. Nothing is tuned on these figures; both halves of the crc32(id) split
   are printed (tune = crc32 even, test = odd).
2. Classification. A folder of 2,000 files (articles, feeds, JSON Lines, CSV event tables)
   classified by content (geomap.inputs.classify) against listing the same files by extension
   (os.walk + suffix), the simplest reasonable method; wall time per 1,000 files.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "eval" / "geoparse"
CORPORA = {"LGL": "en", "GeoVirus": "en", "factru-dev": "ru", "ner-uk-dev": "uk"}
SAVES = {"en": ("cp1252", "utf-16", "utf-8-sig"),
         "ru": ("cp1251", "koi8_r", "utf-16", "utf-8-sig"),
         "uk": ("cp1251", "koi8_u", "utf-16", "utf-8-sig")}


def baseline_decode(data: bytes) -> str:
    """BOM, else strict UTF-8, else Windows-1252 (undefined bytes as Latin-1)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def english_as_typed(text: str) -> str:
    """Curly quotes and dashes where a word processor puts them (what cp1252 files carry)."""
    return (text.replace(" '", " \u2018").replace("' ", "\u2019 ").replace(" \"", " \u201c")
            .replace("\" ", "\u201d ").replace(" - ", " \u2013 "))


def decoding(limit: int) -> None:
    from geomap._encoding import decode_text
    from geomap.exceptions import InputError

    scores: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for name, lang in CORPORA.items():
        path = SHARED / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: absent ({path}), skipped")
            continue
        with path.open(encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh][:limit]
        for doc in docs:
            text = doc["text"] if lang != "en" else english_as_typed(doc["text"])
            half = "tune" if zlib.crc32(str(doc["id"]).encode()) % 2 == 0 else "test"
            for codec in SAVES[lang]:
                try:
                    data = text.encode(codec)
                except UnicodeEncodeError:
                    continue  # not representable in that code page: not a file anyone saved
                try:
                    ours = decode_text(data).text == text
                except InputError:
                    ours = False
                for method, ok in (("baseline", baseline_decode(data) == text),
                                   ("geomap", ours)):
                    cell = scores[(name, codec, method, half)]
                    cell[0] += ok
                    cell[1] += 1
    print("\n1. decoding: share of documents decoded to exactly the original text")
    print(f"{'corpus':<12} {'saved as':<10} {'method':<9} {'tune':>14} {'test':>14}")
    for name in CORPORA:
        for codec in SAVES[CORPORA[name]]:
            for method in ("baseline", "geomap"):
                cells = [scores.get((name, codec, method, h)) for h in ("tune", "test")]
                if not any(cells):
                    continue
                shown = [f"{c[0] / c[1]:.3f} ({c[1]:>4})" if c else "-" for c in cells]
                print(f"{name:<12} {codec:<10} {method:<9} {shown[0]:>14} {shown[1]:>14}")


def classification(n_files: int) -> None:
    from geomap.inputs import classify

    sys.path.insert(0, str(ROOT / "tests"))
    from inputs_kit import ACLED, ARTICLE, ATOM, RSS

    kinds = [(".txt", ARTICLE), (".xml", RSS), (".atom", ATOM), (".csv", ACLED),
             (".jsonl", json.dumps({"id": "x", "text": ARTICLE}) + "\n")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i in range(n_files):
            suffix, body = kinds[i % len(kinds)]
            sub = root / f"d{i % 20:02d}"
            sub.mkdir(exist_ok=True)
            (sub / f"f{i:05d}{suffix}").write_text(body, encoding="utf-8")
        t = time.perf_counter()
        classify([next(root.rglob("*.csv"))])  # imports the event readers (pandas) once
        warm = time.perf_counter() - t
        t = time.perf_counter()
        listed = [Path(d) / f for d, _, files in os.walk(root) for f in files
                  if Path(f).suffix.lower() in (".txt", ".html", ".htm", ".jsonl")]
        base = time.perf_counter() - t
        t = time.perf_counter()
        found = classify([root])
        ours = time.perf_counter() - t
    print(f"\n2. classification of {n_files} files (seconds per 1,000 files; the first event "
          f"table also imports the event readers once: {warm:.2f} s)")
    print(f"{'method':<28} {'s/1000':>8} {'files kept':>11}")
    print(f"{'baseline: by extension':<28} {base / n_files * 1000:>8.3f} {len(listed):>11}")
    print(f"{'geomap: classify by content':<28} {ours / n_files * 1000:>8.3f} "
          f"{len(found.files):>11}  ({found.counts()})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=400, help="documents per corpus (default 400)")
    ap.add_argument("--files", type=int, default=2000, help="files to classify (default 2000)")
    args = ap.parse_args()
    decoding(args.limit)
    classification(args.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
