"""geomap._encoding: one decision for every text geomap reads, whole texts and streamed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap._encoding import NotText, decode_text, detect_file_encoding

# our own sentences
WESTERN = "Caf\u00e9 owners in Z\u00fcrich-strasse said the \u201cconvoy\u201d left at dawn.\n"
CYRILLIC = "Уночі безпілотники атакували Одесу, пошкоджено порт.\n"


def detect(path: Path):
    return detect_file_encoding(path, path.read_bytes()[:65536], str(path))


@pytest.mark.parametrize(("text", "codec", "expected"), [
    (WESTERN, "utf-8", "utf-8"),
    (WESTERN, "utf-8-sig", "utf-8-sig"),
    (WESTERN * 20, "cp1252", "cp1252"),
    (CYRILLIC * 20, "cp1251", "cp1251"),
    (CYRILLIC * 20, "utf-16", "utf-16"),
])
def test_texts_and_streamed_files_get_the_same_decision(tmp_path, text, codec, expected):
    data = text.encode(codec)
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    decoded = decode_text(data, str(path))
    assert decoded.encoding == expected
    assert decoded.text.lstrip("\ufeff") == text
    assert detect(path).name == expected


def test_a_legacy_byte_past_the_first_chunk_is_found_without_reading_the_file_whole(tmp_path):
    ascii_rows = b"id,location\n" + b"".join(b"%d,Kramatorsk\n" % i for i in range(400_000))
    path = tmp_path / "big.csv"
    path.write_bytes(ascii_rows + "1,Z\u00fcrich\n".encode("cp1252"))
    enc = detect(path)
    assert enc.name == "cp1252"
    assert f"not UTF-8 at byte {len(ascii_rows) + 3}" in enc.report


def test_binary_content_is_not_text(tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(NotText):
        detect(path)


@pytest.mark.parametrize(("codec", "places"), [
    ("cp1250", ["Łódź", "Kraków", "Gdańsk", "Wrocław", "Białystok", "Rzeszów", "Częstochowa",
                "Bielsko-Biała"]),
    ("cp1254", ["İstanbul", "Şanlıurfa", "Diyarbakır", "Gaziantep", "Muş", "Iğdır", "Ağrı",
                "Çorum"]),
    ("cp1253", ["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος"]),
])
def test_event_tables_name_places_of_every_country(tmp_path, codec, places):
    # why tables are decided among more code pages than news texts (see TABLE_CODE_PAGES);
    # the evidence is the table's distinct non-ASCII words: with only six Polish or Turkish
    # names charset-normalizer still answered cp1252 / cp1250 (a limit of short tables)
    from geomap.events import read_events

    lines = ["id,date,lat,lon,place,notes"] + [
        f"e{i},2024-03-0{i + 1},50.0,20.0,{p},Protest in {p}"
        for i, p in enumerate(places)]
    path = tmp_path / "events.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode(codec))
    result = read_events(path)
    assert result.encoding == codec
    assert list(result.events["location"]) == places


# our own rows: an English export naming a few places in Cyrillic
MOSTLY_LATIN = [("Kostiantynivka", "Artillery fire reported by the regional administration"),
                ("Часів Яр", "Drone strike on a warehouse - two injured"),
                ("Siversk", "Shelling overnight, no casualties")]


@pytest.mark.parametrize("codec", ["cp1251", "koi8_u", "mac_cyrillic"])
def test_a_mostly_latin_table_naming_a_cyrillic_place_keeps_its_code_page(tmp_path, codec):
    # charset-normalizer alone read the one Cyrillic name of such a table as Windows-1250
    # ("Áŕőěóň") or Mac Cyrillic ("Ѕахмут"): short evidence, candidates scored alike
    from geomap.events import read_events

    lines = ["event_id;event_date;latitude;longitude;location;notes"] + [
        f"r{i};2024-02-1{i};48.6;37.9;{place};{note}"
        for i, (place, note) in enumerate(MOSTLY_LATIN)]
    path = tmp_path / "export.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode(codec))
    result = read_events(path)
    assert list(result.events["location"]) == [p for p, _ in MOSTLY_LATIN]


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_an_english_text_naming_one_cyrillic_place_is_read_right(codec):
    text = "Sirens sounded in the morning; the mayor of Суми said the strike hit a school.\n"
    assert decode_text(text.encode(codec)).text == text


def test_a_western_table_whose_only_legacy_bytes_are_dashes_and_quotes_is_cp1252(tmp_path):
    # the en dash (0x96) alone read as a DOS Cyrillic capital "Ц" before
    path = tmp_path / "w.csv"
    path.write_bytes("id,place,notes\n1,Gulu,\u201cconvoy\u201d \u2013 left\n2,Lira,calm\n"
                     .encode("cp1252"))
    assert detect(path).name == "cp1252"


@pytest.mark.parametrize("stray", [b"\xff", b"\xd0", b"\xe2\x80"])
def test_a_utf8_article_with_a_stray_byte_is_read_with_a_note(stray):
    # a lone 0xFF, a cut Cyrillic letter, a cut dash: one bad copy must not make a whole
    # Ukrainian article "binary" (new-user3 36)
    good = (CYRILLIC * 3).encode("utf-8")
    decoded = decode_text(good + stray + good, "post.txt")
    assert decoded.text == CYRILLIC * 3 + "\ufffd" + CYRILLIC * 3
    assert decoded.replaced == 1 and decoded.legacy
    assert "1 invalid byte replaced" in decoded.note("post.txt")


def test_legacy_code_pages_are_not_taken_for_utf8_with_stray_bytes():
    for text, codec in ((CYRILLIC * 20, "cp1251"), (WESTERN * 20, "cp1252")):
        decoded = decode_text(text.encode(codec), "f.txt")
        assert (decoded.encoding, decoded.text, decoded.replaced) == (codec, text, 0)
