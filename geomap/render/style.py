"""Colours, icons and labels: one place for how each kind of thing looks on the map.

Event types follow the unified taxonomy (:data:`geomap.events.taxonomy.EVENT_TYPES`): conflictual
types in reds, oranges and purples, cooperative ones in greens and blues, statements in grey.
Icons are small inline SVG glyphs (no icon font, so they render offline and without web fonts).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CORROBORATION_STYLES",
    "COUNTRY_COLOURS",
    "COUNTRY_LINE",
    "LINK_COLOUR",
    "REGION_EVENT_COLOURS",
    "REGION_EVENT_LINE",
    "ROLE_COLOURS",
    "ROLE_LABELS",
    "TYPE_STYLES",
    "MarkStyle",
    "TypeStyle",
    "icon_svg",
    "ramp_colours",
    "type_style",
]


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """How one event type is drawn: colour, legend label and a 16x16 SVG glyph."""

    colour: str
    label: str
    path: str
    filled: bool = False


TYPE_STYLES: dict[str, TypeStyle] = {
    "assault": TypeStyle("#b2182b", "Assault", "M8 1l1.8 4.2L14 4l-2.2 3.8L15 10l-4.3.3L10 15 "
                         "8 11.3 6 15l-.7-4.7L1 10l3.2-2.2L2 4l4.2 1.2z", filled=True),
    "coerce": TypeStyle("#d6604d", "Coerce", "M4.5 7.5h7v6h-7zM6 7.5V5.5a2 2 0 0 1 4 0v2"),
    "mobilize": TypeStyle("#e66101", "Mobilize", "M3 4l4 4-4 4M9 4l4 4-4 4"),
    "threaten": TypeStyle("#f1a340", "Threaten", "M8 2.5l6 11H2zM8 6.5v3.5M8 11.6v.4"),
    "sanction": TypeStyle("#8c510a", "Sanction", "M8 2.5a5.5 5.5 0 1 0 .01 0M4.1 4.1l7.8 7.8"),
    "protest": TypeStyle("#c51b7d", "Protest", "M4 14V2.5M4 3h8l-2 3 2 3H4"),
    "reject": TypeStyle("#762a83", "Reject", "M4 4l8 8M12 4l-8 8"),
    "accuse": TypeStyle("#9970ab", "Accuse", "M8 2.5v8M8 12.8v.7"),
    "request": TypeStyle("#35978f", "Request",
                         "M5.5 6a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5V11M8 13.2v.3"),
    "retreat": TypeStyle("#80cdc1", "Retreat", "M13 8H3M7 4L3 8l4 4"),
    "aid": TypeStyle("#01665e", "Aid", "M6 2h4v4h4v4h-4v4H6v-4H2V6h4z", filled=True),
    "cooperate": TypeStyle("#1a9850", "Cooperate", "M3 8a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0"
                           "M8 8a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0"),
    "concede": TypeStyle("#a6d96a", "Concede", "M8 3v9M4 8l4 4 4-4"),
    "support": TypeStyle("#4393c3", "Support", "M8 3v10M3 8h10"),
    "consult": TypeStyle("#2166ac", "Consult", "M3 4h10v6H7l-3 3v-3H3z"),
    "agree": TypeStyle("#006837", "Agree", "M3.5 8.5l3 3 6-7"),
    "statement": TypeStyle("#737373", "Statement", "M2.5 3.5h11v7h-6l-3 3v-3h-2zM5 6h6M5 8h4"),
}
_UNTYPED = TypeStyle("#4d4d4d", "Other / untyped", "M8 5a3 3 0 1 0 .01 0", filled=True)

#: Colours of mention roles (literal place, metonymic "Moscow said", demonym, dateline).
ROLE_COLOURS: dict[str, str] = {
    "literal": "#c0392b",
    "metonymic": "#8e44ad",
    "demonym": "#2471a3",
    "dateline": "#7f8c8d",
}
ROLE_LABELS: dict[str, str] = {
    "literal": "Place (literal)",
    "metonymic": "Government / metonymic",
    "demonym": "Demonym (\u201cNorth Korean\u201d)",
    "dateline": "Dateline",
}

MOVEMENT_COLOUR = "#08519c"
REGION_COLOURS = ("#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#de2d26", "#a50f15")
AREA_COLOUR = "#e08214"
#: Countries named in text (or holding events located only to a country), by mentions.
COUNTRY_COLOURS = ("#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f")


def ramp_colours(colours: tuple[str, ...], k: int) -> list[str]:
    """``k`` classes' colours spread over the ramp ``colours`` (light to dark): one class
    takes a middle step, so that a single shaded country or region does not cover the map in
    the darkest colour; more classes reach the dark end."""
    n = len(colours)
    if k <= 0:
        return []
    if k == 1:
        return [colours[n // 2 - 1]]
    if k >= n - 1:
        return list(colours[n - k:])
    step = (n - 2) / (k - 1)
    return [colours[1 + round(i * step)] for i in range(k)]
COUNTRY_LINE = "#54278f"
#: Divisions (admin-1) holding events located only to them, and areas records draw: a teal
#: ramp and a solid teal outline, told apart from the countries' purple they lie in (and from
#: the orange dashes of regions named in stories and the reds of the choropleth); even its
#: lightest step reads as teal over a shaded country.
REGION_EVENT_COLOURS = ("#c7e9e4", "#99d5cc", "#5fbfb2", "#2c9c8f", "#147a70", "#00564e")
REGION_EVENT_LINE = "#017a6c"


@dataclass(frozen=True, slots=True)
class MarkStyle:
    """A canvas circle: fill, outline, radius and legend label."""

    colour: str
    stroke: str
    radius: float
    label: str


#: The three corroboration layers: records the news confirms, records no article covers,
#: events reported in the news that no dataset holds.
CORROBORATION_STYLES: dict[str, MarkStyle] = {
    "corroborated": MarkStyle("#1a9850", "#ffffff", 6.5, "Record corroborated by news"),
    "uncovered": MarkStyle("#bababa", "#4d4d4d", 4.0, "Record with no article"),
    "unmatched": MarkStyle("#e6550d", "#ffffff", 6.5, "Reported, not recorded"),
}
LINK_COLOUR = "#1a9850"
#: The density grid, few -> many events (the page's runtime uses the same ramp).
DENSITY_RAMP = ("#ffffcc", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")


def type_style(event_type: str | None) -> TypeStyle:
    """The style of ``event_type`` (a neutral style for null or unknown types)."""
    return TYPE_STYLES.get(event_type or "", _UNTYPED)


def icon_svg(style: TypeStyle, size: int = 22) -> str:
    """A round marker icon: the glyph in white on the type's colour (trusted, static SVG)."""
    glyph = (f'<path d="{style.path}" fill="#fff"/>' if style.filled else
             f'<path d="{style.path}" fill="none" stroke="#fff" stroke-width="1.8" '
             'stroke-linecap="round" stroke-linejoin="round"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="-3 -3 22 22"><circle cx="8" cy="8" r="10.5" fill="{style.colour}" '
            f'stroke="#fff" stroke-width="1.5"/>{glyph}</svg>')
