"""The command line as a user meets it: help, JSON on stdout only, clear errors, exit codes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pytest

from geomap.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: geomap" in out and len(out) > 200


def test_version_and_versions(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("geomap ")
    code, out, _ = run(capsys, "versions", "--json")
    info = json.loads(out)
    assert code == 0 and info["geopandas"] and info["shapely"].startswith("2.") and info["GEOS"]


def test_geocode_json_is_stable_and_alone_on_stdout(capsys, gazetteer):
    code, out, _err = run(capsys, "geocode", "--json", "Kursk", "Pyongyang", "Kursk region",
                          "North Korean", "Xqzvillezzz")
    assert code == 0
    res = json.loads(out)  # nothing else on stdout
    assert [r["query"] for r in res] == ["Kursk", "Pyongyang", "Kursk region", "North Korean",
                                         "Xqzvillezzz"]
    keys = {"query", "name", "lat", "lon", "feature", "country", "admin1", "geonameid", "match",
            "confidence",
            "suggestions", "geo_precision", "matched_text", "unresolved", "disputed",
            "de_facto_country", "note", "nearest"}
    assert all(set(r) == keys for r in res)
    assert not any(r["disputed"] or r["de_facto_country"] for r in res)
    kursk, pyongyang, region, demonym, missing = res
    assert kursk["feature"] == "populated_place" and kursk["admin1"] == "Kursk Oblast"
    assert kursk["geonameid"] == 538560 and kursk["match"] == "exact"
    assert pyongyang["country"] == "KP"
    assert region["feature"] == "admin1" and region["name"] == "Kursk Oblast"
    assert demonym["feature"] == "country" and demonym["match"] == "demonym"
    assert missing["name"] is None and missing["lat"] is None and missing["match"] is None
    assert isinstance(missing["suggestions"], list)
    assert [r["geo_precision"] for r in res] == ["exact", "exact", "admin1", "country", "unknown"]
    assert kursk["matched_text"] == "Kursk" and missing["matched_text"] is None


def test_geocode_json_flags_disputed_territory(capsys, gazetteer):
    for extra, country in (((), "UA"), (("--de-facto",), "RU")):
        code, out, _err = run(capsys, "geocode", "--json", "Simferopol", "Lviv", *extra)
        assert code == 0
        crimea, lviv = json.loads(out)
        assert (crimea["country"], crimea["disputed"], crimea["de_facto_country"]) == (
            country, True, "RU")
        assert (lviv["country"], lviv["disputed"], lviv["de_facto_country"]) == ("UA", False, None)


def test_geocode_free_form_queries_from_a_file_one_answer_each_in_order(capsys, tmp_path,
                                                                      gazetteer):
    queries = tmp_path / "where.txt"
    queries.write_bytes("Lozova town, Kharkiv region\n\noutskirts of Poltava\n"
                        "Bilozerka village (Kherson district\n\x07\xff\n"
                        "Unknownivka, Sumy Oblast\n".encode("utf-8", "surrogateescape")
                        + b"\xff\xfe bad bytes\n" + ("z" * 10_000).encode() + b"\n")
    code, out, _err = run(capsys, "geocode", "--json", "Kyiv", "--input", str(queries))
    assert code == 0
    res = json.loads(out)
    assert len(res) == 9
    assert res[0]["name"] == "Kyiv" and res[1]["query"] == "Lozova town, Kharkiv region"
    assert res[1]["admin1"] == "Kharkiv Oblast" and res[1]["matched_text"] == "Lozova"
    assert res[2]["name"] is None and res[2]["geo_precision"] == "unknown"
    assert res[3]["name"] == "Poltava" and res[3]["geo_precision"] == "near"
    assert res[4]["admin1"] == "Kherson Oblast"
    sumy = res[6]
    assert sumy["feature"] == "admin1" and sumy["unresolved"] == ["Unknownivka"]
    assert res[8]["name"] is None


def test_geocode_table_shows_precision_and_what_was_not_found(capsys, gazetteer):
    code, out, _ = run(capsys, "geocode", "Unknownivka village, Sumy Oblast")
    assert code == 0
    assert "Sumy Oblast" in out and "admin1" in out and "not found: Unknownivka" in out


def test_geocode_table_and_bad_query(capsys, gazetteer):
    code, out, _ = run(capsys, "geocode", "Kharkov", "Zzqxv")
    assert code == 0
    assert "Kharkiv" in out and "not found" in out
    code, out, err = run(capsys, "geocode", "  ")
    assert code == 1 and out == ""
    assert err.startswith("geomap: error:") and err.count("\n") == 1


def test_geoparse_jsonl_with_bad_lines(capsys, tmp_path, gazetteer):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Troops left Pyongyang for Kursk.", "extra": 1}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b"}) + "\n"
        + json.dumps({"id": 7, "text": "Nothing here."}) + "\n",
        encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "geoparse", corpus, "-o", out_path, "--no-progress")
    assert code == 0 and out == ""
    lines = [json.loads(x) for x in out_path.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "7"]  # ids are strings, as in every other output
    names = [t["name"] for t in lines[0]["toponyms"]]
    assert names == ["Pyongyang", "Kursk"]
    assert lines[1]["toponyms"] == []
    rejects = [json.loads(x) for x in
               (tmp_path / "out.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["line"] for r in rejects) == [2, 3]
    assert ":2:" in err and ":3:" in err and "2 rejected" in err


def test_geoparse_roles_filter(capsys, gazetteer, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Ukrainian drones\n\nNorth Korean troops reached Kursk, Moscow said.\n",
                 encoding="utf-8")
    code, out, _ = run(capsys, "geoparse", f, "--roles", "literal")
    assert code == 0 and "Kursk" in out and "North Korean" not in out
    code, _, err = run(capsys, "geoparse", f, "--roles", "literal,bogus")
    assert code == 2 and "bogus" in err  # a usage error


@pytest.mark.parametrize("setup", ["missing", "empty_folder", "binary"])
def test_nothing_readable_exits_1_with_the_reasons(capsys, tmp_path, gazetteer, setup):
    if setup == "missing":
        target, reason = tmp_path / "nope.txt", "no such file or folder"
    elif setup == "empty_folder":
        target, reason = tmp_path / "empty", "empty folder"
        target.mkdir()
    else:
        target, reason = tmp_path / "scan.txt", "binary data"
        target.write_bytes(bytes(range(256)) * 4)
    code, out, err = run(capsys, "map", target, "-o", tmp_path / "out", "--no-progress")
    assert code == 1 and out == ""
    assert f"{target.name} skipped: {reason}" in err
    assert err.splitlines()[-1].startswith("geomap: error: no article could be read")
    assert not (tmp_path / "out" / "index.html").exists()
    [reject] = [json.loads(x) for x in (tmp_path / "out" / "articles.rejects.jsonl")
                .read_text(encoding="utf-8").splitlines()]
    assert reject["source"] == str(target) and reason in reject["reason"]


def test_usage_errors_exit_2(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title\nKyiv\n", encoding="utf-8")
    for argv in (["map", f, "--date", "someday"], ["map", f, "--formats", "shp"],
                 ["events", "extract", f, "-o", tmp_path / "x.csv"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), argv
        assert err.count("\n") == 1 and "error" in err
    with pytest.raises(SystemExit) as exc:
        main(["map"])  # argparse: no INPUT
    assert exc.value.code == 2
    for bad in (["--top", "0"], ["--days", "-5"], ["--km", "-1"], ["--km", "nan"]):
        with pytest.raises(SystemExit) as exc:  # refused before any input is read
            main(["map", str(f), "-o", str(tmp_path / "o"), *bad])
        assert exc.value.code == 2, bad
        assert bad[0] in capsys.readouterr().err
        assert not (tmp_path / "o").exists()


def test_map_end_to_end_on_samples(capsys, tmp_path, gazetteer):
    out_dir = tmp_path / "maps"
    code, out, _err = run(capsys, "map", SAMPLES, "-o", out_dir, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["articles"] == 7 and report["rejected"] == 0
    mentions = json.loads((out_dir / "mentions.geojson").read_text(encoding="utf-8"))
    assert mentions["type"] == "FeatureCollection" and "crs" not in mentions
    feats = mentions["features"]
    assert len(feats) == report["mentions"] > 50
    names = {f["properties"]["place_name"] for f in feats}
    assert {"Kursk Oblast", "Seoul", "Pyongyang", "Moscow", "Sudzha"} <= names
    unresolved = [f["properties"]["name"] for f in feats if f["geometry"] is None]
    assert len(unresolved) == report["unresolved"]  # named, placed nowhere: Kursk villages
    for f in feats:
        props = f["properties"]  # points; a country or oblast names its outline in areas
        if f["geometry"] is None:
            assert props["place_name"] is None and props["lon"] is None
            continue
        assert -180 <= props["lon"] <= 180 and -90 <= props["lat"] <= 90
        assert f["geometry"]["type"] == "Point"
        assert (props["area_key"] is not None) == (props["feature"] in ("country", "admin1")), \
            props
        assert props["article_id"]
    areas = json.loads((out_dir / "areas.geojson").read_text(encoding="utf-8"))["features"]
    keys = {f["properties"]["area_key"] for f in feats} - {None}
    assert {a["properties"]["area_key"] for a in areas} == keys
    assert {a["geometry"]["type"] for a in areas} == {"MultiPolygon"}
    events = json.loads((out_dir / "events.geojson").read_text(encoding="utf-8"))["features"]
    # the articles' events and the seven demo records in ACLED's format, linked by the join
    assert report["events"] == len(events) == report["text_events"] + report["records"]
    assert {f["properties"]["dataset"] for f in events} == {"text", "acled"}
    assert (report["event_files"], report["records"], report["events_rejected"]) == (1, 7, 0)
    assert report["joined"] and report["links"] > 0
    assert report["records_corroborated"] + report["records_uncovered"] == 7
    assert report["records_uncovered"] >= 1  # the Kharkiv strike no sample article reports
    links = pd.read_csv(out_dir / "links.csv", dtype={"article_id": str})
    best = links[(links["rank"] == 1) & links["corroborates"]]
    # the clash at Sudzha and the drone strike toward Korenevo: their own records, 1 km or less
    by_record = best.groupby("record_id")["distance_km"].min().to_dict()
    assert by_record.get("DEMO0001", 99) < 1 and by_record.get("DEMO0002", 99) < 1
    assert any(f["geometry"] and f["geometry"]["type"] == "LineString" for f in events)
    html = (out_dir / "index.html").read_text(encoding="utf-8")
    assert "GeoNames" in html and "Kursk Oblast" in html
    assert "<script>alert(1)</script>" not in html  # wire-003's text is escaped


def test_geopy_retry_tracebacks_stay_off_stderr_unless_very_verbose(capsys):
    from geomap.cli import _configure_logging

    for verbose, shown in ((0, False), (2, True)):
        _configure_logging(verbose, quiet=False)
        try:
            raise OSError("Name or service not known")
        except OSError:  # what geopy's RateLimiter logs on each retry
            logging.getLogger("geopy").warning("RateLimiter caught an error", exc_info=True)
        err = capsys.readouterr().err
        assert ("Traceback" in err) is shown, verbose
    _configure_logging(0, quiet=False)


def test_geocode_an_empty_query_among_others_is_answered_in_its_place(capsys, gazetteer):
    code, out, _err = run(capsys, "geocode", "--json", "Kyiv", "", "Lviv")
    assert code == 0
    res = json.loads(out)
    assert [r["name"] for r in res] == ["Kyiv", None, "Lviv"]
    assert res[1]["geo_precision"] == "unknown"
    code, out, err = run(capsys, "geocode", "--json", " ")  # nothing to look up at all
    assert code == 1 and out == "" and "empty query" in err


def test_events_extract_jsonl_has_the_table_fields_and_a_rejects_file(capsys, tmp_path,
                                                                      gazetteer):
    wire = tmp_path / "feed.jsonl"
    wire.write_text(
        json.dumps({"id": "a1", "date": "2025-03-14",
                    "text": "Artillery shelled Kherson on Friday, killing three civilians "
                            "and wounding seven."}) + "\n"
        + json.dumps({"id": "a2", "text": ""}) + "\n", encoding="utf-8")
    out = tmp_path / "ev.jsonl"
    stale = tmp_path / "ev.rejects.jsonl"
    code, stdout, err = run(capsys, "events", "extract", wire, "-o", out, "--json")
    assert code == 0
    report = json.loads(stdout)
    assert report["rejected"] == 1 and report["rejects"] == str(stale)
    assert str(stale) in err
    rejected = [json.loads(x) for x in stale.read_text("utf-8").splitlines()]
    assert len(rejected) == 1 and rejected[0]["reason"]
    [line] = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    ev = next(e for e in line["events"] if e["location"])
    assert ev["location"]["name"] == "Kherson"
    assert (ev["fatalities"], ev["wounded"], ev["article_date"]) == (3, 7, "2025-03-14")
    assert "civilians_killed" in ev
    # a run with nothing rejected leaves no stale rejects file behind
    wire.write_text(wire.read_text("utf-8").splitlines()[0] + "\n", encoding="utf-8")
    code, stdout, _err = run(capsys, "events", "extract", wire, "-o", out, "--json")
    assert code == 0 and json.loads(stdout)["rejects"] is None and not stale.exists()
