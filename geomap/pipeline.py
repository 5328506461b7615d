"""The main job: articles -> place mentions -> map and GeoJSON (``geomap map``)."""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ._atomic import atomic_write
from .exceptions import InputError
from .gazetteer import Gazetteer
from .geoparse import Geoparser
from .mentions import mentions_frame
from .sources import ArticleReader

__all__ = ["MapReport", "run_map"]

log = logging.getLogger(__name__)


@dataclass
class MapReport:
    """What ``geomap map`` read and wrote."""

    articles: int = 0
    rejected: int = 0
    mentions: int = 0
    resolved: int = 0
    places: int = 0
    outputs: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"articles": self.articles, "rejected": self.rejected, "mentions": self.mentions,
                "resolved": self.resolved, "unresolved": self.mentions - self.resolved,
                "places": self.places, "outputs": self.outputs}


def run_map(inputs: Sequence[str | Path], out_dir: str | Path, *,
            gazetteer: Gazetteer | None = None, date: datetime.date | None = None,
            title: str = "geomap", progress: bool = True) -> MapReport:
    """Read articles, geoparse them, write ``out_dir``/index.html and mentions.geojson."""
    from .export import write_geojson
    from .render import build_map, save_map

    out = Path(out_dir)
    gaz = gazetteer or Gazetteer()
    parser = Geoparser(gaz)
    reader = ArticleReader(date=date)
    items = []
    for art in tqdm(reader.read(inputs), desc="geoparsing", unit="article", disable=not progress,
                    leave=False):
        items.append((art, parser.parse(art.text)))
    if not items:
        raise InputError("no article could be read from the inputs")
    report = MapReport(articles=len(items), rejected=reader.n_rejected)
    frame = mentions_frame(items)
    report.mentions = len(frame)
    report.resolved = int(frame.geometry.notna().sum())
    report.places = int(frame["place_key"].nunique())
    out.mkdir(parents=True, exist_ok=True)
    write_geojson(frame, out / "mentions.geojson")
    report.outputs["mentions"] = str(out / "mentions.geojson")
    if reader.rejects:
        rej = out / "articles.rejects.jsonl"
        with atomic_write(rej) as fh:
            for r in reader.rejects:
                fh.write(json.dumps({"source": r.source, "line": r.line, "reason": r.reason,
                                     "raw": r.raw}, ensure_ascii=False) + "\n")
        report.outputs["rejects"] = str(rej)
    save_map(build_map(frame, data_dir=gaz.data_dir, title=title), out / "index.html")
    report.outputs["map"] = str(out / "index.html")
    return report
