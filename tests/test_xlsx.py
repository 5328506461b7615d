"""XLSX event tables as analysts keep them: a cover sheet first, Excel day numbers, blank rows."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.events import read_events
from geomap.exceptions import InputError

openpyxl = pytest.importorskip("openpyxl")


def _workbook(path, *, cover: bool = True):
    wb = openpyxl.Workbook()
    first = wb.active
    if cover:
        first.title = "About"
        first.append(["Incident log, compiled by our own team"])
        first.append(["Version", 3])
        sheet = wb.create_sheet("Log")
    else:
        sheet = first
    sheet.append(["Date", "Latitude", "Longitude", "Location", "Type"])
    sheet.append([dt.datetime(2024, 9, 2), 49.7, 37.6, "Kupiansk", "shelling"])
    sheet.append([])                                            # a blank row, as people leave
    sheet.append([45545, 48.5, 35.0, "Dnipro", "drone strike"])  # a day number, no date format
    sheet.append(["2024-09-05", 95.0, 36.2, "Nowhere", "shelling"])
    wb.save(path)
    return path


def test_the_sheet_with_the_events_is_read_not_the_cover(tmp_path):
    result = read_events(_workbook(tmp_path / "log.xlsx"))
    assert list(result.events["location"]) == ["Kupiansk", "Dnipro"]
    assert any("read sheet 'Log'" in w for w in result.warnings)


def test_excel_day_numbers_are_dates_and_rows_are_numbered_as_the_sheet_shows(tmp_path):
    result = read_events(_workbook(tmp_path / "log.xlsx", cover=False))
    ev = result.events.set_index("location")
    assert ev.loc["Dnipro", "date"] == dt.datetime(2024, 9, 10)   # 45545 in Excel
    assert ev.loc["Kupiansk", "source_row"] == 2 and ev.loc["Dnipro", "source_row"] == 4
    assert list(result.rejects["source_row"]) == [5]              # the row Excel shows


def test_a_named_sheet_is_the_one_read(tmp_path):
    # the cover sheet named: read, and refused as no event table (its own columns are named)
    with pytest.raises(InputError, match=r"not an event table.*Incident log"):
        read_events(_workbook(tmp_path / "log.xlsx"), sheet="About")
    assert read_events(_workbook(tmp_path / "log2.xlsx"), sheet="Log").kept == 2
