"""The shape of a rule: a compiled pattern and a function that turns its match into a value."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.timex.patterns import NUMBER_WORDS, VAGUE_QUANTITIES
from generator.timex.tense import tense_at

Resolved = tuple[str, str]
"""(TIMEX3 value, TIMEX3 type)."""


@dataclass
class Context:
    """What a rule may know besides its match: the text, the reference date, the document so far.

    ``last_quarter`` and ``last_value`` carry discourse state: financial news says "the quarter"
    and "a year ago" meaning the quarter it has been talking about.
    """

    text: str
    reference: dt.date | None
    last_quarter: str | None = None
    last_year: str | None = None

    def tense(self, match: re.Match[str]) -> str | None:
        """Tense of the clause around ``match``."""
        return tense_at(self.text, match.start(), match.end())


Handler = Callable[[re.Match[str], Context], Resolved | None]


@dataclass(frozen=True)
class Rule:
    """A named surface pattern and its resolver; order in a rule table breaks length ties.

    ``triggers`` are lower-case words (``#`` for any number, ``#4`` for a four-digit one) at
    least one of which every match contains: the pattern only runs near them, which keeps a
    5 KB article well under the 5 ms budget.
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    triggers: frozenset[str]
    reach: tuple[int, int] = (48, 48)
    """How many characters before and after a trigger a match may extend, lookaheads included."""


# The longest prefixes before a trigger word ("approximately the past twenty-five" before
# "years") and suffixes after it (", 1998" after "Nov. 3") fit in 48 characters: on TempEval-3
# dev, widening every reach to 96 found no further match.
DEFAULT_REACH = (48, 48)


def compile_rule(name: str, pattern: str, handler: Handler, triggers: Iterable[str],
                 reach: tuple[int, int] = DEFAULT_REACH) -> Rule:
    """A Rule whose pattern is compiled once, case-insensitive (names guard their own case)."""
    words = frozenset(w for t in triggers for w in re.findall(r"#4|#|[a-z]+", t.lower()))
    return Rule(name, re.compile(pattern, re.IGNORECASE), handler, words, reach)


def parse_number(word: str) -> int | None:
    """The integer a count names (``3``, ``three``, ``twenty-five``); None when it is vague."""
    lower = " ".join(word.lower().replace("-", " ").split())
    if lower.replace(".", "", 1).isdigit():
        return round(float(lower))
    if lower in VAGUE_QUANTITIES:
        return None
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower]
    parts = lower.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


_LAST_WORD = re.compile(r"(\S+)\s+$")
_NAME_WORD = re.compile(r"[A-Z][\w&'.-]*[\w&]$")


def inside_name(text: str, start: int) -> bool:
    """True when the capitalised word at ``start`` continues a name ("USA Today", "Arab Spring").

    That is: the word before it is capitalised, has no trailing punctuation, and does not
    itself open a sentence.
    """
    if not text[start:start + 1].isupper():
        return False
    prefix = text[max(0, start - 40):start]
    last = _LAST_WORD.search(prefix)
    if not last or not _NAME_WORD.match(last.group(1)):
        return False
    before = prefix[:last.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\"“'‘:;"


def norm(word: str | None) -> str:
    """Lower case with single spaces (for table look-ups of multi-word groups)."""
    return " ".join((word or "").lower().split())
