"""Grouping through the cache: copies folded, names found, events clustered, threads linked.

Each step is reused from the last build where its inputs did not change. Fingerprints and
features are per article (cached, parallel); clustering and threading read the whole corpus,
so the last build's result is kept under a fixed key and reused whole while its inputs are the
same, else it warm-starts the new one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from generator.cache import content_key
from generator.config import Settings
from generator.group import cluster, dedupe, features, threads, vectors
from generator.model import Article, Features, Source, StoryDraft
from generator.pipeline.work import Work


def fold_copies(articles: list[Article], settings: Settings, work: Work) -> list[Source]:
    """Fold copies: shingles and signatures per article (cached, parallel), then the fold."""
    keys = [content_key("fingerprint", work.article_key(a)) for a in articles]
    prints = work.map("fingerprint", dedupe.fingerprint, articles, keys, "Finding copies")
    return dedupe.fold(articles, threshold=settings.dedupe.threshold, fingerprints=prints)


def features_all(sources: list[Source], work: Work) -> dict[str, Features]:
    """Names and stated dates of every article, copies included (cached, parallel)."""
    articles = [a for s in sources for a in s.articles]
    keys = [content_key("features", work.article_key(a)) for a in articles]
    found = work.map("features", features.features, articles, keys, "Finding names")
    return {a.id: f for a, f in zip(articles, found, strict=True)}


def article_names(found: dict[str, Features]) -> dict[str, list[str]]:
    """Article id -> the names found in it."""
    return {key: [e.name for e in f.entities] for key, f in found.items()}


def cluster_sources(sources: list[Source], found: dict[str, Features], settings: Settings,
                    work: Work, docs: Callable[[], vectors.DocVectors]) -> list[StoryDraft]:
    """Stories: reused when no source changed, else warm-started from the last partition.

    Both are kept in the cache under fixed keys (each build replaces the last one's), the
    stories as source ids and terms only. The warm start keeps stories where they were unless
    the new links say otherwise; reusing an unchanged result keeps a rebuild with no new
    articles identical (Leiden restarted from its own result can still move a few sources).
    """
    inputs = content_key("cluster", repr(settings.cluster),
                         *(str(len(s.articles)) for s in sources),  # which articles form a source
                         *(work.article_key(a) for s in sources for a in s.articles))
    stories_key, partition_key = (content_key(part, repr(settings.cluster))
                                  for part in ("stories", "partition"))
    kept = work.cache.get_many("cluster", [stories_key, partition_key])
    last = _cached_layout(kept.get(stories_key))
    if last is not None and last[0] == inputs:
        by_id = {s.id: s for s in sources}
        work.count("cluster", computed=0, reused=len(sources))
        return [StoryDraft(sources=tuple(by_id[i] for i in ids), terms=terms)
                for ids, terms in last[1]]
    previous = kept.get(partition_key)
    drafts, partition = cluster.group_stable(
        sources, settings=settings.cluster, names=article_names(found),
        previous=previous if isinstance(previous, cluster.Partition) else None, docs=docs())
    if last is not None:
        drafts = _same_terms(drafts, last[1])
    layout = [(tuple(s.id for s in d.sources), d.terms) for d in drafts]
    work.cache.put_many("cluster", {stories_key: (inputs, layout), partition_key: partition})
    work.count("cluster", computed=len(sources), reused=0)
    return drafts


def link_threads(events: list[StoryDraft], found: dict[str, Features],
                 work: Work, docs: Callable[[], vectors.DocVectors]) -> list[StoryDraft]:
    """One draft per thread (``threads.link``), holding its events' sources and their split.

    The links depend only on the events, so the last build's are kept in the cache with the
    events' sources and reused while no event changed; otherwise the last build's threads
    (source id -> thread) hold their events together (a formed thread does not split).
    """
    inputs = content_key("threads", *(",".join(s.id for s in d.sources) for d in events))
    kept = work.cache.get("threads", "last")  # one entry, replaced by each build
    if isinstance(kept, tuple) and len(kept) == 3 and kept[0] == inputs:
        groups = kept[1]
    else:
        previous = kept[2] if isinstance(kept, tuple) and len(kept) == 3 else None
        groups = threads.link(events, article_names(found), previous=previous,
                              referred={k: f.referred for k, f in found.items()},
                              docs=docs())
        member = {s.id: n for n, group in enumerate(groups) for i in group
                  for s in events[i].sources}
        work.cache.put("threads", "last", (inputs, groups, member))
    return [_thread([events[i] for i in members]) for members in groups]


def _thread(events: list[StoryDraft]) -> StoryDraft:
    """The thread of ``events``: their sources, the largest event's terms, each event's ids."""
    if len(events) == 1:
        return events[0]
    largest = max(events, key=lambda d: len(d.sources))
    return StoryDraft(sources=tuple(s for d in events for s in d.sources), terms=largest.terms,
                      events=tuple(tuple(s.id for s in d.sources) for d in events))


Layout = list[tuple[tuple[str, ...], tuple[str, ...]]]
"""The stories of a build as their source ids and terms (what the cluster cache keeps)."""


def _cached_layout(value: object) -> tuple[str, Layout] | None:
    """The cached ``(inputs key, layout)`` of the last build; None when absent or unreadable."""
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)):
        return None
    try:
        return value[0], [(tuple(ids), tuple(terms)) for ids, terms in value[1]]
    except (TypeError, ValueError):
        return None


def _same_terms(drafts: list[StoryDraft], last: Layout) -> list[StoryDraft]:
    """A story whose sources did not change keeps the terms it showed last time.

    Its terms are re-ranked with the whole corpus's new weights, which the day's new articles
    shift: on a 1% drop into 10,000 synthetic articles 200 stories with the same sources got
    reordered terms, and with them a rebuilt page and a feed update.
    """
    before = {frozenset(ids): terms for ids, terms in last}
    return [dataclasses.replace(d, terms=before.get(frozenset(s.id for s in d.sources), d.terms))
            for d in drafts]
