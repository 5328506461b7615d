"""Which language a text is in: English, Ukrainian or Russian, by script and letters; and
whether it is in none of them (then read with the nearest rules, and said so).

Rule: a text whose letters are mostly Latin is English (the only Latin-script language geomap
has word lists for). A mostly Cyrillic text is Ukrainian when it uses more of the letters only
Ukrainian has (і ї є ґ) than of the letters only Russian has (ы э ъ ё), and Russian otherwise.
Most Ukrainian sentences of a few words have an і or є, most Russian ones an ы or э, so the
count decides on anything longer than a headline. Where the letters do not decide (fewer than
:data:`MIN_DECIDING` of either kind, or no clear majority: "Дрони атакували Одесу.", "Над
Харковом збили дрон.", "Зеленський прибув у Ставку." have none), the words vote too: a word
pymorphy3's Ukrainian dictionary knows and its Russian one does not ("атакували", "Одесу",
"збили") counts for Ukrainian, and the other way round ("атаковали", "Одессу", "сбили") for
Russian; the two dictionaries are loaded for such texts only. A tie (a bare "Херсон") goes to
Russian, whose dictionary also knows most Ukrainian place names in the nominative.

Other languages (:func:`detect`): a Latin-script text in which the function words of French,
Spanish, German, Italian, Portuguese or Dutch ("le", "el", "der", "und", "het"...)
outnumber English ones ("the", "of", "is"...) is another language and is read with the
English rules; a Cyrillic text with letters of Belarusian (ў; or both і and ы, which
Ukrainian and Russian never mix, with hardly any и, which Belarusian lacks) or of Serbian and
Macedonian (ј љ њ ђ ћ џ ѓ ќ ѕ), or without ы э ё і but with ъ or frequent Bulgarian words
("че", "това", "във"), is read with the Ukrainian or Russian rules. :class:`Detection`
carries a note saying so, which the commands report per document. On the dev corpora no
English, Ukrainian or Russian document gets a note.

Why a rule and not a library: on the dev corpora the rule labels all 391 Ukrainian (ner-uk) and
122 Russian (factRuEval) documents and every English geoparsing document correctly
(``benchmarks/bench_multilingual.py`` prints the figure), at several million characters a
second with nothing to load; lingua-language-detector would add ~100 MB of models for languages
geomap has no word lists for.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Detection", "detect", "detect_language", "language_fields"]

_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_VOWELS = re.compile(r"[ыэёЫЭЁ]")
_HARD_SIGN = re.compile(r"[ъЪ]")
_BELARUSIAN = re.compile(r"[ўЎ]")
_SOUTH_SLAVIC = re.compile(r"[јљњђћџѓќѕЈЉЊЂЋЏЃЌЅ]")
_WORD = re.compile(r"[^\W\d_]+")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: English function words no other Latin-script language writes as words of its own ("in",
#: "a", "on", "die", "de" are left out: German, Spanish, French and Dutch have them too).
_ENGLISH = _words(
    "the of and to is was for that with by from it he she they are were has have had "
    "said this be which will would not but been its their his her who after about")
#: Characters of a text's start that decide (a language does not change mid-article).
SAMPLE = 20_000
#: Function words of other Latin-script languages that English does not write as words
#: (French, Spanish, German, Italian, Portuguese, Dutch; "en" only in "en route" and the like).
_OTHER = _words(
    "le la les des et est une du dans en pour qui sur avec pas au aux ce cette el los "
    "las y es del por con una para se su al lo como pero der die das und ist nicht "
    "mit den von zu ein eine sich auf im dem des il di che per gli della sono nel "
    "alla non os do da em não uma com ao pelo het een van niet op zijn ook naar")
#: Other-language function words needed, and how many times the English ones, for a note.
MIN_OTHER = 3
OTHER_RATIO = 2.0
#: Frequent Bulgarian words Russian does not write ("че" that, "това" this, "във" in).
_BULGARIAN = _words("че това във със се са ще които който която което беше бяха тази")
#: Letters of each kind a text needs before their mix says Belarusian.
MIN_LETTERS = 3
_SKIP = re.compile(r"https?://\S+|www\.\S+|[@#]\w+")
_NAMES = {"en": "English", "uk": "Ukrainian", "ru": "Russian"}


class Detection(NamedTuple):
    """The language whose rules read a text, and a note when it is not the text's own."""

    code: str  # "en", "uk" or "ru"
    note: str | None = None  # None: the text is in that language (as far as the rule tells)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language: "en", "uk" or "ru" (empty text: "en")."""
    sample = text[:SAMPLE]
    cyr = cyrillic_letters(sample)
    # (Latin letters cannot outnumber Cyrillic ones that are half the sample)
    if cyr == 0 or (2 * cyr <= len(sample) and cyr < sum(map(len, _LATIN_RUN.findall(sample)))):
        return "en"
    uk = sum(map(sample.count, "іїєґІЇЄҐ"))
    ru = sum(map(sample.count, "ыэъёЫЭЪЁ"))
    if max(uk, ru) < MIN_DECIDING or MAJORITY * min(uk, ru) > max(uk, ru):
        uk_words, ru_words = _word_votes(sample)
        uk, ru = uk + uk_words, ru + ru_words
    return "uk" if uk > ru else "ru"


#: UTF-8 lead bytes of the characters U+0400-U+04FF (the Cyrillic block), two bytes each.
_CYRILLIC_LEADS = (0xD0, 0xD1, 0xD2, 0xD3)


def cyrillic_letters(text: str) -> int:
    """How many characters of ``text`` lie in the Cyrillic block (U+0400-U+04FF): the lead
    bytes D0-D3 of its UTF-8 form counted with bytes.count, several times faster than the
    runs of a regex (no other character's UTF-8 has such a byte: continuation bytes are
    80-BF, other lead bytes C2-CF, D4-DF, E0-F4)."""
    if text.isascii():
        return 0
    data = text.encode("utf-8", "surrogatepass")
    return sum(map(data.count, _CYRILLIC_LEADS))


#: Letters of one language a text needs, and how many times the other's, for the letters
#: alone to decide (else the words vote too).
MIN_DECIDING = 3
MAJORITY = 3
#: Cyrillic words of a text that vote (the first ones: a short post has fewer).
VOTING_WORDS = 60
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ'’ʼ-]*[а-яёіїєґ][а-яёіїєґ'’ʼ-]*")


def _word_votes(sample: str) -> tuple[int, int]:
    """(words only the Ukrainian dictionary knows, words only the Russian one knows) among
    the first :data:`VOTING_WORDS` Cyrillic words of ``sample``; (0, 0) without pymorphy3."""
    try:
        from ._morph import _analyzer

        uk, ru = _analyzer("uk"), _analyzer("ru")
    except ImportError:  # pragma: no cover - pymorphy3 is a dependency
        return 0, 0
    words = _CYRILLIC_WORD.findall(sample.lower())[:VOTING_WORDS]
    uk_only = ru_only = 0
    for found in words:
        w = found.strip("-'’ʼ").replace("’", "'").replace("ʼ", "'")
        if not w:
            continue
        in_uk, in_ru = uk.word_is_known(w), ru.word_is_known(w)
        uk_only += in_uk and not in_ru
        ru_only += in_ru and not in_uk
    return uk_only, ru_only


def detect(text: str) -> Detection:
    """:func:`detect_language` and whether the text is in another language read with those
    rules (the note says which rules and why)."""
    code = detect_language(text)
    sample = text[:SAMPLE]
    rules = f"read with the {_NAMES[code]} rules"
    if code == "en":
        if other_latin(text):
            return Detection(code, f"not English, Ukrainian or Russian: {rules}")
        return Detection(code)
    if _BELARUSIAN.search(sample):
        return Detection(code, f"Belarusian letters (ў): {rules}")
    i_dots, yery = sample.count("і") + sample.count("І"), sample.count("ы") + sample.count("Ы")
    if i_dots >= MIN_LETTERS and yery >= MIN_LETTERS and \
            sample.count("и") + sample.count("И") < i_dots / 5 and "ѣ" not in sample:
        # Ukrainian has no ы, Russian no і (pre-reform Russian has, with ѣ); both write и
        return Detection(code, f"і and ы without и (Belarusian?): {rules}")
    if _SOUTH_SLAVIC.search(sample):
        return Detection(code, f"Serbian or Macedonian letters: {rules}")
    if code == "ru" and not _RU_VOWELS.search(sample) and not _UK_ONLY.search(sample):
        hard = len(_HARD_SIGN.findall(sample))
        bulgarian = sum(w.lower() in _BULGARIAN for w in _WORD.findall(sample))
        if hard >= 2 or (hard and bulgarian) or bulgarian >= 2:
            return Detection(code, f"no ы, э or ё; ъ or Bulgarian words (Bulgarian?): {rules}")
    return Detection(code)


#: Characters of a Latin-script text's start whose function words tell its language (a few
#: hundred words: recognition asks it of every English text, so the sample stays short).
OTHER_SAMPLE = 3_000


def other_latin(text: str) -> bool:
    """Whether ``text``, in Latin letters, is in another language than English (French,
    Spanish, German, Italian, Portuguese, Dutch: their function words outnumber English's)."""
    words = _WORD.findall(_SKIP.sub(" ", text[:OTHER_SAMPLE]).lower())
    other = sum(map(_OTHER.__contains__, words))
    return other >= MIN_OTHER and other > OTHER_RATIO * sum(map(_ENGLISH.__contains__, words))


def language_fields(text: str, forced: str | None = None) -> dict[str, str]:
    """The ``language`` (and, for a text in another language, ``language_note``) keys of a
    document's output line: the rules it was read with and why, when they are not its own.
    A ``forced`` language (``--lang``) is taken as given, without a note."""
    if forced:
        return {"language": forced}
    d = detect(text)
    return {"language": d.code, "language_note": d.note} if d.note else {"language": d.code}
