"""Sentence boundaries, good enough for popups and event extraction from news prose."""

from __future__ import annotations

import bisect
import re

__all__ = ["SentenceIndex"]

# a sentence ends at . ! ? (optionally closed by quotes/brackets) before white space and a
# capital, digit or quote, except after common abbreviations; a blank line always ends one
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|St|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|U\.S|U\.N|U\.K|Inc|Corp|Co|vs|etc|e\.g|"
                     r"i\.e|[A-Z])\.)$")
# a capital after the stop: Latin or Cyrillic ("... Харківщині. Внаслідок удару ...")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“'‘«(\[]?[A-Z0-9А-ЯЁІЇЄҐ])"
                       r"|\n\s*\n|\n(?=\s*[-•*])")


class SentenceIndex:
    """Sentence spans of a text, and the sentence around any offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 6) : m.end()]):
                continue
            starts.append(m.end())
        self.starts = sorted(set(starts))

    def span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence containing ``offset``, without surrounding space."""
        i = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[max(i, 0)]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def spans(self) -> list[tuple[int, int]]:
        out = []
        for i, s in enumerate(self.starts):
            e = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            a, b = self.span(s) if s < len(self.text) else (s, s)
            if b > a:
                out.append((a, min(b, e)))
        return out
