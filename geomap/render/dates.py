"""Which day the map files each row under.

An event extracted from an article that gives no date of its own ("shelling continued", no day
named) is filed under its article's date on the timeline, as the join treats it (it happened
on or shortly before the day it was reported); its popup says so. Rows with no date at all stay
on the map while a date range is chosen, unless the timeline's "undated" box is cleared.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from .popups import esc

__all__ = ["ARTICLE_DATED", "date_html", "with_article_dates"]

#: column set on rows whose ``date`` was taken from their ``article_date``
ARTICLE_DATED = "date_from_article"
ARTICLE_NOTE = "article\u2019s date"


def with_article_dates(frame: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    """``frame`` with ``date`` filled from ``article_date`` where it has none, and the
    :data:`ARTICLE_DATED` flag marking those rows (the input is not changed)."""
    if frame is None or not len(frame) or "article_date" not in frame:
        return frame
    own = pd.to_datetime(frame["date"], errors="coerce") if "date" in frame else None
    article = pd.to_datetime(frame["article_date"], errors="coerce")
    fill = article.notna() if own is None else (own.isna() & article.notna())
    if not fill.any():
        return frame
    out = frame.copy()
    out["date"] = article.where(fill, own) if own is not None else article
    out[ARTICLE_DATED] = fill.to_numpy()
    return out


def date_html(date: object, from_article: object = False) -> str:
    """A row's date as escaped HTML for popups ("" when none); a date taken from the article
    says so."""
    if date is None or (not isinstance(date, str) and pd.isna(date)):
        return ""
    text = esc(str(date)[:10])
    if from_article is not None and not pd.isna(from_article) and bool(from_article):
        text += f' <span class="gm-prov">({ARTICLE_NOTE})</span>'
    return text
