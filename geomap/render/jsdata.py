"""Data embedded in the page's scripts: JSON that cannot end a <script> element early.

Strings from articles are already escaped HTML (see :mod:`geomap.render.popups`), but the JSON
text itself is also made safe: ``<``, ``>``, ``&`` and the JavaScript line separators are
written as ``\\uXXXX`` escapes, so no string can close the script or open a comment.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["js_data", "round_coords"]

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
           "\u2029": "\\u2029"}


def js_data(value: Any) -> str:
    """Compact JSON of ``value``, safe to put inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, rep in _UNSAFE.items():
        if ch in text:
            text = text.replace(ch, rep)
    return text


def round_coords(values: Any, digits: int = 5) -> list[float]:
    """Coordinates rounded to ``digits`` decimals (5 is about a metre) as plain floats."""
    return [round(float(v), digits) for v in values]
