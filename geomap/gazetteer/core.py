"""The offline world gazetteer: name search, lookup by id, reverse lookup."""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .._atomic import atomic_write_text
from .._cachedir import resolve_cache_dir
from .._datadir import resolve_data_dir
from .._text import fold_key, translit_key
from ..exceptions import GazetteerError, InputError
from ..places import FEATURES, Place
from . import _schema
from ._build import build_index
from ._priors import priors
from ._sources import GENERIC_WORDS

__all__ = ["USER_DB_NAME", "Candidate", "Gazetteer", "max_edits"]

log = logging.getLogger(__name__)

USER_DB_NAME = "user-places.sqlite"
#: Ids of places imported by the user start here, so they never clash with the world index.
USER_ID_BASE = 100_000_000

MATCH_OF_KIND = {"name": "exact", "alt": "alternate_name", "abbr": "alternate_name",
                 "dotted": "alternate_name",
                 "stem": "alternate_name", "demonym": "demonym"}
AREA_FEATURES = ("admin1", "admin2", "region")
#: Fold keys whose lookup answers the geoparser keeps (then starts afresh).
KEY_CACHE_SIZE = 200_000

_AREA_SUFFIX = re.compile(
    r"^(?:the\s+)?(?P<head>.+?)\s+(?:border\s+)?(?P<word>"
    + "|".join(re.escape(fold_key(w)) for w in sorted(GENERIC_WORDS, key=len, reverse=True))
    + r"|area|areas|regions)$"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that a name may refer to, with how the name matched and a ranking score."""

    place: Place
    match: str
    kind: str
    score: float


class Gazetteer:
    """The offline gazetteer.

    Parameters
    ----------
    cache_dir
        Where the index is built on first use (see :func:`geomap._cachedir.resolve_cache_dir`).
    data_dir
        The shipped data folder (see :func:`geomap._datadir.resolve_data_dir`).
    de_facto
        Report the country in de-facto control for disputed territory (Crimea -> RU) instead of
        the internationally recognised one (the default, Crimea -> UA).
    """

    def __init__(
        self,
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        de_facto: bool = False,
    ) -> None:
        self.cache_dir = resolve_cache_dir(cache_dir)
        self.data_dir = resolve_data_dir(data_dir)
        self.de_facto = de_facto
        self.index_path = build_index(self.cache_dir, self.data_dir)
        self.user_path = self.cache_dir / USER_DB_NAME
        self._lock = threading.Lock()
        self._conn = self._connect()
        self._reverse = None
        self._suggest_names: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        self._key_cache: dict[str, list[tuple[str, tuple]]] = {}
        self._tkey_cache: dict[str, list[tuple[str, tuple]]] = {}
        self._zipf_cache: dict[str, float] = {}
        self._countries: dict[str, Place | None] = {}  # about 250: kept while open
        self._capitals: dict[str, Place | None] = {}

    # -- connection -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        uri = f"file:{self.index_path}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:  # pragma: no cover - corrupt cache
            raise GazetteerError(f"cannot open gazetteer index {self.index_path}: {exc}") from exc
        if self.user_path.exists():
            conn.execute("ATTACH DATABASE ? AS user", (f"file:{self.user_path}?mode=ro",))
            conn.executescript(
                "CREATE TEMP VIEW all_places AS SELECT * FROM main.places "
                "UNION ALL SELECT * FROM user.places;"
                "CREATE TEMP VIEW all_names AS SELECT * FROM main.names "
                "UNION ALL SELECT * FROM user.names;"
            )
        else:
            conn.executescript(
                "CREATE TEMP VIEW all_places AS SELECT * FROM main.places;"
                "CREATE TEMP VIEW all_names AS SELECT * FROM main.names;"
            )
        return conn

    def reload(self) -> None:
        """Reopen the index (after places were imported)."""
        with self._lock:
            self._conn.close()
            self._conn = self._connect()
            self._suggest_names = None
            self._key_cache = {}
            self._tkey_cache = {}
            self._countries = {}
            self._capitals = {}
            self.__dict__.pop("_town_codes", None)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __getstate__(self):  # picklable for worker processes: reopen on the other side
        return {"cache_dir": self.cache_dir, "data_dir": self.data_dir, "de_facto": self.de_facto}

    def __setstate__(self, state) -> None:
        self.__init__(**state)

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- places -----------------------------------------------------------------------------
    def _place(self, row: Sequence) -> Place:
        (_id, key, name, feature, lat, lon, gid, country, a1code, a1, pop, disputed, de_facto,
         _cap, _n_names) = row
        if self.de_facto and de_facto:
            country = de_facto
        return Place(
            key=key, name=name, feature=feature, lat=lat, lon=lon, geonameid=gid,
            country=country, admin1=a1, admin1_code=a1code, population=pop,
            disputed=bool(disputed), de_facto_country=de_facto,
        )

    def codes_towns(self, admin1_code: str) -> bool:
        """Whether any populated place carries ``admin1_code`` (an admin-1 coded in the towns'
        own scheme, not only by another source such as Natural Earth's provinces). The world
        index lists the codes in its meta table (built once); imported places are read on
        first use."""
        codes = self.__dict__.get("_town_codes")
        if codes is None:
            (listed,), = self._query("SELECT v FROM main.meta WHERE k = ?", (_schema.TOWN_CODES,))
            codes = set(json.loads(listed))
            if self._query("SELECT 1 FROM pragma_database_list WHERE name = 'user'"):
                with self._lock:
                    codes.update(_schema.town_codes(self._conn, "user.places"))
            codes = self.__dict__["_town_codes"] = frozenset(codes)
        return admin1_code in codes

    def __len__(self) -> int:
        return self._query("SELECT count(*) FROM all_places")[0][0]

    def get(self, key: str | int) -> Place | None:
        """A place by geomap key ("gn:538560", "a1:RU.41", "c:KP") or by GeoNames id."""
        if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            rows = self._query(
                "SELECT * FROM all_places WHERE geonameid = ? ORDER BY population DESC LIMIT 1",
                (int(key),),
            )
        else:
            rows = self._query("SELECT * FROM all_places WHERE key = ?", (key,))
        return self._place(rows[0]) if rows else None

    def country(self, iso2: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 code ``iso2`` (looked up once per code: the
        event extractor asks for the countries of every actor of every article)."""
        code = iso2.upper()
        if code not in self._countries:
            self._countries[code] = self.get(f"c:{code}")
        return self._countries[code]

    def capital(self, iso2: str) -> Place | None:
        """The capital city of the country with ISO 3166-1 alpha-2 code ``iso2`` (the most
        populous city flagged as its capital), None when the gazetteer knows none."""
        code = iso2.upper()
        if code not in self._capitals:
            rows = self._query(
                "SELECT * FROM all_places WHERE capital = 1 AND country = ? AND "
                "feature = 'populated_place' ORDER BY population DESC LIMIT 1", (code,))
            self._capitals[code] = self._place(rows[0]) if rows else None
        return self._capitals[code]

    # -- name search ------------------------------------------------------------------------
    def rows_for_keys(self, fkeys: Iterable[str]) -> dict[str, list[tuple[str, tuple]]]:
        """{fold key: [(name kind, place row), ...]} for every key that names a place.

        The batch lookup behind the geoparser: one query for a whole document's unseen keys;
        answers (found or not) are kept in a bounded per-gazetteer cache, since the same names
        recur across a corpus.
        """
        return self._cached_rows("fkey", self._key_cache, dict.fromkeys(fkeys))

    def rows_for_translit_keys(self, tkeys: Iterable[str]) -> dict[str, list[tuple[str, tuple]]]:
        """{transliteration key: [(name kind, place row), ...]}, as :meth:`rows_for_keys` does
        for fold keys (romanisation variants: "Lugansk"/"Luhansk" fold apart, meet here),
        with its own bounded cache of answers."""
        return self._cached_rows("tkey", self._tkey_cache, [k for k in dict.fromkeys(tkeys) if k])

    def _cached_rows(self, column: str, cache: dict, keys: Iterable[str]) -> dict:
        """The rows of ``keys`` (distinct) by ``column``: known answers from ``cache``, the
        others in one batch, remembered (a key that names nothing as the shared empty tuple:
        no list per absent key for Python's collector to walk)."""
        out: dict[str, list[tuple[str, tuple]]] = {}
        missing = []
        for k in keys:
            hit = cache.get(k)
            if hit is None:
                missing.append(k)
            elif hit:
                out[k] = hit
        found = self._rows_by_key(column, missing)
        if len(cache) + len(missing) > KEY_CACHE_SIZE:
            cache.clear()
        for k in missing:
            rows_k = found.get(k, ())
            cache[k] = rows_k
            if rows_k:
                out[k] = rows_k
        return out

    def _rows_by_key(self, column: str, keys: list[str]) -> dict[str, list[tuple[str, tuple]]]:
        """{key: [(name kind, place row), ...]} for names whose ``column`` (fkey or tkey) is one
        of ``keys``, 500 keys a query (SQLite's limit on bound parameters)."""
        assert column in ("fkey", "tkey")
        out: dict[str, list[tuple[str, tuple]]] = {}
        for i in range(0, len(keys), KEYS_PER_QUERY):
            chunk = keys[i : i + KEYS_PER_QUERY]
            # as many marks as the chunk's bucket, the rest its first key again (a key in the
            # list twice matches its rows once; a string, where a NULL would go through
            # sqlite3's adapter lookup): one statement text per bucket, which SQLite prepares
            # once (sqlite3's statement cache) where a text per chunk length was prepared
            # every query (as long as running it: 1.9% of a cold Russian pass)
            size = next(b for b in _KEY_BUCKETS if b >= len(chunk))
            rows = self._query(_rows_sql(column, size), chunk + chunk[:1] * (size - len(chunk)))
            for key, kind, *prow in rows:
                out.setdefault(key, []).append((kind, tuple(prow)))
        return out

    def word_zipf(self, word: str) -> float:
        """How common ``word`` is in English on the Zipf scale (7: "the"; 0: unknown)."""
        key = word.lower().replace("’", "'")
        hit = self._zipf_cache.get(key)
        if hit is None:
            rows = self._query("SELECT zipf FROM main.words WHERE word = ?", (key,))
            if rows:
                hit = rows[0][0]
            elif "-" in key.strip("-"):  # as wordfreq does: a compound is as rare as its parts
                hit = min(self.word_zipf(part) for part in key.split("-") if part)
            else:
                hit = 0.0
            if len(self._zipf_cache) > KEY_CACHE_SIZE:
                self._zipf_cache.clear()
            self._zipf_cache[key] = hit
        return hit

    def place_from_row(self, row: Sequence) -> Place:
        return self._place(row)

    def search(
        self,
        query: str,
        *,
        country: str | None = None,
        feature: str | Iterable[str] | None = None,
        limit: int = 10,
        fuzzy: bool = True,
    ) -> list[Candidate]:
        """Places a name may refer to, best first.

        Tolerates case, diacritics, punctuation and common transliteration variants; "Kursk
        region" or "the Kursk border region" look for a division named Kursk; demonyms
        ("North Korean") find their country.

        Parameters
        ----------
        query
            The name.
        country
            Keep only places in this country (ISO2).
        feature
            Keep only these feature classes (see :data:`geomap.places.FEATURES`).
        limit
            At most this many candidates.
        fuzzy
            Fall back to fuzzy matching (rapidfuzz) when nothing else matches.
        """
        if not query or not query.strip():
            raise InputError("empty place name")
        features = _features(feature)
        fk = fold_key(query)
        if not fk:
            return []
        area = _AREA_SUFFIX.match(fk)
        tries: list[tuple[str, str, tuple[str, ...] | None]] = [("fkey", fk, features)]
        if area:
            area_features = tuple(f for f in AREA_FEATURES if not features or f in features)
            tries.insert(0, ("fkey", area.group("head"), area_features))
        tries.append(("tkey", translit_key(fk, folded=True), features))
        if area:
            tries.append(("tkey", translit_key(area.group("head"), folded=True),
                          tuple(f for f in AREA_FEATURES if not features or f in features)))
        for column, key, feats in tries:
            rows = self._query(
                f"SELECT n.kind, p.* FROM all_names n JOIN all_places p ON p.id = n.place "
                f"WHERE n.{column} = ?",
                (key,),
            )
            cands = self._rank(rows, country, feats, translit=column == "tkey")
            if cands:
                if area and key == area.group("head") and column == "fkey":
                    cands = [Candidate(c.place, "alternate_name", c.kind, c.score) for c in cands]
                return cands[:limit]
        if fuzzy:
            return self._fuzzy(fk, country, features, limit)
        return []

    def _rank(self, rows, country, features, *, translit: bool) -> list[Candidate]:
        best: dict[str, Candidate] = {}
        pairs = [(kind, tuple(prow)) for kind, *prow in rows]
        for (kind, prow), score in zip(pairs, priors(pairs), strict=True):
            place = self._place(prow)
            if country and place.country != country.upper():
                continue
            if features and place.feature not in features:
                continue
            if kind == "demonym" and place.feature not in ("country", "region"):
                continue
            match = "transliterated" if translit else MATCH_OF_KIND.get(kind, "alternate_name")
            cand = Candidate(place, match, kind, score)
            if place.key not in best or best[place.key].score < score:
                best[place.key] = cand
        return sorted(best.values(), key=lambda c: -c.score)

    def _fuzzy_index(self) -> tuple[dict[tuple[str, int], list[str]], dict]:
        """Fold keys of every place worth suggesting, bucketed by (first letter, length) and by
        (second and third letters, length); built on need, once per gazetteer."""
        if self._suggest_names is None:
            keys = self._world_fuzzy_keys()
            if self.user_path.exists():
                keys += [k for (k,) in self._query(
                    "SELECT DISTINCT fkey FROM user.names WHERE kind IN ('name', 'alt', 'stem')")]
            first: dict[tuple[str, int], list[str]] = {}
            second: dict[tuple[str, int], list[str]] = {}
            for key in keys:
                n = len(key)
                first.setdefault((key[:1], n), []).append(key)
                if n >= 3:
                    second.setdefault((key[1:3], n), []).append(key)
            self._suggest_names = (first, second)
        return self._suggest_names

    def _world_fuzzy_keys(self) -> list[str]:
        """Fold keys of the world index worth fuzzy matching, kept in a file beside the index
        (the query takes seconds, reading the file a fraction of one)."""
        path = self.index_path.with_suffix(".fuzzykeys")
        try:
            return path.read_text(encoding="utf-8").split("\n")
        except FileNotFoundError:
            pass
        rows = self._query(
            "SELECT DISTINCT n.fkey FROM main.names n JOIN main.places p ON p.id = n.place "
            "WHERE n.kind IN ('name', 'alt', 'stem') AND n.fkey != '' AND (p.population >= 1000 "
            "OR p.feature IN ('country', 'admin1', 'admin2'))")
        keys = sorted(k for (k,) in rows if "\n" not in k)
        try:
            atomic_write_text(path, "\n".join(keys))
        except OSError as exc:  # a read-only cache still works, only slower
            log.debug("cannot keep fuzzy keys in %s: %s", path, exc)
        return keys

    def fuzzy_keys(self, key: str, max_edits: int = 2) -> list[str]:
        """The fold keys a misspelling of ``key`` with up to ``max_edits`` edits may stand for:
        as long as it give or take ``max_edits`` letters, and sharing its first letter, or the
        second and third letters where a first-letter substitution, deletion or insertion
        would put them ("Gharkiv", "Harkiv", "Kkharkiv" all reach "kharkiv"). Searching these
        instead of all keys makes fuzzy search about fifty times faster than a full scan.
        Keys may repeat.
        """
        first, second = self._fuzzy_index()
        out: list[str] = []
        n = len(key)
        for length in range(max(1, n - max_edits), n + max_edits + 1):
            out += first.get((key[:1], length), ())
            for part in {key[1:3], key[0:2], key[2:4]}:
                if len(part) == 2:
                    out += second.get((part, length), ())
        return out

    def fuzzy_matches(self, key: str, max_edits: int, limit: int = 10) -> list[tuple[str, int]]:
        """(fold key, edit distance) of place names within ``max_edits`` edits (insertions,
        deletions, substitutions, transpositions: rapidfuzz's optimal string alignment) of
        the fold key ``key``, closest first."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if not key or max_edits < 1:
            return []
        hits = process.extract(key, self.fuzzy_keys(key, max_edits), scorer=OSA.distance,
                               limit=limit * 4, score_cutoff=max_edits)
        out = dict.fromkeys((h[0], int(h[1])) for h in hits if h[0] != key)
        return list(out)[:limit]

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """The names of the places closest in spelling to ``query`` (for "not found" answers)."""
        out: list[str] = []
        fk = fold_key(query)
        for key, _edits in self.fuzzy_matches(fk, max(1, max_edits(fk) + 1), limit * 2):
            for c in self.search(key, fuzzy=False, limit=1):
                if c.place.name not in out:
                    out.append(c.place.name)
        return out[:limit]

    def _fuzzy(self, fk, country, features, limit) -> list[Candidate]:
        out: list[Candidate] = []
        for key, _edits in self.fuzzy_matches(fk, max_edits(fk), limit=5):
            for c in self.search(key, country=country, feature=features, fuzzy=False,
                                 limit=limit):
                out.append(Candidate(c.place, "fuzzy", c.kind, c.score - _edits))
        out.sort(key=lambda c: -c.score)
        seen: set[str] = set()
        return [c for c in out if not (c.place.key in seen or seen.add(c.place.key))][:limit]

    # -- reverse ----------------------------------------------------------------------------
    def reverse(self, lat: float, lon: float) -> Place | None:
        """The first-level division (or, failing that, country) containing a point."""
        if self._reverse is None:
            from ._reverse import ReverseIndex

            self._reverse = ReverseIndex(self.data_dir / "gazetteer", self.cache_dir)
        key = self._reverse.lookup(lat, lon)
        return self.get(key) if key else None


#: Keys one name query takes (SQLite's limit on bound parameters is 999 in old builds), and
#: the numbers of marks its statements have: a chunk is padded to the next.
KEYS_PER_QUERY = 500
_KEY_BUCKETS = (4, 8, 16, 32, 64, 128, 256, KEYS_PER_QUERY)


@functools.cache
def _rows_sql(column: str, size: int) -> str:
    """The name query by ``column`` (fkey or tkey) with ``size`` keys."""
    return (f"SELECT n.{column}, n.kind, p.* FROM all_names n JOIN all_places p "
            f"ON p.id = n.place WHERE n.{column} IN ({','.join('?' * size)}) "
            f"AND n.rnk <= {_schema.RANK_LIMIT}")


def max_edits(key: str) -> int:
    """Typos tolerated in a name of this fold key: none below 5 letters, one up to 8, two
    from 9, three from 14."""
    n = len(key.replace(" ", ""))
    return 0 if n < 5 else 1 if n < 9 else 2 if n < 14 else 3


def _features(feature: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if feature is None:
        return None
    feats = (feature,) if isinstance(feature, str) else tuple(feature)
    bad = [f for f in feats if f not in FEATURES]
    if bad:
        raise InputError(f"unknown feature class {bad[0]!r}; expected one of {', '.join(FEATURES)}")
    return feats

