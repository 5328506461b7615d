"""Self-contained HTML: the CDN scripts and stylesheets folium links, inlined.

folium writes ``<script src="https://cdn...">`` and ``<link rel="stylesheet" href="https://cdn...">``
tags; offline those fail and the map is blank. :func:`inline_assets` replaces each with the file's
text from the folium-offline package (``offlinefolium.elements._res`` holds every CDN file folium
0.20 and its plugins use), turning CSS ``url()`` references into ``data:`` URIs. A CDN link with no
known text raises :class:`~geomap.exceptions.OutputError` rather than writing a map that would be
blank offline. :func:`external_resources` lists what a page would still load from the network.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from urllib.parse import quote

from ..exceptions import OutputError

__all__ = ["external_resources", "inline_assets", "known_assets"]

_SCRIPT = re.compile(r'<script src="(?P<url>https?://[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<url>https?://[^"]+)"\s*/?>')
_CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<ref>[^'")]*)(?P=q)\s*\)""")

# images some stylesheets reference by relative path: small SVG stand-ins (as data: URIs)
_TOGGLE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18">'
               '<path d="M4 4l10 5-10 5z" fill="#555"/></svg>')
_BLANK_GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
_IMAGE_STAND_INS = {
    "images/toggle.svg": "data:image/svg+xml," + quote(_TOGGLE_SVG),
    "images/toggle.png": "data:image/svg+xml," + quote(_TOGGLE_SVG),
    "../images/loader.gif": _BLANK_GIF,
}


@cache
def known_assets() -> dict[str, str]:
    """CDN URL -> file text for every resource folium-offline carries."""
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise OutputError("self-contained maps need the folium-offline package "
                          "(pip install folium-offline), or use --online") from exc
    return dict(_res)


def _css_data_uris(css: str) -> str:
    """CSS with every url() that is not already data:/fragment made into a data: URI (or dropped
    when the referenced file is not available offline: fonts fall back to system fonts)."""

    def repl(match: re.Match[str]) -> str:
        ref = match.group("ref").strip()
        if ref.startswith(("data:", "#", "%23")) or not ref:
            return match.group(0)
        stand_in = _IMAGE_STAND_INS.get(ref.split("?")[0])
        if stand_in:
            return f'url("{stand_in}")'
        return f'url("{_BLANK_GIF}")'

    return _CSS_URL.sub(repl, css)


def _script_text(js: str) -> str:
    # a literal "</script" inside inlined code would end the element early
    return js.replace("</script", "<\\/script")


def inline_assets(html: str) -> str:
    """``html`` with each CDN script and stylesheet link replaced by its inlined text."""
    res = known_assets()
    missing: list[str] = []

    def script(match: re.Match[str]) -> str:
        url = match.group("url")
        if url not in res:
            missing.append(url)
            return match.group(0)
        return "<script>" + _script_text(res[url]) + "</script>"

    def stylesheet(match: re.Match[str]) -> str:
        url = match.group("url")
        if url not in res:
            missing.append(url)
            return match.group(0)
        return "<style>" + _css_data_uris(res[url]).replace("</style", "<\\/style") + "</style>"

    out = _STYLESHEET.sub(stylesheet, _SCRIPT.sub(script, html))
    if missing:
        raise OutputError("no offline copy of " + ", ".join(sorted(set(missing)))
                          + "; use --online for a CDN-linked map")
    return out


_EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc\s*=\s*["']?(?P<a>(?:https?:)?//[^"'\s>]+)"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?P<b>(?:https?:)?//[^"'\s>]+)"""
    r"""|@import\s+(?:url\()?\s*["']?(?P<c>(?:https?:)?//[^"')\s]+)"""
    r"""|url\(\s*["']?(?P<d>(?:https?:)?//[^"')\s]+)""",
    re.IGNORECASE,
)


def external_resources(html: str) -> list[str]:
    """URLs of scripts, stylesheets, images and fonts ``html`` would load from another host.

    Links (``<a href>``) are not resources and are not listed; tile URL templates of optional
    online layers are not listed either (they load only when the user turns those layers on).
    """
    return sorted({next(g for g in m.groups() if g) for m in _EXTERNAL.finditer(html)})


def data_uri(mime: str, payload: bytes) -> str:
    """A base64 data: URI."""
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"
