"""Site: the analysis written as Markdown pages and rendered by MkDocs + Material.

Takes an ``Analysis`` (stories with slugs, redirects); gives ``docs/**.md`` (``pages``, through
``story_view``, ``listings``, ``tag_pages``, ``links`` and ``templates/``, every piece of
article text escaped by ``escape``), the feeds (``feeds``), redirect pages (``redirects``) and
the built ``site/`` with its search index (``search``, Pagefind) and sitemap index
(``sitemap``): ``build_site`` below renders into a temporary folder, reusing the previous
site's unchanged pages (``render``) and compacting the ones it renders (``compact``), and
swaps it in only on success.

The last stage: it may import every stage before it, but only reads their results; nothing
outside ``site`` imports it except the orchestration (``pipeline``, ``publish``, ``cli``).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator.errors import BuildError
from generator.site import compact, rawhtml, render, search, sitemap

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteOptions:
    """The few MkDocs settings the page writer needs."""

    site_url: str | None = None
    site_name: str = "News Digest"
    directory_urls: bool = False


def site_options(config_file: Path) -> SiteOptions:
    """Read ``site_url``, ``site_name`` and ``use_directory_urls`` from an MkDocs config.

    Uses MkDocs' own YAML loader, so ``!ENV`` values resolve as they will in the build. A
    missing or unreadable file gives the defaults.
    """
    try:
        with config_file.open(encoding="utf-8") as stream:
            raw: Any = yaml_load(stream)
    except (OSError, ValueError) as exc:
        log.debug("No MkDocs config at %s (%s); using defaults", config_file, exc)
        return SiteOptions()
    except Exception as exc:  # noqa: BLE001 - yaml and !ENV errors have no common base
        log.warning("Cannot read %s (%s); using default site options", config_file, exc)
        return SiteOptions()
    raw = raw if isinstance(raw, dict) else {}
    url = raw.get("site_url")
    return SiteOptions(site_url=str(url) if url else None,
                       site_name=str(raw.get("site_name") or SiteOptions.site_name),
                       directory_urls=bool(raw.get("use_directory_urls", True)))


@dataclass(frozen=True)
class BuildStats:
    """What a site build did: pages rendered by MkDocs and reused from the previous site."""

    pages: int
    rendered: int
    reused: int
    reindexed: bool


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, *,
               post_build: Callable[[Path], None] | None = None,
               site_url: str | None = None, reuse: bool = True) -> BuildStats:
    """Build into a temporary folder next to ``site_dir``; swap it in only on success.

    Args:
        config_file: the MkDocs configuration.
        docs_dir: the Markdown pages (overrides the config's ``docs_dir``).
        site_dir: where the site goes (overrides the config's ``site_dir``).
        post_build: called with the temporary folder after MkDocs succeeded, before the swap
            (for redirect pages); an exception from it fails the build.
        site_url: overrides the config's ``site_url``.
        reuse: reuse the pages of the site in ``site_dir`` whose Markdown did not change
            (``render``); False renders every page.

    Raises:
        BuildError: when MkDocs or ``post_build`` fails; the previous site stays in place.
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    previous = site_dir if reuse and site_dir.is_dir() else None
    try:
        stats = _build(config_file, docs_dir, tmp, site_url, previous)
        if post_build is not None:
            post_build(tmp)
    except BuildError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"the site could not be built: {exc}") from exc
    _swap(tmp, site_dir)
    return stats


def _build(config_file: Path, docs_dir: Path, out: Path, site_url: str | None,
           previous: Path | None) -> BuildStats:
    """MkDocs (changed pages only, when it can), the sitemap index, the search index."""
    # Absolute: MkDocs resolves a relative site_dir against the config file's folder, not
    # the working directory (a config elsewhere sent the whole site beside it).
    overrides: dict[str, Any] = {"docs_dir": str(docs_dir.resolve()),
                                 "site_dir": str(out.resolve())}
    if site_url:
        overrides["site_url"] = site_url
    try:
        cfg = load_config(str(config_file), **overrides)
        cfg.plugins[compact.PLUGIN_NAME] = compact.CompactHtml()
        cfg["markdown_extensions"].append(rawhtml.RawBlocks())
        plan = render.prepare(cfg, config_file, previous)
        with _quiet_dirty_warning():
            build(cfg, dirty=plan.reused > 0)
    except MkDocsException as exc:
        raise BuildError(f"MkDocs could not build the site: {exc}") from exc
    except SystemExit as exc:  # load_config aborts with SystemExit on an invalid config
        raise BuildError(f"MkDocs configuration {config_file} is invalid") from exc
    sitemap.split_sitemap(out, str(cfg["site_url"]) if cfg["site_url"] else None)
    if plan.same_pages and previous is not None and (previous / search.FOLDER).is_dir():
        search.reuse_index(previous, out)
    else:
        search.index_site(out)
    render.write_stamp(out, plan)
    log.info("Site: %d pages rendered, %d reused from the previous build%s", plan.rendered,
             plan.reused, "" if plan.same_pages else ", search re-indexed")
    return BuildStats(pages=plan.rendered + plan.reused, rendered=plan.rendered,
                      reused=plan.reused, reindexed=not plan.same_pages)


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation inaccurate: ours is
    sound (``render``: only index pages are in the navigation, with fixed titles), and the
    warning would abort a ``strict`` build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def _quiet_dirty_warning() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    dirty = _DirtyWarning()
    logger.addFilter(dirty)
    try:
        yield
    finally:
        logger.removeFilter(dirty)


def _swap(tmp: Path, site_dir: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def index_size_per_story(site_dir: Path, stories: int) -> float:
    """Bytes of the search index (Pagefind's chunks, fragments, filters) per story."""
    index = search.bundle_stats(site_dir).index_bytes
    return index / stories if index and stories else 0.0
