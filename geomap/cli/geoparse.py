"""``geomap geoparse``: place mentions of articles, as a table or as JSON Lines."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from .._atomic import atomic_write
from ..exceptions import UsageError
from ._common import (
    add_focus_option,
    add_gazetteer_options,
    add_language_option,
    counted,
    focus_from_args,
    gazetteer_from_args,
    language_from_args,
    other_language_note,
    print_table,
)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "geoparse",
        help="find and resolve place mentions in articles",
        description="Find and resolve the place mentions of articles. Without -o, prints a "
        "table. With -o OUT.jsonl, writes one line per document in input order: {\"id\", "
        "\"home_country\", \"home_country_evidence\", \"toponyms\": [{start, end, name, lat, lon, "
        "geonameid, feature, country, admin1, role, confidence}]}; home_country is the ISO code "
        "of where the story is, inferred from a dateline, the country most of its confident "
        "places lie in, or the country domain of its \"url\" (evidence: dateline, mentions, "
        "url; null when none holds). For a .jsonl input each line needs \"id\" and \"text\" "
        "(\"url\" is used, other keys are ignored); lines that are not valid JSON go to "
        "OUT.rejects.jsonl.",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE", help="article files, folders or .jsonl")
    p.add_argument("-o", "--out", metavar="OUT.jsonl", help="write JSON Lines here")
    p.add_argument("--json", action="store_true",
                   help="print a JSON summary on stdout (documents, mentions, resolved, "
                   "rejected, rejects, other_language, output); without -o it also holds "
                   "\"results\": the documents' lines as -o writes them (no table)")
    p.add_argument("--roles", metavar="ROLES",
                   help="comma-separated roles to emit: literal,metonymic,demonym,dateline "
                   "(default: all)")
    add_language_option(p)
    add_focus_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_gazetteer_options(p)
    from .run import add_engine_options

    add_engine_options(p)
    p.set_defaults(func=run)


def _documents(inputs: list[str], rejects: list[dict]):
    """(id, text, url) of every document of every readable input (see :mod:`geomap.inputs`);
    rejected files and lines are appended to ``rejects`` as they are met."""
    from ..sources import ArticleReader

    reader = ArticleReader()
    articles = reader.read(inputs)
    done = 0
    for art in articles:
        rejects.extend(r.to_json() for r in reader.rejects[done:])
        done = len(reader.rejects)
        yield art.id, art.text, art.url
    rejects.extend(r.to_json() for r in reader.rejects[done:])


def _print_rejects(rejects: list[dict]) -> None:
    for r in rejects:
        where = r["source"] if r["line"] is None else f"{r['source']}:{r['line']}"
        print(f"{where}: {r['reason']}", file=sys.stderr)


def _counts(documents: int, mentions: int, rejects: list[dict]) -> str:
    return (f"{counted(documents, 'document')}, {counted(mentions, 'mention')}, "
            f"{counted(len(rejects), 'rejected input')}")


def _summary(args, *, documents: int, mentions: int, resolved: int | None, rejected: int,
             rejects_path: str | None, other: list[str], results: list[dict] | None,
             rejected_inputs: list[dict] | None = None) -> int:
    """``--json``: the run's counts as one object alone on stdout; the exit status. ``resolved``
    is None when not counted (a partitioned run writing its lines to -o)."""
    out = {"documents": documents, "mentions": mentions, "resolved": resolved,
           "unresolved": None if resolved is None else mentions - resolved,
           "rejected": rejected, "rejects": rejects_path, "other_language": other,
           "output": str(args.out) if args.out else None}
    if results is not None:  # no -o: the documents, and the inputs not read with their reasons
        out["results"] = results
        out["rejected_inputs"] = rejected_inputs
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0 if documents else 1


def _document(doc_id, url, mentions, language: dict) -> dict:
    from ..geoparse import home_fields

    return {"id": doc_id, **home_fields(mentions, url), **language,
            "toponyms": [m.to_json() for m in mentions]}


def run(args) -> int:
    from tqdm import tqdm

    from .._progress import note_large
    from ..geoparse import ROLES, Geoparser

    roles = None
    if args.roles:
        roles = [r.strip() for r in args.roles.split(",") if r.strip()]
        bad = [r for r in roles if r not in ROLES]
        if bad:
            raise UsageError(f"unknown role {bad[0]!r}; expected some of {', '.join(ROLES)}")
    from .run import wants_engine

    if wants_engine(args):
        return _run_scaled(args, roles)
    from ..lang import language_fields

    lang = language_from_args(args)
    parser = Geoparser(gazetteer_from_args(args), roles=roles, language=lang,
                       focus_country=focus_from_args(args))
    other: list[str] = []
    rejects: list[dict] = []
    docs = tqdm(_documents(args.inputs, rejects), desc="geoparsing", unit="doc",
                disable=args.no_progress or not args.out, leave=False, file=sys.stderr)
    n_docs = n_mentions = n_resolved = 0
    if args.out or args.json:
        results: list[dict] | None = None if args.out else []
        with atomic_write(args.out) if args.out else contextlib.nullcontext() as fh:
            for doc_id, text, url in docs:
                note_large(docs, doc_id, text)
                mentions = parser.parse(text)
                n_docs += 1
                n_mentions += len(mentions)
                n_resolved += sum(m.place is not None for m in mentions)
                language = language_fields(text, lang)
                if "language_note" in language:
                    other.append(str(doc_id))
                doc = _document(doc_id, url, mentions, language)
                if fh is not None:
                    fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
                else:
                    results.append(doc)
        rej_path = Path(args.out).with_suffix("").as_posix() + ".rejects.jsonl" \
            if args.out and rejects else None
        if rej_path:
            with atomic_write(rej_path) as fh:
                for r in rejects:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        _print_rejects(rejects)
        other_language_note(other)
        print(f"geomap: {_counts(n_docs, n_mentions, rejects)}"
              + (f" (in {rej_path})" if rej_path else "")
              + (f"; wrote {args.out}" if args.out else ""), file=sys.stderr)
        if args.json:
            return _summary(args, documents=n_docs, mentions=n_mentions, resolved=n_resolved,
                            rejected=len(rejects), rejects_path=rej_path, other=other,
                            results=results, rejected_inputs=rejects)
        return 0 if n_docs else 1
    rows = []
    for doc_id, text, _url in docs:
        note_large(None, doc_id, text)
        n_docs += 1
        if "language_note" in language_fields(text, lang):
            other.append(str(doc_id))
        for m in parser.parse(text):
            p = m.place
            rows.append((doc_id, f"{m.start}-{m.end}", m.name, m.role,
                         p.name if p else "(unresolved)", p.feature if p else "",
                         p.country if p else "", f"{p.lat:.3f}" if p else "",
                         f"{p.lon:.3f}" if p else "", f"{m.confidence:.2f}"))
    if n_docs:  # no empty table when nothing could be read: the rejects and counts say why
        print_table(rows, ("document", "span", "mention", "role", "place", "feature", "country",
                           "lat", "lon", "conf"))
    _print_rejects(rejects)
    other_language_note(other)
    print(f"geomap: {_counts(n_docs, len(rows), rejects)}", file=sys.stderr)
    if not n_docs:
        print("geomap: error: no document could be read from the inputs", file=sys.stderr)
    return 0 if n_docs else 1


def _run_scaled(args, roles) -> int:
    """``--engine``: the same output, computed in partitions (see :mod:`geomap.scale`)."""
    from .run import corpus_run, report

    summary = corpus_run(args, args.inputs, task="mentions", gazetteer=gazetteer_from_args(args),
                         roles=roles, lines_out=args.out, keep_pairs=not args.out)
    if args.json:
        if args.out:
            report(summary, args=args, out=args.out)
        pairs = [] if args.out else summary.pairs
        found = [m for _a, ms in pairs for m in ms]
        results = None if args.out else [
            _document(art.id, art.url, ms, {}) for art, ms in pairs]
        return _summary(args, documents=summary.documents,
                        mentions=summary.items if args.out else len(found),
                        resolved=None if args.out else sum(m.place is not None for m in found),
                        rejected=summary.rejects, rejects_path=summary.rejects_path,
                        other=list(summary.other_language_ids), results=results)
    if args.out:
        report(summary, args=args, out=args.out)
        return 0 if summary.documents else 1
    rows = []
    other_language_note(summary.other_language_ids, total=summary.other_language)
    for art, mentions in summary.pairs:
        for m in mentions:
            p = m.place
            rows.append((art.id, f"{m.start}-{m.end}", m.name, m.role,
                         p.name if p else "(unresolved)", p.feature if p else "",
                         p.country if p else "", f"{p.lat:.3f}" if p else "",
                         f"{p.lon:.3f}" if p else "", f"{m.confidence:.2f}"))
    if summary.documents:
        print_table(rows, ("document", "span", "mention", "role", "place", "feature", "country",
                           "lat", "lon", "conf"))
    if not getattr(args, "quiet", False):
        print(f"geomap: {summary.line()}", file=sys.stderr)
    return 0 if summary.documents else 1
