"""The input classifier: each kind of input by content, rejects with reasons, folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs_kit import (
    ACLED,
    ARTICLE,
    ATOM,
    GENERIC,
    RSS,
    gdelt_row,
    mixed_folder,
    write,
    write_xlsx,
)

from geomap.inputs import InputFile, InputReject, classify, classify_file


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("a.txt", ARTICLE, ("article", "txt", None)),
    ("no-extension", ARTICLE, ("article", "txt", None)),
    ("a.html", "<p>Shelling in Kherson.</p>", ("article", "html", None)),
    ("saved.txt", "<!doctype html><title>x</title><p>Kherson</p>", ("article", "html", None)),
    ("w.jsonl", '{"id": "1", "text": "Kyiv"}\n', ("article", "jsonl", None)),
    ("w.json", '{"id": "1", "text": "Kyiv"}\n{"id": "2", "text": "Lviv"}\n',
     ("article", "jsonl", None)),
    ("feed.xml", RSS, ("feed", "rss", None)),
    ("feed.html", RSS, ("feed", "rss", None)),  # by content, not by name
    ("desk.atom", ATOM, ("feed", "atom", None)),
    ("rdf.rss", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
     'syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', ("feed", "rdf", None)),
    ("acled.csv", ACLED, ("events", "csv", "acled")),
    ("acled.txt", ACLED, ("events", "csv", "acled")),  # a table saved as .txt
    ("acled.tsv", ACLED.replace(",", "\t"), ("events", "csv", "acled")),
    ("points.csv", GENERIC, ("events", "csv", "generic")),
    ("points-semicolon.txt", GENERIC.replace(",", ";") + "g3;2022-03-14;Lviv;49.8;24.0;x\n",
     ("events", "csv", "generic")),
    ("20220312.export.CSV", gdelt_row(57) + "\n" + gdelt_row(58) + "\n",
     ("events", "csv", "gdelt")),
    ("gdelt2.csv", gdelt_row(61) + "\n", ("events", "csv", "gdelt")),
    ("e.geojson", json.dumps({"type": "FeatureCollection", "features": []}),
     ("events", "geojson", "generic")),
    ("e.json", json.dumps({"type": "FeatureCollection", "features": []}),
     ("events", "geojson", "generic")),
])
def test_kinds_by_content(tmp_path: Path, name, data, expected) -> None:
    kind, fmt, dataset = expected
    f = write(tmp_path / name, data)
    found = classify_file(f)
    assert found == InputFile(f, kind, fmt, dataset, name)


def test_xlsx_and_utf16_and_cp1252(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "sheet.xlsx")
    assert (classify_file(xlsx).kind, classify_file(xlsx).format) == ("events", "xlsx")
    utf16 = write(tmp_path / "u.txt", ARTICLE.encode("utf-16"))
    assert classify_file(utf16).kind == "article"
    utf16_table = write(tmp_path / "acled-export.csv", ACLED.encode("utf-16"))
    assert classify_file(utf16_table).dataset == "acled"
    cp = write(tmp_path / "c.txt", "\u201cQuoted\u201d headline\nbody\n".encode("cp1252"))
    assert classify_file(cp).format == "txt"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("photo.txt", bytes(range(256)) * 8, "binary data"),
    ("report.pdf", b"%PDF-1.4 ...", "PDF"),
    ("img.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "PNG"),
    ("archive.zip", None, "ZIP archive"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("config.xml", '<?xml version="1.0"?><settings/>', "root <settings>"),
    ("data.json", '{"rows": [1, 2]}', "neither GeoJSON nor JSON Lines"),
    ("notes.md", "Some notes\n", "'.md'"),
    ("one-column.csv", "just a line of prose\nand another\n", "without delimited columns"),
    ("mentions.csv", "\t".join(["1029384756", "20220312000000", "20220312001500",
                                *["x"] * 13]) + "\n", "GDELT mentions"),
    ("header.csv", "GLOBALEVENTID,SQLDATE,EventCode\n1,20220312,190\n", "header"),
])
def test_rejects_say_why(tmp_path: Path, name, data, reason) -> None:
    f = tmp_path / name
    if data is None:
        import zipfile

        with zipfile.ZipFile(f, "w") as zf:
            zf.writestr("inner.txt", "text")
    else:
        write(f, data)
    found = classify_file(f)
    assert isinstance(found, InputReject), found
    assert found.path == str(f) and reason in found.reason


def test_prose_with_commas_is_an_article_not_a_table(tmp_path: Path) -> None:
    f = write(tmp_path / "story.txt", "Troops, tanks and trucks moved\n\nThey came from the "
              "east, officials said, and stopped near Izium, Balakliia and Kupiansk.\n"
              "More, later.\n")
    assert classify_file(f).kind == "article"


def test_folder_mixing_everything(tmp_path: Path) -> None:
    files = mixed_folder(tmp_path / "in")
    found = classify([tmp_path / "in", tmp_path / "missing.txt"])
    kinds = {f.path: (f.kind, f.dataset) for f in found.files}
    for key in ("article", "html", "jsonl", "cp1252", "utf16"):
        assert kinds[files[key]] == ("article", None), key
    assert kinds[files["rss"]] == ("feed", None) and kinds[files["atom"]] == ("feed", None)
    assert kinds[files["acled"]] == ("events", "acled")
    assert kinds[files["gdelt"]] == ("events", "gdelt")
    for key in ("generic", "geojson", "xlsx"):
        assert kinds[files[key]] == ("events", "generic"), key
    rejected = {r.path: r.reason for r in found.rejects}
    assert set(rejected) == {str(files[k]) for k in ("binary", "pdf", "empty", "xml")} | {
        str(tmp_path / "missing.txt")}
    assert len(found.files) + len(found.rejects) == len(files) + 1  # every file accounted for
    assert found.counts() == {"article": 5, "feed": 2, "events": 5, "rejected": 5}
    assert [f.id for f in found.texts][:3] == ["articles/kharkiv.txt", "articles/mykolaiv.txt",
                                               "articles/odesa.txt"]
    assert all(f.kind == "events" for f in found.events)
    assert not any("hidden" in str(f.path) for f in found.files)


def test_empty_folder_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert classify(tmp_path / "empty").rejects == [InputReject(str(tmp_path / "empty"),
                                                                "empty folder")]
