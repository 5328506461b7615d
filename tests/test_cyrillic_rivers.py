"""A river, sea or region named in Cyrillic in an oblique case is that feature, not a
town abroad its form as written spells by transliteration ("Рейні" is the Rhine, not a
place named Reine). Sentences written for these tests."""

from __future__ import annotations

import pytest
from cyrillic_kit import places


@pytest.mark.parametrize(("text", "span"), [
    ("Вантажні судна застрягли на Рейні через посуху.", "Рейні"),
    ("Баржи с углём снова пошли по Рейну.", "Рейну"),
])
def test_a_river_named_in_an_oblique_case_is_the_river(parser, text, span):
    got = places(parser, text)
    assert got.get(span) is not None, got
    assert got[span][3] == "region" and got[span][1] in (None, ""), got
