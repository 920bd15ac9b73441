"""Sitemaps: plain (``<urlset>``), Google News (``news:news``) and indexes (``<sitemapindex>``).

Parsed with lxml with entity expansion and network access off, so a hostile sitemap cannot
expand entities or reach other hosts; a gzipped sitemap (``.xml.gz``) is unpacked with the same
size cap as any response.
"""

from __future__ import annotations

import gzip
import io

from lxml import etree

from generator.fetch.client import GZIP_MAGIC
from generator.fetch.listing import Entry, Listing, NotAListing

_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_NO_DATE = ""  # sorts after every ISO date when ordering newest first


def parse_sitemap(body: bytes, *, max_bytes: int) -> Listing:
    """Entries of a urlset (newest first when dated) or the children of a sitemap index.

    Raises:
        NotAListing: not a sitemap, or a gzipped one larger than ``max_bytes`` unpacked.
    """
    root = _parse(_unpack(body, max_bytes))
    kind = etree.QName(root).localname
    if kind == "sitemapindex":
        children = [(_text(node, "lastmod") or _NO_DATE, loc) for node in _children(root, "sitemap")
                    if (loc := _text(node, "loc"))]
        children.sort(key=lambda pair: pair[0], reverse=True)
        return Listing(title=None, language=None, entries=(),
                       children=tuple(loc for _, loc in children))
    if kind != "urlset":
        raise NotAListing(f"not a sitemap: the root element is <{kind}>")
    entries: list[Entry] = []
    problems: list[tuple[str, str]] = []
    for number, node in enumerate(_children(root, "url"), start=1):
        loc = _text(node, "loc")
        if not loc:
            problems.append((f"url {number}", "no <loc>"))
            continue
        entries.append(_entry(node, loc))
    entries.sort(key=lambda e: e.published or _NO_DATE, reverse=True)
    return Listing(title=None, language=None, entries=tuple(entries), problems=tuple(problems))


def _entry(node: etree._Element, loc: str) -> Entry:
    news = node.find(f"{_NEWS}news")
    if news is None:
        return Entry(url=loc, published=_text(node, "lastmod"))
    publication = news.find(f"{_NEWS}publication")
    return Entry(url=loc, title=_ns_text(news, "title"),
                 published=_ns_text(news, "publication_date") or _text(node, "lastmod"),
                 language=_ns_text(publication, "language"),
                 outlet=_ns_text(publication, "name"))


def _unpack(body: bytes, max_bytes: int) -> bytes:
    if not body.startswith(GZIP_MAGIC):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as unpacked:
            data = unpacked.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise NotAListing(f"not a valid gzip file ({exc})") from exc
    if len(data) > max_bytes:
        raise NotAListing(f"gzipped sitemap larger than {max_bytes:,} bytes unpacked")
    return data


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        head = data[:2048].lower()
        if b"<html" in head or b"<!doctype html" in head:
            raise NotAListing("not a sitemap: the answer is an HTML page") from exc
        raise NotAListing(f"not a sitemap: invalid XML ({exc})") from exc
    if root is None:
        raise NotAListing("not a sitemap: empty document")
    return root


def _children(root: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in root if isinstance(child.tag, str)
            and etree.QName(child).localname == name]


def _text(node: etree._Element, name: str) -> str | None:
    for child in _children(node, name):
        value = (child.text or "").strip()
        if value:
            return value
    return None


def _ns_text(node: etree._Element | None, name: str) -> str | None:
    if node is None:
        return None
    child = node.find(f"{_NEWS}{name}")
    value = (child.text or "").strip() if child is not None else ""
    return value or None
