"""Stable slugs, redirects, first_seen/updated/changes across successive builds."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from generator.group import history, identity
from generator.group.history import StoryRecord
from generator.model import KeyQuote, PartialDate, Source, Story, ThreadEvent, TimelineEntry
from tests.conftest import make_article

DAY1, DAY2, DAY3 = "2025-11-14", "2025-11-15", "2025-11-16"


def story(title: str, ids: str, *, timeline: tuple[TimelineEntry, ...] = (),
          quotes: tuple[KeyQuote, ...] = (), related: tuple[str, ...] = (),
          draft_id: str = "draft") -> Story:
    """A story whose sources are the articles named in ``ids`` ("a1 a2 a3")."""
    sources = tuple(Source(primary=make_article(id=i, path=f"{i}.txt")) for i in ids.split())
    return Story(id=draft_id, title=title, summary="", sources=sources, timeline=timeline,
                 quotes=quotes, related=related)


def build(tmp_path: Path, stories: list[Story], today: str) -> tuple[list[Story], dict[str, str]]:
    """One build: assign slugs, then remember them as a published build does."""
    out, redirects = identity.assign_slugs(stories, state_dir=tmp_path, today=today)
    identity.remember(out, redirects, state_dir=tmp_path, today=today)
    return out, dict(redirects)


STORM = "Storm Ciaran batters the Channel coast"
RATES = "Central bank holds rates at 4.5 percent"
STRIKE = "Rail workers announce a 48-hour strike"


def test_first_build_gives_title_slugs_and_today(tmp_path: Path) -> None:
    out, redirects = build(tmp_path, [story(STORM, "a1 a2"), story(RATES, "b1")], DAY1)
    assert [s.id for s in out] == ["storm-ciaran-batters-the-channel-coast",
                                   "central-bank-holds-rates-at-4-5-percent"]
    assert all(s.first_seen == DAY1 and s.updated == DAY1 and s.changes == () for s in out)
    assert redirects == {}


def test_same_headline_twice_gets_distinct_slugs(tmp_path: Path) -> None:
    out, _ = build(tmp_path, [story(STORM, "a1"), story(STORM, "b1")], DAY1)
    assert [s.id for s in out] == ["storm-ciaran-batters-the-channel-coast",
                                   "storm-ciaran-batters-the-channel-coast-2"]


def test_slug_survives_new_articles_and_headline_change(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3")], DAY1)
    grown, redirects = build(tmp_path, [story("Storm Ciaran death toll rises to four",
                                              "a1 a2 a3 a4 a5 a6")], DAY2)
    assert grown[0].id == first[0].id
    assert grown[0].first_seen == DAY1 and grown[0].updated == DAY2
    assert grown[0].changes == ("3 new sources",)
    assert redirects == {}


def test_thread_gaining_an_event_keeps_its_url(tmp_path: Path) -> None:
    """A thread whose next event is larger than all it held, with a new title, stays put."""
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3")], DAY1)
    grown = dataclasses.replace(
        story("Insurers count the cost of Storm Ciaran", "a1 a2 a3 b1 b2 b3 b4 b5"),
        events=(ThreadEvent("storm", STORM, None, None, ("a1", "a2", "a3")),
                ThreadEvent("cost", "Insurers count the cost", None, None,
                            ("b1", "b2", "b3", "b4", "b5"))))
    out, redirects = build(tmp_path, [grown], DAY2)
    assert out[0].id == first[0].id and redirects == {}
    assert [e.id for e in out[0].events] == ["storm", "cost"]
    assert out[0].changes == ("5 new sources",)


def test_unchanged_story_keeps_updated_and_has_no_changes(tmp_path: Path) -> None:
    build(tmp_path, [story(STORM, "a1 a2")], DAY1)
    again, _ = build(tmp_path, [story(STORM, "a1 a2")], DAY2)
    assert (again[0].first_seen, again[0].updated, again[0].changes) == (DAY1, DAY1, ())


def test_merge_keeps_the_larger_slug_and_redirects_the_other(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3"), story(STRIKE, "b1 b2")], DAY1)
    storm, strike = (s.id for s in first)
    merged, redirects = build(tmp_path, [story(STORM, "b1 a1 a2 b2 a3")], DAY2)
    assert merged[0].id == storm
    assert redirects == {strike: storm}
    assert merged[0].changes == ("2 new sources",)


def test_split_majority_part_keeps_slug_other_part_is_new(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3 a4 a5")], DAY1)
    parts, redirects = build(tmp_path, [story("Flooding in Cornwall", "a4 a5"),
                                        story(STORM, "a1 a2 a3")], DAY2)
    assert parts[1].id == first[0].id
    assert parts[0].id == "flooding-in-cornwall"
    assert parts[0].first_seen == DAY2
    assert redirects == {}


def test_split_without_majority_redirects_to_largest_part(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3 a4 a5 a6")], DAY1)
    parts, redirects = build(tmp_path, [story("Ferries cancelled", "a6"),
                                        story("Flooding in Cornwall", "a1 a2 a3"),
                                        story("Power cuts in Brittany", "a4 a5")], DAY2)
    assert first[0].id not in {s.id for s in parts}
    assert redirects == {first[0].id: "flooding-in-cornwall"}


def test_disappeared_story_redirects_home_and_slug_is_never_reused(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2"), story(RATES, "b1")], DAY1)
    _, redirects = build(tmp_path, [story(RATES, "b1")], DAY2)
    assert redirects == {first[0].id: ""}
    back, redirects = build(tmp_path, [story(RATES, "b1"), story(STORM, "c1 c2")], DAY3)
    assert back[1].id == f"{first[0].id}-2"
    assert redirects == {first[0].id: ""}


def test_old_redirects_follow_later_merges(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3"), story(STRIKE, "b1 b2"),
                                story(RATES, "c1 c2 c3 c4 c5 c6")], DAY1)
    storm, strike, rates = (s.id for s in first)
    build(tmp_path, [story(STORM, "a1 a2 a3 b1 b2"), story(RATES, "c1 c2 c3 c4 c5 c6")], DAY2)
    _, redirects = build(tmp_path, [story(RATES, "c1 c2 c3 c4 c5 c6 a1 a2 a3 b1 b2")], DAY3)
    assert redirects == {storm: rates, strike: rates}


def test_few_articles_left_is_not_continuity(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a1 a2 a3 a4")], DAY1)
    out, redirects = build(tmp_path, [story("Storm clean-up begins", "a1 a2 x1 x2 x3")], DAY2)
    assert out[0].id == "storm-clean-up-begins"
    assert redirects == {first[0].id: "storm-clean-up-begins"}


def entry(day: int, text: str) -> TimelineEntry:
    return TimelineEntry(date=PartialDate(2025, 11, day), text=text, sources=("a1",))


def test_changes_count_new_timeline_entries_and_quotes(tmp_path: Path) -> None:
    landfall = entry(13, "Storm makes landfall in Cornwall.")
    build(tmp_path, [story(STORM, "a1 a2", timeline=(landfall,))], DAY1)
    quote = KeyQuote("Rishi Sunak", "We will support every community affected.", ("a2",))
    out, _ = build(tmp_path, [story(STORM, "a1 a2", quotes=(quote,), timeline=(
        landfall, entry(14, "Two people die in Brittany."), entry(15, "Ferries resume.")))], DAY2)
    assert out[0].changes == ("2 new timeline entries", "1 new quote")
    assert out[0].updated == DAY2


@pytest.mark.parametrize(("previous", "current", "expected"), [
    (("s1",), ("s1", "s2"), ("1 new source",)),
    (("s1", "s2", "s3"), ("s1",), ("2 sources removed",)),
    (("s1", "s2"), ("s2", "s1"), ("details revised",)),
])
def test_describe_changes(previous: tuple[str, ...], current: tuple[str, ...],
                          expected: tuple[str, ...]) -> None:
    def record(sources: tuple[str, ...], digest: str) -> StoryRecord:
        return StoryRecord(slug="x", articles=sources, first_seen=DAY1, updated=DAY1,
                           digest=digest, sources=sources)
    assert identity.describe_changes(record(previous, "d1"), record(current, "d2")) == expected


@pytest.mark.parametrize(("title", "slug"), [
    ("Storm Ciarán batters the Channel coast", "storm-ciaran-batters-the-channel-coast"),
    ("“Breaking”: EU & UK sign deal!", "breaking-eu-uk-sign-deal"),
    ("", "story"),
    ("北京", "story"),
    ("A very long headline about the negotiations over the future of the fishing fleet "
     "in the North Sea", "a-very-long-headline-about-the-negotiations-over-the-future"),
])
def test_slugify(title: str, slug: str) -> None:
    assert identity.slugify(title) == slug
    assert len(identity.slugify(title)) <= identity.SLUG_MAX_CHARS


def test_related_ids_are_remapped_to_final_slugs(tmp_path: Path) -> None:
    out, _ = build(tmp_path, [story(STORM, "a1", draft_id="d1", related=("d2",)),
                              story(RATES, "b1", draft_id="d2", related=("d1", "gone"))], DAY1)
    assert out[0].related == (out[1].id,)
    assert out[1].related == (out[0].id,)


def test_corrupt_history_is_a_warning_and_a_fresh_start(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    build(tmp_path, [story(STORM, "a1 a2")], DAY1)
    (tmp_path / history.HISTORY_FILE).write_text('{"format": 1, "stories": [{"slug"',
                                                 encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        out, redirects = build(tmp_path, [story(RATES, "b1")], DAY2)
    assert "unreadable" in caplog.text
    assert out[0].first_seen == DAY2 and redirects == {}


def test_no_state_dir_means_no_history() -> None:
    out, redirects = identity.assign_slugs([story(STORM, "a1")], state_dir=None, today=DAY1)
    assert out[0].id == "storm-ciaran-batters-the-channel-coast" and redirects == []


def test_history_is_written_atomically_and_reads_back(tmp_path: Path) -> None:
    first, _ = build(tmp_path, [story(STORM, "a2 a1")], DAY1)
    saved = history.load(tmp_path)
    assert saved.built == DAY1
    assert saved.stories[first[0].id].articles == ("a1", "a2")
    assert [p.name for p in tmp_path.iterdir()] == [history.HISTORY_FILE]
