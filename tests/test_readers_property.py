"""Property tests: generated event tables and JSON Lines with broken quoting, wrong field
counts, junk bytes, odd dates and coordinates. Whatever the input: no exception other than a
clean InputError for a file that is not a table, kept + rejected == rows, and no output file
half written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.cli import main as run_cli
from geomap.events import read_events
from geomap.exceptions import InputError
from geomap.export.tables import read_table

ACLED_HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
                "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                "time_precision", "notes", "fatalities"]
GENERIC_HEADER = ["id", "date", "type", "place", "lat", "lon", "deaths", "description"]

DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d.month}/{d.day}/{d.year} 12:00:00 AM"),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.dates().map(lambda d: d.strftime("%d %B %Y")),
    st.dates().map(lambda d: d.strftime("%a, %d %b %Y 10:00:00 +0000")),
    st.sampled_from(["", "31/02/2022", "2022-13-01", "13/13/2013", "yesterday", "2999-01-01",
                     "1899-12-31", "0/0/0", "20220230", "44621", "2022"]),
    st.text(max_size=12),
)
COORDS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(-90, 90).map(lambda v: f"{v:.4f}"),
    st.floats(-90, 90).map(lambda v: f"{v:.3f}".replace(".", ",")),
    st.sampled_from(["", "nan", "inf", "-inf", "abc", "1e400", "95.5", "-181", " 48.5 "]),
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=30)
JUNK = st.binary(max_size=6).map(lambda b: b.replace(b"\x00", b"\x80"))


@st.composite
def table(draw, header: list[str], quoting_ok: bool):
    """(bytes, records written, delimiter): rows of odd values, some with a wrong number of
    fields; with ``quoting_ok`` False, some fields carry stray or unbalanced quotes."""
    n = draw(st.integers(1, 25))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    rows = []
    for i in range(n):
        row = {name: draw(TEXT) for name in header}
        row[header[0]] = f"E{i}" if draw(st.booleans()) else draw(TEXT)
        row[header[1]] = draw(DATES)
        for name in header:
            if name in ("latitude", "longitude", "lat", "lon"):
                row[name] = draw(COORDS)
        values = [row[name] for name in header]
        cut = draw(st.sampled_from([0, 0, 0, -1, -3, 2]))
        if cut < 0:
            values = values[:cut]
        elif cut > 0:
            values += ["surplus"] * cut
        rows.append(values)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n",
                                                                                  "\r\n"])))
    w.writerow(header)
    w.writerows(rows)
    text = buf.getvalue()
    if not quoting_ok:
        lines = text.split("\n")
        k = draw(st.integers(1, max(1, len(lines) - 1)))
        lines[k] = lines[k][:draw(st.integers(0, len(lines[k])))] + '"' + \
            draw(st.sampled_from(['', 'x"y', '""', ',"'])) + lines[k][len(lines[k]) // 2:]
        text = "\n".join(lines)
    data = text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])),
                       errors="replace") if draw(st.booleans()) else text.encode("utf-8")
    if draw(st.booleans()) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        junk = draw(JUNK)
        at = draw(st.integers(len(text.split("\n", 1)[0]) + 1, max(len(data) - 1, 1)))
        data = data[:at] + junk + data[at:]
    blank = sum(1 for r in rows if not any(v.strip() for v in r))
    return data, n - blank, delimiter


def check_result(result, written: int, exact: bool, data: bytes) -> None:
    assert result.kept + result.rejected == result.rows
    assert len(result.rejects) == result.rejected
    assert result.rejects["reason"].notna().all()
    if exact:
        assert result.rows == written
    else:  # at most one row per line (a bare CR ends a line too), the header aside
        lines = data.count(b"\n") + data.replace(b"\r\n", b"").count(b"\r") + 1
        assert result.rows <= lines - 1


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(case=table(ACLED_HEADER, quoting_ok=True))
def test_acled_shaped_tables_keep_or_reject_every_row(tmp_path_factory, case):
    data, written, _ = case
    path = tmp_path_factory.mktemp("p") / "acled.csv"
    path.write_bytes(data)
    try:
        result = read_events(path, format="acled")
    except InputError:
        return  # refused whole, with a message (e.g. junk made it binary)
    check_result(result, written, exact=b"\r" not in data.replace(b"\r\n", b""), data=data)


@SETTINGS
@given(case=table(GENERIC_HEADER, quoting_ok=False))
def test_generic_tables_with_broken_quoting(tmp_path_factory, case):
    data, written, _ = case
    path = tmp_path_factory.mktemp("p") / "events.csv"
    path.write_bytes(data)
    try:
        result = read_events(path, format="generic")
    except InputError:
        return
    check_result(result, written, exact=False, data=data)


@SETTINGS
@given(case=table(ACLED_HEADER, quoting_ok=False),
       suffix=st.sampled_from([".geojson", ".parquet", ".gpkg", ".csv"]))
def test_cli_writes_whole_files_or_none(tmp_path_factory, case, suffix):
    data, _written, _ = case
    folder = tmp_path_factory.mktemp("p")
    src = folder / "acled.csv"
    src.write_bytes(data)
    out = folder / "out" / f"events{suffix}"
    code = run_cli(["--quiet", "events", "read", str(src), "-o", str(out), "--format",
                    "acled"])
    leftovers = [p for p in (folder / "out").glob("*") if p.name.startswith(".")] \
        if (folder / "out").exists() else []
    assert leftovers == []
    if code != 0:
        assert not out.exists()
        return
    result = read_events(src, format="acled")
    assert len(read_table(out)) == result.kept
    with (folder / "out" / "events.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == result.rejected


@st.composite
def json_lines(draw):
    lines = []
    for i in range(draw(st.integers(1, 15))):
        kind = draw(st.sampled_from(["ok", "ok", "no-text", "broken", "junk", "not-object",
                                     "odd-date"]))
        if kind == "ok":
            lines.append(json.dumps({"id": f"a{i}", "text": draw(TEXT) + " Kyiv."}))
        elif kind == "odd-date":
            lines.append(json.dumps({"id": f"a{i}", "text": "Shelling in Kharkiv.",
                                     "date": draw(DATES)}))
        elif kind == "no-text":
            lines.append(json.dumps({"id": f"a{i}"}))
        elif kind == "broken":
            lines.append('{"id": "x", "text": "unterminated')
        elif kind == "junk":
            lines.append(draw(JUNK).decode("latin-1"))
        else:
            lines.append(json.dumps([1, 2, 3]))
    return lines


@SETTINGS
@given(lines=json_lines())
def test_json_lines_articles_are_read_or_rejected(tmp_path_factory, lines):
    from geomap.sources import ArticleReader

    path = tmp_path_factory.mktemp("p") / "articles.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", errors="replace"))
    reader = ArticleReader()
    try:
        articles = list(reader.read([str(path)]))
    except InputError:
        return  # a file refused whole, with its reason
    nonblank = sum(1 for ln in path.read_bytes().split(b"\n") if ln.strip())
    assert len(articles) + reader.n_rejected in (nonblank, 1)


def test_property_helpers_make_what_they_say():
    # the generator's own sanity: a clean table reads back with the rows it wrote
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(ACLED_HEADER)
    w.writerow(["E1", "2022-03-01", "Battles", "Armed clash", "A", "Ukraine", "Donetsk",
                "Avdiivka", "48.1", "37.7", "1", "1", "note", "0"])
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "one.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    result = read_events(path)
    assert (result.rows, result.kept, result.rejected) == (1, 1, 0)
