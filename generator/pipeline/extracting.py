"""Extraction through the cache: each source's dates, events and quotes, reused by content.

The key is the source's primary article (not its path) and its reference date, which is all
``extract.extract`` reads.
"""

from __future__ import annotations

from generator import extract
from generator.cache import content_key
from generator.model import Article, Extraction, PartialDate, StoryDraft
from generator.pipeline.work import Work


def extract_all(drafts: list[StoryDraft], work: Work) -> dict[str, Extraction]:
    """Every source's extraction, by its primary article's id (cached, parallel)."""
    items = [(s.primary, s.reference) for d in drafts for s in d.sources]
    keys = [content_key("extract", work.article_key(article), str(ref)) for article, ref in items]
    results = work.map("extract", _extract_one, items, keys, "Extracting")
    return {article.id: result for (article, _), result in zip(items, results, strict=True)}


def _extract_one(item: tuple[Article, PartialDate | None]) -> Extraction:
    """Extract one source's primary (top-level, so worker processes can run it)."""
    article, reference = item
    return extract.extract(article, reference)
