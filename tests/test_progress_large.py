"""A document too large for a per-document progress bar is announced before it is read
(new-user 27)."""

from __future__ import annotations

import logging

from tqdm import tqdm

import geomap._progress as progress
from geomap.cli import main


def test_a_large_document_is_named_on_the_bar_and_in_the_log(caplog):
    bar = tqdm([], disable=False, leave=False)
    text = "Shelling hit Kharkiv. " * 50_000  # 1,100,000 characters
    with caplog.at_level(logging.WARNING, logger="geomap"):
        assert progress.note_large(bar, "digest.txt", text)
        assert not progress.note_large(bar, "short.txt", "Shelling hit Kharkiv.")
    bar.close()
    assert "now digest.txt: 1,100,000 characters" in bar.postfix
    [record] = caplog.records
    assert "digest.txt has 1,100,000 characters" in record.getMessage()


def test_geoparse_says_so_on_stderr(capsys, tmp_path, monkeypatch, gazetteer):
    monkeypatch.setattr(progress, "LARGE", 100)  # a small article stands for a huge one
    article = tmp_path / "digest.txt"
    article.write_text("Digest\n\n" + "Shelling hit Kharkiv on Monday. " * 10, encoding="utf-8")
    code = main(["geoparse", str(article), "-o", str(tmp_path / "m.jsonl")])
    err = capsys.readouterr().err
    assert code == 0 and "digest.txt has 328 characters in one document" in err
