"""The pipeline end to end on the samples: the JSON shape, and a rebuild reusing every result."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from generator import cache, pipeline, report
from generator.config import Settings
from tests.pipeline.conftest import DAY, PER_ARTICLE


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
    assert warm.computed["clean"] == 0
    assert report.to_json(first) == report.to_json(second)


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
