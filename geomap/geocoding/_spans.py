"""Find the phrases of a parsed query that name places, each with its candidate places.

Three ways, tried in this order for each stretch of the query: a phrase's fold key or
transliteration key is a gazetteer name (longest phrases first, so "North Kivu" wins over
"Kivu"); a Ukrainian or Russian district adjective names its town ("Popasnianskyi raion" ->
Popasna); a name-like word within a few typos of a gazetteer name (rapidfuzz; any letter,
the first included).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .._text import translit_key
from ..gazetteer._priors import KIND_PENALTY, priors
from ..gazetteer.core import MATCH_OF_KIND, max_edits
from ..lang._district_adjectives import adjective_stem_groups
from ..places import Place
from ._agreement import SUPPORT_NAMED, agreement
from ._parse import Context, Token, context_of, ngrams
from ._words import KIND_LEVEL, NAME_LINKS, is_structure_word

__all__ = ["Cand", "Span", "find_spans"]

#: Candidates kept per phrase (best prior first).
MAX_CANDS = 40
#: English words at least this common (Zipf) are not read as a place name when written in
#: lower case ("near the market"), nor when capitalised and naming only small places.
COMMON_LOWER = 3.5
COMMON_UPPER = 4.3
#: Prior cost of one typo, of a stem read from an adjective.
EDIT_COST = 1.5
STEM_COST = 0.5
MAX_FUZZY_TRIES = 4
#: How much better known (prior) a place a typo away must be to rival a transliterated variant.
RIVAL_MARGIN = 1.0
#: A place named by an alternate name that is this much better known (prior) than every place
#: bearing the name as its own pays only ALT_PROMINENT_COST for the alternate name.
ALT_GAP = 1.0
ALT_PROMINENT_COST = 0.5
#: Longer phrases are no place names (and would only slow the search down).
MAX_KEY = 80


@dataclass(slots=True)
class Cand:
    place: Place
    prior: float
    match: str
    kind: str = "name"       #: the gazetteer's name kind (name, alt, abbr, dotted, stem...)


@dataclass(slots=True)
class Span:
    i: int
    j: int
    ctx: Context
    cands: list[Cand]
    how: str = "name"        #: "name", "fragment" (of a longer name), "adjective" or "fuzzy"
    chosen: Cand | None = None
    supported: bool = False
    extra: dict = field(default_factory=dict)


def _cands(rows: list[tuple[str, tuple]], gaz, match: str | None, cost: float = 0.0,
           country: str | None = None, *, key: str | None = None) -> list[Cand]:
    pairs = [(kind, row) for kind, row in rows]
    best: dict[str, Cand] = {}
    for (kind, row), prior in zip(pairs, _prominent_alt(pairs, priors(pairs), key), strict=True):
        place = gaz.place_from_row(row)
        if kind == "demonym" and place.feature not in ("country", "region"):
            continue
        if country and place.country != country:
            continue
        m = match or MATCH_OF_KIND.get(kind, "alternate_name")
        c = Cand(place, prior - cost, m, kind)
        if place.key not in best or best[place.key].prior < c.prior:
            best[place.key] = c
    return sorted(best.values(), key=lambda c: -c.prior)[:MAX_CANDS]


def _prominent_alt(pairs: list[tuple[str, tuple]], prior: list[float],
                   key: str | None) -> list[float]:
    """Priors in which a place reached through an alternate name that is a spelling of its own
    name pays only :data:`ALT_PROMINENT_COST` when it is far better known (:data:`ALT_GAP` in
    prior, about ten times the population or prominence) than every place bearing the name as
    its own: "Odessa" is the Ukrainian city Odesa before the Texan town. A translation or
    another name ("Bethlehem" of Belém, "Rio" of Rio de Janeiro) keeps the full cost."""
    own = max((p for (kind, _r), p in zip(pairs, prior, strict=True) if kind == "name"),
              default=None)
    if own is None or key is None:
        return prior
    cost = KIND_PENALTY["alt"]
    tkey = translit_key(key, folded=True)
    return [p + cost - ALT_PROMINENT_COST
            if kind == "alt" and p + cost - own >= ALT_GAP and _spelling(tkey, r[2]) else p
            for (kind, r), p in zip(pairs, prior, strict=True)]


def _spelling(tkey: str, name: str) -> bool:
    """``name`` is another spelling of the name of transliteration key ``tkey`` (the same key:
    "Odesa" of "odessa"; not "Belém" of "bethlehem")."""
    return translit_key(name) == tkey


def _common(gaz, tokens: list[Token], i: int, j: int, cands: list[Cand], *,
            cased: bool) -> bool:
    """A one-word phrase that is rather a common English word, or too short to be a name
    unless it abbreviates a country or division ("DRC", "US"). A query of that one word asks
    for the place ("Washington")."""
    if j - i != 1:
        return False
    tok = tokens[i]
    if len(tok.key) < 3 and not (tok.text.isupper() and any(
            c.place.feature in ("country", "admin1") for c in cands)):
        return True
    if len(tokens) == 1:  # the query is this one name ("Washington", "springfield")
        return False
    z = gaz.word_zipf(tok.key)
    if not tok.upper or not cased:
        return z >= COMMON_LOWER and not (not cased and z < 5 and any(
            c.place.feature in ("country", "admin1") for c in cands))
    return z >= COMMON_UPPER and all(
        c.place.feature == "populated_place" and c.place.population < 100_000 for c in cands)


def find_spans(tokens: list[Token], text: str, gaz, country: str | None = None) -> list[Span]:
    """Non-overlapping place-naming phrases of the query, in query order."""
    grams = list(ngrams(tokens, text))
    rows = gaz.rows_for_keys(k for _i, _j, k in grams)
    how: dict[str, str | None] = dict.fromkeys(rows)
    tmap = {translit_key(k, folded=True): k for _i, _j, k in grams
            if k not in rows and 4 <= len(k) <= MAX_KEY}
    for tk, r in gaz.rows_for_translit_keys(tmap).items():
        rows[tmap[tk]] = r
        how[tmap[tk]] = "transliterated"
    cased = any(t.upper for t in tokens) and not all(t.upper for t in tokens)
    hits = []
    for i, j, k in grams:
        if k in rows:
            cands = _cands(rows[k], gaz, how[k], country=country, key=k)
            if cands:
                hits.append((i, j, cands, _common(gaz, tokens, i, j, cands, cased=cased)))
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    used = [False] * len(tokens)
    spans: list[Span] = []
    common: list[Span] = []
    for i, j, cands, is_common in hits:
        if any(used[i:j]):
            continue
        ctx = context_of(tokens, i, j)
        if is_common:  # "Tyre": a word unless another part of the query vouches for it
            common.append(Span(i, j, ctx, cands))
            continue
        for k in range(i, j):
            used[k] = True
        if ctx.street:  # "Shevchenko street": a street's name, not the place's
            continue
        spans.append(Span(i, j, ctx, cands, how="fragment" if _fragment(tokens, i, j, cased)
                          else "name"))
    spans += _vouched(common, spans, used)
    _add_spelling_rivals(spans, tokens, gaz, country, cased)
    spans += _adjectives(tokens, used, gaz, country, spans)
    spans += _fuzzy(tokens, used, gaz, country, cased=cased)
    spans.sort(key=lambda s: s.i)
    return spans


def _vouched(common: list[Span], spans: list[Span], used: list[bool]) -> list[Span]:
    """Common words kept as names because a place another part of the query names contains
    or neighbours one of their places ("Tyre, South Lebanon"; not "Market, Kyiv")."""
    out = []
    for s in common:
        if s.ctx.street or any(used[s.i:s.j]):
            continue
        cands = [c for c in s.cands if any(
            agreement(c.place, d.place) >= SUPPORT_NAMED for t in spans for d in t.cands)]
        if cands:
            for k in range(s.i, s.j):
                used[k] = True
            s.cands = cands
            out.append(s)
    return out


def _fragment(tokens: list[Token], i: int, j: int, cased: bool) -> bool:
    """The phrase is part of a longer capitalised name ("Loma" of "Anexa Loma Dorada",
    "Lomas" of "Lomas de San Isidro")."""
    if not cased:
        return False
    part = tokens[i].part

    def name_word(k: int, step: int) -> bool:
        while 0 <= k < len(tokens) and tokens[k].part == part and tokens[k].key in NAME_LINKS \
                and not tokens[k].upper:
            k += step
        return (0 <= k < len(tokens) and tokens[k].part == part and tokens[k].upper
                and not is_structure_word(tokens[k].key) and not tokens[k].key.isdigit()
                and (k == i - 1 or k == j or tokens[k - step].key in NAME_LINKS))

    return name_word(i - 1, -1) or name_word(j, 1)


def _adjectives(tokens, used, gaz, country, spans: list[Span]) -> list[Span]:
    """Spans for district adjectives before a kind word ("Popasnianskyi raion"); a word that
    also names a place as it is ("Krasnoarmeysky") gets the stem's places too."""
    out = []
    single = {s.i: s for s in spans if s.j == s.i + 1}
    for i, tok in enumerate(tokens):
        if (used[i] and i not in single) or i + 1 >= len(tokens) or KIND_LEVEL.get(
                tokens[i + 1].key) not in ("admin2", "admin1"):
            continue
        groups = adjective_stem_groups(tok.key)
        stems = [k for g in groups for k in g]
        if not stems:
            continue
        rows = gaz.rows_for_keys(stems)
        tmap = {translit_key(s, folded=True): s for s in stems if s not in rows}
        rows.update(gaz.rows_for_translit_keys(tmap))
        tkeys = {s: t for t, s in tmap.items()}
        # the surest group of stems that names a place ("Kupianskyi": Kupiansk, not Kufa)
        allrows = next((found for g in groups if (found := [
            r for s in g for r in rows.get(s, []) + rows.get(tkeys.get(s, ""), [])])), [])
        cands = _cands(allrows, gaz, "alternate_name", STEM_COST, country)
        if cands and i in single:
            merged = {c.place.key: c for c in cands + single[i].cands}
            single[i].cands = sorted(merged.values(), key=lambda c: -c.prior)[:MAX_CANDS]
        elif cands:
            used[i] = True
            out.append(Span(i, i + 1, context_of(tokens, i, i + 1), cands, how="adjective"))
    return out


def _name_like(tok: Token, cased: bool) -> bool:
    return ((tok.upper or not cased) and not is_structure_word(tok.key)
            and not tok.key.isdigit() and 4 <= len(tok.key) <= MAX_KEY // 2)


def _fuzzy(tokens, used, gaz, country, *, cased) -> list[Span]:
    """Spans for runs of unknown name-like words within a few typos of a gazetteer name."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if used[i] or not _name_like(tokens[i], cased):
            i += 1
            continue
        j = i + 1
        while (j < len(tokens) and j - i < 3 and not used[j] and tokens[j].part == tokens[i].part
               and _name_like(tokens[j], cased)):
            j += 1
        runs.append((i, j))
        i = j
    out = []
    for i, j in runs[:MAX_FUZZY_TRIES]:
        key = " ".join(t.key for t in tokens[i:j])
        if gaz.word_zipf(key) >= COMMON_LOWER:
            continue
        cands = _fuzzy_cands(gaz, key, country)
        if cands:
            out.append(Span(i, j, context_of(tokens, i, j), cands, how="fuzzy"))
    return out


def _fuzzy_cands(gaz, key: str, country: str | None) -> list[Cand]:
    """Places named within a few typos of ``key``, each typo a cost on the prior."""
    cands: list[Cand] = []
    for hit, edits in gaz.fuzzy_matches(key, max_edits(key), limit=5):
        rows = gaz.rows_for_keys([hit]).get(hit, [])
        cands += _cands(rows, gaz, "fuzzy", EDIT_COST * edits, country)
    cands.sort(key=lambda c: -c.prior)
    return cands[:MAX_CANDS]


def _add_spelling_rivals(spans: list[Span], tokens, gaz, country, cased: bool) -> None:
    """A name that reaches places only through a transliteration key of their variant names
    ("Kremenna" -> "Kremena", a variant of "Dolna Kremena") also meets the places a typo or
    two away ("Kreminna"); a clearly better-known one of those wins. A transliteration of a
    place's own name ("Dovzhansky" -> Dovzhanskyi) and a district adjective keep theirs."""
    for s in spans:
        if (s.how != "name" or s.ctx.level in ("admin1", "admin2")
                or any(c.match != "transliterated" or c.kind == "name" for c in s.cands)
                or (cased and not all(t.upper for t in tokens[s.i:s.j]))):
            continue
        key = " ".join(t.key for t in tokens[s.i:s.j])
        if not 4 <= len(key) <= MAX_KEY:
            continue
        best = max(c.prior for c in s.cands)
        rivals = [c for c in _fuzzy_cands(gaz, key, country) if c.prior >= best + RIVAL_MARGIN]
        if rivals:  # the phrase is now read as a probable typo, like an unknown word
            s.cands = sorted(rivals + s.cands, key=lambda c: -c.prior)[:MAX_CANDS]
            s.how = "fuzzy"
