"""Date arithmetic that anchors relative expressions: tables of reference, input, expected."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.timex import resolve
from generator.timex.base import parse_number
from generator.timex.patterns import trie_regex

FRI = dt.date(2025, 11, 14)  # a Friday in ISO week 46, fourth quarter


@pytest.mark.parametrize(("target", "tense", "relation", "expected"), [
    (4, None, None, "2025-11-14"),      # the reference's own weekday is the reference day
    (1, "past", None, "2025-11-11"),
    (1, "future", None, "2025-11-18"),
    (1, None, None, "2025-11-11"),      # news looks back by default
    (4, None, "last", "2025-11-07"),
    (4, None, "next", "2025-11-21"),
    (0, None, "this", "2025-11-10"),
])
def test_weekday(target: int, tense: str | None, relation: str | None, expected: str) -> None:
    assert resolve.weekday(FRI, target, tense, relation) == expected


@pytest.mark.parametrize(("month", "tense", "relation", "expected"), [
    (2, "past", None, 2025), (2, "future", None, 2026), (2, None, None, 2025),
    (1, None, None, 2026), (4, None, None, 2025), (12, "past", None, 2024), (5, None, None, 2025),
    (11, None, "last", 2024), (11, None, "next", 2026), (3, None, "this", 2025),
])
def test_month_year(month: int, tense: str | None, relation: str | None, expected: int) -> None:
    assert resolve.month_year(FRI, month, tense, relation) == expected


@pytest.mark.parametrize(("month", "day", "tense", "expected"), [
    (11, 3, None, "2025-11-03"),
    (11, 20, "past", "2025-11-20"),      # within two months: the nearest, whatever the tense
    (3, 31, "past", "2025-03-31"),
    (1, 31, "past", "2025-01-31"),       # nearest would be next January; the tense says past
    (1, 31, "future", "2026-01-31"),
    (2, 30, None, None),
])
def test_month_day(month: int, day: int, tense: str | None, expected: str | None) -> None:
    assert resolve.month_day(FRI, month, day, tense) == expected


@pytest.mark.parametrize(("unit", "amount", "expected"), [
    ("D", -3, "2025-11-11"), ("W", -1, "2025-W45"), ("M", -1, "2025-10"), ("Q", -1, "2025-Q3"),
    ("Y", -2, "2023"), ("DE", -1, "201X"), ("M", 3, "2026-02"), ("WE", 0, "2025-W46-WE"),
])
def test_shift_at_precision(unit: str, amount: int, expected: str) -> None:
    assert resolve.at_precision(resolve.shift(FRI, unit, amount), unit) == expected


@pytest.mark.parametrize(("reference", "code", "tense", "relation", "expected"), [
    (dt.date(1999, 4, 10), "FA", None, "last", "1998-FA"),
    (dt.date(1989, 10, 30), "SP", None, "last", "1989-SP"),
    (dt.date(1989, 11, 1), "SU", None, "this", "1989-SU"),
    (dt.date(1998, 3, 1), "SU", None, "next", "1998-SU"),
    (dt.date(1998, 1, 15), "WI", None, "this", "1997-WI"),
])
def test_season(reference: dt.date, code: str, tense: str | None, relation: str | None,
                expected: str) -> None:
    assert resolve.season(reference, code, tense, relation) == expected


@pytest.mark.parametrize(("reference", "number", "expected"), [
    (dt.date(1989, 10, 26), 3, 1989), (dt.date(1989, 10, 26), 4, 1989),
    (dt.date(1990, 1, 20), 4, 1989), (dt.date(1990, 1, 20), 2, 1990),
])
def test_quarter_year(reference: dt.date, number: int, expected: int) -> None:
    assert resolve.quarter_year(reference, number) == expected


def test_quarter_wraps_years() -> None:
    assert resolve.quarter(1990, 0) == "1989-Q4"
    assert resolve.last_completed_quarter(dt.date(1990, 2, 1)) == "1989-Q4"


@pytest.mark.parametrize(("name", "year", "expected"), [
    ("thanksgiving", 2025, "2025-11-27"), ("easter", 2000, "2000-04-23"),
    ("election day", 2024, "2024-11-05"), ("labor day", 2025, "2025-09-01"),
])
def test_floating_holidays(name: str, year: int, expected: str) -> None:
    from generator.timex.patterns import FLOATING_HOLIDAYS
    rule = FLOATING_HOLIDAYS.get(name, (4, 6, 1))
    assert resolve.holiday_floating(dt.date(year, rule[0], 1), name, rule, None) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("3", 3), ("three", 3), ("twenty-five", 25), ("twenty five", 25), ("a", 1),
    ("several", None), ("a few", None), ("a couple of", 2),
])
def test_parse_number(word: str, expected: int | None) -> None:
    assert parse_number(word) == expected


def test_trie_regex_matches_exactly_the_words() -> None:
    import re
    pattern = re.compile(r"\b" + trie_regex(["day", "days", "daily", "week"]) + r"\b")
    assert pattern.findall("day days daily week weeks dais") == ["day", "days", "daily", "week"]
