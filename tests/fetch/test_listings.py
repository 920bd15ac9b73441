"""Feeds (RSS 2.0, RDF, Atom, JSON Feed) and sitemaps (plain, news, index, gzip) parsed."""

from __future__ import annotations

import gzip

import pytest

from generator.fetch.feeds import parse_feed
from generator.fetch.listing import NotAListing
from generator.fetch.sitemaps import parse_sitemap
from tests.fetch.conftest import article_html, rss, rss_item

BASE = "https://herald.test"


def test_rss_entries_keep_content_summary_and_dates() -> None:
    feed = rss(BASE, [rss_item(BASE, "/a", "A title", content="<p>Full text</p>"),
                      rss_item(BASE, "", "No link")])
    listing = parse_feed(feed.encode(), media_type="application/rss+xml")
    assert listing.title == "Local Herald" and listing.language == "en"
    (entry,) = listing.entries
    assert (entry.url, entry.title, entry.published) == (f"{BASE}/a", "A title",
                                                         "2025-11-14T08:00:00Z")
    assert entry.content == "<p>Full text</p>" and entry.summary == "A short teaser."
    assert listing.problems == (("entry 2", "no link to the article"),)


def test_relative_links_resolve_against_the_feed_url() -> None:
    feed = rss("", [rss_item("", "/relative", "T")])
    listing = parse_feed(feed.encode(), url=f"{BASE}/feed.xml")
    assert listing.entries[0].url == f"{BASE}/relative"


def test_json_feed() -> None:
    body = (b'{"version": "https://jsonfeed.org/version/1", "title": "J", "items": '
            b'[{"id": "https://j.test/1", "title": "One", "content_text": "Text.", '
            b'"author": {"name": "Ann"}, "date_published": "2025-11-14T08:00:00Z"}]}')
    (entry,) = parse_feed(body).entries
    assert (entry.url, entry.author, entry.content) == ("https://j.test/1", "Ann", "Text.")


@pytest.mark.parametrize(("body", "reason"), [
    (article_html("Home", "x").encode(), "the answer is an HTML page"),
    (b'{"status": "ok", "articles": []}', "JSON without a JSON Feed 'version'"),
    (b"<?xml version='1.0'?><urlset></urlset>", "the answer is a sitemap"),
])
def test_not_a_feed(body: bytes, reason: str) -> None:
    with pytest.raises(NotAListing, match=reason):
        parse_feed(body)


NEWS = ("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
        "<url><loc>https://h.test/old</loc><lastmod>2025-01-01</lastmod></url>"
        "<url><loc>https://h.test/new</loc><news:news><news:publication><news:name>H</news:name>"
        "<news:language>de</news:language></news:publication><news:publication_date>"
        "2025-11-14</news:publication_date><news:title>Neu</news:title></news:news></url>"
        "<url><lastmod>2025-11-15</lastmod></url></urlset>")


def test_news_sitemap_newest_first() -> None:
    listing = parse_sitemap(NEWS.encode(), max_bytes=10_000)
    assert [e.url for e in listing.entries] == ["https://h.test/new", "https://h.test/old"]
    new = listing.entries[0]
    assert (new.title, new.language, new.outlet, new.published) == ("Neu", "de", "H",
                                                                    "2025-11-14")
    assert listing.problems == (("url 3", "no <loc>"),)


def test_sitemap_index_and_gzip() -> None:
    index = ("<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
             "<sitemap><loc>https://h.test/a.xml</loc><lastmod>2025-10-01</lastmod></sitemap>"
             "<sitemap><loc>https://h.test/b.xml</loc><lastmod>2025-11-01</lastmod></sitemap>"
             "</sitemapindex>")
    listing = parse_sitemap(gzip.compress(index.encode()), max_bytes=10_000)
    assert listing.children == ("https://h.test/b.xml", "https://h.test/a.xml")
    with pytest.raises(NotAListing, match="larger than 100 bytes unpacked"):
        parse_sitemap(gzip.compress(index.encode()), max_bytes=100)


def test_sitemap_entities_are_not_expanded() -> None:
    bomb = ("<?xml version='1.0'?><!DOCTYPE u [<!ENTITY a 'aaaaaaaaaa'>"
            "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            "<url><loc>https://h.test/&b;</loc></url></urlset>")
    listing = parse_sitemap(bomb.encode(), max_bytes=10_000)
    assert all("aaaaaaaaaa" not in e.url for e in listing.entries)


def test_not_a_sitemap() -> None:
    with pytest.raises(NotAListing, match="root element is <rss>"):
        parse_sitemap(b"<rss version='2.0'><channel/></rss>", max_bytes=10_000)
    with pytest.raises(NotAListing, match="HTML page"):
        parse_sitemap(b"<!doctype html><html><body><p>x</body>", max_bytes=10_000)


def test_html_page_names_the_feed_it_links() -> None:
    page = ("<!doctype html><html><head><link rel='alternate' type='application/rss+xml' "
            "href='/rss.xml'></head><body><p>Home</p></body></html>")
    with pytest.raises(NotAListing, match=r"it links a feed: https://herald\.test/rss\.xml"):
        parse_feed(page.encode(), url="https://herald.test/news/")
