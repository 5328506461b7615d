"""A hromada (громада, ТГ; Russian община) named by its centre's adjective is the centre
town. Sentences written for these tests."""

from __future__ import annotations

import pytest


def places(parser, text):
    """{surface span: (place name, country, admin1, feature) or None}."""
    return {m.name: (m.place.name, m.place.country, m.place.admin1, m.place.feature)
            if m.place else None for m in parser.parse(text)}


@pytest.mark.parametrize(("text", "span"), [
    ("Вночі ворог гатив по Нікопольській громаді з артилерії.", "Нікопольській громаді"),
    ("Двоє поранених у Марганецькій громаді.", "Марганецькій громаді"),
    ("Обстріл Нікопольської ТГ тривав усю ніч.", "Нікопольської ТГ"),
    ("Артиллерия била по Никопольской общине.", "Никопольской общине"),
])

def test_a_hromada_named_by_its_adjective_is_its_centre_town(parser, text, span):
    got = places(parser, text)
    assert got.get(span) is not None, got
    assert got[span][1] == "UA" and got[span][2] == "Dnipropetrovsk Oblast", got
    assert got[span][3] == "populated_place", got
