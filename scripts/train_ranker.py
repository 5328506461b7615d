"""Train geomap's learned place ranker (``make train``): deterministic, tune halves only.

    .venv/bin/python scripts/train_ranker.py [--out geomap/models/ranker.npz] [--cv] [--loco]

1. Features: every evaluation corpus of ../shared/eval/geoparse is geoparsed once with the
   hand-written resolver; the features of each candidate place of each mention
   (geomap/geoparse/_features.py) are cached under --cache (keyed by corpus, geomap's
   source and the gazetteer index), so later runs take seconds.
2. Labels: a mention is matched to a gold toponym as ../shared/eval/score.py matches them; a
   candidate is right when it lies within 161 km of the gold point (learning only the closest
   one, or the first in hand-written order, did worse: LGL tune 5-fold and test both). Of
   places the model cannot tell apart at that reach, geomap keeps the hand-written choice
   (geomap/geoparse/_rank.py, SAME_PLACE_KM).
3. Training: only the tune half (crc32 of the document id, as in benchmarks/bench_geoparse.py)
   of the corpora whose licences allow shipping what is learned (TRAIN_CORPORA; not
   TUD-Loc2013, CC BY-NC-SA; not GeoCorpora, which has no licence; not ner-uk). LightGBM,
   binary objective, one thread, fixed seeds, deterministic: the same inputs give the same file.
   Each corpus weighs the same in total (WikToR would otherwise outweigh the news corpora 5:1).
4. ``--cv``: the settings grid by 5-fold cross-validation over documents of the tune halves
   (mention accuracy on the ambiguous mentions); ``--loco``: leave-one-corpus-out figures
   (train on the other corpora's tune halves, test on the left-out corpus's test half).
The model is written as flat numpy arrays (geomap/geoparse/_rank.py evaluates them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared" / "eval" / "geoparse"
CORPORA = ("LGL", "GeoVirus", "TUD-Loc2013", "GeoCorpora", "WOTR-test", "WikToR")
#: Corpora whose licences allow shipping what is learned from them (see data/README.md).
TRAIN_CORPORA = ("LGL", "GeoVirus", "WOTR-test", "WikToR")
#: The settings chosen by --cv (see data/README.md for the grid and its figures).
PARAMS = {"num_leaves": 15, "max_depth": 6, "learning_rate": 0.05, "n_estimators": 150,
          "min_child_samples": 40, "reg_lambda": 1.0}
LOGISTIC = {"C": 1.0, "max_iter": 2000}
#: The kind of model shipped: "trees" (PARAMS) or "logistic" (LOGISTIC), chosen by --cv and
#: --loco (see data/README.md).
MODEL_KIND = "logistic"
KM = 161.0
#: Training mentions per corpus and half, about (see rows_of).
MAX_MENTIONS = 4000


def half(doc_id: str) -> str:
    return "tune" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"


class Collector:
    """Stands in for the ranker: records features and the hand-written choice, changes
    nothing."""

    def __init__(self):
        from geomap.lang import get_language

        self.doc = None
        self.lang = get_language("en")  # the corpora are English

    def rerank(self, text, ms, **context):
        from geomap.geoparse._division import divisions_inside, hand_stands
        from geomap.geoparse._features import _LAT, _LON, candidate_features

        x, groups = candidate_features(text, ms, **context)
        where = {id(m): (a, b) for m, a, b, _c in groups}
        cl = np.zeros(len(x))
        cn = np.zeros(len(x))
        # the capitals rule that ships with the ranker: where it would give the hand-written
        # choice back had the model chosen this candidate (its "inside" evidence is read from
        # the hand-written choices here, from the model's in geomap)
        keep = np.zeros(len(x), dtype=bool)
        inside = divisions_inside(ms)
        for m, a, b, cands in groups:
            cl[a:b] = [c.row[_LAT] for c in cands]
            cn[a:b] = [c.row[_LON] for c in cands]
            keep[a:b] = [hand_stands(text, m, c, inside, self.lang) for c in cands]
        self.doc = {"x": x, "clat": cl, "clon": cn, "keep": keep, "mentions": [
            (m.span.start, m.span.end, m.best.row[_LAT], m.best.row[_LON],
             *where.get(id(m), (-1, -1))) for m in ms]}


def _source_hash(gaz) -> str:
    h = hashlib.sha256()
    for p in sorted((ROOT / "geomap" / "geoparse").glob("*.py")) + \
            sorted((ROOT / "geomap" / "gazetteer").glob("*.py")):
        if p.name != "_rank.py":
            h.update(p.read_bytes())
    h.update(str(gaz.index_path if hasattr(gaz, "index_path") else "").encode())
    return h.hexdigest()[:12]


def extract(corpus: str, cache: Path, gaz) -> dict:
    """Features, candidate points, mentions and gold of one corpus (cached)."""
    from geomap.geoparse import Geoparser

    path = cache / f"{corpus}-{_source_hash(gaz)}.npz"
    if path.is_file():
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    col = Collector()
    parser = Geoparser(gaz, ranker=col)
    xs, clat, clon, keep, ments, docs = [], [], [], [], [], []
    off = 0
    with open(SHARED / f"{corpus}.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            d = json.loads(line)
            docs.append(d["id"])
            col.doc = None
            parser.parse(d["text"])
            if col.doc is None:
                continue
            xs.append(col.doc["x"])
            clat.append(col.doc["clat"])
            clon.append(col.doc["clon"])
            keep.append(col.doc["keep"])
            for s, e, la, lo, a, b in col.doc["mentions"]:
                ments.append((i, s, e, la, lo, a + off if a >= 0 else -1,
                              b + off if b >= 0 else -1))
            off += len(col.doc["x"])
    from geomap.geoparse._features import FEATURES

    out = {"x": np.concatenate(xs) if xs else np.zeros((0, len(FEATURES))),
           "clat": np.concatenate(clat), "clon": np.concatenate(clon),
           "keep": np.concatenate(keep),
           "mentions": np.asarray(ments, dtype=np.float64).reshape(-1, 7),
           "docs": np.asarray(docs)}
    cache.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **out)
    return out


def gold_docs(corpus: str) -> list[dict]:
    with open(SHARED / f"{corpus}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(
        np.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def label(data: dict, gold: list[dict]) -> dict:
    """Adds y (candidate within 161 km of the matched gold), the group bounds of matched
    ambiguous mentions and each mention's gold point."""
    from geoscore import match

    m = data["mentions"]
    glat = np.full(len(m), np.nan)
    glon = np.full(len(m), np.nan)
    by_doc: dict[int, list[int]] = {}
    for j, row in enumerate(m):
        by_doc.setdefault(int(row[0]), []).append(j)
    for i, js in by_doc.items():
        preds = [{"start": int(m[j, 1]), "end": int(m[j, 2]), "j": j} for j in js]
        pairs, _ = match(gold[i]["toponyms"], preds, gold[i].get("ignore") or [])
        for g, p in pairs:
            glat[p["j"]], glon[p["j"]] = g["lat"], g["lon"]
    data["glat"], data["glon"] = glat, glon
    y = np.zeros(len(data["x"]))
    hit = np.zeros(len(data["x"]), dtype=bool)
    for j in np.flatnonzero(~np.isnan(glat) & (m[:, 5] >= 0)):
        a, b = int(m[j, 5]), int(m[j, 6])
        d = haversine(data["clat"][a:b], data["clon"][a:b], glat[j], glon[j])
        hit[a:b] = y[a:b] = d < KM
    data["y"], data["hit"] = y, hit
    data["half"] = np.asarray([half(str(d)) for d in data["docs"]])
    return data


def rows_of(data: dict, part: str | None, docs: set[int] | None = None) -> np.ndarray:
    """Candidate rows of matched ambiguous mentions with a right candidate among them (at
    most about MAX_MENTIONS mentions, a fixed hash-chosen sample, so that WikToR trains as fast
    as the rest: it weighs the same as each other corpus anyway)."""
    m = data["mentions"]
    keep = []
    every = max(1, -(-len(m) // (2 * MAX_MENTIONS)))
    for j in range(len(m)):
        if every > 1 and zlib.crc32(f"{int(m[j, 0])}:{int(m[j, 1])}".encode()) % every:
            continue
        a, b = int(m[j, 5]), int(m[j, 6])
        if a < 0 or np.isnan(data["glat"][j]):
            continue
        d = int(m[j, 0])
        if part and data["half"][d] != part:
            continue
        if docs is not None and d not in docs:
            continue
        if data["hit"][a:b].any():
            keep.extend(range(a, b))
    return np.asarray(keep, dtype=np.intp)


def fit(sets: list[tuple[dict, np.ndarray]], params: dict):
    import lightgbm as lgb

    xs, ys, ws, gs = [], [], [], []
    for data, rows in sets:
        if not len(rows):
            continue
        xs.append(data["x"][rows])
        ys.append(data["y"][rows])
        ws.append(np.full(len(rows), 100_000.0 / len(rows)))  # each corpus weighs the same
        if params.get("objective") == "lambdarank":  # one query per mention
            starts = np.isin(rows, data["mentions"][:, 5].astype(np.intp))
            gs.append(np.diff(np.r_[np.flatnonzero(starts), len(rows)]))
    params = dict(params)
    common = {"n_jobs": 1, "random_state": 0, "deterministic": True, "force_row_wise": True,
              "verbose": -1}
    if params.pop("objective", "binary") == "lambdarank":
        model = lgb.LGBMRanker(objective="lambdarank", **common, **params)
        model.fit(np.concatenate(xs), np.concatenate(ys), group=np.concatenate(gs))
        return model
    model = lgb.LGBMClassifier(objective="binary", **common, **params)
    model.fit(np.concatenate(xs), np.concatenate(ys), sample_weight=np.concatenate(ws))
    return model


def choose(data: dict, scores: np.ndarray | None, part: str | None,
           docs: set[int] | None = None) -> dict:
    """acc@161 over matched mentions (hand-written vs by ``scores``) of a part of a corpus,
    and the ceiling: the share of them with a right place among the candidates the ranker
    chooses from (a mention with one candidate: the hand-written choice). A model's choice
    that the capitals rule shipped with the ranker gives back to the hand-written one
    (geomap/geoparse/_division.hand_stands) counts as the hand-written choice, as in geomap."""
    m = data["mentions"]
    hits_hand = hits_model = n = reach = 0
    for j in range(len(m)):
        if np.isnan(data["glat"][j]):
            continue
        d = int(m[j, 0])
        if (part and data["half"][d] != part) or (docs is not None and d not in docs):
            continue
        n += 1
        hand_ok = haversine(m[j, 3], m[j, 4], data["glat"][j], data["glon"][j]) < KM
        hits_hand += hand_ok
        a, b = int(m[j, 5]), int(m[j, 6])
        reach += bool(data["hit"][a:b].any()) if a >= 0 else hand_ok
        if a >= 0 and scores is not None:
            k = a + int(np.argmax(scores[a:b]))
            hits_model += hand_ok if data["keep"][k] else bool(data["hit"][k])
        else:
            hits_model += hand_ok
    return {"n": n, "hand": hits_hand / n if n else 0.0, "model": hits_model / n if n else 0.0,
            "ceiling": reach / n if n else 0.0}


def export(model, path: Path, note: dict) -> None:
    """The booster's trees as flat arrays (see geomap.geoparse._rank.Ranker)."""
    from geomap.geoparse._features import FEATURES

    dump = model.booster_.dump_model()
    trees = [t["tree_structure"] for t in dump["tree_info"]]
    flat = []
    depth = 0
    for t in trees:
        nodes: list[list] = []

        def walk(node, level, nodes=nodes):
            nonlocal depth
            k = len(nodes)
            nodes.append([0, np.inf, k, k, 0.0])
            if "leaf_value" in node:
                nodes[k][4] = node["leaf_value"]
                depth = max(depth, level)
                return k
            assert node["decision_type"] == "<=", node["decision_type"]
            left = walk(node["left_child"], level + 1)
            right = walk(node["right_child"], level + 1)
            nodes[k][:4] = [node["split_feature"], node["threshold"], left, right]
            return k

        walk(t, 0)
        flat.append(nodes)
    width = max(len(n) for n in flat)
    arr = np.zeros((len(flat), width, 5))
    for i, nodes in enumerate(flat):
        arr[i, : len(nodes)] = nodes
        arr[i, len(nodes):] = [0, np.inf, 0, 0, 0.0]
    meta = {"kind": "trees", "features": list(FEATURES), "depth": depth, "init": 0.0, **note}
    write_npz(path, meta=np.asarray(json.dumps(meta, sort_keys=True)),
              feat=arr[:, :, 0].astype(np.int16), thr=arr[:, :, 1],
              left=arr[:, :, 2].astype(np.int32), right=arr[:, :, 3].astype(np.int32),
              value=arr[:, :, 4])


def write_npz(path: Path, **arrays) -> None:
    """np.savez_compressed, byte for byte the same for the same arrays (no time stamps)."""
    import io
    import zipfile

    from geomap._atomic import atomic_write

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, a in arrays.items():
            one = io.BytesIO()
            np.lib.format.write_array(one, np.asarray(a), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, one.getvalue())
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "wb") as fh:
        fh.write(buf.getvalue())


def load_all(cache: Path, corpora) -> dict[str, dict]:
    from geomap.gazetteer import Gazetteer

    gaz = Gazetteer()
    out = {}
    for c in corpora:
        print(f"features: {c}", file=sys.stderr, flush=True)
        out[c] = label(extract(c, cache, gaz), gold_docs(c))
    return out


GRID = [*({"num_leaves": nl, "max_depth": 6, "learning_rate": 0.05, "n_estimators": ne,
           "min_child_samples": 40, "reg_lambda": 1.0} for nl in (7, 15) for ne in (150, 300)),
        {"objective": "lambdarank", "num_leaves": 15, "max_depth": 6, "learning_rate": 0.05,
         "n_estimators": 300, "min_child_samples": 40, "reg_lambda": 1.0}]


def cross_validate(data: dict[str, dict]) -> None:
    print("5-fold CV over tune-half documents: accuracy@161 of matched mentions")
    print(f"{'settings':48} " + " ".join(f"{c[:9]:>9}" for c in TRAIN_CORPORA) + "     mean")
    folds = {c: {d: zlib.crc32(str(data[c]["docs"][d]).encode()) // 2 % 5
                 for d in range(len(data[c]["docs"])) if data[c]["half"][d] == "tune"}
             for c in TRAIN_CORPORA}
    hand = {c: choose(data[c], None, "tune")["hand"] for c in TRAIN_CORPORA}
    print(f"{'hand-written':48} " + " ".join(f"{hand[c]:9.3f}" for c in TRAIN_CORPORA)
          + f" {np.mean(list(hand.values())):8.3f}")
    for params in [*GRID, "logistic"]:
        hits = dict.fromkeys(TRAIN_CORPORA, 0.0)
        for k in range(5):
            train = [(data[c], rows_of(data[c], "tune", {d for d, f in folds[c].items()
                                                         if f != k})) for c in TRAIN_CORPORA]
            model = fit_logistic(train) if params == "logistic" else fit(train, params)
            for c in TRAIN_CORPORA:
                held = {d for d, f in folds[c].items() if f == k}
                s = predict(model, data[c]["x"])
                r = choose(data[c], s, "tune", held)
                hits[c] += r["model"] * r["n"]
        acc = {c: hits[c] / choose(data[c], None, "tune")["n"] for c in TRAIN_CORPORA}
        name = "logistic regression" if params == "logistic" else \
            ",".join(f"{k}={v}" for k, v in params.items()
                     if k not in ("reg_lambda", "learning_rate", "min_child_samples"))
        print(f"{name:48} " + " ".join(f"{acc[c]:9.3f}" for c in TRAIN_CORPORA)
              + f" {np.mean(list(acc.values())):8.3f}", flush=True)


def fit_logistic(sets):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    xs = np.concatenate([d["x"][r] for d, r in sets if len(r)])
    ys = np.concatenate([d["y"][r] for d, r in sets if len(r)])
    ws = np.concatenate([np.full(len(r), 100_000.0 / len(r)) for _d, r in sets if len(r)])
    model = make_pipeline(StandardScaler(), LogisticRegression(**LOGISTIC))
    model.fit(xs, ys, logisticregression__sample_weight=ws)
    return model


def predict(model, x):
    if hasattr(model, "booster_"):
        return model.booster_.predict(x, raw_score=True)
    return model.decision_function(x)


def train(sets, kind: str):
    """The model of ``kind`` ("trees": LightGBM with PARAMS, "logistic") on ``sets``."""
    return fit(sets, PARAMS) if kind == "trees" else fit_logistic(sets)


def loco(data: dict[str, dict]) -> None:
    print("Leave one corpus out: acc@161 of matched mentions on each corpus's test half. "
          "hand: the hand-written resolver; shipped: the model of `make train` (tune halves of "
          f"{', '.join(TRAIN_CORPORA)}); LOCO: the same kind of model trained without the "
          "corpus; also the other kind for comparison; ceiling: a right place is among the "
          "candidates the ranker chooses from (the best any ranker can do on geomap's "
          "candidates)")
    other = "logistic" if MODEL_KIND == "trees" else "trees"
    print(f"{'corpus':12} {'hand':>7} {'shipped':>8} {'LOCO':>7} {'LOCO-' + other:>14} "
          f"{'ceiling':>8}")
    full = train([(data[c], rows_of(data[c], "tune")) for c in TRAIN_CORPORA], MODEL_KIND)
    for c in list(data):
        sets = [(data[o], rows_of(data[o], "tune")) for o in TRAIN_CORPORA if o != c]
        r = choose(data[c], predict(train(sets, MODEL_KIND), data[c]["x"]), "test")
        q = choose(data[c], predict(train(sets, other), data[c]["x"]), "test")
        f = choose(data[c], predict(full, data[c]["x"]), "test")
        print(f"{c:12} {r['hand']:7.3f} {f['model']:8.3f} {r['model']:7.3f} {q['model']:14.3f} "
              f"{r['ceiling']:8.3f}", flush=True)


def export_linear(model, path: Path, note: dict) -> None:
    """A standardised logistic regression folded into raw weights and a bias."""
    from geomap.geoparse._features import FEATURES

    scaler, lr = model[0], model[-1]
    w = lr.coef_[0] / scaler.scale_
    bias = float(lr.intercept_[0] - np.dot(w, scaler.mean_))
    meta = {"kind": "linear", "features": list(FEATURES), "bias": bias, **note}
    write_npz(path, meta=np.asarray(json.dumps(meta, sort_keys=True)), weights=w)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "geomap" / "models" / "ranker.npz"))
    ap.add_argument("--cache", default="/tmp/geomap-ranker")
    ap.add_argument("--cv", action="store_true", help="print the settings grid's CV figures")
    ap.add_argument("--loco", action="store_true", help="print leave-one-corpus-out figures")
    ap.add_argument("--no-write", action="store_true", help="do not write the model")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: the corpora live beside developer checkouts",
              file=sys.stderr)
        return 1
    data = load_all(Path(args.cache), CORPORA if args.loco else TRAIN_CORPORA)
    if args.cv:
        cross_validate(data)
    if args.loco:
        loco(data)
    if args.no_write:
        return 0
    import lightgbm
    import sklearn

    model = train([(data[c], rows_of(data[c], "tune")) for c in TRAIN_CORPORA], MODEL_KIND)
    note = {"trained_on": [f"{c} tune half" for c in TRAIN_CORPORA], "command": "make train",
            "max_mentions_per_corpus_half": MAX_MENTIONS}
    if MODEL_KIND == "trees":
        export(model, Path(args.out), {**note, "params": PARAMS,
                                       "library": f"lightgbm {lightgbm.__version__}"})
    else:
        export_linear(model, Path(args.out), {**note, "params": LOGISTIC,
                                              "library": f"scikit-learn {sklearn.__version__}"})
    from geomap.geoparse._rank import Ranker

    check = np.concatenate([data[c]["x"][:2000] for c in TRAIN_CORPORA])
    diff = np.abs(Ranker(args.out).predict(check) - predict(model, check)).max()
    if diff > 1e-6:
        raise SystemExit(f"the exported model disagrees with the trained one by {diff}")
    size = Path(args.out).stat().st_size
    print(f"wrote {args.out} ({size / 1024:.0f} KiB, {MODEL_KIND}); numpy and "
          f"{'LightGBM' if MODEL_KIND == 'trees' else 'scikit-learn'} agree within {diff:.1e}")
    for c in TRAIN_CORPORA:
        r = choose(data[c], predict(model, data[c]["x"]), "test")
        print(f"{c:12} test half, matched mentions acc@161: hand {r['hand']:.3f} "
              f"ranker {r['model']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
