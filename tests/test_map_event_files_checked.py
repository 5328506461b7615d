"""`geomap map --events FILE`: an article given there is a rejected file with its reason, not
a table of junk records (new-user 59). Files written here."""

from __future__ import annotations

import csv
import json

from geomap.cli import main


def test_an_article_given_as_an_event_file_is_rejected_not_read_as_records(capsys, tmp_path,
                                                                           gazetteer):
    article = tmp_path / "report.txt"
    article.write_text("Shelling in Kupiansk\n\nShelling hit Kupiansk on Monday.\n",
                       encoding="utf-8")
    wrong = tmp_path / "other.txt"
    wrong.write_text("Drones over Sumy\n\nAir defence shot down drones over Sumy.\nMore later.\n",
                     encoding="utf-8")
    table = tmp_path / "events.csv"
    table.write_text("id,date,latitude,longitude,type,location\n"
                     "a1,2024-06-03,49.71,37.61,shelling,Kupiansk\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["map", str(article), "--events", str(wrong), str(table), "-o", str(out),
                 "--json", "--no-join", "--no-progress"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    # the article is a file not read, counted apart from rejected records (new-user 34)
    assert (report["records"], report["event_files"], report["event_files_unread"],
            report["events_rejected"]) == (1, 1, 1, 0)
    with (out / "events.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["source_file"] == str(wrong)
    assert row["reason"] == ("file not read: an article (txt), not an event table: give it as "
                             "an input to map it")


def test_event_files_that_hold_no_record_are_nothing_read(capsys, tmp_path, gazetteer):
    # a header-only export and a table whose only row is rejected: nothing to map, so the run
    # says so with status 1 (README) and its --json report, and the rejects file is written
    empty = tmp_path / "acled_empty.csv"
    empty.write_text("event_id_cnty,event_date,latitude,longitude,event_type,location\n",
                     encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,date,latitude,longitude,type,location\n"
                   "b1,2024-06-03,149.71,37.61,shelling,Nowhere\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["map", str(empty), str(bad), "-o", str(out), "--json", "--no-progress"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 1 and "nothing could be read" in report["error"]
    assert report["events_rejected"] == 1 and (out / "events.rejects.csv").is_file()
    assert not (out / "index.html").exists()


def test_an_output_path_naming_a_file_is_a_usage_error(capsys, tmp_path, gazetteer):
    article = tmp_path / "report.txt"
    article.write_text("Shelling hit Kupiansk on Monday.\n", encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text("<p>an earlier map</p>", encoding="utf-8")
    code = main(["map", str(article), "-o", str(page), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "must be a folder" in err and "Traceback" not in err
    assert page.read_text(encoding="utf-8") == "<p>an earlier map</p>"


def test_a_folder_of_events_counts_unread_files_apart_from_rejected_records(capsys, tmp_path,
                                                                           gazetteer):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("Field notes\n\nShelling was heard near Izium at dawn.\n",
                                     encoding="utf-8")
    (folder / "empty.csv").write_bytes(b"")
    (folder / "events.csv").write_text(
        "id,date,latitude,longitude,type,location\n"
        "b1,2024-06-03,49.21,37.26,shelling,Izium\n"
        "b2,2024-06-04,149.21,37.26,shelling,\n", encoding="utf-8")   # impossible, no name
    article = tmp_path / "story.txt"
    article.write_text("Izium shelled\n\nShelling hit Izium on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["map", str(article), "--events", str(folder), "-o", str(out), "--json",
                 "--no-join", "--no-progress"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (report["event_files"], report["event_files_unread"], report["records"],
            report["events_rejected"]) == (1, 2, 1, 1)
    with (out / "events.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(r["reason"].startswith("file not read") for r in rows) == 2 and len(rows) == 3
