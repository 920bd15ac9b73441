"""first_report: the outlet that reported a timeline entry first, from publication dates."""

from __future__ import annotations

import dataclasses

from generator.model import Article, PartialDate, Source, Story, TimelineEntry
from generator.site.cites import numbering
from generator.site.first_report import first_report
from generator.site.links import Linker

LINKER = Linker(directory_urls=False)
PAGE = "stories/s.md"


def src(n: int, published: PartialDate | None, outlet: str | None = None,
        copies: tuple[Article, ...] = ()) -> Source:
    return Source(Article(id=f"a{n}", path=f"{n}.txt", text="x", published=published,
                          outlet=outlet or f"Outlet {n}"), copies)


def story(*sources: Source) -> Story:
    return Story(id="s", title="S", summary="", sources=sources)


def first(entry: TimelineEntry, st: Story) -> tuple[str, int, str, int] | None:
    found = first_report(entry, st, numbering(st), LINKER, PAGE)
    return None if found is None else (found.outlet, found.n, str(found.date), found.same_day)


def test_the_earliest_publication_wins_whatever_the_order() -> None:
    st = story(src(1, PartialDate(2025, 11, 5)), src(2, PartialDate(2025, 11, 3)),
               src(3, PartialDate(2025, 11, 4)))
    entry = TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "a2", "a3"))
    assert first(entry, st) == ("Outlet 2", 2, "3 Nov 2025", 0)
    found = first_report(entry, st, numbering(st), LINKER, PAGE)
    assert found is not None and found.href == "#src-2"


def test_ties_go_to_the_story_order_and_are_counted() -> None:
    day = PartialDate(2025, 11, 3)
    st = story(src(1, PartialDate(2025, 11, 4)), src(2, day), src(3, day), src(4, day))
    entry = TimelineEntry(day, "x", ("a4", "a3", "a2", "a1"))
    assert first(entry, st) == ("Outlet 2", 2, "3 Nov 2025", 2)


def test_an_earlier_copy_reports_first_under_its_own_outlet() -> None:
    wire = Article(id="a1-copy", path="c.txt", text="x", published=PartialDate(2025, 11, 2),
                   outlet="Wire Service")
    st = story(src(1, PartialDate(2025, 11, 4), copies=(wire,)), src(2, PartialDate(2025, 11, 3)))
    entry = TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "a2"))
    assert first(entry, st) == ("Wire Service", 1, "2 Nov 2025", 0)


def test_a_source_disputing_the_date_still_reported_it() -> None:
    st = story(src(1, PartialDate(2025, 11, 4)), src(2, PartialDate(2025, 11, 2)))
    entry = TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1",),
                          disputed=(("a2", PartialDate(2025, 10, 31)),))
    assert first(entry, st) == ("Outlet 2", 2, "2 Nov 2025", 0)


def test_only_dates_known_to_the_day_can_be_first() -> None:
    st = story(src(1, PartialDate(2025, 11)), src(2, PartialDate(2025, 11, 20)), src(3, None))
    entry = TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "a2", "a3"))
    assert first(entry, st) == ("Outlet 2", 2, "20 Nov 2025", 0)
    undated = TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "a3"))
    assert first(undated, st) is None


def test_one_source_needs_no_first_reporter() -> None:
    st = story(src(1, PartialDate(2025, 11, 4)), src(2, PartialDate(2025, 11, 3)))
    assert first(TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1",)), st) is None
    unknown = TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "gone"))
    assert first(unknown, st) is None


def test_an_outlet_unknown_falls_back_to_the_host_then_the_number() -> None:
    one = dataclasses.replace(src(1, PartialDate(2025, 11, 1)).primary, outlet=None,
                              url="https://www.example.org/a")
    two = dataclasses.replace(src(2, PartialDate(2025, 11, 1)).primary, outlet=None)
    st = story(Source(one), Source(two))
    assert first(TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "a2")), st) == (
        "example.org", 1, "1 Nov 2025", 1)
    st = story(Source(two), Source(one))
    assert first(TimelineEntry(PartialDate(2025, 11, 1), "x", ("a1", "a2")), st) == (
        "Source 1", 1, "1 Nov 2025", 1)
