"""Where a report's main event happened (events from text, geomap.events.extract._where).

Every text here was written for these tests, one per genre or pattern: dataset notes, incident
lines with a date prefix, "where + headline" fragments, wire headline + summary, civilian-harm
descriptions, reports that describe no event, and bad input.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from geomap.events.extract import extract_events
from geomap.events.schema import GEO_PRECISIONS
from geomap.sources import Article


@pytest.fixture(scope="module")
def primary(parser, gazetteer):
    def run(text: str, date=dt.date(2024, 3, 4)):
        art = Article(id="t", text=text, date=date)
        events = extract_events(art, parser.parse(text), gazetteer)
        assert sum(e.primary for e in events) <= 1
        for e in events:
            assert e.geo_precision in GEO_PRECISIONS
            assert (e.location is None) == (e.location_evidence is None)
        return next((e for e in events if e.primary), None)
    return run


def located(ev):
    assert ev is not None and ev.location is not None, ev
    return ev.location


# -- genres ---------------------------------------------------------------------------------
def test_dataset_note_with_parenthesised_hierarchy(primary):
    ev = primary("On 12 August 2019, armed men ambushed a patrol near Djibo (Djibo, Soum), "
                 "wounding three gendarmes.")
    place = located(ev)
    assert (place.name, place.country) == ("Djibo", "BF")
    assert ev.type == "assault" and ev.date == dt.date(2019, 8, 12)
    assert ev.geo_precision == "near" and ev.location_evidence == "clause"


def test_incident_line_with_date_prefix(primary):
    ev = primary("02/09/2023 Footage shows the remains of a burnt warehouse after a strike in "
                 "Pavlohrad.")
    place = located(ev)
    assert place.name == "Pavlohrad" and place.admin1 == "Dnipropetrovsk Oblast"
    assert ev.type == "assault" and ev.geo_precision == "exact"
    assert ev.date == dt.date(2023, 9, 2)  # the prefix, day first


def test_where_fragment_then_headline(primary):
    ev = primary("on the outskirts of Kupiansk, Kharkiv region. Three people wounded by "
                 "artillery fire")
    place = located(ev)
    assert place.admin1 == "Kharkiv Oblast" and place.feature == "populated_place"
    assert place.name.startswith("Kup")
    assert ev.location_evidence == "where" and ev.geo_precision == "near"


def test_where_line_beats_the_place_in_the_headline(primary):
    ev = primary("Mykolaivka village, Kramatorsk district. Two soldiers wounded in Donetsk "
                 "region shelling")
    place = located(ev)
    assert place.name.startswith("Mykola") and place.admin1 == "Donetsk Oblast"
    assert ev.location_evidence == "where"


def test_wire_headline_place_comes_from_the_summary(primary):
    ev = primary("Missile attack leaves city without power\nSubstations around Kremenchuk were "
                 "hit before dawn, the regional governor said.")
    place = located(ev)
    assert place.name == "Kremenchuk"
    assert ev.type == "assault" and ev.location_evidence == "summary"


def test_headline_place_carries_into_the_summary(primary):
    ev = primary("Explosions rock Chernihiv overnight\nA drone hit the roof of a dormitory, the "
                 "mayor said, and two students were hurt.")
    assert located(ev).name == "Chernihiv"


def test_civilian_harm_district_of_a_city(primary):
    ev = primary("Apartment block hit; images show shattered windows near a kindergarten in the "
                 "Kyivskyi district of Odesa.")
    place = located(ev)
    assert place.name == "Odesa" and place.feature == "populated_place"


# -- patterns -------------------------------------------------------------------------------
def test_town_named_in_another_sentence_beats_the_country(primary):
    ev = primary("Gunmen attacked a market in northern Mali on Sunday.\nWitnesses said stalls "
                 "in the market of Bandiagara burned for hours.")
    place = located(ev)
    assert place.name == "Bandiagara" and place.country == "ML"
    assert ev.geo_precision == "exact"


def test_country_only_when_nothing_more_specific(primary):
    ev = primary("Gunmen attacked a convoy in northern Mali on Sunday, the army said.")
    place = located(ev)
    assert place.feature == "country" and place.country == "ML"
    assert ev.geo_precision == "country"


def test_people_from_a_town_are_weak_evidence(primary):
    ev = primary("A man from Lviv was killed when a drone struck a petrol station in Sumy.")
    assert located(ev).name == "Sumy"


def test_possessive_place(primary):
    ev = primary("Drones damaged warehouses in Odesa's port overnight.")
    assert located(ev).name == "Odesa"


def test_village_of(primary):
    ev = primary("Shelling destroyed two houses in the village of Velyka Novosilka on Tuesday.")
    place = located(ev)
    assert place.name == "Velyka Novosilka" and place.admin1 == "Donetsk Oblast"


def test_parenthesised_place_when_the_named_camp_is_unknown(primary):
    ev = primary("Fighters raided a mining camp (Kalehe, South Kivu) overnight, killing four.")
    place = located(ev)
    assert place.country == "CD" and place.admin1 == "South Kivu"
    assert ev.location_evidence == "parenthesis"


def test_region_in_headline_narrowed_to_the_town_of_the_summary(primary):
    ev = primary("Shelling in the Donetsk region.\nResidents of Kostiantynivka spent the night "
                 "in basements as shells hit the town centre.")
    place = located(ev)
    assert place.feature == "populated_place" and place.admin1 == "Donetsk Oblast"


def test_village_of_that_name_in_the_region_named_beside_it(primary):
    # there are villages called Andriivka in many oblasts; the fragment names the region
    ev = primary("the village of Andriivka (Zaporizhzhia region). One soldier killed by "
                 "sniper fire")
    place = located(ev)
    assert place.admin1 == "Zaporizhzhia Oblast" and place.feature == "populated_place"


def test_village_unknown_in_the_region_named_gives_the_region(primary):
    # the gazetteer knows Pisky only outside Donetsk Oblast: the region is what is certain
    ev = primary("the village of Pisky (Donetsk region). One soldier killed by sniper fire")
    place = located(ev)
    assert place.feature == "admin1" and place.admin1 == "Donetsk Oblast"
    assert ev.geo_precision == "admin1"


def test_village_known_only_abroad_gives_the_division_named_for_it(primary):
    # the gazetteer knows a Sokolovo only in Russia: the oblast the text names is what is sure
    ev = primary("Two civilians were wounded by shelling in Sokolovo, Donetsk oblast, on "
                 "Sunday.")
    place = located(ev)
    assert place.feature == "admin1" and place.admin1 == "Donetsk Oblast"
    assert ev.geo_precision == "admin1" and ev.location_evidence == "division"


def test_division_framing_the_sentence_constrains_the_village(primary):
    # no Mirnoye in Kherson Oblast in the gazetteer, several elsewhere in Ukraine
    ev = primary("In the Kherson region, a drone struck a shop in Mirnoye.")
    place = located(ev)
    assert place.feature == "admin1" and place.admin1 == "Kherson Oblast"
    assert ev.location_evidence == "division"


@pytest.mark.parametrize("region, oblast", [("Zaporizhzhia", "Zaporizhzhia Oblast"),
                                            ("Donetsk", "Donetsk Oblast")])
def test_same_name_village_inside_the_division_named(primary, region, oblast):
    ev = primary(f"Two civilians were wounded in Vesele in the {region} region.")
    place = located(ev)
    assert place.feature == "populated_place" and place.admin1 == oblast


def test_a_repeated_name_is_no_support_for_itself(primary):
    # the headline repeats the village's name: still the far namesake against the oblast
    ev = primary("near the village of Pisky, Yasynuvata district, Donetsk region. Pisky")
    place = located(ev)
    # the district (by its centre town) or the oblast, never more precise than the district
    assert place.admin1 == "Donetsk Oblast" and ev.geo_precision in ("admin2", "admin1"), ev


def test_a_town_naming_its_district_is_as_precise_as_the_district(primary):
    ev = primary("Shelling damaged a school in the Yasynuvata district on Monday.")
    assert located(ev).name == "Yasynuvata" and ev.geo_precision == "admin2", ev
    ev = primary("Shelling damaged a school in Yasynuvata on Monday.")
    assert located(ev).name == "Yasynuvata" and ev.geo_precision == "exact", ev


def test_small_place_known_only_far_away_is_a_part_of_the_town_named_with_it(primary):
    # the gazetteer's Pisky are hundreds of km from Donetsk: the town named with it is sure
    ev = primary("Two soldiers were wounded by shelling in Pisky near Donetsk.")
    place = located(ev)
    assert place.name == "Donetsk" and place.feature == "populated_place"


def test_a_list_of_towns_is_not_a_place_and_its_town(primary):
    ev = primary("Drones hit Pisky, Odesa and Lviv overnight.")
    place = located(ev)
    assert place.name != "Odesa"


def test_capitalised_first_word_of_a_foreign_sentence_is_last_among_equals(primary):
    # Spanish "Caen" (they fall) opens the sentence; the town after "en" is where
    ev = primary("Caen dos policías heridos en un ataque con explosivos en Pereira")
    assert located(ev).name == "Pereira"
    # a dateline-like "Caen :" stays a place
    ev = primary("Caen : deux policiers blessés lors d'une attaque à Pereira")
    assert located(ev).name == "Caen"


@pytest.mark.parametrize("text, feature", [
    ("Gunmen killed four traders in Veracruz on Friday.", "populated_place"),
    ("Gunmen killed four traders in Veracruz state on Friday.", "admin1"),
    ("Gunmen killed four traders in the countryside of Veracruz.", "admin1"),
])
def test_a_bare_name_of_a_state_and_its_capital_is_the_city(primary, text, feature):
    ev = primary(text)
    place = located(ev)
    assert place.country == "MX" and place.feature == feature
    assert ev.geo_precision == ("exact" if feature == "populated_place" else "admin1")


def test_places_joined_by_and_are_not_a_town_and_its_division(primary):
    ev = primary("Shelling hit Kharkiv and Sumy region overnight.")
    place = located(ev)
    assert place.feature == "populated_place" and place.admin1 == "Kharkiv Oblast"
    assert ev.location_evidence != "division"


def test_no_trigger_but_an_event_word(primary):
    ev = primary("Rubble and a burnt car outside the central market of Kherson after the night.")
    place = located(ev)
    assert place.name == "Kherson" and ev.type is None
    assert 0 < ev.confidence < 0.6


def test_bare_place_line_is_a_located_event(primary):
    ev = primary("Balakliia, Kharkiv Oblast.")
    place = located(ev)
    assert place.admin1 == "Kharkiv Oblast" and place.feature == "populated_place"
    assert ev.type is None and ev.trigger is None


def test_unrelated_sentence_is_no_evidence(primary):
    ev = primary("Troops clashed overnight, the army said.\n\nReporters were waiting in Kyiv.")
    assert ev is not None and ev.location is None


@pytest.mark.parametrize("text", [
    "Residents of Pokrovsk queue for the last evacuation buses as the front nears",
    "Water and power are back in Mykolaiv after three days",
    "Volunteers in Sumy hand out bread to families sheltering in the metro",
])
def test_an_event_no_word_names_still_gets_a_located_event(primary, text):
    # no trigger and no event word, but a report of what happened at a place: an event of
    # type null, located, with a low confidence
    ev = primary(text)
    place = located(ev)
    assert place.feature == "populated_place" and place.country == "UA"
    assert ev.type is None and 0 < ev.confidence < 0.5


def test_a_province_named_as_who_acted_locates_at_the_province(primary):
    # the only place is the state whose police acted: the state, with a weak evidence
    ev = primary("Zamfara police arrest twelve suspected bandits")
    place = located(ev)
    assert place.feature == "admin1" and place.country == "NG"
    assert ev.location_evidence == "actor" and ev.geo_precision == "admin1"


def test_a_country_named_for_its_army_is_not_where(primary):
    # armies fight abroad: "Chad troops" does not put the event in Chad
    ev = primary("Chad troops advance after a night of heavy fighting")
    assert ev is None or ev.location is None or ev.location.country != "TD"


# -- reports that describe no event ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Odesa's opera house celebrates its 140th season with a new staging of Verdi.",
    "Analysis: what a pause in the fighting near Zaporizhzhia would mean for grain exports",
    "The Kyiv, a new electric scooter, goes on sale in May.",
    "Lviv is a city of cafés, cobbled streets and churches.",
    "Chernivtsi is the favourite weekend destination of the region.",
    "A jazz festival returns to Vinnytsia this summer with forty bands",
    "Sunny skies and a warm weekend forecast for Dnipro",
    "Review | a night at the Kharkiv puppet theatre",
    "Interview: the mayor of Uzhhorod on roads, schools and the budget",
    # a sports result, though "strike" reads as a trigger
    "Dynamo Kyiv strike late to beat Shakhtar 2-1 in Lviv",
    "Obolon draw 0-0 with Rukh in the Ukrainian cup in Ternopil",
])
def test_no_event_no_located_primary(primary, text):
    ev = primary(text)
    assert ev is None or ev.location is None


# -- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   \n ", "Two people were hurt in a blast overnight.",
                                  "((( ;;; )))", "\x00\x07 killed"])
def test_empty_or_placeless(primary, text):
    ev = primary(text)
    assert ev is None or ev.location is None


def test_demonym_alone_at_most_the_country(primary):
    for text in ("Russian troops advanced.", "Ukrainian villagers were evacuated after the "
                 "dam burst."):
        ev = primary(text)
        if ev is not None and ev.location is not None:
            assert ev.location.feature == "country" and ev.geo_precision == "country"


def test_ukrainian_event_has_precision_and_evidence(primary):
    ev = primary("Вночі ворог обстріляв Нікополь, поранено двох людей.")
    place = located(ev)
    assert place.name.startswith("Nikopol") and ev.geo_precision == "exact"
    assert ev.location_evidence == "clause"


def test_cli_writes_precision_and_evidence(tmp_path, gazetteer):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a", "text": "Balakliia, Kharkiv Oblast."},
        {"id": "b", "text": "Lviv is a city of cafés and churches."},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "geomap", "events", "extract", str(src), "-o",
                    str(out)], check=True, capture_output=True, timeout=600)
    a, b = (json.loads(x) for x in out.read_text("utf-8").splitlines())
    (ev,) = a["events"]
    assert ev["primary"] and ev["type"] is None and ev["lat"] is not None
    assert ev["geo_precision"] == "exact" and ev["location_evidence"] == "where"
    assert b["events"] == []


# -- a country's capital named by its role ----------------------------------------------------
def test_gazetteer_knows_capitals(gazetteer):
    assert gazetteer.capital("ml").name == "Bamako"
    assert gazetteer.capital("KE").name == "Nairobi"
    assert gazetteer.capital("XX") is None


@pytest.mark.parametrize(("text", "city"), [
    ("Police fired tear gas at traders in the Malian capital on Monday, killing one.", "Bamako"),
    ("Two grenade blasts wounded eleven shoppers in Kenya's capital overnight.", "Nairobi"),
    ("A car bomb exploded near a market in the capital of Chad, police said.", "N'Djamena"),
    ("Chad: clashes between herders in the capital leave four dead.", "N'Djamena"),
])
def test_a_capital_named_by_its_role_is_the_capital_city(primary, text, city):
    ev = primary(text)
    place = located(ev)
    assert place.name == city and place.feature == "populated_place"
    assert ev.geo_precision in ("exact", "near")


@pytest.mark.parametrize(("text", "not_city"), [
    ("Gunmen shot a trader dead in the provincial capital of Sindh, Pakistan.", "Islamabad"),
    ("Kenya's economic capital saw clashes between rival gangs.", "Nairobi"),
    ("Protesters from Niger and Mali marched in the capital, clashing with police.", "Bamako"),
])
def test_no_capital_city_for_other_capitals_or_two_countries(primary, text, not_city):
    ev = primary(text)
    assert ev is None or ev.location is None or ev.location.name != not_city


def test_a_credit_line_is_no_evidence_of_where(primary):
    # the broadcaster's city and language in a monitoring credit say where the report came
    # from, not where the event happened
    ev = primary("Gunmen ambush an army convoy in northern Mali CR Source: Radio Kledu, Bamako, "
                 "in French 3 Mar 24")
    place = located(ev)
    assert (place.name, place.feature) == ("Mali", "country")
    ev = primary("Militants ambush convoy in the north CR Source: Radio Kledu, Bamako, in French "
                 "3 Mar 24;Soldiers killed in ambush near Tessalit")
    assert located(ev).name == "Tessalit"


def test_a_town_of_a_named_country_beats_a_region_of_several_countries(primary):
    # "the Sahel" spans many countries: the town the report names in Burkina Faso is where
    place = located(primary("Jihadists killed twelve soldiers in the Sahel;Burkina Faso: army "
                            "post near Djibo overrun"))
    assert (place.name, place.country) == ("Djibo", "BF")


def test_of_equally_fine_places_the_one_in_the_country_of_the_others_wins(primary):
    # "Sham" also names a hamlet abroad; Idlib and Raqqa are both in Syria
    place = located(primary("Sham and Idlib: six people killed in overnight rocket fire, a "
                            "monitor in Raqqa said"))
    assert (place.name, place.country) == ("Idlib", "SY")
