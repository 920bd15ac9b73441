"""Grouping through the cache: events and threads reused or warm-started from the last build."""

from __future__ import annotations

import pytest

from generator import cache, pipeline
from generator.config import Settings
from generator.group import cluster, threads
from generator.model import Source, StoryDraft
from generator.pipeline import grouping
from tests.conftest import make_article
from tests.pipeline.conftest import DAY


def test_new_article_clusters_from_the_previous_partition(
        project: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    starts: list[object] = []
    group_stable = cluster.group_stable

    def spy(*args: object, **kwargs: object) -> object:
        starts.append(kwargs.get("previous"))
        return group_stable(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cluster, "group_stable", spy)
    first = pipeline.run(project, today=DAY)
    extra = project.root / "content" / "extra.md"
    extra.write_text("---\ntitle: An unrelated harbour opening\n---\n"
                     "The new harbour of Port Ellis opened on Monday after four years of works.\n",
                     encoding="utf-8")
    second = pipeline.run(project, today=DAY)
    assert starts[0] is None, "a cold build has no previous partition"
    previous = starts[1]
    assert isinstance(previous, cluster.Partition)
    assert set(previous.coarse) == {s.id for st in first.stories for s in st.sources}
    assert len(second.stories) == len(first.stories) + 1


def test_threads_are_linked_from_the_last_builds_threads(
        project: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    remembered: list[object] = []
    link = threads.link

    def spy(*args: object, **kwargs: object) -> object:
        remembered.append(kwargs.get("previous"))
        return link(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(threads, "link", spy)
    first = pipeline.run(project, today=DAY)
    (project.root / "content" / "extra.md").write_text(
        "---\ntitle: An unrelated harbour opening\n---\n"
        "The new harbour of Port Ellis opened on Monday after four years of works.\n",
        encoding="utf-8")
    pipeline.run(project, today=DAY)
    assert remembered[0] is None, "a cold build has no previous threads"
    previous = remembered[1]
    assert isinstance(previous, dict)
    assert set(previous) == {s.id for st in first.stories for s in st.sources}
    assert len({previous[s.id] for s in first.stories[0].sources}) == 1


def test_unreadable_cluster_state_is_a_cold_start(project: Settings) -> None:
    first = pipeline.run(project, today=DAY)
    store = cache.Cache(project.path(project.cache_dir))
    for part in ("partition", "stories"):
        store.put("cluster", cache.content_key(part, repr(project.cluster)), ("garbage", 1))
    store.close()
    (project.root / "content" / "extra.txt").write_text("Port Ellis opened a harbour.\n",
                                                      encoding="utf-8")
    second = pipeline.run(project, today=DAY)
    assert len(second.articles) == len(first.articles) + 1


def test_a_story_with_the_same_sources_keeps_its_last_terms() -> None:
    one, two, three = (Source(make_article(id=i, text="Talks.")) for i in ("a", "b", "c"))
    drafts = [StoryDraft((one, two), terms=("strike", "union")),
              StoryDraft((three,), terms=("flood",))]
    last = [(("b", "a"), ("union", "strike", "pay")), (("c", "d"), ("flood", "river"))]
    kept = grouping._same_terms(drafts, last)
    assert kept[0].terms == ("union", "strike", "pay"), "same sources in another order"
    assert kept[1].terms == ("flood",), "a source left: the terms are new"
    assert grouping._cached_layout(("garbage", 1)) is None  # unreadable: terms as computed


def test_a_thread_draft_holds_its_events_sources_and_their_split() -> None:
    one = StoryDraft((Source(make_article(id="a")), Source(make_article(id="b"))), terms=("x",))
    two = StoryDraft((Source(make_article(id="c")),), terms=("y",))
    thread = grouping._thread([one, two])
    assert [s.id for s in thread.sources] == ["a", "b", "c"]
    assert thread.events == (("a", "b"), ("c",)) and thread.terms == ("x",)
    assert grouping._thread([two]) == two  # a thread of one event is that event
