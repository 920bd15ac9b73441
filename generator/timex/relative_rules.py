"""Rules for expressions anchored to the reference date.

``last week``, ``two years ago``, ``the third quarter``, ``this summer``, ``the first half``.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.timex import resolve
from generator.timex.base import (
    Context,
    Resolved,
    Rule,
    compile_rule,
    inside_name,
    norm,
    parse_number,
)
from generator.timex.patterns import (
    APPROX_RE,
    NUMBER_RE,
    ORDINALS,
    SEASON_RE,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    YEAR_RE,
)

RELATIVE_OFFSETS: dict[str, int] = {
    "last": -1, "past": -1, "the past": -1, "the last": -1, "the previous": -1, "the prior": -1,
    "this past": -1, "previous": -1, "prior": -1,
    "this": 0, "the current": 0, "current": 0, "the": 0, "this coming": 1, "the full": 0,
    "the latest": -1, "that": 0, "the same": 0,
    "next": 1, "the next": 1, "the coming": 1, "the following": 1, "coming": 1,
}
"""Relative modifier -> how many units from the reference's own unit (``last year`` -> -1)."""

UNIT_CODES: dict[str, str] = {
    "week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
    "fiscal year": "Y", "calendar year": "Y", "fiscal": "Y",
}

BARE_THE_DURATION = {"Y": "P1Y", "DE": "P10Y", "CE": "P100Y"}
"""``the year`` alone is annotated as a one-year duration in TimeBank, not as a date."""

BACKWARD = {"ago", "earlier", "before", "previously", "back", "prior"}
FORWARD = {"later", "after", "from now", "hence", "on"}

_QUARTER_BACK_ONE_YEAR = ("year-earlier", "year-ago", "last year's", "prior-year",
                          "year earlier", "year ago")
_QUARTER_LATEST = ("latest", "most recent", "recent", "past", "previous", "prior", "last",
                   "just-ended", "just ended", "recently ended")
_QUARTER_CURRENT = ("current", "this", "present")


def relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``last week``, ``this month``, ``next year``, ``earlier this year``, ``the weekend``."""
    unit = UNIT_CODES[norm(m["unit"])]
    relation = norm(m["rel"])
    if relation in ("that", "the same") and unit == "Y" and ctx.last_year:
        return ctx.last_year, "DATE"
    if relation == "the" and unit in BARE_THE_DURATION and not m["mod"]:
        return BARE_THE_DURATION[unit], "DURATION"
    if relation in ("the past", "the last", "this") and unit in ("DE", "CE"):
        return BARE_THE_DURATION[unit], "DURATION"  # TimeBank: "this century" is P100Y.
    if ctx.reference is None:
        return {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}.get(unit, "XXXX"), "DATE"
    if unit == "WE":
        return _weekend(ctx, m, relation), "DATE"
    offset = RELATIVE_OFFSETS[relation]
    return resolve.at_precision(resolve.shift(ctx.reference, unit, offset), unit), "DATE"


def _weekend(ctx: Context, m: re.Match[str], relation: str) -> str:
    """The weekend meant by "the weekend" or "this weekend".

    Early in the week it is the one just gone, late in the week the coming one; the tense
    overrides either.
    """
    reference = ctx.reference or dt.date.min
    offset = RELATIVE_OFFSETS[relation]
    if offset == 0 and reference.weekday() < 5:
        tense = ctx.tense(m)
        looks_back = tense == "past" or (tense is None and reference.weekday() < 3)
        offset = -1 if looks_back else 0
    return resolve.weekend(reference + dt.timedelta(weeks=offset))


def ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``two years ago``, ``three days later``: a point in time, at the unit's precision."""
    if re.match(r"(?:second|minute|hour)", m["unit"], re.IGNORECASE):
        return None  # "two hours later" needs a clock anchor we do not have.
    amount = parse_number(m["n"])
    unit = _unit_code(m["unit"])
    direction = -1 if norm(m["dir"]) in BACKWARD else 1
    if amount is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), "DATE"
    if ctx.reference is None:
        return "XXXX", "DATE"
    if unit == "Y" and amount == 1 and ctx.last_quarter:
        year, number = ctx.last_quarter.split("-Q")
        return resolve.quarter(int(year) - 1, int(number)), "DATE"
    if unit == "DE":
        unit, amount = "Y", amount * 10
    when = resolve.shift(ctx.reference, unit, direction * amount)
    return resolve.at_precision(when, unit), "DATE"


def _unit_code(word: str) -> str:
    lower = word.lower()
    lower = UNIT_PLURALS.get(lower, lower.removesuffix("s"))
    return {"fortnight": "W"}.get(lower, UNITS[lower])


def quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``the third quarter``, ``third-quarter``, ``the latest quarter``, ``Q3 1998``, ..."""
    words = norm(m.group())
    number = _quarter_number(m)
    written = re.search(r"\b(?:1[6-9]|20)\d\d\b", m["ords"] or "")
    explicit = m["y"] or m["y2"] or m["y3"] or (written.group() if written else None)
    back = any(w in words for w in _QUARTER_BACK_ONE_YEAR)
    if number is None and (norm(m["det"]) in ("a", "an") or not (m["det"] or m["ords"])):
        return None  # "a quarter of the vote" is a fraction; a bare "quarter" is too vague.
    if ctx.reference is None and not explicit:
        return (f"XXXX-Q{number}" if number else "XXXX-QX"), "DATE"
    if number is None and explicit:
        # "the 1988 quarter": the quarter under discussion, in the year written.
        base = ctx.last_quarter or resolve.last_completed_quarter(ctx.reference or dt.date.min)
        return f"{explicit}-Q{base[-1]}", "DATE"
    if number is not None:
        year = int(explicit) if explicit else resolve.quarter_year(
            ctx.reference or dt.date.min, number)
        return resolve.quarter(year - (1 if back and not explicit else 0), number), "DATE"
    return _unnumbered_quarter(ctx, words, back), "DATE"


def _quarter_number(m: re.Match[str]) -> int | None:
    if m["q"] or m["qq"]:
        return int(m["q"] or m["qq"])
    for word in re.findall(r"[a-z0-9]+", (m["ords"] or "").lower()):
        if word in ORDINALS and ORDINALS[word] <= 4:
            return ORDINALS[word]
    return None


def _unnumbered_quarter(ctx: Context, words: str, back: bool) -> str:
    reference = ctx.reference or dt.date.min
    year, current = resolve.quarter_of(reference)
    if back:
        base = ctx.last_quarter or resolve.last_completed_quarter(reference)
        base_year, base_number = base.split("-Q")
        return resolve.quarter(int(base_year) - 1, int(base_number))
    if any(re.search(rf"\b{w}\b", words) for w in _QUARTER_CURRENT):
        return resolve.quarter(year, current)
    if re.search(r"\bnext\b|\bcoming\b", words):
        return resolve.quarter(year, current + 1)
    if any(re.search(rf"\b{w}\b", words) for w in _QUARTER_LATEST):
        return resolve.last_completed_quarter(reference)
    return ctx.last_quarter or resolve.last_completed_quarter(reference)


def year_end(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``year-end`` (TIMEX3 gives the day, Dec. 31) and ``year's end`` (the year)."""
    shift = {"last": -1, "next": 1}.get(norm(m["rel"]), 0)
    if ctx.reference is None:
        return "XXXX", "DATE"
    year = ctx.reference.year + shift
    return (f"{year:04d}-12-31" if "-" in m["form"] else f"{year:04d}"), "DATE"


def half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``the first half``, ``the second half of 1998``: TIMEX3 ``1998-H1``."""
    which = 1 if m["which"].lower() in ("first", "front") else 2
    if m["y"]:
        return f"{m['y']}-H{which}", "DATE"
    if ctx.reference is None:
        return f"XXXX-H{which}", "DATE"
    offset = RELATIVE_OFFSETS.get(norm(m["rel"]), 0) if m["rel"] else 0
    year = ctx.reference.year + offset
    if not m["rel"] and which == 2 and ctx.reference.month <= 6 and ctx.tense(m) == "past":
        year -= 1
    return f"{year:04d}-H{which}", "DATE"


def season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """``last fall``, ``this summer``, ``the winter of 1998``: TIMEX3 ``1998-WI``."""
    code = SEASONS[m["s"].lower()]
    if m["s"].lower() == "fall" and not (m["rel"] or m["y"]):
        return None  # "prices fall".
    if not m["rel"] and inside_name(ctx.text, m.start("s")):
        return None  # "the Arab Spring", "Prague Spring".
    if m["y"]:
        return f"{m['y']}-{code}", "DATE"
    if ctx.reference is None:
        return f"XXXX-{code}", "DATE"
    relation = {-1: "last", 0: "this", 1: "next"}.get(RELATIVE_OFFSETS.get(norm(m["rel"]), 9))
    if norm(m["rel"]) in ("the", "early", "late", "mid", "the early", "the late"):
        relation = None
    return resolve.season(ctx.reference, code, ctx.tense(m), relation), "DATE"


_ORDINAL_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_QUARTER_ADJ = (r"(?:latest|current|previous|prior|past|year-earlier|year-ago|year\s+earlier|"
                r"comparable|same|most\s+recent|recent|flat|final|just-ended|"
                r"disappointing|strong|weak|fiscal|calendar|"
                rf"{YEAR_RE}|{_ORDINAL_Q})")

_REL_UNIT = (r"week(?:end)?|month|year|decade|century|fiscal\s+year|calendar\s+year")

RULES: tuple[Rule, ...] = (
    compile_rule(
        "relative_unit",
        r"\b(?:(?P<mod>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|"
        r"the\s+start\s+of|the\s+middle\s+of|mid|until|the\s+rest\s+of|(?:early|late|earlier|later)\s+in)[\s-]+)?"
        r"(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+last|"
        r"the\s+previous|the\s+prior|the\s+next|the\s+coming|the\s+current|the\s+following|"
        r"that|the\s+same|the\s+full|the\s+latest|the)"
        rf"\s+(?P<unit>{_REL_UNIT})\b(?!-|\s+(?:of|ago|earlier)\b)",
        relative_unit, ("week", "weekend", "month", "year", "decade", "century", "fiscal")),
    compile_rule(
        "ago",
        rf"\b(?:{APPROX_RE}\s+)?(?P<n>{NUMBER_RE})[\s-]+(?P<unit>(?:second|minute|hour|day|"
        r"week|fortnight|month|year|decade|quarter)s?|centur(?:y|ies))"
        r"\s+(?P<dir>ago|earlier|from\s+now|hence|back)\b"
        r"(?!\s+(?:than|that|the|a|his|her|its|their|when|in\s+\w+\s+when)\b)",
        ago, ("ago", "earlier", "now", "hence", "back")),
    compile_rule(
        "quarter",
        rf"\b(?:(?P<det>the|its|their|this|last|next|that|a|an|this\s+year's|last\s+year's|"
        rf"the\s+company's)\s+)?(?:(?P<y3>{YEAR_RE})\s+)?"
        rf"(?P<ords>(?:{_QUARTER_ADJ}[\s-]+){{0,3}})quarter\b(?!s|-?century)"
        rf"(?:,?\s+(?:of\s+|in\s+)?(?:fiscal\s+)?(?P<y>{YEAR_RE})\b)?"
        rf"(?:\s+a\s+year\s+(?:ago|earlier))?"
        rf"|\b(?:(?-i:Q)(?P<q>[1-4])|(?P<qq>[1-4])(?-i:Q))\b(?:\s+(?P<y2>{YEAR_RE}))?",
        quarter, ("quarter", "q")),
    compile_rule(
        "year_end",
        r"\b(?:(?P<rel>last|this|next)\s+)?(?P<form>year-end|year's\s+end)\b(?!\s+(?:of\s+)?\d)",
        year_end, ("end",)),
    compile_rule(
        "half",
        r"\b(?:the\s+)?(?P<which>first|second|last|latter|back|front)\s+half\b"
        rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>{YEAR_RE})\b|(?P<rel>this|last|next|the)\s+year\b))?",
        half, ("half",)),
    compile_rule(
        "season",
        r"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|early|late|the|mid|the\s+early|"
        rf"the\s+late|the\s+past|the\s+coming)[\s-]+)?(?P<s>{SEASON_RE})\b"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR_RE})\b)?",
        season, tuple(SEASONS)),
)
