"""site: atomic MkDocs builds, and the built site holds nothing an article could inject."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.site.test_pages import hostile_analysis, rich_analysis

from generator import pipeline, publish, site
from generator.site import pages, search
from generator.config import Settings
from generator.errors import BuildError
from generator.model import Analysis

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "data" / "hostile"
CONFIG = REPO / "mkdocs.yml"
SITE_URL = "https://user.github.io/repo/"
NAME_FOLDERS = {"people", "organisations", "places", "speakers"}

THEME_SCRIPT = re.compile(r"((\.\./)*|/repo/)assets/javascripts/[\w./-]+\.js")
"""Material's scripts and ours (search.js); the 404 page uses absolute URLs under the site's path."""

pytestmark = pytest.mark.slow


class _Page(HTMLParser):
    """Scripts, URLs and event-handler attributes of one built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []
        self.urls: list[tuple[str, str, str]] = []
        self.handlers: list[str] = []
        self._in_script: str | None = None
        self._src: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data"):
                self.urls.append((tag, name, value or ""))
        if tag == "script":
            self._in_script, self._src = "", dict(attrs).get("src")

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._in_script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._src, self._in_script))
            self._in_script = None


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def build(tmp: Path, analysis: object) -> Path:
    docs, out = tmp / "docs", tmp / "site"
    pages.write_pages(analysis, docs, config_file=CONFIG)  # type: ignore[arg-type]
    site.build_site(CONFIG, docs, out, site_url=SITE_URL)
    return out


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("hostile"), hostile_analysis())


@pytest.fixture(scope="module")
def rich_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("rich"), rich_analysis())


def html_files(root: Path) -> Iterator[Path]:
    return (p for p in sorted(root.rglob("*.html")))


def assert_inert(root: Path) -> None:
    """Nothing in the built site runs, loads or links anything an article asked for."""
    own = urllib.parse.urlsplit(SITE_URL).netloc
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    for path in html_files(root):
        page = parse(path)
        assert page.handlers == [], path
        for src, code in page.scripts:
            if src is not None:
                assert THEME_SCRIPT.fullmatch(src), src
            else:
                assert "alert" not in code and "pwned" not in code.lower(), path
        for tag, attr, value in page.urls:
            scheme = urllib.parse.urlsplit(value.strip()).scheme.lower()
            assert scheme in ("", "http", "https"), (path, value)
            host = urllib.parse.urlsplit(value).netloc
            if host and host != own:
                # Only links to article sources may leave the site; nothing is loaded from there.
                assert (tag, attr) == ("a", "href"), (path, tag, value)
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert passwd not in text and "root:x:0:0" not in text, path


def test_hostile_site_is_inert(hostile_site: Path) -> None:
    assert_inert(hostile_site)


def test_hostile_corpus_through_the_real_pipeline_is_inert(tmp_path: Path) -> None:
    settings = Settings(root=REPO, content=(HOSTILE / "articles.jsonl", HOSTILE / "scraped.txt"),
                        docs_dir=tmp_path / "docs", cache_dir=tmp_path / "cache")
    analysis = pipeline.run(settings)
    assert len(analysis.articles) >= 50
    out = build(tmp_path, analysis)
    assert_inert(out)
    assert len(list((out / "stories").glob("*.html"))) == len(analysis.stories)


def test_hostile_site_shows_payloads_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "stories" / "hostile-00.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;script&#39;)&lt;/script&gt;" in html or \
        "&#60;script&#62;" in html
    assert "<title>Hostile 0: \u2039script\u203a" in html


def test_hostile_config_payload_is_not_evaluated(hostile_site: Path) -> None:
    html = (hostile_site / "stories" / "hostile-06.html").read_text(encoding="utf-8")
    assert "&#123;&#123; config &#125;&#125;" in html
    # The value {{ config.site_url }} would give, had it been evaluated:
    assert SITE_URL not in html.split("<article", 1)[1]


def test_search_index_holds_stories_and_names_not_full_texts(rich_site: Path) -> None:
    records = list(search.fragments(rich_site))
    stories = [r for r in records if r["filters"] == {"kind": ["story"]}]
    names = [r for r in records if r["filters"] == {"kind": ["name"]}]
    assert {str(r["url"]) for r in stories} == {"/stories/rubio-mexico.html",
                                                "/stories/cartels.html"}
    assert names and all(str(r["url"]).split("/")[1] in NAME_FOLDERS for r in names)
    assert all(not str(r["url"]).endswith("/index.html") for r in names)
    text = " ".join(str(r["content"]) for r in stories)
    assert "Mayor Carlos Manzo is murdered" in text
    assert "We will not take unilateral decisions." in text
    assert "Other text." not in text  # a source's full text is not shipped
    titles = {str(r["meta"]["title"]) for r in stories}  # type: ignore[index]
    assert "Rubio rules out sending US troops into Mexico" in titles
    assert all(r["meta"].get("date") for r in stories)  # type: ignore[attr-defined]
    assert not (rich_site / "search" / "search_index.json").exists()
    assert not (rich_site / "pagefind" / "pagefind-ui.js").exists()
    assert 0 < site.index_size_per_story(rich_site, 2) < 20_000


def test_sitemap_feed_and_assets_are_published(rich_site: Path) -> None:
    sitemap = (rich_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}stories/rubio-mexico.html</loc>" in sitemap
    assert (rich_site / "feed.xml").is_file() and (rich_site / "rss.xml").is_file()
    assert (rich_site / "assets" / "stylesheets" / "digest.css").is_file()
    home = (rich_site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/stylesheets/digest.css"' in home
    assert '<link rel="alternate feed" type="application/atom+xml"' in home  # autodiscovery
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_nav_lists_only_index_pages(rich_site: Path) -> None:
    story = (rich_site / "stories" / "rubio-mexico.html").read_text(encoding="utf-8")
    nav = story.split('class="md-nav md-nav--primary', 1)[1].split("</nav>", 1)[0]
    assert "rubio-mexico" not in nav and "cartels.html" not in nav
    assert "archive/index.html" in nav


def test_relative_site_dir_is_the_working_directory_s_with_a_config_elsewhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    pages.write_pages(rich_analysis(), Path("docs"), config_file=CONFIG)
    site.build_site(CONFIG, Path("docs"), Path("site"))
    assert (work / "site" / "index.html").is_file()
    assert not list(CONFIG.parent.glob(".site-*"))


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    pages.write_pages(rich_analysis(), docs, config_file=CONFIG)
    site.build_site(CONFIG, docs, out)
    before = (out / "index.html").read_bytes()
    broken = tmp_path / "broken.yml"
    broken.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    with pytest.raises(BuildError):
        site.build_site(broken, docs, out)
    assert (out / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".site-*"))


def test_post_build_runs_before_the_swap_and_can_fail(tmp_path: Path) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    pages.write_pages(rich_analysis(), docs, config_file=CONFIG)

    def redirects(tmp: Path) -> None:
        assert tmp != out and (tmp / "index.html").is_file()
        (tmp / "old-slug.html").write_text("moved", encoding="utf-8")

    site.build_site(CONFIG, docs, out, post_build=redirects)
    assert (out / "old-slug.html").read_text(encoding="utf-8") == "moved"

    def failing(tmp: Path) -> None:
        raise OSError("disk full")

    with pytest.raises(BuildError, match="disk full"):
        site.build_site(CONFIG, docs, out, post_build=failing)
    assert (out / "old-slug.html").is_file()
    assert not list(tmp_path.glob(".site-*"))


@pytest.mark.parametrize(("text", "expected"), [
    ("site_url: https://a.github.io/r/\nuse_directory_urls: false\n",
     site.SiteOptions("https://a.github.io/r/", "News Digest", False)),
    ("site_name: X\n", site.SiteOptions(None, "X", True)),
    ("site_url: !ENV [NO_SUCH_VARIABLE_HERE, 'http://h/']\n",
     site.SiteOptions("http://h/", "News Digest", True)),
    (": : not yaml [", site.SiteOptions()),
])
def test_site_options(tmp_path: Path, text: str, expected: site.SiteOptions) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    assert site.site_options(path) == expected


def test_site_options_without_a_file(tmp_path: Path) -> None:
    assert site.site_options(tmp_path / "none.yml") == site.SiteOptions()


def test_watcher_rebuilds_on_change_and_survives_errors(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("one", encoding="utf-8")
    calls: list[int] = []

    def rebuild() -> None:
        calls.append(1)
        if len(calls) == 2:
            raise BuildError("broken article")

    watcher = publish.Watcher([content, tmp_path / "missing.yml"], rebuild, interval=0.01)
    assert watcher.poll() is False
    (content / "a.txt").write_text("two!", encoding="utf-8")
    assert watcher.poll() is True
    (content / "b.txt").write_text("new", encoding="utf-8")
    assert watcher.poll() is True  # the error is logged, the watcher keeps going
    (content / "a.txt").unlink()
    assert watcher.poll() is True
    assert len(calls) == 3 and watcher.poll() is False


def test_watched_inputs_cover_content_templates_and_settings(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    assert publish.watched_inputs(settings) == [tmp_path / "content", pages.TEMPLATES,
                                                tmp_path / "digest.yml"]


def test_deploy_outside_a_git_repository_fails_cleanly(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "site").mkdir()
    monkeypatch.setattr(publish.pipeline, "build", lambda settings, **_: Analysis((), ()))
    settings = Settings(root=tmp_path, mkdocs_config=CONFIG)
    with pytest.raises(BuildError, match="deploy to GitHub Pages failed"):
        publish.deploy(settings)
