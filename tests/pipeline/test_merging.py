"""Merging through the cache: stories reused when new terms cannot change them, events kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cache, pipeline
from generator.config import StorySettings
from generator.model import PartialDate, Source, Story, StoryDraft, TimelineEntry
from generator.pipeline import merging
from generator.pipeline.work import Work
from generator.progress import SILENT
from tests.conftest import make_article


def _story_with(timeline_length: int, terms: tuple[str, ...]) -> Story:
    entry = TimelineEntry(date=PartialDate(2025, 11, 3), text="Talks began.", sources=("a",))
    return Story(id="s", title="T", summary="", sources=(), timeline=(entry,) * timeline_length,
                 quotes=(), terms=terms)


@pytest.mark.parametrize(("length", "reused"), [(3, True), (40, False)])
def test_cached_story_is_reused_when_new_terms_cannot_change_it(length: int,
                                                                reused: bool) -> None:
    settings = StorySettings(max_timeline=40)
    draft = StoryDraft(sources=(), terms=("cartels", "Sheinbaum"))
    cached = _story_with(length, terms=("Sheinbaum", "cartels"))
    item: merging.MergeInput = (draft, {}, {}, settings, {})
    result = merging._reuse_story(cached, item)
    if reused:
        assert result is not None and result.terms == draft.terms
        assert result.timeline == cached.timeline
    else:
        assert result is None, "a cut timeline was ranked with the old terms"
    assert merging._reuse_story(_story_with(length, draft.terms), item) is not None


def _thread_of(*events: tuple[str, ...]) -> StoryDraft:
    texts = {"a": "Rebels took the airport of the northern city on Monday, officials said.",
             "b": "The army pulled back from the northern city after the rebels took it.",
             "c": "Rebels held the port of the northern city a week on, residents said.",
             "d": "The army returned to the northern city and retook the airport today."}
    sources = {i: Source(make_article(id=i, text=texts[i], title=f"Report {i} on the city",
                                      published=PartialDate(2025, 11, 10 + n)))
               for n, i in enumerate(texts)}
    return StoryDraft(tuple(sources[i] for ids in events for i in ids), events=events)


def test_a_thread_that_gains_an_event_reads_only_that_event(tmp_path: Path) -> None:
    def merged(draft: StoryDraft, store: Path) -> tuple[Story, pipeline.BuildStats]:
        stats = pipeline.BuildStats()
        work = Work(cache.Cache(store), 0, SILENT, stats, lambda f, xs, **_: [f(x) for x in xs])
        try:
            story = merging.merge_all([draft], {}, {}, StorySettings(), work)[0]
        finally:
            work.cache.close()
        return story, stats

    _, first = merged(_thread_of(("a", "b"), ("c",)), tmp_path / "cache")
    assert first.computed["event"] == 2
    grown = _thread_of(("a", "b"), ("c",), ("d",))
    story, second = merged(grown, tmp_path / "cache")
    assert second.computed["merge"] == 1  # the thread is merged again ...
    assert (second.computed["event"], second.reused["event"]) == (1, 2)  # ... one new partial
    cold, _ = merged(grown, tmp_path / "cold-cache")
    assert story == cold
    same, third = merged(grown, tmp_path / "cache")
    assert third.computed.get("merge") == 0 and third.computed.get("event") == 0
    assert same == cold
