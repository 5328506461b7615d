"""Ukrainian and Russian district adjectives in Latin letters: the town a district is named
after ("Popasnianskyi raion" -> Popasna, "Bakhmutskyi" -> Bakhmut, "Sudzhansky district" ->
Sudzha, "Belgorodsky" -> Belgorod, "Amvrosievsky" -> Amvrosiivka).

Word knowledge of the two languages as romanised in English text, shared by the geoparser
(through :attr:`geomap.lang.Language.district_stems`) and the free-form geocoder. The
adjective's suffix (-skyi, -sky, -skiy, -ska, -ske, -skoye, -skaya...) follows the town's stem;
the stem's possible endings give the town's name keys to look up (fold keys, lower case, no
apostrophes).
"""

from __future__ import annotations

import re

__all__ = ["ADJECTIVE_SUFFIX", "adjective_stem_groups", "adjective_stems", "is_adjective_of"]

#: The suffix of a district adjective ("Popasnianskyi", "Slavyanoserbsky", "Kupianska").
ADJECTIVE_SUFFIX = re.compile(
    r"(?:ians|ans|ivs|evs|ovs|yns|ins|s)(?:kyi|kiy|kii|ky|ki|kij|ka|ke|koe|kaya|kyy|kyj)$"
)
#: Endings a town's name may have where the adjective has its suffix.
_ENDINGS = ("", "a", "e", "i", "o", "sk", "ske", "ka", "ivka", "ivske", "ove", "yne", "ne",
            "ovka", "evka", "lia", "y")


def adjective_stems(word_key: str) -> list[str]:
    """Fold keys a district adjective (a fold key, one word) may come from, likeliest first:
    "popasnianskyi" -> "popasna", "bakhmutskyi" -> "bakhmut", "slavyanoserbsky" ->
    "slavyanoserbsk"...; [] for a word without the suffix."""
    word_key = word_key.replace("'", "").replace("’", "")
    m = ADJECTIVE_SUFFIX.search(word_key, 3)  # a stem of three letters or more ("kyiv|skyi")
    if not m:
        return []
    cuts = [word_key[:m.start()]]
    s_at = word_key.rfind("s", m.start())
    if word_key[:s_at] not in cuts:
        cuts.append(word_key[:s_at])
    out: list[str] = []
    for cut in cuts:
        for base in (cut, cut.rstrip("yi")):
            for end in _ENDINGS:
                key = base + end
                if len(key) >= 4 and key not in out:
                    out.append(key)
    return out


def adjective_stem_groups(word_key: str) -> list[list[str]]:
    """:func:`adjective_stems` in groups, surest first: a stem that keeps more of the
    adjective's letters before its suffix ("kupian|skyi": Kupiansk) is surer than one of a
    shorter cut ("kup|ianskyi": Kupa); within a group, the places themselves decide."""
    word_key = word_key.replace("'", "").replace("’", "")
    stems = adjective_stems(word_key)
    if not stems:
        return []
    m = ADJECTIVE_SUFFIX.search(word_key, 3)
    head = word_key[:word_key.rfind("s", m.start())]

    def kept(stem: str) -> int:
        n = 0
        for a, b in zip(stem, head, strict=False):
            if a != b:
                break
            n += 1
        return n

    groups: dict[int, list[str]] = {}
    for k in stems:
        groups.setdefault(kept(k), []).append(k)
    return [groups[n] for n in sorted(groups, reverse=True)]


#: What follows a town's whole name in its adjective ("lgov|skiy", "kursk|yi", "lyman|skyi").
_AFTER_TOWN = re.compile(
    r"(?:ian|an|iv|ov|ev|yn|in)?s?(?:kyi|kiy|kii|ky|ki|kij|ka|ke|koe|koye|koie|kaya|kaia|kyy"
    r"|kyj)$")


def is_adjective_of(adjective_key: str, town_key: str) -> bool:
    """``adjective_key`` is a district adjective of the town ``town_key`` (fold keys):
    "lgovskiy" of "lgov", "kupianskyi" of "kupiansk", "sudzhansky" of "sudzha"."""
    adjective_key = adjective_key.replace("'", "").replace("’", "")
    town_key = town_key.replace("'", "").replace("’", "")
    if len(town_key) < 3 or adjective_key == town_key:
        return False
    if adjective_key.startswith(town_key) and \
            _AFTER_TOWN.fullmatch(adjective_key, len(town_key)):
        return town_key.endswith("sk") or "s" in adjective_key[len(town_key):]
    return town_key in adjective_stems(adjective_key)
