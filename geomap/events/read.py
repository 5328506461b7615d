"""One entry point for every event file: :func:`read_events` (format detected or given)."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..exceptions import InputError
from .readers._common import ReadResult, detect_encoding, sniff_delimiter
from .readers._files import head_bytes
from .readers.acled import read_acled
from .readers.gdelt import read_gdelt_events
from .readers.generic import read_generic
from .readers.gkg import read_gkg_locations
from .readers.ucdp import read_ucdp
from .territory import mark_territory

__all__ = ["FORMATS", "ReadResult", "detect_format", "read_events"]

#: Formats :func:`read_events` accepts.
FORMATS: tuple[str, ...] = ("acled", "ucdp", "gdelt", "gkg", "generic")

_GENERIC_OPTIONS = ("lat_col", "lon_col", "place_col", "date_col", "id_col", "type_col",
                    "sheet")


def detect_format(columns: Sequence[Any]) -> str:
    """The format of a table from its header (or, for headerless GDELT files, its first row).

    Returns one of :data:`FORMATS`, or "gdelt-mentions" for a GDELT mentions table (which
    holds no events of its own).
    """
    values = [str(c).strip() for c in columns]
    names = {v.lower().lstrip("\ufeff") for v in values}
    if {"event_id_cnty", "event_date", "event_type"} <= names:
        return "acled"
    if {"type_of_violence", "date_start"} <= names and ("where_prec" in names
                                                        or "side_a" in names):
        return "ucdp"
    if len(values) in (57, 58, 61) and values[0].isdigit() and re.fullmatch(r"\d{8}", values[1]):
        return "gdelt"
    if len(values) == 27 and re.fullmatch(r"\d{14}-T?\d+", values[0]):
        return "gkg"
    if (len(values) in (15, 16) and values[0].isdigit()
            and re.fullmatch(r"\d{14}", values[1]) and re.fullmatch(r"\d{14}", values[2])):
        return "gdelt-mentions"
    if {"globaleventid", "sqldate", "eventcode"} <= names:
        raise InputError("GDELT events with a header row: remove the header line "
                         "(GDELT files have none) and read again")
    return "generic"


def _first_record(path: str | os.PathLike[str], head: bytes, name: str,
                  encoding: str | None) -> list[str]:
    enc = detect_encoding(path, name, encoding)
    sample = head.decode(enc.name, errors="ignore")
    delim = sniff_delimiter(sample)
    for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delim):
        if record and any(f.strip() for f in record):
            return record
    raise InputError(f"{name}: empty file, not an event table")


def read_events(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    geocoder: Any = "offline",
    dataset: str | None = None,
    encoding: str | None = None,
    dayfirst: bool | None = None,
    de_facto: bool = False,
    **options: Any,
) -> ReadResult:
    """Read one event file into a :class:`ReadResult` (``.events``, ``.rejects``, ``.rows``).

    ``format`` is one of :data:`FORMATS`; None detects it from the columns. ``geocoder``
    locates the rows of a generic table that name a place but give no coordinates, and the
    ACLED, UCDP and GDELT rows whose coordinates are blank or unreadable (``geo_precision`` from
    the place found, ``orig_geo_precision`` "geocoded:FEATURE", a note with what was not read;
    a place not found falls back to the row's country; rejected only when nothing can be
    located): "offline"
    (the default) the offline gazetteer, opened only when a table needs it (the name with the
    table's admin-1 as context, inside the row's country), None no geocoding, or any object
    with ``geocode(query)`` answering a :class:`~geomap.geocoding.GeocodeResult`.
    ``dataset`` and the generic options (``lat_col``, ``lon_col``, ``place_col``, ``date_col``,
    ``id_col``, ``type_col``, ``sheet``) apply to generic tables. ``dayfirst`` settles the
    order of numeric dates (3/7/2019); None decides it per file (:mod:`geomap.dates`). Every
    data row is kept or rejected: ``len(events) + len(rejects) == rows``. Each located row
    gets ``disputed`` and ``de_facto_country`` from its point
    (:func:`geomap.events.territory.mark_territory`, as text events); with ``de_facto`` its
    ``country`` is the state in de-facto control there (Crimea -> RU).

    Raises InputError for a missing, empty or non-table file, or an unknown format.
    """
    unknown = set(options) - set(_GENERIC_OPTIONS)
    if unknown:
        raise TypeError(f"read_events() got unexpected options: {', '.join(sorted(unknown))}")
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown event format {format!r}; choose one of {', '.join(FORMATS)}")
    name = str(path)
    suffix = Path(name).suffix.lower()
    if suffix == ".xls":
        raise InputError(f"{name}: old Excel .xls files are not supported; save as .xlsx or CSV")
    data = head_bytes(path, 1 << 20)  # the readers read the file themselves, in batches
    kind = "csv"
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        kind = "xlsx"
    elif suffix in (".geojson", ".json") or data.lstrip()[:1] in (b"{", b"["):
        kind = "geojson"
    if format is None:
        format = "generic" if kind != "csv" else detect_format(
            _first_record(path, data, name, encoding))
    if format == "gdelt-mentions":
        raise InputError(f"{name}: a GDELT mentions table holds no events of its own; read the "
                         "GDELT events table instead")
    if format != "generic":
        if kind != "csv":
            raise InputError(f"{name}: {format} files are delimited text, not {kind}")
        given = [k for k, v in options.items() if v is not None]
        if given:
            raise InputError(f"options {', '.join(given)} apply only to generic tables, "
                             f"not {format}")
    if isinstance(geocoder, str):
        if geocoder != "offline":
            raise InputError(f"unknown geocoder {geocoder!r}: 'offline', None or an object "
                             "with geocode(query)")
        from .readers._geocode import GazetteerGeocoder

        geocoder = GazetteerGeocoder()  # opens the gazetteer only when a row needs it
    if format == "acled":
        result = read_acled(path, encoding=encoding, dayfirst=dayfirst, geocoder=geocoder)
    elif format == "ucdp":
        result = read_ucdp(path, encoding=encoding, dayfirst=dayfirst, geocoder=geocoder)
    elif format == "gdelt":
        result = read_gdelt_events(path, encoding=encoding, geocoder=geocoder)
    elif format == "gkg":
        result = read_gkg_locations(path, encoding=encoding)
    else:
        result = read_generic(path, geocoder=geocoder, dataset=dataset, encoding=encoding,
                              kind=kind, dayfirst=dayfirst, **options)
    if dataset and format != "generic":
        result.events["dataset"] = result.events["dataset"].where(
            result.events["dataset"].isna(), dataset)
    result.events = mark_territory(result.events, de_facto=de_facto)
    return result
