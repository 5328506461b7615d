"""Text files in whatever encoding they come: one decoder for every reader of text input.

UTF-8 (with or without a byte order mark) is read as is. Anything else is decided by
charset-normalizer among the encodings news text in geomap's languages (English, Ukrainian,
Russian) is really saved in: UTF-16/32 (spreadsheets, Windows "Unicode" text), Windows-1252,
Windows-1251, KOI8-R/U, Mac Cyrillic, DOS 866 and ISO 8859-5; the decision is returned so that
callers can report it. Binary data (NUL bytes outside UTF-16/32, control characters, no encoding
that fits) raises :class:`~geomap.exceptions.InputError` with a reason, never a traceback.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .exceptions import InputError

__all__ = ["Decoded", "binary_reason", "decode_text"]

#: Legacy encodings charset-normalizer may choose from (Central European code pages are left out:
#: for Western text they win ties against Windows-1252 and turn "naïve" into "naďve").
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252", "cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5",
    "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
)  # fmt: skip

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

    def note(self, source: str) -> str:
        """One line for the report: ``"a.txt: decoded as cp1252 (not UTF-8)"``."""
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
    return _checked(_detect(data, source), source)


def _detect(data: bytes, source: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        kind = "NUL bytes" if b"\x00" in data[:65536] else "bytes no text encoding fits"
        raise InputError(f"{source}: binary data ({kind}), not text")
    codec = codecs.lookup(best.encoding).name
    text = str(best)
    if codec != "cp1252" and not codec.startswith("utf"):
        # Windows-1251 and 1252 share their punctuation: say 1252 when the text is the same; a
        # Cyrillic letter inside a Latin word ("Cafй") means a Western text read as Cyrillic.
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        if western is not None and (western == text or _MIXED_WORD.search(text)):
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
