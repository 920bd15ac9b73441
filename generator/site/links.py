"""Where each generated page lives and how pages link to each other.

Pages are addressed by their path under ``docs/`` (``stories/x.md``). Structured blocks of the
pages are raw HTML, which MkDocs does not rewrite, so links are computed here for the URL style
the site is built with (``use_directory_urls``), always relative, so the site works under any
sub-path and from disk.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

from markupsafe import Markup

from generator.site import escape
from generator.model import PartialDate

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_SAFE_HREF = re.compile(r"^[A-Za-z0-9._/#-]*$")

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def story_path(story_id: str) -> str:
    """The page of a story; ids that are not plain slugs get a slug plus a short hash."""
    if _SAFE_ID.match(story_id):
        return f"stories/{story_id}.md"
    digest = hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:8]
    return f"stories/{escape.slug(story_id, fallback='story')[:100]}-{digest}.md"


def url_of(path: str, *, directory_urls: bool) -> str:
    """The site URL (relative to the site root) MkDocs gives the page at ``path``."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def _relative(target: str, base: str) -> str:
    """``posixpath.relpath`` for clean relative paths, without its costly ``abspath`` calls."""
    to = [p for p in target.rstrip("/").split("/") if p not in ("", ".")]
    start = [p for p in base.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) or "."


class Linker:
    """Relative links between generated pages for one URL style."""

    def __init__(self, *, directory_urls: bool) -> None:
        self.directory_urls = directory_urls

    def href(self, from_path: str, to_path: str, anchor: str = "") -> Markup:
        """A relative href from page ``from_path`` to page ``to_path`` (both under docs/).

        A link to an anchor of the same page is the bare ``#anchor``: a story page cites its
        sources dozens of times, and repeating its own file name in each cost about 1.4 KB
        per story page (issue 17, the size budget).
        """
        if anchor and from_path == to_path:
            return self._checked(f"#{anchor}")
        source = url_of(from_path, directory_urls=self.directory_urls)
        target = url_of(to_path, directory_urls=self.directory_urls)
        base = source.rstrip("/") if source.endswith("/") else posixpath.dirname(source)
        rel = _relative(target or ".", base or ".")
        if (target.endswith("/") or not target) and not rel.endswith("/"):
            rel = "./" if rel == "." else rel + "/"
        return self._checked(rel + (f"#{anchor}" if anchor else ""))

    def asset(self, from_path: str, asset: str) -> Markup:
        """A relative href from a page to a file at the site root (``feed.xml``)."""
        source = url_of(from_path, directory_urls=self.directory_urls)
        base = source.rstrip("/") if source.endswith("/") else posixpath.dirname(source)
        return self._checked(_relative(asset, base or "."))

    @staticmethod
    def _checked(href: str) -> Markup:
        # Every href is built from slugs; refuse anything else rather than emit it.
        if not _SAFE_HREF.match(href):
            raise ValueError(f"unsafe internal href: {href!r}")
        return Markup(href)


def show_date(value: PartialDate | None) -> Markup:
    """A date at the precision known: ``13 Nov 2025``, ``Nov 2025``, ``2025``; '' for None.

    Markup: built from integers and month names only, so it needs no escaping.
    """
    if value is None:
        return Markup("")
    if value.month is None:
        return Markup(f"{value.year}")
    if value.day is None:
        return Markup(f"{MONTHS[value.month - 1]} {value.year}")
    return Markup(f"{value.day} {MONTHS[value.month - 1]} {value.year}")


def show_range(start: PartialDate | None, end: PartialDate | None) -> Markup:
    """A compact date range: ``4-14 Nov 2025``, ``30 Oct - 2 Nov 2025``, one date when equal."""
    if start is None or end is None or start == end:
        return show_date(end or start)
    same_year = start.year == end.year
    if same_year and start.month == end.month and start.day and end.day:
        return Markup(f"{start.day}\u2013{show_date(end)}")
    if same_year and start.month and end.month:
        head = show_date(start).removesuffix(f" {start.year}")
        return Markup(f"{head} \u2013 {show_date(end)}")
    return Markup(f"{show_date(start)} \u2013 {show_date(end)}")


def show_iso(value: str | None) -> Markup:
    """An ISO date string from the pipeline shown like ``show_date``; anything else escaped."""
    parsed = PartialDate.parse(value) if value and len(value) <= 10 else None
    return show_date(parsed) if parsed else escape.text(value)
