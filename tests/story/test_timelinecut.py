"""The cut of a timeline: importance spread over dates, a statement shown once."""

from __future__ import annotations

from generator.model import PartialDate, TimelineEntry
from generator.story import timelinecut

DAY_ONE, LATER = PartialDate(2010, 4, 20), PartialDate(2010, 7, 15)


def _entry(date: PartialDate, text: str) -> TimelineEntry:
    return TimelineEntry(date, text, ("a",))


def test_a_dates_second_entry_counts_half() -> None:
    entries = [_entry(DAY_ONE, "one"), _entry(DAY_ONE, "two"), _entry(LATER, "three")]
    # Day one's second entry (10 * 0.5) falls below the later day's first (6).
    assert timelinecut.spread(entries, [10.0, 10.0, 6.0]) == [0, 2, 1]
    # Far above it, it still comes first.
    assert timelinecut.spread(entries, [30.0, 30.0, 6.0]) == [0, 1, 2]


def test_background_dates_share_their_year() -> None:
    entries = [_entry(PartialDate(1989), "Exxon Valdez"),
               _entry(PartialDate(1989, 3), "the Valdez ran aground"),
               _entry(PartialDate(2005), "Texas City")]
    # March 1989 counts as 1989's second entry: half its 10 falls below 2005's 6.
    assert timelinecut.spread(entries, [10.0, 10.0, 6.0]) == [0, 2, 1]


def test_an_entry_overlapping_a_kept_one_is_passed_over() -> None:
    entries = [_entry(DAY_ONE, "capped on 20 April"), _entry(LATER, "capped on 15 July"),
               _entry(LATER, "a relief well")]
    spans = [[("x", 0, 40)], [("x", 10, 40)], [("x", 50, 70)]]
    kept = timelinecut.arrange(entries, limit=2, terms=(), salience={}, rank={"a": 0},
                               spans=spans, start=None)
    assert [e.text for e in kept] == ["capped on 20 April", "a relief well"]


def _cut(entries: list[TimelineEntry], limit: int, start: PartialDate | None) -> list[str]:
    spans = [[("x", 10 * i, 10 * i + 5)] for i in range(len(entries))]
    salience = {PartialDate(1989): 40.0}  # background many sources recall ranks first
    kept = timelinecut.arrange(entries, limit=limit, terms=(), salience=salience,
                               rank={"a": 0}, spans=spans, start=start)
    return [e.text for e in kept]


def test_background_takes_at_most_its_share_of_a_cut() -> None:
    old = [_entry(PartialDate(1989), f"old {n}") for n in range(6)]
    new = [_entry(PartialDate(2010, 5, day), f"new {day}") for day in range(1, 7)]
    shown = _cut([*old, *new], 8, start=DAY_ONE)
    assert sum(t.startswith("old") for t in shown) == int(timelinecut.BACKGROUND_SHARE * 8)
    assert len(shown) == 8
    assert sum(t.startswith("old") for t in _cut([*old, *new], 8, start=None)) > 2


def test_a_story_told_in_background_alone_keeps_its_timeline() -> None:
    old = [_entry(PartialDate(1989), f"old {n}") for n in range(6)]
    assert len(_cut(old, 4, start=DAY_ONE)) == 4
