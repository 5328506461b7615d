"""A village named with the Russian oblast it lies in is never a namesake in another
country; a settlement's mention is its name without the kind word. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from cyrillic_kit import places


@pytest.mark.parametrize(("text", "span"), [
    # the gazetteer has no such village in Kursk Oblast: unresolved, not the namesake in
    # Poltava Oblast, and the mention is the name without its kind word
    ("Запеклі бої точаться біля села Мартинівка (Курська обл.).", "Мартинівка"),
    ("У Курській області ЗСУ відбили атаку на Мартинівку.", "Мартинівку"),
    ("На Курщині тривають бої біля Плехова.", "Плехова"),
])
def test_a_village_named_with_a_russian_oblast_is_no_ukrainian_namesake(parser, text, span):
    got = places(parser, text)
    assert span in got, got
    assert got[span] is None or got[span][1] == "RU", got



def test_a_village_with_its_own_country_named_beside_keeps_its_namesake(parser):
    got = places(parser, "У Курській області та на Полтавщині бої за Мартинівку.")
    assert got.get("Мартинівку") is not None and got["Мартинівку"][1] == "UA", got



def test_a_settlement_mention_is_its_name_without_the_kind_word(parser):
    got = places(parser, "Вранці дрон влучив у будинок у селі Кривобалківка.")
    assert "Кривобалківка" in got and not any(k.startswith("сел") for k in got), got


@pytest.mark.parametrize("text", [
    "Про обстріл розповів голова села Степан Гнатюк.",
    "Об этом рассказал глава посёлка Пётр Смирнов.",
])
def test_a_person_after_a_title_and_a_settlement_word_is_no_settlement(parser, text):
    assert places(parser, text) == {}


def test_an_unknown_village_after_a_title_and_a_settlement_word_stays(parser):
    got = places(parser, "Про обстріл розповів староста села Кривобалківка.")
    assert "Кривобалківка" in got, got
