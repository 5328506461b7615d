"""A count with its noun in the number it needs, for every message and label geomap writes."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 record"``, ``"2,345 records"``, ``"0 records"`` (``plural`` for irregular nouns)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
