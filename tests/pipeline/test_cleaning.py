"""Cleaning through the cache: the per-article pass reused, the corpus pass kept whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from generator import clean, pipeline, report
from generator.config import Settings
from generator.model import Article, PartialDate, Skipped
from tests.pipeline.conftest import DAY, PER_ARTICLE


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
    monkeypatch.setattr(clean, "prepare", fake_prepare)
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
