"""Rules for calendar expressions: explicit dates, month and weekday names, years, holidays."""

from __future__ import annotations

import datetime as dt
import re

from generator.timex import resolve
from generator.timex.base import Context, Resolved, Rule, compile_rule, inside_name, norm
from generator.timex.patterns import (
    FLOATING_HOLIDAYS,
    HOLIDAYS,
    MONTH_ALONE_RE,
    MONTH_RE,
    MONTHS,
    ORDINAL_RE,
    ORDINALS,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    alternation,
)

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
"""Decades named in words ("the nineties"): read as the 1900s, as news uses them."""

TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CT", "PT", "GMT",
              "UTC", "BST", "CET", "CEST", "IST", "JST", "AEST", "AEDT", "local time")
"""Zones that may follow a clock time ("9 a.m. EST Tuesday"); other capitals are not zones."""

# Two-digit years up to this value are read as 20xx, above it as 19xx ("3/4/98" is 1998).
# Chosen so that news archives from the 1950s onward and today's news both read right.
TWO_DIGIT_YEAR_PIVOT = 49

# Month and weekday names come first in their expressions: at most "Wednesday, the beginning
# of " (28 characters) before the name and ". 3rd, 1998" after it.
NAME_REACH = (32, 16)

MODIFIER_RE = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year(text: str) -> int:
    number = int(text.lstrip("'"))
    if number >= 100:
        return number
    return number + (2000 if number <= TWO_DIGIT_YEAR_PIVOT else 1900)


def iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``2025-11-03`` and ``2025-11-03T10:00``."""
    value = resolve.safe_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if value is None:
        return None
    if m["H"]:
        return f"{value}T{m['H']}:{m['M']}", "TIME"
    return value, "DATE"


def numeric_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``11/3/2025`` (US order unless the first number cannot be a month)."""
    first, second = int(m["a"]), int(m["b"])
    month_number, day_number = (second, first) if first > 12 else (first, second)
    value = resolve.safe_day(_year(m["y"]), month_number, day_number)
    return (value, "DATE") if value else None


def month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``Nov. 3``, ``November 3rd, 2025``, ``3 Nov 2025``, ``Friday, Oct. 23``."""
    month_number, day_number = _month(m["mon"]), int(m["d"])
    if m["y"]:
        value = resolve.safe_day(_year(m["y"]), month_number, day_number)
    elif ctx.reference is None:
        value = f"XXXX-{month_number:02d}-{day_number:02d}" if 1 <= day_number <= 31 else None
    else:
        value = resolve.month_day(ctx.reference, month_number, day_number, ctx.tense(m))
    return (value, "DATE") if value else None


def month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``November 2025``, ``early March 1998``, ``June last year``."""
    if m["y"]:
        return f"{_year(m['y']):04d}-{_month(m['mon']):02d}", "DATE"
    if ctx.reference is None:
        return f"XXXX-{_month(m['mon']):02d}", "DATE"
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return f"{ctx.reference.year + shift:04d}-{_month(m['mon']):02d}", "DATE"


def month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``in February``, ``last May``, ``mid-November``: the year comes from the tense."""
    month_number = _month(m["mon"])
    relation = _relation(m["rel"])
    if m["mon"].lower() in ("may", "march") and not m["rel"] and not _MAY_BEFORE.search(
            ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "May" and "March" the verbs, capitalised at a sentence start.
    if ctx.reference is None:
        return f"XXXX-{month_number:02d}", "DATE"
    year = resolve.month_year(ctx.reference, month_number, ctx.tense(m), relation)
    return f"{year:04d}-{month_number:02d}", "DATE"


_MAY_BEFORE = re.compile(r"\b(?:in|since|until|by|during|through|before|after|from|of|"
                         r"between|early|late|mid|last|next|this)[\s-]+$", re.IGNORECASE)

_RELATIONS = {
    "last": "last", "this past": "last", "the previous": "last", "past": "last",
    "next": "next", "this coming": "next", "the following": "next", "coming": "next",
    "this": "this",
}


def _relation(word: str | None) -> str | None:
    return _RELATIONS.get(norm(word))


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``Friday``, ``last Friday``, ``Thursday morning``."""
    target = WEEKDAYS[m["wd"].lower()]
    if ctx.reference is None:
        return f"XXXX-WXX-{target + 1}", "DATE"
    value = resolve.weekday(ctx.reference, target, ctx.tense(m), _relation(m["rel"]))
    if m["pod"] and m["pod"].lower() == "evening":
        return f"{value}TEV", "TIME"  # TimeBank marks evenings, not mornings or nights.
    return value, "DATE"


def day_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``yesterday``, ``today``, ``tomorrow``, ``tonight``, ``late yesterday``."""
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
    if inside_name(ctx.text, m.start("w")):
        return None  # "USA Today", "Good Morning America Today".
    if ctx.reference is None:
        return "XXXX-XX-XX", "DATE"
    value = ctx.reference + dt.timedelta(days=offsets[m["w"].lower()])
    return resolve.day(value), "DATE"


def part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``this morning``, ``last night``, ``yesterday afternoon`` (TIME, TIMEX3 ``TMO`` etc.)."""
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1, "tonight": 0}
    code = PARTS_OF_DAY[norm(m["pod"])]
    if ctx.reference is None:
        return f"XXXX-XX-XXT{code}", "TIME"
    when = ctx.reference + dt.timedelta(days=offset[m["anchor"].lower()])
    return f"{resolve.day(when)}T{code}", "TIME"


def clock_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``10 p.m.``, ``7:15 p.m. Friday``, ``noon``: the day is what follows, else the reference."""
    if m["named"]:
        hour, minute = (24 if m["named"].lower() == "midnight" else 12), 0
    else:
        if not 1 <= int(m["h"]) <= 12:
            return None  # "00 pm", "17 pm": not a twelve-hour clock time.
        hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
        hour += 12 if m["ap"].lower().startswith("p") else 0
    if minute > 59:
        return None
    date_part = _time_day(m, ctx)
    return f"{date_part}T{hour:02d}:{minute:02d}", "TIME"


def _time_day(m: re.Match[str], ctx: Context) -> str:
    if ctx.reference is None:
        return "XXXX-XX-XX"
    if m["wd"]:
        return resolve.weekday(ctx.reference, WEEKDAYS[m["wd"].lower()], ctx.tense(m), None)
    if m["mon"]:
        found = resolve.month_day(ctx.reference, _month(m["mon"]), int(m["d"]), ctx.tense(m))
        return found or resolve.day(ctx.reference)
    if m["dw"]:
        offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
        return resolve.day(ctx.reference + dt.timedelta(days=offsets[m["dw"].lower()]))
    return resolve.day(ctx.reference)


def year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``1998``, ``fiscal 1989``, ``early 1990``."""
    return f"{int(m['y']):04d}", "DATE"


def decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``the 1990s``, ``the '80s``, ``the early 1990s``: TIMEX3 ``199X``."""
    if m["c"]:
        return f"{m['c']}{m['d']}X", "DATE"
    if m["word"]:
        return f"19{DECADE_WORDS[m['word'].lower()]}X", "DATE"
    century = "19" if ctx.reference is None or int(m["d2"]) > ctx.reference.year % 100 // 10 \
        else str(ctx.reference.year // 100)
    return f"{century}{m['d2']}X", "DATE"


def century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``the 20th century`` is TIMEX3 ``19``."""
    return f"{ORDINALS[m['ord'].lower()] - 1:02d}", "DATE"


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``Christmas``, ``Thanksgiving Day``, ``Easter``, ``Election Day``."""
    name = norm(m["name"]).replace("’", "'")
    year_given = int(m["y"]) if m["y"] else None
    reference = dt.date(year_given, 6, 30) if year_given else ctx.reference
    if reference is None:
        return None
    tense = None if year_given else ctx.tense(m)
    if name in HOLIDAYS:
        month_number, day_number = HOLIDAYS[name]
        if year_given:
            return resolve.safe_day(year_given, month_number, day_number) or "", "DATE"
        return resolve.holiday_fixed(reference, month_number, day_number, tense), "DATE"
    rule = FLOATING_HOLIDAYS.get(name, (4, 6, 1))
    if year_given:
        reference = dt.date(year_given, rule[0], 1)
    return resolve.holiday_floating(reference, name, rule, tense), "DATE"


_HOLIDAY_NAMES = [*HOLIDAYS, *FLOATING_HOLIDAYS, "easter"]
_HOLIDAY_FIRST_WORDS = {re.split(r"\W", name)[0] for name in _HOLIDAY_NAMES}
_MONTH_WORDS = tuple(MONTHS)
_WEEKDAY_WORDS = tuple(WEEKDAYS)
_POD_WORDS = ("morning", "afternoon", "evening", "night")
_POD = rf"(?:\s+(?P<pod>{PART_OF_DAY_RE})\b)?"

RULES: tuple[Rule, ...] = (
    compile_rule("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                 r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::\d{2})?)?\b", iso_date, ("#4",)),
    compile_rule("numeric", r"(?<![\d/])\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b"
                 r"(?![/\d])", numeric_date, ("#", "#4")),
    compile_rule("month_day",
                 rf"\b(?:{WEEKDAY_RE},?\s+)?(?:(?:{MODIFIER_RE})[\s-]+)?(?P<mon>{MONTH_RE})\s+"
                 rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:\d|\.\d|,\d)"
                 rf"(?:\s?,?\s+(?P<y>{YEAR_RE})\b)?", month_day, _MONTH_WORDS, NAME_REACH),
    compile_rule("day_month",
                 rf"\b(?:{WEEKDAY_RE},?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                 rf"(?P<mon>{MONTH_RE})(?:\s?,?\s+(?P<y>{YEAR_RE}))?\b", month_day,
                 _MONTH_WORDS, NAME_REACH),
    compile_rule("month_year",
                 rf"\b(?:(?:{MODIFIER_RE})[\s-]+)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?"
                 rf"(?:(?P<y>{YEAR_RE})\b|(?P<rel>last|this|next)\s+year\b)", month_year,
                 _MONTH_WORDS, NAME_REACH),
    compile_rule("month",
                 rf"(?:\b(?P<rel>last|next|this|this\s+past|this\s+coming|early|late|mid|"
                 rf"earlier\s+in|later\s+in)[\s-]+)?(?P<mon>{MONTH_ALONE_RE})(?!\w)", month_alone,
                 _MONTH_WORDS, NAME_REACH),
    compile_rule("weekday",
                 rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|early|late|"
                 rf"the\s+previous|the\s+following)\s+)?(?P<wd>{WEEKDAY_RE})\b{_POD}", weekday,
                 _WEEKDAY_WORDS, NAME_REACH),
    compile_rule("day_word",
                 r"\b(?:(?:early|late|earlier|later)\s+)?(?P<w>yesterday|today|tomorrow|"
                 r"tonight)\b(?:\s+(?:morning|afternoon|evening|night)\b)?", day_word,
                 ("yesterday", "today", "tomorrow", "tonight")),
    compile_rule("part_of_day",
                 rf"\b(?P<anchor>this|last)\s+(?P<pod>{PART_OF_DAY_RE})\b", part_of_day,
                 _POD_WORDS),
    compile_rule("clock",
                 rf"\b(?:(?:around|about|approximately)\s+)?"
                 rf"(?:(?P<h>\d{{1,2}})(?:\s?[:.]\s?(?P<mi>\d{{2}}))?"
                 rf"\s*(?P<ap>[ap]\.m\b\.?|[ap]m\b)|(?P<named>noon|midnight|midday))"
                 rf"(?:\s+(?-i:{alternation(TIME_ZONES)})\b)?(?:,?\s+(?:(?P<wd>{WEEKDAY_RE})|"
                 rf"(?P<dw>yesterday|today|tomorrow|tonight)\b|(?P<mon>{MONTH_RE})\s+"
                 rf"(?P<d>\d{{1,2}})\b))?", clock_time,
                 ("m", "am", "pm", "noon", "midnight", "midday")),
    compile_rule("decade",
                 r"\b(?:(?:early|mid|late)[\s-]+)?(?:(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s\b"
                 rf"|(?<=the\s)(?P<word>{alternation(DECADE_WORDS)})\b)",
                 decade, ("#4", "#", *DECADE_WORDS)),
    compile_rule("century", rf"\b(?P<ord>{ORDINAL_RE})[\s-]+century\b", century, ("century",)),
    compile_rule("year",
                 rf"(?<![\d$.,#/-])\b(?:(?:fiscal|calendar|{MODIFIER_RE})[\s-]+)?(?P<y>{YEAR_RE})"
                 # A clock time in four digits is no year: "at 1930 GMT", "at 0600 hours".
                 r"\b(?![.,]\d|%|-\d|/\d|\s*(?:percent|per\s+cent)"
                 rf"|\s+(?-i:{alternation(TIME_ZONES)})\b|\s+(?:hours|hrs)\b)", year, ("#4",)),
    compile_rule("holiday",
                 rf"\b(?P<name>{alternation(_HOLIDAY_NAMES)})(?:,?\s+(?P<y>{YEAR_RE}))?\b",
                 holiday, _HOLIDAY_FIRST_WORDS),
)
