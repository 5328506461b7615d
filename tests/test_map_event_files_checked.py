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
    assert (report["records"], report["event_files"], report["events_rejected"]) == (1, 1, 1)
    with (out / "events.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["source_file"] == str(wrong)
    assert row["reason"] == ("file not read: an article (txt), not an event table: give it as "
                             "an input to map it")
