"""The reverse lookup's polygons kept in the cache folder: the same answers parsed or cached,
the countries read only when needed, a damaged cache file parsed again."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap._datadir import resolve_data_dir
from geomap.gazetteer._reverse import ReverseIndex, keep_parsed

GAZ = resolve_data_dir(None) / "gazetteer"
#: (lat, lon): Kursk, Simferopol, Pyongyang, a coast, the open Pacific, a point off the globe
POINTS = [(51.73, 36.19), (44.95, 34.10), (39.02, 125.75), (43.30, 5.37), (0.0, -140.0),
          (95.0, 0.0), (-33.87, 151.21), (60.17, 24.94), (31.5, 34.47)]


@pytest.fixture(scope="module")
def parsed() -> list[str | None]:
    index = ReverseIndex(GAZ)  # no cache folder: parsed from the GeoJSON
    return [index.lookup(lat, lon) for lat, lon in POINTS]


def test_cached_polygons_answer_as_the_parsed_ones(tmp_path: Path, parsed) -> None:
    first = ReverseIndex(GAZ, tmp_path)
    assert [first.lookup(lat, lon) for lat, lon in POINTS] == parsed
    written = sorted(p.name for p in tmp_path.glob("reverse-*.npz"))
    assert [n.split("-")[1] for n in written] == ["admin1", "countries"]
    second = ReverseIndex(GAZ, tmp_path)
    assert [second.lookup(lat, lon) for lat, lon in POINTS] == parsed
    assert parsed[0] == "a1:RU.41" and parsed[4] is None and parsed[5] is None


def test_countries_are_read_only_when_no_division_holds_the_point(tmp_path: Path) -> None:
    index = ReverseIndex(GAZ, tmp_path)
    assert index.lookup(51.73, 36.19) == "a1:RU.41"
    assert [p.name.split("-")[1] for p in tmp_path.glob("reverse-*.npz")] == ["admin1"]


def test_a_damaged_cache_file_is_parsed_again(tmp_path: Path, parsed) -> None:
    ReverseIndex(GAZ, tmp_path).lookup(51.73, 36.19)
    (cached,) = tmp_path.glob("reverse-admin1-*.npz")
    cached.write_bytes(b"not a numpy archive")
    index = ReverseIndex(GAZ, tmp_path)
    assert [index.lookup(lat, lon) for lat, lon in POINTS] == parsed
    assert cached.stat().st_size > 1000  # written again


def test_an_unwritable_cache_folder_still_answers(tmp_path: Path, parsed) -> None:
    missing = tmp_path / "file-not-folder"
    missing.write_text("x")
    index = ReverseIndex(GAZ, missing)  # a file where the folder should be: nothing written
    assert [index.lookup(lat, lon) for lat, lon in POINTS] == parsed


def test_the_index_build_leaves_the_admin1_layer_parsed(tmp_path: Path, parsed) -> None:
    keep_parsed(GAZ, tmp_path)  # what build_index calls after writing the index
    (kept,) = tmp_path.glob("reverse-admin1-*.npz")
    stamp = kept.stat().st_mtime_ns
    index = ReverseIndex(GAZ, tmp_path)
    assert [index.lookup(lat, lon) for lat, lon in POINTS[:2]] == parsed[:2]
    assert kept.stat().st_mtime_ns == stamp  # read, not parsed and written again
