"""A record's own last day (UCDP ``date_end``): read, kept in the schema, used by the join."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from geomap.events import read_events
from geomap.events.schema import COLUMNS, events_from_records, validate_events
from geomap.join import join_events

HEADER = ["id", "year", "type_of_violence", "side_a", "side_b", "where_coordinates",
          "adm_1", "country", "country_id", "latitude", "longitude", "where_prec",
          "date_start", "date_end", "date_prec", "best", "deaths_civilians"]


def _ged(path: Path, rows) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for rid, start, end, prec in rows:
        w.writerow([rid, start[:4], "1", "Government of Ruritania", "Government of Osterlich",
                    "Brightwater town", "Northmoor oblast", "Ukraine", "369", "48.1",
                    "37.6", "1", start, end, prec, "2", "1"])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_ucdp_date_end_is_kept_and_a_bad_one_is_a_warning_not_a_reject(tmp_path):
    path = _ged(tmp_path / "ged.csv", [
        ("101", "2023-05-10", "2023-05-12", "2"),   # three days
        ("102", "2023-05-10", "2023-05-10", "1"),   # one day
        ("103", "2023-05-10", "2023-05-08", "2"),   # end before start: not used
        ("104", "2023-05-10", "not a date", "2"),   # unreadable: not used
        ("105", "2023-05-10", "", "3"),             # blank: nothing to use
    ])
    r = read_events(path, format="ucdp")
    assert (r.rows, r.kept, r.rejected) == (5, 5, 0)
    assert validate_events(r.events) == []
    ends = r.events.set_index("event_id")["date_end"]
    assert ends["101"] == pd.Timestamp("2023-05-12")
    assert ends["102"] == pd.Timestamp("2023-05-10")
    assert ends[["103", "104", "105"]].isna().all()
    assert any("2 record(s) with a date_end" in w for w in r.warnings)
    notes = r.events.set_index("event_id")["notes"]
    assert "date_end not used" in notes["103"] and "date_end not used" in notes["104"]
    assert pd.isna(notes["105"])


def test_tables_without_an_end_have_a_null_date_end():
    events = events_from_records([{"event_id": "x", "dataset": "acled", "date": "2023-01-02",
                                   "date_precision": "day", "lat": 50.0, "lon": 30.0}])
    assert "date_end" in COLUMNS and events["date_end"].isna().all()
    assert str(events["date_end"].dtype) == "datetime64[ns]"


def _articles(*dates):
    return events_from_records([
        {"event_id": f"a#{i}", "dataset": "text", "lat": 48.1, "lon": 37.6, "date": d,
         "date_precision": "day", "geo_precision": "exact", "article_id": "a",
         "event_index": i, "event_type": "assault", "article_date": d}
        for i, d in enumerate(dates)])


def test_a_record_spanning_three_days_links_its_middle_day_with_gap_0(tmp_path):
    recs = read_events(_ged(tmp_path / "ged.csv", [
        ("201", "2023-05-10", "2023-05-12", "2")]), format="ucdp").events
    links = join_events(recs, _articles("2023-05-11", "2023-05-13", "2023-05-15"),
                        km=25, days=3, min_score=0, ratio=0).links
    gaps = dict(zip(links["event_index"].astype(int), links["gap_days"].astype(int),
                    strict=True))
    # inside the span: 0; a "week" from 10 May would have covered 13 and 15 May too
    assert gaps == {0: 0, 1: 1, 2: 3}


def test_a_tight_end_beats_a_record_with_only_a_wide_precision(tmp_path):
    recs = read_events(_ged(tmp_path / "ged.csv", [
        ("wide", "2023-05-10", "", "2"), ("tight", "2023-05-10", "2023-05-11", "2"),
        ("bad-end", "2023-05-10", "2023-05-01", "2")]), format="ucdp").events
    links = join_events(recs, _articles("2023-05-11"), km=25, days=3, top=3,
                        min_score=0, ratio=0).links
    assert links["record_id"].tolist()[0] == "tight"
    # a bad end is ignored: that record scores like the one without an end
    score = links.set_index("record_id")["score"]
    assert score["bad-end"] == score["wide"] < score["tight"]
