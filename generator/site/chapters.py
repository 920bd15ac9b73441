"""A thread's events as chapters of its page, and its latest events for the home page.

A story is a thread; ``Story.events`` are its events, oldest first. On the page each event is
a chapter: its date range, its title as a one-line summary, its sources, and an anchor (the
event's id) that the chapter list near the top, the coverage chart and the home page link to.
A thread of one event has no chapters: its page reads as a story page always has.

An event told by one source is not a chapter: the real pile's oil-spill thread had 376 events,
nearly all a single article each, and a chapter per article made the page a second source
table. Those events are listed apart, per month, as "single reports" (date, headline, the
source's row), each item keeping the event's anchor so that links to it from the home page or
from ``digest analyze --json`` still land on it; a thread then reads as its tens of chapters.

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
from generator.site.links import MONTHS, Linker, show_range
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

CHAPTER_MIN_SOURCES = 2
"""Sources an event needs to be a chapter; an event of fewer is a single report. One source
is one outlet's article: a happening nobody else covered reads as a line of a list, not as a
section (the real pile's 376-event oil-spill thread had 22 events of two or more sources)."""

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


@dataclass(frozen=True)
class SingleReport:
    """An event told by one source: a line of its month's list, holding the event's anchor."""

    anchor: Markup
    date: Markup
    title: str
    source: ChapterSource | None
    """The one source (None only if the event's articles are not among the story's)."""


@dataclass(frozen=True)
class Singles:
    """A month's single reports, listed together in the Chapters section."""

    month: Markup
    """The month shown (``Mar 2011``); ``Undated`` for events without a date."""
    items: tuple[SingleReport, ...]


Section = Chapter | Singles
"""A part of the Chapters section: a chapter, or a month's single reports."""


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
    """The story's events of two or more sources as chapters, oldest first.

    None for a thread of one event; its other events are ``single_reports``.
    """
    if len(story.events) < 2:
        return []
    numbers = numbering(story)
    ids = anchors(story.events)
    kept = [(e, ids[i]) for i, e in enumerate(story.events)
            if _source_count(e, numbers) >= CHAPTER_MIN_SOURCES]
    found = [_chapter(n, e, anchor, story, numbers, linker, page)
             for n, (e, anchor) in enumerate(kept, 1)]
    if found:
        found[-1] = dataclasses.replace(found[-1], latest=True)
    return found


def single_reports(story: Story, linker: Linker, page: str) -> list[Singles]:
    """The story's events of one source, by the month they began in, oldest first.

    None for a thread of one event. Undated events come last, as one list.
    """
    if len(story.events) < 2:
        return []
    numbers = numbering(story)
    ids = anchors(story.events)
    months: dict[tuple[int, int] | None, list[SingleReport]] = {}
    for i, event in enumerate(story.events):
        cited = sorted({numbers[a] for a in event.articles if a in numbers})
        if len(cited) >= CHAPTER_MIN_SOURCES:
            continue
        months.setdefault(_month_of(event), []).append(SingleReport(
            anchor=Markup(ids[i]), date=show_range(event.first, event.last), title=event.title,
            source=_named(cited[0], story, linker, page) if cited else None))
    order = sorted(months, key=lambda k: (k is None, k or (0, 0)))
    return [Singles(month=_show_month(key), items=tuple(months[key])) for key in order]


def sections(story: Story, found: Sequence[Chapter],
             singles: Sequence[Singles]) -> list[Section]:
    """Chapters and monthly single reports in one reading order.

    A month's single reports come after the chapters that begin in that month (and before
    the next month's), so the section reads oldest first with one list a month.
    """
    ids = anchors(story.events)
    month_of = {ids[i]: _month_of(e) for i, e in enumerate(story.events)}
    keyed: list[tuple[tuple[bool, tuple[int, int], int], Section]] = []
    for c in found:
        keyed.append((_order(month_of.get(str(c.anchor)), 0), c))
    for group in singles:
        keyed.append((_order(month_of.get(str(group.items[0].anchor)), 1), group))
    return [part for _, part in sorted(keyed, key=lambda k: k[0])]


def _month_of(event: ThreadEvent) -> tuple[int, int] | None:
    """(year, month) the event began in (month 0 when known to the year); None if undated."""
    when = event.first or event.last
    return (when.year, when.month or 0) if when is not None else None


def _order(month: tuple[int, int] | None, rank: int) -> tuple[bool, tuple[int, int], int]:
    return (month is None, month or (0, 0), rank)


def _show_month(key: tuple[int, int] | None) -> Markup:
    """``Mar 2011``; ``2011`` when the month is unknown; ``Undated``. Integers only: safe."""
    if key is None:
        return Markup("Undated")
    year, month = key
    return Markup(f"{MONTHS[month - 1]} {year}") if month else Markup(f"{year}")


def _source_count(event: ThreadEvent, numbers: Mapping[str, int]) -> int:
    """How many of the story's sources hold the event's articles (copies count once)."""
    return len({numbers[a] for a in event.articles if a in numbers})


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


def folded_sections(items: list[Section]) -> tuple[list[Section], list[Section]]:
    """The Chapters section split into earlier parts to fold and the newest shown open.

    A month's single reports count as one part: they are one toggle of their own.
    """
    if len(items) <= MAX_SECTIONS_OPEN:
        return [], items
    return items[:-SECTIONS_SHOWN], items[-SECTIONS_SHOWN:]


def folded_label(items: Sequence[Section]) -> str:
    """What a fold of the Chapters section holds: ``chapters 1–12 and 40 single reports``."""
    numbers = [c.number for c in items if isinstance(c, Chapter)]
    reports = sum(len(g.items) for g in items if isinstance(g, Singles))
    parts = []
    if numbers:
        parts.append(f"chapter {numbers[0]}" if len(numbers) == 1
                     else f"chapters {numbers[0]}\u2013{numbers[-1]}")
    if reports:
        parts.append(f"{reports} single report{'s' if reports != 1 else ''}")
    return " and ".join(parts)


def report_count(singles: Sequence[Singles]) -> int:
    """How many single reports ``singles`` hold."""
    return sum(len(g.items) for g in singles)


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
