"""Pair quotation marks into quoted pieces, paragraph by paragraph.

Scraped news mixes curly, straight and (in headlines) single quotes, and leaves broken marks
such as ``won"t``. Pairing is a small state machine per paragraph: each mark gets a role from
its neighbours (opening, closing, either, or an apostrophe that is no mark at all), and an
opening mark pairs with the next mark that can close. A paragraph that ends inside a quote
continues into the next one when that paragraph opens with a quotation mark (the newspaper
convention for quotes that run over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "either", "none"]

DOUBLE_OPENERS = "“„‟«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚"
SINGLE_CLOSERS = "’"
_DOUBLE = re.compile(r'["“”„‟«»]')
# Two apostrophes stand for a double mark in some wire copy (''Yes,'' he said); they are
# matched here only so that they are skipped, not taken for two single quotes.
_SINGLE = re.compile(r"''|['‘’‚]")
_PARAGRAPH = re.compile(r"[^\n]+")
# Quote marks inside markup (<tweet author="...">) are attribute delimiters, not quotations.
_TAG = re.compile(r"<[^<>\n]{1,300}>")
# Characters after which a straight mark opens a quote, and before which it closes one.
_OPEN_AFTER = "([{—–-/:;"
_CLOSE_BEFORE = ",.;:!?)]}—–-…"
# A line this short that does not end a sentence reads as a headline, where single quotes mark
# quotations ("Sheinbaum says action 'won't happen'"). Calibrated on the sample and PolNeAR
# headlines (median 11 words, none over 25).
HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class Piece:
    """One quoted stretch: the characters between an opening and a closing mark."""

    start: int
    """Offset just after the opening mark."""
    end: int
    """Offset of the closing mark (or of the paragraph end when the quote runs on)."""
    closed: bool = True
    """False when no closing mark was found in the paragraph."""
    continues: bool = False
    """True when the quote runs on into the next paragraph."""
    single: bool = False
    """True for a single-quoted piece (headlines only)."""


def find_pieces(text: str) -> list[Piece]:
    """Every quoted piece of ``text``, in order."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    pieces: list[Piece] = []
    for index, (start, end) in enumerate(paragraphs):
        found = _pair(text, start, end, DOUBLE)
        if not found and _is_headline(text[start:end]):
            found = [p for p in _pair(text, start, end, SINGLE) if p.closed]
            found = [Piece(p.start, p.end, single=True) for p in found]
        if found and not found[-1].closed:
            last = found[-1]
            runs_on = index + 1 < len(paragraphs) and _opens_with_mark(text, paragraphs[index + 1])
            at_start = not text[start:last.start - 1].strip()
            if runs_on or at_start:
                found[-1] = Piece(last.start, last.end, closed=False, continues=runs_on)
            else:
                found.pop()
        pieces.extend(found)
    return pieces


def _opens_with_mark(text: str, paragraph: tuple[int, int]) -> bool:
    head = text[paragraph[0]:paragraph[1]].lstrip()
    return bool(head) and head[0] in '"“„«'


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= HEADLINE_MAX_WORDS and (
        stripped[-1] not in ".!?")


@dataclass(frozen=True, slots=True)
class MarkSet:
    """A family of quotation marks: how to find them, and which open or close."""

    pattern: re.Pattern[str]
    openers: str
    closers: str


DOUBLE = MarkSet(_DOUBLE, DOUBLE_OPENERS, DOUBLE_CLOSERS)
SINGLE = MarkSet(_SINGLE, SINGLE_OPENERS, SINGLE_CLOSERS)


def role(text: str, start: int, end: int, marks: MarkSet) -> Role:
    """What the mark ``text[start:end]`` can do, judged from its neighbours."""
    mark = text[start:end]
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < len(text) else " "
    if len(mark) > 1 or (prev.isalnum() and nxt.isalnum()):
        return "none"  # an apostrophe (won"t, Mexico's) or a doubled one, never a quote mark
    after_space = prev.isspace() or prev in _OPEN_AFTER
    before_space = nxt.isspace() or nxt in _CLOSE_BEFORE
    if mark in marks.openers:  # an opener glued to a word and followed by a space closes
        return "close" if before_space and not after_space else "open"
    if mark in marks.closers:
        return "open" if after_space and nxt.isalnum() else "close"
    kinds: dict[tuple[bool, bool], Role] = {(True, False): "open", (False, True): "close"}
    return kinds.get((after_space, before_space), "either")


def _pair(text: str, start: int, end: int, marks: MarkSet) -> list[Piece]:
    pieces: list[Piece] = []
    open_at: int | None = None
    tags = [m.span() for m in _TAG.finditer(text, start, end)] if "<" in text[start:end] else []
    for match in marks.pattern.finditer(text, start, end):
        i = match.start()
        if tags and any(s <= i < e for s, e in tags):
            continue
        kind = role(text, match.start(), match.end(), marks)
        if kind == "none":
            continue
        if open_at is None:
            if kind in ("open", "either"):
                open_at = match.end()
        elif kind in ("close", "either"):
            pieces.append(Piece(open_at, i))
            open_at = None
        else:
            open_at = match.end()  # a second opener: the first one was a stray mark
    if open_at is not None:
        stop = len(text[:end].rstrip())
        pieces.append(Piece(open_at, max(open_at, stop), closed=False))
    return pieces
