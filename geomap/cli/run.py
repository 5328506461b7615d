"""``geomap run``: whole corpora and event datasets, partitioned, on the local or Dask engine.

``geomap run mentions|events INPUT... -o DIR`` writes partitioned GeoParquet (+ ``_rejects.jsonl``
and ``_summary.json``); ``geomap run records FILE... -o DIR`` writes event files as spatially
partitioned GeoParquet; ``geomap run join --records DIR --articles DIR -o DIR`` links them;
``geomap run places DIR -o places.geojson`` counts rows per place for a map.

:func:`add_engine_options` and :func:`engine_from_args` also give ``geomap geoparse`` and
``geomap events extract`` their ``--engine/--workers/--scheduler`` options.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from ..exceptions import UsageError
from ._common import (
    add_de_facto_option,
    add_focus_option,
    add_gazetteer_options,
    add_language_option,
    counted,
    focus_from_args,
    gazetteer_from_args,
    language_from_args,
)

log = logging.getLogger("geomap.scale")


def add_engine_options(p: argparse.ArgumentParser, *, corpus: bool = True) -> None:
    g = p.add_argument_group("scale (partitioned runs)")
    g.add_argument("--engine", choices=("local", "dask"),
                   help="process the corpus in partitions on this engine (dask: a LocalCluster "
                   "of --workers processes, or --scheduler); implied by --workers/--scheduler")
    g.add_argument("--workers", type=int, metavar="N",
                   help="worker processes of the dask LocalCluster (default: the cores)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="connect to this dask scheduler (tcp://host:8786) instead")
    if not corpus:
        return
    g.add_argument("--no-cache", action="store_true",
                   help="do not reuse or store processed documents (the content-hash cache in "
                   "the cache folder)")
    g.add_argument("--cache-file", metavar="FILE",
                   help="the document cache file (default: scale-cache.sqlite in the cache folder)")
    g.add_argument("--partition-mb", type=float, default=1.0, metavar="MB",
                   help="input megabytes per partition (default 1: about 1,000 news articles)")
    g.add_argument("--max-chars", type=int, default=2_000_000, metavar="N",
                   help="reject documents longer than this (default 2000000)")
    for field in ("id", "text", "date", "url", "title"):
        g.add_argument(f"--{field}-col", dest=f"corpus_{field}", default=field, metavar="NAME",
                       help=f"JSON key / Parquet column of the article {field} (default {field})")


def wants_engine(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "engine", None) or getattr(args, "workers", None)
                or getattr(args, "scheduler", None))


def engine_from_args(args: argparse.Namespace):
    from ..scale import make_engine

    name = args.engine or ("dask" if (args.workers or args.scheduler) else "local")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    return make_engine(name, workers=args.workers, scheduler=args.scheduler)


def corpus_run(args: argparse.Namespace, inputs, *, task: str, gazetteer, roles=None,
               date=None, out_dir=None, lines_out=None, keep_pairs=False, output=None):
    """Run :func:`geomap.scale.run_corpus` with the options of :func:`add_engine_options`.
    ``output``, a file written from the pairs (GeoJSON), puts the rejects beside it as
    ``OUT.rejects.jsonl`` (lines and folder outputs have theirs from the runner)."""

    from ..scale import Columns, run_corpus

    columns = Columns(id=args.corpus_id, text=args.corpus_text, date=args.corpus_date or None,
                      url=args.corpus_url or None, title=args.corpus_title or None)
    cache = False if args.no_cache else (args.cache_file or True)
    with engine_from_args(args) as engine:
        return run_corpus(inputs, task=task, gazetteer=gazetteer, engine=engine,
                          out_dir=out_dir, lines_out=lines_out, columns=columns, date=date,
                          rejects_path=None if output is None or out_dir or lines_out else
                          Path(output).with_name(f"{Path(output).stem}.rejects.jsonl"),
                          roles=roles, max_chars=args.max_chars,
                          partition_bytes=max(1, int(args.partition_mb * (1 << 20))),
                          cache=cache, progress=not getattr(args, "no_progress", False),
                          keep_pairs=keep_pairs, language=language_from_args(args),
                          focus_country=focus_from_args(args))


def report(summary, *, args, out) -> None:
    if not getattr(args, "quiet", False):
        where = f" (in {summary.rejects_path})" if summary.rejects and summary.rejects_path \
            else ""
        print(f"geomap: {summary.line()}{where}; wrote {out}", file=sys.stderr)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "run",
        help="whole corpora and event datasets in partitions (local or Dask), incrementally",
        description="Partitioned runs for large inputs. 'mentions' / 'events' read folders of "
        ".txt/.html, JSON Lines and Parquet corpora in partitions and write GeoParquet parts "
        "to -o DIR (with _rejects.jsonl and _summary.json); documents already processed with "
        "the same text, geomap version and gazetteer come from the cache. 'records' writes "
        "event files as spatially partitioned GeoParquet; 'join' links such records to a "
        "mentions or events folder; 'places' counts rows per place for a map.",
    )
    rsub = p.add_subparsers(dest="run_command", metavar="COMMAND")
    for task in ("mentions", "events"):
        t = rsub.add_parser(task, help=f"{task} of a corpus as partitioned GeoParquet")
        t.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="folders, .txt/.html, .jsonl or .parquet files")
        t.add_argument("-o", "--out", required=True, metavar="DIR", help="output folder")
        t.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs without one")
        t.add_argument("--no-progress", action="store_true", help="no progress bar")
        t.add_argument("--json", action="store_true", help="print the summary as JSON")
        add_language_option(t)
        add_focus_option(t)
        add_engine_options(t)
        add_gazetteer_options(t)
        t.set_defaults(run_func=_run_corpus, task=task)
    r = rsub.add_parser("records", help="event files -> spatially partitioned GeoParquet")
    r.add_argument("files", nargs="+", metavar="FILE", help="event files (geomap events read)")
    r.add_argument("-o", "--out", required=True, metavar="DIR", help="output folder")
    r.add_argument("--partitions", type=int, default=16, help="number of parts (default 16)")
    add_de_facto_option(r)
    r.set_defaults(run_func=_run_records)
    j = rsub.add_parser("join", help="link a records folder to a mentions / events folder")
    j.add_argument("--records", required=True, metavar="DIR", help="from 'geomap run records'")
    j.add_argument("--articles", required=True, metavar="DIR",
                   help="from 'geomap run mentions' or 'geomap run events'")
    j.add_argument("-o", "--out", required=True, metavar="DIR", help="folder of link parts")
    j.add_argument("--km", type=float, default=25.0, help="greatest distance (default 25)")
    j.add_argument("--days", type=int, default=3, help="greatest gap in days (default 3)")
    j.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_engine_options(j, corpus=False)
    add_gazetteer_options(j)
    j.set_defaults(run_func=_run_join)
    c = rsub.add_parser("places", help="rows per place of a mentions / events folder")
    c.add_argument("folder", metavar="DIR")
    c.add_argument("-o", "--out", required=True, metavar="PLACES.geojson")
    add_engine_options(c, corpus=False)
    c.set_defaults(run_func=_run_places)
    p.set_defaults(func=run, run_parser=p)


def run(args: argparse.Namespace) -> int:
    func = getattr(args, "run_func", None)
    if func is None:
        args.run_parser.print_help(sys.stderr)
        return 2
    return int(func(args) or 0)


def _run_corpus(args: argparse.Namespace) -> int:
    from ..sources import parse_date

    date = None
    if args.date:
        try:
            date = parse_date(args.date)
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    summary = corpus_run(args, args.inputs, task=args.task, gazetteer=gazetteer_from_args(args),
                         date=date, out_dir=args.out)
    report(summary, args=args, out=args.out)
    if args.json:
        json.dump(summary.to_json(), sys.stdout)
        sys.stdout.write("\n")
    return 0 if summary.documents else 1


def _run_records(args: argparse.Namespace) -> int:
    from ..events.batch import read_batch
    from ..scale.join import write_records
    from .events import event_inputs

    paths, skipped = event_inputs(args.files)  # folders too, as 'geomap events read'
    batch = read_batch(paths, skipped=skipped, de_facto=args.de_facto)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rejects = out / "_rejects.csv"
    if not batch.results:
        batch.write_rejects(rejects)
        print(f"geomap: error: no event file could be read (reasons in {rejects})",
              file=sys.stderr)
        return 1
    write_records(batch.events, out, npartitions=args.partitions)
    batch.write_rejects(rejects)
    for result in batch.results:
        if result.rejected:
            log.warning("%s: %s rejected", result.path, counted(result.rejected, "row"))
    print(f"geomap: wrote {counted(len(batch.events), 'record')} in "
          f"{counted(args.partitions, 'part')} to {out}; {counted(batch.rejected, 'row')} "
          f"rejected ({batch.duplicates} already read from an earlier file), "
          f"{counted(len(batch.unread), 'file')} not read: reasons in {rejects}",
          file=sys.stderr)
    return 0


def _scheduler_for(args):
    return None if wants_engine(args) and (args.engine or "dask") == "dask" else "synchronous"


def _run_join(args: argparse.Namespace) -> int:
    import geopandas as gpd

    from ..scale.join import join_partitioned

    gaz = gazetteer_from_args(args)
    articles = gpd.read_parquet(args.articles)
    scheduler = _scheduler_for(args)
    if scheduler is None:
        with engine_from_args(args):
            n = join_partitioned(args.records, articles, km=args.km, days=args.days,
                                 data_dir=gaz.data_dir, out_dir=args.out)
    else:
        n = join_partitioned(args.records, articles, km=args.km, days=args.days,
                             data_dir=gaz.data_dir, out_dir=args.out, scheduler=scheduler)
    summary = {"links": n, "article_rows": len(articles), "output": str(args.out)}
    if args.json:
        json.dump(summary, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(f"geomap: {counted(n, 'link')} to {counted(len(articles), 'article row')}; "
              f"wrote {args.out}",
              file=sys.stderr)
    return 0


def _run_places(args: argparse.Namespace) -> int:
    from ..export.geojson import write_geojson
    from ..scale.aggregate import place_counts

    scheduler = _scheduler_for(args)
    if scheduler is None:
        with engine_from_args(args):
            places = place_counts(args.folder)
    else:
        places = place_counts(args.folder, scheduler=scheduler)
    write_geojson(places, args.out)
    print(f"geomap: {counted(len(places), 'place')}; wrote {args.out}", file=sys.stderr)
    return 0
