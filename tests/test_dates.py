"""geomap.dates: the forms people and tools write, and the per-column day/month decision."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.dates import decide_order, parse_date, parse_date_column, parse_date_value

D = dt.date


@pytest.mark.parametrize("text, expected", [
    ("2019-07-03", D(2019, 7, 3)),
    ("2019/7/3", D(2019, 7, 3)),
    ("2019-07-03T23:30:00-05:00", D(2019, 7, 3)),   # the date as written, not shifted to UTC
    ("2019-07-03 08:15:00.123+02:00", D(2019, 7, 3)),
    ("2019-07-03T08:15Z", D(2019, 7, 3)),
    ("20190703", D(2019, 7, 3)),
    (20190703, D(2019, 7, 3)),
    ("20190703141500", D(2019, 7, 3)),
    ("25/12/2019", D(2019, 12, 25)),
    ("12/25/2019", D(2019, 12, 25)),
    ("12/25/2019 11:59:00 PM", D(2019, 12, 25)),
    ("03.07.2019", D(2019, 7, 3)),                   # dotted: always day first
    ("3 July 2019", D(2019, 7, 3)),
    ("3rd Jul. 2019", D(2019, 7, 3)),
    ("03-Jul-2019", D(2019, 7, 3)),
    ("July 3, 2019", D(2019, 7, 3)),
    ("Sept 3 2019", D(2019, 9, 3)),
    ("Wed, 03 Jul 2019 18:02:11 +0300", D(2019, 7, 3)),
    ("Wednesday, 3 July 2019 6:02 PM EEST", D(2019, 7, 3)),
    (dt.datetime(2019, 7, 3, 22, 0), D(2019, 7, 3)),
    (pd.Timestamp("2019-07-03 10:00"), D(2019, 7, 3)),
])
def test_accepted_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "", "   ", "soon", "31/02/2019", "13/13/2019", "2019-13-01", "3/7/2019 13:00 PM",
    "Smarch 3, 2019", "3 July", "2019-07-03 25:00", 44621, True, None, float("nan"),
])
def test_rejected_values(text):
    assert parse_date(text) is None


def test_partial_dates_carry_their_precision():
    assert parse_date_value("2019-07")[:2] == (D(2019, 7, 1), "month")
    assert parse_date_value("July 2019")[:2] == (D(2019, 7, 1), "month")
    assert parse_date_value("2019")[:2] == (D(2019, 1, 1), "year")


def test_scalar_ambiguous_default_and_override():
    assert parse_date("4/5/2021") == D(2021, 5, 4)                       # day first by default
    assert parse_date("4/5/2021 12:00:00 AM") == D(2021, 4, 5)           # AM/PM: US export
    assert parse_date("4/5/2021", dayfirst=False) == D(2021, 4, 5)
    assert parse_date("4/5/2021 12:00:00 AM", dayfirst=True) == D(2021, 5, 4)
    assert parse_date("4.5.2021", dayfirst=False) == D(2021, 5, 4)       # dots stay day first


def test_column_order_from_unambiguous_rows():
    col = parse_date_column(pd.Series(["4/5/2021", "4/17/2021", "11/2/2021", None, ""]),
                            name="event_date")
    assert not col.dayfirst
    assert col.dates.dt.date.tolist()[:3] == [D(2021, 4, 5), D(2021, 4, 17), D(2021, 11, 2)]
    assert col.dates.isna().tolist() == [False, False, False, True, True]
    assert "month-first from the unambiguous rows" in col.report
    assert "1 only month-first" in col.report and col.warnings == []

    day = parse_date_column(["4/5/2021", "17/4/2021"])
    assert day.dayfirst and day.dates[0].date() == D(2021, 5, 4)


def test_column_that_stays_ambiguous_is_read_with_the_default_and_a_warning():
    col = parse_date_column(["4/5/2021", "6/7/2021"], name="d")
    assert col.dayfirst and col.dates[0].date() == D(2021, 5, 4)
    assert len(col.warnings) == 1 and "cannot be decided" in col.warnings[0]
    given = parse_date_column(["4/5/2021"], dayfirst=False)
    assert given.dates[0].date() == D(2021, 4, 5) and not given.warnings
    assert "(given)" in given.report


def test_both_orders_in_one_column_read_ambiguous_rows_by_default_and_warn():
    col = parse_date_column(["3/27/2021", "3/28/2021", "25/3/2021", "4/5/2021"])
    assert col.dayfirst
    assert col.dates.dt.date.tolist() == [D(2021, 3, 27), D(2021, 3, 28), D(2021, 3, 25),
                                          D(2021, 5, 4)]
    assert col.warnings and "both day/month orders" in col.warnings[0]


def test_numeric_columns_excel_serials_compact_and_years():
    serial = parse_date_column(pd.Series([44621, 44621.75, 43000.0, None]))
    assert serial.dates.dt.date.tolist()[:3] == [D(2022, 3, 1), D(2022, 3, 1), D(2017, 9, 22)]
    assert serial.forms == {"excel-serial": 3}
    compact = parse_date_column(pd.Series([20220301, 20220302]))
    assert compact.dates.dt.date.tolist() == [D(2022, 3, 1), D(2022, 3, 2)]
    years = parse_date_column(pd.Series(["2020", "2021"]))
    assert years.precision.tolist() == ["year", "year"]
    # a text column of numbers is numeric too; a text column with words is not
    assert parse_date_column(["44621", "44622"]).dates[1].date() == D(2022, 3, 2)
    assert parse_date_column(["44621", "March 2022"]).dates.isna().tolist() == [True, False]


def test_column_with_date_objects_from_spreadsheets():
    col = parse_date_column(pd.Series([dt.datetime(2022, 3, 1, 13, 0), "2022-03-02", None],
                                      dtype=object))
    assert col.dates.dt.date.tolist()[:2] == [D(2022, 3, 1), D(2022, 3, 2)]
    assert col.precision.tolist() == ["day", "day", None]


def test_decide_order_cases():
    assert decide_order(0, 0, 0)[2] == []
    assert decide_order(0, 0, 5, ampm=True)[0] is False
    assert decide_order(3, 0, 2)[0] is True
    assert decide_order(0, 3, 2)[0] is False
    assert decide_order(1, 3, 2)[0] is True and decide_order(1, 3, 2)[2]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%Y%m%d", "%d %B %Y", "%B %d, %Y", "%d.%m.%Y",
                        "%a, %d %b %Y 10:00:00 +0000", "%d-%b-%Y", "%Y-%m-%dT%H:%M:%SZ"]))
def test_round_trip_unambiguous_forms(day, fmt):
    text = day.strftime(fmt)
    assert parse_date(text) == day
    assert parse_date_column([text]).dates[0].date() == day


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)), min_size=1,
                max_size=30))
def test_us_spreadsheet_column_reads_back(days):
    texts = [f"{d.month}/{d.day}/{d.year} 12:00:00 AM" for d in days]
    col = parse_date_column(texts)
    assert col.dates.dt.date.tolist() == days


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none()),
                max_size=20))
def test_any_values_never_raise(values):
    col = parse_date_column(pd.Series(values, dtype=object))
    assert len(col.dates) == len(values)
    for v in values:
        parse_date(v)


def test_ukrainian_and_russian_month_names_read_as_english_ones(tmp_path):
    # our own date lines; the title after the date stays the title
    from geomap.sources import ArticleReader

    (tmp_path / "ru.txt").write_text("date 7 октября 2023 Пожар на складе в Курске\n\n"
                                     "Вечером загорелся склад.\n", encoding="utf-8")
    (tmp_path / "uk.txt").write_text("date 14 березня 2024 Тривога у Полтаві\n\n"
                                     "Зранку лунала тривога.\n", encoding="utf-8")
    read = {a.title: a.date for a in ArticleReader().read([tmp_path])}
    assert read == {"Пожар на складе в Курске": dt.date(2023, 10, 7),
                    "Тривога у Полтаві": dt.date(2024, 3, 14)}
    assert parse_date_value("2 лютого 2022").date == dt.date(2022, 2, 2)
    assert parse_date_value("7 будинків 2022") is None        # a word that is no month


@pytest.mark.parametrize("text, expected", [
    ("9 марта 2025 в 14:05", D(2025, 3, 9)),
    ("9 березня 2025 о 14:05", D(2025, 3, 9)),
    ("9 марта 2025 г.", D(2025, 3, 9)),
    ("9 березня 2025 року, 07:40", D(2025, 3, 9)),
    ("09.03.2025 в 14:05", D(2025, 3, 9)),
    ("Mar 9, 2025 at 2:05 PM", D(2025, 3, 9)),
])
def test_a_time_after_a_word_and_a_year_word(text, expected):
    """Post timestamps as Telegram channels and wire feeds write them."""
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["9 марта 2025 в 25:05", "9 марта 2025 в", "2025 г"])
def test_no_date_from_a_bad_time_or_a_bare_year_word(text):
    assert parse_date(text) is None
