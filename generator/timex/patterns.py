"""Word tables and regular-expression fragments for temporal expressions.

Everything here is data: the vocabularies a rule may use and the fragments built from them.
The rules themselves (which fragment means what) live in ``rules.py``; the date arithmetic in
``resolve.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
"""Python weekday numbers (Monday 0); TIMEX3 ``XXXX-WXX-N`` uses these plus one."""

# Abbreviated weekday names are too ambiguous ("sat", "sun", "wed") to stand alone.
WEEKDAY_FULL = tuple(name for name in WEEKDAYS if name.endswith("day"))

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0, "a couple of": 2,
    "couple of": 2,
}

VAGUE_QUANTITIES = ("a few", "few", "several", "many", "some", "a number of")
"""Counts that make a duration's length unknown: ``several years`` is ``PXY``."""

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11,
    "11th": 11, "twelfth": 12, "12th": 12, "twentieth": 20, "20th": 20, "21st": 21,
    "twenty-first": 21, "nineteenth": 19, "19th": 19,
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
    "quarter": "Q", "weekend": "WE",
}
"""Unit word -> TIMEX3 duration letter (times of day take the ``PT`` prefix)."""

TIME_UNITS = frozenset({"second", "minute", "hour"})

UNIT_PLURALS: dict[str, str] = {"centuries": "century", "nights": "night"}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "mid-afternoon": "AF",
    "midafternoon": "AF", "mid afternoon": "AF",
}

REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF",
    "recent days": "PAST_REF", "recent years": "PAST_REF", "past years": "PAST_REF",
    "the future": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming days": "FUTURE_REF",
    "coming quarters": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the long term": "FUTURE_REF",
}
"""Vague references to the present, past and future (TimeBank annotates them as DATEs)."""

CURRENT_NOT_TIME = ("account", "accounts", "affairs", "assets", "liabilities", "events",
                    "flows", "flow", "carrying", "deficit", "surplus", "density", "law")
"""Nouns after ``current`` that make it a non-temporal adjective (``current account``)."""

SET_ADVERBS: dict[str, tuple[str, str]] = {
    "daily": ("P1D", "SET"), "nightly": ("P1D", "SET"), "weekly": ("P1W", "SET"),
    "monthly": ("P1M", "SET"), "yearly": ("P1Y", "SET"),
    "hourly": ("PT1H", "SET"), "biweekly": ("P2W", "SET"),
}
"""Frequency adverbs. ``quarterly`` and ``annually`` are left out: in financial news they
qualify reports and dividends ("quarterly dividend") and TimeBank rarely annotates them."""

DAY_WORDS: dict[str, int] = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
"""Day offsets of the deictic day words."""

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "boxing day": (12, 26), "bastille day": (7, 14),
}
"""Fixed-date holidays: (month, day)."""

FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving day": (11, 3, 4), "thanksgiving": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "election day": (11, 1, 1), "martin luther king day": (1, 0, 3),
    "presidents day": (2, 0, 3), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
}
"""(month, weekday, nth) with nth -1 for the last one. Election Day is the Tuesday after the
first Monday; as the first Tuesday on or after Nov 2 it is computed in resolve.py."""

APPROX_MODIFIERS = (
    "about", "around", "some", "nearly", "almost", "approximately", "roughly", "more than",
    "less than", "over", "under", "at least", "at most", "up to", "only", "just", "barely",
    "fewer than", "upwards of", "as many as", "as much as", "as long as", "no more than",
    "well over", "a full", "a further", "an additional", "another",
)
"""Words that may open a duration or ``ago`` expression; TimeBank keeps them in the span."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so the longest surface form wins."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, built as a prefix trie (``day(?:s)?``).

    Python's engine tries a flat alternation word by word at every position; a trie shares
    the prefixes and fails after one character at most positions.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie) or "(?!)"


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items())
                if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def proper_names(words: Iterable[str]) -> str:
    """Like ``alternation`` but case-sensitive: ``Capitalised`` or ``UPPER`` forms only.

    Month and weekday names must be capitalised: "may", "march", "sun" are ordinary words.
    """
    forms = [f(w) for w in words for f in (str.capitalize, str.upper)]
    return "(?-i:" + alternation(forms) + ")"


MONTH_FULL_RE = proper_names(w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july"))
_FULL_SHORT = ("may", "june", "july")
MONTH_ABBR_RE = proper_names(w for w in MONTHS if len(w) <= 4 and w not in _FULL_SHORT)
MONTH_RE = rf"(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE}\.?)"
"""A month name; an abbreviation may drop its period only where a day number follows."""
MONTH_ALONE_RE = rf"(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE}\.)"
WEEKDAY_RE = proper_names(WEEKDAY_FULL)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_DIGIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_RE = (
    r"(?:\d+(?:\.\d+)?|" + alternation(_TENS) + r"(?:[\s-]+" + alternation(_DIGIT_WORDS) + r")?"
    + r"|" + alternation(w for w in NUMBER_WORDS if w not in (*_TENS, "a", "an"))
    + r"|an?(?![\s-]+[a-z]+s\b)"  # "a year", but not the "a" of "a decades-long feud"
    + r"|" + alternation(VAGUE_QUANTITIES) + r")"
)
"""A count: digits, number words up to ninety-nine, or a vague quantity."""
ORDINAL_RE = alternation(ORDINALS)
SEASON_RE = alternation(SEASONS)
PART_OF_DAY_RE = alternation(PARTS_OF_DAY)
APPROX_RE = alternation(APPROX_MODIFIERS)
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
