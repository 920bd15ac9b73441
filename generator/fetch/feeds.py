"""Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom through feedparser; JSON Feed 1.x read here.

feedparser copes with broken XML, wrong charsets and the many date formats of the wild, and
sanitises entry HTML; an entry without a link is reported, the others are kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import time
from typing import Any
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lxml_html

from generator.fetch.listing import Entry, Listing, NotAListing

JSON_FEED_PREFIX = "https://jsonfeed.org/version/"


def parse_feed(body: bytes, *, url: str = "", media_type: str = "",
               charset: str | None = None) -> Listing:
    """Parse a feed document of any supported kind; relative links resolve against ``url``.

    Raises:
        NotAListing: the document is not a feed (an HTML page, a JSON API answer, garbage).
    """
    if body.lstrip()[:1] == b"{" or media_type.endswith("json"):
        return _json_feed(body)
    headers = {"content-type": f"{media_type}; charset={charset}" if charset else media_type,
               "content-location": url}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True,
                              resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        raise NotAListing(_what_it_is(body, media_type, url))
    feed = parsed.get("feed", {})
    return _listing(feed, [_entry(item) for item in parsed.entries])


def _listing(head: Any, found: list[Entry | None]) -> Listing:
    """A listing of the entries found; an entry without a link is a problem named by number."""
    problems = tuple((f"entry {number}", "no link to the article")
                     for number, entry in enumerate(found, start=1) if entry is None)
    return Listing(title=_clean(head.get("title")), language=_clean(head.get("language")),
                   entries=tuple(e for e in found if e is not None), problems=problems)


def _entry(item: Any) -> Entry | None:
    link = _clean(item.get("link"))
    if not link and str(item.get("id", "")).startswith(("http://", "https://")):
        link = str(item["id"])  # Atom entries sometimes only carry a URL-shaped id
    if not link:
        return None
    contents = [c.get("value", "") for c in item.get("content", []) if c.get("value")]
    return Entry(url=link, title=_clean(item.get("title")),
                 published=_timestamp(item.get("published_parsed") or item.get("updated_parsed")),
                 author=_clean(item.get("author")),
                 content=max(contents, key=len) if contents else None,
                 summary=_clean(item.get("summary")), language=_clean(item.get("language")))


def _json_feed(body: bytes) -> Listing:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NotAListing(f"not a feed: invalid JSON ({exc})") from exc
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_PREFIX):
        raise NotAListing("not a feed: JSON without a JSON Feed 'version'")
    items = data.get("items")
    if not isinstance(items, list):
        raise NotAListing("not a feed: JSON Feed without 'items'")
    return _listing(data, [_json_entry(item) if isinstance(item, dict) else None
                           for item in items])


def _json_entry(item: dict[str, Any]) -> Entry | None:
    link = _clean(item.get("url")) or _clean(item.get("external_url"))
    if not link and str(item.get("id", "")).startswith(("http://", "https://")):
        link = str(item["id"])
    if not link:
        return None
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict)
                                      else [])
    names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
    return Entry(url=link, title=_clean(item.get("title")),
                 published=_clean(item.get("date_published") or item.get("date_modified")),
                 author=", ".join(map(str, names)) or None,
                 content=_clean(item.get("content_html") or item.get("content_text")),
                 summary=_clean(item.get("summary")), language=_clean(item.get("language")))


def _timestamp(parsed: time.struct_time | None) -> str | None:
    # feedparser normalises every date format to a UTC struct_time.
    if parsed is None:
        return None
    try:
        moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return moment.isoformat().replace("+00:00", "Z")


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _what_it_is(body: bytes, media_type: str, url: str) -> str:
    head = body[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head or media_type == "text/html":
        links = _feed_links(body, url)
        hint = f" (it links a feed: {links[0]})" if links else ""
        return f"not a feed: the answer is an HTML page{hint}"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "not a feed: the answer is a sitemap (set kind: sitemap)"
    return f"not a feed ({media_type or 'no content type'})"


def _feed_links(body: bytes, url: str) -> list[str]:
    """The feeds an HTML page announces (``<link rel="alternate">``), named in the report."""
    try:
        page = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    hrefs = page.xpath("//link[contains(@rel, 'alternate') and (contains(@type, 'rss') or "
                       "contains(@type, 'atom') or contains(@type, 'feed+json'))]/@href")
    return [urljoin(url, str(href).strip()) for href in hrefs if str(href).strip()]
