"""``fetch.fetch`` end to end against the local news site: every kind, failures, a second run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.config import Settings, SourceSpec
from generator.fetch import fetch
from generator.fetch.report import FetchReport, SourceOutcome
from generator.fetch.state import FetchState, save_state
from tests.fetch.conftest import NewsSite, fast_settings

NOW = dt.datetime(2025, 11, 15, 6, 0, tzinfo=dt.UTC)


def settings_for(tmp_path: Path, sources: list[SourceSpec], **fetch_options: object) -> Settings:
    return Settings(root=tmp_path, sources=tuple(sources), fetch=fast_settings(**fetch_options))


def outcome(report: FetchReport, url: str) -> SourceOutcome:
    return next(o for o in report.outcomes if o.url == url)


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


def every_kind(site: NewsSite) -> list[SourceSpec]:
    return [SourceSpec(site.url("/rss.xml"), name="Herald RSS"),
            SourceSpec(site.url("/rdf.xml")),
            SourceSpec(site.url("/atom.xml")),
            SourceSpec(site.url("/feed.json")),
            SourceSpec(site.url("/sitemap.xml"), kind="sitemap"),
            SourceSpec(site.url("/articles/wrong-charset"), kind="page")]


def test_every_kind_of_source_gives_markdown_files(news_site: NewsSite, tmp_path: Path) -> None:
    report = fetch(settings_for(tmp_path, every_kind(news_site)), now=NOW)
    assert report.failed == 0, report
    folder = tmp_path / "content" / "fetched"
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    assert files == [
        "127.0.0.1/2025-11-12-library-extends-hours.md",
        "127.0.0.1/2025-11-13-bridge-repairs-begin.md",
        "127.0.0.1/2025-11-13-ferry-timetable-changes.md",
        "127.0.0.1/2025-11-14-cafe-owners-protest.md",
        "127.0.0.1/2025-11-14-council-budget-passes.md",
        "127.0.0.1/2025-11-14-harbour-reopens.md",
        "127.0.0.1/2025-11-14-museum-wing-opens.md",
        "127.0.0.1/2025-11-14-tram-line-approved.md",
    ]
    assert report.new == 8


def test_front_matter_carries_every_field(news_site: NewsSite, tmp_path: Path) -> None:
    rss = news_site.url("/rss.xml")
    fetch(settings_for(tmp_path, [SourceSpec(rss, name="Herald RSS")]), now=NOW)
    path = tmp_path / "content/fetched/127.0.0.1/2025-11-14-tram-line-approved.md"
    front = front_matter(path)
    assert front == {
        "title": "Tram line approved", "published": "2025-11-14T08:00:00Z",
        "url": news_site.url("/articles/full"),  # utm_* parameters removed
        "outlet": "Herald RSS", "author": "desk@herald.test (Ana Ruiz)", "language": "en",
        "fetched": "2025-11-15T06:00:00Z", "feed": rss}
    assert "Paragraph 11." in path.read_text(encoding="utf-8")
    # The full text came with the feed: that page was never requested; the teaser's was.
    assert not news_site.asked("/articles/full")
    assert news_site.asked("/articles/teaser")


def test_second_run_is_conditional_and_writes_nothing(news_site: NewsSite,
                                                      tmp_path: Path) -> None:
    sources = every_kind(news_site)
    first = fetch(settings_for(tmp_path, sources), now=NOW)
    before = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*.md")}
    pages_asked = len([r for r in news_site.requests if r.path.startswith("/articles/")])
    second = fetch(settings_for(tmp_path, sources), now=NOW + dt.timedelta(days=1))
    assert first.new == 8 and second.new == 0
    assert {p: p.read_bytes() for p in (tmp_path / "content").rglob("*.md")} == before
    assert news_site.asked("/rss.xml")[-1].headers["if-none-match"] == '"rss-1"'
    assert "if-modified-since" in news_site.asked("/rss.xml")[-1].headers
    assert outcome(second, news_site.url("/rss.xml")).status == "not_modified"
    # A sitemap index is read again (its children change while it does not); its children
    # answer 304.
    assert outcome(second, news_site.url("/sitemap.xml")).status == "not_modified"
    assert news_site.asked("/sitemap-news.xml")[-1].headers["if-none-match"] == '"news-1"'
    # Feeds without validators are read again, but no article page is fetched twice.
    assert outcome(second, news_site.url("/atom.xml")).already == 1
    assert len([r for r in news_site.requests if r.path.startswith("/articles/")]) == pages_asked


def test_lost_state_is_recovered_from_the_files(news_site: NewsSite, tmp_path: Path) -> None:
    sources = [SourceSpec(news_site.url("/atom.xml"))]
    fetch(settings_for(tmp_path, sources), now=NOW)
    (tmp_path / ".digest-cache" / "fetch-state.json").unlink()
    again = fetch(settings_for(tmp_path, sources), now=NOW)
    assert again.new == 0 and again.outcomes[0].already == 1


def test_state_older_than_the_files_writes_no_copies(news_site: NewsSite,
                                                     tmp_path: Path) -> None:
    sources = [SourceSpec(news_site.url("/rss.xml"))]
    fetch(settings_for(tmp_path, sources), now=NOW)
    save_state(FetchState(), tmp_path / ".digest-cache" / "fetch-state.json")  # interrupted
    again = fetch(settings_for(tmp_path, sources), now=NOW)
    assert again.new == 0 and again.outcomes[0].already == 2
    assert len(list((tmp_path / "content").rglob("*.md"))) == 2


def test_failures_stay_local(news_site: NewsSite, tmp_path: Path) -> None:
    bad = {"/missing.xml": "HTTP 404", "/error.xml": "HTTP 500 (after 2 tries)",
           "/slow.xml": "timed out after 0.5 s (after 2 tries)",
           "/html-not-feed.xml": "not a feed: the answer is an HTML page",
           "/loop-a": "more than 3 redirects",
           "/report.pdf": "refused content type application/pdf",
           "/disguised": "binary content (PDF document), not text",
           "/huge.xml": "response too large (over 100,000 bytes)"}
    sources = [SourceSpec(news_site.url(path)) for path in bad]
    sources.append(SourceSpec(news_site.url("/atom.xml")))
    report = fetch(settings_for(tmp_path, sources), now=NOW)
    for path, reason in bad.items():
        result = outcome(report, news_site.url(path))
        assert (result.status, result.reason) == ("failed", reason), path
    assert outcome(report, news_site.url("/atom.xml")).status == "ok"
    assert report.worked == 1 and report.new == 1


def test_transient_errors_are_retried(news_site: NewsSite, tmp_path: Path) -> None:
    sources = [SourceSpec(news_site.url("/flaky.xml")), SourceSpec(news_site.url("/busy.xml"))]
    report = fetch(settings_for(tmp_path, sources, retries=2), now=NOW)
    assert [o.status for o in report.outcomes] == ["ok", "ok"]
    assert news_site.hits["/flaky.xml"] == 2 and news_site.hits["/busy.xml"] == 2
    assert report.new == 1  # both feeds list the same article: written once


def test_broken_entries_are_reported_and_the_rest_kept(news_site: NewsSite,
                                                       tmp_path: Path) -> None:
    report = fetch(settings_for(tmp_path, [SourceSpec(news_site.url("/rss.xml")),
                                           SourceSpec(news_site.url("/feed.json"))]), now=NOW)
    rss, json_feed = report.outcomes
    assert len(rss.written) == 2 and [s.reason for s in rss.skipped] == ["no link to the article"]
    assert rss.skipped[0].entry == "entry 3"
    assert len(json_feed.written) == 1 and json_feed.skipped[0].entry == "entry 2"


def test_robots_txt_is_honoured_for_pages(news_site: NewsSite, tmp_path: Path) -> None:
    report = fetch(settings_for(tmp_path, [
        SourceSpec(news_site.url("/private/secret"), kind="page"),
        SourceSpec(news_site.url("/sitemap.xml"), kind="sitemap")]), now=NOW)
    page, sitemap = report.outcomes
    assert page.status == "failed" and page.skipped[0].reason == "disallowed by robots.txt"
    assert any(s.reason == "disallowed by robots.txt" for s in sitemap.skipped)
    assert not news_site.asked("/private/secret")
    assert len(news_site.asked("/robots.txt")) == 1  # read once per run


def test_links_that_are_not_web_urls_are_skipped(news_site: NewsSite, tmp_path: Path) -> None:
    report = fetch(settings_for(tmp_path, [SourceSpec(news_site.url("/hostile.xml"))]), now=NOW)
    (result,) = report.outcomes
    assert [s.reason for s in result.skipped] == ["not an http(s) link"] * 2
    assert report.new == 0 and not (tmp_path / "content").exists()


def test_outlet_is_the_site_name_else_the_host(news_site: NewsSite, tmp_path: Path) -> None:
    fetch(settings_for(tmp_path, [
        SourceSpec(news_site.url("/articles/wrong-charset"), kind="page"),
        SourceSpec(news_site.url("/articles/unnamed"), kind="page")]), now=NOW)
    folder = tmp_path / "content" / "fetched" / "127.0.0.1"
    assert front_matter(folder / "2025-11-14-cafe-owners-protest.md")["outlet"] == "Local Herald"
    assert front_matter(folder / "2025-11-14-quiet-street.md")["outlet"] == "127.0.0.1"


def test_wrong_charset_is_decoded_right(news_site: NewsSite, tmp_path: Path) -> None:
    fetch(settings_for(tmp_path, [SourceSpec(news_site.url("/articles/wrong-charset"),
                                             kind="page")]), now=NOW)
    (path,) = (tmp_path / "content" / "fetched").rglob("*.md")
    text = path.read_text(encoding="utf-8")
    assert "The caf\u00e9 on the square." in text and "\ufffd" not in text


def test_hostile_page_stays_data(news_site: NewsSite, tmp_path: Path) -> None:
    fetch(settings_for(tmp_path, [SourceSpec(news_site.url("/articles/hostile"),
                                             kind="page")]), now=NOW)
    (path,) = (tmp_path / "content" / "fetched").rglob("*.md")
    front = front_matter(path)
    assert set(front) <= {"title", "published", "url", "outlet", "author", "language",
                          "fetched", "feed"}
    assert "<script>alert(1)</script>" in str(front["title"])  # kept as text, one line
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "alert('body')" not in body and "onerror" not in body and "document.write" not in body


def test_user_agent_names_the_tool_and_contact(news_site: NewsSite, tmp_path: Path) -> None:
    fetch(settings_for(tmp_path, [SourceSpec(news_site.url("/atom.xml"))],
                       contact="https://example.org/bot"), now=NOW)
    agent = news_site.asked("/atom.xml")[0].headers["user-agent"]
    assert agent.startswith("news-digest/") and agent.endswith("(+https://example.org/bot)")


def test_max_entries_caps_one_run_newest_first(news_site: NewsSite, tmp_path: Path) -> None:
    source = [SourceSpec(news_site.url("/sitemap.xml"), kind="sitemap")]
    report = fetch(settings_for(tmp_path, source, max_entries=1), now=NOW)
    assert report.outcomes[0].written == ("127.0.0.1/2025-11-14-museum-wing-opens.md",)
    later = fetch(settings_for(tmp_path, source, max_entries=1), now=NOW)
    # What the cap left is taken on the next run (no 304 hides it).
    assert later.outcomes[0].written == ("127.0.0.1/2025-11-13-ferry-timetable-changes.md",)
    assert "if-none-match" not in news_site.asked("/sitemap-plain.xml.gz")[-1].headers
