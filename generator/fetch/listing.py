"""What a feed or a sitemap lists: entries pointing at articles, and the broken entries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    """One article a source points at, with whatever the listing says about it."""

    url: str
    title: str | None = None
    published: str | None = None
    """ISO 8601 date or timestamp as the listing gives it."""
    author: str | None = None
    content: str | None = None
    """Full article HTML or text when the listing carries it (``content:encoded``, Atom
    ``content``, JSON Feed ``content_html``)."""
    summary: str | None = None
    """The listing's summary or description (HTML or text)."""
    language: str | None = None
    outlet: str | None = None
    """The publication's name where the listing names it (news sitemaps)."""


@dataclass(frozen=True, slots=True)
class Listing:
    """A parsed feed or sitemap."""

    title: str | None
    language: str | None
    entries: tuple[Entry, ...]
    problems: tuple[tuple[str, str], ...] = ()
    """(``entry 3``, reason) for every entry that could not be used."""
    children: tuple[str, ...] = ()
    """Sitemaps listed by a sitemap index, newest first."""


class NotAListing(ValueError):
    """The document is not the feed or sitemap it should be; the message says what it is."""
