"""Places named as the first word of a facility: "the Dnipro railway station", "Kherson port".

The geoparser leaves a name out when it only modifies a noun; for where an event happened such a
compound is strong evidence (the station is in the city). Names found here are looked up as
populated places and must not be common English words ("Central station").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...gazetteer import Gazetteer
from ...geoparse import Mention
from ...lang.en import ENGLISH

__all__ = ["facility_places"]

FACILITY_NOUNS = ENGLISH.words("facility_nouns")
FACILITY_MODIFIERS = ENGLISH.words("facility_modifiers")
_NAME = r"[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2}"
_COMPOUND = re.compile(
    rf"(?<![\w.])(?P<name>{_NAME})\s+(?:(?:{'|'.join(sorted(FACILITY_MODIFIERS))})\s+){{0,2}}"
    rf"(?:{'|'.join(sorted(FACILITY_NOUNS))})\b")
#: Zipf frequency from which a capitalised word is an English word rather than a name.
_COMMON = 4.0


def facility_places(text: str, mentions: Sequence[Mention],
                    gazetteer: Gazetteer) -> list[Mention]:
    """Literal mentions of the towns that facility compounds name and ``mentions`` lack."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for match in _COMPOUND.finditer(text):
        a, b = match.span("name")
        if any(s < b and a < e for s, e in taken):
            continue
        name = match.group("name")
        if gazetteer.word_zipf(name.lower()) >= _COMMON:
            continue
        cands = gazetteer.search(name, feature="populated_place", limit=1, fuzzy=False)
        if cands:
            out.append(Mention(a, b, name, cands[0].place, "literal", 0.5))
    return out
