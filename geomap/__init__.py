"""geomap: turn conflict news into layered, offline maps.

Stages (each a module with a small public API, usable on its own)::

    sources -> geoparse -> events -> join -> render / export

The Python API (:mod:`geomap.api`), loaded on first use so that ``import geomap`` stays light:
:func:`geoparse`, :func:`geocode`, :func:`read_events`, :func:`extract_events`, :func:`join`,
:func:`map`.
``geomap.geoparse`` and ``geomap.join`` are also the names of subpackages: once one is
imported it is the package attribute, and calling it calls the API function
(:func:`geomap.api.callable_package`).
"""

from __future__ import annotations

_API = ("extract_events", "geocode", "geoparse", "join", "map", "read_events")

__all__ = ["__version__", "extract_events", "geocode", "geoparse", "join", "map", "read_events"]


def _version() -> str:
    from importlib import metadata  # about 0.05 s of start-up: read on first use

    try:
        return metadata.version("geomap")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        version = globals()["__version__"] = _version()
        return version
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API) | {"__version__"})
