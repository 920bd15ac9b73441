"""``digest serve`` (live preview) and ``digest deploy`` (GitHub Pages via ``mkdocs gh-deploy``).

``serve`` runs MkDocs' own live-reload server on the generated ``docs/``; a watcher thread
re-runs the pipeline when an input (``content/``, the page templates, ``digest.yml``) changes
and rewrites only the pages whose content changed, which MkDocs then picks up and reloads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.commands.gh_deploy import gh_deploy
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator import pipeline
from generator.config import CONFIG_FILE, Settings
from generator.errors import BuildError, DigestError
from generator.model import Analysis
from generator.progress import SILENT, Progress
from generator.site import pages

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
"""How often the watcher looks for changed inputs: a save shows up within a second, and a
stat() of a few thousand files per second costs well under 1% of a core."""

Snapshot = dict[Path, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under ``paths`` (files or folders)."""
    state: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else (root.rglob("*") if root.is_dir() else [])
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue  # removed while we looked: the next poll sees it gone
            if path.is_file():
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


class Watcher(threading.Thread):
    """Calls ``on_change`` (in this thread) whenever files under ``paths`` change."""

    def __init__(self, paths: list[Path], on_change: Callable[[], None], *,
                 interval: float = POLL_SECONDS) -> None:
        super().__init__(name="digest-watcher", daemon=True)
        self.paths = paths
        self.on_change = on_change
        self.interval = interval
        self.stopped = threading.Event()
        self._state = snapshot(paths)

    def poll(self) -> bool:
        """Look once; run ``on_change`` and return True when something changed."""
        state = snapshot(self.paths)
        if state == self._state:
            return False
        self._state = state
        try:
            self.on_change()
        except DigestError as exc:  # keep serving the last good pages
            log.error("Rebuild failed: %s", exc)
        return True

    def run(self) -> None:
        """Poll until ``stop``."""
        while not self.stopped.wait(self.interval):
            self.poll()

    def stop(self) -> None:
        """Stop polling (the thread ends within one interval)."""
        self.stopped.set()


def write_docs(settings: Settings, *, progress: Progress = SILENT) -> Analysis:
    """Run the pipeline and write the Markdown pages, without building the site."""
    analysis = pipeline.run(settings, progress=progress)
    pages.write_pages(analysis, settings.path(settings.docs_dir),
                      config_file=settings.path(settings.mkdocs_config))
    return analysis


def watched_inputs(settings: Settings) -> list[Path]:
    """What ``serve`` watches: the content paths, the page templates and ``digest.yml``."""
    return [*(settings.path(p) for p in settings.content), pages.TEMPLATES,
            settings.root / CONFIG_FILE]


def serve(settings: Settings, *, dev_addr: str | None = None,
          open_browser: bool = False) -> None:
    """Write the pages, then serve the site with live reload until interrupted.

    Raises:
        BuildError: when MkDocs cannot start (bad config, address in use).
    """
    for name in ("mkdocs", __name__):  # show "Serving on ..." and rebuild notes
        logging.getLogger(name).setLevel(logging.INFO)
    write_docs(settings)

    def rebuild() -> None:
        log.info("Inputs changed: rebuilding pages")
        write_docs(settings)

    watcher = Watcher(watched_inputs(settings), rebuild)
    watcher.start()
    config = settings.path(settings.mkdocs_config)
    theme = config.parent / "theme"
    overrides: dict[str, Any] = {"docs_dir": str(settings.path(settings.docs_dir).resolve())}
    if dev_addr:
        overrides["dev_addr"] = dev_addr
    try:
        mkdocs_serve(str(config), livereload=True, open_in_browser=open_browser,
                     watch=[str(theme)] if theme.is_dir() else [], **overrides)
    except (MkDocsException, OSError) as exc:
        raise BuildError(f"cannot serve the site: {exc}") from exc
    finally:
        watcher.stop()


def deploy(settings: Settings, *, message: str | None = None, force: bool = False,
           progress: Progress = SILENT) -> Analysis:
    """Build the site, then push it to the ``gh-pages`` branch (``mkdocs gh-deploy``).

    Raises:
        BuildError: when the build fails or the push is refused (no git repo, no remote).
    """
    analysis = pipeline.build(settings, progress=progress)
    config = settings.path(settings.mkdocs_config)
    try:
        cfg = load_config(str(config), docs_dir=str(settings.path(settings.docs_dir).resolve()),
                          site_dir=str(settings.path(settings.site_dir).resolve()))
        gh_deploy(cfg, message=message, force=force, ignore_version=True)
    except (Abort, MkDocsException, SystemExit) as exc:
        raise BuildError(f"deploy to GitHub Pages failed: {exc}") from exc
    return analysis
