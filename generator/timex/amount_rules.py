"""Rules for lengths, frequencies and vague references.

Lengths: ``three years``, ``two-day``; frequencies: ``every week``, ``daily``; vague references:
``now``, ``recently``, ``the future``.
"""

from __future__ import annotations

import re

from generator.timex import resolve
from generator.timex.base import Context, Resolved, Rule, compile_rule, norm, parse_number
from generator.timex.patterns import (
    APPROX_RE,
    CURRENT_NOT_TIME,
    NUMBER_RE,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SET_ADVERBS,
    UNIT_PLURALS,
    WEEKDAY_FULL,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    alternation,
)

# Unit -> (TIMEX3 letter, multiplier): decades and centuries are written in years, quarters
# in TimeBank's own ``Q`` letter.
DURATION_UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1), "night": ("D", 1),
    "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1), "year": ("Y", 1),
    "decade": ("Y", 10), "century": ("Y", 100), "quarter": ("Q", 1),
}
CLOCK_UNITS = frozenset({"second", "minute", "hour"})

_MONEY_OR_RATE_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|times|once|twice|"
                                   r"euros?|pounds?|yen|barrels|tons|miles)\s*$", re.IGNORECASE)
"""What precedes ``a year`` when it is a rate ("$5 a year", "twice a day"): a SET."""


def _unit(word: str) -> str:
    lower = word.lower()
    return UNIT_PLURALS.get(lower, lower.removesuffix("s"))


def duration_value(amount: int | None, unit: str) -> str:
    """TIMEX3 duration for ``amount`` units: ``P3Y``, ``PT2H``; ``PXM`` for a vague amount."""
    letter, factor = DURATION_UNITS[unit]
    prefix = "PT" if unit in CLOCK_UNITS else "P"
    count = "X" if amount is None else str(amount * factor)
    return f"{prefix}{count}{letter}"


def duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``three years``, ``the past five years``, ``two-day``, ``12 to 18 months``."""
    unit = _unit(m["unit"])
    words = norm(m["n"])
    if unit == "quarter" and (words in ("a", "an", "one") or "-quarters" in m.group().lower()):
        return None  # "a quarter of", "three-quarters" are fractions.
    if unit == "second" and words in ("a", "an"):
        return None  # "a second time", "a second term": the ordinal.
    amount = None if m["n2"] else parse_number(m["n"])
    if words in ("a", "an") and _MONEY_OR_RATE_BEFORE.search(
            ctx.text, max(0, m.start() - 12), m.start()):
        return duration_value(1, unit), "SET"
    if amount == 0:
        return None
    return duration_value(amount, unit), "DURATION"


def set_adverb(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``daily``, ``weekly``, ``annually``."""
    return SET_ADVERBS[m.group().lower()]


def reference_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``now``, ``currently``, ``recently``, ``the future``: TimeBank's ``*_REF`` values."""
    key = norm(m["w"])
    if key == "current":
        following = re.match(r"\s+(\w+)", ctx.text[m.end():m.end() + 30])
        if following and following.group(1).lower() in CURRENT_NOT_TIME:
            return None
    return REFERENCE_WORDS[key], "DATE"


def year_earlier_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``the year-earlier period``, ``year-ago``: the period under discussion, a year back.

    The period under discussion is the last quarter the document named, else the last year.
    """
    if m["y"]:
        base = ctx.last_quarter
        return (f"{m['y']}-Q{base[-1]}" if base else m["y"]), "DATE"
    if ctx.last_quarter:
        year, number = ctx.last_quarter.split("-Q")
        return resolve.quarter(int(year) - 1, int(number)), "DATE"
    if ctx.reference is None:
        return "XXXX", "DATE"
    return f"{ctx.reference.year - 1:04d}", "DATE"


def bare_plural(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``for years``, ``in recent months``, ``day-long``, ``decades-long``."""
    if m["unit3"]:
        word = m["unit3"].lower()
        return duration_value(None if word.endswith("s") else 1, _unit(word)), "DURATION"
    unit = m["unit"] or m["unit2"]
    return duration_value(None, _unit(unit)), "DURATION"


def every(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Dispatch for ``every ...`` and plural weekdays."""
    weekday = m["wd"] or m["wd2"]
    if weekday:
        part = f"T{PARTS_OF_DAY[m['pod'].lower()]}" if m["pod"] else ""
        return f"XXXX-WXX-{WEEKDAYS[weekday.lower()] + 1}{part}", "SET"
    amount = parse_number(m["n"]) if m["n"] else 1
    return duration_value(amount or 1, _unit(m["unit"])), "SET"


_UNIT_WORD = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|quarter)s?"
_UNIT_ANY = rf"(?:{_UNIT_WORD}|centur(?:y|ies))"
_DURATION_LEAD = (r"(?:the\s+)?(?:past|last|next|first|coming|previous|final|following|"
                  r"latest|remaining|ensuing|initial|same|year-earlier|year-ago|other)")
_REFERENCE_KEYS = list(REFERENCE_WORDS)

# A duration ends with its unit word (at most "-long" after it).
UNIT_LAST_REACH = (48, 12)
_UNIT_TRIGGERS = (*DURATION_UNITS, *(f"{u}s" for u in DURATION_UNITS), "centuries")
_REFERENCE_TRIGGERS = {key.split()[-1] for key in REFERENCE_WORDS}

RULES: tuple[Rule, ...] = (
    compile_rule(
        "duration",
        rf"\b(?:{APPROX_RE}\s+(?!the\b))?(?:{_DURATION_LEAD}\s+)?(?:(?:the|its|their)\s+)?"
        rf"(?P<n>{NUMBER_RE})(?:\s+(?:to|or)\s+(?P<n2>{NUMBER_RE}))?"
        r"(?:\s+(?:more|additional|straight|consecutive|full|trading|business|calendar))?"
        rf"[\s-]+(?P<unit>{_UNIT_ANY})\b(?:-long)?(?![\s-]+old\b)",
        duration, _UNIT_TRIGGERS, UNIT_LAST_REACH),
    compile_rule(
        "bare_plural",
        r"\b(?P<unit3>day|week|month|year|decade|centur(?:y|ies)|(?:day|week|month|year|decade)s)"
        r"-long\b|"
        r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bthan\s))"
        r"(?P<unit>years|months|weeks|decades|centuries)\b"
        r"|\brecent\s+(?P<unit2>months|weeks)\b",
        bare_plural, ("years", "months", "weeks", "decades", "centuries", "long")),
    compile_rule(
        "every",
        rf"\b(?:every|each|per)\s+(?:(?:other|single)\s+)?(?:(?P<n>{NUMBER_RE})\s+)?"
        rf"(?:(?P<unit>{_UNIT_ANY})|(?P<wd>{WEEKDAY_RE}))\b"
        rf"|\b(?P<wd2>{WEEKDAY_RE})(?:s|\s+(?P<pod>morning|afternoon|evening|night)s)\b",
        every, ("every", "each", "per", *WEEKDAY_FULL, *(f"{d}s" for d in WEEKDAY_FULL))),
    compile_rule("set_adverb", rf"\b{alternation(SET_ADVERBS)}\b", set_adverb, tuple(SET_ADVERBS)),
    compile_rule("reference", rf"\b(?P<w>{alternation(_REFERENCE_KEYS)})\b(?![-'’]\w)",
                 reference_word, _REFERENCE_TRIGGERS),
    compile_rule(
        "year_earlier_period",
        rf"\b(?:(?:the|a)\s+)?(?:comparable\s+|same\s+)?(?:(?P<y>{YEAR_RE})\s+period\b|"
        r"year-(?:earlier|ago)(?:\s+(?:period|levels?|results?))?\b)",
        year_earlier_period, ("period", "earlier", "ago")),
)

