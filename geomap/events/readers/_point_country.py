"""The country a record's point lies in, where the dataset files the record under another.

UCDP GED's ``country`` is the country of the conflict, not always of the place: events in Gaza
and the West Bank are filed under "Israel". The event table's ``country`` is the point's (as
ACLED's is, and as text events' are), so country filters, the map's country counts and the
join's country-level evidence agree with the coordinates. Checked column-wise: each filed
country's shipped outline is tested against its rows' points at once (``contains_xy`` on a
prepared polygon, about a microsecond a point); only points outside it are looked up one by one
(the gazetteer's reverse lookup, which snaps a point off a simplified coast to the nearest
unit).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

__all__ = ["PointCountry"]


class PointCountry:
    """Point -> country checks with the shipped outlines, read on first need."""

    def __init__(self) -> None:
        self._index = None
        self._gazetteer = None
        self._units: dict[tuple[str, str], bool] = {}
        self._shapes: dict[str, object] = {}

    @property
    def index(self):
        if self._index is None:
            from ..._cachedir import resolve_cache_dir
            from ..._datadir import resolve_data_dir
            from ...gazetteer._reverse import ReverseIndex

            self._index = ReverseIndex(resolve_data_dir() / "gazetteer", resolve_cache_dir())
        return self._index

    def _shape(self, iso2: str):
        if iso2 not in self._shapes:
            self._shapes[iso2] = self.index.country_shape(iso2)
        return self._shapes[iso2]

    def names_unit(self, admin1: str, iso2: str) -> bool:
        """Whether ``admin1`` names a first-level unit of country ``iso2`` by its name or a
        known variant ("Luhansk oblast" of UA; not "Khan Yunis governorate" of IL)."""
        key = (admin1, iso2)
        if key not in self._units:
            if self._gazetteer is None:
                from ...gazetteer import Gazetteer

                self._gazetteer = Gazetteer()
            self._units[key] = bool(self._gazetteer.search(
                admin1, country=iso2, feature=("admin1", "region"), limit=1, fuzzy=False))
        return self._units[key]

    def elsewhere(self, filed: pd.Series, lat: pd.Series, lon: pd.Series,
                  admin1: pd.Series) -> pd.Series:
        """ISO2 of the country holding each point that lies outside its ``filed`` country,
        unless the row's ``admin1`` names a unit of the filed country: "Khan Yunis governorate"
        filed under Israel is in PS, "Luhansk oblast" a few km across a simplified border stays
        in UA. None elsewhere: the point inside its country, at sea, not given, or no admin-1
        given to tell a border point from one abroad."""
        out = pd.Series(None, index=filed.index, dtype=object)
        given = filed.notna() & lat.notna() & lon.notna() & admin1.notna()
        for iso2, rows in filed[given].groupby(filed[given].astype(str)).groups.items():
            shape = self._shape(iso2)
            if shape is None:
                continue
            y, x = lat[rows].to_numpy(float), lon[rows].to_numpy(float)
            outside = ~shapely.contains_xy(shape, x, y)
            for i in np.flatnonzero(outside):  # few: the reverse lookup, one by one
                key = self.index.lookup(float(y[i]), float(x[i]))
                code = key.split(":", 1)[1][:2] if key else None
                if code and code != iso2 and not self.names_unit(admin1[rows[i]], iso2):
                    out[rows[i]] = code
        return out

