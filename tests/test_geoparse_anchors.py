"""A small town named with its division ("X in Donetsk Oblast", "villages such as X, Y and Z"
after the oblast) or beside a town it lies near ("X north of Y") is the namesake there, or
unresolved: never a namesake in another oblast or country; an attacker's nationality is no
evidence of where a town is. Sentences written for these tests."""

from __future__ import annotations


def places(parser, text):
    """{surface span: (admin-1 name, country code) or None} of the mentions of ``text``."""
    return {m.name: (m.place.admin1, m.place.country) if m.place else None
            for m in parser.parse(text)}


def test_a_list_of_villages_after_the_oblast_stays_in_it(parser):
    # neither village is in the gazetteer's Kursk Oblast; their namesakes are in Ukraine
    got = places(parser, "Troops pushed into Kursk Oblast and seized villages such as "
                         "Lyubimovka and Plekhovo within a day.")
    assert got["Kursk Oblast"] == ("Kursk Oblast", "RU")
    assert got["Lyubimovka"] is None, got
    assert got["Plekhovo"] is None, got


def test_the_same_names_without_the_oblast_keep_their_namesakes(parser):
    got = places(parser, "Reporters visited Lyubimovka and Plekhovo last spring.")
    assert got["Lyubimovka"] is not None and got["Plekhovo"] is not None


def test_a_village_with_a_namesake_inside_the_oblast_named_after_it(parser):
    got = places(parser, "Shelling damaged homes in Novooleksandrivka in Dnipropetrovsk Oblast.")
    assert got["Novooleksandrivka"] == ("Dnipropetrovsk Oblast", "UA"), got


def test_a_village_named_north_of_a_town_is_not_a_far_namesake(parser):
    got = places(parser, "Fighting went on around the village of Stepove north of Avdiivka.")
    assert got["Avdiivka"] == ("Donetsk Oblast", "UA")
    # the gazetteer's Stepove lies far from Avdiivka: no answer beats a wrong one
    assert got["Stepove"] is None or got["Stepove"][0] == "Donetsk Oblast", got


def test_a_town_near_its_neighbour_keeps_the_close_namesake(parser):
    got = places(parser, "Police closed roads in Athens near Tyler after the storm.")
    assert got["Athens"] == ("Texas", "US"), got



def test_an_anchor_after_a_comma_picks_the_close_namesake(parser):
    text = "Shelling went on near the village of Kalynove, east of Pokrovsk, on Friday."
    ms = {m.name: m for m in parser.parse(text)}
    pok, kal = ms["Pokrovsk"].place, ms["Kalynove"].place
    assert pok.country == "UA" and kal is not None
    # the Kalynove a few dozen km east of Pokrovsk, not the one ~90 km to the south
    assert abs(kal.lat - pok.lat) < 0.5 and kal.lon > pok.lon, (kal, pok)


def test_an_attackers_nationality_does_not_move_the_town_into_its_country(parser):
    # "Russian" names who acted; both towns named are Ukrainian (Pokrovsk also names places in
    # Russia, and was Engels' old name)
    got = places(parser, "Russian troops pressed on toward Pokrovsk while air defences worked "
                         "over Odesa.")
    assert got["Pokrovsk"] == ("Donetsk Oblast", "UA"), got


def test_the_division_of_an_earlier_sentence_rules_villages_of_the_paragraph(parser):
    # the oblast is named a sentence before the villages; an unknown item sits in the list
    text = ("Fighting spread across Kursk Oblast over the weekend. By Monday the villages of "
            "Lyubimovka, Qqorodnoye and Plekhovo had changed hands.")
    got = places(parser, text)
    assert got["Kursk Oblast"] == ("Kursk Oblast", "RU")
    assert got["Lyubimovka"] is None and got["Plekhovo"] is None, got


def test_an_earlier_division_does_not_rule_across_paragraphs_or_countries(parser):
    apart = places(parser, "Fighting spread across Kursk Oblast over the weekend.\n\n"
                           "Reporters later visited the villages of Lyubimovka and Plekhovo.")
    assert apart["Lyubimovka"] is not None and apart["Plekhovo"] is not None, apart
    # a place of another country named in between: the villages may be there
    other = places(parser, "Fighting spread across Kursk Oblast over the weekend. In Poltava, "
                           "officials said the village of Plekhovo was hit.")
    assert other["Plekhovo"] is not None, other


def test_a_city_district_is_the_one_of_the_city_named_beside_it(parser):
    # Kherson and Kyiv both have a Dniprovskyi district; the gazetteer knows Kyiv's
    far = places(parser, "Херсон: вранці вибухи пролунали у Дніпровському районі.")
    assert far["Херсон"][1] == "UA" and far["Дніпровському районі"] is None, far
    home = places(parser, "Київ: вранці вибухи пролунали у Дніпровському районі.")
    assert home["Дніпровському районі"] == ("Kyiv", "UA"), home
    # a town named in another sentence says nothing about the district
    alone = places(parser, "Вранці вибухи пролунали у Дніпровському районі. Тривога була і в "
                           "Запоріжжі.")
    assert alone["Дніпровському районі"] is not None, alone

