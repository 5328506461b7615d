"""``geomap events read`` end to end, through the module's own add_parser/run."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from geomap.cli import events as events_cli

SHARED = Path(__file__).resolve().parents[2] / "shared" / "events"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="geomap")
    sub = parser.add_subparsers(dest="command")
    events_cli.add_parser(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_read_json_output(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    text = (FIXTURES / "acled_current.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[1] = lines[1].replace("48.1394,37.7425", "148.1394,37.7425")  # latitude > 90
    lines[2] = lines[2].replace("16 February 2024", "16 February 2999")  # kept, undated
    lines[3] = lines[3].replace("UKR900003,", ",", 1)                    # no event id
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "events.geojson"
    code = run_cli(["events", "read", str(FIXTURES / "acled_legacy.csv"), str(bad),
                    "-o", str(out), "--json"])
    assert code == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    rejects = tmp_path / "out" / "events.rejects.csv"
    counts = [{k: f[k] for k in ("path", "rows", "kept", "rejected", "undated", "rejects")}
              for f in report["files"]]
    assert counts == [
        {"path": str(FIXTURES / "acled_legacy.csv"), "rows": 5, "kept": 5, "rejected": 0,
         "undated": 0, "rejects": str(rejects)},
        {"path": str(bad), "rows": 8, "kept": 7, "rejected": 1, "undated": 1,
         "rejects": str(rejects)},
    ]
    assert report["output"] == str(out) and report["unread"] == []
    assert [f["encoding"] for f in report["files"]] == ["utf-8 (valid throughout)"] * 2
    assert "rejected" in captured.err and "1 kept undated (1 in the future)" in captured.err
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    assert "crs" not in fc
    assert len(fc["features"]) == 12
    props = fc["features"][0]["properties"]
    assert props["dataset"] == "acled"
    assert props["date"] == "2018-11-25"
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert (lat, lon) == (48.2347, 38.0122)
    undated = [f["properties"] for f in fc["features"]
               if f["properties"]["event_id"] == "UKR900002"]
    assert undated[0]["date"] is None
    assert undated[0]["notes"].endswith("date in the future not used: 2999-02-16")
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    assert rows[0]["reason"] == "missing required field: event_id_cnty"
    assert rows[0]["event_date"] == "17 February 2024"
    assert rows[0]["source_row"] == "3"
    # a latitude no point has: kept, located by its place name, the value in its notes
    impossible = [f["properties"] for f in fc["features"]
                  if f["properties"]["event_id"] == "UKR900001"]
    assert "swapped lat/lon: lat=148.139, lon=37.7425: located by its place name" in \
        impossible[0]["notes"]
    assert rows[0]["source_file"] == str(bad)


def test_read_custom_rejects_path_and_table(tmp_path, capsys):
    out = tmp_path / "e.geojson"
    rej = tmp_path / "r.csv"
    assert run_cli(["events", "read", str(FIXTURES / "acled_reexport.csv"), "-o", str(out),
                    "--rejects", str(rej)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "acled_reexport.csv" in captured.err
    assert rej.read_text(encoding="utf-8-sig").splitlines() == ["source_file,source_row,reason"]


@pytest.mark.shared
def test_read_gdelt_keeps_unlocated_events(tmp_path, capsys):
    path = SHARED / "gdelt" / "events.csv"
    if not path.exists():
        pytest.skip("../shared absent")
    out = tmp_path / "g.geojson"
    assert run_cli(["events", "read", str(path), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["rows"] == 100
    assert report["files"][0]["kept"] == 100
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert sum(f["geometry"] is None for f in fc["features"]) == 3
    assert {f["properties"]["dataset"] for f in fc["features"]} == {"gdelt"}
    assert fc["features"][0]["properties"]["orig_subtype"] == "043"


def test_bare_events_prints_help(capsys):
    assert run_cli(["events"]) == 2
    assert "read" in capsys.readouterr().err


def test_not_a_table_is_skipped_with_its_reason(tmp_path, capsys):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 4)
    article = tmp_path / "story.txt"
    article.write_text("Sirens in Lviv\n\nSirens sounded in Lviv.\n", encoding="utf-8")
    out = tmp_path / "o.geojson"
    assert run_cli(["events", "read", str(junk), str(article), "-o", str(out)]) == 1
    assert not out.exists()  # nothing could be read: no empty output, exit 1
    with (tmp_path / "o.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["source_file"]: r["reason"] for r in csv.DictReader(fh)}
    assert rows[str(junk)].startswith("file not read: binary data")
    assert "an article (txt), not an event table" in rows[str(article)]
    assert "no event file could be read" in capsys.readouterr().err
    # with the good file beside them the batch goes on
    good = tmp_path / "ok.csv"
    good.write_text((FIXTURES / "acled_legacy.csv").read_text(encoding="utf-8"),
                    encoding="utf-8")
    assert run_cli(["events", "read", str(junk), str(good), "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 5
