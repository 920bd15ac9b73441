"""Extraction through the cache: only an edited article is extracted again."""

from __future__ import annotations

from generator import pipeline
from generator.config import Settings
from tests.pipeline.conftest import DAY


def test_edited_article_is_re_extracted(project: Settings) -> None:
    first = pipeline.run(project, today=DAY)
    edited = project.root / first.stories[0].sources[0].primary.path
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe talks resume on Friday.\n",
                      encoding="utf-8")
    stats = pipeline.BuildStats()
    pipeline.run(project, today=DAY, stats=stats)
    assert stats.computed["extract"] >= 1
    assert stats.reused["extract"] >= 3
