"""Synthetic news-like documents and event records, for scale tests and benchmarks.

Documents are filled from templates with real place names drawn from the gazetteer index
(populated places above a population threshold, and countries), so geoparsing and event
extraction do real work. Everything is seeded and reproducible.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["place_names", "synthetic_documents", "synthetic_records", "write_jsonl"]

_TEMPLATES = (
    "{city}, {country} - Shelling hit residential areas of {city} on {day}, local officials "
    "said, and at least {n} people were killed.",
    "Troops moved from {city2} toward {city} overnight, the defence ministry of {country} said.",
    "Protesters gathered in central {city} on {day} to demand the release of detained "
    "journalists; police in {country} arrested {n} people.",
    "An air strike near {city2} destroyed a fuel depot, according to regional governor "
    "officials, who said drones were launched from {country2}.",
    "Officials in {city} said talks with delegates from {country2} would resume next week.",
    "Aid convoys reached {city} after a week of fighting around {city2}, the UN said.",
    "Markets in {city} were calm as traders waited for the central bank's decision.",
    "Heavy rain flooded parts of {city2} and nearby villages, forcing {n} families to leave.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def place_names(index_path: str | Path, *, min_population: int = 200_000
                ) -> tuple[list[tuple[str, str]], list[str]]:
    """``([(city, country iso2)], [country names])`` from a gazetteer index file."""
    conn = sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)
    try:
        cities = conn.execute(
            "SELECT name, country FROM places WHERE feature = 'populated_place' AND "
            "population >= ? AND country IS NOT NULL ORDER BY population DESC",
            (min_population,)).fetchall()
        countries = [r[0] for r in conn.execute(
            "SELECT name FROM places WHERE feature = 'country' AND population > 1000000 "
            "ORDER BY name").fetchall()]
    finally:
        conn.close()
    return [(c, k) for c, k in cities if c.isascii() and " " not in c], countries


def synthetic_documents(n: int, index_path: str | Path, *, seed: int = 0,
                        sentences: tuple[int, int] = (3, 8), start: int = 0
                        ) -> Iterator[dict]:
    """``n`` news-like JSON objects ``{"id", "title", "date", "text"}`` (ids ``doc-<k>``)."""
    rng = random.Random(seed)
    cities, countries = place_names(index_path)
    base = dt.date(2024, 1, 1)
    for k in range(start, start + n):
        rng.seed(seed * 1_000_003 + k)
        body = []
        for _ in range(rng.randint(*sentences)):
            city, _iso = rng.choice(cities)
            city2, _iso2 = rng.choice(cities)
            body.append(rng.choice(_TEMPLATES).format(
                city=city, city2=city2, country=rng.choice(countries),
                country2=rng.choice(countries), day=rng.choice(_DAYS), n=rng.randint(2, 40)))
        title = body[0].split(" - ")[-1][:70]
        yield {"id": f"doc-{k}", "title": title,
               "date": (base + dt.timedelta(days=k % 366)).isoformat(),
               "text": title + "\n\n" + " ".join(body)}


def write_jsonl(docs, path: str | Path) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def synthetic_records(n: int, *, seed: int = 0, bbox=(22.0, 44.0, 40.0, 53.0)):
    """``n`` event records of the event schema (points in ``bbox``, dates in 2024)."""
    import geopandas as gpd

    from ..events.schema import coerce_events

    rng = np.random.default_rng(seed)
    lon = rng.uniform(bbox[0], bbox[2], n)
    lat = rng.uniform(bbox[1], bbox[3], n)
    days = rng.integers(0, 366, n)
    frame = pd.DataFrame({
        "event_id": [f"r{i}" for i in range(n)],
        "dataset": "synthetic",
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(days, unit="D"),
        "date_precision": "day",
        "event_type": "fight",
        "geo_precision": rng.choice(np.array(["exact", "admin2", "admin1"]), n),
    })
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    return coerce_events(gdf, check=False)
