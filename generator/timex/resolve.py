"""Date arithmetic that anchors relative expressions to a reference date.

Every function takes the reference (the article's publication date) and returns a TIMEX3 value
string at the precision the expression carries. Tense is one of ``"past"``, ``"future"`` or
``None`` (unknown); where it matters it picks the occurrence before or after the reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from generator.timex.patterns import SEASON_START_MONTH

Tense = str | None

# A month named without a year, when the tense does not decide, is taken in the coming
# NEAREST_MONTHS_AHEAD months or else in the past year: news mostly looks back, but "in
# February" written in December means next February. Calibrated on TempEval-3 dev: 3, 4, 5 and
# 6 months ahead score within 0.002 value F1 of each other; 3 fits today's news samples best
# ("In February, Trump designated..." in a November article is this year's February).
NEAREST_MONTHS_AHEAD = 3

# A day within this many days of the reference is taken in the nearest year whatever the tense:
# "the deadline of Jan. 14" in a past-tense sentence of a Jan. 7 article is next week, not last
# year. The tense detector is right about the clause, not always about the date.
TENSE_DECIDES_AFTER_DAYS = 62


def day(value: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return value.isoformat()


def week(value: dt.date) -> str:
    """ISO week ``YYYY-Www`` of a day."""
    year, number, _ = value.isocalendar()
    return f"{year:04d}-W{number:02d}"


def weekend(value: dt.date) -> str:
    """The weekend of a day's ISO week: ``YYYY-Www-WE``."""
    return week(value) + "-WE"


def month(value: dt.date) -> str:
    """``YYYY-MM``."""
    return f"{value.year:04d}-{value.month:02d}"


def quarter_of(value: dt.date) -> tuple[int, int]:
    """(year, quarter 1-4) of a day."""
    return value.year, (value.month - 1) // 3 + 1


def quarter(year: int, number: int) -> str:
    """``YYYY-Qn``, normalising a quarter number outside 1-4 into the right year."""
    year += (number - 1) // 4
    number = (number - 1) % 4 + 1
    return f"{year:04d}-Q{number}"


def shift(reference: dt.date, unit: str, amount: int) -> dt.date:
    """The reference moved by ``amount`` units (D, W, M, Q, Y, DE, CE); calendar-aware."""
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}
    if unit == "D":
        return reference + dt.timedelta(days=amount)
    if unit in ("W", "WE"):
        return reference + dt.timedelta(weeks=amount)
    return reference + relativedelta(months=months[unit] * amount)


_PRECISION: dict[str, Callable[[dt.date], str]] = {
    "D": day, "W": week, "WE": weekend, "M": month,
    "Q": lambda v: quarter(*quarter_of(v)),
    "DE": lambda v: f"{v.year // 10:03d}X",
    "CE": lambda v: f"{v.year // 100:02d}",
}


def at_precision(value: dt.date, unit: str) -> str:
    """A day rendered at the precision of ``unit`` (``Y`` -> ``2025``, ``W`` -> ``2025-W46``)."""
    render = _PRECISION.get(unit)
    return render(value) if render else f"{value.year:04d}"


def weekday(reference: dt.date, target: int, tense: Tense, relation: str | None) -> str:
    """The day named by a weekday (Monday 0) near the reference.

    ``relation`` is the modifier: ``last``, ``next``, ``this`` or None. A bare weekday that is
    the reference's own weekday is the reference day (news says "Friday" for today).
    """
    delta = (target - reference.weekday()) % 7
    if relation == "next":
        return day(reference + dt.timedelta(days=delta or 7))
    if relation == "last":
        return day(reference - dt.timedelta(days=(7 - delta) % 7 or 7))
    if relation == "this":
        return day(reference - dt.timedelta(days=reference.weekday() - target))
    if delta == 0:
        return day(reference)
    if tense == "future":
        return day(reference + dt.timedelta(days=delta))
    return day(reference - dt.timedelta(days=7 - delta))


_RELATION_SHIFT: dict[str, Callable[[int], int]] = {
    "last": lambda offset: -1 if offset >= 0 else 0,
    "next": lambda offset: 1 if offset <= 0 else 0,
    "this": lambda offset: 0,
}
_TENSE_SHIFT: dict[str, Callable[[int], int]] = {
    "past": lambda offset: -1 if offset > 0 else 0,
    "future": lambda offset: 1 if offset < 0 else 0,
}


def month_year(reference: dt.date, month_number: int, tense: Tense, relation: str | None) -> int:
    """The year of a month named without one (``in February``, ``last May``)."""
    offset = month_number - reference.month
    if relation in _RELATION_SHIFT:
        return reference.year + _RELATION_SHIFT[relation](offset)
    if tense in _TENSE_SHIFT:
        return reference.year + _TENSE_SHIFT[tense](offset)
    if offset > NEAREST_MONTHS_AHEAD:
        return reference.year - 1
    return reference.year + (1 if offset < -(12 - NEAREST_MONTHS_AHEAD) else 0)


def month_day(reference: dt.date, month_number: int, day_number: int, tense: Tense) -> str | None:
    """The full date of a month and day named without a year (``Nov. 3``)."""
    year = month_year(reference, month_number, None, None)
    nearest = safe_day(year, month_number, day_number)
    if nearest is None:
        return None
    offset = (dt.date.fromisoformat(nearest) - reference).days
    if tense == "past" and offset > TENSE_DECIDES_AFTER_DAYS:
        year -= 1
    elif tense == "future" and offset < -TENSE_DECIDES_AFTER_DAYS:
        year += 1
    return safe_day(year, month_number, day_number)


def safe_day(year: int, month_number: int, day_number: int) -> str | None:
    """``YYYY-MM-DD`` or None when the day does not exist."""
    try:
        return day(dt.date(year, month_number, day_number))
    except ValueError:
        return None


def season(reference: dt.date, code: str, tense: Tense, relation: str | None) -> str:
    """``YYYY-SU`` for a season named without a year."""
    start = SEASON_START_MONTH[code]
    current = reference.month if reference.month != 12 else 12
    year = reference.year
    started = start <= current or (code == "WI" and reference.month <= 2)
    if code == "WI" and reference.month <= 2:
        year -= 1  # Winter is labelled by the year it starts in.
    if relation == "last" or (relation is None and tense == "past"):
        if not started or (relation == "last" and _is_current_season(reference, code)):
            year -= 1
    elif relation == "next" and (started or _is_current_season(reference, code)):
        year += 1
    return f"{year:04d}-{code}"


def _is_current_season(reference: dt.date, code: str) -> bool:
    start = SEASON_START_MONTH[code]
    return (reference.month - start) % 12 < 3


def holiday_fixed(reference: dt.date, month_number: int, day_number: int, tense: Tense) -> str:
    """A fixed-date holiday near the reference."""
    return month_day(reference, month_number, day_number, tense) or ""


def nth_weekday(year: int, month_number: int, target: int, nth: int) -> dt.date:
    """The ``nth`` (1-based, -1 for last) weekday ``target`` of a month."""
    days = [d for d in range(1, calendar.monthrange(year, month_number)[1] + 1)
            if dt.date(year, month_number, d).weekday() == target]
    return dt.date(year, month_number, days[nth if nth < 0 else nth - 1])


def holiday_floating(reference: dt.date, name: str, rule: tuple[int, int, int],
                     tense: Tense) -> str:
    """A holiday defined by its weekday (Thanksgiving) or Easter, near the reference."""
    year = month_year(reference, rule[0], tense, None)
    if name == "easter":
        return day(easter(year))
    if name == "election day":
        first_monday = nth_weekday(year, 11, 0, 1)
        return day(first_monday + dt.timedelta(days=1))
    return day(nth_weekday(year, rule[0], rule[1], rule[2]))


def last_completed_quarter(reference: dt.date) -> str:
    """The quarter before the reference's: what "the latest quarter" reports on."""
    year, number = quarter_of(reference)
    return quarter(year, number - 1)


def quarter_year(reference: dt.date, number: int) -> int:
    """The year of "the third quarter" written without one.

    A quarter more than one ahead of the reference's is last year's: fourth-quarter results
    reported in January are last year's, a fourth-quarter forecast in October is this year's.
    """
    year, current = quarter_of(reference)
    return year - 1 if number > current + 1 else year
