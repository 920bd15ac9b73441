"""Shared by the site tests: a flat MkDocs config and the pages ``write_pages`` writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Analysis
from generator.site import pages

CONFIG_FLAT = ("site_name: Test Digest\nsite_url: https://user.github.io/repo/\n"
               "use_directory_urls: false\n")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG_FLAT, encoding="utf-8")
    return path


def written(tmp_path: Path, analysis: Analysis, config: Path) -> dict[str, str]:
    docs = tmp_path / "docs"
    paths = pages.write_pages(analysis, docs, config_file=config)
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in paths}
