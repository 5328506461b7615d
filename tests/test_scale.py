"""geomap.scale: partitioned corpora, engines, the document cache, partitioned joins."""

from __future__ import annotations

import json
import os
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geomap.cli import main
from geomap.geoparse import Geoparser
from geomap.scale import (
    Columns,
    DaskEngine,
    EngineError,
    LocalEngine,
    load_partition,
    plan_partitions,
    run_corpus,
)
from geomap.scale.synthetic import synthetic_documents, synthetic_records, write_jsonl

pytestmark = [
    # distributed's cluster start-up and shutdown on a busy 2-core machine
    pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, gazetteer) -> Path:
    """200 news-like documents as JSON Lines."""
    path = tmp_path_factory.mktemp("corpus") / "docs.jsonl"
    return write_jsonl(synthetic_documents(200, gazetteer.index_path, seed=3), path)


@pytest.fixture(scope="module")
def cluster():
    with DaskEngine(workers=2, window=4, allowed_failures=1) as engine:
        yield engine


@pytest.fixture
def dying_cluster():
    """A cluster of its own for a test that kills workers: the shared one may be left with no
    live worker on a busy machine (a later test then waited for ever); two items in flight, so a
    dying worker rarely takes a bystander with it."""
    with DaskEngine(workers=2, window=2, allowed_failures=1) as engine:
        yield engine


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_partitions_cover_every_line_once(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": "x" * (i % 50 + 1)}) for i in range(500)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = plan_partitions([path], partition_bytes=700)
    assert len(parts) > 10
    seen = []
    for part in parts:
        arts, rejects = load_partition(part)
        assert not rejects
        seen.extend(a.id for a in arts)
        assert part.line == int(arts[0].id[1:]) + 1  # first line number of the range
    assert seen == [f"d{i}" for i in range(500)]


def test_bad_records_become_rejects_with_reasons(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "ok", "text": "Shelling hit Kharkiv."}).encode()
    path.write_bytes(b"\n".join([
        good,
        b"{not json",
        b'{"id": "bin", "text": "\\u0000\\u0001binary"}',
        b'{"id": "latin", "text": "caf\xe9"}',
        b'{"id": "long", "text": "' + b"a" * 5000 + b'"}',
        b'{"id": "empty", "text": ""}',
        b'{"text": "no id"}',
        b'{"id": "date", "text": "x", "date": "yesterday"}',
    ]) + b"\n")
    (part,) = plan_partitions([path])
    counts: dict[str, int] = {}
    arts, rejects = load_partition(part, max_chars=1000, counts=counts)
    assert [(a.id, a.date) for a in arts] == [("ok", None), ("date", None)]  # kept undated
    assert counts == {"undated": 1}  # "ok" has no date: not counted; "date" has a bad one
    assert [r["line"] for r in rejects] == [2, 3, 4, 5, 6, 7]
    reasons = " | ".join(r["reason"] for r in rejects)
    for word in ("invalid JSON", "binary", "UTF-8", "more than the limit", "'text'", "'id'"):
        assert word in reasons


def test_folder_with_corrupt_files_keeps_the_rest(tmp_path, gazetteer):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Kyiv\n\nShelling hit Kyiv on Monday.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00binary\x00junk")
    (folder / "c.html").write_text("<title>Odesa</title><p>Drones struck Odesa.</p>",
                                   encoding="utf-8")
    (folder / "d.parquet").write_bytes(b"PAR1 this is not parquet")
    (folder / "e.jsonl").write_text("", encoding="utf-8")  # an empty file: reported too
    (folder / "f.csv").write_text("event_id_cnty,event_date,event_type\nX1,2022-03-01,Battles\n",
                                  encoding="utf-8")  # an event table: not an article
    out = tmp_path / "out"
    summary = run_corpus([folder], gazetteer=gazetteer, out_dir=out, cache=False,
                         progress=False)
    assert summary.documents == 2
    rejects = _lines(out / "_rejects.jsonl")
    assert sorted(Path(r["source"]).name for r in rejects) == ["b.txt", "d.parquet", "e.jsonl",
                                                               "f.csv"]
    assert summary.rejects == 4
    table = gpd.read_parquet(out)
    assert set(table["article_id"]) == {"a.txt", "c.html"}
    assert json.loads((out / "_summary.json").read_text())["documents"] == 2


def test_parquet_corpus_with_chosen_columns(tmp_path, gazetteer):
    frame = pd.DataFrame({"doc": ["p1", "p2", "p3"], "body": [
        "Troops entered Kherson.", "", "Protests in Tbilisi and Batumi."],
        "published": ["2024-05-01", "2024-05-02", "sometime in May"]})
    path = tmp_path / "corpus.parquet"
    frame.to_parquet(path, row_group_size=2)
    lines = tmp_path / "m.jsonl"
    summary = run_corpus([path], gazetteer=gazetteer, lines_out=lines, cache=False,
                         progress=False, columns=Columns(id="doc", text="body", date="published"))
    assert [d["id"] for d in _lines(lines)] == ["p1", "p3"]
    (reject,) = _lines(tmp_path / "m.rejects.jsonl")
    assert reject["line"] == 2 and "body" in reject["reason"]
    assert summary.documents + summary.rejects == 3
    assert summary.undated == 1 and summary.to_json()["undated"] == 1  # p3, kept undated
    assert "(1 undated)" in summary.line()


def test_local_run_matches_the_geoparser_and_counts_add_up(corpus, gazetteer, tmp_path):
    lines = tmp_path / "m.jsonl"
    summary = run_corpus([corpus], gazetteer=gazetteer, lines_out=lines, cache=False,
                         progress=False, partition_bytes=20_000)
    assert summary.partitions > 3
    parser = Geoparser(gazetteer)
    docs = _lines(corpus)
    got = _lines(lines)
    assert [g["id"] for g in got] == [d["id"] for d in docs]
    for d, g in zip(docs, got, strict=True):
        assert g["toponyms"] == [m.to_json() for m in parser.parse(d["text"])]
    assert summary.items == sum(len(g["toponyms"]) for g in got)
    assert summary.documents == len(docs) and summary.rejects == 0


def test_rerun_processes_only_new_documents(corpus, gazetteer, tmp_path, monkeypatch):
    from geomap.scale import cache as cache_mod

    # the code fingerprint is part of the key; pin it so edits to the tree during the test
    # (other engineers work in it) do not invalidate the cache between the two runs
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: "pinned")
    docs = _lines(corpus)[:100]
    path = write_jsonl(docs, tmp_path / "c.jsonl")
    cache = tmp_path / "cache.sqlite"
    first = run_corpus([path], gazetteer=gazetteer, out_dir=tmp_path / "o", cache=cache,
                       progress=False, partition_bytes=10_000)
    assert (first.documents, first.cached) == (100, 0)
    more = docs + list(synthetic_documents(10, gazetteer.index_path, seed=9, start=1000))
    write_jsonl(more, path)
    second = run_corpus([path], gazetteer=gazetteer, out_dir=tmp_path / "o", cache=cache,
                        progress=False, partition_bytes=10_000)
    assert (second.documents, second.cached, second.processed) == (110, 100, 10)
    assert len(gpd.read_parquet(tmp_path / "o")) == second.items
    # parts made only of cached documents, and already written, are not written again
    parts = sorted((tmp_path / "o").glob("part-*.parquet"))
    assert len(parts) >= 3
    before = {p.name: p.stat().st_mtime_ns for p in parts}
    again = run_corpus([path], gazetteer=gazetteer, out_dir=tmp_path / "o", cache=cache,
                       progress=False, partition_bytes=10_000)
    assert (again.cached, again.processed, again.items) == (110, 0, second.items)
    assert {p.name: p.stat().st_mtime_ns for p in parts} == before
    assert len(gpd.read_parquet(tmp_path / "o")) == second.items
    # another identity (here: the roles) never reuses the cached results
    third = run_corpus([path], gazetteer=gazetteer, cache=cache, progress=False,
                       roles=["literal"])
    assert third.cached == 0


def test_cache_key_changes_with_version_and_gazetteer(gazetteer, monkeypatch):
    from geomap.scale import cache as cache_mod

    base = cache_mod.run_identity(gazetteer, task="mentions")
    monkeypatch.setattr(cache_mod, "__version__", "99.0")
    assert cache_mod.run_identity(gazetteer, task="mentions") != base
    monkeypatch.undo()

    class Other:
        index_path = Path("gazetteer-0000.sqlite")
        user_path = Path("/nonexistent/user-places.sqlite")
        de_facto = False

    assert cache_mod.run_identity(Other(), task="mentions") != base
    k1 = cache_mod.document_key(base, "text")
    assert k1 != cache_mod.document_key(base, "text ") != cache_mod.document_key(base + "x", "text")


def test_a_failing_document_is_rejected_and_the_run_goes_on(gazetteer, tmp_path, monkeypatch):
    from geomap.scale import work

    docs = [{"id": f"d{i}", "text": f"Shelling hit Kyiv {i}."} for i in range(5)]
    path = write_jsonl(docs, tmp_path / "c.jsonl")
    real = work._compute

    def flaky(spec, art):
        if art.id == "d2":
            raise RuntimeError("boom")
        return real(spec, art)

    monkeypatch.setattr(work, "_compute", flaky)
    lines = tmp_path / "m.jsonl"
    summary = run_corpus([path], gazetteer=gazetteer, lines_out=lines, cache=False,
                         progress=False)
    assert [d["id"] for d in _lines(lines)] == ["d0", "d1", "d3", "d4"]
    (reject,) = _lines(tmp_path / "m.rejects.jsonl")
    assert reject["id"] == "d2" and "boom" in reject["reason"]
    assert (summary.documents, summary.rejects) == (4, 1)


def test_dask_engine_gives_the_local_results(corpus, gazetteer, cluster, tmp_path):
    for task in ("mentions", "events"):
        local = run_corpus([corpus], task=task, gazetteer=gazetteer, engine=LocalEngine(),
                           out_dir=tmp_path / f"l-{task}", lines_out=tmp_path / f"l-{task}.jsonl",
                           cache=False, progress=False, partition_bytes=15_000)
        dask = run_corpus([corpus], task=task, gazetteer=gazetteer, engine=cluster,
                          out_dir=tmp_path / f"d-{task}", lines_out=tmp_path / f"d-{task}.jsonl",
                          cache=False, progress=False, partition_bytes=15_000)
        assert dask.workers == 2 and dask.partitions > 4
        assert (tmp_path / f"l-{task}.jsonl").read_bytes() == \
            (tmp_path / f"d-{task}.jsonl").read_bytes()
        a = gpd.read_parquet(tmp_path / f"l-{task}")
        b = gpd.read_parquet(tmp_path / f"d-{task}")
        pd.testing.assert_frame_equal(a, b)
        assert (local.documents, local.items) == (dask.documents, dask.items)


def _die_on(item):
    if item == 3:
        os._exit(1)
    return item * 10


def _die_once(item, marker):
    if item == 2 and not Path(marker).exists():
        Path(marker).touch()
        os._exit(1)
    return item * 10


def test_a_worker_that_dies_is_reported_and_the_rest_finishes(dying_cluster, tmp_path):
    cluster = dying_cluster
    got = {item: (result, error) for item, result, error in
           cluster.map(_die_once, range(6), str(tmp_path / "died"))}
    assert (tmp_path / "died").exists()  # one worker was killed mid-run ...
    assert {k: r for k, (r, _e) in got.items()} == {k: k * 10 for k in range(6)}  # ... rerun
    got = [(item, result, error) for item, result, error in cluster.map(_die_on, range(6))]
    assert sorted(item for item, _r, _e in got) == list(range(6))  # each item reported once
    for item, result, error in got:
        if item == 3:
            assert result is None and type(error).__name__ == "KilledWorker"
        else:  # a bystander on the dying worker may fail too, but never silently
            assert result == item * 10 or type(error).__name__ == "KilledWorker"


def test_a_cluster_left_with_no_worker_fails_the_waiting_items_instead_of_hanging():
    """Workers that died and were not restarted (a machine out of memory, a killed nanny) used
    to leave map() waiting for ever; after ``idle_timeout`` seconds each item is a failure."""
    import time

    with DaskEngine(workers=1, window=2, idle_timeout=1) as engine:
        engine.client.retire_workers(close_workers=True, remove=True)
        for _ in range(200):  # the scheduler notices the retired worker
            if not engine.client.scheduler_info().get("workers"):
                break
            time.sleep(0.05)
        assert not engine.client.scheduler_info().get("workers")
        got = list(engine.map(_die_on, range(4)))
    assert sorted(item for item, _r, _e in got) == [0, 1, 2, 3]  # each item reported once
    for _item, result, error in got:
        assert result is None and isinstance(error, EngineError)
        assert "no Dask worker ran any task" in str(error)


def test_a_partition_whose_worker_dies_is_one_reject(corpus, gazetteer, dying_cluster, tmp_path,
                                                     monkeypatch):
    from geomap.scale import work

    def killer(part, spec):
        if part.index == 1:
            os._exit(1)
        return work.process_partition(part, spec)

    from geomap.scale import runner

    monkeypatch.setattr(runner, "process_partition", killer)
    lines = tmp_path / "m.jsonl"
    summary = run_corpus([corpus], gazetteer=gazetteer, engine=dying_cluster, lines_out=lines,
                         cache=False, progress=False, partition_bytes=15_000)
    assert summary.failed_partitions == 1
    (reject,) = _lines(tmp_path / "m.rejects.jsonl")
    assert "partition 1 failed" in reject["reason"] and "bytes" in reject["source"]
    assert summary.documents == len(_lines(lines)) > 150


def test_partitioned_join_equals_the_whole_table_join(gazetteer, cluster, tmp_path):
    from geomap.join import join_events
    from geomap.scale.join import join_partitioned, write_records

    texts = [
        "Shelling hit Kharkiv and Sumy on Monday.", "Drones struck Odesa and Mykolaiv.",
        "Protests in Lviv; troops moved toward Zaporizhzhia.", "Fighting near Kherson and Dnipro.",
        "Talks in Minsk and Warsaw.", "Explosions in Kyiv, Poltava and Chernihiv.",
    ] * 20
    docs = [{"id": f"a{i}", "text": t, "date": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}"}
            for i, t in enumerate(texts)]
    out = tmp_path / "mentions"
    run_corpus([write_jsonl(docs, tmp_path / "a.jsonl")], gazetteer=gazetteer, out_dir=out,
               cache=False, progress=False)
    mentions = gpd.read_parquet(out)
    write_records(synthetic_records(6_000, seed=2), tmp_path / "rec", npartitions=5)
    stored = gpd.read_parquet(tmp_path / "rec")
    whole = join_events(stored, mentions, data_dir=gazetteer.data_dir).links
    assert len(whole) > 100
    local = join_partitioned(tmp_path / "rec", mentions, data_dir=gazetteer.data_dir,
                             scheduler="synchronous")
    pd.testing.assert_frame_equal(whole, local)
    n = join_partitioned(tmp_path / "rec", mentions, data_dir=gazetteer.data_dir,
                         out_dir=tmp_path / "links")  # on the cluster's client
    assert n == len(whole)
    on_dask = gpd.read_parquet(tmp_path / "links").sort_values(["article_row", "rank"])
    assert on_dask["record_row"].tolist() == whole["record_row"].tolist()
    assert on_dask["rank"].tolist() == whole["rank"].tolist()


def test_cli_geoparse_engine_output_is_byte_identical(tmp_path, capsys):
    sample = Path(__file__).resolve().parents[1] / "data" / "samples"
    assert main(["geoparse", str(sample / "wire.jsonl"), "-o", str(tmp_path / "a.jsonl"),
                 "--no-progress"]) == 0
    assert main(["geoparse", str(sample / "wire.jsonl"), "-o", str(tmp_path / "b.jsonl"),
                 "--engine", "local", "--no-progress",
                 "--cache-file", str(tmp_path / "c.sqlite")]) == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    err = capsys.readouterr().err
    assert "0 rejects" in err and "local engine" in err


def test_cli_run_mentions_and_places(tmp_path, capsys):
    sample = Path(__file__).resolve().parents[1] / "data" / "samples"
    out = tmp_path / "m"
    assert main(["run", "mentions", str(sample), "-o", str(out), "--no-progress", "--json",
                 "--cache-file", str(tmp_path / "c.sqlite")]) == 0
    summary = json.loads(capsys.readouterr().out)
    # the samples' demo records are an event table: one input skipped, with its reason
    assert summary["documents"] == 7 and summary["rejects"] == 1
    assert main(["run", "places", str(out), "-o", str(tmp_path / "p.geojson")]) == 0
    places = gpd.read_file(tmp_path / "p.geojson")
    located = gpd.read_parquet(out).geometry.notna().sum()
    assert places["count"].sum() == located


def test_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(EngineError, match=r"cannot start or reach tcp://127\.0\.0\.1:9"), \
            DaskEngine(scheduler="tcp://127.0.0.1:9", connect_timeout="1s"):
        pass
