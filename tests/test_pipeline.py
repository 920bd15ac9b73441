"""The pipeline end to end on the samples, and its incremental reuse of per-article work."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import cache, clean, pipeline, report, site
from generator.config import Settings, StorySettings
from generator.group import cluster, threads
from generator.model import (
    Article,
    PartialDate,
    Skipped,
    Source,
    Story,
    StoryDraft,
    TimelineEntry,
)
from generator.pipeline import grouping, merging
from generator.pipeline.work import Work
from generator.progress import SILENT
from generator.site import redirects
from tests.conftest import SAMPLES, make_article

DAY = dt.date(2025, 11, 20)


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    shutil.copytree(SAMPLES, tmp_path / "content")
    return Settings(root=tmp_path)


def test_analysis_has_the_design_json_shape(project: Settings) -> None:
    data = report.to_json(pipeline.run(project, today=DAY))
    assert set(data) == {"articles", "stories", "skipped"}
    assert len(data["articles"]) + len(data["skipped"]) >= 5
    for article in data["articles"]:
        assert {"id", "path", "title", "published", "outlet", "url", "duplicate_of"} <= set(article)
    ids = {a["id"] for a in data["articles"]}
    assert data["stories"], "the samples make at least one story"
    for story in data["stories"]:
        assert {"id", "title", "articles", "events", "timeline", "quotes"} <= set(story)
        assert set(story["articles"]) <= ids
        # A story is a thread: its events split its articles, each article in one event.
        in_events = [a for event in story["events"] for a in event["articles"]]
        assert sorted(in_events) == sorted(story["articles"])
        for event in story["events"]:
            assert {"id", "title", "first", "last", "articles"} <= set(event)
        for entry in story["timeline"]:
            assert {"date", "text", "sources"} <= set(entry)
        for quote in story["quotes"]:
            assert {"speaker", "text", "sources"} <= set(quote)
    assert len({s["id"] for s in data["stories"]}) == len(data["stories"]), "slugs are unique"


def test_rebuild_reuses_every_per_article_result(project: Settings) -> None:
    cold, warm = pipeline.BuildStats(), pipeline.BuildStats()
    first = pipeline.run(project, today=DAY, stats=cold)
    second = pipeline.run(project, today=DAY, stats=warm)
    assert cold.computed["clean"] == 5 and cold.reused["extract"] == 0
    assert warm.computed["extract"] == 0 and warm.reused["extract"] == cold.computed["extract"]
    assert warm.computed["merge"] == 0 and warm.reused["merge"] == len(second.stories)
    assert cold.computed["cluster"] > 0 and warm.computed["cluster"] == 0, "same corpus: reused"
    assert warm.computed["fingerprint"] == 0 and warm.reused["fingerprint"] == 5
    split = hasattr(clean, "prepare") and hasattr(clean, "finish")
    assert warm.computed["clean"] == (0 if split else 5)
    assert report.to_json(first) == report.to_json(second)


def test_edited_article_is_re_extracted(project: Settings) -> None:
    first = pipeline.run(project, today=DAY)
    edited = project.root / first.stories[0].sources[0].primary.path
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe talks resume on Friday.\n",
                      encoding="utf-8")
    stats = pipeline.BuildStats()
    pipeline.run(project, today=DAY, stats=stats)
    assert stats.computed["extract"] >= 1
    assert stats.reused["extract"] >= 3


def test_unchanged_files_are_not_read_again(project: Settings) -> None:
    content = project.root / "content"
    (content / "dump.jsonl").write_text(
        '{"id": "ccba80bb5989e172", "title": "Same id as a sample", "text": "Talks."}\n'
        '{"title": "Ferry fares", "text": "Fares rise in spring, the operator said."}\n',
        encoding="utf-8")
    (content / "notes.bin").write_bytes(b"\x00\x01 binary")
    # Units read: every file but the JSON Lines dump, and each of the dump's two lines.
    units = len([p for p in content.iterdir() if not p.name.startswith(".")]) - 1 + 2
    cold, warm, edited = (pipeline.BuildStats() for _ in range(3))
    first = pipeline.run(project, today=DAY, stats=cold)
    second = pipeline.run(project, today=DAY, stats=warm)
    assert (cold.computed["ingest"], warm.computed["ingest"], warm.reused["ingest"]) == (
        units, 0, units)
    assert report.to_json(first) == report.to_json(second)
    ids = [a["id"] for a in report.to_json(second)["articles"]]
    assert len(ids) == len(set(ids)), "ids stay unique across files read from the cache"
    assert "ccba80bb5989e172-2" in ids, "the dump's first id collides with a sample's"
    assert [s.path for s in second.skipped] == [s.path for s in first.skipped]
    with (content / "dump.jsonl").open("a", encoding="utf-8") as dump:
        dump.write('{"title": "Dam approved", "text": "The dam plan was approved on Monday."}\n')
    third = pipeline.run(project, today=DAY, stats=edited)
    assert (edited.computed["ingest"], edited.reused["ingest"]) == (1, units), (
        "only the appended line is read")
    titles = {a["title"] for a in report.to_json(third)["articles"]}
    assert "Dam approved" in titles


PER_ARTICLE = ("ingest", "clean", "fingerprint", "features", "extract", "merge")


def test_moved_corpus_recomputes_nothing(project: Settings, tmp_path: Path) -> None:
    (project.root / "content" / "dump.jsonl").write_text(
        '{"title": "Ferry fares", "text": "Fares rise in spring, the operator said."}\n',
        encoding="utf-8")
    pipeline.run(project, today=DAY)
    moved = project.root / "archive" / "2025"
    moved.parent.mkdir()
    (project.root / "content").rename(moved)
    stats = pipeline.BuildStats()
    again = pipeline.run(project, today=DAY, stats=stats, paths=(moved,))
    assert {stage: stats.computed.get(stage) for stage in PER_ARTICLE} == dict.fromkeys(
        PER_ARTICLE, 0)
    assert stats.computed["cluster"] == 0, "same articles: the stories are reused"
    fresh = Settings(root=tmp_path / "fresh")
    shutil.copytree(moved, fresh.root / "archive" / "2025")
    cold = pipeline.run(fresh, today=DAY, paths=(fresh.root / "archive" / "2025",))
    assert report.to_json(again) == report.to_json(cold)
    paths = {a["path"] for a in report.to_json(again)["articles"]}
    assert "archive/2025/000_f20b997e250b1d1d.txt" in paths
    assert "archive/2025/dump.jsonl#1" in paths


def test_a_renamed_file_is_only_cleaned_again(project: Settings) -> None:
    # Cleaning reads a date written in the file name; nothing else reads the path.
    content = project.root / "content"
    (content / "note.txt").write_text("The harbour board met and approved the budget.\n",
                                      encoding="utf-8")
    first = pipeline.run(project, today=DAY)
    (content / "000_f20b997e250b1d1d.txt").rename(content / "renamed.txt")
    stats = pipeline.BuildStats()
    pipeline.run(project, today=DAY, stats=stats)
    assert {stage: stats.computed[stage] for stage in PER_ARTICLE} == {
        **dict.fromkeys(PER_ARTICLE, 0), "clean": 1}
    (content / "note.txt").rename(content / "2025-03-04-note.txt")
    second = pipeline.run(project, today=DAY)
    dates = {a.path: a.published for a in second.articles}
    assert {a.path: a.published for a in first.articles}["content/note.txt"] is None
    assert dates["content/2025-03-04-note.txt"] == PartialDate(2025, 3, 4)


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


@dataclass(frozen=True)
class Prepared:
    article: Article
    words: int


def fake_prepare(article: Article) -> Prepared:
    return Prepared(dataclasses.replace(article, text=article.text.strip()),
                    len(article.text.split()))


def fake_finish(prepared: Sequence[Prepared]) -> tuple[list[Article], list[Skipped]]:
    longest = max(p.words for p in prepared)  # corpus-level: depends on every article
    kept = [p.article for p in prepared if p.words * 50 >= longest]
    return kept, [Skipped(p.article.path, "too short") for p in prepared if p.article not in kept]


def test_clean_split_caches_the_per_article_pass(project: Settings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clean, "prepare", fake_prepare, raising=False)
    monkeypatch.setattr(clean, "finish", fake_finish, raising=False)
    (project.root / "content" / "stub.txt").write_text("Breaking news\n", encoding="utf-8")
    cold, warm = pipeline.BuildStats(), pipeline.BuildStats()
    first = pipeline.run(project, today=DAY, stats=cold)
    second = pipeline.run(project, today=DAY, stats=warm)
    assert (cold.computed["clean"], warm.computed["clean"], warm.reused["clean"]) == (6, 0, 6)
    stub = ["content/stub.txt"]
    assert [s.path for s in first.skipped] == [s.path for s in second.skipped] == stub


def test_an_unchanged_corpus_skips_the_corpus_level_cleaning(
        project: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    (project.root / "content" / "stub.txt").write_text("Breaking news\n", encoding="utf-8")
    calls: list[int] = []
    finish = clean.finish
    monkeypatch.setattr(clean, "finish", lambda prepared: calls.append(len(prepared))
                        or finish(prepared))
    first = pipeline.run(project, today=DAY)
    second = pipeline.run(project, today=DAY)
    assert calls == [6], "the second build reuses the cleaned corpus"
    assert report.to_json(first) == report.to_json(second)
    assert [s.path for s in second.skipped] == ["content/stub.txt"]
    (project.root / "content" / "note.txt").write_text("The harbour board met on Monday.\n",
                                                       encoding="utf-8")
    pipeline.run(project, today=DAY)
    assert calls == [6, 7], "a new article: every article is cleaned against it again"


def test_corrupt_cache_still_builds(project: Settings, caplog: pytest.LogCaptureFixture) -> None:
    expected = report.to_json(pipeline.run(project, today=DAY))
    (project.path(project.cache_dir) / cache.CACHE_FILE).write_bytes(b"garbage" * 1000)
    stats = pipeline.BuildStats()
    with caplog.at_level(logging.WARNING):
        analysis = pipeline.run(project, today=DAY, stats=stats)
    assert "empty cache" in caplog.text
    assert stats.computed["clean"] == 5
    assert report.to_json(analysis) == expected


def test_run_does_not_move_history_but_build_does(project: Settings) -> None:
    pipeline.run(project, today=DAY)
    assert not (project.path(project.cache_dir) / "history.json").exists()


@pytest.mark.slow
def test_build_writes_site_with_redirects_and_history(project: Settings) -> None:
    shutil.copy(Path(__file__).resolve().parent.parent / "mkdocs.yml", project.root)
    theme = Path(__file__).resolve().parent.parent / "theme"
    if theme.is_dir():
        shutil.copytree(theme, project.root / "theme")
    first = pipeline.build(project, today=DAY)
    slug = first.stories[0].id
    for path in (project.root / "content").glob("*.txt"):
        path.unlink()
    (project.root / "content" / "other.txt").write_text(
        "Harbour reopens after repairs\n\nThe harbour reopened on Monday after repairs.\n",
        encoding="utf-8")
    second = pipeline.build(project, today=DAY + dt.timedelta(days=1))
    assert (slug, "") in second.redirects
    directory_urls = site.site_options(project.root / "mkdocs.yml").directory_urls
    page = project.root / "site" / redirects.page_path(slug, directory_urls=directory_urls)
    home = redirects.relative_href("", directory_urls=directory_urls)
    assert f'url={home}"' in page.read_text(encoding="utf-8")
    assert (project.path(project.cache_dir) / "history.json").exists()


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
