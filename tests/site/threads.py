"""Builders of multi-event threads for the site's tests (chapters, coverage, browser)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.model import Article, PartialDate, Source, Story, ThreadEvent, TimelineEntry

OUTLETS = ("Reuters", "The Gulf Times", "Coastal Daily Herald and Evening Chronicle", "AP")


def day(n: int) -> PartialDate:
    """Day ``n`` of the thread: 1 = 1 Nov 2025 (later days run into the next months)."""
    return PartialDate.from_date(dt.date(2025, 11, 1) + dt.timedelta(days=n - 1))


def thread_story(sizes: tuple[int, ...] = (3, 5, 2), *, story_id: str = "spill",
                 gap: int = 4, titles: tuple[str, ...] | None = None,
                 **overrides: object) -> Story:
    """A thread of ``len(sizes)`` events, event ``k`` of ``sizes[k]`` sources over two days.

    Event ``k`` starts on day ``1 + k * gap``; its sources alternate between its two days.
    Titles default to ``Event k: ...``; ids are slugs of them, as ``merge`` makes them.
    """
    sources: list[Source] = []
    events: list[ThreadEvent] = []
    for k, size in enumerate(sizes):
        first = 1 + k * gap
        ids = []
        for j in range(size):
            n = len(sources) + 1
            art = Article(id=f"{story_id}-{n}", path=f"t/{n}.txt", text=f"Oil spill report {n}.",
                          title=f"Spill report {n}", published=day(first + j % 2),
                          outlet=OUTLETS[n % len(OUTLETS)], url=f"https://n{n}.example.com/a")
            sources.append(Source(art))
            ids.append(art.id)
        title = titles[k] if titles else f"Event {k + 1}: the spill reaches mile {k * 10}"
        events.append(ThreadEvent(id=f"event-{k + 1}-the-spill", title=title, first=day(first),
                                  last=day(first + min(1, size - 1)), articles=tuple(ids)))
    every = tuple(s.id for s in sources)
    base = Story(id=story_id, title="The oil spill, month by month",
                 summary="Oil spill report 1. More followed.", sources=tuple(sources),
                 timeline=(TimelineEntry(day(1), "The rig explodes.", every[:3]),),
                 events=tuple(events))
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]
