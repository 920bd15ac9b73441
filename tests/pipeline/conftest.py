"""Shared by the pipeline tests: a project holding a copy of the samples, and the build day."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.config import Settings
from tests.conftest import SAMPLES

DAY = dt.date(2025, 11, 20)

PER_ARTICLE = ("ingest", "clean", "fingerprint", "features", "extract", "merge")
"""The stages whose work is cached per article (or per story): what a rebuild can reuse."""


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    shutil.copytree(SAMPLES, tmp_path / "content")
    return Settings(root=tmp_path)
