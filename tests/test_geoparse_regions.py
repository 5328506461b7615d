"""Regions news names that GeoNames' cities lack (data/gazetteer/regions.tsv) are regions, not
a village or a foreign province that shares the name. Sentences written for these tests."""

from __future__ import annotations

import pytest


def found(parser, text):
    """{surface span: (name, feature, country) or None} of the mentions of ``text``."""
    return {m.name: (m.place.name, m.place.feature, m.place.country) if m.place else None
            for m in parser.parse(text)}


@pytest.mark.parametrize("text,name,country", [
    # before: Bay, Somalia
    ("Residents of the Bay Area felt a strong quake before dawn.", "Bay Area", "US"),
    # before: nothing (no place of that name)
    ("Wildfire smoke settled over the Pacific Northwest for a week.", "Pacific Northwest", ""),
    # before: a village in Yemen
    ("Smugglers crossed the Sahara with fuel and weapons.", "Sahara", ""),
    # before: Ma'rib, Yemen, by a typo match
    ("Jihadist cells recruit across the Maghreb and the Sahel.", "Maghreb", ""),
    # before: Gold Coast, Australia, by a typo match
    ("Refineries along the Gulf Coast shut before the hurricane.", "Gulf Coast", "US"),
    ("Police in the East Midlands arrested two men after the raid.", "East Midlands", "GB"),
])
def test_a_region_is_the_region(parser, text, name, country):
    got = found(parser, text)
    assert got[name] is not None and got[name][1] == "region", got
    assert (got[name][2] or "") == country, got


def test_zimbabwes_midlands_province_stays_zimbabwes(parser):
    got = found(parser, "Drought hit farmers in Zimbabwe's Midlands province near Gweru.")
    assert got["Midlands province"][2] == "ZW", got
