"""``run``: the stages in order, from content paths to an ``Analysis``; writes only the cache.

The per-article and per-story maps go to the chosen ``Mapper`` (the process pool, or Dask when
``build.scheduler`` is set); each stage's timing is logged and kept in the analysis.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator import distributed
from generator.cache import Cache
from generator.config import Settings
from generator.group import identity, reconcile, vectors
from generator.model import Analysis
from generator.parallel import pmap, worker_count
from generator.pipeline.cleaning import clean_all
from generator.pipeline.extracting import extract_all
from generator.pipeline.grouping import (
    article_names,
    cluster_sources,
    features_all,
    fold_copies,
    link_threads,
)
from generator.pipeline.merging import merge_all
from generator.pipeline.reading import content_paths, partition, read_items
from generator.pipeline.work import BuildStats, Mapper, Work
from generator.progress import SILENT, Progress
from generator.story import names

log = logging.getLogger(__name__)


class _Timer:
    """Wall time per stage, kept in order and logged as each stage ends."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - start))
            log.info("Stage %s took %.1f s", name, self.stages[-1][1])


def run(settings: Settings, *, progress: Progress = SILENT, today: dt.date | None = None,
        paths: tuple[Path, ...] | None = None, stats: BuildStats | None = None,
        mapper: Mapper | None = None) -> Analysis:
    """Ingest, analyse and return everything needed to write pages; writes nothing but cache.

    Args:
        settings: the build settings.
        progress: progress bars for the long stages.
        today: the build date (stories' ``first_seen``/``updated``); defaults to today.
        paths: content paths overriding ``settings.content``.
        stats: filled with per-stage computed/reused counts when given.
        mapper: runs the per-article stages; default the Dask cluster of
            ``build.scheduler`` when set, else the local process pool.

    Raises:
        InputError: when a content path does not exist.
        ConfigError: when ``build.scheduler`` is set but cannot be reached.
    """
    inputs = content_paths(settings, paths)
    with _spread(settings, mapper) as chosen:
        cache = Cache(settings.path(settings.cache_dir))
        work = Work(cache, settings.build.workers, progress,
                    stats if stats is not None else BuildStats(), chosen)
        try:
            return _analyse(inputs, settings, work, today or dt.date.today())
        finally:
            cache.close()


@contextmanager
def _spread(settings: Settings, mapper: Mapper | None) -> Iterator[Mapper]:
    """The given mapper, else the Dask cluster of ``build.scheduler``, else the process pool.

    Only the per-article and per-story maps go to Dask: ingest reads files on this machine
    (a remote worker cannot see them), and the global stages need every article at once.
    """
    if mapper is not None or settings.build.scheduler is None:
        yield mapper or pmap
        return
    with distributed.connect(settings.build.scheduler,
                             workers=worker_count(settings.build.workers)) as on_dask:
        yield on_dask


def _analyse(inputs: tuple[Path, ...], settings: Settings, work: Work,
             today: dt.date) -> Analysis:
    """The stages in order (see ``run``)."""
    timer = _Timer()
    with timer.stage("ingest"):
        articles, skipped = partition(read_items(inputs, settings, work))
    with timer.stage("clean"):
        articles, dropped = clean_all(articles, work)
        skipped += dropped
    with timer.stage("dedupe"):
        sources = fold_copies(articles, settings, work)
    with timer.stage("features"):
        found = features_all(sources, work)
    with timer.stage("cluster"):
        # The sources' vectors, built once when first needed (events, then threads), or
        # never when both come from the cache.
        docs = functools.cache(lambda: vectors.build(sources, article_names(found)))
        drafts = cluster_sources(sources, found, settings, work, docs)
        stated = {key: f.stated_dates for key, f in found.items()}
        drafts = [reconcile.reconcile(d, stated) for d in drafts]
        drafts = link_threads(drafts, found, work, docs)
    with timer.stage("extract"):
        extractions = extract_all(drafts, work)
    with timer.stage("merge"):
        stories = merge_all(drafts, extractions, found, settings.story, work)
        # Corpus-wide, after the per-story cache: one name per person on every build.
        stories = names.canonical(stories)
    with timer.stage("identity"):
        stories, moved = identity.assign_slugs(
            stories, state_dir=settings.path(settings.cache_dir), today=today.isoformat())
    final_articles = tuple(a for st in stories for s in st.sources for a in s.articles)
    return Analysis(articles=final_articles, stories=tuple(stories), skipped=tuple(skipped),
                    redirects=tuple(moved), timings=tuple(timer.stages))
