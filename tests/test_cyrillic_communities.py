"""A hromada (громада, ТГ; Russian община) named by its centre's adjective is the centre
town. Sentences written for these tests."""

from __future__ import annotations

import pytest
from cyrillic_kit import places


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


@pytest.mark.parametrize("text", [
    "Уночі дрони атакували Кам'янське, Марганецьку громаду та Покров.",
    "Ворог бив по Кам'янському та Нікопольській громаді.",
])
def test_a_town_listed_before_a_hromada_stays_a_town(parser, text):
    # Кам'янське also reads as a neuter adjective, but громада is feminine: the list's words
    # before a division word agree with it, so the town is no "Кам'янська громада"
    got = places(parser, text)
    town = next(k for k in got if k.startswith("Кам"))
    assert got[town] is not None and got[town][:3] == ("Kamyanske", "UA",
                                                       "Dnipropetrovsk Oblast"), got


def test_adjectives_of_a_list_before_one_division_word_stay_divisions(parser):
    got = places(parser, "Вибухи лунали у Чернігівській, Сумській та Харківській областях.")
    assert {v[0] for v in got.values() if v} == {"Chernihiv Oblast", "Sumy Oblast",
                                                 "Kharkiv Oblast"}, got
