"""geomap: turn conflict news into layered, offline maps.

Stages (each a module with a small public API, usable on its own)::

    sources -> geoparse -> events -> join -> render / export
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("geomap")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["__version__"]
