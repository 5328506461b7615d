"""GDELT GKG 2.1 ``V2Locations`` -> event table: one record per location mention.

Each block of ``V2Locations`` (``Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#
FeatureID#CharOffset``, blocks separated by ";") becomes a record with ``dataset="gdelt-gkg"``
and ``event_type`` null: a location mention says where an article looks, not that anything
happened there. Column-wise: the file is parsed in pyarrow batches (:mod:`._files`), the
blocks are split and checked as columns (:mod:`._checks`).
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ...exceptions import InputError
from . import _files
from ._batch import State, _Collector, malformed
from ._checks import Checks, coords, map_unique_pairs
from ._files import Layout, head_bytes, iter_batches, open_table
from ._result import ReadResult
from .gdelt import GEO_PRECISION, _admin1, fips_country

__all__ = ["GKG_COLUMNS", "read_gkg_locations"]

#: GKG 2.1 columns, in file order.
GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
    "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations",
    "V2Locations", "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone", "Dates",
    "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds", "SocialVideoEmbeds",
    "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)
_WIDTH = len(GKG_COLUMNS)
_RAW = ["GKGRECORDID", "DATE", "DocumentIdentifier", "location"]


def _check_layout(path: str | os.PathLike[str], layout: Layout) -> None:
    text = head_bytes(path, 1 << 20).decode(layout.encoding.name, errors="ignore")
    widths = {line.count("\t") + 1 for line in text.splitlines()[:50] if line.strip()}
    if widths and _WIDTH not in widths:
        raise InputError(f"{path}: not a GKG 2.1 file: expected {_WIDTH} tab-separated "
                         f"columns, found {sorted(widths)}")
    layout.width = _WIDTH


def _blocks(frame: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray, list]:
    """One row per non-blank location block: the raw fields rejects keep, the document's
    row number, and the block split at "#"."""
    locations = pa.array(frame["V2Locations"].to_numpy(dtype=object), type=pa.string())
    lists = pc.split_pattern(locations, ";")
    parent = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(lists)
    keep = pc.not_equal(pc.utf8_trim_whitespace(flat), "").to_numpy(zero_copy_only=False)
    parent, flat = parent[keep], flat.filter(pa.array(keep))
    docs = frame.iloc[parent]
    out = pd.DataFrame({"GKGRECORDID": docs["GKGRECORDID"].to_numpy(),
                        "DATE": docs["DATE"].to_numpy(),
                        "DocumentIdentifier": docs["DocumentIdentifier"].to_numpy(),
                        "location": flat.to_numpy(zero_copy_only=False)})
    # n: the block's 1-based place among its document's blocks (blank ones skipped)
    n = np.ones(len(parent), dtype=np.int64)
    if len(parent):
        starts = np.r_[True, parent[1:] != parent[:-1]]
        run = np.cumsum(starts)
        first = np.flatnonzero(starts)
        n = np.arange(len(parent)) - first[run - 1] + 1
    out["_n"] = n
    parts = pc.split_pattern(flat, "#")
    return out, rows[parent], parts


def _part(parts: pa.Array, i: int, index: pd.Index) -> pd.Series:
    lengths = pc.list_value_length(parts)
    ok = pc.greater(lengths, i)
    safe = pc.if_else(ok, parts, pa.scalar(["" for _ in range(i + 1)], parts.type))
    values = pc.list_element(safe, i).to_numpy(zero_copy_only=False)
    return pd.Series(values, index=index, dtype=object)


def _convert(frame: pd.DataFrame, parts: pa.Array, state: State) -> tuple[pd.DataFrame, Checks]:
    checks = Checks(frame)
    idx = frame.index
    lengths = pd.Series(pc.list_value_length(parts).to_numpy(zero_copy_only=False), index=idx)
    checks.fail(lengths != 9, "malformed location: " + lengths.astype(str)
                + " fields, expected 9")
    geo_type, name, fips, adm1, _adm2, lat_raw, lon_raw, _feature, offset = (
        _part(parts, i, idx) for i in range(9))
    dates, _prec, _ = checks.date("DATE", dayfirst=state.date_order(frame, "DATE"))
    lat, lon, reason = coords(lat_raw, lon_raw, required=False)
    checks.fail(reason.notna(), reason)
    ids = frame["GKGRECORDID"].astype(str) + "#" + frame["_n"].astype(str)
    name = name.str.strip().replace("", None)
    geo_type = geo_type.str.strip().replace("", None)
    country_note = map_unique_pairs(fips, adm1, fips_country)
    doc = frame["DocumentIdentifier"].str.strip().replace("", None)
    offset = offset.str.strip()
    span = pd.to_numeric(offset.where(offset.str.fullmatch(r"[0-9]+")), errors="coerce")
    events = pd.DataFrame({
        "event_id": ids,
        "dataset": "gdelt-gkg",
        "date": dates,
        "date_precision": "day",
        "event_type": None,
        "location": name,
        "admin1": map_unique_pairs(geo_type, name, _admin1),
        "country": country_note.map(lambda cn: cn[0] if cn else None),
        "lat": lat,
        "lon": lon,
        "geo_precision": geo_type.map(GEO_PRECISION).fillna("unknown").where(lat.notna(),
                                                                             "unknown"),
        "orig_geo_precision": geo_type,
        "source": doc,
        "notes": country_note.map(lambda cn: cn[1] if cn else None),
        "article_id": doc,
        "span_start": span.astype("Int64"),
    }, index=idx)
    return events, checks


def read_gkg_locations(path: str | os.PathLike[str], *, encoding: str | None = None,
                       data: bytes | None = None) -> ReadResult:
    """Read the ``V2Locations`` of a GKG 2.1 file: one record per location mention.

    ``rows`` counts location mentions (documents without locations add none; a document with
    the wrong number of fields counts as one rejected row); ``event_id`` is ``GKGRECORDID#n``
    (n = 1-based position in V2Locations), ``source_row`` the document's data row,
    ``article_id`` and ``source`` its DocumentIdentifier, ``span_start`` the mention's
    character offset in the article. ``event_type`` is null. ``data`` is ignored (the file is
    parsed in batches).
    """
    from ._batch import Converted

    del data
    layout = open_table(path, header=False, delimiter="\t", encoding=encoding, quoting=False)
    _check_layout(path, layout)
    names = list(GKG_COLUMNS)
    state = State(str(path), layout, names, block_size=_files.BLOCK_SIZE)
    collector = _Collector(str(path), _RAW)
    for batch in iter_batches(path, layout, header=False, quoting=False,
                              block_size=state.block_size):
        frame = batch.frame
        frame.columns = names[:len(frame.columns)]
        if len(frame):
            blocks, rows, parts = _blocks(frame, batch.rows)
            if len(blocks):
                events, checks = _convert(blocks, parts, state)
                collector.add(blocks[_RAW], rows, Converted(events, checks))
        collector.reject_records([
            {**dict(zip(_RAW[:3], _doc_fields(b.text), strict=True)), "location": None,
             "reason": malformed(b.fields, _WIDTH), "source_row": b.row} for b in batch.bad])
    return collector.result("gkg", state)


def _doc_fields(text: str) -> list[str | None]:
    values = text.split("\t")
    return [values[i] if i < len(values) else None for i in (0, 1, 4)]
