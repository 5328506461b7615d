"""Scoring of geoparser output against gold corpora (the rules of ../shared/eval/README.md).

Recognition: a prediction matches a gold toponym when the spans overlap; pairs are assigned
greedily, largest overlap first (then closest start), each side used once; an unmatched
prediction overlapping an ignore span counts neither way. Resolution over matched pairs with
coordinates: acc@161, acc@25, median and mean error, AUC of the log-error curve; end to end:
correct@161 = gold matched and resolved within 161 km / all gold.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable

EARTH_HALF_KM = 20039.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def match(gold: list[dict], pred: list[dict], ignore: list) -> tuple[list, list]:
    """(matched (gold, pred) pairs, unmatched predictions that count as false positives)."""
    cand = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cand.append((-ov, abs(g["start"] - p["start"]), i, j))
    cand.sort()
    gi, pj, pairs = set(), set(), []
    for _ov, _d, i, j in cand:
        if i in gi or j in pj:
            continue
        gi.add(i)
        pj.add(j)
        pairs.append((gold[i], pred[j]))
    fps = [p for j, p in enumerate(pred) if j not in pj and not any(
        min(s[1], p["end"]) - max(s[0], p["start"]) > 0 for s in ignore)]
    return pairs, fps


def score(docs: Iterable[tuple[dict, list[dict]]]) -> dict:
    """Figures over (gold document, predicted toponyms) pairs."""
    n_gold = tp = fp = 0
    errors: list[float] = []
    for gold, pred in docs:
        pairs, fps = match(gold["toponyms"], pred, gold.get("ignore") or [])
        n_gold += len(gold["toponyms"])
        tp += len(pairs)
        fp += len(fps)
        for g, p in pairs:
            if p.get("lat") is not None and p.get("lon") is not None:
                errors.append(km(g["lat"], g["lon"], p["lat"], p["lon"]))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / n_gold if n_gold else 0.0
    out = {"gold": n_gold, "tp": tp, "fp": fp, "precision": prec, "recall": rec,
           "f1": 2 * prec * rec / (prec + rec) if tp else 0.0}
    errors.sort()
    n = len(errors)
    if n:
        logs = [math.log(1 + e) / math.log(EARTH_HALF_KM) for e in errors]
        out.update(
            acc161=sum(e < 161 for e in errors) / n, acc25=sum(e < 25 for e in errors) / n,
            median_km=statistics.median(errors), mean_km=sum(errors) / n,
            auc=(0.5 * (logs[0] + logs[-1]) + sum(logs[1:-1])) / (n - 1) if n > 1 else logs[0],
        )
    out["correct161"] = sum(e < 161 for e in errors) / n_gold if n_gold else 0.0
    return out
