"""The unified event taxonomy and the crosswalks from each dataset's own types.

geomap's ``event_type`` is one of PLOVER's sixteen event types (lower case) plus ``statement``
for public statements that PLOVER leaves uncoded (CAMEO root 01, ACLED "Other" developments).
The crosswalks below are plain data; ``docs/taxonomy.md`` explains each choice.

CAMEO codes are strings ("043", "0874"): a leading zero is meaningful, never parse them as ints.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "ACLED_EVENT_TYPES",
    "ACLED_SUBTYPES",
    "CAMEO_OVERRIDES",
    "CAMEO_ROOTS",
    "EVENT_TYPES",
    "PLOVER_TYPES",
    "RECORDED_TYPES",
    "UCDP_VIOLENCE_TYPES",
    "from_acled",
    "from_cameo",
    "from_ucdp",
    "normalise_type",
    "recorded_type",
]

#: PLOVER's sixteen event types, in PLOVER's order (cooperative first, then conflictual).
PLOVER_TYPES: tuple[str, ...] = (
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "request",
    "accuse", "reject", "threaten", "protest", "sanction", "mobilize", "coerce", "assault",
)

#: Every value ``event_type`` may take (besides null).
EVENT_TYPES: tuple[str, ...] = (*PLOVER_TYPES, "statement")

# ---------------------------------------------------------------------------------------------
# ACLED: (event_type, sub_event_type), matched case-insensitively.

#: ACLED sub_event_type -> unified type. Keys are lower case.
ACLED_SUBTYPES: dict[str, str] = {
    # Battles
    "armed clash": "assault",
    "government regains territory": "assault",
    "non-state actor overtakes territory": "assault",
    # Explosions/Remote violence
    "chemical weapon": "assault",
    "air/drone strike": "assault",
    "suicide bomb": "assault",
    "shelling/artillery/missile attack": "assault",
    "remote explosive/landmine/ied": "assault",
    "grenade": "assault",
    # Violence against civilians
    "sexual violence": "assault",
    "attack": "assault",
    "abduction/forced disappearance": "assault",
    # Protests
    "peaceful protest": "protest",
    "protest with intervention": "protest",
    "excessive force against protesters": "protest",
    # Riots
    "violent demonstration": "protest",
    "mob violence": "assault",
    # Strategic developments
    "agreement": "agree",
    "arrests": "coerce",
    "change to group/activity": "mobilize",
    "headquarters or base established": "mobilize",
    "non-violent transfer of territory": "retreat",
    "looting/property destruction": "coerce",
    "disrupted weapons use": "coerce",
    "other": "statement",
}

#: ACLED event_type -> unified type, used when the sub-event type is missing or unknown.
#: Includes the event types of pre-2019 exports ("Remote violence", "Battle-No change of
#: territory", "Riots/Protests", ...).
ACLED_EVENT_TYPES: dict[str, str] = {
    "battles": "assault",
    "explosions/remote violence": "assault",
    "violence against civilians": "assault",
    "protests": "protest",
    "riots": "protest",
    "strategic developments": "statement",
    # older exports
    "remote violence": "assault",
    "battle-no change of territory": "assault",
    "battle-government regains territory": "assault",
    "battle-non-state actor overtakes territory": "assault",
    "riots/protests": "protest",
    "non-violent transfer of territory": "retreat",
    "headquarters or base established": "mobilize",
    "strategic development": "statement",
}

# ---------------------------------------------------------------------------------------------
# UCDP GED type_of_violence.

#: UCDP type_of_violence code -> (unified type, UCDP label).
UCDP_VIOLENCE_TYPES: dict[str, tuple[str, str]] = {
    "1": ("assault", "state-based conflict"),
    "2": ("assault", "non-state conflict"),
    "3": ("assault", "one-sided violence"),
}

# ---------------------------------------------------------------------------------------------
# CAMEO (GDELT, ICEWS, Phoenix): root codes plus a few finer overrides from PLOVER's mapping.

#: CAMEO root code -> (unified type, CAMEO root label).
CAMEO_ROOTS: dict[str, tuple[str, str]] = {
    "01": ("statement", "MAKE PUBLIC STATEMENT"),
    "02": ("request", "APPEAL"),
    "03": ("cooperate", "EXPRESS INTENT TO COOPERATE"),
    "04": ("consult", "CONSULT"),
    "05": ("cooperate", "ENGAGE IN DIPLOMATIC COOPERATION"),
    "06": ("cooperate", "ENGAGE IN MATERIAL COOPERATION"),
    "07": ("aid", "PROVIDE AID"),
    "08": ("concede", "YIELD"),
    "09": ("accuse", "INVESTIGATE"),
    "10": ("request", "DEMAND"),
    "11": ("accuse", "DISAPPROVE"),
    "12": ("reject", "REJECT"),
    "13": ("threaten", "THREATEN"),
    "14": ("protest", "PROTEST"),
    "15": ("mobilize", "EXHIBIT FORCE POSTURE"),
    "16": ("sanction", "REDUCE RELATIONS"),
    "17": ("coerce", "COERCE"),
    "18": ("assault", "ASSAULT"),
    "19": ("assault", "FIGHT"),
    "20": ("assault", "USE UNCONVENTIONAL MASS VIOLENCE"),
}

#: Finer CAMEO codes whose PLOVER type differs from their root's. Longest prefix wins.
CAMEO_OVERRIDES: dict[str, str] = {
    "051": "support",   # praise or endorse
    "052": "support",   # defend verbally
    "053": "support",   # rally support on behalf of
    "054": "support",   # grant diplomatic recognition
    "055": "concede",   # apologize
    "056": "concede",   # forgive
    "057": "agree",     # sign formal agreement
    "084": "retreat",   # return, release
    "087": "retreat",   # de-escalate military engagement (truce, withdraw, retreat)
}


def _key(value: object) -> str:
    return " ".join(str(value).strip().lower().split()) if value is not None else ""


def from_acled(event_type: object, sub_event_type: object = None) -> str | None:
    """Unified type of an ACLED (event_type, sub_event_type) pair; None when unknown."""
    sub = _key(sub_event_type)
    top = _key(event_type)
    if sub in ACLED_SUBTYPES:
        return ACLED_SUBTYPES[sub]
    return ACLED_EVENT_TYPES.get(top)


def from_ucdp(type_of_violence: object) -> str | None:
    """Unified type of a UCDP ``type_of_violence`` code (1, 2, 3 -> assault); None when unknown."""
    key = _key(type_of_violence)
    if key.endswith(".0"):
        key = key[:-2]
    entry = UCDP_VIOLENCE_TYPES.get(key)
    return entry[0] if entry else None


def from_cameo(code: object) -> str | None:
    """Unified type of a CAMEO event code given as a string ("043", "0874", "19").

    Integers are refused (``TypeError``): ``43`` could be "043" or "43".
    """
    if code is None:
        return None
    if not isinstance(code, str):
        raise TypeError(f"CAMEO codes are strings with leading zeros, got {code!r}")
    code = code.strip()
    if len(code) < 2 or not code.isdigit():
        return None
    for n in (4, 3):
        if len(code) >= n and code[:n] in CAMEO_OVERRIDES:
            return CAMEO_OVERRIDES[code[:n]]
    entry = CAMEO_ROOTS.get(code[:2])
    return entry[0] if entry else None


def normalise_type(value: object) -> str | None:
    """Best unified type for a free-text type label (generic files).

    Accepts a unified type itself ("assault"), an ACLED event or sub-event type ("Battles",
    "Air/drone strike"), or a CAMEO code string ("190"). Returns None when nothing matches.
    """
    key = _key(value)
    if not key:
        return None
    if key in EVENT_TYPES:
        return key
    if key in ACLED_SUBTYPES:
        return ACLED_SUBTYPES[key]
    if key in ACLED_EVENT_TYPES:
        return ACLED_EVENT_TYPES[key]
    if key.isdigit() and len(key) >= 2:
        return from_cameo(key)
    return None


# ---------------------------------------------------------------------------------------------
# What datasets of events on the ground record.

#: The types that event datasets such as ACLED and UCDP record as events (the targets of their
#: crosswalks: assault, protest, coerce, mobilize, retreat, agree), without ``statement``: the
#: material events a news report of one may be said to be "not recorded" for. Statements
#: ("X said"), accusations, threats and other verbal events stay text events, but are not
#: counted as events a dataset lacks.
RECORDED_TYPES: frozenset[str] = frozenset(
    {*ACLED_SUBTYPES.values(), *ACLED_EVENT_TYPES.values(),
     *(t for t, _label in UCDP_VIOLENCE_TYPES.values())}) - {"statement"}


def recorded_type(types) -> np.ndarray:
    """Whether each ``event_type`` (an iterable, nulls allowed) is one of
    :data:`RECORDED_TYPES`."""
    return np.array([isinstance(t, str) and t in RECORDED_TYPES for t in types], dtype=bool)
