"""What the CLI reports and writes for inputs it cannot use: nothing lost, counts said."""

from __future__ import annotations

import json

from geomap.cli import main

# our own text
ARTICLE = ("date 2024-05-06 Drone attack on Kremenchuk\n\n"
           "A drone struck a fuel depot in Kremenchuk on Monday, the regional governor said.\n")


def _inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "scan.bin").write_bytes(bytes(range(256)) * 8)
    return folder


def test_events_extract_on_an_engine_writes_the_rejects_beside_a_geojson_output(tmp_path):
    folder = _inputs(tmp_path)
    out = tmp_path / "events.geojson"
    assert main(["events", "extract", str(folder), "-o", str(out), "--engine", "local",
                 "--no-progress", "--cache-file", str(tmp_path / "c.sqlite")]) == 0
    rejects = [json.loads(line) for line in
               (tmp_path / "events.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"].endswith("scan.bin") for r in rejects] == [True]
    assert "binary" in rejects[0]["reason"]


def test_geoparse_of_a_binary_file_reports_it_rejected_and_prints_no_empty_table(tmp_path,
                                                                                 capsys):
    blob = tmp_path / "scan.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    assert main(["geoparse", str(blob)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{blob}: binary" in captured.err
    assert "0 documents, 0 mentions, 1 rejected input" in captured.err


def test_map_json_prints_its_object_when_nothing_could_be_read(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["map", str(empty), "-o", str(tmp_path / "m"), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 0 and report["rejected"] == 1
    assert "no article could be read" in report["error"]
    assert (tmp_path / "m" / "articles.rejects.jsonl").exists()


def test_events_read_json_prints_its_object_when_no_file_could_be_read(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["events", "read", str(empty), "-o", str(tmp_path / "e.csv"), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == [] and report["unread"][0]["path"] == str(empty)


def test_summaries_put_one_thing_in_the_singular():
    from geomap.cli._common import counted
    from geomap.scale.runner import RunSummary

    assert (counted(1, "record"), counted(0, "record"), counted(1200, "link")) == \
        ("1 record", "0 records", "1,200 links")
    line = RunSummary(task="events", engine="local", workers=1, partitions=1, documents=1,
                      items=1, rejects=1, other_language=1, other_language_ids=["fr1"]).line()
    for part in ("1 document (", "1 event,", "1 reject,", "of 1,", "1 worker)",
                 "1 document not in English, Ukrainian or Russian was read"):
        assert part in line, (part, line)


def test_a_table_with_no_event_column_is_not_read_as_events(tmp_path, capsys):
    table = tmp_path / "scores.csv"
    table.write_text("name,score\nalpha,3\nbeta,4\n", encoding="utf-8")
    assert main(["events", "read", str(table), "-o", str(tmp_path / "e.csv")]) == 1
    assert "not an event table" in (tmp_path / "e.rejects.csv").read_text(encoding="utf-8")
    assert main(["export", str(table), "-o", str(tmp_path / "x.kml")]) == 2  # usage error
