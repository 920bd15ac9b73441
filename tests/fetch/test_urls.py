"""Canonical URLs and the file names of fetched articles."""

from __future__ import annotations

import pytest

from generator.fetch.urls import MAX_SLUG, canonical_url, host_folder, slugify, url_slug


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://News.Example.com/a/b?utm_source=rss&utm_medium=feed",
     "https://news.example.com/a/b"),
    ("https://example.com:443/a?id=7&fbclid=x#comments", "https://example.com/a?id=7"),
    ("http://example.com:8080/a?b=2&a=1", "http://example.com:8080/a?a=1&b=2"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/story?p=12&at_medium=RSS&gclid=1", "https://example.com/story?p=12"),
    ("https://example.com/x?ref=home", "https://example.com/x?ref=home"),  # may name the page
])
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_slugs_and_folders() -> None:
    assert slugify("Café owners protest: “No” to rent") == "cafe-owners-protest-no-to-rent"
    long = slugify("word " * 40)
    assert len(long) <= MAX_SLUG and not long.endswith("-")
    assert host_folder("https://www.Example.com:8443/a") == "example.com"
    assert host_folder("http://127.0.0.1:5000/a") == "127.0.0.1"
    assert url_slug("https://e.com/news/2025/11/14/tram-line.html") == "tram-line"
    assert len(url_slug("https://e.com/2025/11/14/")) == 12  # a hash when no word is left
