"""Shared fixtures: small named builders, the sample corpus location."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from generator.model import Article, PartialDate, Source, Story, ThreadEvent, TimelineEntry

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "content"


def make_article(**overrides: Any) -> Article:
    """An Article with sensible defaults; override any field by keyword."""
    base = Article(id="a1", path="a1.txt", text="Some text.", title="A title",
                   published=PartialDate(2025, 11, 14))
    return dataclasses.replace(base, **overrides)


THREAD_OUTLETS = ("Reuters", "The Gulf Times", "Coastal Daily Herald and Evening Chronicle", "AP")


def thread_day(n: int) -> PartialDate:
    """Day ``n`` of the thread: 1 = 1 Nov 2025 (later days run into the next months)."""
    return PartialDate.from_date(dt.date(2025, 11, 1) + dt.timedelta(days=n - 1))


def thread_story(sizes: tuple[int, ...] = (3, 5, 2), *, story_id: str = "spill",
                 gap: int = 4, titles: tuple[str, ...] | None = None,
                 **overrides: object) -> Story:
    """A thread of ``len(sizes)`` events, event ``k`` of ``sizes[k]`` sources over two days.

    Event ``k`` starts on day ``1 + k * gap``; its sources alternate between its two days.
    Titles default to ``Event k: ...``; ids are slugs (``event-k-the-spill``), as ``merge``
    makes them. Used by the site's chapter, coverage and browser tests.
    """
    sources: list[Source] = []
    events: list[ThreadEvent] = []
    for k, size in enumerate(sizes):
        first = 1 + k * gap
        ids = []
        for j in range(size):
            n = len(sources) + 1
            art = Article(id=f"{story_id}-{n}", path=f"t/{n}.txt", text=f"Oil spill report {n}.",
                          title=f"Spill report {n}", published=thread_day(first + j % 2),
                          outlet=THREAD_OUTLETS[n % len(THREAD_OUTLETS)],
                          url=f"https://n{n}.example.com/a")
            sources.append(Source(art))
            ids.append(art.id)
        title = titles[k] if titles else f"Event {k + 1}: the spill reaches mile {k * 10}"
        events.append(ThreadEvent(id=f"event-{k + 1}-the-spill", title=title,
                                  first=thread_day(first),
                                  last=thread_day(first + min(1, size - 1)),
                                  articles=tuple(ids)))
    every = tuple(s.id for s in sources)
    base = Story(id=story_id, title="The oil spill, month by month",
                 summary="Oil spill report 1. More followed.", sources=tuple(sources),
                 timeline=(TimelineEntry(thread_day(1), "The rig explodes.", every[:3]),),
                 events=tuple(events))
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def sample_dir() -> Path:
    """The five sample articles shipped in content/."""
    return SAMPLES


def pytest_configure(config: pytest.Config) -> None:
    """In CI the browser tests must run, not skip: a missing Chromium is a setup failure."""
    if os.environ.get("CI") == "true" and not Path("/usr/bin/chromium").exists():
        raise pytest.UsageError(
            "CI=true but /usr/bin/chromium is missing: run scripts/install-browser "
            "(Debian's chromium package) before the tests"
        )
