"""Text files in whatever encoding they come: the one place geomap decides an encoding.

Two entry points share one decision (byte order mark, then UTF-8, then charset-normalizer over
a restricted list of code pages, then Windows-1252 when it reads the same text):
:func:`decode_text` decodes a whole text in memory (articles, feeds, JSON Lines, the input
classifier); :func:`detect_file_encoding` names the encoding of a file it reads in chunks
(event tables of any size, which pyarrow then decodes as it parses).

For texts, UTF-8 (with or without a byte order mark) is read as is. Anything else is decided by
charset-normalizer among the encodings news text in geomap's languages (English, Ukrainian,
Russian) is really saved in: UTF-16/32 (spreadsheets, Windows "Unicode" text), Windows-1252,
Windows-1251, KOI8-R/U, Mac Cyrillic, DOS 866 and ISO 8859-5; the decision is returned so that
callers can report it. Binary data (NUL bytes outside UTF-16/32, control characters, no encoding
that fits) raises :class:`~geomap.exceptions.InputError` with a reason, never a traceback.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .exceptions import InputError

__all__ = ["Decoded", "Encoding", "NotText", "binary_reason", "decode_text", "detect_file_encoding"]

#: Code pages of the languages geomap reads news in (English, Ukrainian, Russian: Western and
#: Cyrillic Windows, KOI8, Mac and DOS Cyrillic, ISO 8859-5) and UTF-16/32 without a BOM: what
#: both lists below hold.
_NEWS_CODE_PAGES: tuple[str, ...] = (
    "cp1252", "cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5",
    "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
)  # fmt: skip

#: Legacy encodings charset-normalizer may choose from for a whole text: the news code pages
#: only. Central European, Greek, Turkish and Baltic pages win ties against Windows-1252 on
#: whole English texts ("naïve" -> "naďve"): with them, English dev texts saved as cp1252
#: decoded right 0.955-0.99 of the time instead of 1.000 (benchmarks/bench_inputs.py).
TEXT_CODE_PAGES: tuple[str, ...] = _NEWS_CODE_PAGES

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control characters no text file holds (tab, line ends and form feed are text)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_MIXED_WORD = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document (convert it to text first)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (unpack it first)"),
    (b"\x1f\x8b", "a gzip archive (unpack it first)"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls: save it as .txt, .html or .csv)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    #: Python codec name: "utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1251", ...
    encoding: str
    #: True when the file was not plain UTF-8 (with or without BOM): callers report the decision.
    legacy: bool = False
    #: Invalid bytes of an otherwise UTF-8 file, each read as U+FFFD (a stray byte from a bad
    #: copy or a cut multi-byte letter): reported like a legacy encoding.
    replaced: int = 0

    @property
    def label(self) -> str:
        """The decision in a few words, for reports: ``"cp1251"``, ``"utf-8, 2 bytes replaced"``."""
        return f"utf-8, {self.replaced} invalid byte{'s' * (self.replaced != 1)} replaced" \
            if self.replaced else self.encoding

    def note(self, source: str) -> str:
        """One line for the report: ``"a.txt: decoded as cp1252 (not UTF-8)"``."""
        if self.replaced:
            return (f"{source}: decoded as UTF-8, {self.replaced} invalid "
                    f"byte{'s' * (self.replaced != 1)} replaced by U+FFFD")
        return f"{source}: decoded as {self.encoding} (not UTF-8)"


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` (the first bytes of a file) is a known binary format, or None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file: {what}"
    return None


def _too_many_controls(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROLS.findall(sample)) > max(2, len(sample) // 200)


def decode_text(data: bytes, source: str = "<bytes>") -> Decoded:
    """Decode a whole text file.

    Parameters
    ----------
    data
        The file's bytes.
    source
        The file name, for messages.

    Returns
    -------
    Decoded
        The text (without BOM), the codec and whether it was a legacy (non UTF-8) encoding.

    Raises
    ------
    InputError
        For a known binary format, NUL or control bytes in what is not UTF-16/32, or data no
        encoding fits; the message starts with ``source`` and says which.
    """
    reason = binary_reason(data[:16])
    if reason:
        raise InputError(f"{source}: {reason}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{source}: starts with a {codec.upper()} byte order mark but "
                                 f"is not valid {codec.upper()} at byte {exc.start}") from None
            return _checked(Decoded(text, codec, legacy=codec != "utf-8-sig"), source)
    if b"\x00" not in data[:65536]:
        try:
            return _checked(Decoded(data.decode("utf-8"), "utf-8"), source)
        except UnicodeDecodeError:
            pass
        nearly = _nearly_utf8(data)
        if nearly is not None:
            return _checked(nearly, source)
    return _checked(_detect(data, source), source)


def _nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few invalid bytes (at most one per 50 valid non-ASCII letters), read
    with U+FFFD for them; None for anything else. A legacy code page's text (Windows-1251
    Cyrillic, Windows-1252 accents) holds almost no valid multi-byte UTF-8 sequences, so it is
    never taken for this."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if 0 < bad <= good / 50:
        return Decoded(text, "utf-8", legacy=True, replaced=bad)
    return None


def _matches(sample: bytes, pages: tuple[str, ...]):
    """charset-normalizer's readings of ``sample`` among ``pages``, best first."""
    from charset_normalizer import from_bytes

    return from_bytes(sample, cp_isolation=list(pages))


def _best_match(sample: bytes, pages: tuple[str, ...]):
    """charset-normalizer's best reading of ``sample`` among ``pages`` (or None)."""
    return _matches(sample, pages).best()


def _western_instead(data: bytes, text: str, *, mixed_words: bool = True) -> str | None:
    """``data`` read as Windows-1252 when that is the better reading of what a legacy code page
    read as ``text``, else None. Windows-1251 and 1252 share their punctuation: 1252 when the
    text is the same; with ``mixed_words``, a Cyrillic letter inside a Latin word ("Cafй") means
    a Western text read as Cyrillic (not for tables: their words with non-ASCII bytes, taken
    alone, include real mixed ones, and a Cyrillic UCDP export then read as cp1252)."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return western if western == text or (mixed_words and _MIXED_WORD.search(text)) else None


#: the one-letter words of Russian, Ukrainian and Belarusian (a lone "Ц" is a dash read in DOS
#: Cyrillic: "–" is byte 0x96 in Windows-1252)
_CYRILLIC_WORDS = frozenset("авиоксуяйіў")
#: Cyrillic letters of the languages geomap reads (Russian, Ukrainian, Belarusian; Bulgarian's
#: are Russian's). Serbian and Macedonian letters (Ѕ ј ќ ...) are where Mac Cyrillic puts the
#: capitals of a Windows-1251 text, so they count as implausible here.
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
                      "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ")


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _plausible_word(word: str) -> bool:
    """Whether ``word`` (one holding non-ASCII letters) reads as a word of one script: letters
    of one script, cased as words are (lower, upper or capitalised, per hyphenated part), only
    hyphens and apostrophes inside, Cyrillic letters of the Russian, Ukrainian or Belarusian
    alphabets, and a Latin word of three letters or more not made of accented letters alone
    (how Cyrillic reads in Central European pages: "Бахмут" as "Áŕőěóň")."""
    scripts: set[str] = set()
    for part in re.split(r"[-'\u2019.]", word):
        if not part.isalpha():
            if part and not part.isdigit():
                return False
            continue
        if not (part.islower() or part.isupper() or (part[0].isupper() and part[1:].islower())):
            return False
        scripts.update(_script(ch) for ch in part)
    if len(scripts) != 1:
        return not scripts
    script = scripts.pop()
    letters = [ch for ch in word if ch.isalpha()]
    if script == "cyrillic":
        if len(word) == 1:
            return word.lower() in _CYRILLIC_WORDS
        return all(ch in _CYRILLIC for ch in letters)
    if script == "latin":
        return len(letters) < 3 or any(ch.isascii() for ch in letters)
    return script != "other"


def _unquoted(word: str) -> str:
    """``word`` without the punctuation and digits around it (symbols stay: "│ЮУЛСР")."""
    start, end = 0, len(word)
    while start < end and (word[start].isdigit() or unicodedata.category(word[start])[0] == "P"):
        start += 1
    while end > start and (word[end - 1].isdigit()
                           or unicodedata.category(word[end - 1])[0] == "P"):
        end -= 1
    return word[start:end]


def _plausibility(text: str) -> float:
    """Share of the words holding non-ASCII letters that :func:`_plausible_word` accepts."""
    words = [_unquoted(w) for w in text.split()[:5000] if not w.isascii()]
    words = [w for w in words if any(ch.isalpha() and not ch.isascii() for ch in w)]
    if not words:
        return 1.0
    return sum(map(_plausible_word, words)) / len(words)


_MARGIN = 0.2


def _most_plausible(sample: bytes, matches, pages: tuple[str, ...]) -> str | None:
    """The code page (Python codec name) that reads ``sample`` as the most plausible words:
    charset-normalizer's ``best`` unless another of its candidates, or Windows-1251 or -1252, reads
    more of the words as words of one script. On short evidence (a mostly Latin table naming
    one Cyrillic place) charset-normalizer's candidates score alike and it may answer
    Windows-1250 ("Áŕőěóň") or Mac Cyrillic ("Ѕахмут") for a Windows-1251 "Бахмут"; ties
    go to the first page of ``pages`` (Windows-1251 before the rarer Cyrillic pages). None when
    charset-normalizer found no reading (``matches`` are its readings of ``sample`` or of the
    text it was taken from)."""
    best = matches.best()
    if best is None:
        return None
    chosen = codecs.lookup(best.encoding).name
    if chosen.startswith("utf") and b"\x00" in sample:
        return chosen
    order = [codecs.lookup(p).name for p in pages]
    names = {codecs.lookup(m.encoding).name for m in matches} | {"cp1251", "cp1252"}
    candidates = [chosen, *sorted(names & set(order), key=order.index)]
    scores: dict[str, float] = {}
    for codec in candidates:
        if codec.startswith("utf"):
            continue
        try:
            scores[codec] = _plausibility(sample.decode(codec))
        except UnicodeDecodeError:
            continue
    # another reading must be clearly better (a fifth more of the words): on garbled text
    # (mojibake already in the file) every reading is poor and charset-normalizer's stands;
    # UTF-16/32 without NUL bytes (a short sample's pairs of letters) is never kept
    if not scores or scores.get(chosen, -1.0) + _MARGIN > max(scores.values()):
        return chosen
    top = max(scores.values())
    return next(c for c, s in scores.items() if s == top)


def _detect(data: bytes, source: str) -> Decoded:
    matches = _matches(data, TEXT_CODE_PAGES)
    best = matches.best()
    if best is None:
        kind = "NUL bytes" if b"\x00" in data[:65536] else "bytes no text encoding fits"
        raise InputError(f"{source}: binary data ({kind}), not text")
    codec = codecs.lookup(best.encoding).name
    text = str(best)
    if not codec.startswith("utf"):
        plausible = _most_plausible(_high_lines(data) + b"\x00" * (b"\x00" in data[:65536]),
                                    matches, TEXT_CODE_PAGES)
        if plausible is not None and plausible != codec:
            codec, text = plausible, data.decode(plausible)
    if codec != "cp1252" and not codec.startswith("utf"):
        western = _western_instead(data, text)
        if western is not None:
            return Decoded(western, "cp1252", legacy=True)
    return Decoded(text, codec, legacy=True)


def _foreign_share(text: str) -> float:
    """Share of the non-space characters outside Latin, Cyrillic, punctuation and symbols."""
    sample = [ch for ch in text[:20000] if not ch.isspace()]
    foreign = sum(1 for ch in sample if ord(ch) > 0x24F and not 0x400 <= ord(ch) <= 0x52F
                  and not 0x2000 <= ord(ch) <= 0x20CF and not 0x2100 <= ord(ch) <= 0x21FF)
    return foreign / max(1, len(sample))


def _checked(decoded: Decoded, source: str) -> Decoded:
    if _too_many_controls(decoded.text):
        raise InputError(f"{source}: binary data (control characters), not text")
    # bytes of any binary file pair up into UTF-16 "characters"; text in geomap's languages is
    # Latin or Cyrillic
    if decoded.encoding.startswith(("utf-16", "utf-32")) and _foreign_share(decoded.text) > 0.5:
        raise InputError(f"{source}: binary data, or {decoded.encoding.upper()} text in "
                             "neither Latin nor Cyrillic script")
    return decoded


# -- event tables and other large files: decided in a streaming pass ------------------------


#: Code pages event tables come in: the news code pages plus Central European, Greek, Turkish,
#: Baltic and Latin-1/-9. They must differ from :data:`TEXT_CODE_PAGES`: event tables name
#: places and actors of every country (a Polish export in cp1250 reads "Łódź"; with the text
#: list it read "£ódŸ", Turkish cp1254 "Ýstanbul", Greek cp1253 Cyrillic letters; tests in
#: test_encoding.py), and a table's sample is only its words with non-ASCII bytes, where the
#: cp1252 preference below settles the ties that whole articles lose.
TABLE_CODE_PAGES: tuple[str, ...] = (
    *_NEWS_CODE_PAGES, "cp1250", "cp1253", "cp1254", "cp1257", "latin_1", "iso8859_15",
)

_CHUNK = 1 << 22
_HIGH_WORD = re.compile(rb"[^\s,;|\"]*[\x80-\xff][^\s,;|\"]*")


class NotText(InputError):
    """The file is binary or undecodable (callers word the message for their kind of file)."""


@dataclass(frozen=True)
class Encoding:
    """The encoding a file was read with (a Python codec name) and why."""

    name: str
    report: str


def _chunks(source: bytes | str | os.PathLike[str]) -> Iterator[bytes]:
    if isinstance(source, bytes):
        for i in range(0, len(source), _CHUNK):
            yield source[i:i + _CHUNK]
        return
    with open(source, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            yield chunk


def _decodes(source: bytes | str | os.PathLike[str], encoding: str) -> int | None:
    """None when all of ``source`` decodes as ``encoding``, else the offset of the first error."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    try:
        for chunk in _chunks(source):
            decoder.decode(chunk)
            offset += len(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return offset + exc.start
    return None


def _high_lines(source: bytes | str | os.PathLike[str], limit: int = 100_000) -> bytes:
    """Up to ``limit`` bytes of distinct words holding non-ASCII bytes, from the whole file
    (what tells code pages apart; the ASCII around them only dilutes the evidence)."""
    words: dict[bytes, None] = {}
    size = 0
    for chunk in _chunks(source):
        for m in _HIGH_WORD.finditer(chunk):
            word = m.group()
            if word not in words:
                words[word] = None
                size += len(word) + 1
                if size >= limit:
                    return b" ".join(words)
    return b" ".join(words)


def detect_file_encoding(source: bytes | str | os.PathLike[str], head: bytes, name: str,
                         given: str | None = None) -> Encoding:
    """The encoding of a file (path, read in chunks, never whole) or its bytes, with a report.

    ``head`` is the file's first 64 kB. A ``given`` encoding must decode the whole file; else a
    BOM decides, then NUL bytes mean UTF-16/32 without a BOM (or binary), then UTF-8 when valid
    throughout, then charset-normalizer over :data:`TABLE_CODE_PAGES` on the words holding
    non-ASCII bytes (cp1252 when it reads them the same), checked against the whole file, with
    cp1252 and Latin-1 as fallbacks. Raises :class:`NotText` for binary content and
    :class:`~geomap.exceptions.InputError` for a ``given`` encoding that is unknown or fails.
    """
    if given:
        try:
            codecs.lookup(given)
        except LookupError as exc:
            raise InputError(f"{name}: unknown encoding {given!r}") from exc
        bad = _decodes(source, given)
        if bad is not None:
            raise InputError(f"{name}: cannot decode as {given} (byte {bad})")
        return Encoding(given, f"{given} (given)")
    for bom, enc in _BOMS:
        if head.startswith(bom):
            if _decodes(source, enc) is not None:
                raise NotText(f"{name}: starts with a {enc} byte order mark but is not {enc}")
            return Encoding(enc, f"{enc} (byte-order mark)")
    if b"\x00" in head:
        best = _best_match(head, TABLE_CODE_PAGES)
        codec = best.encoding if best is not None else ""
        if codec.startswith(("utf_16", "utf_32")) and _decodes(source, codec) is None:
            enc = codec.replace("_", "-")
            return Encoding(enc, f"{enc} without byte-order mark (charset-normalizer)")
        raise NotText(f"{name}: binary data (NUL bytes), not text")
    bad = _decodes(source, "utf-8")
    if bad is None:
        if _too_many_controls(head.decode("utf-8", errors="replace")):
            raise NotText(f"{name}: binary data (control characters), not text")
        return Encoding("utf-8", "utf-8 (valid throughout)")
    sample = _high_lines(source)
    guess = _most_plausible(sample, _matches(sample, TABLE_CODE_PAGES), TABLE_CODE_PAGES)
    guess = guess or "cp1252"
    if guess != "cp1252":
        try:
            text = sample.decode(guess)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _western_instead(sample, text, mixed_words=False) is not None:
            guess = "cp1252"
    for enc in dict.fromkeys((guess, "cp1252", "latin-1")):
        if _decodes(source, enc) is None:
            if _too_many_controls(head.decode(enc, errors="replace")):
                raise NotText(f"{name}: binary data (control characters), not text")
            how = "charset-normalizer" if enc == guess else f"after {guess} failed"
            codec = codecs.lookup(enc).name
            return Encoding(codec, f"{codec} (not UTF-8 at byte {bad}; {how})")
    raise NotText(f"{name}: no text encoding fits")  # pragma: no cover - latin-1 decodes any bytes
