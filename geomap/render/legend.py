"""The legend: event types (icon, colour, count), mention roles, movements, regions, and a note
saying how events were drawn. All labels are geomap's own; counts are numbers."""

from __future__ import annotations

from .layers.events import EventsLayerInfo, ScaleOptions
from .layers.mentions import MentionsLayerInfo
from .layers.movements import FlowsLayerInfo
from .layers.regions import RegionsLayerInfo
from .popups import esc
from .style import AREA_COLOUR, MOVEMENT_COLOUR, ROLE_COLOURS, ROLE_LABELS, icon_svg, type_style

__all__ = ["legend_html"]


def _row(swatch: str, label: str) -> str:
    return f'<div class="row">{swatch}<span>{label}</span></div>'


def legend_html(events: EventsLayerInfo, mentions: MentionsLayerInfo, flows: FlowsLayerInfo,
                regions: RegionsLayerInfo, options: ScaleOptions) -> str:
    parts: list[str] = []
    if events.types:
        parts.append("<h4>Events by type</h4>")
        for t, k in events.types:
            style = type_style(None if t == "other" else t)
            parts.append(_row(icon_svg(style, 16), f"{esc(style.label)} <small>({k:,})</small>"))
    if mentions.roles or mentions.areas:
        parts.append("<h4>Places mentioned</h4>")
        for role in mentions.roles:
            parts.append(_row(f'<span class="dot" style="background:{ROLE_COLOURS[role]}"></span>',
                              esc(ROLE_LABELS[role])))
        if mentions.areas:
            parts.append(_row(f'<span class="sw" style="background:{AREA_COLOUR}33;border:2px '
                              f'dashed {AREA_COLOUR}"></span>', "Region named in a story"))
        parts.append('<div class="row"><small>circle size: number of mentions</small></div>')
    if flows.flows:
        parts.append("<h4>Movements</h4>")
        parts.append(_row(f'<svg width="26" height="10"><path d="M1 5H19" '
                          f'stroke="{MOVEMENT_COLOUR}" stroke-width="2"/>'
                          f'<path d="M25 5L16 1L18 5L16 9Z" fill="{MOVEMENT_COLOUR}"/></svg>',
                          "origin \u2192 destination"))
    if regions.bins:
        parts.append(f"<h4>{esc(regions.unit.capitalize())} per region</h4>")
        lo = 1
        for hi, colour in zip(regions.bins, regions.colours, strict=True):
            label = f"{lo:,}" if hi == lo else f"{lo:,}\u2013{hi:,}"
            parts.append(_row(f'<span class="sw" style="background:{colour}"></span>', label))
            lo = hi + 1
    parts.append(f'<div class="note">{esc(events.describe(options).capitalize())}.'
                 + (f" {events.unlocated:,} events without a location are not drawn."
                    if events.unlocated else "")
                 + " Basemap: Natural Earth, drawn offline.</div>")
    return "".join(parts)
