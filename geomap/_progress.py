"""Progress for documents too large for a per-document bar to move (new-user 27).

A progress bar that counts documents sits at 0 while one 8 MB article is geoparsed (minutes).
:func:`note_large` names such a document on the bar and in one stderr line before it is read,
so that a long wait is explained, not mistaken for a hang.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["LARGE", "note_large"]

#: Characters from which a single document is announced (a long news article is ~20,000).
LARGE = 1_000_000

log = logging.getLogger("geomap")


def note_large(bar: Any, doc_id: object, text: str) -> bool:
    """Announce ``text`` on ``bar`` (a tqdm bar, or None) and in the log if it is large."""
    if len(text) < LARGE:
        return False
    size = f"{len(text):,} characters"
    if bar is not None and not getattr(bar, "disable", True):
        bar.set_postfix_str(f"now {doc_id}: {size}")
    log.warning("%s has %s in one document: geoparsing it may take minutes (split it into "
                "articles to see progress)", doc_id, size)
    return True
