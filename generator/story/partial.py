"""What one event brings to its thread's story: a bounded record that depends on it alone.

A thread re-merged because an event joined it (or one of its events gained an article) needs
only the changed events read again: ``partial(sources, extractions, settings=...)`` reads one
event's sources into an ``EventPartial`` (its title; its best summary sentences, happenings and
statements, each part capped), which the pipeline caches by the event's own content, and
``merge.compose`` builds the thread's story from its events' partials in time linear in their
(capped) sizes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.config import StorySettings
from generator.model import Extraction, Source
from generator.story import eventsummary, eventtimeline, keyquotes, summary

# Most sources of one event whose quotes are grouped (an even sample beyond): grouping is
# quadratic in quotes, and 2,000 sources' quotes took over a minute. 300 sources (about
# 1,500 quotes on the synthetic saga of benchmarks/merge.py) take about 2 s; events of the
# ECB+ and sample corpora (at most 40 sources) are never sampled.
MAX_QUOTE_SOURCES = 300


@dataclass(frozen=True, slots=True)
class EventPartial:
    """One event's share of its thread's story (cached per event by the pipeline)."""

    title: str
    """The event's title, from its own sources (``summary.title``)."""
    quotes: keyquotes.EventQuotes
    """Its best statements and the person names of its texts."""
    timeline: eventtimeline.EventTimeline
    """Its most important happenings, for the thread's timeline."""
    summary: eventsummary.EventSummary
    """Its most central sentences, centroid and title vector, for the thread's summary."""


def partial(sources: Sequence[Source], extractions: Mapping[str, Extraction], *,
            settings: StorySettings) -> EventPartial:
    """Read one event's sources (in the thread's order) into its partial.

    Args:
        sources: the event's sources.
        extractions: per-source extraction keyed by the primary article id.
        settings: limits on what a story page shows (partials keep more than that).
    """
    events = {s.id: extractions[s.id].events for s in sources if s.id in extractions}
    title = summary.title(sources)
    return EventPartial(
        title=title,
        summary=eventsummary.gather(sources, title=title),
        timeline=eventtimeline.gather(events, sources, limit=settings.max_timeline),
        quotes=keyquotes.gather(spread_sample(sources, MAX_QUOTE_SOURCES), extractions,
                                limit=settings.max_quotes))


def spread_sample(sources: Sequence[Source], size: int) -> Sequence[Source]:
    """At most ``size`` sources, evenly spread over the story's order (all when fewer).

    Grouping quotes compares each quote with every statement found so far; past a few
    hundred sources a regular sample keeps the sources' proportions (how many carry a
    statement, who is quoted most) at a fixed cost.
    """
    if len(sources) <= size:
        return sources
    step = len(sources) / size
    return [sources[int(i * step)] for i in range(size)]
