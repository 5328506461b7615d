"""Engines that map a function over work items: in this process, or on Dask.

Both give ``(item, result, error)`` triples as items finish; an item whose function raised (or
whose worker died, on Dask) comes back with ``error`` set and the run goes on. Only a bounded
number of items is in flight at once, so memory stays flat however long the input is.

``DaskEngine`` starts a :class:`distributed.LocalCluster` (``workers`` processes with one thread
each: geoparsing is pure Python and holds the GIL) or connects to an existing scheduler.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..exceptions import GeomapError

__all__ = ["ENGINES", "DaskEngine", "EngineError", "LocalEngine", "make_engine"]

ENGINES = ("local", "dask")


class EngineError(GeomapError, RuntimeError):
    """The engine could not start or reach its cluster."""


class LocalEngine:
    """Run items one after another in this process."""

    name = "local"
    workers = 1

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def map(self, func: Callable, items: Iterable, *args: Any
            ) -> Iterator[tuple[Any, Any, BaseException | None]]:
        for item in items:
            try:
                result = func(item, *args)
            except Exception as exc:
                yield item, None, exc
            else:
                yield item, result, None


class DaskEngine:
    """Run items on Dask workers.

    Parameters
    ----------
    workers
        Worker processes of the LocalCluster (default: the number of cores).
    scheduler
        Address of an existing scheduler (``tcp://host:8786``); no cluster is started.
    processes
        False runs the LocalCluster's workers as threads of this process (tests).
    retries
        Times an item whose function raised is tried again (process_partition catches
        document errors itself, so the default is 0).
    allowed_failures
        Worker deaths a task may cause before Dask gives up on it with ``KilledWorker`` (the
        item is then reported as failed); applies to the LocalCluster started here.
    connect_timeout
        How long to try to reach ``scheduler``.
    window
        Items in flight at once (default: 2 per worker thread).
    idle_timeout
        Seconds items may wait while no worker runs any task (workers that died and were not
        restarted, a dead worker's task never handed on) before the waiting items are
        reported failed with :class:`EngineError` instead of waiting for ever.
    """

    name = "dask"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None,
                 processes: bool = True, retries: int = 0, window: int | None = None,
                 memory_limit: str | int = "auto", allowed_failures: int = 3,
                 connect_timeout: str = "20s", idle_timeout: float = 120.0) -> None:
        self.n_workers = workers or os.cpu_count() or 1
        self.scheduler = scheduler
        self.processes = processes
        self.retries = retries
        self._window = window
        self.memory_limit = memory_limit
        self.allowed_failures = allowed_failures
        self.connect_timeout = connect_timeout
        self.idle_timeout = idle_timeout
        self.client = None
        self._cluster = None

    @property
    def workers(self) -> int:
        if self.client is None:
            return self.n_workers
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def __enter__(self) -> DaskEngine:
        import dask
        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout=self.connect_timeout)
            else:
                failures = {"distributed.scheduler.allowed-failures": self.allowed_failures}
                with dask.config.set(failures):
                    self._cluster = LocalCluster(
                        n_workers=self.n_workers, threads_per_worker=1,
                        processes=self.processes, dashboard_address=None,
                        # the scheduler's HTTP server (health and metrics; no dashboard) on an
                        # ephemeral localhost port: not 8787, whose "Hosting the HTTP server on
                        # port N instead" warning a busy 8787 printed (new-user 17)
                        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                        memory_limit=self.memory_limit, silence_logs=logging.ERROR)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"cannot start or reach {where}: {exc}") from exc
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, func: Callable, items: Iterable, *args: Any
            ) -> Iterator[tuple[Any, Any, BaseException | None]]:
        from distributed import as_completed

        if self.client is None:
            raise EngineError("use the DaskEngine in a with block")
        window = self._window or 2 * self.workers
        todo = iter(items)
        owner: dict[Any, Any] = {}
        done = as_completed()

        def submit() -> bool:
            for item in todo:
                fut = self.client.submit(func, item, *args, pure=False, retries=self.retries)
                owner[fut.key] = (fut, item)
                done.add(fut)
                return True
            return False

        for _ in range(window):
            if not submit():
                break
        idle_since: float | None = None
        last_check = 0.0
        while not done.is_empty():
            batch = done.next_batch(block=False)
            if not batch:  # nothing finished: wait, but not for ever on a cluster doing nothing
                now = time.monotonic()
                if now - last_check >= 1.0:
                    last_check = now
                    if self._working():
                        idle_since = None
                    elif idle_since is None:
                        idle_since = now
                    elif now - idle_since > self.idle_timeout:
                        yield from self._abandon(done, owner, todo)
                        return
                time.sleep(0.05)
                continue
            idle_since = None
            for fut in batch:
                _fut, item = owner.pop(fut.key)
                try:
                    result, error = fut.result(), None
                except Exception as exc:  # includes KilledWorker when a worker died every time
                    result, error = None, exc
                fut.release()
                yield item, result, error
                submit()

    def _working(self) -> bool:
        """Whether some live worker is running a task (else the waiting futures are stuck:
        no worker at all, or a dead worker's task the scheduler never handed on)."""
        try:
            return any(self.client.processing().values())
        except (OSError, TimeoutError):
            return False

    def _abandon(self, done: Any, owner: dict, todo: Iterator
                 ) -> Iterator[tuple[Any, None, EngineError]]:
        """Every waiting and unsubmitted item, failed: the cluster has had no worker too long."""
        error = EngineError(f"no Dask worker ran any task for {self.idle_timeout:g} s")
        pending = [item for _fut, item in owner.values()]
        self.client.cancel([fut for fut, _item in owner.values()])
        done.clear()
        owner.clear()
        for item in [*pending, *todo]:
            yield item, None, error


def make_engine(name: str = "local", *, workers: int | None = None,
                scheduler: str | None = None):
    """The engine the CLI's ``--engine/--workers/--scheduler`` ask for."""
    if name == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        return LocalEngine()
    if name == "dask":
        return DaskEngine(workers=workers, scheduler=scheduler)
    raise EngineError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
