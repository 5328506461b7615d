"""``geomap join``: link event records to the events of articles in space and time."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from ._common import add_gazetteer_options, counted, gazetteer_from_args

DEFAULTS = {"km": 25.0, "days": 3, "top": 2}  # geomap.join.DEFAULTS, without importing it


def _number(kind, *, least, name: str):
    """An argparse type: ``kind`` of at least ``least`` (a bad value is a usage error, exit 2)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value >= least:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{name} must be at least {least}, not {text}")
        return value
    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


def add_join_options(p) -> None:
    """--km, --days and --top, shared by ``geomap join`` and ``geomap map``."""
    p.add_argument("--km", type=_number(float, least=0.0, name="--km"), default=DEFAULTS["km"],
                   help="distance window between precise places, km (default 25)")
    p.add_argument("--days", type=_number(int, least=0, name="--days"), default=DEFAULTS["days"],
                   help="greatest gap in days between the dates (default 3)")
    p.add_argument("--top", type=_number(int, least=1, name="--top"), default=DEFAULTS["top"],
                   help="records kept per article event, best first (default 2)")

log = logging.getLogger("geomap.join")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "join",
        help="link event records (ACLED, UCDP, GDELT...) to events extracted from articles",
        description="Read event files and articles, extract the articles' events and link "
        "each article event to its best records: candidates within --km (plus each side's "
        "uncertainty) or in the division or country an imprecise side is known to, dates at "
        "their precision at most --days apart (undated sides by space alone), scored on "
        "distance, day gap, event type, actors and admin-1 division and ranked. Writes one "
        "GeoJSON LineString per link (article_id, event_index, record_id, dataset, rank, score, "
        "distance_km, gap_days, match...) and prints how many records and article events "
        "found a partner (with --json, only a JSON object on stdout).",
    )
    p.add_argument("--events", nargs="+", required=True, metavar="FILE",
                   help="event files (any format geomap events read takes)")
    p.add_argument("--articles", nargs="+", required=True, metavar="INPUT",
                   help="article files, folders or .jsonl")
    p.add_argument("-o", "--out", required=True, metavar="JOINED.geojson",
                   help="GeoJSON file of the links")
    add_join_options(p)
    p.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    add_gazetteer_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import atomic_write
    from ..events.batch import read_batch
    from ..events.extract import extract_events, text_events_frame
    from ..export.geojson import write_geojson
    from ..geoparse import Geoparser
    from ..join import join_events, with_article_fields
    from ..sources import ArticleReader

    gaz = gazetteer_from_args(args)
    from ..events.readers._geocode import GazetteerGeocoder

    batch = read_batch(args.events, geocoder=GazetteerGeocoder(gaz), de_facto=gaz.de_facto)
    for result in batch.results:
        if result.duplicates:
            log.warning("%s: %s already read from an earlier file, not counted twice",
                        result.path, counted(result.duplicates, "record"))
        if result.rejected:
            log.warning("%s: %s rejected", result.path, counted(result.rejected, "row"))
        if result.undated:
            log.warning("%s: %s, linked by place alone", result.path, result.undated_report)
    records = batch.events
    parser = Geoparser(gaz)
    reader = ArticleReader()
    items = [(art, extract_events(art, parser.parse(art.text), gaz))
             for art in reader.read(args.articles)]
    articles = text_events_frame(items)
    result = join_events(records, articles, km=args.km, days=args.days, top=args.top,
                         data_dir=gaz.data_dir)
    write_geojson(with_article_fields(result.links, [art for art, _ in items]), args.out)
    # nothing lost: rejected records and articles beside the output, as events read and
    # geoparse write theirs
    out = Path(args.out)
    records_rejects = out.with_name(f"{out.stem}.rejects.csv")
    batch.write_rejects(records_rejects)
    articles_rejects = out.with_name(f"{out.stem}.rejects.jsonl")
    if reader.rejects:
        with atomic_write(articles_rejects, "w") as fh:
            for r in reader.rejects:
                fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    summary = {**result.summary(), "articles": len(items),
               "articles_rejected": reader.n_rejected, "records_rejected": batch.rejected,
               "records_duplicates": batch.duplicates, "event_files_unread": len(batch.unread),
               "rejects": {"records": str(records_rejects),
                           "articles": str(articles_rejects) if reader.rejects else None},
               "output": str(args.out)}
    if args.json:
        json.dump(summary, sys.stdout)
        sys.stdout.write("\n")
    elif not getattr(args, "quiet", False):
        print(f"{summary['records_matched']} of {counted(summary['records'], 'record')} and "
              f"{summary['article_events_matched']} of "
              f"{counted(summary['article_events'], 'article event')} found a partner "
              f"({counted(summary['links'], 'link')}, "
              f"{summary['links_corroborating']} strong enough to corroborate; records "
              f"corroborated: {summary['records_corroborated']}; article events reported, "
              f"not recorded: {summary['text_events_unmatched']}, statements and the like "
              f"not counted: {summary['text_events_not_counted']}); wrote {args.out}; "
              f"{counted(batch.rejected, 'record row')} rejected "
              f"({batch.duplicates} already read from an earlier file), "
              f"{counted(len(batch.unread), 'event file')} not read, "
              f"{counted(reader.n_rejected, 'article input')} rejected: reasons in "
              f"{records_rejects}" + (f" and {articles_rejects}" if reader.rejects else ""),
              file=sys.stderr)
    return 0
