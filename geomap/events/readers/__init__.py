"""One reader per event dataset; each returns a :class:`ReadResult`."""

from ._common import ReadResult
from .acled import read_acled
from .gdelt import read_gdelt_events
from .generic import read_generic
from .gkg import read_gkg_locations
from .ucdp import read_ucdp

__all__ = [
    "ReadResult",
    "read_acled",
    "read_gdelt_events",
    "read_generic",
    "read_gkg_locations",
    "read_ucdp",
]
