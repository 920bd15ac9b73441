"""coverage: sources per day/week/month as inline SVG, with its text alternative."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from generator.model import Article, PartialDate, Source, Story, ThreadEvent
from generator.site import coverage
from tests.conftest import thread_story


def story_on(days: list[dt.date | None], events: tuple[ThreadEvent, ...] = ()) -> Story:
    """A story with one source published on each of ``days`` (None: undated)."""
    sources = tuple(Source(Article(id=f"a{i}", path=f"{i}.txt", text="x", title=f"T{i}",
                                   published=PartialDate.from_date(d) if d else None))
                    for i, d in enumerate(days))
    return Story(id="s", title="S", summary="", sources=sources, events=events)


def bar_heights(svg: str) -> list[float]:
    return [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]


def test_bars_match_the_counts_per_day() -> None:
    cov = coverage.coverage(thread_story((3, 5, 2)))
    assert cov is not None and cov.unit == "day"
    assert [b.count for b in cov.bins] == [2, 1, 0, 0, 3, 2, 0, 0, 1, 1]
    assert cov.total == 10 and cov.peak.first == dt.date(2025, 11, 5)
    svg = str(coverage.svg(cov))
    heights = bar_heights(svg)
    assert len(heights) == 6  # one bar per day with sources
    counts = [b.count for b in cov.bins if b.count]
    assert [h / max(heights) * 3 for h in heights] == pytest.approx(counts, abs=0.01)
    titles = re.findall(r"<rect [^>]*><title>([^<]*)</title>", svg)
    assert titles[0] == "1 Nov 2025: 2 sources" and titles[1] == "2 Nov 2025: 1 source"


def test_a_year_is_counted_by_week_and_a_decade_by_month() -> None:
    start = dt.date(2010, 1, 4)  # a Monday
    year = [start + dt.timedelta(days=d) for d in range(0, 365, 3)]
    cov = coverage.coverage(story_on(year))
    assert cov is not None and cov.unit == "week"
    assert len(cov.bins) == 52 and cov.total == len(year)  # 4 Jan 2010 to 2 Jan 2011
    assert all(b.first.weekday() == 0 and (b.last - b.first).days == 6 for b in cov.bins)
    assert sum(b.count for b in cov.bins if b.first <= dt.date(2010, 1, 10)) == 3
    decade = [dt.date(2000 + y, m, 15) for y in range(10) for m in (1, 7)]
    cov = coverage.coverage(story_on(decade))
    assert cov is not None and cov.unit == "month"
    assert len(cov.bins) == 9 * 12 + 7 and cov.total == 20
    assert len(bar_heights(str(coverage.svg(cov)))) == 20


def test_no_chart_without_two_dated_days_and_five_sources() -> None:
    assert coverage.coverage(story_on([])) is None
    assert coverage.coverage(story_on([None] * 6)) is None
    one_day = dt.date(2025, 11, 3)
    assert coverage.coverage(story_on([one_day] * 6 + [None])) is None
    assert coverage.chart(story_on([one_day])) is None
    two_days = [one_day, one_day + dt.timedelta(days=2)]
    assert coverage.coverage(story_on(two_days * 2)) is None  # four sources: no chart
    assert coverage.coverage(story_on(two_days * 2 + [one_day])) is not None


def test_undated_sources_are_said_not_drawn() -> None:
    dated = [dt.date(2025, 11, 3), dt.date(2025, 11, 5)] * 3
    cov = coverage.coverage(story_on([*dated, None]))
    assert cov is not None and cov.total == 6 and cov.undated == 1
    assert "1 source without a date not shown" in coverage.sentence(cov)


def test_a_source_counts_on_its_earliest_copy() -> None:
    story = thread_story((2, 4))
    early = dataclasses.replace(story.sources[3].primary, id="copy",
                                published=PartialDate(2025, 11, 2))
    story = dataclasses.replace(story, sources=(*story.sources[:3],
                                                Source(story.sources[3].primary, (early,)),
                                                *story.sources[4:]))
    cov = coverage.coverage(story)
    assert cov is not None
    assert {b.first.day: b.count for b in cov.bins if b.count} == {1: 1, 2: 2, 5: 2, 6: 1}


def test_events_are_marked_where_they_begin() -> None:
    cov = coverage.coverage(thread_story((3, 5, 2)))
    assert cov is not None
    assert [m.index for m in cov.marks] == [0, 4, 8]
    svg = str(coverage.svg(cov))
    assert svg.count('class="dg-coverage__mark"') == 3
    assert "Chapter begins: Event 2&#58; the spill reaches mile 10" in svg
    single = coverage.coverage(thread_story((6,)))
    assert single is not None and single.marks == ()  # one event: nothing to mark


def test_the_chart_has_a_text_alternative() -> None:
    chart = coverage.chart(thread_story((3, 5, 2)))
    assert chart is not None
    svg = str(chart.svg)
    assert 'role="img"' in svg
    assert 'aria-labelledby="dg-coverage-title dg-coverage-desc"' in svg
    assert '<title id="dg-coverage-title">Sources per day</title>' in svg
    desc = re.search(r'<desc id="dg-coverage-desc">([^<]*)</desc>', svg)
    assert desc and desc.group(1) == str(chart.sentence)
    assert chart.sentence == ("10 sources from 1 Nov 2025 to 10 Nov 2025, counted by day; "
                              "the busiest day (5 Nov 2025) had 3. 3 chapters marked where "
                              "they begin.")
    rows = re.findall(r"<tr><td>([^<]*)</td><td>(\d+)</td></tr>", str(chart.table))
    assert len(rows) == 10 and rows[4] == ("5 Nov 2025", "3")
    assert "\n\n" not in svg  # a blank line would end Markdown's raw HTML block


def test_event_titles_in_the_chart_are_escaped() -> None:
    hostile = ('<script>alert(1)</script>', '**bold** [x](javascript:alert(1))')
    chart = coverage.chart(thread_story((3, 3), titles=hostile))
    assert chart is not None
    svg = str(chart.svg)
    assert "<script" not in svg and "**" not in svg and "](" not in svg
    assert "&#60;script&#62;alert&#40;1&#41;&#60;/script&#62;" in svg


def test_colours_come_from_the_theme() -> None:
    chart = coverage.chart(thread_story((3, 5, 2)))
    assert chart is not None
    fills = set(re.findall(r'(?:fill|stroke)="([^"]*)"', str(chart.svg)))
    assert fills == {"currentColor"}  # no fixed colour: the palette decides
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", str(chart.svg))


def test_a_busy_mark_names_a_few_chapters_and_counts_the_rest() -> None:
    story = thread_story((1,) * 8, gap=0, titles=tuple(f"T{k}" for k in range(8)))
    story = dataclasses.replace(story, sources=(
        *story.sources, *thread_story((6,), story_id="late", gap=0).sources[1:]))
    cov = coverage.coverage(story)
    assert cov is not None and [len(m.titles) for m in cov.marks] == [8]
    assert "8 chapters begin: T0; T1; T2; and 5 more" in str(coverage.svg(cov))


def test_only_the_largest_chapters_are_marked() -> None:
    sizes = (1, 5, 1, 4, 1, 3, 1, 6, 1, 2, 7, 1)
    cov = coverage.coverage(thread_story(sizes))
    assert cov is not None and cov.unit == "day"
    marked = [0, 1, 2, 3, 5, 7, 9, 10]  # sizes 7 to 2, then the earlier two of size 1
    assert [m.index for m in cov.marks] == [4 * k for k in marked]
    assert str(coverage.svg(cov)).count('class="dg-coverage__mark"') == coverage.MAX_MARKS
    assert coverage.sentence(cov).endswith(
        "The 8 largest of 12 chapters marked where they begin.")
