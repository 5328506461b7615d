"""Shared fixtures: one gazetteer index per test session, the ../shared folder when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# one cache for all test runs of this checkout: the world index is built once (about a minute)
os.environ.setdefault("GEOMAP_CACHE_DIR", str(ROOT / ".cache" / "test"))

# CI runs the property tests on hypothesis' fixed seed, so a landing is judged on known examples;
# developers' runs draw new ones each time (that is how they find bugs: fix them, and add the
# example to an ordinary test)
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def gazetteer():
    from geomap.gazetteer import Gazetteer

    return Gazetteer()


@pytest.fixture(scope="module")
def parser(gazetteer):
    """A Geoparser on the session's gazetteer, one per test module."""
    from geomap.geoparse import Geoparser

    return Geoparser(gazetteer)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (it is only beside developer and CI checkouts)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared) -> str:
    return (shared / "seed" / "article.txt").read_text(encoding="utf-8")
