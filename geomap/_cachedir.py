"""Where geomap keeps what it builds on first use (gazetteer index, geocoder caches).

Order of precedence, first wins: an explicit argument (``--cache-dir``), the environment
variable ``GEOMAP_CACHE_DIR``, then platformdirs' user cache directory for "geomap".
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["ENV_VAR", "resolve_cache_dir"]

ENV_VAR = "GEOMAP_CACHE_DIR"


def resolve_cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the cache directory to use (created if missing)."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = Path(platformdirs.user_cache_dir("geomap", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
