"""The same record in two files of one batch is kept once; its copy is a reject with a reason."""

from __future__ import annotations

import csv
import json

import pandas as pd

import geomap
from geomap.cli import main
from geomap.events import read_events
from geomap.events.duplicates import SeenRecords

# our own rows, ACLED's current columns
HEADER = ("event_id_cnty,event_date,year,event_type,sub_event_type,actor1,country,admin1,"
          "location,latitude,longitude,geo_precision,source,notes,fatalities")
ROWS = {
    "UKR901": "UKR901,2 May 2024,2024,Battles,Armed clash,Militia,Ukraine,Kharkiv,Vovchansk,"
              "50.2881,36.9411,1,Local media,Fighting near the river,0",
    "UKR902": "UKR902,3 May 2024,2024,Explosions/Remote violence,Air/drone strike,Militia,"
              "Ukraine,Sumy,Krasnopillia,50.7747,35.2703,1,Local media,Drone hit a barn,0",
    "UKR903": "UKR903,4 May 2024,2024,Protests,Peaceful protest,Protesters,Ukraine,Poltava,"
              "Lubny,50.0186,32.9869,1,Local media,Teachers rallied,0",
}


def _acled(path, ids):
    path.write_text("\n".join([HEADER, *(ROWS[i] for i in ids)]) + "\n", encoding="utf-8")
    return path


def test_a_record_in_two_files_is_kept_once_and_its_copy_is_a_reject(tmp_path):
    month = _acled(tmp_path / "may.csv", ["UKR901", "UKR902"])
    week = _acled(tmp_path / "week.csv", ["UKR902", "UKR903"])
    seen = SeenRecords()
    first, second = read_events(month), read_events(week)
    assert seen.drop(first) == 0
    assert seen.drop(second) == 1
    assert list(second.events["event_id"]) == ["UKR903"]
    assert second.duplicates == 1
    assert second.kept + second.rejected == second.rows == 2
    reason = second.rejects["reason"].iloc[0]
    assert reason.startswith(f"duplicate of {month}:2")
    assert int(second.rejects["source_row"].iloc[0]) == 1
    assert second.summary()["duplicates"] == 1


def test_the_python_api_reads_overlapping_files_as_one_set_of_records(tmp_path):
    a = _acled(tmp_path / "a.csv", ["UKR901", "UKR902", "UKR903"])
    b = _acled(tmp_path / "b.csv", ["UKR903", "UKR901"])
    table = geomap.read_events([a, b])
    assert sorted(table["event_id"]) == ["UKR901", "UKR902", "UKR903"]
    rejects = table.attrs["rejects"]
    assert len(rejects) == 2 and rejects["reason"].str.startswith("duplicate of ").all()


def test_events_read_counts_duplicates_and_writes_them_to_the_rejects_file(tmp_path, capsys):
    a = _acled(tmp_path / "a.csv", ["UKR901", "UKR902"])
    b = _acled(tmp_path / "b.csv", ["UKR902", "UKR903"])
    out = tmp_path / "all.csv"
    assert main(["events", "read", str(a), str(b), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [f["duplicates"] for f in report["files"]] == [0, 1]
    assert len(pd.read_csv(out)) == 3
    with open(tmp_path / "all.rejects.csv", newline="", encoding="utf-8-sig") as fh:
        rejects = list(csv.DictReader(fh))
    assert [(r["source_file"], r["source_row"]) for r in rejects] == [(str(b), "1")]
    assert rejects[0]["reason"].startswith(f"duplicate of {a}:2")


def test_generic_tables_keep_ids_of_their_own_per_file(tmp_path):
    # a user's own ids (1, 2, ...) repeat across unrelated tables: nothing is dropped
    rows = "id,date,place,lat,lon,type\n1,2024-05-02,Izium,49.21,37.26,protest\n"
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(rows, encoding="utf-8")
    b.write_text(rows.replace("Izium,49.21,37.26", "Balakliia,49.46,36.86"), encoding="utf-8")
    seen = SeenRecords()
    assert seen.drop(read_events(a)) == seen.drop(read_events(b)) == 0


def test_run_records_reads_a_folder_and_keeps_each_record_once(tmp_path, capsys):
    folder = tmp_path / "downloads"
    folder.mkdir()
    _acled(folder / "may.csv", ["UKR901", "UKR902"])
    _acled(folder / "update.csv", ["UKR902", "UKR903"])
    (folder / "readme.pdf").write_bytes(b"%PDF-1.4 not an event table")
    out = tmp_path / "records"
    assert main(["run", "records", str(folder), "-o", str(out), "--partitions", "2"]) == 0
    records = pd.read_parquet(out)
    assert sorted(records["event_id"]) == ["UKR901", "UKR902", "UKR903"]
    rejects = pd.read_csv(out / "_rejects.csv")
    reasons = sorted(rejects["reason"].str.split(" ").str[0])
    assert reasons == ["duplicate", "file"]
    err = capsys.readouterr().err
    assert "3 records" in err and "1 already read from an earlier file" in err


def test_join_keeps_every_record_or_its_reason_and_counts_them(tmp_path, capsys):
    a = _acled(tmp_path / "a.csv", ["UKR901", "UKR902"])
    b = _acled(tmp_path / "b.csv", ["UKR902", "UKR903"])
    bad = tmp_path / "scores.csv"
    bad.write_text("name,score\nalpha,3\n", encoding="utf-8")
    article = tmp_path / "report.txt"
    article.write_text("date 2024-05-02 Clashes near Vovchansk\n\nFighting was reported near "
                       "Vovchansk on Thursday, officials said.\n", encoding="utf-8")
    out = tmp_path / "links.geojson"
    assert main(["join", "--events", str(a), str(b), str(bad), "--articles", str(article),
                 "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["records"], report["records_duplicates"], report["event_files_unread"]) \
        == (3, 1, 1)
    rejects = pd.read_csv(report["rejects"]["records"])
    assert sorted(rejects["reason"].str.split(" ").str[0]) == ["duplicate", "file"]
