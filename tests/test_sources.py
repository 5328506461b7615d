"""Tests for geomap.sources: reading .txt, HTML, JSON Lines and folders."""

from __future__ import annotations

import datetime
import json
import logging
from pathlib import Path

import pytest
from inputs_kit import write

from geomap.exceptions import InputError
from geomap.sources import (
    Article,
    ArticleReader,
    Reject,
    iter_jsonl,
    parse_date,
    read_articles,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SHARED = Path(__file__).resolve().parents[2] / "shared"
D = datetime.date


# -- .txt -------------------------------------------------------------------------------------


def test_txt_with_date_line(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "date 2024-11-05 Clash near Sudzha\n\nKYIV\n\nBody text.\n")
    [article] = read_articles([f])
    assert article == Article(
        id="a.txt",
        text="Clash near Sudzha\n\nKYIV\n\nBody text.\n",
        title="Clash near Sudzha",
        date=D(2024, 11, 5),
        url=None,
        path=str(f),
    )


def test_txt_without_date_line(tmp_path: Path) -> None:
    f = write(tmp_path / "b.txt", "Title only here\nBody mentions Kursk Oblast.\n")
    [article] = read_articles([f])
    assert article.title == "Title only here"
    assert article.date is None
    assert article.text.startswith("Title only here\n")
    assert article.text.index("Kursk Oblast") == len("Title only here\nBody mentions ")


def test_txt_date_line_alone_and_crlf_and_bom(tmp_path: Path) -> None:
    f = write(tmp_path / "c.txt", b"\xef\xbb\xbf date 2024-10-29\r\nHeadline\r\nBody\r\n")
    [article] = read_articles([f])
    assert article.date == D(2024, 10, 29)
    assert article.title == "Headline"
    assert article.text == "Headline\nBody\n"


def test_txt_bad_date_line_keeps_the_article_undated(tmp_path: Path) -> None:
    f = write(tmp_path / "bad.txt", "date 2024-13-40 Title\nBody\n")
    reader = ArticleReader()
    [article] = reader.read([f])
    assert (article.title, article.date, article.text) == ("Title", None, "Title\nBody\n")
    assert (reader.n_undated, reader.n_rejected) == (1, 0)


@pytest.mark.parametrize(("first_line", "day"), [
    ("date 12.03.2023 Shelling in Kharkiv overnight", D(2023, 3, 12)),
    ("date 12 March 2023 Shelling in Kharkiv overnight", D(2023, 3, 12)),
    ("date March 12, 2023 Shelling in Kharkiv overnight", D(2023, 3, 12)),
    ("date 32.13.2023 Shelling in Kharkiv overnight", None),
])
def test_txt_any_date_form_may_open_the_title_line(tmp_path: Path, first_line, day) -> None:
    f = write(tmp_path / "t.txt", first_line + "\nBody\n")
    reader = ArticleReader()
    [article] = reader.read([f])
    assert (article.title, article.date) == ("Shelling in Kharkiv overnight", day)
    assert reader.n_undated == (day is None)  # an unreadable date is counted, not a title


def test_txt_unreadable_date_alone_on_its_line_is_counted(tmp_path: Path) -> None:
    f = write(tmp_path / "u.txt", "date 32.13.2023\nTitle\nBody\n")
    reader = ArticleReader()
    [article] = reader.read([f])
    assert (article.title, article.date, reader.n_undated) == ("Title", None, 1)


def test_txt_title_starting_with_the_word_date(tmp_path: Path) -> None:
    f = write(tmp_path / "n.txt", "date night in Kyiv\nBody\n")
    [article] = read_articles([f])
    assert (article.title, article.date) == ("date night in Kyiv", None)
    assert article.text == "date night in Kyiv\nBody\n"


def test_default_date_applies_only_when_input_has_none(tmp_path: Path) -> None:
    dated = write(tmp_path / "dated.txt", "date 2024-10-29 T1\nx\n")
    undated = write(tmp_path / "undated.txt", "T2\ny\n")
    default = D(2025, 1, 1)
    got = {a.id: a.date for a in read_articles([dated, undated], date=default)}
    assert got == {"dated.txt": D(2024, 10, 29), "undated.txt": default}


def test_empty_txt_is_rejected_not_fatal(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "date 2024-10-29\n   \n")
    full = write(tmp_path / "full.txt", "Title\nBody\n")
    reader = ArticleReader()
    assert [a.id for a in reader.read([empty, full])] == ["full.txt"]
    assert reader.rejects == [Reject(str(empty), None, "no article text", "")]
    assert (reader.n_read, reader.n_rejected) == (1, 1)


# -- HTML -------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<title>Shelling   in &amp; around Sudzha</title>
<meta property="article:published_time" content="2024-11-06T09:15:00+03:00">
<link rel="canonical" href="https://example.org/sudzha">
<style>p { color: red; }</style>
<script>var secret = "do not show";</script>
</head>
<body>
<noscript>Enable JavaScript</noscript>
<h1>Shelling around Sudzha</h1>
<p>Russian artillery hit   villages
near <b>Sudzha</b> &mdash; officials in Kyiv said.</p>
<script type="text/javascript">alert("x < y");</script>
<p>Caf&eacute; owners in Kursk Oblast &lt;fled&gt;.<br>New line.</p>
<ul><li>One</li><li>Two</li></ul>
</body></html>
"""


def test_html_extraction(tmp_path: Path) -> None:
    f = write(tmp_path / "page.html", HTML)
    [article] = read_articles([f])
    assert article.title == "Shelling in & around Sudzha"
    assert article.date == D(2024, 11, 6)
    assert article.url == "https://example.org/sudzha"
    text = article.text
    assert text.startswith("Shelling around Sudzha\n\nRussian artillery hit villages near Sudzha")
    assert "Sudzha \u2014 officials in Kyiv said." in text
    assert "Café owners in Kursk Oblast <fled>.\nNew line." in text
    for hidden in ("secret", "alert", "color", "Enable JavaScript", "Shelling in &"):
        assert hidden not in text
    assert "\n\n\n" not in text
    assert "One" in text and "Two" in text


def test_html_time_element_date_and_default(tmp_path: Path) -> None:
    timed = write(
        tmp_path / "t.htm",
        '<html><body><p>Posted <time datetime="2024-10-30">Wed</time> in Seoul</p></body></html>',
    )
    undated = write(tmp_path / "u.html", "<p>No head, no title, but Pokrovsk.</p>")
    articles = list(read_articles([timed, undated], date=D(2024, 1, 2)))
    assert [a.date for a in articles] == [D(2024, 10, 30), D(2024, 1, 2)]
    assert articles[0].text == "Posted Wed in Seoul"
    assert articles[1].title is None
    assert articles[1].text == "No head, no title, but Pokrovsk."


def test_html_head_closed_implicitly(tmp_path: Path) -> None:
    f = write(tmp_path / "x.html", "<html><head><title>T</title><p>Visible text</p></html>")
    [article] = read_articles([f])
    assert (article.title, article.text) == ("T", "Visible text")


# -- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_rejects_and_good_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Alpha in Kyiv", "date": "2024-11-01", "title": "A"}),
        "",
        "{not json",
        json.dumps({"id": "b", "title": "no text here"}),
        json.dumps({"id": "c", "text": "Gamma", "date": "2024-11-02T10:00:00Z", "url": "u"}),
        json.dumps({"text": "no id"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "d", "text": "Delta", "date": "yesterday"}),
        "   ",
        json.dumps({"id": 7, "text": "Seven", "extra": 1}),
    ]
    f = write(tmp_path / "w.jsonl", "\n".join(lines) + "\n")
    reader = ArticleReader(date=D(2020, 5, 5))
    articles = list(reader.read([f]))
    assert [(a.id, a.text, a.date) for a in articles] == [
        ("a", "Alpha in Kyiv", D(2024, 11, 1)),
        ("c", "Gamma", D(2024, 11, 2)),
        ("d", "Delta", D(2020, 5, 5)),  # "yesterday": kept, with the default date
        ("7", "Seven", D(2020, 5, 5)),
    ]
    assert articles[0].title == "A" and articles[1].url == "u"
    assert all(a.path == str(f) for a in articles)
    assert [(r.line, r.raw) for r in reader.rejects] == [
        (3, "{not json"),
        (4, lines[3]),
        (6, lines[5]),
        (7, lines[6]),
    ]
    reasons = [r.reason for r in reader.rejects]
    assert reasons[0].startswith("invalid JSON")
    assert "'text'" in reasons[1]
    assert "'id'" in reasons[2]
    assert "object" in reasons[3]
    assert all(r.source == str(f) for r in reader.rejects)
    assert (reader.n_read, reader.n_rejected, reader.n_undated) == (4, 4, 1)


def test_iter_jsonl_strict_raises_with_line_number(tmp_path: Path) -> None:
    f = write(tmp_path / "s.jsonl", '{"a": 1}\r\n[oops\n')
    it = iter_jsonl(f)
    assert next(it) == (1, '{"a": 1}', {"a": 1})
    with pytest.raises(InputError, match=r"s\.jsonl, line 2"):
        next(it)


def test_jsonl_bad_line_in_a_utf8_file_names_its_offset(tmp_path: Path) -> None:
    data = (b'{"id": "a", "text": "Kyiv \xe2\x80\x94 ok"}\n{"id": "b", "text": "caf\xe9"}\n'
            b'{"id": "c", "text": "fine"}\n')
    f = write(tmp_path / "mixed.jsonl", data)
    reader = ArticleReader()
    assert [a.id for a in reader.read([f])] == ["a", "c"]
    [reject] = reader.rejects
    bad = data.index(b"\xe9")
    assert (reject.source, reject.line) == (str(f), 2)
    assert reject.reason == f"not valid UTF-8 at byte offset {bad}"
    assert reader.decoded == {}


def test_jsonl_of_escaped_posts_with_one_broken_line_keeps_the_others(tmp_path: Path) -> None:
    # a Telegram dump written with JSON escapes (all ASCII) whose last line lost its tail in a
    # bad copy: the other posts are read, the broken line is rejected alone (new-user3 36)
    posts = [json.dumps({"id": str(i), "text": f"Вибухи у Харкові, пост {i}"}) for i in range(4)]
    data = "\n".join(posts).encode("ascii") + b'\n{"id": "4", "text": "\xd0\n'
    f = write(tmp_path / "dump.jsonl", data)
    reader = ArticleReader()
    assert [a.id for a in reader.read([f])] == ["0", "1", "2", "3"]
    [reject] = reader.rejects
    assert reject.line == 5 and reject.reason


def test_jsonl_with_a_damaged_cyrillic_line_is_sniffed_as_jsonl(tmp_path: Path) -> None:
    # one post ends in two bytes no encoding reads: the file is still JSON Lines, not "binary"
    ok = json.dumps({"id": "a", "text": "Обстріл Сум уночі."}, ensure_ascii=False).encode()
    broken = '{"id": "b", "text": "Вибух у Шостці.'.encode() + b'\xff\xfe"}'
    f = write(tmp_path / "dump.jsonl", ok + b"\n" + broken + b"\n" + ok.replace(b'"a"', b'"c"'))
    reader = ArticleReader()
    assert [a.id for a in reader.read([f])] == ["a", "c"]
    assert [(r.line, r.reason.split(" at ")[0]) for r in reader.rejects] == [
        (2, "not valid UTF-8")]


def test_a_utf8_article_with_one_stray_byte_is_read_and_reported(tmp_path: Path) -> None:
    text = "Окупанти обстріляли Херсон. Пошкоджено будинки.\n" * 3
    f = write(tmp_path / "post.txt", text.encode() + b"\xff" + text.encode())
    reader = ArticleReader()
    [article] = reader.read([f])
    assert "Херсон" in article.text and reader.rejects == []
    assert reader.decoded == {str(f): "utf-8, 1 invalid byte replaced"}


def test_jsonl_saved_in_a_legacy_encoding_is_decoded_whole(tmp_path: Path) -> None:
    data = '{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\u00e9 \u201cKyiv\u201d"}\n'
    f = write(tmp_path / "latin.jsonl", data.encode("cp1252"))
    reader = ArticleReader()
    assert [a.text for a in reader.read([f])] == ["ok", "caf\u00e9 \u201cKyiv\u201d"]
    assert reader.decoded == {str(f): "cp1252"} and reader.rejects == []


# -- folders and ids --------------------------------------------------------------------------


def test_folder_recursion_sorted_relative_ids(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "B\nbody\n")
    write(root / "sub" / "deeper" / "c.html", "<title>C</title><p>c body</p>")
    write(root / "a.htm", "<p>a body</p>")
    write(root / "sub" / "feed.jsonl", json.dumps({"id": "j1", "text": "jsonl body"}) + "\n")
    notes = write(root / "notes.md", "not read, but not silently skipped")
    write(root / ".hidden" / "h.txt", "H\nhidden\n")
    write(root / ".h.txt", "H\nhidden\n")
    reader = ArticleReader()
    ids = [a.id for a in reader.read([root])]
    assert ids == ["a.htm", "b.txt", "sub/deeper/c.html", "j1"]
    [reject] = reader.rejects
    assert reject.source == str(notes) and "'.md'" in reject.reason


def test_single_file_id_is_file_name(tmp_path: Path) -> None:
    f = write(tmp_path / "x" / "y" / "story.txt", "Story\nbody\n")
    [article] = read_articles(f)  # a single path is accepted too
    assert article.id == "story.txt"
    assert article.path == str(f)


def test_duplicate_ids_get_unique_suffix(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    one = write(tmp_path / "one" / "story.txt", "One\nx\n")
    two = write(tmp_path / "two" / "story.txt", "Two\ny\n")
    feed = write(
        tmp_path / "feed.jsonl",
        "\n".join(json.dumps({"id": i, "text": "t"}) for i in ["story.txt#2", "story.txt"]),
    )
    with caplog.at_level(logging.WARNING, logger="geomap.sources"):
        ids = [a.id for a in read_articles([one, two, feed])]
    assert ids == ["story.txt", "story.txt#2", "story.txt#2#2", "story.txt#3"]
    assert len(ids) == len(set(ids))
    assert "duplicate article id" in caplog.text


def test_ids_unique_across_reads_of_one_reader(tmp_path: Path) -> None:
    f = write(tmp_path / "s.txt", "S\nbody\n")
    reader = ArticleReader()
    first = [a.id for a in reader.read([f])]
    second = [a.id for a in reader.read([f])]
    assert (first, second) == (["s.txt"], ["s.txt#2"])
    assert reader.n_read == 2


# -- errors -----------------------------------------------------------------------------------


def test_missing_path_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    good = write(tmp_path / "good.txt", "Good\nbody\n")
    reader = ArticleReader()
    articles = reader.read([missing, good])
    assert reader.rejects == [Reject(str(missing), None, "no such file or folder")]  # at once
    assert [a.id for a in articles] == ["good.txt"]


def test_empty_folder_and_folder_of_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    other = tmp_path / "other"
    write(other / "readme.rst", "not an article")
    reader = ArticleReader()
    assert list(reader.read([empty, other])) == []
    assert [(r.source, r.reason.split(" ")[0]) for r in reader.rejects] == [
        (str(empty), "empty"), (str(other / "readme.rst"), "text")]


def test_folder_whose_files_yield_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    write(folder / "bad.jsonl", "{broken\n")
    reader = ArticleReader()
    assert list(reader.read([folder])) == []
    assert (reader.n_read, reader.n_rejected) == (0, 1)
    assert reader.rejects[0].line == 1


def test_latin1_file_is_decoded_and_reported(tmp_path: Path) -> None:
    f = write(tmp_path / "latin1.txt", "Caf\xe9 in Kursk\n".encode("latin-1"))
    reader = ArticleReader()
    [article] = reader.read([f])
    assert article.text == "Caf\xe9 in Kursk\n"
    assert reader.decoded == {str(f): "cp1252"}


def test_bad_utf8_after_a_bom_is_rejected(tmp_path: Path) -> None:
    f = write(tmp_path / "bom.txt", b"\xef\xbb\xbfAB\xff")
    reader = ArticleReader()
    assert list(reader.read([f])) == []
    [reject] = reader.rejects
    assert "byte order mark" in reject.reason and "byte 2" in reject.reason


def test_pdf_is_rejected_with_its_kind(tmp_path: Path) -> None:
    f = write(tmp_path / "report.pdf", "%PDF-1.7 binary follows")
    reader = ArticleReader()
    assert list(reader.read([f])) == []
    assert reader.rejects == [Reject(str(f), None, "binary file: a PDF document (convert it "
                                     "to text first)")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-29", D(2024, 10, 29)),
        ("2024-10-29T23:30:00-05:00", D(2024, 10, 29)),
        (" 2024-10-29 08:00 ", D(2024, 10, 29)),
        ("29/10/2024", D(2024, 10, 29)),
        ("10/29/2024", D(2024, 10, 29)),
        ("20241029", D(2024, 10, 29)),
        ("29.10.2024", D(2024, 10, 29)),
        ("1.3.2022", D(2022, 3, 1)),
        ("12 March 2022", D(2022, 3, 12)),
        ("12th of March, 2022", D(2022, 3, 12)),
        ("March 12, 2022", D(2022, 3, 12)),
        ("Mar. 12, 2022 at 8:15 am EST", D(2022, 3, 12)),
        ("Saturday, 12 March 2022 14:05", D(2022, 3, 12)),
        ("Fri, 11 Mar 2022 08:00:00 +0000", D(2022, 3, 11)),
        ("Fri, 11 Mar 2022 23:30:00 -0500", D(2022, 3, 11)),  # the date as written, not UTC
        ("11 Mar 2022 08:00 GMT", D(2022, 3, 11)),
    ],
)
def test_parse_date(value: str, expected: datetime.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["3/7/2024", "2024-02-30", "2024-10-29x", "",
                                   "12 Marchember 2022", "yesterday", "31.2.2022", "March 2022",
                                   "2022"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError, match=r"date|not a day"):
        parse_date(value)


# -- the project's sample data ----------------------------------------------------------------


def test_samples_folder() -> None:
    reader = ArticleReader()
    articles = list(reader.read([SAMPLES]))
    # the demo records beside the articles are an event table, told apart and said so
    assert [(Path(r.source).name, r.reason.split(":")[0]) for r in reader.rejects] == \
        [("acled-format-demo-records.csv", "an event table (acled), not articles")]
    txt = [a for a in articles if a.id.endswith(".txt")]
    wire = [a for a in articles if a.id.startswith("wire-")]
    assert len(txt) == 4 and len(wire) == 3
    assert len({a.id for a in articles}) == len(articles) == reader.n_read
    for a in txt:
        assert a.date is not None and D(2024, 10, 1) <= a.date <= D(2024, 11, 30)
        assert a.title and a.text.startswith(a.title)
        assert 150 <= len(a.text.split()) <= 350
    for a in wire:
        assert a.url and a.url.startswith("https://example.org/")
        assert a.title and a.date is not None and a.text.startswith(a.title)
    phishing = [a for a in wire if "<script>" in a.text]
    assert len(phishing) == 1
    assert "<script>alert(1)</script>" in phishing[0].text
    assert "<img src=x onerror=alert(2)>" in phishing[0].text
    joined = " ".join(a.text for a in articles)
    for place in ("Kursk Oblast", "Sudzha", "Pokrovsk", "Seoul", "Brussels", "Vladivostok"):
        assert place in joined


@pytest.mark.shared
def test_seed_article() -> None:
    seed = SHARED / "seed" / "article.txt"
    if not seed.is_file():
        pytest.skip(f"seed article not available at {seed}")
    [article] = read_articles([seed])
    title = "N Korean FM in Russia as its troops train to fight in Ukraine"
    assert article.id == "article.txt"
    assert article.title == title
    assert article.date == D(2024, 10, 29)
    assert article.text.startswith(title + "\n")
    assert "WASHINGTON" in article.text
    assert "Kursk" in article.text
