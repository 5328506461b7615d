"""A row with an unterminated quote does not swallow the valid rows after it (new-user4 5).

The lines an opening ``"`` ran over are read again as rows when they are complete rows of the
table; the broken row is rejected with its line; every record is kept or rejected once, with
its own data-row number; a legitimate quoted field over several lines stays one row.
"""

from __future__ import annotations

import csv
import io

import pytest

from geomap.events.read import read_events
from geomap.events.readers import _files

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp")
ACLED_HEADER = ACLED_COLUMNS.split(",")

UCDP_COLUMNS = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
    "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
    "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,"
    "source_date,source_headline,source_original,where_prec,where_coordinates,"
    "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,"
    "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
    "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob")
UCDP_HEADER = UCDP_COLUMNS.split(",")

TOWNS = [("Kupiansk", "Kharkiv", 49.7106, 37.6156), ("Orikhiv", "Zaporizhzhia", 47.5677, 35.7848),
         ("Kostiantynivka", "Donetsk", 48.5277, 37.7069), ("Nikopol", "Dnipropetrovsk", 47.5669,
                                                            34.3948)]


def acled_line(i: int, notes: str = "") -> str:
    town, admin1, lat, lon = TOWNS[i % len(TOWNS)]
    row = dict.fromkeys(ACLED_HEADER, "")
    row.update({"event_id_cnty": f"TST{i}", "event_date": f"2024-05-{1 + i:02d}",
                "year": "2024", "time_precision": "1", "disorder_type": "Political violence",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "actor1": "Military Forces of Russia (2000-)", "inter1": "1", "iso": "804",
                "region": "Europe", "country": "Ukraine", "admin1": admin1, "location": town,
                "latitude": str(lat), "longitude": str(lon), "geo_precision": "1",
                "source": "Invented", "source_scale": "National",
                "notes": notes or f"Invented shelling of {town} with no casualties",
                "fatalities": "0", "timestamp": "1"})
    return csv_line([row[c] for c in ACLED_HEADER])


def csv_line(fields: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(fields)
    return buf.getvalue()[:-1]


def broken(line: str) -> str:
    """``line`` with a quote opened in its seventh field and never closed (a hand edit)."""
    fields = line.split(",")
    fields[6] = '"' + fields[6]
    return ",".join(fields[:8])  # and its end cut off, as a paste gone wrong


def write(path, header: list[str], lines: list[str]) -> str:
    path.write_text(",".join(header) + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def ids_and_rows(result) -> dict[str, int]:
    ev = result.events
    return dict(zip(ev["event_id"].astype(str), ev["source_row"].astype(int), strict=True))


def test_rows_after_an_unterminated_quote_are_read(tmp_path):
    lines = [acled_line(i) for i in range(6)]
    lines[2] = broken(lines[2])
    path = write(tmp_path / "acled.csv", ACLED_HEADER, lines)
    r = read_events(path)
    assert r.rows == 6 and r.kept == 5 and r.rejected == 1
    assert ids_and_rows(r) == {"TST0": 1, "TST1": 2, "TST3": 4, "TST4": 5, "TST5": 6}
    reject = r.rejects.iloc[0]
    assert int(reject["source_row"]) == 3 and reject["event_id_cnty"] == "TST2"
    # the header is line 1: the broken row is on line 4, the rows it ran over on 5 to 7
    assert "unterminated quote at line 4" in reject["reason"]
    assert "lines 5-7" in reject["reason"] and "rows 4-6" in reject["reason"]
    assert any("unterminated quote" in w for w in r.warnings)


def test_a_broken_last_row_is_rejected_alone(tmp_path):
    lines = [acled_line(i) for i in range(4)]
    lines[3] = broken(lines[3])
    path = write(tmp_path / "acled.csv", ACLED_HEADER, lines)
    r = read_events(path)
    assert r.rows == 4 and ids_and_rows(r) == {"TST0": 1, "TST1": 2, "TST2": 3}
    assert r.rejects["source_row"].astype(int).tolist() == [4]
    assert r.rejects.iloc[0]["reason"].startswith("malformed row")


def test_a_quoted_field_over_several_lines_stays_one_row(tmp_path):
    lines = [acled_line(i) for i in range(4)]
    lines[1] = acled_line(1, notes="Shelling of Orikhiv.\nA school was damaged.\nNo casualties.")
    path = write(tmp_path / "acled.csv", ACLED_HEADER, lines)
    r = read_events(path)
    assert r.rejected == 0 and ids_and_rows(r) == {"TST0": 1, "TST1": 2, "TST2": 3, "TST3": 4}
    notes = r.events.set_index("event_id").loc["TST1", "notes"]
    assert "A school was damaged." in notes


def test_a_broken_row_before_a_multi_line_field(tmp_path):
    # the unterminated quote closes at the opening quote of a later row's notes: the rows it
    # ran over are read again, and that later row is malformed on its own (its notes were
    # cut in two), so every record is still kept or rejected once
    lines = [acled_line(i) for i in range(6)]
    lines[1] = broken(lines[1])
    lines[3] = acled_line(3, notes="Shelling of Nikopol,\nthe port was hit.")
    lines[4] = acled_line(4, notes="Shelling of Kupiansk, no casualties.")
    path = write(tmp_path / "acled.csv", ACLED_HEADER, lines)
    r = read_events(path)
    assert r.kept + r.rejected == r.rows
    kept = ids_and_rows(r)
    assert kept["TST0"] == 1 and kept["TST2"] == 3 and kept["TST5"] == r.rows
    assert 2 in r.rejects["source_row"].astype(int).tolist()


def test_a_multi_line_malformed_row_says_its_lines(tmp_path):
    lines = [acled_line(i) for i in range(3)]
    # a row one field short whose notes run over two lines: nothing after its first line is
    # a row of the table, so it stays one reject, its line span said
    fields = next(csv.reader(io.StringIO(acled_line(1, notes="Two lines\nof notes"),
                                         newline="")))
    lines[1] = csv_line(fields[:-1])
    path = write(tmp_path / "acled.csv", ACLED_HEADER, lines)
    r = read_events(path)
    assert ids_and_rows(r) == {"TST0": 1, "TST2": 3}
    assert "lines 3-4" in r.rejects.iloc[0]["reason"]


def ucdp_line(i: int) -> str:
    town, admin1, lat, lon = TOWNS[i % len(TOWNS)]
    row = dict.fromkeys(UCDP_HEADER, "")
    row.update({"id": str(900 + i), "year": "2024", "type_of_violence": "1",
                "conflict_name": "Russia - Ukraine", "side_a": "Government of Russia",
                "side_b": "Government of Ukraine", "where_prec": "1",
                "where_coordinates": f"{town} town", "adm_1": f"{admin1} oblast",
                "latitude": str(lat), "longitude": str(lon),
                "geom_wkt": f"POINT ({lon} {lat})", "country": "Ukraine", "date_prec": "1",
                "date_start": f"2024-06-{1 + i:02d} 00:00:00.000",
                "date_end": f"2024-06-{1 + i:02d} 00:00:00.000", "best": "1", "high": "1",
                "low": "1", "source_headline": f"Invented: fighting near {town}"})
    return csv_line([row[c] for c in UCDP_HEADER])


def test_ucdp_rows_after_an_unterminated_quote(tmp_path):
    lines = [ucdp_line(i) for i in range(5)]
    lines[1] = lines[1].replace("Invented: fighting", '"Invented: fighting', 1)
    path = write(tmp_path / "ged.csv", UCDP_HEADER, lines)
    r = read_events(path)
    assert r.format == "ucdp" and r.rows == 5 and r.kept == 4
    assert ids_and_rows(r) == {"900": 1, "902": 3, "903": 4, "904": 5}
    assert "line 3" in r.rejects.iloc[0]["reason"]


@pytest.mark.parametrize("block", [None, 600])
def test_generic_table_over_several_batches(tmp_path, monkeypatch, block):
    if block:
        monkeypatch.setattr(_files, "BLOCK_SIZE", block)
    header = ["id", "date", "lat", "lon", "place", "type", "notes"]
    lines = [f"g{i},2024-07-{1 + i % 28:02d},{TOWNS[i % 4][2]},{TOWNS[i % 4][3]},"
             f"{TOWNS[i % 4][0]},shelling,invented row {i}" for i in range(40)]
    lines[10] = 'g10,2024-07-11,47.5677,35.7848,Orikhiv,shelling,"cut off here'
    lines[25] = 'g25,2024-07-26,49.7106,37.6156,Kupiansk,shelling,"a quote, then "'
    path = write(tmp_path / "table.csv", header, lines)
    r = read_events(path, geocoder=None)
    assert r.kept + r.rejected == r.rows == 40
    kept = ids_and_rows(r)
    assert set(kept) == {f"g{i}" for i in range(40)} - {"g10"}
    assert all(kept[f"g{i}"] == i + 1 for i in range(40) if i != 10)
    assert r.rejects["source_row"].astype(int).tolist() == [11]
