"""Merging through the cache: stories reused while their sources are, events' partials too.

A story whose sources (and references, and split into events) are unchanged is reused; a
thread merged again reads only the events whose sources changed and composes the story from
its events' partials, the others kept per event.
"""

from __future__ import annotations

import dataclasses

from generator.cache import content_key
from generator.config import StorySettings
from generator.model import Entity, Extraction, Features, Source, Story, StoryDraft
from generator.pipeline.work import Work
from generator.story import merge, partial
from generator.story.partial import EventPartial

MergeInput = tuple[StoryDraft, dict[str, Extraction], dict[str, tuple[Entity, ...]],
                   StorySettings, dict[tuple[str, ...], EventPartial]]
"""A draft, its sources' extractions and names, the settings, its events' partials."""
PartialInput = tuple[tuple[Source, ...], dict[str, Extraction], StorySettings]
"""One event's sources, their extractions and the settings (what its partial depends on)."""


def merge_all(drafts: list[StoryDraft], extractions: dict[str, Extraction],
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
