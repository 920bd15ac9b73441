"""One source, two steps: ``discover`` what it lists, then ``resolve`` each new entry to an article.

A feed or sitemap is fetched conditionally (an unchanged one answers 304 and costs nothing);
an entry becomes an article from the feed's own full text, or from its page (robots.txt
permitting) when the feed carries only a summary. Every failure becomes a reason in the report,
never an exception that stops the other sources.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.config import FetchSettings, SourceSpec
from generator.fetch.client import Client, FetchError, Validators, is_text_type
from generator.fetch.feeds import parse_feed
from generator.fetch.listing import Entry, Listing, NotAListing
from generator.fetch.pages import Page, decode, extract_page, html_to_text
from generator.fetch.politeness import Robots
from generator.fetch.report import SkippedEntry, Status
from generator.fetch.sitemaps import parse_sitemap
from generator.fetch.state import FetchState
from generator.fetch.urls import canonical_url, host_folder, host_of
from generator.fetch.write import FetchedArticle

log = logging.getLogger(__name__)

MIN_FULL_TEXT_CHARS = 1200
"""Plain-text characters from which a feed entry's content counts as the whole article, so its
page is not fetched. Not calibrated on live feeds (nothing here reaches the internet): a
teaser is one to three sentences, a few hundred characters, and a news article runs to
thousands; in between, fetching the page costs one request and loses nothing, since the longer
of page text and feed text is kept. Of the 300 PolNeAR articles in ``benchmarks.fetch``, 36
are shorter than this and have their page fetched."""

MAX_CHILD_SITEMAPS = 5
"""Child sitemaps read from a sitemap index, newest first. News sites index one sitemap per
day or month, so the newest few hold every article a daily run has not seen."""

MAX_SITEMAP_DEPTH = 2
"""An index of indexes is followed once more; deeper nesting is reported, not followed."""

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SITEMAP_EXTRA_TYPES = frozenset({"application/x-gzip", "application/gzip",
                                 "application/octet-stream"})


@dataclass(frozen=True, slots=True)
class Context:
    """What every source of a run shares."""

    client: Client
    robots: Robots
    state: FetchState
    settings: FetchSettings
    now: dt.datetime


@dataclass(frozen=True, slots=True)
class Discovery:
    """What a source lists, or why it could not be read."""

    status: Status
    reason: str | None = None
    listing: Listing = field(default_factory=lambda: Listing(None, None, ()))
    problems: tuple[SkippedEntry, ...] = ()
    validators: tuple[tuple[str, Validators], ...] = ()
    """Remembered only once the source's entries were all handled (a transient failure keeps
    the old ones, so the next run asks again instead of getting a 304)."""


def discover(spec: SourceSpec, ctx: Context) -> Discovery:
    """Fetch and parse the source's listing (a page source lists itself)."""
    if spec.kind == "page":
        return Discovery("ok", listing=Listing(None, None, (Entry(url=spec.url),)))
    try:
        if spec.kind == "sitemap":
            return _sitemap(spec.url, ctx, depth=0)
        return _feed(spec.url, ctx)
    except FetchError as exc:
        return Discovery("failed", exc.reason)
    except NotAListing as exc:
        return Discovery("failed", str(exc))


def _feed(url: str, ctx: Context) -> Discovery:
    answer = ctx.client.get(url, validators=ctx.state.validators(url),
                            accept=lambda t: is_text_type(t) or t in SITEMAP_EXTRA_TYPES)
    if answer.status == 304:
        return Discovery("not_modified")
    listing = parse_feed(answer.body, url=answer.url, media_type=answer.media_type,
                         charset=answer.charset)
    return Discovery("ok", listing=listing, problems=_problems(listing),
                     validators=((url, answer.validators),))


def _sitemap(url: str, ctx: Context, *, depth: int) -> Discovery:
    answer = ctx.client.get(url, validators=ctx.state.validators(url),
                            accept=lambda t: is_text_type(t) or t in SITEMAP_EXTRA_TYPES)
    if answer.status == 304:
        return Discovery("not_modified")
    listing = parse_sitemap(answer.body, max_bytes=ctx.settings.max_bytes)
    if not listing.children:
        return Discovery("ok", listing=listing, problems=_problems(listing),
                         validators=((url, answer.validators),))
    # An index is read in full every run (its children change while it often does not) and
    # its children conditionally; it is "not modified" when none of them changed.
    children = [_child(child, ctx, depth=depth + 1)
                for child in listing.children[:MAX_CHILD_SITEMAPS]]
    unchanged = all(c.status == "not_modified" for c in children)
    found = Discovery("not_modified" if unchanged else "ok", listing=listing)
    for child in children:
        found = _merge(found, child)
    return found


def _child(url: str, ctx: Context, *, depth: int) -> Discovery:
    if depth > MAX_SITEMAP_DEPTH:
        return Discovery("failed", problems=(SkippedEntry(url, "sitemap nested too deep"),))
    try:
        return _sitemap(url, ctx, depth=depth)
    except FetchError as exc:
        return Discovery("failed", problems=(SkippedEntry(url, exc.reason, exc.transient),))
    except NotAListing as exc:
        return Discovery("failed", problems=(SkippedEntry(url, str(exc)),))


def _merge(parent: Discovery, child: Discovery) -> Discovery:
    listing = Listing(parent.listing.title, parent.listing.language,
                      parent.listing.entries + child.listing.entries)
    return Discovery(parent.status, listing=listing, problems=parent.problems + child.problems,
                     validators=parent.validators + child.validators)


def _problems(listing: Listing) -> tuple[SkippedEntry, ...]:
    return tuple(SkippedEntry(where, reason) for where, reason in listing.problems)


def resolve(entry: Entry, spec: SourceSpec, listing: Listing,
            ctx: Context) -> tuple[FetchedArticle, tuple[str, ...]] | SkippedEntry:
    """The entry's article and every canonical URL it is known by, or why there is none."""
    if urlsplit(entry.url).scheme not in ("http", "https"):
        return SkippedEntry(entry.url[:200], "not an http(s) link")
    feed_text = html_to_text(entry.content)
    if spec.kind == "feed" and (len(feed_text) >= MIN_FULL_TEXT_CHARS or not spec.full_text):
        text = feed_text or html_to_text(entry.summary)
        if not text:
            return SkippedEntry(entry.url, "no content or summary in the feed")
        article = _article(entry, text, page=None, spec=spec, listing=listing, ctx=ctx)
        return article, (canonical_url(entry.url),)
    fetched = _page(entry.url, ctx)
    if isinstance(fetched, SkippedEntry):
        fallback = feed_text or html_to_text(entry.summary)
        if not fallback or fetched.retry:
            return fetched
        log.info("Kept the feed's text of %s: %s", entry.url, fetched.reason)
        return _article(entry, fallback, page=None, spec=spec, listing=listing,
                        ctx=ctx), (canonical_url(entry.url),)
    page, final_url = fetched
    text = page.text if len(page.text) >= len(feed_text) else feed_text
    urls = {canonical_url(entry.url), canonical_url(final_url)}
    if page.canonical and host_folder(page.canonical) == host_folder(final_url):
        urls.add(canonical_url(page.canonical))
    article = _article(entry, text, page=page, spec=spec, listing=listing, ctx=ctx)
    return article, tuple(sorted(urls))


def _page(url: str, ctx: Context) -> tuple[Page, str] | SkippedEntry:
    if not ctx.robots.allowed(url):
        return SkippedEntry(url, "disallowed by robots.txt")
    try:
        answer = ctx.client.get(url, accept=lambda t: t in PAGE_TYPES)
    except FetchError as exc:
        return SkippedEntry(url, exc.reason, exc.transient)
    page = extract_page(answer.body, url=answer.url, charset=answer.charset)
    if page is None:
        return SkippedEntry(url, "no article text found on the page")
    return page, answer.url


def _article(entry: Entry, text: str, *, page: Page | None, spec: SourceSpec,
             listing: Listing, ctx: Context) -> FetchedArticle:
    # The listing's fields first (the publisher's feed), the page's where it is silent; the
    # outlet is the user's name for the source, else the publication's own name. trafilatura
    # gives the host name as site name when the page names none: the host folder is better.
    seen = page or _NO_PAGE
    return FetchedArticle(
        url=canonical_url(entry.url), text=text,
        title=_first(entry.title, seen.title),
        published=_first(entry.published, seen.published),
        outlet=_first(spec.name, entry.outlet, _site_name(seen.outlet, entry.url), listing.title,
                      host_folder(entry.url)),
        author=_first(entry.author, seen.author),
        language=_first(entry.language, listing.language, seen.language),
        fetched=ctx.now, feed=spec.url)


_NO_PAGE = Page(text="", title=None, published=None, author=None, outlet=None, language=None,
                canonical=None)


def _site_name(name: str | None, url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    if name and name.lower() in {host, host_of(url), host.removeprefix("www.")}:
        return None
    return name


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def robots_text(client: Client) -> Callable[[str], tuple[int, str]]:
    """A ``Robots`` fetcher over ``client``: (status, text), status 0 when unreachable."""
    def fetch_text(url: str) -> tuple[int, str]:
        try:
            answer = client.get(url)
        except FetchError as exc:
            return exc.status or 0, ""
        return answer.status, decode(answer.body, answer.charset)
    return fetch_text
