"""What a map counts, defined once: the map's header, its legend, its layer names and the
``--json`` report of ``geomap map`` all read these numbers.

Every row of the event table falls in exactly one of five drawn classes, so the classes add up
to ``events``:

- ``dotted``: a Point located more precisely than a country (drawn as an icon, dot or cell; a
  movement known by one end only stands there);
- ``country_level``: located only to a country (``geo_precision`` "country"), counted on the
  country's outline, never dotted;
- ``movements``: a LineString (origin -> destination);
- ``unlocated``: anything else (no geometry): listed in the outputs, not drawn;
- ``region_level``: a Point located only to a first-level division (``geo_precision``
  "admin1"), counted on the division's outline, never dotted; or located to an area its
  record draws (a GeoJSON polygon, column ``area_wkt``), counted on that area.

``records`` are rows from event datasets, ``text_events`` rows extracted from articles
(``dataset`` "text"); ``located`` is ``events - unlocated``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from .._plural import counted

__all__ = ["EventCounts", "drawn_class", "event_counts"]

#: the drawn classes of :func:`drawn_class`, in order
CLASSES = ("dotted", "country_level", "movements", "unlocated", "region_level")


def drawn_class(events: pd.DataFrame | None) -> np.ndarray:
    """Each row's class (an index into :data:`CLASSES`): how the map shows it."""
    if events is None or not len(events):
        return np.empty(0, dtype=np.int8)
    geom = events.geometry
    has = geom.notna().to_numpy()
    kind = geom.geom_type.to_numpy()
    prec = events["geo_precision"].astype(object).fillna("").to_numpy() \
        if "geo_precision" in events else np.full(len(events), "", dtype=object)
    country = prec == "country"
    line = has & (kind == "LineString")
    out = np.full(len(events), 3, dtype=np.int8)
    point = has & (kind == "Point") & ~country
    out[point] = 0
    out[point & (prec == "admin1")] = 4
    if "area_wkt" in events:  # a record that draws its own area (render.boundaries.OWN_AREA)
        out[point & events["area_wkt"].notna().to_numpy()] = 4
    out[country & ~line] = 1
    out[line] = 2
    return out


@dataclass(frozen=True)
class EventCounts:
    """Counts of an event table by source and by how the map draws each row."""

    events: int = 0
    records: int = 0
    text_events: int = 0
    dotted: int = 0
    country_level: int = 0
    movements: int = 0
    unlocated: int = 0
    region_level: int = 0

    @property
    def located(self) -> int:
        return self.events - self.unlocated

    def to_json(self) -> dict:
        return {**asdict(self), "located": self.located}

    def header_bits(self) -> list[str]:
        """"3,077 records", "195 events from text" (for the map's title box)."""
        bits = []
        if self.records:
            bits.append(counted(self.records, "record"))
        if self.text_events:
            bits.append(counted(self.text_events, "event") + " from text")
        return bits

    def summary(self) -> str:
        """One sentence saying where every event went (for the legend)."""
        bits = []
        if self.country_level:
            bits.append(f"{self.country_level:,} on country areas (located only to a country)")
        if self.region_level:
            bits.append(f"{self.region_level:,} on region areas (located only to a first-level"
                        " division)")
        if self.movements:
            bits.append(counted(self.movements, "movement"))
        if self.unlocated:
            bits.append(f"{self.unlocated:,} without a location (not drawn)")
        if not bits:
            return ""
        return f"Of {counted(self.events, 'event')}, {self.dotted:,} dotted, " + \
            ", ".join(bits) + "."


def event_counts(events: gpd.GeoDataFrame | None) -> EventCounts:
    """The counts of ``events`` (records and text events together)."""
    if events is None or not len(events):
        return EventCounts()
    cls = np.bincount(drawn_class(events), minlength=len(CLASSES))
    text = int((events["dataset"].astype(object) == "text").sum()) if "dataset" in events else 0
    return EventCounts(events=len(events), records=len(events) - text, text_events=text,
                       dotted=int(cls[0]), country_level=int(cls[1]), movements=int(cls[2]),
                       unlocated=int(cls[3]), region_level=int(cls[4]))
