"""Building the site: pages written, redirects added, the history saved."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator import pipeline, site
from generator.config import Settings
from generator.site import redirects
from tests.conftest import REPO
from tests.pipeline.conftest import DAY


@pytest.mark.slow
def test_build_writes_site_with_redirects_and_history(project: Settings) -> None:
    shutil.copy(REPO / "mkdocs.yml", project.root)
    theme = REPO / "theme"
    if theme.is_dir():
        shutil.copytree(theme, project.root / "theme")
    first = pipeline.build(project, today=DAY)
    slug = first.stories[0].id
    for path in (project.root / "content").glob("*.txt"):
        path.unlink()
    (project.root / "content" / "other.txt").write_text(
        "Harbour reopens after repairs\n\nThe harbour reopened on Monday after repairs.\n",
        encoding="utf-8")
    second = pipeline.build(project, today=DAY + dt.timedelta(days=1))
    assert (slug, "") in second.redirects
    directory_urls = site.site_options(project.root / "mkdocs.yml").directory_urls
    page = project.root / "site" / redirects.page_path(slug, directory_urls=directory_urls)
    home = redirects.relative_href("", directory_urls=directory_urls)
    assert f'url={home}"' in page.read_text(encoding="utf-8")
    assert (project.path(project.cache_dir) / "history.json").exists()
