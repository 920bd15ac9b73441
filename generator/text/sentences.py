"""Split news text into sentences without breaking at abbreviations (U.S., Nov., Mr.).

Shared by events (one event per dated sentence or clause) and summary (central sentences).
"""

from __future__ import annotations

import re

# Words that end with a period without ending the sentence. Months and titles are the
# common cases in news copy; initials ("C.") and dotted acronyms ("U.S.", "U.N.") are matched
# by pattern below instead of being listed.
ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "sen", "rep", "gov", "pres", "sec", "amb", "rev", "st", "jr", "sr", "mt", "ft",
    "inc", "corp", "co", "ltd", "bros", "dept", "univ", "vs", "approx", "est", "fig",
})

# A candidate boundary: terminal punctuation, optional closing quotes or brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")  # "U.S" (final dot stripped), "C"


# Characters a sentence's last word is made of (``_LAST_WORD``).
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_CLOSERS = "\"'”’)]"


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: paragraphs (lines) first, then terminal punctuation.

    Returns:
        ``(start, end)`` character offsets, whitespace trimmed, in text order.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for match in _BOUNDARY.finditer(line.group()):
            end = line.start() + match.end()
            if _is_abbreviation(text, start, end):
                continue
            spans.append(_trim(text, start, end))
            start = end
        spans.append(_trim(text, start, line.end()))
    return [s for s in spans if s[1] > s[0]]


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends in an abbreviation's period, not a full stop."""
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    # A match is a run of letters and dots ending at ``end``: search only that run, found
    # by stepping back over it (searching every sentence from its start was the cost).
    low = end
    while low > start and text[low - 1] in _WORD_CHARS:
        low -= 1
    match = _LAST_WORD.search(text, low, end)
    if not match:
        return False
    word = match.group(1)
    return word.lower() in ABBREVIATIONS or bool(_DOTTED_ACRONYM.match(word))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
