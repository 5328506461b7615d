"""The Dask engine opens no dashboard and no port beyond localhost, and says nothing about
ports, even when 8787 (Dask's default dashboard port) is taken (new-user 17)."""

from __future__ import annotations

import contextlib
import os
import socket
import warnings

import pytest

pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")


def test_a_local_cluster_listens_on_localhost_only_and_warns_of_no_port():
    from geomap.scale.engine import DaskEngine

    taken = socket.socket()
    with contextlib.suppress(OSError):  # already taken by another process: as good
        taken.bind(("127.0.0.1", 8787))
        taken.listen()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with DaskEngine(workers=1) as engine:  # worker processes, as the CLI runs
                me = psutil.Process(os.getpid())
                listening = {c.laddr for p in (me, *me.children(recursive=True))
                             for c in p.net_connections(kind="inet")
                             if c.status == psutil.CONN_LISTEN}
                assert engine.client.dashboard_link is None or "8787" not in str(
                    engine.client.dashboard_link)
    finally:
        taken.close()
    assert not [w for w in caught if "already in use" in str(w.message)]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening)
