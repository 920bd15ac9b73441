"""pages: which files are written, what a story page says, links, feeds, incremental writes."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from mkdocs.utils import meta

from generator.site import feeds, listings, page_keys, pages, story_view
from generator.site.links import Linker, show_date, show_range, story_path, url_of
from tests.site.conftest import CONFIG_FLAT, written
from generator.model import (
    Analysis,
    Article,
    Entity,
    KeyQuote,
    PartialDate,
    Source,
    Story,
    ThreadEvent,
    TimelineEntry,
)

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


def article(n: int, **overrides: object) -> Article:
    base = Article(id=f"a{n}", path=f"content/{n:03d}.txt", text=f"Body {n}. Marco Rubio said no.",
                   title=f"Headline {n}", published=PartialDate(2025, 11, 10 + n % 5),
                   outlet=f"Outlet {n}", url=f"https://news{n}.example.com/story")
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


def rich_story() -> Story:
    """A story with every field filled, as the pipeline will produce it."""
    a1 = article(1, text="Marco Rubio said the U.S. will not send troops. Other text.")
    a2 = article(2, outlet="El País", published=PartialDate(2025, 11, 14))
    a3 = article(3, outlet="Border Report", url="javascript:alert(1)")
    return Story(
        id="rubio-mexico", title="Rubio rules out sending US troops into Mexico",
        summary="Marco Rubio said the U.S. will not send troops. Sheinbaum agreed.",
        sources=(Source(a1, copies=(a3,)), Source(a2)),
        timeline=(
            TimelineEntry(PartialDate(2025, 2), "Cartels designated as terrorist groups", ("a1",)),
            TimelineEntry(PartialDate(2025, 11, 1), "Mayor Carlos Manzo is murdered", ("a1", "a2"),
                          disputed=(("a2", PartialDate(2025, 11, 2)),)),
            TimelineEntry(PartialDate(2025, 11, 13), "Rubio speaks in Hamilton", ("a3",)),
        ),
        quotes=(KeyQuote("Marco Rubio", "We will not take unilateral decisions.", ("a1",),
                         PartialDate(2025, 11, 13), role="U.S. Secretary of State"),),
        entities=(Entity("Marco Rubio", "person"), Entity("Claudia Sheinbaum", "person"),
                  Entity("NBC News", "org"), Entity("Mexico", "place"), Entity("G7", "other")),
        related=("cartels", "missing-story"), first_seen="2025-11-13", updated="2025-11-14",
        changes=("1 new source", "2 new timeline entries"))


def small_story(story_id: str, day: int, **overrides: object) -> Story:
    base = Story(id=story_id, title=f"Story {story_id}", summary=f"Summary of {story_id}.",
                 sources=(Source(article(day, id=f"{story_id}-a",
                                         published=PartialDate(2025, 11, day))),))
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


def rich_analysis() -> Analysis:
    stories = (rich_story(), small_story("cartels", 12, related=("rubio-mexico",),
                                         entities=(Entity("Marco Rubio", "person"),)))
    return Analysis(articles=(), stories=stories)


LONG_WORD = "Supercalifragilistic" * 6
"""An unbroken run of 120 letters, the kind a file-name headline or a URL brings."""


def wide_story(n_sources: int, story_id: str = "wide") -> Story:
    """A story of ``n_sources`` sources that all repeat its summary and its main events.

    Long outlet names, headlines with unbroken runs and disputed entries: what a saga of
    hundreds of sources brings to the story page.
    """
    lead = "The river burst its banks and flooded the old town overnight."
    sources = tuple(Source(article(i, id=f"{story_id}-{i}", text=f"{lead} Report {i}.",
                                   title=(f"Flood report {i} {LONG_WORD}" if i % 50 == 0 else
                                          f"Floods: day {i % 9} of the crisis as waters rise"),
                                   outlet=f"The Daily Regional Chronicle and Gazette {i % 40}",
                                   published=PartialDate(2025, 11, 1 + i % 28)),
                           copies=(article(i, id=f"{story_id}-{i}-copy"),) if i % 7 == 0 else ())
                    for i in range(1, n_sources + 1))
    ids = tuple(s.primary.id for s in sources)
    return Story(
        id=story_id, title="Floods reach the old town as the river bursts its banks",
        summary=f"{lead} Residents were moved to schools.", sources=sources,
        timeline=tuple(
            TimelineEntry(PartialDate(2025, 11, day), f"Day {day}: water rose again in the "
                          f"old town{' ' + LONG_WORD if day == 5 else ''}.", ids[day:],
                          disputed=tuple((i, PartialDate(2025, 10)) for i in ids[:3]))
            for day in range(1, 8)),
        quotes=(KeyQuote("Anna Berg", "We have never seen water this high.", ids),),
        entities=(Entity("Anna Berg", "person"), Entity("River Authority", "org"),
                  Entity("Old Town", "place")))


PAYLOADS_PER_STORY = 5
KINDS = ("person", "org", "place")


def hostile_article(n: int, raw: dict[str, str]) -> tuple[Article, Article]:
    art = Article(id=raw["id"], path=f"hostile/{n}.txt", text=raw["text"], title=raw["title"],
                  published=PartialDate.parse(raw["published"]), outlet=raw["outlet"],
                  url=raw["url"])
    return art, dataclasses.replace(art, id=f"{raw['id']}-copy", url="https://example.com/c")


def hostile_events(pairs: list[tuple[Article, Article]],
                   payloads: list[str]) -> tuple[ThreadEvent, ...]:
    """The story's sources as two events whose titles and ids are payloads."""
    ids = [a.id for pair in pairs for a in pair]
    cut = min(4, len(ids) - 1)
    return tuple(ThreadEvent(id=payloads[k - 1], title=payloads[k % len(payloads)],
                             first=PartialDate(2025, 11, 12 + k), last=PartialDate(2025, 11, 13),
                             articles=tuple(part))
                 for k, part in ((1, ids[:cut]), (2, ids[cut:])) if part)


def hostile_analysis() -> Analysis:
    """Hostile articles in stories whose every text field carries their payloads."""
    rows = [json.loads(line) for line in
            (HOSTILE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    stories = []
    for first in range(0, len(rows), PAYLOADS_PER_STORY):
        group = list(enumerate(rows[first:first + PAYLOADS_PER_STORY], first))
        pairs = [hostile_article(n, raw) for n, raw in group]
        # The last source a day later: two days of coverage draw the chart, whose chapter
        # marks carry the payloads too.
        pairs[-1] = tuple(dataclasses.replace(a, published=PartialDate(2025, 11, 15))
                          for a in pairs[-1])  # type: ignore[assignment]
        payloads = [raw["outlet"] for _, raw in group]  # the bare payload
        number = first // PAYLOADS_PER_STORY
        stories.append(Story(
            id=f"hostile-{number:02d}", title=group[0][1]["title"],
            summary=" ".join(payloads) + " " + group[0][1]["text"],
            sources=tuple(Source(art, copies=(copy,)) for art, copy in pairs),
            timeline=tuple(TimelineEntry(PartialDate(2025, 11, 13), p, (art.id,),
                                         disputed=((copy.id, PartialDate(2025, 11)),))
                           for p, (art, copy) in zip(payloads, pairs, strict=True)),
            quotes=tuple(KeyQuote(p, p, (art.id,), PartialDate(2025, 11, 13), role=p)
                         for p, (art, _) in zip(payloads, pairs, strict=True)),
            entities=tuple(Entity(p, KINDS[n % 3]) for n, p in enumerate(payloads, first)),  # type: ignore[arg-type]
            related=(f"hostile-{number + 1:02d}", "missing"), first_seen=payloads[0],
            updated=payloads[1], changes=tuple(payloads),
            events=hostile_events(pairs, payloads)))
    return Analysis(articles=(), stories=tuple(stories))


def test_writes_every_kind_of_page(tmp_path: Path, config: Path) -> None:
    files = written(tmp_path, rich_analysis(), config)
    assert {"index.md", "archive/index.md", "days/2025-11-14.md", "days/2025-11-12.md",
            "stories/rubio-mexico.md", "stories/cartels.md", "people/index.md",
            "people/marco-rubio.md", "people/claudia-sheinbaum.md", "organisations/nbc-news.md",
            "places/mexico.md", "speakers/index.md", "speakers/marco-rubio.md",
            "feed.xml", "rss.xml"} <= set(files)
    assert not any(p.startswith("other") or "g7" in p for p in files)
    assert "tags.md" not in files  # our name pages replace Material's tags plugin


def test_story_page_shows_every_part(tmp_path: Path, config: Path) -> None:
    page = written(tmp_path, rich_analysis(), config)["stories/rubio-mexico.md"]
    body, front = meta.get_data(page)
    assert front["title"] == "Rubio rules out sending US troops into Mexico"
    assert front["tags"] == ["Marco Rubio", "Claudia Sheinbaum", "NBC News", "Mexico"]
    assert "## Timeline" in body and "## Key quotes" in body and "## Sources" in body
    assert 'datetime="2025-02">Feb 2025</time>' in body
    assert '>Outlet 1</a> and <a href="#src-2">El País</a> give 1 Nov 2025; ' in body
    assert '>El País</a> gives 2 Nov 2025</p>' in body  # a dispute names both sides' dates
    assert 'href="../speakers/marco-rubio.html">Marco Rubio</a>' in body
    assert '<tr id="src-1">' in body and '<tr id="src-2">' in body
    assert "1 copy folded in" in body
    assert 'href="https://news1.example.com/story"' in body
    assert "javascript" not in body
    assert 'href="cartels.html">Story cartels</a>' in body and "missing-story" not in body
    assert "<li>&#50; new timeline entries</li>" in body  # a leading digit is escaped


def test_quote_cards_and_speaker_pages_show_the_role(tmp_path: Path, config: Path) -> None:
    files = written(tmp_path, rich_analysis(), config)
    role = '<span class="dg-role">U.S. Secretary of State</span>'
    card = next(line for line in files["stories/rubio-mexico.md"].splitlines()
                if "dg-speaker" in line)
    assert card.index("Marco Rubio") < card.index(role)
    assert role in files["speakers/marco-rubio.md"]


def test_summary_cites_the_sources_that_contain_each_sentence(tmp_path: Path,
                                                              config: Path) -> None:
    page = written(tmp_path, rich_analysis(), config)["stories/rubio-mexico.md"]
    summary = next(line for line in page.splitlines() if 'class="dg-summary"' in line)
    first, second = summary.split("Sheinbaum agreed")
    assert 'href="#src-1"' in first
    assert "src-" not in second


def test_entries_long_before_the_first_report_are_background(tmp_path: Path,
                                                            config: Path) -> None:
    files = written(tmp_path, rich_analysis(), config)
    body = files["stories/rubio-mexico.md"]
    background, story = body.split('<p class="dg-timeline__part" data-search-exclude>'
                                   'The story</p>')
    assert "Before this story</p>" in background
    assert 'datetime="2025-02"' in background  # Feb 2025, months before Nov's reports
    assert 'datetime="2025-11-01"' in story and 'datetime="2025-11-01"' not in background
    recent = written(tmp_path / "wide", Analysis((), (wide_story(6),)), config)["stories/wide.md"]
    assert 'class="dg-timeline"' in recent and "dg-timeline__part" not in recent  # all recent


def test_timeline_entry_citing_a_copy_points_at_its_source(tmp_path: Path, config: Path) -> None:
    page = written(tmp_path, rich_analysis(), config)["stories/rubio-mexico.md"]
    entry = page.split("Rubio speaks in Hamilton")[1].split("</li>")[0]
    assert 'href="#src-1"' in entry


def test_long_citation_lists_collapse_to_the_first_sources(tmp_path: Path,
                                                          config: Path) -> None:
    page = written(tmp_path, Analysis((), (wide_story(156),)), config)["stories/wide.md"]
    summary = next(line for line in page.splitlines() if 'class="dg-summary"' in line)
    lead = summary.split("Residents")[0]
    assert [f'href="#src-{n}"' in lead for n in (1, 2, 3, 4)] == [True] * 3 + [False]
    assert 'href="#sources"' in lead and ">and 153 more</a>" in lead
    entry = page.split("Day 7&#58; water rose")[1].split("</li>")[0]
    assert 'href="#src-8"' in entry and ">and 146 more</a>" in entry
    assert "src-11" not in entry
    lists = [part.split("</span>")[0] for part in page.split('<span class="dg-cites"')[1:]]
    assert len(lists) == 1 + 7 * 3 + 1  # summary, entries with both sides of their dispute, quote
    assert max(chips.count("<a ") for chips in lists) == story_view.CITES_SHOWN + 1


def test_short_citation_lists_are_shown_whole(tmp_path: Path, config: Path) -> None:
    page = written(tmp_path, Analysis((), (wide_story(6),)), config)["stories/wide.md"]
    entry = page.split("Day 1&#58; water rose")[1].split("</li>")[0]
    assert all(f'#src-{n}"' in entry for n in range(2, 7)) and "more</a>" not in entry


def test_large_source_table_folds_all_but_the_first_rows(tmp_path: Path, config: Path) -> None:
    page = written(tmp_path, Analysis((), (wide_story(300),)), config)["stories/wide.md"]
    assert page.startswith("---\n")  # the table macro above the front matter prints nothing
    body, _ = meta.get_data(page)
    open_part, folded = body.split('<details class="dg-more-sources">')
    assert open_part.count("<tr id=") == 20
    assert "<summary>Sources 21–300 (280 more)</summary>" in folded
    assert folded.count("<tr id=") == 280 and '<tr id="src-300">' in folded
    assert folded.count('class="dg-copies"') == 300 // 7 - 20 // 7
    small = written(tmp_path / "small", Analysis((), (wide_story(30),)), config)
    assert "dg-more-sources" not in small["stories/wide.md"]


def test_home_shows_latest_day_as_cards_and_earlier_days(tmp_path: Path, config: Path) -> None:
    home = written(tmp_path, rich_analysis(), config)["index.md"]
    assert "<h1>14 Nov 2025</h1>" in home
    assert home.count('class="dg-card"') == 1
    assert 'href="stories/rubio-mexico.html"' in home
    assert 'href="days/2025-11-12.html">12 Nov 2025</a>' in home
    assert '<a class="dg-chip" href="people/marco-rubio.html">Marco Rubio</a>' in home
    assert "2 sources" in home and "3 outlets" in home


def test_large_days_and_archives_paginate(tmp_path: Path, config: Path) -> None:
    many = tuple(small_story(f"s{i:03d}", 14) for i in range(listings.STORIES_PER_PAGE * 2 + 1))
    files = written(tmp_path, Analysis(articles=(), stories=many), config)
    assert {"days/2025-11-14.md", "days/2025-11-14-p2.md", "days/2025-11-14-p3.md"} <= set(files)
    assert 'href="2025-11-14-p2.html" rel="next"' in files["days/2025-11-14.md"]
    assert files["index.md"].count('class="dg-card"') == listings.HOME_CARDS


def test_day_and_name_pages_list_stories_compactly() -> None:
    files = {s.path: s for s in pages._plan(rich_analysis(), listings.names_for(rich_analysis()),
                                           Linker(directory_urls=False), setup="")}
    env = pages._environment()
    for path in ("days/2025-11-14.md", "people/marco-rubio.md"):
        spec = files[path]
        text = env.get_template(spec.template).render(**spec.context())
        assert 'class="dg-rows"' in text and 'class="dg-card"' not in text, path
        assert "Sheinbaum agreed" not in text, path  # no summaries
        assert "Rubio rules out sending US troops into Mexico" in text, path


def test_name_pages_paginate_into_sub_folders(tmp_path: Path, config: Path) -> None:
    rubio = Entity("Marco Rubio", "person")
    n = listings.STORIES_PER_PAGE * 2 + 1
    many = tuple(small_story(f"s{i:03d}", 10 + i % 5, entities=(rubio,),
                             quotes=(KeyQuote("Marco Rubio", f"Quote {i}.", (f"s{i:03d}-a",)),))
                 for i in range(n))
    files = written(tmp_path, Analysis(articles=(), stories=many), config)
    assert {"people/marco-rubio.md", "people/marco-rubio/2.md",
            "people/marco-rubio/3.md"} <= set(files)
    assert "people/marco-rubio/4.md" not in files
    first, last = files["people/marco-rubio.md"], files["people/marco-rubio/3.md"]
    assert 'href="marco-rubio/2.html" rel="next"' in first
    assert 'href="2.html" rel="prev"' in last and 'href="../../stories/' in last
    assert first.count("<li>") == listings.STORIES_PER_PAGE and last.count("<li>") == 1
    assert f"{n} stories, page 1 of 3" in first
    quote_pages = [p for p in files if p.startswith("speakers/marco-rubio")]
    assert len(quote_pages) == -(-n // listings.QUOTES_PER_PAGE)


def test_archive_pages_split_by_day_count() -> None:
    days = [(f"2025-01-{d:02d}", []) for d in range(1, 32)] * 3
    specs = listings.archive_pages(days, listings.names_for(Analysis((), ())),
                                   Linker(directory_urls=False))
    assert [s.path for s in specs] == ["archive/index.md", "archive/page-2.md"]


def test_unchanged_pages_are_not_rewritten(tmp_path: Path, config: Path) -> None:
    docs = tmp_path / "docs"
    paths = pages.write_pages(rich_analysis(), docs, config_file=config)
    stamps = {p: p.stat().st_mtime_ns for p in paths}
    again = pages.write_pages(rich_analysis(), docs, config_file=config)
    assert {p: p.stat().st_mtime_ns for p in again} == stamps


def test_changed_story_rewrites_only_pages_that_show_it(tmp_path: Path, config: Path) -> None:
    docs = tmp_path / "docs"
    first = rich_analysis()
    pages.write_pages(first, docs, config_file=config)
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    changed = dataclasses.replace(first.stories[0], changes=("3 new sources",))
    pages.write_pages(Analysis((), (changed, first.stories[1])), docs, config_file=config)
    rewritten = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                 if p.stat().st_mtime_ns != stamps.get(p)}
    assert rewritten == {"stories/rubio-mexico.md"}


def test_stale_pages_are_removed_and_other_files_kept(tmp_path: Path, config: Path) -> None:
    docs = tmp_path / "docs"
    pages.write_pages(rich_analysis(), docs, config_file=config)
    (docs / "about.md").write_text("# Mine\n", encoding="utf-8")
    (docs / "stories" / "left-over.md").write_text("# old\n", encoding="utf-8")
    only = Analysis((), (small_story("cartels", 12),))
    pages.write_pages(only, docs, config_file=config)
    assert (docs / "about.md").exists()
    assert not (docs / "stories" / "rubio-mexico.md").exists()
    assert not (docs / "stories" / "left-over.md").exists()
    assert not (docs / "people" / "marco-rubio.md").exists()
    assert (docs / "people" / "index.md").exists()


def test_empty_analysis_still_writes_the_nav_pages(tmp_path: Path, config: Path) -> None:
    files = written(tmp_path, Analysis((), ()), config)
    assert {"index.md", "archive/index.md", "people/index.md", "organisations/index.md",
            "places/index.md", "speakers/index.md"} <= set(files)
    assert "No stories yet" in files["index.md"]


def test_clashing_names_get_distinct_pages(tmp_path: Path, config: Path) -> None:
    story = small_story("x", 14, entities=(Entity("José", "person"), Entity("Jose", "person")),
                        quotes=(KeyQuote("A. Smith", "a", ("x-a",)),
                                KeyQuote("A Smith", "b", ("x-a",))))
    files = written(tmp_path, Analysis((), (story,)), config)
    assert {"people/jose.md", "people/jose-2.md", "speakers/a-smith.md",
            "speakers/a-smith-2.md"} <= set(files)


def test_unsafe_story_ids_become_safe_file_names() -> None:
    assert story_path("rubio-mexico") == "stories/rubio-mexico.md"
    unsafe = story_path("../../etc/passwd")
    assert unsafe.startswith("stories/etc-passwd-") and unsafe.count("/") == 1


@pytest.mark.parametrize(("directory_urls", "source", "target", "expected"), [
    (False, "index.md", "stories/a.md", "stories/a.html"),
    (False, "stories/a.md", "stories/b.md", "b.html"),
    (False, "stories/a.md", "people/x.md", "../people/x.html"),
    (False, "people/x.md", "index.md", "../index.html"),
    (False, "people/x.md", "people/index.md", "index.html"),
    (True, "index.md", "stories/a.md", "stories/a/"),
    (True, "stories/a.md", "stories/b.md", "../b/"),
    (True, "stories/a.md", "index.md", "../../"),
    (True, "people/index.md", "people/x.md", "x/"),
    (True, "people/x.md", "people/index.md", "../"),
    (True, "index.md", "archive/index.md", "archive/"),
])
def test_links_between_pages(directory_urls: bool, source: str, target: str,
                             expected: str) -> None:
    assert Linker(directory_urls=directory_urls).href(source, target) == expected


def test_url_of_and_assets() -> None:
    assert url_of("stories/a.md", directory_urls=False) == "stories/a.html"
    assert url_of("index.md", directory_urls=True) == ""
    assert Linker(directory_urls=True).asset("stories/a.md", "feed.xml") == "../../feed.xml"
    assert Linker(directory_urls=False).asset("stories/a.md", "feed.xml") == "../feed.xml"


@pytest.mark.parametrize(("start", "end", "expected"), [
    (PartialDate(2025, 11, 4), PartialDate(2025, 11, 14), "4\u201314 Nov 2025"),
    (PartialDate(2025, 10, 30), PartialDate(2025, 11, 2), "30 Oct \u2013 2 Nov 2025"),
    (PartialDate(2024, 12, 30), PartialDate(2025, 1, 2), "30 Dec 2024 \u2013 2 Jan 2025"),
    (PartialDate(2025, 11), PartialDate(2025, 11, 14), "Nov \u2013 14 Nov 2025"),
    (PartialDate(2025), PartialDate(2025), "2025"),
    (None, None, ""),
])
def test_show_range(start: PartialDate | None, end: PartialDate | None, expected: str) -> None:
    assert show_range(start, end) == expected


def test_show_date_precision() -> None:
    assert [show_date(PartialDate(2025)), show_date(PartialDate(2025, 3)),
            show_date(PartialDate(2025, 3, 9))] == ["2025", "Mar 2025", "9 Mar 2025"]


def test_feed_is_stable_and_keeps_unchanged_entry_dates() -> None:
    stories = list(rich_analysis().stories)
    atom1, rss1 = feeds.render(stories, site_url="https://u.github.io/repo/", title="T",
                               directory_urls=False)
    atom2, rss2 = feeds.render(stories, site_url="https://u.github.io/repo/", title="T",
                               directory_urls=False)
    assert (atom1, rss1) == (atom2, rss2)
    text = atom1.decode()
    assert "<id>urn:news-digest:story:rubio-mexico</id>" in text
    assert 'href="https://u.github.io/repo/stories/rubio-mexico.html"' in text
    assert "<updated>2025-11-14T00:00:00+00:00</updated>" in text
    newer = dataclasses.replace(stories[1], updated="2025-11-20")
    atom3, _ = feeds.render([stories[0], newer], site_url=None, title="T", directory_urls=False)
    assert "<updated>2025-11-14T00:00:00+00:00</updated>" in atom3.decode()
    assert atom3.decode().index("cartels") < atom3.decode().index("rubio-mexico")


def _entry_dates(atom: bytes) -> dict[str, str]:
    root = ET.fromstring(atom)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    return {str(e.findtext("a:id", namespaces=ns)).rsplit(":", 1)[1]:
            str(e.findtext("a:updated", namespaces=ns))[:10] for e in root.findall("a:entry", ns)}


def test_feed_dates_stories_by_their_own_date_until_a_build_changes_them() -> None:
    first = [small_story(f"s{day}", day, first_seen="2025-12-01", updated="2025-12-01")
             for day in (5, 9, 12)]
    atom, _ = feeds.render(first, site_url=None, title="T", directory_urls=False)
    # A first build: each entry carries its story's newest source, not the build date.
    assert _entry_dates(atom) == {"s5": "2025-11-05", "s9": "2025-11-09", "s12": "2025-11-12"}
    assert list(_entry_dates(atom)) == ["s12", "s9", "s5"]  # newest first
    changed = [first[0], dataclasses.replace(first[1], updated="2025-12-02"), first[2]]
    atom, _ = feeds.render(changed, site_url=None, title="T", directory_urls=False)
    assert _entry_dates(atom) == {"s5": "2025-11-05", "s9": "2025-12-02", "s12": "2025-11-12"}
    assert list(_entry_dates(atom))[0] == "s9"


def test_feed_own_date_is_never_after_the_first_build() -> None:
    story = small_story("future", 14, first_seen="2025-11-02", updated="2025-11-02")
    atom, _ = feeds.render([story], site_url=None, title="T", directory_urls=False)
    assert _entry_dates(atom) == {"future": "2025-11-02"}


def test_both_feeds_link_to_themselves() -> None:
    stories = list(rich_analysis().stories)
    atom, rss = feeds.render(stories, site_url="https://u.github.io/repo/", title="T",
                             directory_urls=False)
    assert '<link href="https://u.github.io/repo/feed.xml" rel="self"/>' in atom.decode()
    assert 'href="https://u.github.io/repo/rss.xml" rel="self"' in rss.decode()
    assert "rss.xml" not in atom.decode() and "feed.xml" not in rss.decode()
    atom, rss = feeds.render(stories, site_url=None, title="T", directory_urls=False)
    assert '<link href="feed.xml" rel="self"/>' in atom.decode()


def test_feed_escapes_article_text() -> None:
    story = small_story("x", 14, title="<script>alert(1)</script>",
                        summary="<img src=x onerror=alert(2)>")
    atom, rss = feeds.render([story], site_url=None, title="T", directory_urls=False)
    for doc in (atom.decode(), rss.decode()):
        assert "<script" not in doc and "<img" not in doc and "&lt;img" not in doc


OWN_HEADINGS = {"## Timeline", "## Key quotes", "## Sources", "## In this story",
                "## Earlier days", "## Chapters"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_hostile_pages_hold_no_markup_from_articles(tmp_path: Path, config: Path) -> None:
    files = written(tmp_path, hostile_analysis(), config)
    for name, content in files.items():
        if not name.endswith(".md"):
            continue
        body, front = meta.get_data(content)
        assert set(front) <= {"title", "description", "hide", "tags", "search"}, name
        assert not any(set(v) & set("<>`{}\\\n") for v in _strings(front)), name
        # The coverage chart is the one <svg> a page may hold (ours, checked whole here).
        body = re.sub(r'<svg class="dg-coverage__chart" [^>]*>', "", body)
        for needle in ("<script", "<img", "<svg", "<iframe", "javascript:", "data:text",
                       "{{", "{%", "--8<--", "onerror=", "\x02", "\n---"):
            assert needle not in body, (name, needle)
        headings = {line for line in body.splitlines() if line.startswith("#")}
        assert headings <= OWN_HEADINGS, name


def _kept(caplog: pytest.LogCaptureFixture) -> list[int]:
    """How many pages each ``write_pages`` call kept without rendering (from its log line)."""
    return [int(r.getMessage().split(", ")[1].split()[0]) for r in caplog.records
            if r.getMessage().startswith("Pages: ")]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != pages.MANIFEST}


def test_a_rebuild_renders_only_pages_whose_inputs_changed(
        tmp_path: Path, config: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="generator.site.pages")
    docs, first = tmp_path / "docs", rich_analysis()
    generated = len(pages.write_pages(first, docs, config_file=config))
    pages.write_pages(first, docs, config_file=config)
    feeds_always = 2  # the Atom and RSS feeds are rendered on every build
    assert _kept(caplog) == [0, generated - feeds_always]
    # Retitle the story that the other one lists as related: its own page, the related
    # story's page, and the index and name pages that list it must change; nothing else.
    retitled = dataclasses.replace(first.stories[0], title="Rubio says no troops")
    second = Analysis((), (retitled, first.stories[1]))
    pages.write_pages(second, docs, config_file=config)
    cold = tmp_path / "cold"
    pages.write_pages(second, cold, config_file=config)
    assert tree(docs) == tree(cold)
    rendered = generated - feeds_always - _kept(caplog)[2]
    lists_it = {p for p, text in tree(cold).items() if b"Rubio says no troops" in text}
    assert "stories/cartels.md" in lists_it and "people/marco-rubio.md" in lists_it
    assert rendered == len(lists_it - {feeds.ATOM, feeds.RSS})


def test_a_page_edited_or_removed_by_hand_is_rendered_again(tmp_path: Path,
                                                            config: Path) -> None:
    docs = tmp_path / "docs"
    pages.write_pages(rich_analysis(), docs, config_file=config)
    before = tree(docs)
    (docs / "stories" / "cartels.md").write_text("# mine\n", encoding="utf-8")
    (docs / "people" / "marco-rubio.md").unlink()
    pages.write_pages(rich_analysis(), docs, config_file=config)
    assert tree(docs) == before


@pytest.mark.parametrize("manifest", ["{not json", '["stories/cartels.md"]',
                                      '{"format": 99, "pages": {}}'])
def test_a_damaged_or_old_manifest_renders_every_page(
        tmp_path: Path, config: Path, manifest: str,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="generator.site.pages")
    docs = tmp_path / "docs"
    pages.write_pages(rich_analysis(), docs, config_file=config)
    before = tree(docs)
    (docs / pages.MANIFEST).write_text(manifest, encoding="utf-8")
    pages.write_pages(rich_analysis(), docs, config_file=config)
    assert _kept(caplog)[1] == 0 and tree(docs) == before


def test_other_site_options_render_every_page(tmp_path: Path, config: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="generator.site.pages")
    docs = tmp_path / "docs"
    pages.write_pages(rich_analysis(), docs, config_file=config)
    config.write_text(CONFIG_FLAT.replace("false", "true"), encoding="utf-8")
    pages.write_pages(rich_analysis(), docs, config_file=config)
    pages.write_pages(rich_analysis(), tmp_path / "cold", config_file=config)
    assert _kept(caplog)[1] == 0 and tree(docs) == tree(tmp_path / "cold")


class _Recording(Mapping[Any, Any]):
    """A mapping that notes every key looked up (``in``, ``[]`` and ``get`` all land here)."""

    def __init__(self, name: str, data: Mapping[Any, Any], seen: set[tuple[str, Any]]) -> None:
        self.name, self.data, self.seen = name, data, seen

    def __getitem__(self, key: Any) -> Any:
        self.seen.add((self.name, key))
        return self.data[key]

    def __iter__(self) -> Iterator[Any]:
        self.seen.add((self.name, "<every key>"))
        return iter(self.data)

    def __len__(self) -> int:
        self.seen.add((self.name, "<every key>"))
        return len(self.data)


@pytest.mark.parametrize("analysis", [rich_analysis(), hostile_analysis(),
                                      Analysis((), (wide_story(40),))])
def test_story_pages_read_only_the_names_their_key_holds(analysis: Analysis) -> None:
    names = listings.names_for(analysis)
    for story in analysis.stories:
        seen: set[tuple[str, Any]] = set()
        recording = story_view.Names(**{
            field: _Recording(field, getattr(names, field), seen)
            for field in ("speakers", "entities", "stories")})
        story_view.story_context(story, recording, Linker(directory_urls=False))
        keyed: set[tuple[str, Any]] = set()
        page_keys.story_slice(story, story_view.Names(**{
            field: _Recording(field, getattr(names, field), keyed)
            for field in ("speakers", "entities", "stories")}))
        assert seen <= keyed, f"story pages read names their key leaves out: {seen - keyed}"



def test_an_undated_story_is_not_the_build_days_news() -> None:
    dated = small_story("dated", 3)
    undated = dataclasses.replace(
        small_story("undated", 4, updated="2026-12-04"),
        sources=tuple(Source(article(n, published=None)) for n in (7, 8)))
    days = listings.by_day([undated, dated])
    assert [key for key, _ in days] == [listings.day_of(dated), listings.UNDATED]
    assert days[-1][1] == [undated]


@pytest.mark.parametrize(("speaker", "page"), [
    ("Marco Rubio", True), ("Reuters", True), ("Acosta", True),
    ("People", False), ("Italian", False), ("John", False)])
def test_a_speaker_gets_a_page_when_a_name(speaker: str, page: bool) -> None:
    assert listings.has_speaker_page(speaker, {"Reuters"}) is page


def test_a_quote_without_a_speaker_page_shows_its_speaker_unlinked(tmp_path: Path,
                                                                    config: Path) -> None:
    story = dataclasses.replace(rich_story(), quotes=(
        KeyQuote("People", "We have waited long enough for this.", ("a1",)),))
    files = written(tmp_path, Analysis((), (story,)), config)
    assert not any(p.startswith("speakers/people") for p in files)
    page = next(text for path, text in files.items() if path.startswith("stories/"))
    assert '<span class="dg-speaker">People</span>' in page
