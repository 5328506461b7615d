"""Writers shared by events, maps and mentions."""

from .geojson import frame_to_feature_collection, json_value, write_geojson

__all__ = ["frame_to_feature_collection", "json_value", "write_geojson"]
