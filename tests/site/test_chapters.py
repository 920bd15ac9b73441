"""chapters: a thread's events as chapters of its page, and its latest events on the home page."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.model import Analysis, ThreadEvent
from generator.site import chapters, pages
from generator.site.links import Linker
from tests.site.conftest import written
from tests.site.test_pages import small_story
from tests.conftest import thread_day, thread_story

LINKER = Linker(directory_urls=False)
PAGE = "stories/spill.md"


def test_each_event_is_a_chapter_with_dates_sources_and_anchor() -> None:
    found = chapters.chapters(thread_story((3, 6, 2)), LINKER, PAGE)
    assert [c.number for c in found] == [1, 2, 3]
    assert [str(c.anchor) for c in found] == ["event-1-the-spill", "event-2-the-spill",
                                              "event-3-the-spill"]
    assert [c.href for c in found] == [f"#{c.anchor}" for c in found]
    assert [c.dates for c in found] == ["1\u20132 Nov 2025", "5\u20136 Nov 2025",
                                        "9\u201310 Nov 2025"]
    assert [c.count for c in found] == [3, 6, 2]
    assert [c.latest for c in found] == [False, False, True]
    second = found[1]
    assert [s.n for s in second.shown] == [4, 5, 6, 7]  # named by outlet and headline
    assert [m.n for m in second.more] == [8, 9]  # the rest cited by number
    assert second.shown[0].outlet == "Reuters" and second.shown[0].headline == "Spill report 4"
    assert second.shown[0].href == "#src-4"


def test_a_thread_of_one_event_has_no_chapters(tmp_path: Path, config: Path) -> None:
    story = thread_story((4,))
    assert chapters.chapters(story, LINKER, PAGE) == []
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    assert "## Chapters" not in page and "dg-toc-chapters" not in page
    assert "dg-chapter" not in page and "dg-card__events" not in page


def test_copies_cite_their_source_once() -> None:
    story = thread_story((2, 2))
    copy = dataclasses.replace(story.sources[0].primary, id="copy-of-1")
    sources = (dataclasses.replace(story.sources[0], copies=(copy,)), *story.sources[1:])
    first = dataclasses.replace(story.events[0], articles=(*story.events[0].articles, "copy-of-1"))
    story = dataclasses.replace(story, sources=sources, events=(first, story.events[1]))
    assert chapters.chapters(story, LINKER, PAGE)[0].count == 2


@pytest.mark.parametrize(("ids", "expected"), [
    (["a", "b"], ["a", "b"]),
    (["same", "same", "same"], ["same", "same-2", "same-3"]),
    (["sources", "timeline", "src-3", "dg-coverage-title"],
     ["chapter-sources", "chapter-timeline", "chapter-src-3", "chapter-dg-coverage-title"]),
    (['"><script>x</script>', "**Bold** [x](y)", ""], ["script-x-script", "bold-x-y", "chapter"]),
])
def test_anchors_are_safe_and_unique_on_the_page(ids: list[str], expected: list[str]) -> None:
    events = [ThreadEvent(id=i, title=i, first=None, last=None, articles=()) for i in ids]
    assert chapters.anchors(events) == expected


def test_long_threads_fold_their_earlier_chapters() -> None:
    found = chapters.chapters(thread_story((2,) * 60, gap=2), LINKER, PAGE)
    earlier, newest = chapters.folded(found)
    assert len(earlier) == 60 - chapters.CHAPTERS_OPEN
    assert [c.number for c in newest] == list(range(61 - chapters.CHAPTERS_OPEN, 61))
    assert newest[-1].latest
    assert chapters.folded(found[:5]) == ([], found[:5])


def test_page_shows_chapter_list_sections_and_first_reporter(tmp_path: Path,
                                                             config: Path) -> None:
    story = thread_story((3, 6, 2))
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    body = page.split("## Timeline")
    assert "The thread in 3 chapters" in body[0] and "dg-coverage" in body[0]  # near the top
    toc = re.findall(r'<li[^>]*><a href="#([a-z0-9-]+)">', body[0])
    sections = re.findall(r'<section class="dg-chapter[^"]*" id="([^"]+)">', page)
    assert toc == sections == [e.id for e in story.events]
    assert page.index("## Timeline") < page.index("## Chapters") < page.index("## Sources")
    assert "Chapter 3, the latest" in page and "2 more sources" in page
    assert "First reported 1 Nov 2025 by" in page


def test_sixty_chapters_stay_navigable(tmp_path: Path, config: Path) -> None:
    story = thread_story((20,) * 60, gap=2)
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    head = page.split("## Timeline")[0]
    folded = head.split('<details class="dg-toc-chapters__earlier">')[1].split("</details>")[0]
    cut = 60 - chapters.CHAPTERS_OPEN
    assert f"<summary>Earlier: chapters 1–{cut}</summary>" in folded
    assert len(re.findall(r"<li\b", folded)) == cut
    assert len(re.findall(r"<li\b", head)) == 60
    assert page.count('<details class="dg-chapter__more"') == 60  # 16 of 20 sources folded
    assert "counted by week" in head  # 120 days: a bar per week, the marks share them
    assert 0 < page.count('class="dg-coverage__mark"') <= 18


def test_hostile_event_titles_stay_text(tmp_path: Path, config: Path) -> None:
    titles = ('<script>alert("t")</script>', "# Heading [link](javascript:alert(1))",
              "{{ config }} {% raw %} --8<-- \"/etc/passwd\"")
    story = thread_story((2, 1, 2), titles=titles)  # the second is a single report
    story = dataclasses.replace(story, events=tuple(
        dataclasses.replace(e, id=t) for e, t in zip(story.events, titles, strict=True)))
    home = small_story("other", 1)
    files = written(tmp_path, Analysis(articles=(), stories=(story, home)), config)
    for text in (files["stories/spill.md"], files["index.md"]):
        assert "<script" not in text and "javascript:" not in text and "{{" not in text
        assert "](" not in text and "--8<--" not in text
    assert "&#60;script&#62;" in files["stories/spill.md"]


def test_home_lists_the_days_events_under_their_thread() -> None:
    story = thread_story((2, 2, 3))  # events end on 2, 6 and 10 Nov
    found = chapters.latest_events(story, "2025-11-10", LINKER, "index.md", PAGE)
    assert [(e.title, e.href, e.count) for e in found] == [
        ("Event 3: the spill reaches mile 20", "stories/spill.html#event-3-the-spill", 3)]
    two_today = dataclasses.replace(story, events=(
        *story.events[:2], dataclasses.replace(story.events[1], id="again", title="Again",
                                               first=thread_day(10), last=thread_day(10)),
        story.events[2]))
    found = chapters.latest_events(two_today, "2025-11-10", LINKER, "index.md", PAGE)
    assert [e.title for e in found] == ["Event 3: the spill reaches mile 20", "Again"]
    assert chapters.latest_events(thread_story((3,)), "2025-11-02", LINKER, "index.md",
                                  PAGE) == []


def test_home_events_are_capped() -> None:
    story = thread_story((1,) * 6, gap=0)  # six events, all on 1 Nov
    found = chapters.latest_events(story, "2025-11-01", LINKER, "index.md", PAGE)
    assert len(found) == chapters.HOME_EVENTS
    assert [e.title for e in found][0] == "Event 6: the spill reaches mile 50"  # newest first


def test_home_page_links_events_to_their_chapters(tmp_path: Path, config: Path) -> None:
    story = thread_story((2, 2, 3))
    files = written(tmp_path, Analysis(articles=(), stories=(story,)), config)
    home = files["index.md"]
    assert '<ul class="dg-card__events" aria-label="Latest in this thread">' in home
    assert '<a href="stories/spill.html#event-3-the-spill">Event 3' in home
    assert "Event 1" not in home  # only the day's events


def test_a_long_thread_folds_its_earlier_chapter_sections(tmp_path: Path, config: Path) -> None:
    story = thread_story((2,) * 40, gap=1)
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    section = page.split("## Chapters")[1]
    folded = section.split('<details class="dg-chapters__earlier">')[1].split("\n</details>")[0]
    cut = 40 - chapters.SECTIONS_SHOWN
    assert f"<summary>Earlier: chapters 1–{cut}</summary>" in folded
    assert folded.count('<section class="dg-chapter') == cut
    assert section.count('<section class="dg-chapter') == 40  # every anchor still on the page
    short = written(tmp_path / "short", Analysis(articles=(), stories=(thread_story((2,) * 12),)),
                    config)["stories/spill.md"]
    assert "dg-chapters__earlier" not in short  # up to MAX_SECTIONS_OPEN all open


def test_one_source_events_are_single_reports_by_month_not_chapters() -> None:
    # Events of 3, 1, 1, 2 and 1 sources, nine days apart: 1, 10 and 19 Nov, 28 Nov, 7 Dec.
    story = thread_story((3, 1, 1, 2, 1), gap=9)
    found = chapters.chapters(story, LINKER, PAGE)
    assert [(c.number, str(c.anchor), c.count) for c in found] == [
        (1, "event-1-the-spill", 3), (2, "event-4-the-spill", 2)]
    assert found[-1].latest
    singles = chapters.single_reports(story, LINKER, PAGE)
    assert [(str(g.month), [str(r.anchor) for r in g.items]) for g in singles] == [
        ("Nov 2025", ["event-2-the-spill", "event-3-the-spill"]),
        ("Dec 2025", ["event-5-the-spill"])]
    report = singles[0].items[0]
    assert report.date == "10 Nov 2025" and report.source is not None
    assert (report.source.n, report.source.href) == (4, "#src-4")
    # November's chapters, then November's single reports, then December's.
    order = chapters.sections(story, found, singles)
    assert [getattr(p, "number", None) or str(p.month) for p in order] == [
        1, 2, "Nov 2025", "Dec 2025"]


def test_every_event_keeps_its_anchor_on_the_page(tmp_path: Path, config: Path) -> None:
    story = thread_story((1, 3, 1, 1, 2), gap=3)
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    ids = re.findall(r' id="(event-[0-9]+-the-spill)"', page)
    assert sorted(ids) == sorted(e.id for e in story.events)
    head = page.split("## Timeline")[0]
    assert 'The thread in 2 chapters and <a href="#chapters">3 single reports</a>' in head
    assert page.count('<section class="dg-chapter') == 2
    assert "<summary>3 single reports, Nov 2025</summary>" in page


def test_a_thread_of_single_reports_lists_them_only(tmp_path: Path, config: Path) -> None:
    story = thread_story((1, 1, 1))
    assert chapters.chapters(story, LINKER, PAGE) == []
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    assert "The thread in <a" in page and "## Chapters" in page
    assert "dg-chapter\"" not in page and 'class="dg-toc-chapters__list"' not in page
    assert len(re.findall(r' id="event-[0-9]-the-spill"', page)) == 3


def test_four_hundred_one_source_events_read_as_tens_of_chapters(tmp_path: Path,
                                                                  config: Path) -> None:
    # The real pile's oil-spill thread: hundreds of one-article events around a few dozen
    # covered by several sources, over five months.
    sizes = tuple(3 if k % 16 == 0 else 1 for k in range(400))
    story = thread_story(sizes, gap=0)
    story = dataclasses.replace(story, events=tuple(
        dataclasses.replace(e, first=thread_day(1 + k * 150 // 400),
                            last=thread_day(1 + k * 150 // 400))
        for k, e in enumerate(story.events)))
    page = written(tmp_path, Analysis(articles=(), stories=(story,)), config)["stories/spill.md"]
    section = page.split("## Chapters")[1].split("## Sources")[0]
    assert section.count('<section class="dg-chapter') == 25
    assert section.count('<details class="dg-singles">') == 5  # Nov to Mar
    assert len(re.findall(r' id="event-[0-9]+-the-spill"', section)) == 400
    assert "<summary>Earlier: chapters 1\u2013" in section
