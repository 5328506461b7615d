"""Join text-derived events and place mentions to event records in space and time."""

from ._sphere import haversine_km
from .core import LINK_COLUMNS, JoinResult, join_events

__all__ = ["LINK_COLUMNS", "JoinResult", "haversine_km", "join_events"]
