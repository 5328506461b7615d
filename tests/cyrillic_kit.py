"""What the Cyrillic geoparsing tests compare: each mention's place, by its surface span."""

from __future__ import annotations


def places(parser, text):
    """{surface span: (place name, country, admin1, feature) or None}."""
    return {m.name: (m.place.name, m.place.country, m.place.admin1, m.place.feature)
            if m.place else None for m in parser.parse(text)}
