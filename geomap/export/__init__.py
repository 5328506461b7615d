"""Writers shared by events, maps and mentions: GeoJSON, GeoPackage, GeoParquet, CSV (WKT)."""

from .areas import areas_of, with_areas
from .geojson import frame_to_feature_collection, json_value, write_geojson
from .metadata import table_metadata
from .tables import FORMATS, format_for, read_table, write_table

__all__ = ["FORMATS", "areas_of", "format_for", "frame_to_feature_collection", "json_value",
           "read_table", "table_metadata", "with_areas", "write_geojson", "write_table"]
