"""The Atom and RSS feeds of stories (feedgen), byte-stable between unchanged builds.

Each story is one entry whose id never changes (``urn:news-digest:story:<id>``) and whose
date is the build that last changed it (``Story.updated``), so a story that did not change
keeps its entry date and does not show up again as new in feed readers.
"""

from __future__ import annotations

import datetime as dt
import html
import logging

from feedgen.feed import FeedGenerator

from generator.site import escape, links
from generator.model import Story
from generator.site.story_view import outlet_count

log = logging.getLogger(__name__)

FEED_ENTRIES = 50
"""Stories in the feed: readers poll daily, and 50 covers several busy days."""

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _when(value: str | None) -> dt.datetime | None:
    try:
        day = dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else None


def entry_date(story: Story) -> dt.datetime:
    """When the story last changed: its update build, else its newest source, else the epoch."""
    end = story.date_range[1]
    return (_when(story.updated) or (_when(str(end.latest())) if end else None)
            or _when(story.first_seen) or EPOCH)


def render(stories: list[Story], *, site_url: str | None, title: str,
           directory_urls: bool) -> tuple[bytes, bytes]:
    """The Atom and RSS documents for the newest ``FEED_ENTRIES`` stories.

    Args:
        stories: all stories; the most recently changed are kept.
        site_url: absolute base URL of the site; links are relative without it.
        title: the feed's title (the site name).
        directory_urls: the site's URL style, for the story links.
    """
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    newest = sorted(stories, key=lambda s: (entry_date(s), s.id), reverse=True)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(f"{base}feed.xml" if base else "urn:news-digest:feed")
    feed.title(escape.plain(title))
    feed.link(href=base or "./", rel="alternate")
    feed.description("Developing news stories, updated with every build.")
    feed.language("en")
    feed.updated(max((entry_date(s) for s in newest), default=EPOCH))
    for story in reversed(newest):  # feedgen prepends: add oldest first to list newest first
        _add(feed, story, base, directory_urls)
    return feed.atom_str(pretty=True), feed.rss_str(pretty=True)


def _add(feed: FeedGenerator, story: Story, base: str, directory_urls: bool) -> None:
    url = base + links.url_of(links.story_path(story.id), directory_urls=directory_urls)
    entry = feed.add_entry()
    entry.id(f"urn:news-digest:story:{story.id}")
    entry.guid(f"urn:news-digest:story:{story.id}", permalink=False)
    entry.title(escape.plain(story.title))
    entry.link(href=url)
    entry.updated(entry_date(story))
    entry.published(_when(story.first_seen) or entry_date(story))
    lines = [escape.clean(story.summary)]
    lines += [f"New: {escape.clean(c)}" for c in story.changes]
    lines.append(f"{len(story.sources)} sources from {outlet_count(story)} outlets.")
    # RSS readers treat descriptions as HTML: escape, and say so in Atom too.
    entry.summary("<br>".join(html.escape(line) for line in lines), type="html")
