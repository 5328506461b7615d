"""Does a report describe no event? The narrow non-event decision of event location.

geomap gives every report that names a place a located primary event, with a recognised
trigger or without (type None, lower confidence), unless the report is of a genre that
describes no single event. That decision is kept narrow, from explicit signs only:

- a genre label opening the report: "Analysis: ...", "Opinion | ...", "Review - ..."
  (:func:`labelled_genre`);
- a sports result in the headline: a sports word and a score ("Dynamo Kyiv beat Shakhtar 2-1
  in the cup"; :func:`sports_result`), even when a word of it reads as a trigger ("strike");
- for reports with no trigger and no event word only: words of a non-event genre in the
  headline or first sentence (culture, commerce, products, tourism, weather: "goes on sale",
  "opera house", "festival") or a sentence describing the place ("Lviv is a city of cafés")
  (:func:`describes_no_event`).

Every word comes from the language record (``geomap.lang``: word classes ``feature_markers``,
``non_event_words``, ``sports_words``, ``description_nouns``, ``copulas``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...geoparse import Mention
from ...lang.en import ENGLISH

__all__ = ["describes_no_event", "foreign", "labelled_genre", "sports_result"]

FEATURE_MARKERS = ENGLISH.words("feature_markers")
NON_EVENT_WORDS = ENGLISH.words("non_event_words")
SPORTS_WORDS = ENGLISH.words("sports_words")
DESCRIPTION_NOUNS = ENGLISH.words("description_nouns")
COPULAS = ENGLISH.words("copulas")
FUNCTION_WORDS = ENGLISH.words("stopwords")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
#: A score: "2-1", "3–0", "1:1" standing alone (not part of a date or a longer number).
_SCORE = re.compile(r"(?<![\d/.:-])\d{1,2}\s?[-–:]\s?\d{1,2}(?![\d/.:-])")
_ARTICLES = ("a", "an", "the", "one")


def labelled_genre(text: str, head: tuple[int, int]) -> bool:
    """The report is labelled as an analysis, an opinion piece, a review...: "Analysis: ..."
    at its top."""
    words = _WORD.findall(text[head[0] : min(head[1], head[0] + 40)])
    if not words or words[0].lower() not in FEATURE_MARKERS:
        return False
    after = text[head[0] + text[head[0]:].find(words[0]) + len(words[0]):][:3].lstrip()
    return after[:1] in (":", "|", "-", "–", "—")


def sports_result(text: str, head: tuple[int, int]) -> bool:
    """A sports result: a sports word and a score in the headline."""
    line = text[head[0] : head[1]]
    words = {w.lower() for w in _WORD.findall(line)}
    return bool(words & SPORTS_WORDS) and _SCORE.search(line) is not None


def describes_no_event(text: str, spans: Sequence[tuple[int, int]],
                       places: Sequence[Mention]) -> bool:
    """For a report with no trigger and no event word: its headline or first sentence speaks
    of culture, commerce, sport, tourism or weather, or describes a place it names ("Lviv is a
    city of ...")."""
    if not spans:
        return True
    a, b = spans[0]
    if len(spans) > 1 and b - a < 40:  # a short headline: its summary too
        b = spans[1][1]
    words = [w.lower() for w in _WORD.findall(text, a, b)]
    if NON_EVENT_WORDS.intersection(words) or SPORTS_WORDS.intersection(words):
        return True
    return any(_described(text, m) for m in places if a <= m.start < b)


def _described(text: str, m: Mention) -> bool:
    """"X is a city of ...", "X is the country's top destination": the place itself is
    the subject, described by a noun of place kind."""
    words = [w.lower() for w in _WORD.findall(text[m.end : m.end + 80])][:6]
    if len(words) < 3 or words[0] not in COPULAS or words[1] not in _ARTICLES:
        return False
    return any(w in DESCRIPTION_NOUNS for w in words[2:6])


def foreign(text: str) -> bool:
    """Latin-script text with few English function words (Spanish, French...), for which
    geomap has no event words: it cannot tell an event report from a feature there."""
    words = [w.lower() for w in _WORD.findall(text, 0, 2000)]
    if len(words) < 5 or _CYRILLIC.search(text, 0, 2000):
        return False
    return sum(map(FUNCTION_WORDS.__contains__, words)) < 0.08 * len(words)
