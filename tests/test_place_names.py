"""Generic event tables that name their places but give no coordinates are located offline."""

from __future__ import annotations

import geomap
from geomap.events import read_events

# our own rows
NAMES = ("date,location,admin1,country,event_type,fatalities\n"
         "2024-06-02,Lozova,Kharkiv Oblast,Ukraine,shelling,1\n"
         "2024-06-03,Pokrovsk,Donetsk Oblast,UA,drone strike,0\n"
         "2024-06-04,Zzyzxovka,Sumy Oblast,Ukraine,shelling,0\n"
         "2024-06-05,,,,protest,0\n")


def test_place_names_are_geocoded_with_their_admin1_and_country(tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text(NAMES, encoding="utf-8")
    result = read_events(path)
    ev = result.events.set_index("source_row")
    assert (ev.loc[1, "country"], ev.loc[1, "geo_precision"]) == ("UA", "exact")
    assert abs(ev.loc[1, "geometry"].y - 48.89) < 0.1          # Lozova, Kharkiv Oblast
    assert abs(ev.loc[2, "geometry"].x - 37.18) < 0.1          # Pokrovsk, Donetsk Oblast
    # an unknown village falls back to the oblast named with it, never a far namesake
    assert ev.loc[3, "geo_precision"] == "admin1" and ev.loc[3, "geometry"].y > 50.2
    assert ev.loc[4, "geometry"] is None                        # nothing to locate: kept
    assert not any("not geocoded" in w for w in result.warnings)


def test_no_geocoding_when_asked_and_a_warning_says_so(tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text(NAMES, encoding="utf-8")
    result = read_events(path, geocoder=None)
    assert result.events.geometry.isna().all()
    assert any("not geocoded" in w for w in result.warnings)


def test_the_python_api_locates_a_table_of_place_names(tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text(NAMES, encoding="utf-8")
    table = geomap.read_events(path)
    assert table.geometry.notna().sum() == 3


def test_free_text_types_and_countries_in_other_scripts_are_understood(tmp_path):
    # our own rows: labels as analysts type them, countries in Ukrainian and Russian
    path = tmp_path / "log.csv"
    path.write_text("date;location;country;event_type\n"
                    "2024-06-02;Ізюм;Україна;обстріли\n"
                    "2024-06-03;Шебекино;Россия;атака беспилотника\n"
                    "2024-06-04;Lozova;Ukraine;artillery shelling\n"
                    "2024-06-05;Lozova;Ukraine;street protest\n"
                    "2024-06-06;Lozova;Ukraine;weather report\n", encoding="utf-8")
    ev = read_events(path).events
    assert list(ev["country"]) == ["UA", "RU", "UA", "UA", "UA"]
    assert list(ev["event_type"].fillna("-")) == ["assault", "assault", "assault", "protest", "-"]
    assert ev.loc[1, "geometry"].y > 50                           # Shebekino, Belgorod Oblast


def test_ukrainian_and_russian_column_names_are_recognised(tmp_path):
    path = tmp_path / "журнал.csv"
    path.write_bytes("Дата;Населений пункт;Область;Загиблі;Опис\n"
                     "12.06.2024;Вовчанськ;Харківська область;2;обстріл центру\n"
                     .encode("cp1251"))
    result = read_events(path)
    ev = result.events.iloc[0]
    assert (str(ev["date"].date()), ev["location"], ev["fatalities"]) == \
        ("2024-06-12", "Вовчанськ", 2)
    assert ev["geometry"].y > 50 and ev["notes"] == "обстріл центру"
