"""A river, sea or region named in Cyrillic in an oblique case is that feature, not a
town abroad its form as written spells by transliteration ("Рейні" is the Rhine, not a
place named Reine). Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (place name, country, admin1, feature) or None}."""
    return {m.name: (m.place.name, m.place.country, m.place.admin1, m.place.feature)
            if m.place else None for m in parser.parse(text)}


@pytest.mark.parametrize(("text", "span"), [
    ("Вантажні судна застрягли на Рейні через посуху.", "Рейні"),
    ("Баржи с углём снова пошли по Рейну.", "Рейну"),
])

def test_a_river_named_in_an_oblique_case_is_the_river(parser, text, span):
    got = places(parser, text)
    assert got.get(span) is not None, got
    assert got[span][3] == "region" and got[span][1] in (None, ""), got
