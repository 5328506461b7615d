"""`geomap geoparse --json`: a summary alone on stdout, like the other commands (new-user 17);
without -o it holds the documents' lines too. Inputs written here."""

from __future__ import annotations

import json

from geomap.cli import main


def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Floods in Lviv\n\nRain flooded streets in Lviv and Stryi "
                                  "on Sunday.\n", encoding="utf-8")
    (folder / "b.bin").write_bytes(b"\x00\x01\x02 not text")
    return folder


def test_json_with_out_is_the_summary(capsys, tmp_path, gazetteer):
    out = tmp_path / "m.jsonl"
    code = main(["geoparse", str(inputs(tmp_path)), "-o", str(out), "--json", "--no-progress"])
    stdout = capsys.readouterr().out
    summary = json.loads(stdout)  # the whole of stdout is one object
    assert code == 0
    assert (summary["documents"], summary["rejected"]) == (1, 1)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert summary["mentions"] == sum(len(d["toponyms"]) for d in lines) >= 2
    assert summary["resolved"] + summary["unresolved"] == summary["mentions"]
    assert summary["output"] == str(out) and summary["rejects"].endswith("m.rejects.jsonl")


def test_json_without_out_holds_the_documents_and_no_table(capsys, tmp_path, gazetteer):
    code = main(["geoparse", str(inputs(tmp_path)), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["output"] is None
    [doc] = summary["results"]
    assert doc["id"] == "a.txt" and {"Lviv", "Stryi"} <= {t["name"] for t in doc["toponyms"]}
    [bad] = summary["rejected_inputs"]
    assert bad["source"].endswith("b.bin") and "binary" in bad["reason"]
