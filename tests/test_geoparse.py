"""The geoparser on the seed article, the samples and hand-made hard cases."""

from __future__ import annotations

import pytest

from geomap.geoparse import ROLES, Geoparser, geoparse


def by_name(mentions):
    out = {}
    for m in mentions:
        out.setdefault(m.name, []).append(m)
    return out


def test_seed_article(parser, seed_text):
    ms = parser.parse(seed_text)
    for m in ms:
        assert seed_text[m.start : m.end] == m.name
        assert m.role in ROLES
        assert 0.0 <= m.confidence <= 1.0
    names = by_name(ms)
    # datelines, countries, capitals, the Kursk border region, demonyms
    wash = names["WASHINGTON"][0]
    assert wash.role == "dateline"
    assert wash.place.feature == "populated_place" and wash.place.country == "US"
    assert abs(wash.place.lat - 38.9) < 0.2
    assert names["North Korea"][0].place.country == "KP"
    assert names["South Korea"][0].place.country == "KR"
    assert {m.place.country for m in names["Russia"]} == {"RU"}
    assert {m.place.country for m in names["Ukraine"]} == {"UA"}
    kursk = names["Kursk border region"][0]
    assert kursk.place.key == "a1:RU.41" and kursk.role == "literal"
    for m in names["North Korean"]:
        assert m.role == "demonym" and m.place.country == "KP"
    assert all(m.role == "demonym" for m in names["Russian"])
    # "Pyongyang and Moscow have adopted a vaguer stance": governments
    assert all(m.role == "metonymic" for m in names["Pyongyang"])
    assert names["Moscow"][-1].role == "metonymic"
    assert names["Pyongyang"][0].place.country == "KP"
    assert names["Moscow"][0].place.country == "RU"
    # "North Korea said on Tuesday": the government speaking
    assert names["North Korea"][0].role == "metonymic"
    # people and institutions are not places
    for not_a_place in ("Singh", "Lee", "Pentagon", "Hui", "Western", "FM", "NATO"):
        assert not_a_place not in names, not_a_place


@pytest.mark.parametrize(
    ("text", "name", "country", "feature"),
    [
        ("Shelling hit Berestove, Donetsk Oblast, on Monday.", "Donetsk Oblast", "UA", "admin1"),
        ("Russian forces advanced near Pokrovsk in Donetsk Oblast.", "Pokrovsk", "UA",
         "populated_place"),
        ("The mayor of Paris, Texas, spoke on Friday.", "Paris", "US", "populated_place"),
        ("Officials in Tbilisi said Georgia would not join.", "Georgia", "GE", "country"),
        ("Atlanta is the capital of Georgia, where the governor signed the bill.", "Georgia",
         "US", "admin1"),
        ("Strikes on Kharkiv and Kyiv continued overnight.", "Kyiv", "UA", "populated_place"),
        ("Войска вошли в Курск.", "Курск", "RU", "populated_place"),
        ("Air raid alerts sounded in Kyiv and Lviv; Kharkov was hit.", "Kharkov", "UA",
         "populated_place"),
    ],
)
def test_ambiguity_resolved_by_context(parser, text, name, country, feature):
    m = by_name(parser.parse(text))[name][0]
    assert m.place.country == country
    assert m.place.feature == feature


def test_words_and_people_are_not_places(parser):
    text = ("In March, coach Reading said Lee Singh would visit Nice people. "
            "Turkey was served. Will Chad come? We met Sabrina Lincoln at the Pentagon.")
    names = by_name(parser.parse(text))
    for word in ("March", "Reading", "Lee", "Singh", "Nice", "Will", "We", "Lincoln", "Pentagon"):
        assert word not in names, word


def test_all_caps_headline_and_html_and_bullets(parser):
    text = ("UKRAINIAN DRONES HIT REFINERY IN RUSSIA'S SARATOV\n\n"
            "<p>KYIV &mdash; Drones struck a refinery in Saratov, officials said.</p>\n"
            "- Kyiv said air defences shot down 20 drones\n- Poland scrambled jets\n")
    names = by_name(parser.parse(text))
    assert names["KYIV"][0].role == "dateline"
    assert names["Saratov"][0].place.country == "RU"
    assert names["Poland"][0].place.country == "PL"
    assert "REFINERY" not in names


def test_bad_input_gives_sensible_results(parser):
    assert parser.parse("") == []
    assert parser.parse("   \n\t") == []
    assert parser.parse("no places here at all, just words.") == []
    junk = "".join(chr(c) for c in range(1, 3000)) * 5
    assert isinstance(parser.parse(junk), list)
    big = ("Troops moved from Kursk toward Sudzha. " * 40000)  # ~1.5 MB
    ms = parser.parse(big)  # parsed in windows: offsets still those of the whole text
    assert len(ms) == 80000 and all(big[m.start : m.end] == m.name for m in ms)
    assert {m.name for m in ms} == {"Kursk", "Sudzha"}


def test_roles_filter_and_function_form(gazetteer, seed_text):
    ms = geoparse(seed_text, gazetteer=gazetteer, roles=["literal", "metonymic"])
    assert ms and {m.role for m in ms} <= {"literal", "metonymic"}
    with pytest.raises(ValueError):
        Geoparser(gazetteer, roles=["bogus"])


def test_results_do_not_depend_on_texts_parsed_before(gazetteer):
    # the recogniser keeps each name's candidates between texts, by how the name is written:
    # the same names written otherwise before ("US" / "U.S." / "Us", capitals, a dot, an
    # area word) must not change what a later text gives
    earlier = [
        "US AND ALLIES MEET IN GEORGIA\nThe U.S. envoy flew to Tbilisi, Georgia.",
        "Us and them: a Georgia (US) town votes. Calif. and the Kursk region too.",
        "GEORGIA — Officials in Atlanta, Georgia said the US would help.",
    ]
    later = ("ATLANTA — The US sent aid to Georgia on Monday, and U.S. troops left Kursk "
             "for the Kursk border region. Us? Georgia's capital Tbilisi said nothing.")
    fresh = [m.to_json() for m in Geoparser(gazetteer).parse(later)]
    used = Geoparser(gazetteer)
    for text in earlier:
        used.parse(text)
    assert [m.to_json() for m in used.parse(later)] == fresh
    assert {m["name"] for m in fresh} >= {"ATLANTA", "US", "U.S.", "Georgia"}
