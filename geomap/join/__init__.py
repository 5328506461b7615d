"""Join text-derived events and place mentions to event records: ranked, scored links."""

from ._sphere import haversine_km
from .core import (
    DEFAULTS,
    LINK_COLUMNS,
    JoinResult,
    join_events,
    record_ids,
    rerank,
    with_article_fields,
)

__all__ = ["DEFAULTS", "LINK_COLUMNS", "JoinResult", "haversine_km", "join_events",
           "record_ids", "rerank", "with_article_fields"]

# ``geomap.join(...)`` is the API function even once this package is imported (geomap.api)
from ..api import callable_package as _callable_package

_callable_package(__name__, "join")
