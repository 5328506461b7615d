"""Rules of the gazetteer build: name kinds of abbreviations, admin-1 codes checked on polygons."""

from __future__ import annotations

import json

import pytest

from geomap.gazetteer._build import _name_rows
from geomap.gazetteer._build_admin1 import untrusted_admin1
from geomap.gazetteer._sources import SourcePlace, code_owners
from geomap.geoparse import Geoparser


def _kinds(place):
    return sorted((key, kind) for key, _t, _id, kind in _name_rows(7, place))


def test_an_abbreviation_sharing_a_key_with_another_form_gets_its_own_row():
    # "Ma" (an alternate name) and "M.A." fold to the same key: the capital initials must
    # still be found where the name is written as an abbreviation
    p = SourcePlace(key="gn:1", name="Marrowby", feature="populated_place", lat=0, lon=0,
                    alt_names=["Ma", "M.A.", "Marrowbie", "MARROWBY"])
    assert _kinds(p) == [("ma", "abbr"), ("ma", "alt"), ("marrowbie", "alt"),
                         ("marrowby", "name")]
    # the first form in initials: an "alt" row as before, and the abbreviation
    q = SourcePlace(key="gn:2", name="Tollen Heights", feature="populated_place", lat=0,
                    lon=0, alt_names=["T.H.", "TH"])
    assert _kinds(q) == [("th", "abbr"), ("th", "alt"), ("tollen heights", "name")]
    # a name in capitals is the name, not an abbreviation of it; no key is repeated twice
    r = SourcePlace(key="gn:3", name="Fira", feature="populated_place", lat=0, lon=0,
                    alt_names=["FIRA", "Fira", "FIRA"])
    assert _kinds(r) == [("fira", "name")]


def _square(x, y):
    return {"type": "Polygon",
            "coordinates": [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]]}


def _layer(tmp_path, units):
    feats = [{"type": "Feature", "geometry": geom,
              "properties": {"key": f"a1:{code}", "admin1_code": code, "country": code[:2],
                             "name": name}}
             for code, name, geom in units]
    path = tmp_path / "admin1.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    return path, feats


def _town(gid, code, lon, lat, cc="XA"):
    return {str(gid): {"geonameid": gid, "countrycode": cc, "admin1code": code,
                       "longitude": lon, "latitude": lat}}


def test_admin1_codes_naming_another_division_are_replaced_by_the_polygon_holding_the_town(
        tmp_path):
    # GeoNames' "XA.11" is a region in the east; the shipped layer's "XA.11" is a small unit
    # in the west (as France's "FR.11": Ile-de-France against Aude)
    path, _ = _layer(tmp_path, [("XA.11", "Westmark", _square(0, 0)),
                                ("XA.75", "Eastvale", _square(5, 0)),
                                ("XA.20", "Northby", _square(0, 5)),
                                ("XB.01", "Beyondia", _square(10, 0))])
    towns = {**_town(1, "11", 5.5, 0.5), **_town(2, "11", 5.2, 0.8),
             **_town(3, "11", 0.5, 0.5),  # the one town of "11" inside Westmark
             **_town(4, "20", 0.5, 5.5), **_town(5, "20", 0.4, 5.4),
             **_town(6, "20", 5.5, 0.5),  # a stray of a trusted code keeps it
             **_town(7, "11", 9.0, 9.0),  # in no division of the layer
             **_town(8, "11", 10.5, 0.5)}  # never a division across a border
    moved = untrusted_admin1(towns, path)
    assert moved == {1: "XA.75", 2: "XA.75", 3: "XA.11", 7: None, 8: None}


def test_a_code_given_to_several_divisions_is_the_largest_ones(tmp_path):
    small = {"type": "Polygon", "coordinates": [[[3, 3], [3.1, 3], [3.1, 3.1], [3, 3]]]}
    _, feats = _layer(tmp_path, [("XA.02", "Islet", small), ("XA.02", "Mainland", _square(0, 0)),
                                 ("XA.03", "Other", _square(5, 5))])
    assert code_owners(feats) == {"XA.02": 1, "XA.03": 2}


@pytest.mark.parametrize(("name", "admin1"), [("Paris", "Paris"), ("Sydney", "New South Wales"),
                                              ("Marseille", "Bouches-du-Rhône")])
def test_towns_get_the_division_they_lie_in(gazetteer, name, admin1):
    place = gazetteer.search(name)[0].place
    assert place.admin1 == admin1


def test_los_angeles_written_as_an_abbreviation(gazetteer):
    # "LA" and "L.A." name Louisiana and Los Angeles: the hand-written scores take the city,
    # the ranker follows the other places of the text
    hand = Geoparser(gazetteer, ranker=False)
    for text in ("Traffic in L.A. crawled for hours after the stadium concert.",
                 "Rents in LA rose again this spring, the housing office said."):
        (m,) = hand.parse(text)
        assert m.place.name == "Los Angeles", text
    ranked = Geoparser(gazetteer)
    for text, names in [
            ("Traffic in L.A. crawled for hours after the fires near Pasadena.",
             ["Los Angeles", "Pasadena"]),
            ("Rents in LA rose again, while prices in San Diego fell.",
             ["Los Angeles", "San Diego"]),
            ("The governor of LA met officials in New Orleans.", ["Louisiana", "New Orleans"]),
            # a dotted state abbreviation after its town stays the state
            ("Storms flooded streets in Baton Rouge, La., overnight.",
             ["Baton Rouge", "Louisiana"])]:
        assert [m.place.name for m in ranked.parse(text)] == names, text
    ms = hand.parse("Storms flooded streets in Baton Rouge, La., overnight.")
    assert [m.place.name for m in ms] == ["Baton Rouge", "Louisiana"]


def test_only_the_most_populous_town_of_a_capitals_name_is_the_capital():
    from geomap.gazetteer._sources import capital_ids

    towns = {
        "1": {"geonameid": 1, "countrycode": "XX", "name": "Capitol", "population": 900_000},
        "2": {"geonameid": 2, "countrycode": "XX", "name": "Capitol", "population": 4_000},
        "3": {"geonameid": 3, "countrycode": "YY", "name": "Capitol", "population": 2_000_000},
        "4": {"geonameid": 4, "countrycode": "XX", "name": "Harbour", "population": 50_000},
    }
    assert capital_ids(towns, {("XX", "Capitol")}) == {"1"}


def test_one_washington_is_the_capital_of_the_united_states():
    from geomap.gazetteer._sources import capital_ids, cities500

    towns = cities500()
    ids = capital_ids(towns, {("US", "Washington"), ("VN", "Hanoi"), ("UA", "Kyiv")})
    names = sorted((towns[g]["countrycode"], towns[g]["name"]) for g in ids)
    assert names == [("UA", "Kyiv"), ("US", "Washington"), ("VN", "Hanoi")]
    (dc,) = (g for g in ids if towns[g]["countrycode"] == "US")
    assert abs(towns[dc]["latitude"] - 38.9) < 0.2 and abs(towns[dc]["longitude"] + 77.0) < 0.2
