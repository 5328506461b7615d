"""Inputs through the command line: a folder with a bad file maps the rest, legacy encodings are
decoded and reported, event tables met among articles are named, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from inputs_kit import ATOM, CP1252_ARTICLE, RSS, UTF16_ARTICLE, mixed_folder, write

from geomap.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_map_folder_with_one_bad_file_maps_the_rest(tmp_path: Path, capsys, gazetteer) -> None:
    news = tmp_path / "news"
    write(news / "kyiv.txt", "date 12 March 2022 Sirens in Kyiv\n\nAir raid sirens sounded in "
          "Kyiv and Chernihiv overnight, officials said.\n")
    cp1252 = write(news / "odesa.txt", CP1252_ARTICLE.encode("cp1252"))
    utf16 = write(news / "mykolaiv.txt", UTF16_ARTICLE.encode("utf-16"))
    write(news / "feeds" / "wire.xml", RSS)
    write(news / "feeds" / "desk.atom", ATOM)
    binary = write(news / "scan.txt", bytes(range(256)) * 16)
    out = tmp_path / "maps"
    code, stdout, err = run(capsys, "map", news, "-o", out, "--json", "--no-text-events")
    assert code == 0
    report = json.loads(stdout)  # the JSON report alone on stdout
    assert report["articles"] == 3 + 4 and report["rejected"] == 1
    assert report["duplicates"] == 2 and report["undated"] == 1
    assert report["decoded"] == {str(cp1252): "cp1252", str(utf16): "utf-16"}
    [reject] = [json.loads(x) for x in
                (out / "articles.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["source"] == str(binary) and reject["line"] is None
    assert reject["reason"].startswith("binary data")
    assert f"{binary} skipped: binary data" in err
    assert f"{cp1252}: decoded as cp1252 (not UTF-8)" in err
    mentions = json.loads((out / "mentions.geojson").read_text(encoding="utf-8"))["features"]
    by_article = {}
    for f in mentions:
        by_article.setdefault(f["properties"]["article_id"], set()).add(
            f["properties"]["place_name"])
    assert "Odesa" in by_article["odesa.txt"] and "Mykolayiv" in by_article["mykolaiv.txt"]
    assert "Sumy" in by_article["urn:example:desk:1"]
    assert (out / "index.html").stat().st_size > 10_000


def test_geoparse_names_every_file_it_does_not_read(tmp_path: Path, capsys, gazetteer) -> None:
    files = mixed_folder(tmp_path / "in")
    out = tmp_path / "m.jsonl"
    code, stdout, err = run(capsys, "geoparse", tmp_path / "in", "-o", out, "--no-progress")
    assert code == 0 and stdout == ""
    rejects = {r["source"]: r["reason"] for r in map(
        json.loads, (tmp_path / "m.rejects.jsonl").read_text(encoding="utf-8").splitlines())}
    for key in ("acled", "generic", "geojson", "gdelt", "xlsx"):  # event tables, named as such
        assert rejects.pop(str(files[key])).startswith("an event table"), key
    assert set(rejects) == {str(files[k]) for k in ("binary", "pdf", "empty", "xml")}
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == 3 + 1 + 1 + 4  # 3 texts, the HTML page, the JSON Lines item, 4 feed items
    assert "9 documents" in err and "9 rejected inputs" in err


def test_nothing_readable_exits_1(tmp_path: Path, capsys, gazetteer) -> None:
    bad = write(tmp_path / "only" / "scan.txt", b"\x00\x01\x02" * 100)
    code, stdout, err = run(capsys, "events", "extract", bad.parent, "-o", tmp_path / "e.jsonl",
                            "--json")
    assert code == 1
    assert json.loads(stdout)["documents"] == 0 and "binary" in err
    code, stdout, _ = run(capsys, "geoparse", tmp_path / "missing.txt", "-o", tmp_path / "g.jsonl")
    assert code == 1 and stdout == ""
