"""``digest fetch`` and ``digest build --fetch`` through the CLI: exit codes, report, the site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import REPO
from tests.fetch.conftest import NewsSite

FAST = "fetch:\n  delay: 0\n  timeout: 0.5\n  retries: 0\n  backoff: 0\n"


def project(tmp_path: Path, sources: list[str]) -> Path:
    lines = "".join(f"  - {url}\n" for url in sources)
    (tmp_path / "digest.yml").write_text(f"sources:\n{lines}{FAST}", encoding="utf-8")
    return tmp_path


def test_fetch_writes_report_and_summary(news_site: NewsSite, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project(tmp_path, [news_site.url("/atom.xml"),
                                         news_site.url("/missing.xml")]))
    result = CliRunner().invoke(cli, ["fetch", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1].startswith(
        "Fetched 2 sources in ")
    assert "1 ok, 1 failed, 1 new articles, 0 not modified" in result.stderr
    report = json.loads((tmp_path / "fetch-report.json").read_text(encoding="utf-8"))
    statuses = {s["url"].rsplit("/", 1)[1]: (s["status"], s["reason"]) for s in report["sources"]}
    assert statuses == {"atom.xml": ("ok", None), "missing.xml": ("failed", "HTTP 404")}
    assert (tmp_path / ".digest-cache" / "fetch-state.json").is_file()
    strict = CliRunner().invoke(cli, ["fetch", "-q", "--strict"])
    assert strict.exit_code == 1 and "1 sources failed (--strict)" in strict.output


def test_fetch_fails_when_no_source_worked(news_site: NewsSite, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project(tmp_path, [news_site.url("/missing.xml")]))
    result = CliRunner().invoke(cli, ["fetch", "-q"])
    assert result.exit_code == 1 and "no source could be fetched" in result.output


def test_fetch_without_sources_says_what_to_do(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["fetch"])
    assert result.exit_code == 1 and "add a 'sources:' list to digest.yml" in result.output


@pytest.mark.slow
def test_build_with_fetch_shows_fetched_articles(news_site: NewsSite, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path)
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    monkeypatch.chdir(project(tmp_path, [news_site.url("/rss.xml"),
                                         news_site.url("/articles/hostile")]))
    text = (tmp_path / "digest.yml").read_text(encoding="utf-8")
    (tmp_path / "digest.yml").write_text(
        text.replace(f"  - {news_site.url('/articles/hostile')}\n",
                     f"  - {{url: '{news_site.url('/articles/hostile')}', kind: page}}\n"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--fetch", "-q"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "content" / "fetched").rglob("*.md"))) == 3
    pages = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")}
    everything = "\n".join(pages.values())
    for title in ("Tram line approved", "Council budget passes"):
        assert title in everything, title
    # The hostile page is there, as text: no script, no javascript: link, no event handler.
    assert "pwned" in everything
    assert "<script>alert" not in everything
    assert 'href="javascript:' not in everything and "onerror=" not in everything


def test_pages_workflow_fetches_on_schedule_and_keeps_the_articles() -> None:
    import yaml

    workflow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"]["contents"] == "write"
    steps = workflow["jobs"]["build"]["steps"]
    runs = "\n".join(str(step.get("run", "")) for step in steps)
    assert "digest build ${{ github.event_name != 'push' && '--fetch' || '' }}" in runs
    assert "git add content/fetched" in runs and "git push" in runs
    cached = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache")]
    assert cached and cached[0]["with"]["path"] == ".digest-cache"  # the fetch state lives there


def test_build_fetch_reads_the_fetch_folder_even_outside_content(tmp_path: Path) -> None:
    from generator.cli import _with_fetch_dir
    from generator.config import load_settings

    (tmp_path / "digest.yml").write_text("content: [news]\nfetch:\n  dir: incoming\n",
                                         encoding="utf-8")
    outside = load_settings(tmp_path)
    assert _with_fetch_dir(outside) == ((tmp_path / "news").resolve(),
                                        (tmp_path / "incoming").resolve())
    inside = load_settings(tmp_path, overrides={"fetch.dir": "news/fetched"})
    assert _with_fetch_dir(inside) == ()  # content/ already holds it: read as configured
