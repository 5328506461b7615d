"""A document's home country: where its story is, inferred and reported with its evidence.

Three kinds of evidence, strongest first: a dateline ("KYIV, Ukraine —" at the top names where
the story was filed), the country that most of the confidently resolved places lie in (when it
holds a clear share of them), and the country-code domain of the source's URL ("bbc.co.uk",
"pravda.com.ua"). Generic domains (.com, .org, .net...) say nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["HomeCountry", "country_of_url", "home_country", "home_fields", "infer_home"]

#: The densest country needs at least this share of the confident places (and two of them).
DENSEST_SHARE = 0.5
DENSEST_MIN = 2
#: A mention counts as confident from this confidence on.
CONFIDENT = 0.7
#: Country-code top-level domains that are not the country's own code, or are used as generic.
_TLD_ALIAS = {"uk": "GB", "su": "RU"}
_GENERIC_CCTLDS = frozenset({"tv", "io", "co", "me", "fm", "ai", "ly", "cc", "ws", "eu"})
_ISO2 = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True, slots=True)
class HomeCountry:
    """ISO 3166 alpha-2 code and the evidence it rests on: dateline, mentions or url."""

    code: str
    evidence: str


def country_of_url(url: str | None) -> str | None:
    """ISO code of a URL's country-code domain, or None for a generic or missing one."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if not _ISO2.match(tld) or tld in _GENERIC_CCTLDS:
        return None
    return _TLD_ALIAS.get(tld, tld.upper())


def infer_home(places: Iterable[tuple[str, str | None, bool]],
               url: str | None = None) -> HomeCountry | None:
    """Home country from (role, country, confident) of a document's mentions and its URL."""
    counts: dict[str, int] = {}
    n = 0
    for role, country, confident in places:
        if not country:
            continue
        if role == "dateline":
            return HomeCountry(country, "dateline")
        if confident and role in ("literal", "dateline"):
            counts[country] = counts.get(country, 0) + 1
            n += 1
    if counts:
        code, k = max(sorted(counts.items()), key=lambda kv: kv[1])
        if k >= DENSEST_MIN and k >= DENSEST_SHARE * n:
            return HomeCountry(code, "mentions")
    code = country_of_url(url)
    return HomeCountry(code, "url") if code else None


def home_country(mentions, url: str | None = None) -> HomeCountry | None:
    """Home country of a document from its :class:`~geomap.geoparse.Mention` list (and URL)."""
    return infer_home(((m.role, m.place.country if m.place else None,
                        m.confidence >= CONFIDENT) for m in mentions), url)


def home_fields(mentions, url: str | None = None) -> dict:
    """The ``home_country`` fields of a document line of ``geomap geoparse -o``."""
    home = home_country(mentions, url)
    return {"home_country": home.code if home else None,
            "home_country_evidence": home.evidence if home else None}
