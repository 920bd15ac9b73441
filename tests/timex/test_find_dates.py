"""Tables of input, reference date and expected TIMEX3 value, one per family of expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import PartialDate
from generator.timex import find_dates

# Friday 7 August 1998 (a TimeBank-era publication date) and Friday 14 November 2025.
FRI_1998 = dt.date(1998, 8, 7)
FRI_2025 = dt.date(2025, 11, 14)


def _only(text: str, reference: dt.date | None) -> tuple[str, str, str]:
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start:m.end] == m.text
    return m.text, m.value, m.type


ABSOLUTE = [
    ("The law took effect on 2025-11-03.", "2025-11-03", "2025-11-03"),
    ("Filed 11/3/2025 in court.", "11/3/2025", "2025-11-03"),
    ("Filed 25/3/2025 in court.", "25/3/2025", "2025-03-25"),
    ("He was born 3 Nov 2025 in Lyon.", "3 Nov 2025", "2025-11-03"),
    ("It happened on November 3rd, 2024, officials said.", "November 3rd, 2024", "2024-11-03"),
    ("The deal closed in July 1997 after talks.", "July 1997", "1997-07"),
    ("Sales fell in 1990 as well.", "1990", "1990"),
    ("Profits doubled in fiscal 1989.", "fiscal 1989", "1989"),
    ("Prices rose through the 1990s.", "1990s", "199X"),
    ("It was built in the 20th century.", "20th century", "19"),
]


@pytest.mark.parametrize(("text", "surface", "value"), ABSOLUTE)
def test_absolute_dates(text: str, surface: str, value: str) -> None:
    assert _only(text, FRI_2025)[:2] == (surface, value)


RELATIVE = [
    # (text, reference, surface, value)
    ("The bombs exploded Friday, witnesses said.", FRI_1998, "Friday", "1998-08-07"),
    ("The talks collapsed on Tuesday.", FRI_2025, "Tuesday", "2025-11-11"),
    ("The minister will travel on Tuesday.", FRI_2025, "Tuesday", "2025-11-18"),
    ("The mayor was killed last Saturday.", FRI_2025, "last Saturday", "2025-11-08"),
    ("Rubio spoke yesterday in Hamilton.", FRI_2025, "yesterday", "2025-11-13"),
    ("The vote is tomorrow.", FRI_2025, "tomorrow", "2025-11-15"),
    ("Sales fell last week.", FRI_1998, "last week", "1998-W31"),
    ("Sales fell last month.", FRI_2025, "last month", "2025-10"),
    ("Growth will slow next year.", FRI_2025, "next year", "2026"),
    ("Growth slowed earlier this year.", FRI_2025, "earlier this year", "2025"),
    ("Shares fell later this month.", FRI_2025, "later this month", "2025-11"),
    ("The plant closed two years ago.", FRI_2025, "two years ago", "2023"),
    ("The plant closed three days ago.", FRI_2025, "three days ago", "2025-11-11"),
    ("NBC reported it on Nov. 3.", FRI_2025, "Nov. 3", "2025-11-03"),
    ("Its books closed on Sept. 30.", FRI_2025, "Sept. 30", "2025-09-30"),
    ("The group was designated in February.", FRI_2025, "February", "2025-02"),
    ("The summit will be held in February.", FRI_2025, "February", "2026-02"),
    ("Shares rose last fall.", dt.date(1999, 4, 10), "last fall", "1998-FA"),
    ("Profit rose in the third quarter.", dt.date(1989, 10, 26), "the third quarter", "1989-Q3"),
    ("Fourth-quarter profit doubled.", dt.date(1990, 1, 20), "Fourth-quarter", "1989-Q4"),
    ("Revenue grew in the latest quarter.", dt.date(1989, 10, 26), "the latest quarter",
     "1989-Q3"),
    ("Sales rose in the first half.", FRI_1998, "the first half", "1998-H1"),
    ("Markets were calm this week.", FRI_1998, "this week", "1998-W32"),
    ("He spoke this morning.", FRI_1998, "this morning", "1998-08-07TMO"),
    ("The plant opened in June last year.", FRI_2025, "June last year", "2024-06"),
    ("Bids are due by 5 p.m. EST, Nov. 6.", dt.date(1989, 10, 30), "5 p.m. EST, Nov. 6",
     "1989-11-06T17:00"),
    ("Officials confirmed the reports over the weekend.", dt.date(1990, 8, 13), "the weekend",
     "1990-W32-WE"),
    ("Families will gather for Thanksgiving.", FRI_2025, "Thanksgiving", "2025-11-27"),
    ("Prices rose in the late 1970s.", FRI_2025, "late 1970s", "197X"),
    ("Sales will rise in the second half of 2026.", FRI_2025, "the second half of 2026",
     "2026-H2"),
    ("Orders fell in the fourth quarter of 2024.", FRI_2025, "the fourth quarter of 2024",
     "2024-Q4"),
    ("He left the company 18 months ago.", FRI_2025, "18 months ago", "2024-05"),
    ("In February, U.S. President Trump designated six cartels.", FRI_2025, "February",
     "2025-02"),
    ("Sales will be reported in January.", FRI_2025, "January", "2026-01"),
    ("Sales rose in the nineties.", FRI_2025, "nineties", "199X"),
    ("Debt will peak at year-end.", FRI_2025, "year-end", "2025-12-31"),
    ("It was a decades-long feud.", FRI_2025, "decades-long", "PXY"),
]


@pytest.mark.parametrize(("text", "reference", "surface", "value"), RELATIVE)
def test_relative_dates(text: str, reference: dt.date, surface: str, value: str) -> None:
    assert _only(text, reference)[:2] == (surface, value)


VAGUE_AND_AMOUNTS = [
    ("Prices are now higher.", "now", "PRESENT_REF", "DATE"),
    ("Prices recently fell.", "recently", "PAST_REF", "DATE"),
    ("Prices may rise in the future.", "the future", "FUTURE_REF", "DATE"),
    ("Talks lasted three years.", "three years", "P3Y", "DURATION"),
    ("It was a two-day strike.", "two-day", "P2D", "DURATION"),
    ("Sales rose 5% in the past five years.", "the past five years", "P5Y", "DURATION"),
    ("The pump ran for 16 hours.", "16 hours", "PT16H", "DURATION"),
    ("Results are published every week.", "every week", "P1W", "SET"),
    ("Results are published daily.", "daily", "P1D", "SET"),
    ("The fee is $5 a year.", "a year", "P1Y", "SET"),
]


@pytest.mark.parametrize(("text", "surface", "value", "kind"), VAGUE_AND_AMOUNTS)
def test_vague_references_durations_and_sets(text: str, surface: str, value: str,
                                             kind: str) -> None:
    assert _only(text, FRI_2025) == (surface, value, kind)


UNANCHORED = [
    ("The group was designated in February.", "XXXX-02"),
    ("The talks collapsed on Tuesday.", "XXXX-WXX-2"),
    ("NBC reported it on Nov. 3.", "XXXX-11-03"),
    ("The deal closed in July 1997 after talks.", "1997-07"),
]


@pytest.mark.parametrize(("text", "value"), UNANCHORED)
def test_without_reference_values_are_underspecified(text: str, value: str) -> None:
    assert _only(text, None)[1] == value


def test_discourse_quarter_and_year_carry_forward() -> None:
    text = ("Profit rose 5% in the third quarter from $3 million a year ago. "
            "Sales in the quarter rose too. The firm was founded in 1998; that year it lost money.")
    values = [(m.text, m.value) for m in find_dates(text, dt.date(1989, 10, 26))]
    assert values == [("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3"),
                      ("the quarter", "1989-Q3"), ("1998", "1998"), ("that year", "1998")]


NOT_DATES = [
    "The 6-year-old boy and his 44-year-old father arrived.",
    "She won a second term, taking about three-quarters of the vote.",
    "The protests recalled the Arab Spring, USA Today reported.",
    "You may go now-ish.",
    "Prices fall when supply rises.",
    "A quarter of the vote went to him.",
    "He paid $1,998 for 2,000 shares, up 15%.",
    "The current account deficit widened.",
    "March with us, she said.",
    "The crew left the rig at 1930 CDT, the coast guard said.",  # a clock time, no year
    "The raid began at 2130 GMT.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_non_temporal_words_are_not_tagged(text: str) -> None:
    assert [m.text for m in find_dates(text, FRI_2025) if m.text != "now"] == []


def test_mentions_are_sorted_non_overlapping_and_exact() -> None:
    text = ("On Nov. 3 NBC reported that on Friday, Oct. 31, the mayor said he would leave "
            "next week; two years ago he had promised to stay for three years.")
    mentions = find_dates(text, FRI_2025)
    assert [m.text for m in mentions] == [
        "Nov. 3", "Friday, Oct. 31", "next week", "two years ago", "three years"]
    ends = [m.end for m in mentions]
    assert all(a <= b.start for a, b in zip(ends, mentions[1:], strict=False))
    assert all(text[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize(("text", "surface"), [
    ("The firm posted a third-quarter loss.", "third-quarter"),
    ("Its fourth quarter was weak.", "fourth quarter"),
    ("Workers ended the 14-day strike.", "14-day"),
    ("The year-earlier period was better.", "The year-earlier period"),
    ("It was a year ago.", "a year ago"),
])
def test_spans_follow_timebank_conventions(text: str, surface: str) -> None:
    assert [m.text for m in find_dates(text, dt.date(1989, 10, 26))] == [surface]


def test_off_calendar_arithmetic_is_skipped_not_raised() -> None:
    text = "The city was founded 5000 years ago and rebuilt 3 days ago."
    assert [m.text for m in find_dates(text, FRI_2025)] == ["3 days ago"]


def test_tokenised_text_still_reads_dates_and_times() -> None:
    text = "Posted March 23 , 2011 at 12 : 00 pm BBC ."
    values = [(m.text, m.value) for m in find_dates(text, dt.date(2011, 3, 23))]
    assert values == [("March 23 , 2011", "2011-03-23"), ("12 : 00 pm", "2011-03-23T12:00")]


def test_calendar_values_parse_as_partial_dates() -> None:
    mentions = find_dates("Sheinbaum spoke on Nov. 4 and again in February 2025.", FRI_2025)
    assert [m.date for m in mentions] == [PartialDate(2025, 11, 4), PartialDate(2025, 2)]


def test_benchmark_scoring_counts_relaxed_strict_and_value_matches() -> None:
    from benchmarks.dates import score_document
    from generator.model import DateMention

    gold = [
        {"start": 0, "end": 6, "text": "Friday", "type": "DATE", "value": "1998-08-07"},
        {"start": 10, "end": 19, "text": "last year", "type": "DATE", "value": "1997"},
        {"start": 30, "end": 35, "text": "daily", "type": "SET", "value": "P1D"},
    ]
    predicted = [
        DateMention(0, 6, "Friday", "1998-08-07"),          # strict, right value
        DateMention(5, 19, "y last year", "1996"),           # relaxed only, wrong value
        DateMention(40, 45, "later", "FUTURE_REF"),          # spurious
    ]
    score = score_document(gold, predicted)
    assert (score.gold, score.predicted, score.relaxed, score.strict, score.value_ok) == (
        3, 3, 2, 1, 1)
    figures = score.figures()
    assert figures["F1"] == pytest.approx(2 / 3)
    assert figures["value_F1"] == pytest.approx(2 / 3 * 1 / 2)
