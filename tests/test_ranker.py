"""The learned place ranker: numpy inference, the shipped model, home country, training."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from geomap.cli import main
from geomap.geoparse import Geoparser, home_country
from geomap.geoparse._features import FEATURES
from geomap.geoparse._home import country_of_url, infer_home
from geomap.geoparse._rank import MODEL_PATH, Ranker

ROOT = Path(__file__).resolve().parents[1]


def _write_model(path, *, feat, thr, left, right, value, depth):
    meta = {"kind": "trees", "features": list(FEATURES), "depth": depth, "init": 0.0}
    np.savez(path, meta=np.asarray(json.dumps(meta)), feat=np.asarray(feat, np.int16),
             thr=np.asarray(thr, float), left=np.asarray(left, np.int32),
             right=np.asarray(right, np.int32), value=np.asarray(value, float))


def test_trees_are_walked_as_written(tmp_path):
    # tree 0: x0 <= 1 ? (x1 <= 5 ? 10 : 20) : 30 ; tree 1: x1 <= 0 ? -1 : 1 (padded)
    inf = np.inf
    path = tmp_path / "m.npz"
    _write_model(path,
                 feat=[[0, 1, 0, 0, 0], [1, 0, 0, 0, 0]],
                 thr=[[1.0, 5.0, inf, inf, inf], [0.0, inf, inf, inf, inf]],
                 left=[[1, 2, 2, 3, 4], [1, 1, 2, 3, 4]],
                 right=[[4, 3, 2, 3, 4], [2, 1, 2, 3, 4]],
                 value=[[0, 0, 10, 20, 30], [0, -1, 1, 0, 0]], depth=2)
    x = np.zeros((4, len(FEATURES)))
    x[:, 0] = [0.5, 0.5, 1.0, 7.0]
    x[:, 1] = [3.0, 6.0, -2.0, 0.0]
    assert Ranker(path).predict(x).tolist() == [11.0, 21.0, 9.0, 29.0]


def test_a_model_for_other_features_is_refused(tmp_path):
    path = tmp_path / "m.npz"
    meta = {"kind": "trees", "features": ["prior"], "depth": 0}
    np.savez(path, meta=np.asarray(json.dumps(meta)), feat=np.zeros((1, 1), np.int16),
             thr=np.zeros((1, 1)), left=np.zeros((1, 1), np.int32),
             right=np.zeros((1, 1), np.int32), value=np.zeros((1, 1)))
    with pytest.raises(ValueError, match="make train"):
        Ranker(path)


def test_shipped_model_is_small_and_loads():
    assert MODEL_PATH.is_file() and MODEL_PATH.stat().st_size <= 5 * 1024 * 1024
    r = Ranker()
    assert r.kind in ("linear", "trees") and r.meta["trained_on"]
    assert not any("TUD" in c or "GeoCorpora" in c for c in r.meta["trained_on"])
    s = r.predict(np.zeros((3, len(FEATURES))))
    assert s.shape == (3,) and np.isfinite(s).all()


def test_ranker_resolves_with_context_and_hand_written_stays(gazetteer):
    text = ("Flooding closed roads around Paris on Tuesday. The Lamar County sheriff said "
            "water covered Highway 82 between Paris and Clarksville, Texas.")
    for ranker in (True, False):
        ms = Geoparser(gazetteer, ranker=ranker).parse(text)
        paris = [m for m in ms if m.name == "Paris"]
        assert paris and all(m.place.country == "US" and m.place.admin1 == "Texas"
                             for m in paris), (ranker, paris)
        assert all(0.0 <= m.confidence <= 1.0 for m in ms)
    ms = Geoparser(gazetteer).parse("Talks in Paris ended. The French president spoke.")
    assert ms[0].place.country == "FR"


def test_ranker_does_not_change_what_is_recognised(gazetteer):
    text = ("ODESA, Ukraine — Drones struck the port overnight. Officials in Kyiv said the "
            "attack also hit Izmail, near the border with Romania, and a village outside "
            "Mykolaiv.")
    on = Geoparser(gazetteer).parse(text)
    off = Geoparser(gazetteer, ranker=False).parse(text)
    assert [(m.start, m.end, m.role) for m in on] == [(m.start, m.end, m.role) for m in off]
    assert {m.place.country for m in on if m.role != "dateline"} <= {"UA", "RO"}


def test_home_country_evidence(gazetteer):
    p = Geoparser(gazetteer)
    dated = p.parse("KHARKIV — Shelling hit the city centre. Residents fled toward Poltava.")
    assert home_country(dated) == home_country(dated, "https://example.co.uk/x")
    assert home_country(dated).code == "UA" and home_country(dated).evidence == "dateline"
    spread = p.parse("Storms hit Denver and Boulder, and snow reached Colorado Springs.")
    h = home_country(spread)
    assert h.code == "US" and h.evidence == "mentions"
    assert home_country([], "https://www.pravda.com.ua/news/1").code == "UA"
    assert home_country([], "https://news.bbc.co.uk/a").code == "GB"
    assert home_country([], "https://example.com/a") is None
    assert country_of_url("not a url") is None and country_of_url(None) is None
    # one confident place in each of two countries: no clear home
    assert infer_home([("literal", "FR", True), ("literal", "DE", True),
                       ("literal", "IT", True)]) is None


def test_geoparse_out_writes_home_country(capsys, tmp_path, gazetteer):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "KYIV — Air raid sirens sounded across the capital."})
        + "\n" + json.dumps({"id": "b", "text": "Prices rose again.",
                             "url": "https://www.lefigaro.fr/eco"}) + "\n"
        + json.dumps({"id": "c", "text": "Nothing placed here."}) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["geoparse", str(corpus), "-o", str(out), "--no-progress"]) == 0
    capsys.readouterr()
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(x["home_country"], x["home_country_evidence"]) for x in lines] == [
        ("UA", "dateline"), ("FR", "url"), (None, None)]


def test_training_is_deterministic_and_export_matches_lightgbm(tmp_path):
    pytest.importorskip("lightgbm")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_ranker as tr

    rng = np.random.default_rng(7)
    x = rng.normal(size=(3000, len(FEATURES)))
    y = (x[:, 0] + 0.5 * x[:, 5] * x[:, 3] + rng.normal(scale=0.5, size=3000) > 0).astype(float)
    data = {"x": x, "y": y}
    params = {"num_leaves": 7, "learning_rate": 0.1, "n_estimators": 30,
              "min_child_samples": 20, "reg_lambda": 1.0}
    paths = []
    for k in range(2):
        model = tr.fit([(data, np.arange(len(x)))], params)
        paths.append(tmp_path / f"m{k}.npz")
        tr.export(model, paths[-1], {"trained_on": ["synthetic"]})
    assert paths[0].read_bytes() == paths[1].read_bytes()
    got = Ranker(paths[0]).predict(x)
    assert np.abs(got - model.booster_.predict(x, raw_score=True)).max() < 1e-9


def test_an_unusable_model_falls_back_to_hand_written(tmp_path, monkeypatch, caplog):
    import geomap.geoparse._rank as rank

    bad = tmp_path / "ranker.npz"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(rank, "MODEL_PATH", bad)
    assert rank.default_ranker.__wrapped__() is None
    assert "hand-written" in caplog.text
    monkeypatch.setattr(rank, "MODEL_PATH", tmp_path / "absent.npz")
    assert rank.default_ranker.__wrapped__() is None
