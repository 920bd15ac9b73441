"""The orchestrator: reads like the design diagram; analyses everything before writing anything."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator import (
    clean,
    cluster,
    dedupe,
    extract,
    identity,
    ingest,
    merge,
    pages,
    reconcile,
    site,
)
from generator.cache import Cache, content_key
from generator.config import Settings
from generator.errors import InputError
from generator.model import Analysis, Article, Extraction, Skipped, Source, StoryDraft
from generator.progress import SILENT, Progress

log = logging.getLogger(__name__)


class _Timer:
    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - start))


def run(settings: Settings, *, progress: Progress = SILENT, today: dt.date | None = None,
        paths: tuple[Path, ...] | None = None) -> Analysis:
    """Ingest, analyse and return everything needed to write pages; writes nothing but cache.

    Raises:
        InputError: when a content path does not exist.
    """
    today = today or dt.date.today()
    timer = _Timer()
    inputs = tuple(settings.path(p).resolve() for p in (paths or settings.content))
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise InputError(f"content path not found: {', '.join(missing)}")
    cache = Cache(settings.path(settings.cache_dir))
    try:
        with timer.stage("ingest"):
            articles, skipped = _partition(progress.iter(
                ingest.read_corpus(inputs, root=settings.root.resolve()), "Reading"))
        with timer.stage("clean"):
            articles, dropped = clean.clean_corpus(articles)
            skipped += dropped
        with timer.stage("dedupe"):
            sources = dedupe.fold(articles, threshold=settings.dedupe.threshold)
        with timer.stage("cluster"):
            drafts = cluster.group(sources, settings=settings.cluster)
            drafts = [reconcile.reconcile(d) for d in drafts]
        with timer.stage("extract"):
            extractions = _extract_all(drafts, cache, progress)
        with timer.stage("merge"):
            stories = [merge.merge(d, extractions, settings=settings.story) for d in drafts]
            stories, redirects = identity.assign_slugs(
                stories, state_dir=settings.path(settings.cache_dir), today=today.isoformat())
    finally:
        cache.close()
    final_articles = tuple(a for st in stories for s in st.sources for a in s.articles)
    return Analysis(articles=final_articles, stories=tuple(stories), skipped=tuple(skipped),
                    redirects=tuple(redirects), timings=tuple(timer.stages))


def build(settings: Settings, *, progress: Progress = SILENT, today: dt.date | None = None,
          paths: tuple[Path, ...] | None = None) -> Analysis:
    """Run the pipeline, write the Markdown pages, then build the site (atomically)."""
    analysis = run(settings, progress=progress, today=today, paths=paths)
    start = time.perf_counter()
    pages.write_pages(analysis, settings.path(settings.docs_dir))
    written = time.perf_counter()
    site.build_site(settings.path(settings.mkdocs_config), settings.path(settings.docs_dir),
                    settings.path(settings.site_dir))
    done = time.perf_counter()
    timings = (*analysis.timings, ("pages", written - start), ("render", done - written))
    return Analysis(articles=analysis.articles, stories=analysis.stories,
                    skipped=analysis.skipped, redirects=analysis.redirects, timings=timings)


def _partition(items: Iterator[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in items:
        (articles if isinstance(item, Article) else skipped).append(item)  # type: ignore[arg-type]
    return articles, skipped


def _extract_all(drafts: list[StoryDraft], cache: Cache,
                 progress: Progress) -> dict[str, Extraction]:
    sources: list[Source] = [s for d in drafts for s in d.sources]
    out: dict[str, Extraction] = {}
    for source in progress.iter(sources, "Extracting", total=len(sources)):
        article = source.primary
        key = content_key(article.id, article.text, str(source.reference))
        cached = cache.get("extract", key)
        if isinstance(cached, Extraction):
            out[article.id] = cached
            continue
        result = extract.extract(article, source.reference)
        cache.put("extract", key, result)
        out[article.id] = result
    return out
