"""Event files as they really arrive: encodings, delimiters, spreadsheet dates, GDELT rows of
several widths in one file, output formats by suffix, batches. Small fixtures made here (always
run) and variants of the real samples in ../shared (marked shared)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import geopandas as gpd
import pyarrow.parquet as pq
import pytest

from geomap.cli import main as run_cli
from geomap.events import read_events
from geomap.events.readers.gdelt import EVENT_COLUMNS
from geomap.events.schema import validate_events
from geomap.export.tables import read_table

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "events"


def acled_table(n: int = 120) -> tuple[list[str], list[list[str]]]:
    """``n`` ACLED rows made from the current-export fixture: new ids, dates spread over
    2023-2024 (days 1-28, so both day/month orders occur), a non-ASCII location."""
    with (FIXTURES / "acled_current.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, base = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    out = []
    for i in range(n):
        r = list(base[i % len(base)])
        day = dt.date(2023, 1, 1) + dt.timedelta(days=(i * 7) % 700)
        r[col["event_id_cnty"]] = f"UKR{800000 + i}"
        r[col["event_date"]] = day.isoformat()
        r[col["year"]] = str(day.year)
        if i % 10 == 3:
            r[col["location"]] = "Kramatorsk – “centre”, Zürich-strasse"
        out.append(r)
    return header, out


def write(path: Path, header, rows, *, encoding="utf-8", delimiter=",") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def check(result, rows: int, kept: int) -> None:
    assert (result.rows, result.kept) == (rows, kept)
    assert result.kept + result.rejected == result.rows
    assert validate_events(result.events) == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_acled_encodings_and_delimiters(tmp_path, encoding, delimiter):
    header, rows = acled_table()
    path = write(tmp_path / "acled.csv", header, rows, encoding=encoding, delimiter=delimiter)
    r = read_events(path)
    assert r.format == "acled"
    check(r, 120, 120)
    assert r.events.iloc[3]["location"] == "Kramatorsk – “centre”, Zürich-strasse"
    expected = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1252": "cp1252",
                "utf-16": "utf-16"}[encoding]
    assert r.encoding == expected
    assert r.encoding_report.startswith(expected)
    assert r.events["date"].dt.date.tolist()[:2] == [dt.date(2023, 1, 1), dt.date(2023, 1, 8)]


def test_legacy_cyrillic_code_page_is_detected(tmp_path):
    header, rows = acled_table(30)
    col, loc = header.index("notes"), header.index("location")
    for r in rows:
        r[col] = "Обстріл околиць Краматорська, пошкоджено два будинки; жертв немає."
        r[loc] = "Краматорськ"
    path = write(tmp_path / "acled-1251.csv", header, rows, encoding="cp1251")
    r = read_events(path)
    check(r, 30, 30)
    assert r.encoding == "cp1251"
    assert "charset-normalizer" in r.encoding_report
    assert r.events.iloc[0]["notes"].startswith("Обстріл")


def test_spreadsheet_us_dates_are_read_month_first(tmp_path):
    header, rows = acled_table()
    col = header.index("event_date")
    expected = [dt.date.fromisoformat(r[col]) for r in rows]
    for r, d in zip(rows, expected, strict=True):
        r[col] = f"{d.month}/{d.day}/{d.year} 12:00:00 AM"
    r = read_events(write(tmp_path / "acled-excel.csv", header, rows, encoding="cp1252"))
    check(r, 120, 120)
    assert r.events["date"].dt.date.tolist() == expected
    assert "month-first from the unambiguous rows" in r.date_report
    assert r.warnings == []


def test_ambiguous_file_uses_the_default_and_warns(tmp_path, capsys):
    header, rows = acled_table(12)
    col = header.index("event_date")
    for i, r in enumerate(rows):
        r[col] = f"{i % 12 + 1}/{(i * 5) % 12 + 1}/2023"           # every date reads both ways
    path = write(tmp_path / "acled-ambiguous.csv", header, rows)
    r = read_events(path)
    check(r, 12, 12)
    assert r.events.iloc[1]["date"].date() == dt.date(2023, 6, 2)   # day first: 2/6 -> 2 June
    assert len(r.warnings) == 1 and "cannot be decided" in r.warnings[0]
    given = read_events(path, dayfirst=False)
    assert given.events.iloc[1]["date"].date() == dt.date(2023, 2, 6)
    assert given.warnings == [] and "(given)" in given.date_report
    out = tmp_path / "out.geojson"
    assert run_cli(["events", "read", str(path), "-o", str(out), "--date-order",
                    "month-first"]) == 0
    assert "month-first (given)" in capsys.readouterr().err


def test_batches_give_the_same_result_and_one_day_month_order(tmp_path, monkeypatch):
    from geomap.events.readers import _files

    header, rows = acled_table(400)
    col = {name: i for i, name in enumerate(header)}
    for i, r in enumerate(rows):
        d = dt.date(2023, 1 + i % 12, 1 + i % 12)                    # ambiguous day/month ...
        if i > 300:
            d = dt.date(2023, 1 + i % 12, 13 + i % 15)               # ... until row 302
        r[col["event_date"]] = f"{d.month}/{d.day}/{d.year}"
    rows[10][col["event_id_cnty"]] = ""
    rows[200] = rows[200][:12]
    rows[350][col["event_id_cnty"]] = rows[20][col["event_id_cnty"]]
    path = write(tmp_path / "acled-batches.csv", header, rows)
    whole = read_events(path)
    monkeypatch.setattr(_files, "BLOCK_SIZE", 8192)
    parts = read_events(path)
    for r in (whole, parts):
        check(r, 400, 397)
    assert parts.events.drop(columns="geometry").equals(whole.events.drop(columns="geometry"))
    assert parts.rejects.equals(whole.rejects)
    assert list(parts.rejects["source_row"]) == [11, 201, 351]
    assert parts.rejects["reason"].iloc[2] == "duplicated event id: UKR800020 (first at row 21)"
    assert parts.events.iloc[2]["date"].date() == dt.date(2023, 3, 3)
    assert "month-first" in parts.date_report and "month-first" in whole.date_report


def gdelt_row(n: int, width: int) -> list[str]:
    values = dict.fromkeys(EVENT_COLUMNS, "")
    values.update({
        "GLOBALEVENTID": str(700000 + n), "SQLDATE": f"201303{n % 28 + 1:02d}",
        "MonthYear": "201303", "Year": "2013", "FractionDate": "2013.1644",
        "Actor1Name": "POLICE", "Actor2Name": "PROTESTER", "IsRootEvent": "1",
        "EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19", "QuadClass": "4",
        "GoldsteinScale": "-10.0", "NumMentions": "4", "NumSources": "1", "NumArticles": "4",
        "AvgTone": "-5.2", "ActionGeo_Type": "4", "ActionGeo_FullName": "Kyiv, Kyyiv, Ukraine",
        "ActionGeo_CountryCode": "UP", "ActionGeo_ADM1Code": "UP12", "ActionGeo_Lat": "50.4333",
        "ActionGeo_Long": "30.5167", "ActionGeo_FeatureID": "-1044367", "DATEADDED": "20130301",
        "SOURCEURL": f"http://example.org/story/{n}",
    })
    if width == 61:
        return [values[c] for c in EVENT_COLUMNS]
    v1 = [values[c] for c in EVENT_COLUMNS if not c.endswith("ADM2Code")]
    return v1 if width == 58 else v1[:57]


def test_gdelt_57_58_and_61_columns_in_one_file(tmp_path):
    widths = [57, 58, 58, 57, 61, 58, 57, 57]
    rows = [gdelt_row(i, w) for i, w in enumerate(widths)]
    rows.insert(5, gdelt_row(99, 58)[:40])
    path = tmp_path / "20130301.export.CSV"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    r = read_events(path)
    assert r.format == "gdelt"
    check(r, 9, 8)
    assert r.rejects.iloc[0]["reason"] == "malformed row: 40 fields, expected 57, 58 or 61"
    assert r.rejects.iloc[0]["source_row"] == 6
    ev = r.events
    assert list(ev["source_row"]) == [1, 2, 3, 4, 5, 7, 8, 9]
    assert ev["source"].isna().tolist() == [w == 57 for w in widths]
    assert set(ev["country"]) == {"UA"} and set(ev["event_type"]) == {"assault"}
    assert ev.geometry.y.round(4).tolist() == [50.4333] * 8


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".parquet", ".csv"])
def test_output_format_follows_the_suffix(tmp_path, suffix):
    header, rows = acled_table(40)
    src = write(tmp_path / "acled.csv", header, rows)
    out = tmp_path / f"events{suffix}"
    assert run_cli(["events", "read", str(src), "-o", str(out), "--json"]) == 0
    if suffix == ".parquet":
        assert b"geo" in pq.read_metadata(out).metadata          # GeoParquet, not GeoJSON text
        back = gpd.read_parquet(out)
    elif suffix == ".csv":
        back = read_table(out)
    else:
        back = gpd.read_file(out)
    expected = read_events(src).events
    assert len(back) == 40
    assert back["event_id"].tolist() == expected["event_id"].tolist()
    assert back.geometry.x.round(6).tolist() == expected.geometry.x.round(6).tolist()
    assert back.geometry.y.round(6).tolist() == expected.geometry.y.round(6).tolist()
    assert back["location"].tolist() == expected["location"].tolist()
    assert not list(tmp_path.glob(".*tmp*"))


def test_unknown_output_suffix_is_refused_before_reading(tmp_path, capsys):
    code = run_cli(["events", "read", str(FIXTURES / "acled_current.csv"), "-o",
                    str(tmp_path / "events.txt")])
    assert code == 2
    assert not (tmp_path / "events.txt").exists()
    assert "unknown output format" in capsys.readouterr().err


# --- targets on the real samples ------------------------------------------------------------

def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} absent (../shared not available)")
    return path


@pytest.mark.shared
@pytest.mark.parametrize("encoding", ["cp1252", "cp1251", "utf-16"])
def test_ucdp_reencoded_with_spreadsheet_dates_keeps_99_percent(tmp_path, encoding):
    src = shared_file("ucdp", "ged-ukraine.csv")
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    ds, de = header.index("date_start"), header.index("date_end")
    expected = [dt.date.fromisoformat(r[ds][:10]) for r in body]
    for r in body:
        for i in (ds, de):
            d = dt.date.fromisoformat(r[i][:10])
            r[i] = f"{d.month}/{d.day}/{d.year} 12:00:00 AM"
    data = io.StringIO()
    csv.writer(data, lineterminator="\r\n").writerows([header, *body])
    path = tmp_path / f"ged-{encoding}.csv"
    path.write_bytes(data.getvalue().encode(encoding, errors="replace"))
    r = read_events(path)
    assert r.format == "ucdp" and r.encoding == encoding
    assert r.kept + r.rejected == r.rows == len(body)
    assert r.kept >= 0.99 * len(body)
    assert r.rejects["reason"].notna().all()
    kept_rows = r.events["source_row"].astype(int) - 1
    assert r.events["date"].dt.date.tolist() == [expected[i] for i in kept_rows]


@pytest.mark.shared
def test_gdelt_sample_cut_to_57_columns_mixed_with_58_keeps_99_percent(tmp_path):
    src = shared_file("gdelt", "events.csv")
    lines = [ln.split("\t") for ln in src.read_text(encoding="utf-8").splitlines() if ln]
    v1 = [i for i, c in enumerate(EVENT_COLUMNS) if not c.endswith("ADM2Code")]
    rows = []
    for n, fields in enumerate(lines):
        row58 = [fields[i] for i in v1]
        rows.append(row58[:57] if n % 2 else row58)
    path = tmp_path / "gdelt-v1-mixed.CSV"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    r = read_events(path)
    assert r.kept + r.rejected == r.rows == len(lines)
    assert r.kept >= 0.99 * len(lines)
    direct = read_events(src).events
    assert r.events["event_id"].tolist() == direct["event_id"].tolist()
    assert r.events["event_type"].tolist() == direct["event_type"].tolist()
    assert r.events["source"].isna().sum() == len(lines) // 2


@pytest.mark.shared
def test_json_report_names_encoding_and_date_order(tmp_path, capsys):
    src = shared_file("ucdp", "ged-ukraine.csv")
    out = tmp_path / "ucdp.parquet"
    assert run_cli(["events", "read", str(src), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["encoding"] == "utf-8 (valid throughout)"
    assert report["files"][0]["kept"] == 3077
    assert len(gpd.read_parquet(out)) == 3077
