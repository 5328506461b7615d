"""The structured evidence a candidate pair is scored on besides space and time.

* **Type**: the two event types through the unified taxonomy (:mod:`geomap.events.taxonomy`):
  the same type, the same PLOVER quad class (verbal / material, cooperation / conflict), the
  same side (cooperation or conflict), or opposed. Violence (``assault``) and a peaceful
  protest cannot be one event: such a pair is vetoed (factor 0, never linked), although both
  are "material conflict" in PLOVER. A protest counts as peaceful unless the dataset's own
  subtype says it turned violent or was met with force (:data:`VIOLENT_PROTEST`); a protest
  read from text ("hundreds rallied") is peaceful.
* **Actors**: the actors' names as word sets (generic words such as "government" or "forces"
  dropped) and the countries they name, compared as sets.

Each is a factor in (0, 1]; 0.5 means "no evidence either way" (a side without a type or
actors), so a missing field neither helps nor hurts. Records' free-text fields (notes,
headlines, sources) are never read here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .._text import fold_key
from ..events.taxonomy import EVENT_TYPES

__all__ = ["QUAD_CLASS", "VIOLENT_PROTEST", "actor_codes", "actor_keys", "actor_score",
           "death_score", "peaceful_protests", "type_codes", "type_score", "type_veto"]

#: PLOVER quad classes of the unified event types ("statement" is verbal, neutral).
QUAD_CLASS: dict[str, str] = {
    **dict.fromkeys(("agree", "consult", "support", "concede", "statement"), "verbal-coop"),
    **dict.fromkeys(("cooperate", "aid", "retreat"), "material-coop"),
    **dict.fromkeys(("request", "accuse", "reject", "threaten"), "verbal-conflict"),
    **dict.fromkeys(("protest", "sanction", "mobilize", "coerce", "assault"),
                    "material-conflict"),
}

#: Factor for: same type, same quad class, same side, opposed, unknown; incompatible (violence
#: against a peaceful protest: :func:`type_veto`).
TYPE_FACTORS = {"same": 1.0, "quad": 0.6, "side": 0.35, "opposed": 0.15, "unknown": 0.5,
                "incompatible": 0.0}

#: Datasets' own subtypes (``orig_subtype``, lower case) of a ``protest`` that turned violent or
#: met force: ACLED's riots and protests with intervention, CAMEO 145 "protest violently, riot"
#: (and its children 1451-1454).
VIOLENT_PROTEST = frozenset(("violent demonstration", "excessive force against protesters",
                             "protest with intervention"))
_VIOLENT_CAMEO = "145"

_GENERIC = frozenset((
    "government", "governments", "of", "the", "and", "forces", "force", "military",
    "militaries", "army", "armed", "police", "group", "groups", "unidentified", "unknown",
    "people", "civilians", "civilian", "state", "republic", "militia", "militias", "national",
    "guard", "service", "services", "security", "special", "ministry", "defence", "defense",
    "troops", "soldiers", "units", "unit", "members", "supporters", "operations", "operation",
    "local", "authorities", "authority", "officials", "official", "communal", "rebel",
    "rebels", "insurgents", "protesters", "rioters", "for", "in", "on", "to", "from", "by",
    "with", "at",
))

_WORD = re.compile(r"[^\W\d_]{3,}")


def type_codes(types) -> np.ndarray:
    """Index of each event type in :data:`EVENT_TYPES` (-1 for unknown or missing)."""
    index = {t: i for i, t in enumerate(EVENT_TYPES)}
    return np.array([index.get(t, -1) if isinstance(t, str) else -1 for t in types],
                    dtype=np.int16)


@lru_cache(maxsize=1)
def _type_matrix() -> np.ndarray:
    n = len(EVENT_TYPES)
    m = np.full((n + 1, n + 1), TYPE_FACTORS["unknown"])  # row/col n: unknown
    for i, x in enumerate(EVENT_TYPES):
        for j, y in enumerate(EVENT_TYPES):
            m[i, j] = _type_factor(x, y)
    return m


def type_score(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Factor of type agreement for each pair of type codes (:func:`type_codes`)."""
    m = _type_matrix()
    n = len(EVENT_TYPES)
    return m[np.where(a < 0, n, a), np.where(b < 0, n, b)]


def peaceful_protests(types: np.ndarray, subtypes) -> np.ndarray:
    """True for each ``protest`` (type codes, :func:`type_codes`) whose own subtype does not
    say it turned violent (:data:`VIOLENT_PROTEST`); ``subtypes`` may hold None."""
    protest = types == EVENT_TYPES.index("protest")
    violent = np.array([isinstance(t, str) and (t.strip().lower() in VIOLENT_PROTEST
                                                or t.strip().startswith(_VIOLENT_CAMEO))
                        for t in subtypes], dtype=bool) if len(types) else np.zeros(0, bool)
    return protest & ~violent


def type_veto(ta: np.ndarray, tb: np.ndarray, pa: np.ndarray, pb: np.ndarray) -> np.ndarray:
    """True for pairs that cannot be one event: violence (``assault``) on one side and a
    peaceful protest (``pa``/``pb``, :func:`peaceful_protests`) on the other."""
    assault = EVENT_TYPES.index("assault")
    return ((ta == assault) & pb) | ((tb == assault) & pa)


@lru_cache(maxsize=1024)
def _type_factor(x, y) -> float:
    if not isinstance(x, str) or not isinstance(y, str):
        return TYPE_FACTORS["unknown"]
    if x == y:
        return TYPE_FACTORS["same"]
    qx, qy = QUAD_CLASS.get(x), QUAD_CLASS.get(y)
    if qx is None or qy is None:
        return TYPE_FACTORS["unknown"]
    if qx == qy:
        return TYPE_FACTORS["quad"]
    if qx.split("-")[1] == qy.split("-")[1]:
        return TYPE_FACTORS["side"]
    return TYPE_FACTORS["opposed"]


@lru_cache(maxsize=65536)
def actor_keys(text: str | None, countries: str | None = None) -> frozenset[str]:
    """Words and ``cc:XX`` country keys of one actor field ("; "-separated names allowed);
    ``countries`` adds known ISO codes ("UA; RU")."""
    from ..events.readers._common import country_to_iso2

    keys: set[str] = set()
    if isinstance(text, str) and text:
        for name in text.split(";"):
            words = _WORD.findall(fold_key(name))
            keys.update(w for w in words if w not in _GENERIC)
            # country names of one to three words ("Government of Russia (Soviet Union)")
            for n in (3, 2, 1):
                for i in range(len(words) - n + 1):
                    code = country_to_iso2(" ".join(words[i:i + n]))
                    if code:
                        keys.add(f"cc:{code}")
    if isinstance(countries, str):
        keys.update(f"cc:{c.strip()}" for c in countries.split(";") if len(c.strip()) == 2)
    return frozenset(keys)


def actor_codes(keys) -> tuple[np.ndarray, list[frozenset[str]]]:
    """Codes of equal key sets and the distinct sets (code 0 is the empty set)."""
    table: dict[frozenset[str], int] = {frozenset(): 0}
    codes = np.fromiter((table.setdefault(k, len(table)) for k in keys), dtype=np.int64)
    return codes, list(table)


def actor_score(ca: np.ndarray, cb: np.ndarray, sets_a: list, sets_b: list) -> np.ndarray:
    """Factor of actor agreement for each pair of actor codes (:func:`actor_codes`): 0.5 when
    either side names no actor, 0.25 when they share nothing, up to 1.0 when every actor key
    of the smaller side is on the other. Computed once per distinct pair of sets."""
    if not len(ca):
        return np.empty(0)
    pair, inverse = np.unique(ca * len(sets_b) + cb, return_inverse=True)
    values = np.empty(len(pair))
    for k, p in enumerate(pair.tolist()):
        x, y = sets_a[p // len(sets_b)], sets_b[p % len(sets_b)]
        shared = len(x & y) if x and y else -1
        values[k] = 0.5 if shared < 0 else (
            0.25 if not shared else 0.5 + 0.5 * shared / min(len(x), len(y)))
    return values[inverse.ravel()]


#: Factor for the people killed: the same count; the report counting more than the record
#: (a record may be one part of a reported toll); the record counting more (a report may
#: be early); far apart; either count unknown (no evidence: every candidate of a report
#: without a count scores the same).
DEATH_FACTORS = {"same": 1.0, "more": 0.7, "fewer": 0.6, "far": 0.35, "unknown": 1.0}


def death_score(text: np.ndarray, record: np.ndarray) -> np.ndarray:
    """Factor of agreement between the people killed in a report (``text``) and in a record
    (NaN where not given): the records' ``fatalities`` (UCDP ``best``, ACLED
    ``fatalities``) against the count the report gives (:mod:`geomap.events.extract._counts`)."""
    known = np.isfinite(text) & np.isfinite(record)
    t, r = np.where(known, text, 0.0), np.where(known, record, 0.0)
    ratio = (np.minimum(t, r) + 1.0) / (np.maximum(t, r) + 1.0)
    out = np.where(t > r, DEATH_FACTORS["more"], DEATH_FACTORS["fewer"])
    out = np.where(ratio < 0.34, DEATH_FACTORS["far"], out)
    out = np.where(t == r, DEATH_FACTORS["same"], out)
    return np.where(known, out, DEATH_FACTORS["unknown"])
