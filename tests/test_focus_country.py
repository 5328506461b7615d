"""--focus-country: the country a batch of texts is mostly about leans ambiguous names to its
places, as a hint (places the text itself supports abroad stay abroad), on every command that
geoparses and in the Python API. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

import geomap
from geomap.cli import main
from geomap.geoparse import Geoparser, focus_code
from geomap.scale.cache import run_identity

# "Kalinovo" alone: a village in Sverdlovsk Oblast by default; Kalynove (Donetsk Oblast) is
# one of its namesakes
AMBIGUOUS = "Shelling continued near Kalinovo overnight."


def _country(parser, text, name):
    return next(m.place.country for m in parser.parse(text) if m.name == name and m.place)


def test_a_focus_country_leans_an_ambiguous_name_to_its_place(gazetteer):
    assert _country(Geoparser(gazetteer), AMBIGUOUS, "Kalinovo") == "RU"
    assert _country(Geoparser(gazetteer, focus_country="UA"), AMBIGUOUS, "Kalinovo") == "UA"
    # the hand-written resolver takes the hint too
    hand = Geoparser(gazetteer, focus_country="ua", ranker=False)
    assert _country(hand, AMBIGUOUS, "Kalinovo") == "UA"


def test_a_focus_country_is_a_hint_not_a_filter(gazetteer):
    parser = Geoparser(gazetteer, focus_country="UA")
    assert _country(parser, "Protests filled the streets of Paris on Saturday.",
                    "Paris") == "FR"
    assert _country(parser, "Drones hit Kharkiv while talks went on in Istanbul.",
                    "Istanbul") == "TR"


@pytest.mark.parametrize("bad", ["Ukraine", "U", "U1", "УК"])
def test_a_focus_country_is_a_two_letter_code(bad):
    with pytest.raises(ValueError, match="two-letter"):
        focus_code(bad)


def test_the_cli_and_the_api_take_the_focus_country(capsys, tmp_path, gazetteer):
    src = tmp_path / "reports.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": AMBIGUOUS}) + "\n", encoding="utf-8")
    out = tmp_path / "ev.jsonl"
    assert main(["events", "extract", str(src), "-o", str(out), "--focus-country", "UA"]) == 0
    event = json.loads(out.read_text("utf-8"))["events"][0]
    assert event["location"]["country"] == "UA"
    assert main(["geoparse", str(src), "--focus-country", "Ukraine"]) == 2
    assert "two-letter" in capsys.readouterr().err
    frame = geomap.geoparse(AMBIGUOUS, gazetteer=gazetteer, focus_country="UA")
    assert list(frame["country"]) == ["UA"]


def test_a_focus_country_has_its_own_cache_entries(gazetteer):
    # a document cached without the hint is not reused with it
    assert run_identity(gazetteer, task="mentions") != \
        run_identity(gazetteer, task="mentions", focus_country="UA")
