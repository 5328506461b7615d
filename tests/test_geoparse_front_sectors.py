"""A front sector named after its town ("the Pokrovsk axis") names that town, while "the Reading
festival" still names no place (new-user3 34). Own sentences."""

from __future__ import annotations

import pytest

from geomap.geoparse import Geoparser


@pytest.mark.parametrize(("text", "names"), [
    ("Heavy fighting went on along the Pokrovsk axis overnight.", ["Pokrovsk"]),
    ("The Kupiansk axis stayed the most active part of the line.", ["Kupiansk"]),
    ("On the Kurakhove direction, defenders repelled 22 assaults.", ["Kurakhove"]),
    ("Shelling grew worse on the Kupiansk and Lyman axes this week.", ["Kupiansk", "Lyman"]),
    ("The Vuhledar front was quiet for a day.", ["Vuhledar"]),
])
def test_a_front_sector_names_its_town(parser, text, names):
    found = parser.parse(text)
    assert [m.name for m in found] == names
    assert all(m.place is not None and m.place.country == "UA" for m in found), found


def test_a_thing_named_after_a_town_is_still_no_place(gazetteer):
    p = Geoparser(gazetteer)
    assert p.parse("Fans camped for days at the Reading festival grounds.") == []
