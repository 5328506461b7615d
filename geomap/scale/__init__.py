"""Scale out: whole news archives and event datasets, streamed in partitions, on Dask.

* :mod:`.corpus` reads folders of .txt/.html, JSON Lines and Parquet corpora lazily in
  partitions;
* :mod:`.engine` maps work over partitions in this process (``local``) or on Dask (``dask``:
  a LocalCluster or an existing scheduler);
* :mod:`.cache` skips documents already processed (content hash of text, version, code and
  gazetteer);
* :mod:`.work` is what runs on a worker (one gazetteer per worker process);
* :mod:`.runner` ties them together and writes partitioned GeoParquet, JSON Lines and rejects;
* :mod:`.join` joins large event tables to mentions or text events partition by partition;
* :mod:`.aggregate` summarises partitioned results for mapping without collecting every row.
"""

from .corpus import Columns, Partition, load_partition, plan_partitions
from .engine import DaskEngine, EngineError, LocalEngine, make_engine
from .runner import RunSummary, run_corpus

__all__ = [
    "Columns",
    "DaskEngine",
    "EngineError",
    "LocalEngine",
    "Partition",
    "RunSummary",
    "load_partition",
    "make_engine",
    "plan_partitions",
    "run_corpus",
]
