"""Redirect pages: where they go, what they contain, that links are relative."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import redirects


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


@pytest.mark.parametrize(("config", "expected"), [
    ("site_name: X\n", True),
    ("site_name: X\nuse_directory_urls: false\n", False),
    ("site_name: !ENV [NAME, X]\nuse_directory_urls: false\n", False),
    ("markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: "
     "!!python/name:material.extensions.emoji.twemoji\nuse_directory_urls: false\n", False),
    (": not yaml: [", True),
])
def test_directory_urls_of(tmp_path: Path, config: str, expected: bool) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    assert redirects.directory_urls_of(path) is expected


def test_post_build_hook_writes_into_given_site(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nuse_directory_urls: false\n", encoding="utf-8")
    hook = redirects.post_build_hook([("old", "new")], titles={"new": "New"}, config_file=config)
    hook(tmp_path / "site")
    assert 'href="new.html"' in (tmp_path / "site" / "stories" / "old.html").read_text("utf-8")
