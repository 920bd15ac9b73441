"""Shared fixtures: small named builders, the sample corpus location."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import pytest

from generator.model import Article, PartialDate

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "content"


def make_article(**overrides: Any) -> Article:
    """An Article with sensible defaults; override any field by keyword."""
    base = Article(id="a1", path="a1.txt", text="Some text.", title="A title",
                   published=PartialDate(2025, 11, 14))
    return dataclasses.replace(base, **overrides)


@pytest.fixture
def sample_dir() -> Path:
    """The five sample articles shipped in content/."""
    return SAMPLES


def pytest_configure(config: pytest.Config) -> None:
    """In CI the browser tests must run, not skip: a missing Chromium is a setup failure."""
    if os.environ.get("CI") == "true" and not Path("/usr/bin/chromium").exists():
        raise pytest.UsageError(
            "CI=true but /usr/bin/chromium is missing: run scripts/install-browser "
            "(Debian's chromium package) before the tests"
        )
