"""Name normalisation shared by the gazetteer, geocoding and geoparsing.

Two keys are derived from a name:

``fold_key``
    case, diacritics and punctuation removed, other scripts transliterated to Latin for Latin,
    Cyrillic and Greek names ("Kyïv" -> "kyiv", "P'yongyang" -> "pyongyang", "Курск" -> "kursk");
    names in other scripts keep their own letters (casefolded), so that a romanised Chinese
    syllable never collides with an English word.
``translit_key``
    ``fold_key`` further reduced so that common romanisation variants meet
    ("Sievierodonetsk" and "Severodonetsk", "Kharkiv"/"Kharkov" do not, those are alternate names):
    spaces dropped, ``kh -> h``, ``ie -> e``, ``y -> i``, ``j -> i`` after a vowel, doubled letters
    collapsed.

Inside a name, an Arabic article before another word folds to one form whatever the
transliteration: every form joined by a hyphen ("ash-Shughur", "ez-Zor" -> "al shughur",
"al zor") and "el" written apart ("Deir el Balah" -> "deir al balah"): see
:func:`article_fold`.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata

from unidecode import unidecode

__all__ = ["ARABIC_ARTICLES", "article_fold", "fold_key", "is_title_case", "is_translit_script",
           "translit_key"]

_PUNCT_DROP = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u0060\u00b4\u02b9\u02ba\"\u201c\u201d.]")
_NON_WORD = re.compile(r"[^0-9a-z\u0080-\U0010ffff]+")
_SPACES = re.compile(r"\s+")
_LATIN_LIKE = ("LATIN", "CYRILLIC", "GREEK")


def is_translit_script(text: str) -> bool:
    """True when every letter of ``text`` is Latin, Cyrillic or Greek."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not name.startswith(_LATIN_LIKE):
                return False
    return True


_ASCII_DROP = str.maketrans("", "", "'`\".")

#: The Arabic article as English and French transliterations write it, assimilated forms
#: included ("ash-Shughur", "ad-Dawr", "ez-Zor", "as-Sukhnah", "an-Nabk"); GeoNames and news
#: write the same place with different ones ("Deir el-Balah" / "Deir al-Balah").
ARABIC_ARTICLES = frozenset({"al", "el", "il", "ul", "ad", "ed", "ud", "an", "en", "ar", "er",
                             "as", "es", "ash", "esh", "at", "et", "az", "ez", "adh", "ath"})
#: an article form joined by a hyphen to the next word, opening the name or after a space
#: ("ez-Zor", not "Aix-en-Provence"); written apart, only "el" is surely an article ("As I",
#: "At Kabul" are English words)
_HYPHEN_ARTICLE = re.compile(r"(?<!\S)(?:" + "|".join(sorted(ARABIC_ARTICLES - {"al"}, key=len,
                                                              reverse=True)) + r")-(?=\w)")
_EL = re.compile(r"(?<![^ ])el (?=[^ ])")


def article_fold(key: str) -> str:
    """A fold key with the article "el" before another word of the name written "al"
    ("deir el balah" -> "deir al balah", "el fasher" -> "al fasher"); a word alone is left as
    it is. :func:`fold_key` also folds every hyphenated form ("ez-Zor" -> "al zor")."""
    return _EL.sub("al ", key) if "el " in key else key


def _hyphen_articles(text: str) -> str:
    """Lower-case ``text`` with every article form joined by a hyphen written "al-"."""
    return _HYPHEN_ARTICLE.sub("al-", text) if "-" in text else text


def fold_key(name: str) -> str:
    """Case-, diacritics- and punctuation-insensitive key of a name."""
    if name.isascii():  # the fast path: most names and most news text
        text = _hyphen_articles(name.translate(_ASCII_DROP).lower())
        text = _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
        return article_fold(text)
    return _fold_other(name)


@functools.lru_cache(maxsize=200_000)
def _fold_other(name: str) -> str:
    """:func:`fold_key` of a name with non-ASCII letters (unidecode is slow: Cyrillic text
    repeats its words, so the keys are remembered)."""
    text = name.translate(_cyrillic_table())
    # Cyrillic and ASCII (the table writes ASCII only, and leaves every other character as
    # it is): one table, the same key
    if text.isascii():
        text = text.lower()
        if text.isalnum():  # one word of letters and digits: nothing to replace
            return text
        text = _hyphen_articles(text)
        return article_fold(_SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip())
    text = unicodedata.normalize("NFKC", name)
    text = _PUNCT_DROP.sub("", text)
    if is_translit_script(text):
        text = unidecode(text)
        text = text.replace("'", "")
    text = _hyphen_articles(text.casefold())
    text = _NON_WORD.sub(" ", text)
    return article_fold(_SPACES.sub(" ", text).strip())


#: Characters whose key :func:`_fold_other` takes from one translation table: ASCII, the
#: Cyrillic block's letters and signs (not its combining marks) and the apostrophes Ukrainian
#: writes. Each is its own NFKC form and unidecode transliterates character by character, so
#: the table gives the key the general path gives (checked in tests/test_text.py).
_CYRILLIC_ASCII = frozenset(map(chr, range(0x80))) | frozenset("\u2018\u2019\u02bc") | \
    frozenset(chr(c) for c in range(0x400, 0x500) if not 0x483 <= c <= 0x489)


@functools.cache
def _cyrillic_table() -> dict[int, str | None]:
    """:data:`_CYRILLIC_ASCII` -> its transliteration (ASCII: unidecode writes nothing else),
    punctuation of :data:`_PUNCT_DROP` and the apostrophes unidecode writes for ъ and ь
    dropped (the general path drops both)."""
    table: dict[int, str | None] = {
        ord(c): unidecode(c).replace("'", "") for c in _CYRILLIC_ASCII if not c.isascii()}
    table.update((ord(c), None) for c in _CYRILLIC_ASCII if _PUNCT_DROP.match(c))
    return table


_VOWEL_J = re.compile(r"([aeiou])j")
_RUNS = re.compile(r"(.)\1+")


def translit_key(name: str, *, folded: bool = False) -> str:
    """Key under which common transliteration variants of a name coincide: kh -> h, ie -> e,
    j after a vowel -> i, y -> i, then every run of one letter written once (in this order;
    the literal rules as str.replace, which replaces as the regex did)."""
    key = name if folded else fold_key(name)
    key = key.replace(" ", "")
    if not key.isascii():
        return key
    key = key.replace("kh", "h").replace("ie", "e")
    if "j" in key:
        key = _VOWEL_J.sub(_vowel_i, key)
    # (a function for the replacement: a template string goes through re's Python code)
    return _RUNS.sub(_GROUP_1, key.replace("y", "i"))


def _vowel_i(m: re.Match) -> str:
    return m[1] + "i"


_GROUP_1 = operator.itemgetter(1)


#: Title case: at least TITLE_WORDS words of four letters or more, TITLE_SHARE of them
#: capitalised (not in capitals).
TITLE_WORDS = 4
TITLE_SHARE = 0.8


def is_title_case(words) -> bool:
    """Whether ``words`` (the words of a headline or sentence) are written in title case
    ("Junta Imposes Mobile Internet Shutdown"), where a capital says nothing of a name."""
    long = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    if len(long) < TITLE_WORDS:
        return False
    return sum(w[0].isupper() and not w.isupper() for w in long) >= TITLE_SHARE * len(long)
