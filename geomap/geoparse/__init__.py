"""Geoparsing: find every place mention in text and resolve it to a place.

>>> from geomap.geoparse import geoparse
>>> [m.name for m in geoparse("Troops moved toward the Kursk border region.")]
['Kursk border region']
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from ..gazetteer import Gazetteer
from ._home import HomeCountry, home_country, home_fields
from .core import Geoparser, focus_code
from .mention import ROLES, Mention

__all__ = ["ROLES", "Geoparser", "HomeCountry", "Mention", "focus_code", "geoparse",
           "geoparse_many", "home_country", "home_fields"]


def geoparse(text: str, *, published: datetime.date | None = None,
             gazetteer: Gazetteer | None = None,
             roles: Iterable[str] | None = None) -> list[Mention]:
    """Place mentions in ``text`` (see :class:`Geoparser`); ``published`` is the article date."""
    del published  # dates matter to events, not to where places are
    return Geoparser(gazetteer, roles=roles).parse(text)


def geoparse_many(texts: Iterable[str], *, gazetteer: Gazetteer | None = None,
                  roles: Iterable[str] | None = None) -> Iterator[list[Mention]]:
    """:func:`geoparse` over many texts, sharing one gazetteer."""
    return Geoparser(gazetteer, roles=roles).parse_many(texts)

# ``geomap.geoparse(...)`` is the API function even once this package is imported (geomap.api)
from ..api import callable_package as _callable_package  # noqa: E402

_callable_package(__name__, "geoparse")
