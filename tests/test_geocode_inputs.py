"""`geomap geocode`: query files in legacy code pages, binary files, and --country values."""

from __future__ import annotations

import json
import os

import pytest

from geomap.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_queries_saved_in_cp1251_are_decoded_and_the_decoding_said(capsys, tmp_path, gazetteer):
    where = tmp_path / "where.txt"
    where.write_bytes("Харків\nПолтава, Полтавська область\n".encode("cp1251"))
    code, out, err = run(capsys, "geocode", "--json", "--input", where)
    assert code == 0
    res = json.loads(out)
    assert [r["query"] for r in res] == ["Харків", "Полтава, Полтавська область"]
    assert [r["name"] for r in res] == ["Kharkiv", "Poltava"]
    assert "decoded as cp1251" in err and "2 lines" in err


def test_a_binary_query_file_is_an_error_with_its_counts(capsys, tmp_path, gazetteer):
    blob = tmp_path / "where.txt"
    blob.write_bytes(os.urandom(2000) + b"\x00\x00" + os.urandom(1000))
    code, out, err = run(capsys, "geocode", "--json", "--input", blob)
    assert code == 1 and out == ""
    assert "binary data" in err and "no query read" in err and "3,002 bytes" in err


def test_a_utf8_query_file_with_one_stray_byte_keeps_its_other_lines(capsys, tmp_path,
                                                                    gazetteer):
    where = tmp_path / "where.txt"
    where.write_bytes("Суми\nЛьвів\nОдеса\n".encode() + b"\xfe?\n")
    code, out, err = run(capsys, "geocode", "--json", "--input", where)
    res = json.loads(out)
    assert code == 0 and [r["name"] for r in res[:3]] == ["Sumy", "Lviv", "Odesa"]
    assert len(res) == 4 and res[3]["name"] is None
    assert "1 line not valid UTF-8" in err


@pytest.mark.parametrize("value", ["UA", "ua", "UKR", "Ukraine", "Україна"])
def test_country_by_iso2_iso3_or_name(capsys, gazetteer, value):
    code, out, _err = run(capsys, "geocode", "--json", "Kharkiv", "--country", value)
    assert code == 0 and json.loads(out)[0]["country"] == "UA"


@pytest.mark.parametrize(("value", "says"), [
    ("XX", "give an ISO 3166 code"),
    ("Kharkiv", "give an ISO 3166 code"),  # a town is no country
    ("Ukrane", "did you mean 'Ukraine' (UA)"),
])
def test_an_unknown_country_is_a_usage_error(capsys, gazetteer, value, says):
    code, out, err = run(capsys, "geocode", "--json", "Kharkiv", "--country", value)
    assert code == 2 and out == ""
    assert f"unknown country '{value}'" in err and says in err
