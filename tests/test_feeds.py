"""Saved RSS and Atom feeds as article inputs: fields, dates, HTML, duplicates across feeds."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from inputs_kit import ATOM, RSS, write

from geomap.cli import main
from geomap.sources import ArticleReader

D = datetime.date


def test_rss_and_atom_items_with_duplicates_across_feeds(tmp_path: Path) -> None:
    rss = write(tmp_path / "wire.xml", RSS)
    atom = write(tmp_path / "desk.atom", ATOM)
    reader = ArticleReader()
    got = {a.id: a for a in reader.read([rss, atom])}
    assert list(got) == ["wire-1001", "https://news.example.org/istanbul-talks",
                         "https://news.example.org/zhytomyr-bridge", "urn:example:desk:3"]
    sumy = got["wire-1001"]  # id from the guid; HTML of the description stripped
    assert sumy.title == "Drone strike reported in Sumy"
    assert sumy.text == ("Drone strike reported in Sumy\n\n"
                         "Officials in Sumy said a drone struck a depot.")
    assert (sumy.url, sumy.date, sumy.path) == ("https://news.example.org/sumy-drone",
                                                D(2022, 3, 11), str(rss))
    talks = got["https://news.example.org/istanbul-talks"]  # no guid: id from the link
    assert talks.date == D(2022, 3, 12)
    assert got["https://news.example.org/zhytomyr-bridge"].date is None  # "sometime last week"
    power = got["urn:example:desk:3"]  # Atom content (HTML) preferred, stripped
    assert power.text.endswith("Crews restored power to most of Chernihiv.")
    assert "<" not in power.text and power.date == D(2022, 3, 12)
    # Atom's Sumy item has the same link (trailing slash); its Istanbul item another link but
    # the same title (punctuation aside) and date: both are read once
    assert reader.summary() == {"articles": 4, "rejected": 0, "undated": 1, "duplicates": 2,
                                "decoded": {}}


def test_the_same_feed_saved_twice_is_read_once(tmp_path: Path) -> None:
    one = write(tmp_path / "a" / "wire.xml", RSS)
    two = write(tmp_path / "b" / "wire-copy.rss", RSS)
    reader = ArticleReader()
    assert len(list(reader.read([one, two]))) == 3
    assert reader.n_duplicates == 3


def test_feed_dates_are_the_dates_as_written(tmp_path: Path) -> None:
    feed = RSS.replace("Sat, 12 Mar 2022 10:30:00 +0200", "Fri, 11 Mar 2022 23:30:00 -0500")
    [_, talks, _] = ArticleReader().read([write(tmp_path / "f.xml", feed)])
    assert talks.date == D(2022, 3, 11)  # not 12 March, the UTC date


def test_bad_items_and_bad_feeds_are_rejected_with_reasons(tmp_path: Path) -> None:
    empty_item = RSS.replace("<item><title>Talks planned in Istanbul</title>", "<item><title>"
                             "</title>").replace(
        "<description>Delegations are expected in Istanbul next week.</description>", "")
    broken = write(tmp_path / "broken.xml", '<?xml version="1.0"?>\n<rss version="2.0">'
                   "<channel><title>x</title></channel></rss")
    partial = write(tmp_path / "partial.xml", empty_item)
    reader = ArticleReader()
    articles = list(reader.read([broken, partial]))
    assert len(articles) == 2
    assert [(r.source, r.reason.split(" (")[0]) for r in reader.rejects] == [
        (str(broken), "a feed without items"),
        (str(partial), "feed item 2 has neither title nor text")]


def test_feed_in_a_folder_is_read_through_the_cli(tmp_path: Path, capsys, gazetteer) -> None:
    folder = tmp_path / "news"
    write(folder / "saved" / "wire.xml", RSS)
    write(folder / "desk.atom", ATOM)
    write(folder / "note.txt", "Curfew in Odesa\n\nA curfew was declared in Odesa.\n")
    out = tmp_path / "m.jsonl"
    code = main(["geoparse", str(folder), "-o", str(out), "--no-progress"])
    _stdout, err = capsys.readouterr()
    assert code == 0
    docs = {d["id"]: [t["name"] for t in d["toponyms"]] for d in
            map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len(docs) == 5 and "Odesa" in docs["note.txt"]
    # desk.atom comes first in the folder: its copy of the Sumy item is the one read
    assert "Sumy" in docs["urn:example:desk:1"] and "Chernihiv" in docs["urn:example:desk:3"]
    assert "wire-1001" not in docs
    assert "5 documents" in err and "0 rejected" in err
