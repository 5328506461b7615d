"""The learned ranker of a mention's candidate places, evaluated with numpy alone.

The model is trained by ``make train`` (scripts/train_ranker.py) and shipped as
``geomap/models/ranker.npz``: either a linear model (weights and a bias over the features of
:mod:`._features`: the shipped kind, a logistic regression, which cross-validated as well as
gradient-boosted trees and costs one dot product) or LightGBM trees as flat arrays (split
feature, threshold, children, leaf values), walked level by level for all candidates of a
document at once. Inference needs neither scikit-learn nor LightGBM. The hand-written score is
one of the features, and stays the fallback: without a usable model file, or with
``Geoparser(ranker=False)``, resolution is the hand-written one.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from pathlib import Path

import numpy as np

from ._features import _A1CODE, _COUNTRY, _FEATURE, _LAT, _LON, FEATURES, candidate_features

__all__ = ["MODEL_PATH", "Ranker", "default_ranker"]

log = logging.getLogger(__name__)

#: The model learns to be within 161 km: places closer than this to its choice it cannot tell
#: apart, and the hand-written scores choose among them.
SAME_PLACE_KM = 100.0
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ranker.npz"


class Ranker:
    """A linear model or gradient-boosted trees over :data:`._features.FEATURES`."""

    def __init__(self, path: str | Path = MODEL_PATH) -> None:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            self.kind = meta["kind"]
            names = tuple(meta["features"])
            if names != FEATURES:
                raise ValueError(f"{path}: the model's features are not this geomap's; "
                                 "retrain with `make train`")
            self.meta = meta
            if self.kind == "trees":
                feat, thr = z["feat"], z["thr"]
                t, w = feat.shape
                # one flat node table: node g of tree t is t * w + g; children side by side
                self.feat = feat.astype(np.intp).ravel()
                self.thr = thr.ravel()
                base = (np.arange(t) * w)[:, None]
                self.child = np.stack([z["left"] + base, z["right"] + base], axis=-1) \
                    .astype(np.intp).ravel()
                self.value = z["value"].ravel()
                self.roots = np.arange(t) * w
                self.depth = int(meta["depth"])
                self.init = float(meta.get("init", 0.0))
            else:
                self.weights = z["weights"]
                self.bias = float(meta["bias"])

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Raw score (log-odds that the candidate is the right place) of each row of ``x``."""
        if self.kind != "trees":
            return x @ self.weights + self.bias
        n, f = x.shape
        flat = x.ravel()
        rows = (np.arange(n) * f)[:, None]
        node = np.broadcast_to(self.roots, (n, len(self.roots)))
        for _ in range(self.depth):  # leaves point to themselves
            right = flat[rows + self.feat[node]] > self.thr[node]
            node = self.child[2 * node + right]
        return self.value[node].sum(axis=1) + self.init

    def rerank(self, text: str, ms, *, named_countries, admin1s, parent, anchors,
               focus: str | None = None) -> None:
        """Choose each mention's place by the model's score (the resolver's hook)."""
        x, groups = candidate_features(text, ms, named_countries=named_countries,
                                        admin1s=admin1s, parent=parent, anchors=anchors,
                                        focus=focus)
        if not groups:
            return
        s = self.predict(x).tolist()  # a few candidates a mention: Python floats are faster
        for m, a, b, cands in groups:
            part = s[a:b]
            top = max(part)
            i = part.index(top)  # the first of equal scores, as a stable sort would give
            chosen = cands[i]
            # candidates come in hand-written order: of the places at the chosen one's spot
            # or inside the chosen division, the hand-written preference ("Kyiv" the city
            # over the division around it; "Kazan" the city, not Tatarstan, whose alternate
            # names include its capital's, with its label point 110 km away)
            m.best = next(c for c in cands if c is chosen or _km(c.row, chosen.row) <
                          SAME_PLACE_KM or _inside(c.row, chosen.row))
            m.margin = top - max(part[:i] + part[i + 1 :])


def _inside(a, b) -> bool:
    """Whether place row ``a`` is a town inside division row ``b`` (same country and
    admin-1 code)."""
    return b[_FEATURE] == "admin1" and a[_FEATURE] == "populated_place" and \
        a[_COUNTRY] == b[_COUNTRY] and a[_A1CODE] == b[_A1CODE] and b[_A1CODE] is not None


def _km(a, b) -> float:
    """Approximate km between two place rows (equirectangular; compared to SAME_PLACE_KM)."""
    dlon = abs(a[_LON] - b[_LON])
    dlon = min(dlon, 360.0 - dlon)
    x = dlon * math.cos(math.radians((a[_LAT] + b[_LAT]) / 2))
    return 111.195 * math.hypot(a[_LAT] - b[_LAT], x)


@functools.cache
def default_ranker() -> Ranker | None:
    """The shipped model, loaded once per process; None (hand-written resolution) when it is
    absent or unreadable, or made for other features (logged)."""
    if not MODEL_PATH.is_file():
        return None
    try:
        return Ranker(MODEL_PATH)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("place ranker not used, resolving by hand-written scores: %s", exc)
        return None
