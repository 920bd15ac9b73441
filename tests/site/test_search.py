"""site.search: what Pagefind indexes, and that a page's record stays small at any size.

A query loads one fragment (the page's indexed text) per result shown, so a story of
hundreds of sources must not ship its whole source table with every query that finds it
(issue 17: one fragment of a saga reached 515 KB). What is folded on the page (source rows
past the first screen, folded copies, earlier chapters) stays out of the index.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator import site
from generator.model import Analysis
from generator.site import pages, render, search
from tests.conftest import thread_story
from tests.site.test_pages import wide_story

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"
SITE_URL = "https://user.github.io/repo/"
CHAPTERS = 30
"""Events of the thread: past ``chapters.MAX_SECTIONS_OPEN`` (20) the earlier ones fold."""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of a 40-source story, a 400-source one and a 30-chapter thread."""
    tmp = tmp_path_factory.mktemp("search")
    analysis = Analysis(articles=(), stories=(
        wide_story(40, "wide-40"), wide_story(400, "wide-400"),
        thread_story((2,) * CHAPTERS, story_id="saga", gap=1)))
    pages.write_pages(analysis, tmp / "docs", config_file=CONFIG)
    site.build_site(CONFIG, tmp / "docs", tmp / "site", site_url=SITE_URL)
    return tmp / "site"


def record(site_dir: Path, url: str) -> dict[str, object]:
    return next(r for r in search.fragments(site_dir) if r["url"] == url)


def fragment_bytes(site_dir: Path, url: str) -> int:
    """The bytes a browser fetches for the page's fragment (gzipped, as Pagefind wrote it)."""
    for path in (site_dir / search.FOLDER / "fragment").glob("*.pf_fragment"):
        if f'"url":"{url}"'.encode() in gzip.decompress(path.read_bytes()):
            return path.stat().st_size
    raise AssertionError(f"no fragment for {url}")


def test_a_story_ten_times_larger_has_a_fragment_of_the_same_size(built: Path) -> None:
    small = fragment_bytes(built, "/stories/wide-40.html")
    large = fragment_bytes(built, "/stories/wide-400.html")
    assert large < 1.2 * small
    assert large < 4_000


def test_open_source_rows_are_indexed_folded_ones_are_not(built: Path) -> None:
    html = (built / "stories" / "wide-400.html").read_text(encoding="utf-8")
    folded = html.split('class="dg-more-sources"', 1)[1]
    content = str(record(built, "/stories/wide-400.html")["content"])
    assert "Floods: day" in content  # headlines of the open rows are searchable
    assert "Flood report 350" in folded and "Flood report 350" not in content
    assert "folded in" in html and "folded in" not in content  # folded copies stay out
    assert "We have never seen water this high." in content  # quotes, timeline, summary in
    assert "Day 3: water rose again in the old town." in content


def test_earlier_chapters_fold_out_of_the_index_the_newest_stay(built: Path) -> None:
    content = str(record(built, "/stories/saga.html")["content"])
    assert f"Event {CHAPTERS}: the spill reaches mile" in content
    assert "Event 1: the spill reaches mile 0" not in content


def test_a_change_to_the_indexing_options_renders_and_indexes_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    cfg = load_config(str(CONFIG), docs_dir=str(tmp_path / "docs"))
    before = render.setup_hash(cfg, CONFIG)
    monkeypatch.setattr(search, "OPTIONS", (*search.OPTIONS, "--exclude-selectors", "p"))
    assert render.setup_hash(cfg, CONFIG) != before  # so the old index is not reused
