"""A thread's events as chapters of its page, and its latest events for the home page.

A story is a thread; ``Story.events`` are its events, oldest first. On the page each event is
a chapter: its date range, its title as a one-line summary, its sources, and an anchor (the
event's id) that the chapter list near the top, the coverage chart and the home page link to.
A thread of one event has no chapters: its page reads as a story page always has.

Chapters run oldest first, like the merged timeline above them and like a book: a chapter
keeps its number as later events join (they come at the end), and the chapter list marks the
latest chapter and shows the newest ones open, so a reader who comes for today's news finds it
at once while a long thread (60 events) keeps its earlier chapters one toggle away.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import PartialDate, Story, ThreadEvent
from generator.site import escape
from generator.site.links import Linker, show_range
from generator.site.cites import Marker, numbering, outlet_of

CHAPTERS_OPEN = 5
"""Chapters listed open at the top of the page; a longer thread folds its earlier ones behind
a toggle. Five chapters of one- or two-line titles fill about one phone screen (360 x 800 px,
screenshots of a 12-chapter thread); eight took two, and a 60-chapter list would push the
timeline many screens down."""

MAX_SECTIONS_OPEN = 20
"""Chapters shown open in the Chapters section; a thread with more folds all but the newest
``SECTIONS_SHOWN`` behind one toggle. The real pile's largest thread (1,276 sources, 297
events) drew a 57,000 px page at 1,400 px, almost all of it chapters; a link to a folded
chapter still works (Chromium opens the toggle holding a fragment's target, as for the
source table)."""

SECTIONS_SHOWN = 10
"""Newest chapters left open when the Chapters section is folded."""

CHAPTER_SOURCES_SHOWN = 4
"""Sources of a chapter named by outlet and headline; the rest are cited by number behind a
toggle (an event of 200 sources would otherwise repeat the source table)."""

HOME_EVENTS = 3
"""Latest events listed under a thread's card on the home page: enough for a busy day, and
30 cards of three lines keep the page compact on a pile of 1,000 threads."""

RESERVED = frozenset({"timeline", "key-quotes", "sources", "in-this-story", "chapters"})
"""Ids the story page already uses (its headings' slugs); ``src-N`` and ``dg-`` ids too."""

_SAFE_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_OWN_ID = re.compile(r"^(?:src-\d+|dg-.*)$")


@dataclass(frozen=True)
class ChapterSource:
    """A source named in a chapter: its number, outlet, headline and link to its row."""

    n: int
    outlet: str | None
    headline: str
    href: Markup


@dataclass(frozen=True)
class Chapter:
    """One event of a thread as the page shows it."""

    number: int
    anchor: Markup
    """The id of the chapter's section (a checked slug)."""
    href: Markup
    title: str
    dates: Markup
    count: int
    """How many of the story's sources belong to the event."""
    shown: tuple[ChapterSource, ...]
    more: tuple[Marker, ...]
    """Citations of the sources not named, folded behind a toggle."""
    latest: bool = False


def anchors(events: Sequence[ThreadEvent]) -> list[str]:
    """An id per event (in order) that is safe and unique on the page.

    ``ThreadEvent.id`` is used as it is when it is a plain slug that the page does not use
    already (so ``stories/x.html#<event id>`` from ``digest analyze --json`` works); anything
    else is slugged, and a clash gets ``chapter-`` before it or a number after it.
    """
    used: set[str] = set()
    out: list[str] = []
    for event in events:
        base = event.id if _SAFE_ANCHOR.match(event.id) else escape.slug(
            event.id, fallback="chapter")
        if base in RESERVED or _OWN_ID.match(base):
            base = f"chapter-{base}"
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        out.append(anchor)
    return out


def chapters(story: Story, linker: Linker, page: str) -> list[Chapter]:
    """The story's events as chapters, oldest first; none for a thread of one event."""
    if len(story.events) < 2:
        return []
    numbers = numbering(story)
    ids = anchors(story.events)
    found = [_chapter(i, e, ids[i - 1], story, numbers, linker, page)
             for i, e in enumerate(story.events, 1)]
    found[-1] = dataclasses.replace(found[-1], latest=True)
    return found


def _chapter(number: int, event: ThreadEvent, anchor: str, story: Story,
             numbers: Mapping[str, int], linker: Linker, page: str) -> Chapter:
    cited = sorted({numbers[a] for a in event.articles if a in numbers})
    shown = tuple(_named(n, story, linker, page) for n in cited[:CHAPTER_SOURCES_SHOWN])
    more = tuple(Marker(n, linker.href(page, page, f"src-{n}"))
                 for n in cited[CHAPTER_SOURCES_SHOWN:])
    return Chapter(number=number, anchor=Markup(anchor), href=linker.href(page, page, anchor),
                   title=event.title, dates=show_range(event.first, event.last),
                   count=len(cited), shown=shown, more=more)


def _named(n: int, story: Story, linker: Linker, page: str) -> ChapterSource:
    article = story.sources[n - 1].primary
    return ChapterSource(n=n, outlet=outlet_of(article),
                         headline=article.title or article.path.rsplit("/", 1)[-1],
                         href=linker.href(page, page, f"src-{n}"))


def folded(items: list[Chapter]) -> tuple[list[Chapter], list[Chapter]]:
    """The chapter list split into the earlier chapters to fold and the newest shown open."""
    if len(items) <= CHAPTERS_OPEN:
        return [], items
    return items[:-CHAPTERS_OPEN], items[-CHAPTERS_OPEN:]


def folded_sections(items: list[Chapter]) -> tuple[list[Chapter], list[Chapter]]:
    """The Chapters section split into earlier chapters to fold and the newest shown open."""
    if len(items) <= MAX_SECTIONS_OPEN:
        return [], items
    return items[:-SECTIONS_SHOWN], items[-SECTIONS_SHOWN:]


@dataclass(frozen=True)
class Headline:
    """An event on the home page: its title, a link to its chapter, its sources."""

    title: str
    href: Markup
    count: int


def latest_events(story: Story, day: str, linker: Linker, page: str,
                  story_page: str) -> list[Headline]:
    """The thread's events of ``day`` (its latest day), newest first, for its home card.

    Empty for a thread of one event (its card is the event). When no event ends on ``day``
    (dates known to the month only), the last event stands for the thread's latest news.
    """
    if len(story.events) < 2:
        return []
    when = PartialDate.parse(day)
    ids = anchors(story.events)
    indexed = list(enumerate(story.events))
    recent = [(i, e) for i, e in indexed if when is not None and e.last == when]
    chosen = list(reversed(recent or indexed[-1:]))[:HOME_EVENTS]
    numbers = numbering(story)
    return [Headline(title=e.title, href=linker.href(page, story_page, ids[i]),
                     count=len({numbers[a] for a in e.articles if a in numbers}))
            for i, e in chosen]
