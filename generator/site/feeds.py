"""The Atom and RSS feeds of stories (feedgen), byte-stable between unchanged builds.

Each story is one entry whose id never changes (``urn:news-digest:story:<id>``). Its date is
the story's own latest date (its newest source) from its first appearance, so a first build
of an archive does not date every entry by the build; once a later build changes the story,
the date is that build's (``Story.updated``). A story that did not change keeps its entry
date and does not show up again as new in feed readers. Both feeds link to themselves
(``rel="self"``), as feed validators and WebSub ask.
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

ATOM, RSS = "feed.xml", "rss.xml"
"""The feeds' file names at the site's root (``pages.write_pages`` writes them there)."""


def _when(value: str | None) -> dt.datetime | None:
    try:
        day = dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else None


def own_date(story: Story) -> dt.datetime | None:
    """The story's own latest date: its newest source's, never after its first build."""
    end = story.date_range[1]
    latest = _when(str(end.latest())) if end else None
    first = _when(story.first_seen)
    return min(latest, first) if latest and first else latest or first


def entry_date(story: Story) -> dt.datetime:
    """The entry's date: the build that changed the story since it first appeared, else its
    own latest date (else its first build, else the epoch)."""
    changed = story.updated is not None and story.updated != story.first_seen
    return ((_when(story.updated) if changed else None) or own_date(story)
            or _when(story.updated) or EPOCH)


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
    feed.id(f"{base}{ATOM}" if base else "urn:news-digest:feed")
    feed.title(escape.plain(title))
    feed.description("Developing news stories, updated with every build.")
    feed.language("en")
    feed.updated(max((entry_date(s) for s in newest), default=EPOCH))
    for story in reversed(newest):  # feedgen prepends: add oldest first to list newest first
        _add(feed, story, base, directory_urls)
    feed.link([{"href": base or "./", "rel": "alternate"},
               {"href": f"{base}{ATOM}", "rel": "self"}], replace=True)
    atom = feed.atom_str(pretty=True)
    feed.link([{"href": base or "./", "rel": "alternate"},
               {"href": f"{base}{RSS}", "rel": "self"}], replace=True)
    return atom, feed.rss_str(pretty=True)


def _add(feed: FeedGenerator, story: Story, base: str, directory_urls: bool) -> None:
    url = base + links.url_of(links.story_path(story.id), directory_urls=directory_urls)
    entry = feed.add_entry()
    entry.id(f"urn:news-digest:story:{story.id}")
    entry.guid(f"urn:news-digest:story:{story.id}", permalink=False)
    entry.title(escape.plain(story.title))
    entry.link(href=url)
    entry.updated(entry_date(story))
    entry.published(own_date(story) or entry_date(story))
    lines = [escape.clean(story.summary)]
    lines += [f"New: {escape.clean(c)}" for c in story.changes]
    lines.append(f"{len(story.sources)} sources from {outlet_count(story)} outlets.")
    # RSS readers treat descriptions as HTML: escape, and say so in Atom too.
    entry.summary("<br>".join(html.escape(line) for line in lines), type="html")
