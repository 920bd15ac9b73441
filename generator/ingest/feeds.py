"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, through feedparser; detected by content.

One article per entry: the full content where the feed has it (``content:encoded``, Atom
``content``), else the summary. Entry link is the URL, the entry's published (else updated)
date the publication date, the channel title the outlet.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from generator.ingest.base import (
    ID_HEX_CHARS,
    Document,
    Item,
    html_to_text,
    make_article,
    skip,
)
from generator.model import PartialDate

log = logging.getLogger(__name__)

SUFFIXES = (".xml", ".rss", ".atom", ".rdf")

SNIFF_CHARS = 2048
"""How far into a file the feed check looks for the root element (after prolog/comments)."""

_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """True when the document's root element is an RSS, Atom or RDF feed."""
    head = text[:SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    return head.startswith("<") and _ROOT.search(head) is not None


def read(doc: Document) -> Iterator[Item]:
    """Yield one article per feed entry; a Skipped for a non-feed or an empty entry."""
    if not looks_like_feed(doc.text):
        yield skip(doc, "XML file that is not an RSS or Atom feed")
        return
    parsed = _parse(doc.text)
    if parsed is None or not parsed.get("entries"):
        yield skip(doc, "feed has no entries")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for index, entry in enumerate(parsed["entries"], 1):
        yield _entry(doc, entry, str(index), outlet)


def read_one(doc: Document, item: str) -> Item:
    """The one entry of ``doc``: an entry of a large feed, framed as a feed of its own.

    Args:
        doc: the feed's head, the entry and the closing tags (``ingest.feedsplit``).
        item: the entry's number in the whole feed, the ``#N`` of its path.
    """
    parsed = _parse(doc.text)
    entries = (parsed or {}).get("entries") or []
    if not entries:
        return skip(doc, f"entry {item}: not a readable feed entry", item)
    return _entry(doc, entries[0], item, (parsed.get("feed") or {}).get("title"))


def _parse(text: str) -> Any:
    try:
        return feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary input
        log.debug("feedparser failed: %s", exc)
        return None


def _entry(doc: Document, entry: Any, item: str, outlet: Any) -> Item:
    text = html_to_text(_body(entry))
    if not text:
        return skip(doc, f"entry {item}: no content or summary", item)
    guid = entry.get("id") or entry.get("link")
    # A guid is often a URL; hashing keeps ids short and safe in paths while stable across
    # edits of the entry.
    own_id = hashlib.sha1(str(guid).encode("utf-8")).hexdigest()[:ID_HEX_CHARS] if guid else None
    return make_article(doc, text, item=item, own_id=own_id, title=entry.get("title"),
                        published=_date(entry), outlet=outlet, url=entry.get("link"),
                        author=entry.get("author"), language=entry.get("language"))


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if isinstance(c, dict)]
    full = max(values, key=len, default="")
    summary = entry.get("summary") or ""
    return str(full if len(full) >= len(summary) else summary)


def _date(entry: Any) -> PartialDate | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return PartialDate(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None
