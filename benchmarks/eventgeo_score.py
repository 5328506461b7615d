"""Scoring of event locations against UCDP gold points (the rule of
../shared/eval/eventgeo/README.md), shared by the event-location benchmarks.

- error: great-circle km between predicted and gold point (haversine, R = 6371.0088 km);
- coverage: share of rows with a prediction; median km over answered rows;
- acc@1 and acc@10 over ``where_prec`` 1 rows, acc@25 and acc@161 over all rows (unanswered rows
  count as wrong); ``acc@10 all`` (the issue's headline figure) over all rows;
- breakdowns by ``where_prec``, by ``source`` and by language (English / other), on the whole
  set and on the test half (crc32 of the id is odd).

Besides the scorer: the cities500 name-in-text ceiling (an oracle that answers, for each row, the
GeoNames cities500 place named in the text that lies nearest the gold point) and the two
baselines every event-location benchmark prints.
"""

from __future__ import annotations

import math
import re
import statistics
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

R_KM = 6371.0088

Pred = tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    text: str
    lat: float
    lon: float
    where_prec: int
    source: str
    date: str | None = None

    @property
    def test_half(self) -> bool:
        return zlib.crc32(self.id.encode()) % 2 == 1

    @property
    def lang(self) -> str:
        return language(self.text)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(h)))


_EN = frozenset({
    "the", "of", "in", "and", "to", "a", "on", "by", "at", "for", "was", "were", "killed",
    "with", "from", "after", "is", "are",
})
_ES = frozenset({
    "el", "la", "los", "las", "de", "del", "en", "y", "por", "un", "una", "con", "fue", "para",
    "al", "se",
})
_FR = frozenset({
    "le", "la", "les", "de", "des", "du", "en", "et", "par", "un", "une", "dans", "au", "aux",
    "sur", "est",
})
_WORDS = re.compile(r"[a-zà-ÿ]+")


def language(text: str) -> str:
    """"en" or "other": English stop words outnumber Spanish and French ones (a benchmark
    breakdown, not a language identifier)."""
    words = _WORDS.findall(text.lower())
    en = sum(w in _EN for w in words)
    other = max(sum(w in _ES for w in words), sum(w in _FR for w in words))
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        return "other"
    return "en" if en >= other else "other"


def figures(rows: Sequence[Row], preds: dict[str, Pred]) -> dict[str, float]:
    errs = {}
    for r in rows:
        p = preds.get(r.id)
        errs[r.id] = None if p is None else km(r.lat, r.lon, p[0], p[1])
    answered = [e for e in errs.values() if e is not None]
    prec1 = [r for r in rows if r.where_prec == 1]

    def acc(subset, k):
        if not subset:
            return float("nan")
        return sum(errs[r.id] is not None and errs[r.id] <= k for r in subset) / len(subset)

    return {"n": len(rows), "coverage": len(answered) / len(rows) if rows else float("nan"),
            "median km": statistics.median(answered) if answered else float("nan"),
            "acc@1 p1": acc(prec1, 1), "acc@10 p1": acc(prec1, 10),
            "acc@10 all": acc(rows, 10), "acc@25": acc(rows, 25), "acc@161": acc(rows, 161)}


COLUMNS = ("n", "coverage", "median km", "acc@1 p1", "acc@10 p1", "acc@10 all", "acc@25",
           "acc@161")


def _line(label: str, f: dict[str, float], width: int) -> str:
    cells = []
    for c in COLUMNS:
        v = f[c]
        whole = c in ("n", "median km") and not math.isnan(v)
        cells.append(f"{v:>11.0f}" if whole else f"{v:>11.3f}")
    return f"{label:<{width}}" + "".join(cells)


def report(title: str, rows: Sequence[Row], methods: dict[str, dict[str, Pred]], *,
           breakdown: bool = True) -> None:
    """Print the table of every method on the whole set and the test half, then the
    breakdowns (by where_prec, source, language) on the whole set."""
    width = max(len(m) for m in methods) + 4
    header = f"{'':<{width}}" + "".join(f"{c:>11}" for c in COLUMNS)
    wide = f"{'':<{width + 24}}" + "".join(f"{c:>11}" for c in COLUMNS)
    groups: list[tuple[str, Callable[[Row], object]]] = [
        ("where_prec", lambda r: r.where_prec), ("source", lambda r: r.source),
        ("language", lambda r: r.lang)]
    test = [r for r in rows if r.test_half]
    print(f"\n{title}: {len(rows)} rows (test half {len(test)})")
    for part, subset in (("whole", rows), ("test half (crc32 odd)", test)):
        print(f"-- {part}\n{header}")
        for name, preds in methods.items():
            print(_line(name, figures(subset, preds), width))
    if not breakdown:
        return
    for gname, key in groups:
        values = sorted({key(r) for r in rows}, key=str)
        print(f"-- by {gname} (whole)\n{wide}")
        for v in values:
            subset = [r for r in rows if key(r) == v]
            for name, preds in methods.items():
                label = f"[{v}] {name}"[: width + 23]
                print(_line(label, figures(subset, preds), width + 24))


# -- the cities500 name-in-text ceiling ----------------------------------------------------
def ceiling(rows: Sequence[Row], index_path, radius_km: float = 161.0) -> dict[str, Pred]:
    """For each row, the GeoNames cities500 place whose name (or alternate name) occurs in the
    text as whole words and which lies nearest the gold point (within ``radius_km``). Its acc@K
    is the share of rows for which a place within K km is named at all: what a perfect chooser
    among the names in the text could reach with cities500."""
    import sqlite3

    import numpy as np

    from geomap._text import fold_key

    conn = sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)
    pl = conn.execute("SELECT id, lat, lon FROM places WHERE feature = 'populated_place' "
                      "AND key LIKE 'gn:%'").fetchall()
    ids = np.array([p[0] for p in pl])
    lat = np.radians(np.array([p[1] for p in pl]))
    lon = np.radians(np.array([p[2] for p in pl]))
    near: dict[str, list[tuple[float, int]]] = {}
    wanted: set[int] = set()
    deg = radius_km / 111.0
    for r in rows:
        la, lo = math.radians(r.lat), math.radians(r.lon)
        box = (np.abs(lat - la) <= math.radians(deg))
        cand = np.nonzero(box)[0]
        if not len(cand):
            near[r.id] = []
            continue
        dlat = lat[cand] - la
        dlon = lon[cand] - lo
        h = np.sin(dlat / 2) ** 2 + math.cos(la) * np.cos(lat[cand]) * np.sin(dlon / 2) ** 2
        d = 2 * R_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        keep = d <= radius_km
        near[r.id] = sorted(zip(d[keep].tolist(), ids[cand][keep].tolist(), strict=True))
        wanted.update(ids[cand][keep].tolist())
    names: dict[int, set[str]] = {}
    for fkey, place in conn.execute("SELECT fkey, place FROM names WHERE kind IN "
                                    "('name', 'alt')"):
        if place in wanted and fkey and len(fkey) > 2:
            names.setdefault(place, set()).add(fkey)
    coords = {p[0]: (p[1], p[2]) for p in pl if p[0] in wanted}
    conn.close()
    out: dict[str, Pred] = {}
    for r in rows:
        folded = f" {fold_key(r.text)} "
        out[r.id] = None
        for _d, pid in near[r.id]:
            if any(f" {n} " in folded for n in names.get(pid, ())):
                out[r.id] = coords[pid]
                break
    return out


# -- baselines ------------------------------------------------------------------------------
def baselines(rows: Sequence[Row], gazetteer) -> tuple[dict[str, Pred], dict[str, Pred]]:
    """("first place name, most populous", "most specific place in the first sentence"), both
    on geomap's geoparser mentions (demonyms and datelines left out).

    - first name: the first place name in the text that the gazetteer has, answered with the
      most populous place of that name (countries and divisions included);
    - first sentence: among the places the geoparser resolved in the first sentence, the most
      specific (town before district before region before country), the first of equals.
    """
    from geomap._sentences import SentenceIndex
    from geomap.geoparse import Geoparser

    fineness = {"populated_place": 0, "other": 1, "admin2": 2, "region": 3, "admin1": 4,
                "country": 5}
    parser = Geoparser(gazetteer)
    first: dict[str, Pred] = {}
    sent: dict[str, Pred] = {}
    for r in rows:
        mentions = [m for m in parser.parse(r.text) if m.role not in ("dateline", "demonym")]
        cands = []
        for m in mentions:  # the first name the gazetteer has (not an unresolved mention's)
            cands = gazetteer.search(m.name, limit=50)
            if cands:
                break
        top = max(cands, key=lambda c: c.place.population).place if cands else None
        first[r.id] = (top.lat, top.lon) if top else None
        spans = SentenceIndex(r.text).spans()
        a, b = spans[0] if spans else (0, len(r.text))
        inside = [m for m in mentions if a <= m.start < b and m.place is not None]
        best = min(inside, key=lambda m: fineness.get(m.place.feature, 5)) if inside else None
        sent[r.id] = (best.place.lat, best.place.lon) if best else None
    return first, sent
