"""Render the Markdown pages with MkDocs + Material into the site, atomically.

PLACEHOLDER owned by the site work: keeps the public signature ``build_site``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.errors import BuildError


def build_site(config_file: Path, docs_dir: Path, site_dir: Path) -> None:
    """Build into a temporary folder and swap it into ``site_dir`` only on success."""
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        cfg = load_config(str(config_file), docs_dir=str(docs_dir.resolve()), site_dir=str(tmp))
        build(cfg)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"MkDocs could not build the site: {exc}") from exc
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
