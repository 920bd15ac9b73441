"""MkDocs rendering that reuses the previous site's pages whose Markdown did not change.

A daily build changes a few story pages and the pages listing them (``pages`` rewrites only
those); re-rendering every page cost most of a rebuild (issue 17: 30 s of 75 s). A page's
HTML here depends on nothing but its own Markdown, the MkDocs configuration and the theme:
only index pages are in the navigation, and their titles come from ``mkdocs.yml``; search is
indexed from the output (Pagefind) and the tags plugin is gone. So a page whose Markdown has
the same bytes as at the last build, under the same configuration and theme, renders to the
same HTML, and the old file can be reused.

How: the new site is built in a fresh folder (the atomic swap stays); each reusable page is
hard-linked there from the previous site (no copy, and the previous site is never written to:
a page to re-render is simply absent, so MkDocs writes a new file); then MkDocs runs in its
``dirty`` mode, which renders only pages whose output is missing or older than their source.
What decides reuse is content, not time: the previous build's ``STAMP`` records a hash of the
configuration and theme and one per Markdown page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, get_files

from generator.site import compact, rawhtml, search

log = logging.getLogger(__name__)

STAMP = ".digest-render.json"
"""What the site was rendered from; a dot-file, so Pages artifacts and crawlers skip it."""

PACKAGES = ("mkdocs", "mkdocs-material", "pagefind")
"""Packages whose version changes the HTML (a new version renders everything again)."""


@dataclass(frozen=True)
class Plan:
    """Which pages of a build render and which come from the previous site."""

    setup: str
    sources: dict[str, str]
    reused: int
    rendered: int
    same_pages: bool = False
    """Every page reused and none added or removed: the old search index still holds."""


def setup_hash(cfg: MkDocsConfig, config_file: Path) -> str:
    """A hash of everything besides a page's Markdown that its HTML depends on."""
    digest = hashlib.sha256()
    digest.update(config_file.read_bytes())
    digest.update(str(cfg["site_url"]).encode())
    for name in PACKAGES:
        digest.update(f"{name}=={package_version(name)}".encode())
    # The HTML post-processing is part of the setup: a change to it renders everything again.
    # So is the raw HTML set aside before Markdown (it must not change the HTML, but if a
    # change to it ever did, reused pages would disagree with rendered ones).
    for module in (compact, rawhtml):
        assert module.__file__ is not None
        digest.update(Path(module.__file__).read_bytes())
    # So is how the pages are indexed: the index is reused only when nothing was rendered.
    digest.update(" ".join(search.OPTIONS).encode())
    custom = cfg["theme"].custom_dir
    if custom and Path(custom).is_dir():
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(custom).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def package_version(name: str) -> str:
    """The installed version of a package, "absent" when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def prepare(cfg: MkDocsConfig, config_file: Path, previous: Path | None) -> Plan:
    """Link every reusable page of ``previous`` into ``cfg.site_dir``; say what will render.

    Args:
        cfg: the loaded configuration, its ``site_dir`` the new (empty) output folder.
        config_file: the configuration file (part of the setup hash).
        previous: the site of the last build, or None for a cold build.
    """
    setup = setup_hash(cfg, config_file)
    pages = get_files(cfg).documentation_pages()
    sources = {f.src_uri: _hash(f) for f in pages}
    old = _read_stamp(previous) if previous else {}
    if old.get("setup") != setup:
        return Plan(setup, sources, reused=0, rendered=len(pages))
    old_sources = old.get("sources")
    old_sources = old_sources if isinstance(old_sources, dict) else {}
    reused = sum(1 for f in pages
                 if old_sources.get(f.src_uri) == sources[f.src_uri]
                 and previous is not None and _link(previous, f))
    return Plan(setup, sources, reused=reused, rendered=len(pages) - reused,
                same_pages=reused == len(pages) and old_sources.keys() == sources.keys())


def _hash(page: File) -> str:
    assert page.abs_src_path is not None
    return hashlib.sha256(Path(page.abs_src_path).read_bytes()).hexdigest()


def _link(previous: Path, page: File) -> bool:
    """Hard-link ``page``'s old HTML into the new site; False when there is none."""
    old = previous / page.dest_uri
    new = Path(page.abs_dest_path)
    if not old.is_file():
        return False
    new.parent.mkdir(parents=True, exist_ok=True)
    os.link(old, new)
    assert page.abs_src_path is not None
    source_time = os.stat(page.abs_src_path).st_mtime_ns
    if os.stat(new).st_mtime_ns < source_time:
        # MkDocs' dirty mode compares times: an output older than its source would be
        # rewritten in place, through the link, into the previous site. Same bytes, so
        # moving the time forward is true to the content.
        os.utime(new, ns=(source_time, source_time))
    return True


def _read_stamp(site: Path) -> dict[str, object]:
    try:
        data = json.loads((site / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_stamp(site: Path, plan: Plan) -> None:
    """Record what ``site`` was rendered from, for the next build's ``prepare``."""
    data = {"setup": plan.setup, "sources": dict(sorted(plan.sources.items()))}
    (site / STAMP).write_text(json.dumps(data, indent=0), encoding="utf-8")
