"""render: a rebuild renders only changed pages, and its site equals a cold build's."""

from __future__ import annotations

import dataclasses
import os
import random
import re
import shutil
from pathlib import Path

import pytest

from generator import site
from generator.errors import BuildError
from generator.model import Analysis, Article, Entity, KeyQuote, PartialDate, Source, Story
from generator.site import pages, render

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"
SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "qui", "ber", "dal", "fen", "gor", "hu", "jil",
             "pra", "stu", "wex", "yon", "zan")

pytestmark = pytest.mark.slow


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                    for _ in range(n))


def archive_analysis(n: int, *, seed: int = 5) -> Analysis:
    """``n`` one-source stories of made-up words over four weeks (a vocabulary big enough
    for Pagefind to cut its index into chunks at a few hundred stories)."""
    rng = random.Random(seed)
    stories = []
    for i in range(n):
        art = Article(id=f"m{i}", path=f"m/{i}.txt", text="Text.", title=f"Report {i} "
                      + _words(rng, 6), published=PartialDate(2025, 10, 1 + i % 28),
                      outlet=f"Outlet {i % 7}", url=f"https://n{i}.example.com/a")
        stories.append(Story(id=f"archive-{i:03d}", title=art.title,
                             summary=_words(rng, 120) + ".", sources=(Source(art),)))
    return Analysis(articles=(), stories=tuple(stories))


def next_day(analysis: Analysis) -> Analysis:
    """The next build's input: one story changed, two dropped, one new (about 1% of pages)."""
    stories = list(analysis.stories)
    stories[3] = dataclasses.replace(stories[3], summary="A new development today.")
    new = archive_analysis(len(stories) + 1, seed=9).stories[-1]
    return Analysis((), tuple(stories[:-2]) + (dataclasses.replace(new, id="archive-new"),))


def publish(analysis: Analysis, docs: Path, out: Path, config: Path = CONFIG,
            **options: object) -> site.BuildStats:
    pages.write_pages(analysis, docs, config_file=config)
    return site.build_site(config, docs, out, **options)  # type: ignore[arg-type]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


UNORDERED = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\.[^/]*\.pf_meta"
                       r"|pagefind-entry\.json)$")
"""Pagefind's filter and metadata files (and the entry file naming them by hash): Pagefind
1.5.2 writes the values of a filter in a different order on every run, so two cold builds of
the same pages differ there (seen with pages of several ``kind`` values); they are compared
by presence only. Every other file, the index chunks and fragments included, byte for byte."""


def site_tree(root: Path) -> dict[str, bytes]:
    """``tree`` with Pagefind's unordered files reduced to their kind (see ``UNORDERED``)."""
    return {(f"pagefind/<{path.rsplit('.', 1)[-1]}>" if UNORDERED.match(path) else path):
            (b"" if UNORDERED.match(path) else data) for path, data in tree(root).items()}


@pytest.fixture(scope="module")
def day_one() -> Analysis:
    return archive_analysis(60)


def test_rebuild_renders_only_changed_pages_and_equals_a_cold_build(
        tmp_path: Path, day_one: Analysis) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    first = publish(day_one, docs, out)
    assert first.rendered == first.pages and first.reused == 0
    again = publish(next_day(day_one), docs, out)
    # The changed story, the new one, their day pages, the archive and the home page.
    assert 0 < again.rendered <= 8 and again.reused > 0.8 * again.pages
    assert again.reindexed
    cold = publish(next_day(day_one), tmp_path / "cold-docs", tmp_path / "cold")
    assert cold.reused == 0
    rebuilt, fresh = site_tree(out), site_tree(tmp_path / "cold")
    assert rebuilt.keys() == fresh.keys()  # no stale page left, none missing
    assert [p for p in fresh if rebuilt[p] != fresh[p]] == []  # and the same bytes


def named_analysis(n: int) -> Analysis:
    """``archive_analysis`` whose stories name people, quote them and relate to each other."""
    stories = [dataclasses.replace(
        s, entities=(Entity(f"Person {i % 5}", "person"),), related=(f"archive-{(i + 1) % n:03d}",),
        quotes=(KeyQuote(f"Person {i % 5}", f"Quote {i}.", (s.sources[0].primary.id,)),))
        for i, s in enumerate(archive_analysis(n).stories)]
    return Analysis((), tuple(stories))


def test_a_rebuild_with_changed_names_and_links_equals_a_cold_build(tmp_path: Path) -> None:
    """Pages are kept by key (``page_keys``): a retitled story must still change every page
    that lists or links it (its day, its people, the story relating to it, the speakers)."""
    first = named_analysis(20)
    stories = list(first.stories)
    stories[4] = dataclasses.replace(stories[4], title="Retitled report")
    stories[9] = dataclasses.replace(stories[9], entities=(Entity("Person 7", "person"),))
    second = Analysis((), tuple(stories[:-1]))
    docs, out = tmp_path / "docs", tmp_path / "site"
    publish(first, docs, out)
    again = publish(second, docs, out)
    publish(second, tmp_path / "cold-docs", tmp_path / "cold")
    assert ({k: v for k, v in tree(docs).items() if k != pages.MANIFEST}  # it records times
            == {k: v for k, v in tree(tmp_path / "cold-docs").items() if k != pages.MANIFEST})
    rebuilt, fresh = site_tree(out), site_tree(tmp_path / "cold")
    assert rebuilt.keys() == fresh.keys()
    assert [p for p in fresh if rebuilt[p] != fresh[p]] == []
    assert 0 < again.rendered < again.pages / 2
    shown = fresh["stories/archive-003.html"] + fresh["people/person-4.html"]
    assert shown.count(b"Retitled report") == 2


def test_nothing_new_renders_nothing_and_keeps_the_search_index(
        tmp_path: Path, day_one: Analysis) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    publish(day_one, docs, out)
    before = tree(out)
    stats = publish(day_one, docs, out)
    assert stats.rendered == 0 and not stats.reindexed
    assert tree(out) == before


def test_a_page_whose_bytes_changed_renders_whatever_its_time(
        tmp_path: Path, day_one: Analysis) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    publish(day_one, docs, out)
    page = docs / "stories" / "archive-007.md"
    old = page.stat().st_mtime_ns
    page.write_text(page.read_text(encoding="utf-8").replace("Report 7", "Report seven"),
                    encoding="utf-8")
    os.utime(page, ns=(old - 10**9, old - 10**9))  # older than the HTML rendered from it
    stats = site.build_site(CONFIG, docs, out)
    assert stats.rendered == 1
    assert "Report seven" in (out / "stories" / "archive-007.html").read_text(encoding="utf-8")


def test_a_changed_theme_renders_every_page(tmp_path: Path, day_one: Analysis) -> None:
    shutil.copy(CONFIG, tmp_path / "mkdocs.yml")
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    config, docs, out = tmp_path / "mkdocs.yml", tmp_path / "docs", tmp_path / "site"
    publish(day_one, docs, out, config)
    with (tmp_path / "theme" / "main.html").open("a", encoding="utf-8") as main:
        main.write("{# a change #}\n")
    stats = publish(day_one, docs, out, config)
    assert stats.reused == 0 and stats.rendered == stats.pages


def test_a_failed_rebuild_leaves_the_previous_site_byte_for_byte(
        tmp_path: Path, day_one: Analysis) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    publish(day_one, docs, out)
    before = tree(out)

    def fail(_: Path) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(BuildError):  # pages were rendered (through no shared file) first
        publish(next_day(day_one), docs, out, post_build=fail)
    assert tree(out) == before
    assert (out / render.STAMP).is_file()
