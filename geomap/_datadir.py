"""Where geomap's shipped data lives (data/ at the top of the source tree).

Order of precedence: an explicit argument, the environment variable ``GEOMAP_DATA_DIR``, then
the ``data`` folder beside the ``geomap`` package (a source checkout or an editable install).
"""

from __future__ import annotations

import os
from pathlib import Path

from .exceptions import GazetteerError

__all__ = ["ENV_VAR", "resolve_data_dir"]

ENV_VAR = "GEOMAP_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder holding gazetteer/ and samples/."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = Path(__file__).resolve().parent.parent / "data"
    if not (path / "gazetteer").is_dir():
        raise GazetteerError(
            f"geomap's data folder was not found at {path} (it needs gazetteer/); "
            f"set {ENV_VAR} or install geomap from its source tree"
        )
    return path
