"""Redirect pages: where they go, what they contain, that links are relative."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.site import redirects


@pytest.mark.parametrize(("target", "directory_urls", "href"), [
    ("storm-ciaran", True, "../storm-ciaran/"),
    ("", True, "../../"),
    ("storm-ciaran", False, "storm-ciaran.html"),
    ("", False, "../index.html"),
])
def test_relative_href(target: str, directory_urls: bool, href: str) -> None:
    assert redirects.relative_href(target, directory_urls=directory_urls) == href


def test_redirect_page_has_refresh_canonical_and_plain_link(tmp_path: Path) -> None:
    written = redirects.write_redirects(
        tmp_path, [("rail-strike", "storm-ciaran")],
        titles={"storm-ciaran": "Storm <Ciarán> & rail chaos"})
    assert written == [tmp_path / "stories" / "rail-strike" / "index.html"]
    page = written[0].read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../storm-ciaran/">' in page
    assert '<link rel="canonical" href="../storm-ciaran/">' in page
    assert '<a href="../storm-ciaran/">Storm &lt;Ciarán&gt; &amp; rail chaos</a>' in page
    assert not re.search(r'(href|url)=["]?(/|https?:)', page), "links must be relative"


def test_redirect_home_without_directory_urls(tmp_path: Path) -> None:
    written = redirects.write_redirects(tmp_path, [("gone", "")], directory_urls=False)
    assert written == [tmp_path / "stories" / "gone.html"]
    assert 'url=../index.html"' in written[0].read_text(encoding="utf-8")


def test_never_overwrites_a_real_page(tmp_path: Path) -> None:
    real = tmp_path / "stories" / "live" / "index.html"
    real.parent.mkdir(parents=True)
    real.write_text("<h1>Live story</h1>", encoding="utf-8")
    assert redirects.write_redirects(tmp_path, [("live", "other")]) == []
    assert real.read_text(encoding="utf-8") == "<h1>Live story</h1>"


def test_post_build_hook_writes_into_given_site(tmp_path: Path) -> None:
    hook = redirects.post_build_hook([("old", "new")], titles={"new": "New"},
                                     directory_urls=False)
    hook(tmp_path / "site")
    assert 'href="new.html"' in (tmp_path / "site" / "stories" / "old.html").read_text("utf-8")
