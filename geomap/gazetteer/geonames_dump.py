"""Add places to the gazetteer from a GeoNames dump file (geonames.org country files, UA.txt).

Users in conflict zones need villages that cities500 leaves out: GeoNames has about 33,000
populated places in Ukraine, cities500 about 5,500. The dump format is tab-separated with 19
columns (geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
feature code, country code, cc2, admin1 code, admin2, admin3, admin4, population, elevation,
dem, timezone, modification date). Imported places go to a separate SQLite file in the cache
directory, so rebuilding the world index never loses them.
"""

from __future__ import annotations

import io
import logging
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..exceptions import InputError
from . import _schema
from ._build import write_places
from ._sources import SourcePlace
from .core import USER_DB_NAME, USER_ID_BASE, Gazetteer

__all__ = ["ImportReport", "feature_of", "import_geonames_dump"]

log = logging.getLogger(__name__)

N_COLUMNS = 19
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL"}


@dataclass
class ImportReport:
    """What an import did: rows read, places added, duplicates skipped, rejected lines."""

    path: str
    rows: int = 0
    added: int = 0
    skipped: int = 0
    rejects: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, raw)

    @property
    def rejected(self) -> int:
        return len(self.rejects)


def feature_of(feature_class: str, feature_code: str) -> str:
    """geomap's feature class for a GeoNames feature class and code."""
    if feature_class == "P":
        return "populated_place"
    if feature_class == "A":
        if feature_code == "ADM1":
            return "admin1"
        if feature_code == "ADM2":
            return "admin2"
        if feature_code in _COUNTRY_CODES:
            return "country"
        return "other"
    if feature_class == "L" and feature_code in {"RGN", "AREA", "RGNE", "RGNH", "TERR", "ZN"}:
        return "region"
    return "other"


def _lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            inner = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not inner:
                raise InputError(f"{path}: the zip file holds no GeoNames .txt file")
            with zf.open(inner[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with open(path, encoding="utf-8") as fh:
        yield from fh


def _parse(lineno: int, line: str, report: ImportReport) -> SourcePlace | None:
    raw = line.rstrip("\n").rstrip("\r")
    cols = raw.split("\t")
    if len(cols) != N_COLUMNS:
        report.rejects.append((lineno, f"expected {N_COLUMNS} tab-separated columns, got "
                               f"{len(cols)}", raw))
        return None
    try:
        gid = int(cols[0])
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        report.rejects.append((lineno, "geonameid, latitude or longitude is not a number", raw))
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        report.rejects.append((lineno, "coordinates out of range", raw))
        return None
    if not cols[1].strip():
        report.rejects.append((lineno, "missing name", raw))
        return None
    cc = cols[8].strip().upper() or None
    a1 = cols[10].strip()
    try:
        pop = int(cols[14] or 0)
    except ValueError:
        pop = 0
    alts = [a for a in cols[3].split(",") if a.strip()]
    if cols[2] and cols[2] != cols[1]:
        alts.append(cols[2])
    return SourcePlace(
        key=f"gn:{gid}", name=cols[1].strip(), feature=feature_of(cols[6], cols[7]),
        lat=lat, lon=lon, geonameid=gid, country=cc,
        admin1_code=f"{cc}.{a1}" if cc and a1 and a1 != "00" else None,
        population=pop, alt_names=alts,
    )


def import_geonames_dump(path: str | os.PathLike[str], gazetteer: Gazetteer) -> ImportReport:
    """Import a GeoNames dump (.txt or .zip) into the user's gazetteer additions.

    Places whose GeoNames id is already in the gazetteer are skipped (counted in ``skipped``);
    malformed lines are rejected with their line number and reason. The gazetteer is reloaded.
    """
    src = Path(path)
    if not src.is_file():
        raise InputError(f"{src}: no such file")
    report = ImportReport(path=str(src))
    parsed: list[SourcePlace] = []
    try:
        for lineno, line in enumerate(_lines(src), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            report.rows += 1
            place = _parse(lineno, line, report)
            if place is not None:
                parsed.append(place)
    except UnicodeDecodeError as exc:
        raise InputError(f"{src}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except zipfile.BadZipFile as exc:
        raise InputError(f"{src}: not a valid zip file") from exc

    existing = _existing_ids(gazetteer, [p.geonameid for p in parsed])
    new = [p for p in parsed if p.geonameid not in existing]
    report.skipped = len(parsed) - len(new)
    _fill_admin1(gazetteer, new)

    conn = sqlite3.connect(gazetteer.cache_dir / USER_DB_NAME)
    try:
        _schema.create(conn)
        start = max(USER_ID_BASE, (conn.execute("SELECT max(id) FROM places").fetchone()[0]
                                   or USER_ID_BASE - 1) + 1)
        conn.execute("DELETE FROM places WHERE key IN (SELECT value FROM json_each(?))",
                     (_json_list([p.key for p in new]),))
        write_places(conn, new, start)
        _schema.create_indexes(conn)
        conn.commit()
    finally:
        conn.close()
    report.added = len(new)
    gazetteer.reload()
    log.info("%s: %d rows, %d places added, %d already known, %d rejected",
             src, report.rows, report.added, report.skipped, report.rejected)
    return report


def _json_list(items: list[str]) -> str:
    import json

    return json.dumps(items)


def _existing_ids(gaz: Gazetteer, ids: list[int | None]) -> set[int]:
    found: set[int] = set()
    wanted = [i for i in ids if i is not None]
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = gaz._query(
            f"SELECT geonameid FROM all_places WHERE geonameid IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        found.update(r[0] for r in rows)
    return found


def _fill_admin1(gaz: Gazetteer, places: list[SourcePlace]) -> None:
    codes = {p.admin1_code for p in places if p.admin1_code}
    if not codes:
        return
    names: dict[str, tuple] = {}
    for code in codes:
        rows = gaz._query(
            "SELECT admin1, country, disputed, de_facto FROM all_places "
            "WHERE feature = 'admin1' AND admin1_code = ? LIMIT 1",
            (code,),
        )
        if rows:
            names[code] = rows[0]
    for p in places:
        info = names.get(p.admin1_code or "")
        if info:
            p.admin1, country, disputed, de_facto = info
            p.country = country or p.country
            p.disputed = bool(disputed)
            p.de_facto = de_facto
        if p.feature == "admin1":
            p.admin1 = p.name
