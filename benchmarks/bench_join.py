"""Join benchmark (prints figures; never part of ``make test``).

1. Ranking on UCDP GED Ukraine (../shared): each record's ``source_headline`` is given back as
   an article dated ``date_start`` (``--lag N``: N days later, as news comes out after the
   event); events are extracted from it (geoparsing, locations, types,
   actors: the same extractor ``geomap map`` uses) and joined against the whole file. Scored on
   the records whose headline (whitespace-stripped, at least 20 characters) belongs to no other
   record: the share whose own record is ranked first for one of its article's events, the
   share linked at all, and links per linked article event. The headline text is never used
   for linking: links stand on where, when, what and who. Rows: geomap's join; the old
   ``geomap join`` rule (same admin-1 division or within km, dates within days, every pair kept,
   ranked by distance) kept here as it was; and the simplest baseline (the nearest record
   within km and days). The row "corroborating links" counts only the links that make a
   record "corroborated by news" on the map (``corroborates``). Tune and test halves split
   by crc32 of the record id.
2. Memory and time of a join of --records synthetic records x --text-events text events
   (peak RSS of this process).

Run: ``.venv/bin/python benchmarks/bench_join.py [--km 25 --days 3] [--lag 1] [--records N
--text-events N | --skip-scale]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[2] / "shared"
UCDP = SHARED / "events" / "ucdp" / "ged-ukraine.csv"


def _dev_set(lag: int = 0):
    from geomap.events.extract import extract_events, text_events_frame
    from geomap.events.read import read_events
    from geomap.gazetteer import Gazetteer
    from geomap.geoparse import Geoparser
    from geomap.sources import Article

    records = read_events(UCDP).events
    raw = pd.read_csv(UCDP, dtype=str, keep_default_na=False)
    head = raw["source_headline"].str.strip()
    counts = head.value_counts()
    own = raw[(head.str.len() >= 20) & (head.map(counts) == 1)]
    gaz = Gazetteer()
    parser = Geoparser(gaz)
    items = []
    for row in own.itertuples():
        art = Article(id=f"ucdp-{row.id}", text=row.source_headline.strip(),
                      date=dt.date.fromisoformat(row.date_start[:10])
                      + dt.timedelta(days=lag))
        items.append((art, extract_events(art, parser.parse(art.text), gaz)))
    return records, text_events_frame(items), own["id"].tolist(), gaz


def _old_rule(records, events, km, days, data_dir):
    """The former ``geomap join`` candidate rule: same admin-1 division (both sides at admin-1
    precision or finer) or within km (both at admin-2 or finer), date intervals within days;
    every pair kept; ranked here by distance."""
    from geomap._datadir import resolve_data_dir
    from geomap.join._admin1 import Admin1Polygons
    from geomap.join._sides import article_side, record_side
    from geomap.join._sphere import haversine_km
    from geomap.join._time import gap_days

    rec, art = record_side(records), article_side(events)
    polys = Admin1Polygons.load(resolve_data_dir(data_dir) / "gazetteer" / "admin1.geojson")

    def admin(side):
        out = np.full(len(side), -1)
        ok = np.flatnonzero(side.rank <= 3)
        pi, gi = polys.pairs(side.geom[ok])
        out[ok[pi]] = gi
        return out

    ra, aa = admin(rec), admin(art)
    rows = []
    for a in np.flatnonzero(art.rank <= 3):
        gap = gap_days(rec.lo, rec.hi, art.lo[a], art.hi[a])
        dist = haversine_km(rec.lat, rec.lon, art.lat[a], art.lon[a])
        ok = (gap <= days) & art.dated[a] & rec.dated & (
            ((dist <= km) & (rec.rank <= 2) & (art.rank[a] <= 2))
            | ((ra == aa[a]) & (aa[a] >= 0)))
        r = np.flatnonzero(ok)
        r = r[np.argsort(dist[r], kind="stable")]
        tied = _equal_runs(dist[r])
        rows.extend((a, int(x), k + 1, -dist[x], t)
                    for k, (x, t) in enumerate(zip(r, tied, strict=True)))
    return _frame(rows, records, events)


def _equal_runs(values: np.ndarray) -> np.ndarray:
    """For sorted values: the size of each one's run of equal values."""
    if not len(values):
        return np.empty(0, np.int64)
    run = np.cumsum(np.r_[True, values[1:] != values[:-1]]) - 1
    return np.bincount(run)[run]


def _nearest(records, events, km, days):
    """Baseline: the nearest record within km whose dates are within days."""
    from geomap.join._sides import article_side, record_side
    from geomap.join._sphere import haversine_km
    from geomap.join._time import gap_days

    rec, art = record_side(records), article_side(events)
    rows = []
    for a in np.flatnonzero(art.rank <= 3):
        gap = gap_days(rec.lo, rec.hi, art.lo[a], art.hi[a])
        dist = haversine_km(rec.lat, rec.lon, art.lat[a], art.lon[a])
        ok = np.flatnonzero((gap <= days) & (dist <= km))
        if len(ok):
            near = ok[np.argmin(dist[ok])]
            rows.append((a, int(near), 1, -dist[near], int((dist[ok] == dist[near]).sum())))
    return _frame(rows, records, events)


def _frame(rows, records, events):
    a = np.array([r[0] for r in rows], dtype=int)
    r = np.array([r[1] for r in rows], dtype=int)
    return pd.DataFrame({"article_id": events["article_id"].to_numpy()[a] if len(a) else [],
                         "article_row": a, "record_id": records["event_id"].to_numpy()[r]
                         if len(r) else [], "rank": [x[2] for x in rows],
                         "score": [x[3] for x in rows], "tied": [x[4] for x in rows]})


def _figures(links: pd.DataFrame, ids: list[str]) -> dict:
    """Shares of the records whose own record is ranked first (as ranked: ties in the order
    of the records' rows), first alone (no other record with its score), first with ties
    split (1/k when it is one of k records sharing the best score: the chance an order the
    evidence does not set puts it first), linked at all; and links per linked event."""
    links = links.assign(own=links["article_id"].astype(str).str.removeprefix("ucdp-")
                         == links["record_id"].astype(str))
    # the records tied first hold ranks 1..k, k the "tied" of rank 1
    k = links["article_row"].map(links.loc[links["rank"] == 1].set_index("article_row")["tied"])
    at_best = links["own"] & (links["rank"] <= k)
    split = (1.0 / k[at_best]).groupby(links.loc[at_best, "article_id"]).max()
    first = set(links.loc[links["own"] & (links["rank"] == 1), "article_id"])
    alone = set(links.loc[at_best & (k == 1), "article_id"])
    linked = set(links.loc[links["own"], "article_id"])
    arts = {f"ucdp-{i}" for i in ids}
    per = links[links["article_id"].isin(arts)].groupby("article_row").size()
    n = max(len(ids), 1)
    return {"records": len(ids), "own first": len(first & arts) / n,
            "first alone": len(alone & arts) / n,
            "ties split": float(split[split.index.isin(arts)].sum()) / n,
            "own linked": len(linked & arts) / n,
            "links/linked event": float(per.mean()) if len(per) else 0.0}


def bench_ranking(km: float, days: int, lag: int = 0) -> None:
    from geomap.join import join_events

    if not UCDP.is_file():
        print(f"join ranking: skipped ({UCDP} is absent)")
        return
    t0 = time.perf_counter()
    records, events, ids, gaz = _dev_set(lag)
    t_extract = time.perf_counter() - t0
    located = int((events.geometry.notna()).sum())
    t0 = time.perf_counter()
    new = join_events(records, events, km=km, days=days, data_dir=gaz.data_dir).links
    t_join = time.perf_counter() - t0
    # the baselines see each event at its geo_precision as written (no region rule)
    plain = events.drop(columns=["orig_geo_precision"])
    rows = {"geomap join (scored, ranked)": new,
            "old geomap join rule (by distance)": _old_rule(records, plain, km, days,
                                                            gaz.data_dir),
            "baseline: nearest within km/days": _nearest(records, plain, km, days)}
    if "corroborates" in new:  # what the map calls "corroborated by news"
        rows = {"geomap join, corroborating links": new[new["corroborates"]], **rows}
    halves = {"all": ids,
              "tune": [i for i in ids if zlib.crc32(i.encode()) % 2 == 0],
              "test": [i for i in ids if zlib.crc32(i.encode()) % 2 == 1]}
    print(f"\nJoin ranking: UCDP GED Ukraine headlines as dated articles vs the same file "
          f"({len(records):,} records, {len(ids):,} headlines of one record, {len(events):,} "
          f"text events, {located:,} located; extraction {t_extract:.1f} s, join "
          f"{t_join:.2f} s; km={km:g}, days={days}; articles dated {lag} day(s) after the "
          f"record's first day)")
    print("own first: the own record ranked 1 (ties in row order); alone: first and no other "
          "record shares its score; ties split: 1/k for one of k records tied first")
    print(f"{'method':38}{'half':>6}{'records':>9}{'own first':>11}{'alone':>8}"
          f"{'ties split':>12}{'own linked':>12}{'links/linked event':>20}")
    for name, links in rows.items():
        for half, sel in halves.items():
            f = _figures(links, sel)
            print(f"{name:38}{half:>6}{f['records']:>9}{f['own first']:>11.3f}"
                  f"{f['first alone']:>8.3f}{f['ties split']:>12.3f}"
                  f"{f['own linked']:>12.3f}{f['links/linked event']:>20.2f}")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_scale(n_records: int, n_events: int) -> None:
    from geomap.events.schema import events_from_records
    from geomap.join import join_events
    from geomap.scale.synthetic import synthetic_records

    rng = np.random.default_rng(7)
    t0 = time.perf_counter()
    records = synthetic_records(n_records, seed=3)  # Ukraine's box, dates in 2024
    actors = np.array(["Military Forces of Russia", "Military Forces of Ukraine",
                       "Protesters (Ukraine)", "Civilians (Ukraine)"])
    records["actor1"] = actors[rng.integers(0, 4, len(records))]
    records["country"] = "UA"
    t_make = time.perf_counter() - t0
    base_mb = _peak_mb()
    days = rng.integers(0, 366, n_events)
    types = np.array(["assault", "protest", "coerce", "statement"])
    levels = ("exact", "exact", "near", "admin1", "exact", "admin2", "exact", "near", "admin1",
              "country")
    events = events_from_records([
        {"event_id": f"a{i}", "dataset": "text",
         "date": str(np.datetime64("2024-01-01") + np.timedelta64(int(d), "D"))
         if i % 7 else None, "date_precision": "day" if i % 7 else None,
         "lat": float(rng.uniform(44.5, 52.3)),
         "lon": float(rng.uniform(22.2, 40.2)), "article_id": f"art{i // 10}",
         "geo_precision": levels[i % 10], "country": "UA", "actors": actors[i % 4],
         "event_index": i % 10, "event_type": types[i % 4],
         "article_date": None if i % 7 == 0 else "2024-12-31"}
        for i, d in enumerate(days)])
    t0 = time.perf_counter()
    result = join_events(records, events)
    t_join = time.perf_counter() - t0
    s = result.summary()
    print(f"\nScale: {len(records):,} synthetic records x {len(events):,} text events "
          f"(one year, Ukraine's box; 1 in 7 undated, 2 in 10 known to an admin-1 division, "
          f"1 in 10 to the country)")
    print(f"records made in {t_make:.0f} s; peak RSS before the join {base_mb:,.0f} MB")
    print(f"join {t_join:.1f} s, peak RSS {_peak_mb():,.0f} MB; {s['links']:,} links, "
          f"{s['article_events_matched']:,} events linked, {s['records_corroborated']:,} "
          f"records corroborated")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--km", type=float, default=25.0)
    ap.add_argument("--days", type=int, default=3)
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--text-events", type=int, default=100_000)
    ap.add_argument("--lag", type=int, default=0,
                    help="date the articles this many days after the record's first day "
                         "(news comes out after the event: a check that ranking does not "
                         "lean on same-day dates)")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--skip-ranking", action="store_true")
    args = ap.parse_args(argv)
    if not args.skip_ranking:
        bench_ranking(args.km, args.days, args.lag)
    if not args.skip_scale:
        bench_scale(args.records, args.text_events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
