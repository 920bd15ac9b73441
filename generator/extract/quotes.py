"""Find direct quotations and their speakers.

``find_quotes(text)`` pairs quotation marks (``generator.text.quotemarks``), drops what only looks
like a quotation (titles, nicknames, scare quotes, single words in quotes) and names each
quote's speaker (``generator.extract.speakers``).

Choices:
- A quote split by its attribution (``"X," he said. "Y."``) gives two quotes with the same
  speaker, and a quote running over several paragraphs gives one quote per paragraph, all with
  the speaker of the first part. Each ``Quote`` is thus one verbatim stretch of the text, which
  is what key quotes must show.
- ``Quote.text`` is the quoted words with surrounding spaces and a trailing comma removed;
  ``start``/``end`` delimit exactly the words inside the marks.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from generator.extract.speakers import attribute
from generator.model import Quote
from generator.text.cuegrammar import sentence_start
from generator.text.persons import lexicon, words
from generator.text.quotemarks import Piece, find_pieces

log = logging.getLogger(__name__)

# Quotes of at most this many words are scare quotes, titles or modifiers unless the sentence
# around them attributes something ("... accused him of "extreme carelessness""). Calibrated on
# PolNeAR train: a 1-4 word piece in a sentence with a speech verb is a quotation in 92-96% of
# cases; without one, 57-75% for lower case and 25-45% for title case.
SHORT_WORDS = 4
# Title-case pieces up to this length (show, book and slogan names) need a speech verb in their
# sentence, and never count after a title context ("on CNN's "State of the Union"").
TITLE_WORDS = 5
_SO_CALLED = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|known as|titled|entitled|the (?:words?|terms?|"
    r"phrases?|slogan|hashtag|label|name)|hashtag)\s*$", re.IGNORECASE)
_TITLE_CONTEXT = re.compile(
    r"(?:\b(?:on|show|film|movie|book|memoir|series|album|song|program|programme|podcast|"
    r"column|newsletter|magazine|network|channel|broadcast|sitcom|drama|play|musical|segment|"
    r"edition|starring)|['’]s)\s*$", re.IGNORECASE)
_FUNCTION_WORDS = words(
    "and or but nor to in on of for at by with from as that than then when while which who if "
    "is was are were be been has have had will would can could should may might must do did "
    "does not so because after before since until he she it they we i you this these those "
    "the a an his her its their our my your")


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation in ``text`` with its speaker and cue.

    Args:
        text: an article's cleaned text.

    Returns:
        Quotes in text order; ``speaker`` is a full name or an organisation, or None when the
        text does not say who spoke (never a pronoun).
    """
    pieces = [p for p in find_pieces(text) if _is_quotation(text, p)]
    quotes = []
    for piece, who in zip(pieces, attribute(text, pieces), strict=True):
        words = text[piece.start:piece.end]
        stripped = words.strip().rstrip(",").rstrip()
        lead = len(words) - len(words.lstrip())
        quotes.append(Quote(piece.start + lead, piece.start + lead + len(stripped), stripped,
                            who.speaker, who.cue, who.role))
    return quotes


def _is_quotation(text: str, piece: Piece) -> bool:
    """False for what only looks like a quotation (see the rules table)."""
    inner = text[piece.start:piece.end].strip()
    if not any(c.isalpha() for c in inner):
        return False
    words = inner.split()
    for name, rule in REJECT_RULES:
        if rule(text, piece, words):
            log.debug("not a quotation (%s): %r", name, inner[:60])
            return False
    return True


def _before(text: str, piece: Piece, size: int = 40) -> str:
    return text[max(0, piece.start - 1 - size):piece.start - 1]


def _after(text: str, piece: Piece, size: int = 40) -> str:
    return text[piece.end + 1:piece.end + 1 + size]


def _has_cue(text: str, piece: Piece) -> bool:
    """A speech verb in the quote's sentence: before it, or among the first words after it."""
    verbs = lexicon("speech_verbs")
    begin = sentence_start(text, 0, piece.start - 1)
    before = re.findall(r"[a-z]+", text[begin:piece.start].lower())
    after = re.findall(r"[a-z]+", _after(text, piece, 40).lower())[:4]
    return any(w in verbs for w in before + after) or "according to" in " ".join(before + after)


def _title_case(words: list[str]) -> bool:
    letters = [w for w in words if w[:1].isalpha()]
    return bool(letters) and all(w[:1].isupper() for w in letters if w.lower() not in (
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "de", "la"))


def _so_called(text: str, piece: Piece, words: list[str]) -> bool:
    return len(words) <= SHORT_WORDS and bool(_SO_CALLED.search(_before(text, piece)))


def _title(text: str, piece: Piece, words: list[str]) -> bool:
    if len(words) > TITLE_WORDS or not _title_case(words) or piece.single:
        return False
    return bool(_TITLE_CONTEXT.search(_before(text, piece))) or not _has_cue(text, piece)


def _modifier(text: str, piece: Piece, words: list[str]) -> bool:
    """A short quote used as a modifier: the "American Pie" star, the "Never Trump" movement."""
    if len(words) > SHORT_WORDS or words[-1][-1:] in ",.!?;:":
        return False
    nxt = re.match(r"[ \t]+([a-z][a-z-]+)", _after(text, piece))
    if not nxt or nxt.group(1) in _FUNCTION_WORDS or nxt.group(1) in lexicon("speech_verbs"):
        return False
    return not _has_cue(text, piece)


def _lone_word(text: str, piece: Piece, words: list[str]) -> bool:
    """A single quoted word with no speech verb around it is emphasis, not a quotation."""
    return len(words) == 1 and not _has_cue(text, piece)


REJECT_RULES: tuple[tuple[str, Callable[[str, Piece, list[str]], bool]], ...] = (
    ("so-called", _so_called),
    ("title", _title),
    ("modifier", _modifier),
    ("lone word", _lone_word),
)
"""Rules that reject a quoted piece, in order: (name, predicate(text, piece, words))."""
