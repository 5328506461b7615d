"""Event datasets in one schema: ACLED, UCDP GED, GDELT (events and GKG locations) and generic
CSV/XLSX/GeoJSON tables, read into one GeoDataFrame layout (:mod:`geomap.events.schema`) with
one event taxonomy (:mod:`geomap.events.taxonomy`).
"""

from .read import FORMATS, ReadResult, detect_format, read_events
from .readers.gkg import read_gkg_locations
from .schema import COLUMNS, coerce_events, empty_events, validate_events
from .taxonomy import EVENT_TYPES

__all__ = [
    "COLUMNS",
    "EVENT_TYPES",
    "FORMATS",
    "ReadResult",
    "coerce_events",
    "detect_format",
    "empty_events",
    "read_events",
    "read_gkg_locations",
    "validate_events",
]
