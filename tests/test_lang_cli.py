"""Languages at the command line: --lang on every text command, documents in other languages
reported (not silently read as English), no abbreviated options. Texts written for these
tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geomap.cli import main

FRENCH = ("Les forces russes ont bombardé la ville de Kharkiv dans la nuit, selon les "
          "autorités locales, et une école a été touchée dans le centre.")
ENGLISH = "Russian forces shelled Kharkiv overnight, the regional governor said on Monday."
UKRAINIAN = "Окупанти вночі обстріляли Харків, повідомив голова обласної адміністрації."


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                            for i, t in (("en1", ENGLISH), ("fr1", FRENCH), ("uk1", UKRAINIAN))),
                    encoding="utf-8")
    return path


def test_geoparse_says_which_documents_were_read_with_another_languages_rules(
        capsys, tmp_path, corpus, gazetteer):
    out_path = tmp_path / "m.jsonl"
    code, out, err = run(capsys, "geoparse", corpus, "-o", out_path, "--no-progress")
    assert code == 0 and out == ""
    lines = {x["id"]: x for x in map(json.loads, out_path.read_text("utf-8").splitlines())}
    assert {k: v["language"] for k, v in lines.items()} == {"en1": "en", "fr1": "en",
                                                             "uk1": "uk"}
    assert "English rules" in lines["fr1"]["language_note"]
    assert "language_note" not in lines["en1"] and "language_note" not in lines["uk1"]
    assert "1 document not in English, Ukrainian or Russian" in err and "fr1" in err
    # the table form says it too; a forced language is taken as given, with no note
    code, out, err = run(capsys, "geoparse", corpus)
    assert code == 0 and "fr1" in err and "Kharkiv" in out
    code, out, err = run(capsys, "geoparse", corpus, "--lang", "en", "-o", out_path,
                         "--no-progress")
    assert code == 0 and "not in English" not in err
    assert {x["language"] for x in map(json.loads, out_path.read_text("utf-8").splitlines())} \
        == {"en"}


def test_run_and_events_extract_take_lang_and_report_other_languages(
        capsys, tmp_path, corpus, gazetteer):
    code, out, err = run(capsys, "run", "mentions", corpus, "-o", tmp_path / "parts", "--json",
                         "--no-progress", "--no-cache")
    assert code == 0
    summary = json.loads(out)
    assert summary["other_language"] == 1 and summary["other_language_ids"] == ["fr1"]
    assert "fr1" in err
    # forced: the Ukrainian rules read the Ukrainian text; nothing is noted
    code, out, _ = run(capsys, "run", "mentions", corpus, "-o", tmp_path / "parts2", "--json",
                       "--no-progress", "--no-cache", "--lang", "uk")
    assert code == 0 and json.loads(out)["other_language"] == 0
    code, out, err = run(capsys, "events", "extract", corpus, "-o", tmp_path / "ev.jsonl",
                         "--json", "--date", "2025-03-04")
    assert code == 0
    assert json.loads(out)["other_language"] == ["fr1"] and "fr1" in err
    events = {x["id"]: x["events"] for x in
              map(json.loads, (tmp_path / "ev.jsonl").read_text("utf-8").splitlines())}
    assert events["en1"] and events["en1"][0]["date"].startswith("2025-03")


def test_options_are_never_abbreviated(capsys, tmp_path):
    table = tmp_path / "events.csv"
    table.write_text("event_date,latitude,longitude\n2024-01-02,50.0,36.2\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:  # "--date" is no abbreviation of "--date-order"
        main(["events", "read", str(table), "--date", "day-first", "-o",
              str(tmp_path / "o.geojson")])
    assert exc.value.code == 2 and "--date" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["geoparse", str(table), "--no-prog"])
    assert exc.value.code == 2
