"""The orchestrator: reads like the design diagram; analyses everything before writing anything.

Takes the settings (and content paths overriding theirs); gives an ``Analysis`` (``run``,
writing nothing but the cache) or that analysis written as pages and a site (``build``). It
may import every part of the package; no stage imports it (only ``cli`` and ``publish`` do).

Per-article stages (clean, extract) and per-story merging run through ``parallel.pmap`` on
every core and reuse the previous build's results from the cache, keyed by content; only misses
are computed. Global stages (dedupe, cluster) run on the whole corpus every build. The story
history (identity) is read during analysis and saved only once the site is published.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator import distributed, extract, site
from generator.cache import Cache, content_key
from generator.config import Settings, StorySettings
from generator.group import identity, reconcile, vectors
from generator.model import (
    Analysis,
    Article,
    Entity,
    Extraction,
    Features,
    PartialDate,
    Source,
    Story,
    StoryDraft,
)
from generator.parallel import pmap, worker_count
from generator.pipeline.cleaning import clean_all
from generator.pipeline.grouping import (
    article_names,
    cluster_sources,
    features_all,
    fold_copies,
    link_threads,
)
from generator.pipeline.reading import content_paths, partition, read_items
from generator.pipeline.work import BuildStats, Mapper, Work
from generator.progress import SILENT, Progress
from generator.site import pages, redirects
from generator.story import merge, names, partial
from generator.story.partial import EventPartial

__all__ = ["BuildStats", "Mapper", "build", "run"]

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
        extractions = _extract_all(drafts, work)
    with timer.stage("merge"):
        stories = _merge_all(drafts, extractions, found, settings.story, work)
        # Corpus-wide, after the per-story cache: one name per person on every build.
        stories = names.canonical(stories)
    with timer.stage("identity"):
        stories, moved = identity.assign_slugs(
            stories, state_dir=settings.path(settings.cache_dir), today=today.isoformat())
    final_articles = tuple(a for st in stories for s in st.sources for a in s.articles)
    return Analysis(articles=final_articles, stories=tuple(stories), skipped=tuple(skipped),
                    redirects=tuple(moved), timings=tuple(timer.stages))


def build(settings: Settings, *, progress: Progress = SILENT, today: dt.date | None = None,
          paths: tuple[Path, ...] | None = None, stats: BuildStats | None = None) -> Analysis:
    """Run the pipeline, write the Markdown pages, build the site (atomically), then remember."""
    today = today or dt.date.today()
    analysis = run(settings, progress=progress, today=today, paths=paths, stats=stats)
    start = time.perf_counter()
    pages.write_pages(analysis, settings.path(settings.docs_dir),
                      config_file=settings.path(settings.mkdocs_config))
    written = time.perf_counter()
    _build_site(settings, analysis)
    done = time.perf_counter()
    identity.remember(analysis.stories, analysis.redirects,
                      state_dir=settings.path(settings.cache_dir), today=today.isoformat())
    timings = (*analysis.timings, ("pages", written - start), ("render", done - written))
    return Analysis(articles=analysis.articles, stories=analysis.stories,
                    skipped=analysis.skipped, redirects=analysis.redirects, timings=timings)


def _build_site(settings: Settings, analysis: Analysis) -> None:
    """MkDocs into a temporary dir; redirect pages added before it is swapped in."""
    config = settings.path(settings.mkdocs_config)
    hook = redirects.post_build_hook(
        analysis.redirects, titles={s.id: s.title for s in analysis.stories},
        directory_urls=site.site_options(config).directory_urls)
    site.build_site(config, settings.path(settings.docs_dir), settings.path(settings.site_dir),
                    post_build=hook)


def _extract_all(drafts: list[StoryDraft], work: Work) -> dict[str, Extraction]:
    items = [(s.primary, s.reference) for d in drafts for s in d.sources]
    keys = [content_key("extract", work.article_key(article), str(ref)) for article, ref in items]
    results = work.map("extract", _extract_one, items, keys, "Extracting")
    return {article.id: result for (article, _), result in zip(items, results, strict=True)}


def _extract_one(item: tuple[Article, PartialDate | None]) -> Extraction:
    """Extract one source's primary (top-level, so worker processes can run it)."""
    article, reference = item
    return extract.extract(article, reference)


MergeInput = tuple[StoryDraft, dict[str, Extraction], dict[str, tuple[Entity, ...]],
                   StorySettings, dict[tuple[str, ...], EventPartial]]
"""A draft, its sources' extractions and names, the settings, its events' partials."""
PartialInput = tuple[tuple[Source, ...], dict[str, Extraction], StorySettings]
"""One event's sources, their extractions and the settings (what its partial depends on)."""


def _merge_all(drafts: list[StoryDraft], extractions: dict[str, Extraction],
               found: dict[str, Features], settings: StorySettings,
               work: Work) -> list[Story]:
    """Merge every draft; a story whose sources and references are unchanged is reused.

    The key (``_merge_key``) holds every article (but its path) and reference date, which
    determine its extractions and features, and the thread's split into events, so with the
    settings it is the whole input of ``merge.merge`` but for the shared terms. Those drift
    with the corpus's word statistics, and they only rank timeline entries when there are
    more than ``max_timeline``: the key leaves them out and ``_reuse_story`` checks them, so a
    story is not re-merged because its terms moved. A thread that is merged again (an event
    joined it, or one of its events gained a source) reads again only the events whose sources
    changed: the others' partials are kept per event (``_event_partials``), and the story is
    composed from them (``merge.compose``).
    """
    keys = [_merge_key(d, settings, work) for d in drafts]
    cached = work.cache.get_many("merge", keys)
    stories: list[Story | None] = []
    for draft, key in zip(drafts, keys, strict=True):
        story = cached.get(key)
        stories.append(_reuse_story(story, (draft, {}, {}, settings, {}))
                       if isinstance(story, Story) else None)
    todo = [i for i, story in enumerate(stories) if story is None]
    partials = _event_partials([drafts[i] for i in todo], extractions, settings, work)
    # Every event's partial is given, so composing needs no extraction (none are sent).
    items: list[MergeInput] = [
        (d, {}, {s.id: found[s.id].entities for s in d.sources if s.id in found}, settings,
         {ids: partials[key] for ids, key in _event_keys(d, settings, work)})
        for d in (drafts[i] for i in todo)]
    merged = work.mapper(_merge_one, items, workers=work.workers, progress=work.progress,
                         desc="Merging")
    work.cache.put_many("merge", {keys[i]: story for i, story in zip(todo, merged,
                                                                      strict=True)})
    work.count("merge", computed=len(todo), reused=len(drafts) - len(todo))
    for i, story in zip(todo, merged, strict=True):
        stories[i] = story
    return [story for story in stories if story is not None]


def _source_part(source: Source, work: Work) -> str:
    """What a source brings to a merge: its articles (not their paths) and reference date."""
    return (f"{len(source.articles)}\0{source.reference}\0"
            + "\0".join(map(work.article_key, source.articles)))


def _merge_key(draft: StoryDraft, settings: StorySettings, work: Work) -> str:
    """What a story's merge depends on: sources, references, the thread's split into events.

    Articles are keyed without their paths; the split decides which sources title each event.
    """
    parts = (_source_part(s, work) for s in draft.sources)
    return content_key("merge", *parts, repr(draft.events), repr(settings))


def _event_keys(draft: StoryDraft, settings: StorySettings,
                work: Work) -> list[tuple[tuple[str, ...], str]]:
    """(source ids, key) of each event of a thread (one event: all its sources).

    An event's partial depends on its own sources alone (``partial.partial``), in the order
    the thread gives them, so the key is theirs, with the settings.
    """
    by_id = {s.id: s for s in draft.sources}
    return [(ids, content_key("event", *(_source_part(by_id[i], work) for i in ids
                                         if i in by_id), repr(settings)))
            for ids in merge.event_ids(draft)]


def _event_partials(drafts: list[StoryDraft], extractions: dict[str, Extraction],
                    settings: StorySettings, work: Work) -> dict[str, EventPartial]:
    """The partials of every event of ``drafts``, by event key: kept ones reused, others read."""
    todo: dict[str, PartialInput] = {}
    for draft in drafts:
        by_id = {s.id: s for s in draft.sources}
        for ids, key in _event_keys(draft, settings, work):
            sources = tuple(by_id[i] for i in ids if i in by_id)
            todo[key] = (sources, {s.id: extractions[s.id] for s in sources
                                   if s.id in extractions}, settings)
    keys = list(todo)

    def fits(value: EventPartial, _: PartialInput) -> EventPartial | None:
        return value if isinstance(value, EventPartial) else None

    found = work.map("event", _partial_one, [todo[k] for k in keys], keys, "Reading events",
                     reuse=fits)
    return dict(zip(keys, found, strict=True))


def _partial_one(item: PartialInput) -> EventPartial:
    """Read one event (top-level, so worker processes can run it)."""
    sources, extractions, settings = item
    return partial.partial(sources, extractions, settings=settings)


def _reuse_story(story: Story, item: MergeInput) -> Story | None:
    """The cached story with the draft's sources and terms, or None when the terms could change it.

    The sources are the draft's own: the key leaves paths out, so the cached story may name
    the folder the articles were in last time. Terms rank timeline entries only to cut them to
    ``max_timeline``: a shorter timeline was not cut, so the terms did not shape it.
    """
    draft, settings = item[0], item[3]
    story = dataclasses.replace(story, sources=draft.sources)
    if story.terms == draft.terms:
        return story
    if len(story.timeline) < settings.max_timeline:
        return dataclasses.replace(story, terms=draft.terms)
    return None


def _merge_one(item: MergeInput) -> Story:
    """Compose one story from its events' partials (top-level, so worker processes can run it)."""
    draft, extractions, entities, settings, partials = item
    return merge.merge(draft, extractions, settings=settings, entities=entities,
                       partials=partials)
