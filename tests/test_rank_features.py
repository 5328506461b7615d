"""The place ranker's candidate features and the recognition they build on (invented sentences)."""

from __future__ import annotations

from geomap.geoparse import Geoparser
from geomap.geoparse import _features as F


class _Capture:
    """Stands in for the ranker: keeps the feature matrix, changes nothing."""

    def rerank(self, text, ms, **context):
        self.x, self.groups = F.candidate_features(text, ms, **context)


def _rows(gazetteer, text):
    cap = _Capture()
    Geoparser(gazetteer, ranker=cap).parse(text)
    return [(m.span.key, c.row, cap.x[i]) for m, a, b, cands in cap.groups
            for i, c in zip(range(a, b), cands, strict=True)]


def test_a_town_named_beside_is_a_neighbour(gazetteer):
    rows = [r for r in _rows(gazetteer, "Shelling hit Zaitseve and Bakhmut overnight.")
            if r[0] == "zaitseve"]
    near = [x for _k, row, x in rows if row[F._A1CODE] == "UA.05"]  # Donetsk oblast
    far = [x for _k, row, x in rows if row[F._A1CODE] != "UA.05"]
    assert near and far
    assert min(x[F._COLOCATED] for x in near) > max(x[F._COLOCATED] for x in far)
    assert max(x[F._BEST_LOG_KM] for x in near) < min(x[F._BEST_LOG_KM] for x in far)


def test_namesakes_named_together_see_each_other(gazetteer):
    # neither Tyler, Texas nor Athens, Texas is its name's likeliest place, yet each is among
    # the likely places the other mention's co-location looks at
    rows = _rows(gazetteer, "Crews from Tyler and Athens fought the fire.")
    texan = {key: x for key, row, x in rows
             if row[F._A1CODE] == "US.TX" and row[F._FEATURE] == "populated_place"}
    assert set(texan) == {"tyler", "athens"}
    assert all(x[F._COLOCATED] == 1.0 for x in texan.values())


def test_an_abbreviation_after_the_names_its_place(gazetteer):
    # "the Reading festival" is a festival; "the LA marathon", "the DC council" name the city
    p = Geoparser(gazetteer)
    assert [m.name for m in p.parse("Runners trained all spring for the LA marathon.")] == ["LA"]
    dc = p.parse("Members of the DC council voted on the budget.")
    assert [m.name for m in dc] == ["DC"] and dc[0].place.country == "US"
    assert p.parse("Fans camped for days at the Reading festival grounds.") == []
