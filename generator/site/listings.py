"""The index pages: home, day pages, the archive, tag pages and speaker pages.

Only these pages are in the navigation; story pages are reached from them. Long lists are cut
into numbered pages so no page grows with the archive. Only the home page shows story cards
(with summaries); day and name pages list stories a line each (``row``): a story is listed on
its day and on every name page it names, so cards there made up most of the site's bytes
(issue 17: People 50 MB, Days 16 MB of a 200 MB site for 1,597 stories).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from wordfreq import zipf_frequency

from generator.site import chapters, escape, feeds
from generator.site.links import Linker, show_date, show_range, story_path
from generator.model import Analysis, Entity, PartialDate, Story
from generator.site.story_view import KIND_PAGES, Link, Names, card
from generator.text.persons import first_names

STORIES_PER_PAGE = 50
"""Lines on one day or name page: a line is ~0.3 KB of HTML, so 50 add ~15 KB to the ~16 KB
of Material's page frame, and fit two or three screens on a phone."""

QUOTES_PER_PAGE = 20
"""Quotes on one speaker page: a quote with its caption is ~0.6 KB; 20 keep the page near
the size of a day page."""

SPEAKER_WORD_ZIPF = 3.7
"""A speaker of one word that no story names as a person or organisation gets a page only when
the word is rarer than this in English (wordfreq's Zipf scale): a surname or an agency
("Acosta" 3.0, "Xinhua" 2.8), not a word the quote finder took for a speaker ("People" 6.3,
"Italian" 4.7, "Traders" 4.0). On the real pile 181 of 1,992 speaker pages went, nearly all
such words or given names alone ("John", "Bob")."""

HOME_CARDS = 30
"""Cards of the latest day on the home page before "all stories of the day" takes over."""

HOME_EARLIER_DAYS = 6
"""Earlier days listed under the latest one on the home page: a week at a glance."""

HEADLINES_PER_DAY = 5
"""Headlines shown per earlier day on the home page and the archive."""

DAYS_PER_ARCHIVE_PAGE = 60
"""Days on one archive page: two months of daily briefings."""

UNDATED = "undated"

LISTING = {"hide": ["navigation", "toc"]}
"""Front matter shared by index pages: full width. (What search indexes is decided in
``theme/main.html``: stories and name pages, not the pages listing them.)"""


@dataclass(frozen=True)
class PageSpec:
    """One page to write: its path under docs/, its template and the template's values."""

    path: str
    template: str
    context: dict[str, Any]


def day_of(story: Story) -> str:
    """The day a story belongs to: its latest source's date, else ``UNDATED``.

    Not the day the build last changed it: a pile's undated articles (old reports scraped
    without a date) filled the real pile's front page as the build day's news, above the
    dated stories of the latest day.
    """
    end = story.date_range[1]
    return str(end) if end else UNDATED


def day_label(key: str) -> str:
    """``2025-11-14`` -> ``14 Nov 2025``; ``undated`` -> ``Undated``."""
    return show_date(PartialDate.parse(key)) or "Undated"


def by_day(stories: Iterable[Story]) -> list[tuple[str, list[Story]]]:
    """Stories grouped by day, newest day first (undated last), biggest story first."""
    groups: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        groups[day_of(story)].append(story)
    keys = sorted((k for k in groups if k != UNDATED), reverse=True)
    keys += [UNDATED] if UNDATED in groups else []
    return [(k, sorted(groups[k], key=lambda s: (-len(s.sources), s.title))) for k in keys]


def day_path(key: str, page: int = 1) -> str:
    """Path of page ``page`` of a day."""
    return f"days/{escape.slug(key)}.md" if page == 1 else f"days/{escape.slug(key)}-p{page}.md"


def paged_path(first: str, page: int) -> str:
    """Page ``page`` of a name page: ``people/x.md``, then ``people/x/2.md``, ...

    A sub-folder rather than a suffix, so no other name's slug can collide with it.
    """
    return first if page == 1 else f"{first.removesuffix('.md')}/{page}.md"


def row(story: Story, names: Names, linker: Linker, page: str) -> dict[str, object]:
    """A story as one line of a day or name page: headline, dates, number of sources."""
    start, end = story.date_range
    return {"title": story.title, "href": linker.href(page, names.stories[story.id][0]),
            "dates": show_range(start, end), "sources": len(story.sources)}


def archive_path(page: int = 1) -> str:
    """Path of page ``page`` of the archive."""
    return "archive/index.md" if page == 1 else f"archive/page-{page}.md"


def unique_paths(keys: Sequence[Any], folder: str, label: Any) -> dict[Any, str]:
    """A page path per key from its label's slug; clashes get ``-2``, ``-3`` in sorted order."""
    taken: dict[str, int] = {"index": 1}
    paths: dict[Any, str] = {}
    for key in sorted(keys, key=lambda k: str(label(k))):
        base = escape.slug(str(label(key)))
        taken[base] = taken.get(base, 0) + 1
        suffix = "" if taken[base] == 1 else f"-{taken[base]}"
        paths[key] = f"{folder}/{base}{suffix}.md"
    return paths


def names_for(analysis: Analysis) -> Names:
    """Page paths of every story, speaker and entity of the analysis."""
    known = {e.name for s in analysis.stories for e in s.entities if e.kind in ("person", "org")}
    speakers = sorted({q.speaker for s in analysis.stories for q in s.quotes
                       if q.speaker and has_speaker_page(q.speaker, known)})
    entities: dict[Entity, str] = {}
    for kind, (folder, _) in KIND_PAGES.items():
        of_kind = sorted({e for s in analysis.stories for e in s.entities if e.kind == kind},
                         key=lambda e: e.name)
        entities.update(unique_paths(of_kind, folder, lambda e: e.name))
    return Names(speakers=unique_paths(speakers, "speakers", str), entities=entities,
                 stories={s.id: (story_path(s.id), s.title) for s in analysis.stories})


def has_speaker_page(name: str, known: set[str]) -> bool:
    """Whether a speaker gets a page (else the quote shows the name unlinked).

    A name of several words, a person or organisation some story names, or a rare word that
    is no given name alone (``SPEAKER_WORD_ZIPF``).
    """
    if name in known or " " in name:
        return True
    return (name.lower() not in first_names()
            and zipf_frequency(name.lower(), "en") < SPEAKER_WORD_ZIPF)


def pager(pages: int, current: int, path: Any, linker: Linker, here: str) -> dict[str, Any]:
    """Previous/next links and numbered links for page ``current`` of ``pages``."""
    def link(n: int) -> Markup | None:
        return linker.href(here, path(n)) if 1 <= n <= pages else None
    return {"pages": pages, "current": current, "prev": link(current - 1),
            "next": link(current + 1), "numbers": [(n, link(n)) for n in range(1, pages + 1)]}


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """``items`` cut into runs of ``size`` (one empty run for no items)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def home_page(days: list[tuple[str, list[Story]]], names: Names, linker: Linker) -> PageSpec:
    """The front page: the latest day's cards, then headlines of the days before.

    A card is a thread that changed on the latest day; under it, the thread's events of that
    day, each linking to its chapter (``chapters.latest_events``).
    """
    here = "index.md"
    latest_key, latest = days[0] if days else (UNDATED, [])
    earlier = [{"label": day_label(k), "href": linker.href(here, day_path(k)),
                "count": len(stories),
                "stories": [Link(s.title, linker.href(here, names.stories[s.id][0]))
                            for s in stories[:HEADLINES_PER_DAY]]}
               for k, stories in days[1:1 + HOME_EARLIER_DAYS]]
    context = {"front": {"title": "Today", **LISTING}, "label": day_label(latest_key),
               "cards": [_home_card(s, latest_key, names, linker, here)
                         for s in latest[:HOME_CARDS]],
               "more": len(latest) - HOME_CARDS,
               "day_href": linker.href(here, day_path(latest_key)) if days else None,
               "earlier": earlier, "archive_href": linker.href(here, archive_path()),
               "feed_href": linker.asset(here, feeds.ATOM),
               "total": sum(len(s) for _, s in days)}
    return PageSpec(here, "home.md.j2", context)


def _home_card(story: Story, key: str, names: Names, linker: Linker,
               here: str) -> dict[str, object]:
    """A story card with the thread's events of the day under it (none for one event)."""
    return {**card(story, names, linker, here),
            "events": chapters.latest_events(story, key, linker, here,
                                             names.stories[story.id][0])}


def day_pages(key: str, stories: list[Story], names: Names, linker: Linker) -> list[PageSpec]:
    """One day's stories a line each, ``STORIES_PER_PAGE`` to a page."""
    runs = chunks(stories, STORIES_PER_PAGE)
    specs = []
    for n, run in enumerate(runs, 1):
        here = day_path(key, n)
        specs.append(PageSpec(here, "day.md.j2", {
            "front": {"title": day_label(key), **LISTING}, "label": day_label(key),
            "rows": [row(s, names, linker, here) for s in run], "total": len(stories),
            "pager": pager(len(runs), n, lambda i: day_path(key, i), linker, here),
            "archive_href": linker.href(here, archive_path())}))
    return specs


def archive_pages(days: list[tuple[str, list[Story]]], names: Names,
                  linker: Linker) -> list[PageSpec]:
    """Every day, newest first, with its top headlines; ``DAYS_PER_ARCHIVE_PAGE`` to a page."""
    runs = chunks(days, DAYS_PER_ARCHIVE_PAGE)
    specs = []
    for n, run in enumerate(runs, 1):
        here = archive_path(n)
        items = [{"label": day_label(k), "href": linker.href(here, day_path(k)),
                  "count": len(stories),
                  "stories": [Link(s.title, linker.href(here, names.stories[s.id][0]))
                              for s in stories[:HEADLINES_PER_DAY]]} for k, stories in run]
        specs.append(PageSpec(here, "archive.md.j2", {
            "front": {"title": "Archive", **LISTING}, "days": items,
            "pager": pager(len(runs), n, archive_path, linker, here)}))
    return specs
