"""One exception tree for geomap.

Every error geomap raises on purpose derives from :class:`GeomapError`; each subclass also
derives from the builtin it resembles, so callers may catch either.
"""

from __future__ import annotations

__all__ = [
    "GazetteerError",
    "GeocoderServiceError",
    "GeomapError",
    "InputError",
    "OutputError",
    "UsageError",
]


class GeomapError(Exception):
    """Base class of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """Input that geomap cannot read: a missing path, an empty folder, undecodable text."""


class UsageError(InputError):
    """A command used wrongly: a bad option value (the CLI exits with status 2)."""


class OutputError(GeomapError, OSError):
    """An output file or folder could not be written."""


class GazetteerError(GeomapError, RuntimeError):
    """The gazetteer could not be built, loaded or extended."""


class GeocoderServiceError(GeomapError, ConnectionError):
    """An online geocoding service failed after its retries."""
