"""The SQLite layout of a gazetteer index (the built world index and the user's imports)."""

from __future__ import annotations

import sqlite3

#: Bump when the layout or the build rules change: old cache files are then ignored.
INDEX_FORMAT = 13

#: Name kinds, best first. ``name``: the place's preferred name; ``alt``: an alternate name;
#: ``stem``: a division's name without its generic word ("Kursk" of "Kursk Oblast");
#: ``abbr``: an all-capitals abbreviation ("USA", "MS"); ``dotted``: a news-style abbreviation
#: with dots ("U.S.", "Calif."); ``demonym``: "North Korean".
NAME_KINDS = ("name", "alt", "abbr", "dotted", "stem", "demonym")

DDL = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    geonameid INTEGER,
    country TEXT,
    admin1_code TEXT,
    admin1 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    disputed INTEGER NOT NULL DEFAULT 0,
    de_facto TEXT,
    capital INTEGER NOT NULL DEFAULT 0,
    n_names INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names (
    fkey TEXT NOT NULL,
    tkey TEXT NOT NULL,
    place INTEGER NOT NULL,
    kind TEXT NOT NULL,
    rnk INTEGER NOT NULL DEFAULT 0
);
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS names_fkey ON names (fkey);
CREATE INDEX IF NOT EXISTS names_tkey ON names (tkey);
CREATE INDEX IF NOT EXISTS places_geonameid ON places (geonameid);
"""

PLACE_COLUMNS = (
    "id", "key", "name", "feature", "lat", "lon", "geonameid", "country", "admin1_code",
    "admin1", "population", "disputed", "de_facto", "capital", "n_names",
)


def create(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)


#: Places of one name beyond this rank (coarse features first, then by population) are left out
#: of the geoparser's batch lookups: "Springfield" names 80 places, and the 200th never wins.
RANK_LIMIT = 40


def rank_names(conn: sqlite3.Connection) -> None:
    """Number each name's places: coarse features first, then by population."""
    conn.executescript("""
        CREATE TABLE ranked AS
        SELECT n.fkey, n.tkey, n.place, n.kind, ROW_NUMBER() OVER (
            PARTITION BY n.fkey ORDER BY p.feature = 'country' DESC, p.feature = 'admin1' DESC,
            p.population DESC, n.place) AS rnk
        FROM names n JOIN places p ON p.id = n.place;
        DROP TABLE names;
        ALTER TABLE ranked RENAME TO names;
    """)


def create_indexes(conn: sqlite3.Connection) -> None:
    conn.executescript(INDEXES)


#: The meta row listing the admin-1 codes that populated places carry (JSON, null included).
TOWN_CODES = "town_admin1_codes"
TOWN_CODES_SQL = "SELECT DISTINCT admin1_code FROM {} WHERE feature = 'populated_place'"


def town_codes(conn: sqlite3.Connection, table: str = "places") -> list[str | None]:
    """The admin-1 codes of ``table``'s populated places, sorted (None first): kept in the
    index's meta table at build time, since reading them takes a full scan of the places
    (0.12 s, which every process paid on its first "X in Y Oblast")."""
    codes = {code for (code,) in conn.execute(TOWN_CODES_SQL.format(table))}
    return sorted(codes, key=lambda c: (c is not None, c or ""))
