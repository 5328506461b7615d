"""``geomap map INPUT... -o DIR``: articles and event files in, a self-contained map, GeoJSON
and the links of text events to event records out."""

from __future__ import annotations

import datetime
import json
import sys

from ..exceptions import GeomapError, UsageError
from ._common import (
    add_focus_option,
    add_gazetteer_options,
    focus_from_args,
    gazetteer_from_args,
    other_language_note,
    print_table,
)
from .join import add_join_options


def _date(value: str) -> datetime.date:
    from ..sources import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"--date: {exc}") from exc


def add_parser(sub) -> None:
    p = sub.add_parser(
        "map",
        help="map articles and event files (writes DIR/index.html, GeoJSON and links)",
        description="Read articles (.txt, .html, folders of them, or JSON Lines with id/text) "
        "and event files (ACLED, UCDP, GDELT or generic tables, as INPUT or --events), find "
        "and resolve the articles' place mentions, extract their events, link them to the "
        "event records (as 'geomap join' does; --no-join skips it) and write DIR/index.html "
        "(a self-contained map that needs no network), DIR/mentions.geojson and "
        "DIR/events.geojson (always, even when empty), and DIR/links.csv and "
        "DIR/links.geojson when articles and records were joined. Unreadable JSON lines go to "
        "DIR/articles.rejects.jsonl, rejected event rows to DIR/events.rejects.csv.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article file, folder or .jsonl, or an event file")
    p.add_argument("-o", "--out", default="maps", metavar="DIR", help="output folder (maps)")
    p.add_argument("--date", type=str, help="publication date (YYYY-MM-DD) for inputs without one")
    add_focus_option(p)
    p.add_argument("--events", nargs="+", default=[], metavar="FILE", dest="event_files",
                   help="event files to map with the articles (any format 'geomap events read' "
                   "reads)")
    p.add_argument("--formats", default="", metavar="LIST",
                   help="also write mentions and events as these formats, comma-separated: "
                   "gpkg, parquet, csv (WKT)")
    p.add_argument("--online", action="store_true",
                   help="write a small page that loads its libraries from CDNs (needs the "
                   "network to display) instead of a self-contained one")
    p.add_argument("--title", default=None,
                   help="title of the map (default: the article's title, for one article)")
    p.add_argument("--no-text-events", action="store_true",
                   help="do not extract events from the articles' text (map only their place "
                   "mentions and the --events files)")
    p.add_argument("--no-join", action="store_true",
                   help="do not link the articles' events to the event records")
    add_join_options(p)
    p.add_argument("--json", action="store_true", help="print a JSON report on stdout")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_gazetteer_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..pipeline import run_map

    date = _date(args.date) if args.date else None
    formats = [f.strip().lower() for f in args.formats.split(",") if f.strip()]
    try:
        report = run_map(args.inputs, args.out, gazetteer=gazetteer_from_args(args), date=date,
                         extract=not args.no_text_events,
                         title=args.title, progress=not (args.no_progress or args.json),
                         event_files=args.event_files, formats=formats, online=args.online,
                         join=not args.no_join, focus_country=focus_from_args(args),
                         join_options={"km": args.km, "days": args.days, "top": args.top})
    except GeomapError as exc:
        if not args.json or isinstance(exc, UsageError):
            raise
        # --json always prints its object: the counts so far (rejects...) and the error
        partial = getattr(exc, "report", None)
        json.dump({**(partial.to_json() if partial is not None else {}), "error": str(exc)},
                  sys.stdout, indent=2)
        sys.stdout.write("\n")
        print(f"geomap: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print_table(
        [("articles", report.articles), ("articles rejected", report.rejected),
         ("articles undated", report.inputs.get("undated", 0)),
         ("feed duplicates", report.inputs.get("duplicates", 0)),
         ("files decoded", len(report.inputs.get("decoded", {}))),
         ("place mentions", report.mentions), ("resolved", report.resolved),
         ("unresolved", report.mentions - report.resolved), ("distinct places", report.places),
         ("event files", report.event_files),
         ("event files not read", report.event_files_unread), ("events", report.events),
         ("events rejected", report.events_rejected),
         ("  of them duplicates", report.events_duplicates),
         ("events undated", report.events_undated), ("events located", report.events_located),
         ("movements", report.movements), ("links", report.links),
         ("records corroborated", report.records_corroborated),
         ("records uncovered", report.records_uncovered),
         ("text events unmatched", report.text_events_unmatched),
         ("  statements etc., not counted", report.text_events_not_counted)],
        ("", "count"), file=sys.stderr)
    kind_of_page = "self-contained, works offline" if report.self_contained else \
        "links its libraries from CDNs: needs the network"
    print(f"map: {report.map_bytes / 1e6:.1f} MB, {kind_of_page}; {report.map_note}",
          file=sys.stderr)
    other_language_note(report.other_language)
    for kind, path in report.outputs.items():
        print(f"wrote {kind}: {path}", file=sys.stderr)
    if report.removed:
        print(f"removed an earlier run's {', '.join(report.removed)}", file=sys.stderr)
    return 0
