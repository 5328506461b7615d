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
2. Event tables. Small CSV tables as analysts export them (English header and notes, one
   place name a row) built from the dev sets' gold toponyms: Latin names from LGL and, per
   Russian or Ukrainian document, its Cyrillic names; "one Cyrillic" tables hold nine Latin
   names and the document's first Cyrillic one, "all Cyrillic" tables its Cyrillic names only,
   saved as Windows-1251 and KOI8; English tables (LGL names, notes typed with curly quotes)
   saved as Windows-1252. Each is decided by geomap._encoding.detect_file_encoding (what the
   event readers use) and by the baseline; same score and halves (crc32 of the document id).
3. Classification. A folder of 2,000 files (articles, feeds, JSON Lines, CSV event tables)
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


def _table(names: list[str], typed: bool = False) -> str:
    rows = ["id,date,location,latitude,longitude,notes"]
    for i, name in enumerate(names):
        note = f"Shelling reported near {name} by officials - {i + 1} injured"
        rows.append(f"e{i},2024-03-{i % 28 + 1:02d},\"{name}\",48.5,37.9,"
                    f"\"{english_as_typed(note) if typed else note}\"")
    return "\n".join(rows) + "\n"


def _toponyms(name: str, limit: int) -> list[tuple[str, list[str]]]:
    path = SHARED / f"{name}.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh][:limit]
    return [(str(d["id"]), list(dict.fromkeys(t["name"].replace("\n", " ").replace('"', "")
                                              for t in d.get("toponyms", []))))
            for d in docs]


def tables(limit: int) -> None:
    from geomap._encoding import detect_file_encoding
    from geomap.exceptions import InputError

    scores: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    latin = [n for _, names in _toponyms("LGL", limit) for n in names]
    plain = [n for n in latin if n.isascii()]

    def score(kind: str, codec: str, doc_id: str, text: str) -> None:
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            return
        half = "tune" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"
        try:
            enc = detect_file_encoding(data, data[:65536], doc_id).name
            ours = data.decode(enc) == text
        except (InputError, UnicodeDecodeError):
            ours = False
        for method, ok in (("baseline", baseline_decode(data) == text), ("geomap", ours)):
            cell = scores[(kind, codec, method, half)]
            cell[0] += ok
            cell[1] += 1

    for doc_id, names in _toponyms("LGL", limit):
        if names:
            score("LGL, English", "cp1252", doc_id, _table(names, typed=True))
    for corpus, koi in (("factru-dev", "koi8_r"), ("ner-uk-dev", "koi8_u")):
        for i, (doc_id, names) in enumerate(_toponyms(corpus, limit)):
            if not names or not plain:
                continue
            others = [plain[(i * 9 + k) % len(plain)] for k in range(9)]
            for codec in ("cp1251", koi):
                score(f"{corpus}, one Cyrillic", codec, doc_id, _table(others + names[:1]))
                score(f"{corpus}, all Cyrillic", codec, doc_id, _table(names))
    print("\n2. event tables: share of tables decoded to exactly the original text")
    print(f"{'table':<28} {'saved as':<10} {'method':<9} {'tune':>14} {'test':>14}")
    for kind, codec in dict.fromkeys((k, c) for k, c, _, _ in scores):
        for method in ("baseline", "geomap"):
            cells = [scores.get((kind, codec, method, h)) for h in ("tune", "test")]
            shown = [f"{c[0] / c[1]:.3f} ({c[1]:>4})" if c else "-" for c in cells]
            print(f"{kind:<28} {codec:<10} {method:<9} {shown[0]:>14} {shown[1]:>14}")


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
    print(f"\n3. classification of {n_files} files (seconds per 1,000 files; the first event "
          f"table also imports the event readers once: {warm:.2f} s)")
    print(f"{'method':<28} {'s/1000':>8} {'files kept':>11}")
    print(f"{'baseline: by extension':<28} {base / n_files * 1000:>8.3f} {len(listed):>11}")
    print(f"{'geomap: classify by content':<28} {ours / n_files * 1000:>8.3f} "
          f"{len(found.files):>11}  ({found.counts()})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=400, help="documents per corpus (default 400)")
    ap.add_argument("--files", type=int, default=2000, help="files to classify (default 2000)")
    ap.add_argument("--only", choices=("decoding", "tables", "classification"),
                    help="run one part only")
    args = ap.parse_args()
    if args.only in (None, "decoding"):
        decoding(args.limit)
    if args.only in (None, "tables"):
        tables(args.limit)
    if args.only in (None, "classification"):
        classification(args.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
