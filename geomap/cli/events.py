"""``geomap events``: event datasets in one schema.

``geomap events read FILE... -o events.geojson`` reads ACLED, UCDP GED, GDELT (events or GKG
locations) and generic CSV/XLSX/GeoJSON tables into one table, written in the format of the
output's suffix (.geojson RFC 7946, .gpkg GeoPackage, .parquet GeoParquet, .csv with a WKT
column), and writes the rejected rows, with their reasons, to a CSV beside it.

Sub-subcommands live in :data:`SUBCOMMANDS`: each entry is a function that adds its parser to
the ``events`` group and sets ``events_func``; add new ones (``extract``...) there.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

from ._common import counted

log = logging.getLogger("geomap.events")


def _add_read(esub) -> None:
    from ..events.read import FORMATS

    p = esub.add_parser(
        "read",
        help="read event files into one table (+ a CSV of rejected rows)",
        description="Read event files (format detected from the columns, or --format) into "
        "one table written by the output's suffix: .geojson (RFC 7946), .gpkg (GeoPackage), "
        ".parquet (GeoParquet) or .csv (WKT geometry column); rows that cannot be used go, "
        "with the reason, to the rejects CSV; a record without a usable date is kept undated "
        "(linked by place alone). Reports rows, kept, rejected and undated per file, the "
        "text encoding and the day/month order used on stderr.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="event files to read")
    p.add_argument("-o", "--output", required=True,
                   metavar="EVENTS.geojson|.gpkg|.parquet|.csv",
                   help="file to write; the format follows the suffix")
    p.add_argument("--rejects", metavar="REJECTS.csv",
                   help="CSV of rejected rows (default: <output stem>.rejects.csv)")
    p.add_argument("--format", choices=FORMATS, help="input format (default: detect)")
    p.add_argument("--dataset", help="dataset name for the 'dataset' column")
    p.add_argument("--encoding", help="text encoding (default: detected: a byte-order mark, "
                   "UTF-8, else the code page charset-normalizer names)")
    p.add_argument("--date-order", choices=("day-first", "month-first"),
                   help="order of numeric dates such as 3/7/2019 (default: decided per file "
                   "from the dates that read one way only; day first when none does)")
    g = p.add_argument_group("generic tables")
    for role in ("lat", "lon", "place", "date", "id", "type"):
        g.add_argument(f"--{role}-col", dest=f"{role}_col", metavar="COLUMN",
                       help=f"the {role} column (default: sniffed from the names)")
    g.add_argument("--sheet", help="XLSX sheet name (default: the first sheet whose header "
                   "names a date and a location, else the first)")
    p.add_argument("--json", action="store_true",
                   help="print {\"files\": [...]} on stdout (rows, kept, rejected, undated, "
                   "rejects)")
    from ._common import add_de_facto_option

    add_de_facto_option(p)
    p.set_defaults(events_func=run_read)


def _add_extract(esub) -> None:
    from ._common import add_focus_option, add_gazetteer_options, add_language_option

    p = esub.add_parser(
        "extract",
        help="extract events (type, actors, date, place) from article text",
        description="Extract events from articles (files, folders, JSON Lines with \"id\", "
        "\"text\" and optional \"date\"). OUT.jsonl: one line per document in input order, "
        "{\"id\", \"events\": [{type, trigger, date, date_precision, actors, location, lat, "
        "lon, geonameid, origin, destination, sentence, start, end, primary}]}. OUT.geojson: "
        "the events as features of the event schema (dataset \"text\"); movements with both "
        "ends known are LineStrings, unlocated events have null geometry.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders or .jsonl")
    p.add_argument("-o", "--out", required=True, metavar="OUT.jsonl|OUT.geojson",
                   help="file to write (format from the suffix)")
    p.add_argument("--json", action="store_true",
                   help="print {\"documents\", \"events\", \"rejected\", \"other_language\"} on "
                   "stdout")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs without one")
    add_language_option(p)
    add_focus_option(p)
    add_gazetteer_options(p)
    from .run import add_engine_options

    add_engine_options(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar (with --engine)")
    p.set_defaults(events_func=run_extract)


#: Functions adding one ``geomap events`` sub-subcommand each.
SUBCOMMANDS = [_add_read, _add_extract]


def add_parser(sub) -> None:
    p = sub.add_parser(
        "events",
        help="read event datasets (ACLED, UCDP, GDELT, CSV/XLSX/GeoJSON) into one schema",
        description="Event datasets in one schema. Run 'geomap events COMMAND --help'.",
    )
    esub = p.add_subparsers(dest="events_command", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(esub)
    p.set_defaults(func=run, events_parser=p)


def run(args) -> int:
    func = getattr(args, "events_func", None)
    if func is None:
        args.events_parser.print_help(sys.stderr)
        return 2
    return int(func(args) or 0)


def default_rejects_path(output: str | Path) -> Path:
    out = Path(output)
    return out.with_name(f"{out.stem}.rejects.csv")


def event_inputs(paths: list[str], *, trust: bool = False
                 ) -> tuple[list[Path], list[tuple[str, str]]]:
    """``(event files, [(path, reason) not read])`` of files and folders, by content
    (:func:`geomap.inputs.classify`). With ``trust`` (the user named the format or encoding),
    files given directly are read as they are; folders are always classified."""
    from ..inputs import classify

    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for arg in paths:
        path = Path(arg)
        if trust and path.is_file():
            files.append(path)
            continue
        found = classify([path])
        files.extend(f.path for f in found.events)
        skipped.extend((r.path, r.reason) for r in found.rejects)
        skipped.extend((str(f.path), f"{'a feed' if f.kind == 'feed' else 'an article'} "
                        f"({f.format}), not an event table: map it with 'geomap map'")
                       for f in found.texts)
    return files, skipped


def run_read(args: argparse.Namespace) -> int:
    import pandas as pd

    from .._atomic import atomic_csv
    from ..events.read import read_events
    from ..events.schema import coerce_events, empty_events
    from ..export.areas import with_areas
    from ..export.tables import format_for, write_table

    output = Path(args.output)
    from ..exceptions import InputError

    try:
        format_for(output)  # an unknown suffix is a usage error, found before any reading
    except InputError as exc:
        print(f"geomap: error: {exc}", file=sys.stderr)
        return 2
    rejects_path = Path(args.rejects) if args.rejects else default_rejects_path(output)
    options = {k: getattr(args, k, None) for k in (
        "lat_col", "lon_col", "place_col", "date_col", "id_col", "type_col", "sheet")}
    options = {k: v for k, v in options.items() if v is not None}
    from ..events.duplicates import SeenRecords

    results, unread = [], []
    seen = SeenRecords()
    paths, skipped = event_inputs(args.files, trust=bool(args.format or args.encoding))
    for path in paths:
        try:
            result = read_events(path, format=args.format, dataset=args.dataset,
                                 encoding=args.encoding, dayfirst=_dayfirst(args),
                                 de_facto=args.de_facto, **options)
        except InputError as exc:  # one bad file does not stop the batch
            skipped.append((str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        for warning in result.warnings:
            log.warning("%s", warning)
        seen.drop(result)
        results.append(result)
    for path, reason in skipped:
        log.warning("%s skipped: %s", path, reason)
        unread.append({"source_file": path, "source_row": None, "reason": f"file not read: "
                       f"{reason}"})

    if not results:  # nothing could be read: the reasons, no empty output
        atomic_csv(pd.DataFrame(unread, columns=["source_file", "source_row", "reason"]),
                   rejects_path)
        print(f"geomap: error: no event file could be read (reasons in {rejects_path})",
              file=sys.stderr)
        if args.json:  # --json always prints its object
            json.dump({"files": [], "unread": [{"path": p, "reason": why} for p, why in skipped],
                       "rejects": str(rejects_path), "output": None,
                       "error": "no event file could be read"}, sys.stdout, indent=2)
            sys.stdout.write("\n")
        return 1
    frames = [r.events for r in results if len(r.events)]
    if len(frames) == 1:
        events = frames[0]  # already an event table: no second pass over every column
    else:
        events = coerce_events(pd.concat(frames, ignore_index=True)) if frames else \
            empty_events()
    write_table(with_areas(events), output)  # countries and admin-1 units as areas

    reject_frames = [r.rejects for r in results if len(r.rejects)]
    if unread:
        reject_frames.insert(0, pd.DataFrame(unread))
    lead = ["source_file", "source_row", "reason"]
    if reject_frames:
        rejects = pd.concat(reject_frames, ignore_index=True)
        rejects = rejects[lead + [c for c in rejects.columns if c not in lead]]
    else:
        rejects = pd.DataFrame(columns=lead)
    atomic_csv(rejects, rejects_path)

    _report(results, output, rejects_path, quiet=getattr(args, "quiet", False))
    if args.json:
        json.dump({"files": [{**r.summary(), "rejects": str(rejects_path)} for r in results],
                   "unread": [{"path": p, "reason": why} for p, why in skipped],
                   "output": str(output)}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    return 0 if results else 1


def _dayfirst(args: argparse.Namespace) -> bool | None:
    order = getattr(args, "date_order", None)
    return None if order is None else order == "day-first"


def _report(results, output: Path, rejects_path: Path, *, quiet: bool) -> None:
    if quiet:
        return
    width = max([len("file"), *(len(r.path) for r in results)])
    err = sys.stderr
    print(f"{'file':<{width}}  {'format':<8} {'rows':>8} {'kept':>8} {'rejected':>8} "
          f"{'undated':>8}", file=err)
    for r in results:
        print(f"{r.path:<{width}}  {r.format:<8} {r.rows:>8} {r.kept:>8} {r.rejected:>8} "
              f"{r.undated:>8}", file=err)
        for note in (r.encoding_report and f"encoding {r.encoding_report}", r.date_report,
                     r.undated_report and f"{r.undated_report}: linked by place alone",
                     r.duplicates and f"{r.duplicates} already read from an earlier file: "
                     "rejected as duplicates, counted once"):
            if note:
                print(f"  {note}", file=err)
    reasons = Counter(
        str(reason).split(":")[0] for r in results for reason in r.rejects.get("reason", []))
    for reason, n in reasons.most_common():
        print(f"  rejected {n:>6}: {reason}", file=err)
    kept = sum(r.kept for r in results)
    rejected = sum(r.rejected for r in results)
    undated = sum(r.undated for r in results)
    print(f"wrote {counted(kept, 'event')} ({undated} undated) to {output}; "
          f"{counted(rejected, 'rejected row')} to "
          f"{rejects_path}", file=err)


def run_extract(args: argparse.Namespace) -> int:
    from .._atomic import atomic_write
    from ..events.extract import document_json, extract_events, text_events_collection
    from ..exceptions import UsageError
    from ..geoparse import Geoparser
    from ..lang import detect
    from ..sources import ArticleReader
    from ._common import (
        focus_from_args,
        gazetteer_from_args,
        language_from_args,
        other_language_note,
    )

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".jsonl", ".geojson", ".json"):
        raise UsageError(f"{out}: the output must end in .jsonl or .geojson")
    gaz = gazetteer_from_args(args)
    from .run import wants_engine

    date = _publication_date(args)
    if wants_engine(args):
        return _run_extract_scaled(args, gaz, out, suffix, date)
    lang = language_from_args(args)
    parser = Geoparser(gaz, language=lang, focus_country=focus_from_args(args))
    reader = ArticleReader(date=date)
    items = [(art, extract_events(art, parser.parse(art.text), gaz))
             for art in reader.read(args.inputs)]
    other = [] if lang else [str(art.id) for art, _evs in items if detect(art.text).note]
    # the reader has logged each reject once ("... skipped: reason")
    if suffix == ".jsonl":
        with atomic_write(out) as fh:
            for art, events in items:
                fh.write(json.dumps(document_json(art.id, art.date, events),
                                    ensure_ascii=False) + "\n")
    else:
        collection = text_events_collection(items)
        with atomic_write(out) as fh:
            json.dump(collection, fh, ensure_ascii=False, allow_nan=False)
            fh.write("\n")
    rejects_path = _write_rejects(out, reader.rejects)
    n_events = sum(len(evs) for _a, evs in items)
    if not getattr(args, "quiet", False):
        other_language_note(other)
        where = f" (in {rejects_path})" if rejects_path else ""
        print(f"geomap: {counted(len(items), 'document')}, {counted(n_events, 'event')}, "
              f"{counted(reader.n_rejected, 'rejected input')}{where}; wrote {out}",
              file=sys.stderr)
    if args.json:
        json.dump({"documents": len(items), "events": n_events, "rejected": reader.n_rejected,
                   "rejects": str(rejects_path) if rejects_path else None,
                   "other_language": other, "output": str(out)}, sys.stdout)
        sys.stdout.write("\n")
    return 0 if items else 1


def _write_rejects(out: Path, rejects) -> Path | None:
    """``OUT.rejects.jsonl`` (as ``geomap geoparse -o`` writes it): one line per rejected file or
    line with its reason; None when nothing was rejected (a stale file is removed)."""
    from .._atomic import atomic_write

    path = out.with_name(f"{out.stem}.rejects.jsonl")
    if not rejects:
        path.unlink(missing_ok=True)
        return None
    with atomic_write(path) as fh:
        for r in rejects:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    return path


def _publication_date(args: argparse.Namespace):
    from ..exceptions import UsageError
    from ..sources import parse_date

    if not args.date:
        return None
    try:
        return parse_date(args.date)
    except ValueError as exc:
        raise UsageError(f"--date: {exc}") from None


def _run_extract_scaled(args: argparse.Namespace, gaz, out: Path, suffix: str, date) -> int:
    """``--engine``: the same files, computed in partitions (see :mod:`geomap.scale`)."""
    from .._atomic import atomic_write
    from ..events.extract import text_events_collection
    from .run import corpus_run, report

    lines = suffix == ".jsonl"
    summary = corpus_run(args, args.inputs, task="events", gazetteer=gaz, date=date,
                         lines_out=out if lines else None, keep_pairs=not lines, output=out)
    if not lines:
        with atomic_write(out) as fh:
            json.dump(text_events_collection(summary.pairs), fh, ensure_ascii=False,
                      allow_nan=False)
            fh.write("\n")
    report(summary, args=args, out=out)
    if args.json:
        json.dump({"documents": summary.documents, "events": summary.items,
                   "rejected": summary.rejects, "rejects": summary.rejects_path,
                   "other_language": summary.other_language_ids,
                   "output": str(out)}, sys.stdout)
        sys.stdout.write("\n")
    return 0 if summary.documents else 1
