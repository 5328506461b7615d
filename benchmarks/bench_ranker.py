"""The learned place ranker, corpus by corpus: hand-written vs ranker vs leave-one-corpus-out.

    .venv/bin/python benchmarks/bench_ranker.py [--cache DIR]

Resolution accuracy (acc@161 over the mentions matched to gold, ../shared/eval/score.py's
matching) on the test half of every corpus: the hand-written resolver, the shipped ranker
(trained on the tune halves of scripts/train_ranker.py's TRAIN_CORPORA) and a ranker trained
without the corpus at hand (leave one corpus out: the figure for news the model never saw), and
the ceiling: the share of mentions with a right place (within 161 km) among the candidates the
ranker chooses from, which no ranker can pass (GeoNames country points far from the annotated
ones, places missing from cities500). The model columns score the ranker as geomap ships it:
where the capitals rule (geomap/geoparse/_division.py: a large capital, or a city named like
its own division, against a same-named division abroad) gives a model's choice back to the
hand-written one, the hand-written choice is scored.
TUD-Loc2013 and GeoCorpora are never trained on, so their two ranker columns agree.
End-to-end figures (F1, correct@161, words/s) with and without the ranker are printed by
bench_geoparse.py (rows geomap and geomap-hand). Needs LightGBM (benchmarks/requirements.txt);
features are cached under --cache after the first run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def main(argv=None) -> int:
    import train_ranker as tr

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", default="/tmp/geomap-ranker")
    args = ap.parse_args(argv)
    if not tr.SHARED.is_dir():
        print(f"skipped: {tr.SHARED} is absent (the corpora live only beside developer "
              "checkouts)")
        return 0
    try:
        import lightgbm  # noqa: F401
    except ImportError:
        print("skipped: LightGBM is missing (pip install -r benchmarks/requirements.txt)")
        return 0
    tr.loco(tr.load_all(Path(args.cache), tr.CORPORA))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
