"""Free-form geocoding: queries written for these tests, one (at least) per pattern."""

from __future__ import annotations

import pytest

from geomap.geocoding import GEO_PRECISIONS, OfflineGeocoder, geocode_freeform


@pytest.fixture(scope="module")
def geo(gazetteer):
    return lambda q, **kw: geocode_freeform(q, gazetteer, **kw)


def test_comma_hierarchy_picks_the_town_inside_the_named_division(geo):
    # two towns called Trostianets: the division decides
    sumy = geo("Trostianets, Sumy Oblast")
    vinnytsia = geo("Trostianets, Vinnytsia Oblast")
    assert sumy.place.admin1 == "Sumy Oblast" and vinnytsia.place.admin1 == "Vinnytsia Oblast"
    assert sumy.precision == "exact" and sumy.matched_text == "Trostianets"


def test_parentheses_constrain_the_place_before_them(geo):
    assert geo("Zolochiv (Kharkiv region)").place.admin1 == "Kharkiv Oblast"
    assert geo("Zolochiv (Lviv region)").place.admin1 == "Lviv Oblast"


def test_kind_words(geo):
    village = geo("the village of Kozacha Lopan")
    assert village.place.name == "Kozacha Lopan" and village.precision == "exact"
    region = geo("Kharkiv oblast")
    assert region.place.feature == "admin1" and region.precision == "admin1"
    town = geo("Izium town")
    assert town.place.feature == "populated_place" and town.place.admin1 == "Kharkiv Oblast"
    # a district named with the larger town it belongs to is a part of that town
    part = geo("Saltivka district of Kharkiv")
    assert part.matched_text == "Saltivka" and part.precision == "exact"


def test_district_adjective_names_its_town_at_district_precision(geo):
    r = geo("Chuhuivskyi raion")
    assert r.place.admin1 == "Kharkiv Oblast" and r.precision == "admin2"


@pytest.mark.parametrize("query", ["outskirts of Kherson", "Kherson vicinity", "north of Kherson",
                                   "Kherson (near)", "near the city of Kherson"])
def test_vicinity_words_give_the_place_with_precision_near(geo, query):
    r = geo(query)
    assert r.place.name == "Kherson" and r.precision == "near"
    assert r.matched_text == "Kherson"


def test_a_place_near_another_is_itself_not_near(geo):
    r = geo("Halhul town near Hebron city")
    assert r.place.country == "PS" and r.matched_text == "Halhul" and r.precision == "exact"


def test_streets_and_landmarks_answer_their_town(geo):
    street = geo("Sadova street, Poltava")
    assert street.place.name == "Poltava" and street.matched_text == "Poltava"
    assert street.precision == "near" and street.unresolved == ()
    station = geo("Kramatorsk railway station")
    assert station.place.name == "Kramatorsk" and station.precision == "near"
    prefix = geo("calle Morelos, Tijuana")  # a street word before the name
    assert prefix.place.name == "Tijuana" and prefix.unresolved == ()
    # an English street word comes after its name: "avenue Tijuana" is no street of Tijuana
    assert geo("Morelos avenue Tijuana").matched_text == "Tijuana"
    named_again = geo("Poltava University (Poltava)")
    assert named_again.place.name == "Poltava" and named_again.precision == "exact"


@pytest.mark.parametrize("query", ["Gherson", "Kherzon", "Khersom", "Kehrson"])
def test_typos_anywhere_in_the_name_including_the_first_letter(geo, query):
    r = geo(query)
    assert r.place is not None and r.place.name == "Kherson" and r.match == "fuzzy"


def test_transliteration_variants_and_cyrillic(geo):
    assert geo("Izium, Kharkiv region").place.name == geo("Izyum").place.name
    r = geo("Ізюм, Харківська область")
    assert r.place.admin1 == "Kharkiv Oblast" and r.matched_text == "Ізюм"
    near = geo("на околиці Херсона")  # "on the outskirts of Kherson", genitive case
    assert near.place.name == "Kherson" and near.precision == "near"


def test_unknown_place_answers_the_enclosing_unit_and_says_so(geo):
    r = geo("Xyzzyvka village, Kharkiv Oblast")
    assert r.place.name == "Kharkiv Oblast" and r.precision == "admin1"
    assert r.unresolved == ("Xyzzyvka",)
    district = geo("Boguszvil (Izium district)")
    assert district.place.admin1 == "Kharkiv Oblast" and district.precision == "admin2"
    country = geo("a farm somewhere in Moldova")
    assert country.place.feature == "country" and country.precision == "country"


def test_a_neighbourhood_inside_a_larger_town_wins(geo):
    r = geo("Kyiv: Obolon")
    assert r.matched_text == "Obolon" and r.place.admin1 == "Kyiv"


@pytest.mark.parametrize("query", [
    "x" * 10_000,
    ("Lviv, " * 2_000)[:10_000],
    "Kyiv \x00\x07 (((",
    "Lviv)",
    "ЛьвівLviv 北京 Київ",
    "))((",
    "\u200b\u200e",
    "🔥🔥 near 🔥",
    "of the near",
])
def test_bad_input_gives_an_answer_or_a_clean_not_found(geo, query):
    r = geo(query)
    assert r.precision in GEO_PRECISIONS
    assert (r.place is None) == (r.precision == "unknown")
    r.to_json()


def test_country_and_feature_options(gazetteer):
    only_admin1 = OfflineGeocoder(gazetteer, feature=("admin1",)).geocode("Izium, Kharkiv region")
    assert only_admin1.place.feature == "admin1"
    assert OfflineGeocoder(gazetteer, country="PL").geocode("Kherson").place is None


def test_fuzzy_candidates_reach_first_letter_typos(gazetteer):
    keys = dict(gazetteer.fuzzy_matches("gharkiv", 1))
    assert keys.get("kharkiv") == 1
    assert "kharkiv" in dict(gazetteer.fuzzy_matches("harkiv", 1))   # first letter dropped
    assert gazetteer.fuzzy_matches("kharkiv", 0) == []


def test_a_part_named_after_a_far_place_gives_way_to_its_town(geo):
    # Veracruz (Mexico) and Medellin (Colombia) disagree: the neighbourhood is Medellin's
    r = geo("Veracruz neighborhood of Medellin")
    assert r.place.country == "CO" and r.matched_text == "Medellin"
    assert r.precision == "near" and r.unresolved == ("Veracruz",)
    # pieces of one unknown name do not vouch for each other; the name is reported whole
    r = geo("Barrio Altos de Zylverado, Barranquilla")
    assert r.place.name == "Barranquilla" and r.unresolved == ("Altos de Zylverado",)


def test_python_api_geocode(gazetteer):
    import geomap

    one = geomap.geocode("Trostianets, Sumy Oblast", gazetteer=gazetteer)
    assert one.place.admin1 == "Sumy Oblast" and one.to_json()["geo_precision"] == "exact"
    many = geomap.geocode(["outskirts of Kherson", "Qqqzzzx"], gazetteer=gazetteer)
    assert [r.precision for r in many] == ["near", "unknown"]
    assert geomap.geocode("Kherson", country="PL", gazetteer=gazetteer).place is None


def test_unknown_place_in_a_region_named_like_its_capital_answers_the_region(geo):
    # the oblast and its capital share the name: the unknown village lies somewhere in the
    # oblast, not next to the city
    r = geo("Qqzorivka, Poltava")
    assert r.place.name == "Poltava Oblast" and r.precision == "admin1"
    assert r.unresolved == ("Qqzorivka",) and r.matched_text == "Poltava"
    # a kind word or a vicinity word still says the city is meant
    city = geo("Qqzorivka, Poltava city")
    assert city.place.feature == "populated_place" and city.precision == "near"
    assert geo("outskirts of Poltava").place.feature == "populated_place"
    # a known village keeps its own point
    assert geo("Reshetylivka, Poltava").place.name == "Reshetylivka"


def test_a_possessive_or_suburb_word_after_the_capital_keeps_the_city(geo):
    # "Poltava's ... suburb": a part of the town, not somewhere in the oblast
    for query in ("Qqzorivka (Poltava's southern suburb)", "Qqzorivka, Poltava’s outskirts",
                  "Qqzorivka, Poltava neighbourhood"):
        r = geo(query)
        assert r.place.feature == "populated_place" and r.place.name == "Poltava", query
        assert r.precision == "near" and r.unresolved == ("Qqzorivka",)


def test_a_spelling_variant_prefers_the_closer_name_and_says_it_is_fuzzy(geo):
    # "Kremenna" collapses by transliteration to a Bulgarian village's variant name; the
    # Ukrainian town one letter away is the better-known reading
    r = geo("Kremenna")
    assert r.place.country == "UA" and r.place.admin1 == "Luhansk Oblast"
    assert r.match == "fuzzy" and r.confidence < geo("Kreminna").confidence == 1.0
    assert r.to_json()["confidence"] == r.confidence
    assert geo("Xqzzyvqq").confidence is None


def test_a_query_of_one_well_known_name_is_answered(geo):
    # a name that is also a frequent English word is a name when it is the whole query: the
    # best-known namesake (the capital city), never "unknown"
    for query in ("Washington", "washington", "Washington DC"):
        r = geo(query)
        assert r.place is not None and r.place.feature == "populated_place", query
        assert r.place.admin1_code == "US.DC" and r.precision == "exact", query
    # "D.C." is one abbreviation: the District of Columbia, not three parts and "unknown"
    assert geo("Washington, D.C.").place.admin1_code == "US.DC"
    r = geo("Springfield")
    assert r.place.name == "Springfield" and r.place.country == "US"
    # dotted single letters are one abbreviation, not three parts of the query
    assert geo("U.S.").place.feature == "country"
    # a frequent word in a lower-case phrase is still no place
    assert geo("near the market").place is None


def test_a_far_better_known_place_beats_a_small_namesake_of_its_alternate_name(geo):
    # "Odessa" is an alternate name of the Ukrainian city of a million and the own name of a
    # Texan town a tenth of its size: the city, unless the rest of the query says otherwise
    city = geo("Odessa")
    assert city.place.country == "UA" and city.place.feature == "populated_place"
    assert city.match == "alternate_name" and city.precision == "exact"
    assert geo("Odessa, Texas").place.country == "US"
    # a namesake of comparable size keeps its own name's advantage
    assert geo("Springfield").place.country == "US"


def test_a_capitalised_article_opens_a_name(geo):
    # "El", "La", "Los" join the parts of a query but also open names: the whole name, not
    # its tail as another place's alternate name ("Paso", "Paz", "Angeles" abroad)
    for query, country, name in (("El Paso", "US", "El Paso"), ("La Paz", "BO", "La Paz"),
                                 ("Los Angeles", "US", "Los Angeles"),
                                 ("El Obeid", "SD", "El Obeid")):
        r = geo(query)
        assert (r.place.country, r.place.name) == (country, name), query
        assert r.match == "exact" and r.matched_text == query
    # an unknown camp named beside its town: near the town, the camp unresolved
    camp = geo("Abu Hamra camp, El Obeid")
    assert camp.place.name == "El Obeid" and camp.precision == "near"
    assert camp.unresolved == ("Abu Hamra",)


def test_a_common_word_is_a_name_when_the_rest_of_the_query_places_it(geo):
    # "Tyre" is a frequent English word; named with its region or country it is the town
    for query in ("Tyre, South Lebanon", "Tyre, Lebanon"):
        r = geo(query)
        assert r.place.name == "Tyre" and r.place.country == "LB", query
        assert r.precision == "exact" and not r.unresolved
    # a frequent word that no other part vouches for is still no place
    assert geo("market, Kyiv").matched_text == "Kyiv"


def test_a_peoples_republic_is_the_region_not_its_capital(geo):
    for query in ("Donetsk People's Republic", "Luhansk People's Republic"):
        r = geo(query)
        assert r.place.feature == "admin1" and r.precision == "admin1", query
    assert geo("Donetsk").place.feature == "populated_place"


def test_a_typo_guess_nothing_else_supports_says_so(geo):
    # a bare name a few letters from a known town is a guess: it keeps its answer but says so
    # with match "fuzzy" and a low confidence ("Gherson" is Kherson; "Tamboul" is not Istanbul)
    for query in ("Gherson", "Tamboul"):
        r = geo(query)
        assert r.match == "fuzzy" and r.confidence == 0.2, query
        assert r.to_json()["confidence"] == 0.2
    # the same typo beside the town's region is supported by it
    r = geo("Gherson, Kherson Oblast")
    assert r.place.name == "Kherson" and r.match == "fuzzy" and r.confidence == 0.5


def test_a_village_near_a_town_is_not_a_far_namesake(geo):
    # the gazetteer knows a Stepove only in Mykolaiv Oblast, 400 km from Avdiivka: the answer
    # is near the town the query names as the anchor, the village unresolved
    for query in ("village of Stepove near Avdiivka", "Stepove village, near Avdiivka"):
        r = geo(query)
        assert r.place.admin1 == "Donetsk Oblast" and r.precision == "near", query
        assert r.unresolved == ("Stepove",)
