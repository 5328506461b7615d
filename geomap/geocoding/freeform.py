"""Free-form geocoding: the most specific place a query names, constrained by the rest.

    >>> geocode_freeform("Kitchanga village (Masisi, North Kivu)", gaz)   # doctest: +SKIP

One function serves ``geomap geocode``, the Python API (:class:`OfflineGeocoder`) and the event
readers' place-name columns. Steps:

1. parse (:mod:`._parse`): parts between separators, tokens, kind / vicinity / street /
   landmark words around each phrase;
2. phrases that name places (:mod:`._spans`), each with candidate places;
3. each phrase's place is chosen by its prior (population, feature, name kind), its kind word
   ("Donetsk region" is the oblast) and its agreement with the other phrases' places: inside
   the division they name, in the country, or near the town ("Krasne village, Krasnodon
   district, Luhansk region" is the Krasne near Krasnodon);
4. the answer is the most specific place that agrees with the rest: a town before a district,
   a district before a region, a region before a country; of two towns close together, the
   smaller one ("Salhia, Deir ez-Zor" is Salhia). A phrase that agrees with nothing while
   others agree is dropped.

``geo_precision`` says what the point stands for (exact, near, admin2, admin1, country,
unknown): ``near`` for "near X", "north of X", "X outskirts", a landmark named after X, or a
more specific name in the query that the gazetteer does not know (then ``unresolved`` lists
it); a district, region or country when that is the most specific thing found.
"""

from __future__ import annotations

from dataclasses import replace

from ..gazetteer import Gazetteer
from ._agreement import SUPPORT, agreement
from ._agreement import km as _km
from ._parse import KIND_FILLERS, MAX_TOKENS, clean, tokenize
from ._roads import road_ends
from ._spans import Cand, Span, find_spans
from ._words import KIND_LEVEL, NAME_LINKS, STREET_PREFIX, STREETS, VICINITY, is_structure_word
from .coordinates import geocode_coordinates
from .result import GeocodeResult

__all__ = ["geocode_freeform"]

#: Longest query read; the rest is ignored (a 10,000-character query is answered from its start).
MAX_CHARS = 2000
#: Two towns this close are one inside the other ("Soledad Barranquilla").
INSIDE_KM = 30.0
#: A part named after another leans to coarser places ("Agua Caliente, Michoacan": the state).
LATER_COARSE = 1.0
LEVEL_RANK = {"exact": 0, "admin2": 1, "admin1": 2, "country": 3}
#: The two towns a road is named after lie at most this far apart (else one is a namesake).
ROAD_KM = 150.0
#: ... unless both are cities this large (no namesake outranks them).
ROAD_CITY = 100_000


def _kind_bonus(c: Cand, level: str | None) -> float:
    f = c.place.feature
    if level == "admin1":
        return 3.0 if f in ("admin1", "region") else -1.0 if f == "populated_place" else 0.0
    if level == "admin2":
        return 3.0 if f == "admin2" else -1.0 if f in ("admin1", "country") else 0.0
    if level in ("settlement", "part"):
        return 1.5 if f == "populated_place" else -2.0
    if level == "country":
        return 3.0 if f == "country" else -2.0
    return 0.0


def _one_name(s: Span, t: Span, tokens) -> bool:
    """Two phrases are pieces of one longer name ("Lomas" and "San Isidro" of "Lomas de San
    Isidro"): only name-linking words between them."""
    a, b = (s, t) if s.i < t.i else (t, s)
    return (s.how == t.how == "fragment" and tokens[a.i].part == tokens[b.i].part
            and all(tok.key in NAME_LINKS for tok in tokens[a.j:b.i]))


def _choose(spans: list[Span], tokens) -> None:
    """Pick each phrase's place by prior, kind word and agreement with the others."""
    for _round in range(3):
        for s in spans:
            best, best_score = None, -1e9
            later = s is not spans[0]
            for c in s.cands:
                score = c.prior + _kind_bonus(c, s.ctx.level)
                if later and c.place.feature in ("admin1", "country"):
                    score += LATER_COARSE
                for t in spans:
                    if t is s:
                        continue
                    if _round == 0:
                        score += max((agreement(c.place, d.place) for d in t.cands), default=0)
                    elif t.chosen is not None:
                        score += agreement(c.place, t.chosen.place)
                if score > best_score:
                    best, best_score = c, score
            s.chosen = best
    for s in spans:  # a neighbourhood lies in its town: a far namesake is not it
        if s.ctx.level == "part" and s.chosen.place.feature == "populated_place":
            towns = [t.chosen.place for t in spans if t is not s
                     and t.chosen.place.feature == "populated_place" and t.ctx.level != "part"]
            if towns and all(_km(s.chosen.place, p) >= INSIDE_KM for p in towns):
                s.extra["outside"] = True
    for s in spans:  # pieces of one longer name do not vouch for each other
        s.supported = not s.extra.get("outside") and any(
            agreement(s.chosen.place, t.chosen.place) >= SUPPORT
            for t in spans if t is not s and not _one_name(s, t, tokens))


def _level(s: Span) -> str:
    f = s.chosen.place.feature
    if f == "country" or s.ctx.level == "country":
        return "country"
    if f in ("admin1", "region"):
        return "admin1"
    if f == "admin2" or (s.ctx.level in ("admin2", "admin1") and not s.extra.get("in_town")):
        return "admin2"
    return "exact"


def _mark_town_districts(spans: list[Span]) -> None:
    """"Saltivka district of Kharkiv": a district named with a larger town close by is a part
    of that town, not a second-level division."""
    for s in spans:
        if s.ctx.level != "admin2" or s.chosen.place.feature != "populated_place":
            continue
        a = s.chosen.place
        s.extra["in_town"] = any(
            t is not s and t.chosen.place.feature == "populated_place"
            and t.chosen.place.population > 3 * a.population and _km(a, t.chosen.place) < INSIDE_KM
            for t in spans)


def _target(spans: list[Span], features) -> Span | None:
    pool = [s for s in spans if s.chosen and (not features or s.chosen.place.feature in features)]
    if not pool:
        return None
    best = min(LEVEL_RANK[_level(s)] for s in pool)
    same = [s for s in pool if LEVEL_RANK[_level(s)] == best]
    pick = same[0]
    for s in same[1:]:  # "Gulu University (Gulu)": the place named as itself
        if (s.chosen.place.key == pick.chosen.place.key and (pick.ctx.near or pick.ctx.landmark)
                and not (s.ctx.near or s.ctx.landmark)):
            pick = s
    if best == 0:  # of two towns close together, the smaller lies in the larger
        for s in same[1:]:
            a, b = pick.chosen.place, s.chosen.place
            if (not s.ctx.near and b.population * 3 < a.population
                    and _km(a, b) < INSIDE_KM):
                pick = s
    return pick


def _unresolved(tokens, spans: list[Span], target: Span, text: str) -> list[str]:
    """Name-like words before the answer that name no known place ("Kitchanga", "Lomas de
    San Isidro")."""
    covered = {k for s in spans for k in range(s.i, s.j)}
    head = tokens[:target.i]

    def name(k: int) -> bool:
        return _unknown_name_word(tokens, k, covered)

    out: list[str] = []
    run: list[int] = []
    for k in range(len(head) + 1):
        if k < len(head) and name(k):
            run.append(k)
            continue
        if (run and k + 1 < len(head) and head[k].key in NAME_LINKS and not head[k].upper
                and head[k].part == head[run[-1]].part and name(k + 1)):
            continue  # "de" in "Lomas de San Isidro"
        if run:
            out.append(text[tokens[run[0]].start:tokens[run[-1]].end])
            run = []
    return out


def _unknown_name_word(tokens, k: int, covered: set[int]) -> bool:
    """Token ``k`` is a capitalised word of a name no span matched (not a kind or structure
    word, a number, a single letter or a street's name)."""
    tok = tokens[k]
    return (k not in covered and tok.upper and not is_structure_word(tok.key)
            and not tok.key.isdigit() and len(tok.key) > 1 and not _street(tokens, k))


def _name_tail(tokens, spans: list[Span], target: Span, text: str) -> str | None:
    """The whole written name when the answer is only its first words and the words right
    after it name no known place ("Malaya Loknya": Malaya, Philippines is no answer to it),
    else None."""
    covered = {k for s in spans for k in range(s.i, s.j)}
    part = tokens[target.j - 1].part
    last = None
    k = target.j
    # "Donetsk People's Republic": a filler word, then a kind phrase, follows the name
    while k < len(tokens) and tokens[k].part == part and tokens[k].key not in KIND_FILLERS \
            and _unknown_name_word(tokens, k, covered):
        last = k
        k += 1
    return text[tokens[target.i].start:tokens[last].end] if last is not None else None


def _street(tokens, k: int) -> bool:
    """The word is part of a street's name ("Shevchenko street", "vul. Sadova")."""
    return any(t.key in STREETS and t.part == tokens[k].part for t in tokens[k + 1:k + 3]) or (
        k > 0 and tokens[k - 1].key in STREET_PREFIX and tokens[k - 1].part == tokens[k].part)


def _vicinity_part(tokens, target: Span) -> bool:
    """A part right after the answer that holds only vicinity words: "Mariupol (near)"."""
    nxt = [t for t in tokens if t.part == tokens[target.j - 1].part + 1]
    return bool(nxt) and all(t.key in VICINITY for t in nxt)


def geocode_freeform(query: str, gazetteer: Gazetteer, *, country: str | None = None,
                     feature: str | tuple[str, ...] | None = None,
                     source: str = "gazetteer") -> GeocodeResult:
    """Geocode a free-form place description; never raises on odd input.

    Parameters
    ----------
    query
        "Lebedyn, Sumy Oblast", "outskirts of Gulu", "Лебедин", "Y street, X"...
    gazetteer
        The offline gazetteer.
    country
        Only places in this ISO2 country.
    feature
        Only answer with these feature classes.
    """
    answer = _geocode(query, gazetteer, country=country, feature=feature, source=source)
    if feature or answer.match == "coordinates" or not isinstance(query, str):
        return answer
    text = clean(query[:MAX_CHARS])
    tokens = tokenize(text)[:MAX_TOKENS]
    ends = road_ends(tokens, text) if tokens else None
    if ends is None:
        return answer
    # "the Bakhmut-Chasiv Yar road": near its first town
    return _on_road(answer, query, ends, gazetteer,
                    country=country.upper() if country else None, source=source)


def _geocode(query: str, gazetteer: Gazetteer, *, country: str | None = None,
             feature: str | tuple[str, ...] | None = None,
             source: str = "gazetteer") -> GeocodeResult:
    """:func:`geocode_freeform` but for roads."""
    point = None if feature else geocode_coordinates(query, gazetteer, country=country,
                                                     source=source)
    if point is not None:  # "48.28N 37.18E", "48.28, 37.18": the point itself
        return point
    text = clean(query[:MAX_CHARS]) if isinstance(query, str) else ""
    features = (feature,) if isinstance(feature, str) else feature
    ctry = country.upper() if country else None
    tokens = tokenize(text)[:MAX_TOKENS]
    spans = find_spans(tokens, text, gazetteer, ctry) if tokens else []
    if len(spans) > 1:
        _choose(spans, tokens)
        if any(s.supported for s in spans):
            spans = [s for s in spans if s.supported]
        else:
            # no two parts agree: one of them is a namesake of the place meant; keep the
            # best-known ("Hidalgo neighborhood, Ciudad Juarez"), read from a whole name (not a
            # typo, a fragment of a longer name, an abbreviation or a landmark's namesake)
            whole = [s for s in spans if s.how not in ("fuzzy", "fragment")
                     and s.chosen.kind not in ("abbr", "dotted") and not s.ctx.landmark
                     and not s.extra.get("outside")] or spans
            # "village of Stepove near Avdiivka": the town named as the anchor, not a far
            # namesake of the village (which is then unresolved)
            anchors = [s for s in whole if s.ctx.near and not s.ctx.level
                       and s.chosen.place.feature == "populated_place"]
            if not all(s.ctx.level == "settlement" for s in whole if s not in anchors):
                anchors = []
            spans = [max(anchors or whole,
                         key=lambda s: s.chosen.prior + _kind_bonus(s.chosen, s.ctx.level))]
    for s in spans:
        if s.chosen is None:
            s.chosen = max(s.cands, key=lambda c: c.prior + _kind_bonus(c, s.ctx.level))
    _mark_town_districts(spans)
    target = _target(spans, features)
    if target is None:
        return GeocodeResult(query=query, place=None, source=source, geo_precision="unknown",
                             suggestions=tuple(_suggest(gazetteer, tokens)))
    level = _level(target)
    unresolved = tuple(_unresolved(tokens, spans, target, text))
    # the answer is the first words of a longer name nobody knows: said, and its confidence
    # halved unless another part of the query supports it
    uncased = all(t.upper for t in tokens)  # "Malaya Loknya": case tells nothing
    tail = _name_tail(tokens, spans, target, text) \
        if target.how == "fragment" or uncased else None
    if tail:
        unresolved += (tail,)
    inner = any(_street(tokens, k) for k in range(target.i))
    near = target.ctx.near or target.ctx.landmark or inner or _vicinity_part(tokens, target)
    if level == "exact" and unresolved and not near and _only_places_before(tokens, target) \
            and not _part_of_town_after(tokens, target, text):
        region = _region_of_capital(target)
        if region is not None:  # "Fooville, Kharkiv": somewhere in the oblast, not the city
            target.chosen, level = region, "admin1"
    if level == "exact" and (near or unresolved):
        level = "near"
    matched = text[tokens[target.i].start:tokens[target.j - 1].end]
    return GeocodeResult(query=query, place=target.chosen.place, match=target.chosen.match,
                         source=source, geo_precision=level, matched_text=matched,
                         unresolved=unresolved, partial=bool(tail) and not target.supported,
                         guess=target.chosen.match == "fuzzy" and not target.supported)


def _on_road(answer: GeocodeResult, query: str, ends: tuple[str, str], gaz: Gazetteer, *,
             country: str | None, source: str) -> GeocodeResult:
    """The answer to a query naming a road between two towns: the road's own answer when its
    two towns lie together, else the query's answer when the rest of it places the event
    elsewhere; an answer that is one of the road's towns is kept, near it, with the note."""
    got = _road(query, ends, gaz, country, source)
    if got is None:
        return answer
    road, places, agree = got
    if answer.place is not None and any(answer.place.key == p.key for p in places):
        return replace(answer, geo_precision="near" if answer.precision == "exact"
                       else answer.precision,
                       unresolved=tuple(dict.fromkeys(answer.unresolved + road.unresolved)),
                       note=f"a road between {ends[0]} and {ends[1]}: placed near "
                            f"{answer.matched_text}")
    if agree or answer.place is None or answer.guess or _agrees(answer.place, road.place):
        return road
    return answer


def _agrees(a, b) -> bool:
    """Place ``b`` lies in or near place ``a`` (its country, its division, close to it)."""
    if a.country != b.country:
        return False
    if a.feature == "country":
        return True
    if a.feature in ("admin1", "region"):
        return a.admin1_code == b.admin1_code
    return _km(a, b) <= ROAD_KM


def _road(query: str, ends: tuple[str, str], gaz: Gazetteer, country: str | None,
          source: str) -> tuple[GeocodeResult, list, bool] | None:
    """A road between two towns: the two names read together (each namesake agreeing with
    the other), answered near the first town found, with a note; the towns found; whether
    they lie together. None when neither is known."""
    text = f"{ends[0]}, {ends[1]}"
    tokens = tokenize(text)
    spans = [s for s in find_spans(tokens, text, gaz, country)
             if any(c.place.feature == "populated_place" for c in s.cands)]
    if len(spans) > 1:
        _choose(spans, tokens)
    by_part: dict[int, Span] = {}
    for s in spans:
        if s.chosen is None or s.chosen.place.feature != "populated_place":
            s.chosen = max((c for c in s.cands if c.place.feature == "populated_place"),
                           key=lambda c: c.prior)
        by_part.setdefault(tokens[s.i].part, s)
    if not by_part:
        return None
    first = by_part.get(0) or by_part[min(by_part)]
    other = next((s for s in by_part.values() if s is not first), None)
    places = [s.chosen.place for s in by_part.values()]
    unresolved: tuple[str, ...] = ()
    agree = False
    if other is not None and _km(first.chosen.place, other.chosen.place) > ROAD_KM and \
            min(first.chosen.place.population, other.chosen.place.population) < ROAD_CITY:
        # one end is known only as a far namesake: the better-known end, the other unresolved
        # (a long highway joins two cities: "the Kyiv-Kharkiv highway")
        first, other = sorted((first, other), key=lambda s: -s.chosen.prior)
        places = [first.chosen.place]
        unresolved = (ends[tokens[other.i].part],)
        where = f"{unresolved[0]} not found near it"
    elif other is not None:
        agree = True
        km = _km(first.chosen.place, other.chosen.place)
        where = f"the first town named; {ends[tokens[other.i].part]} is {km:.0f} km away"
    else:
        where = f"{ends[1 - tokens[first.i].part]} not found"
    name = text[tokens[first.i].start:tokens[first.j - 1].end]
    return GeocodeResult(query=query, place=first.chosen.place, match=first.chosen.match,
                         source=source, geo_precision="near", matched_text=name,
                         unresolved=unresolved,
                         note=f"a road between {ends[0]} and {ends[1]}: placed near {name}, "
                              f"{where}"), places, agree


def _only_places_before(tokens, target: Span) -> bool:
    """Before the answer only names, settlement words and vicinity words ("near Xivka
    village, Y"), not a part of a town ("X market", "Y square", "X area of Y", "Y's district")."""
    head = tokens[:target.i]
    if head and head[-1].key == "of":
        return False
    return all((t.upper and not is_structure_word(t.key)) or KIND_LEVEL.get(t.key) == "settlement"
               or t.key in VICINITY or t.key in ("the", "in", "at", "of")
               for t in head)


def _part_of_town_after(tokens, target: Span, text: str) -> bool:
    """After the answer, a possessive or a part-of-town word in the same part says the town is
    meant ("Lozovoye (Donetsk's northwestern suburb)", "X, Kharkiv's Saltivka", "X, Donetsk
    neighbourhood")."""
    end = tokens[target.j - 1].end
    if text[end:end + 2] in ("'s", "’s"):
        return True
    part = tokens[target.j - 1].part
    return any(KIND_LEVEL.get(t.key) == "part" or t.key in VICINITY
               for t in tokens[target.j:] if t.part == part)


def _region_of_capital(target: Span) -> Cand | None:
    """The region the answer's name also names when the answer is that region's capital
    ("Kharkiv": the city and the oblast around it), unless a kind word says which is meant."""
    town = target.chosen.place
    if target.ctx.level is not None or town.feature != "populated_place" or not town.admin1_code:
        return None
    return next((c for c in target.cands if c.place.feature in ("admin1", "region")
                 and c.place.country == town.country
                 and c.place.admin1_code == town.admin1_code), None)


def _suggest(gaz: Gazetteer, tokens) -> list[str]:
    names = [t.text for t in tokens if not is_structure_word(t.key) and len(t.key) >= 4]
    if not names or len(names) > 3:
        return []
    return gaz.suggest(" ".join(names))
