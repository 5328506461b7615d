"""The legend: event types (icon, colour, count), mention roles, movements, regions, and a note
saying how events were drawn. All labels are geomap's own; counts are numbers."""

from __future__ import annotations

from .._plural import counted
from .counts import EventCounts
from .layers.corroboration import CorroborationInfo
from .layers.countries import CountriesLayerInfo
from .layers.events import EventsLayerInfo, ScaleOptions
from .layers.mentions import MentionsLayerInfo
from .layers.movements import FlowsLayerInfo
from .layers.region_events import RegionEventsInfo
from .layers.regions import RegionsLayerInfo
from .popups import esc
from .style import (
    AREA_COLOUR,
    CORROBORATION_STYLES,
    COUNTRY_LINE,
    DENSITY_RAMP,
    LINK_COLOUR,
    MOVEMENT_COLOUR,
    REGION_EVENT_LINE,
    ROLE_COLOURS,
    ROLE_LABELS,
    icon_svg,
    type_style,
)

__all__ = ["legend_html"]


def _ramp_rows(ramp, border: str) -> list[str]:
    """One legend row per class of a shaded colour ramp ("1", "2\u20135", ...)."""
    rows, lo = [], 1
    for hi, colour in zip(ramp.bins, ramp.colours, strict=True):
        label = f"{lo:,}" if hi == lo else f"{lo:,}\u2013{hi:,}"
        rows.append(_row(f'<span class="sw" style="background:{colour};{border}"></span>', label))
        lo = hi + 1
    return rows


def _row(swatch: str, label: str) -> str:
    return f'<div class="row">{swatch}<span>{label}</span></div>'


def legend_html(events: EventsLayerInfo, mentions: MentionsLayerInfo, flows: FlowsLayerInfo,
                regions: RegionsLayerInfo, options: ScaleOptions, *,
                corroboration: CorroborationInfo | None = None,
                countries: CountriesLayerInfo | None = None,
                region_events: RegionEventsInfo | None = None,
                counts: EventCounts | None = None) -> str:
    parts: list[str] = []
    if corroboration is not None and corroboration.drawn:
        parts.append("<h4>News and records</h4>")
        for kind, style in CORROBORATION_STYLES.items():
            mark = (f'<span class="dot" style="background:{style.colour}1f;border:3px solid '
                    f'{style.colour};box-shadow:none;width:10px;height:10px"></span>'
                    if corroboration.rings else
                    f'<span class="dot" style="background:{style.colour};'
                    f'box-shadow:0 0 0 1px {style.stroke}"></span>')
            parts.append(_row(mark, f"{esc(style.label)} <small>"
                              f"({esc(corroboration.count_text(kind))})</small>"))
        if corroboration.not_counted:
            k = corroboration.not_counted
            parts.append(f'<div class="row"><small>"{esc(CORROBORATION_STYLES["unmatched"].label)}'
                         '" counts events a dataset of events would record (attacks, '
                         f"protests, arrests...); {counted(k, 'report')} of words, not "
                         "deeds, with no record (\u201cX said\u201d, accusations, threats; "
                         "or naming no event) are in the by-type layers, not counted"
                         "</small></div>")
        if corroboration.rings:
            parts.append('<div class="row"><small>a ring around an event\u2019s icon says '
                         "whether news and records agree on it (click it for the links and "
                         "their scores); an icon with no ring is a news event a record "
                         "holds, or a record no article reports while that layer is off"
                         "</small></div>")
        parts.append(_row(f'<svg width="26" height="10"><path d="M1 5H25" stroke="{LINK_COLOUR}"'
                          ' stroke-width="2.5" stroke-dasharray="6 5"/></svg>',
                          "link to an article (click a record)"))
        if corroboration.links_unplaced:
            k = corroboration.links_unplaced
            parts.append(f'<div class="row"><small>{k:,} of {counted(corroboration.links, "link")}'
                         f" end{'s' if k == 1 else ''} at a record or event located only "
                         "to a country or region or not at all: not drawn as points</small>"
                         "</div>")
    if events.mode == "density":
        parts.append("<h4>Event density</h4>")
        ramp = "".join(f'<span class="sw" style="background:{c};border:0"></span>'
                       for c in DENSITY_RAMP)
        parts.append(f'<div class="row">{ramp}</div><div class="row"><small>events per '
                     f"{events.cell:g}\u00b0 cell, few \u2192 many (log scale); one dot per "
                     f"event from zoom level {options.points_zoom}</small></div>")
    if events.types:
        parts.append("<h4>Events by type</h4>")
        for t, k in events.types:
            style = type_style(None if t == "other" else t)
            parts.append(_row(icon_svg(style, 16), f"{esc(style.label)} <small>({k:,})</small>"))
    if countries is not None and countries.bins:
        parts.append("<h4>Countries: mentions + events</h4>" if countries.events
                     else "<h4>Countries named</h4>")
        parts += _ramp_rows(countries, f"border-color:{COUNTRY_LINE}")
        parts.append('<div class="row"><small>shaded by mentions (names, demonyms)'
                     + (" and events known only by country" if countries.events else "")
                     + "</small></div>")
    if region_events is not None and region_events.bins:
        parts.append("<h4>Regions: events known only by region</h4>")
        parts += _ramp_rows(region_events, f"border:2px solid {REGION_EVENT_LINE}")
        parts.append('<div class="row"><small>events located only to a first-level division'
                     " (an oblast, a province), shaded on its outline, not dotted</small></div>")
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
    summary = counts.summary() if counts is not None else ""
    parts.append(f'<div class="note">{esc(events.describe(options).capitalize())}.'
                 + (f" {esc(summary)}" if summary else "")
                 + " Basemap: Natural Earth, drawn offline.</div>")
    return '<details class="gm-fold" open><summary>Legend</summary>' + "".join(parts) + \
        "</details>"
