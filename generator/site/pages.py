"""Write the Markdown pages of the site from the analysis (Jinja2 templates -> Markdown).

Every value a template prints goes through ``escape.text`` unless it is already ``Markup``
(built by ``escape`` or ``links``): article text cannot become HTML, Markdown or template
syntax, whatever the template author does. Only files whose content changed are rewritten,
and pages that are no longer generated are removed, so ``docs/`` diffs cleanly in git.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import site
from generator.site import escape, feeds, listings, tag_pages
from generator.errors import BuildError
from generator.site.links import Linker
from generator.site.listings import PageSpec
from generator.model import Analysis
from generator.site.story_view import Names, story_context

log = logging.getLogger(__name__)

MANIFEST = ".digest-pages.json"
"""Lists the files the last run generated (MkDocs ignores dot-files in docs/)."""

GENERATED_DIRS = ("stories", "days", "archive", "people", "organisations", "places", "speakers")
"""Folders of docs/ that hold only generated pages: stray pages in them are removed."""

TEMPLATES = Path(__file__).resolve().parent / "templates"


def write_pages(analysis: Analysis, docs_dir: Path, *,
                config_file: Path | None = None) -> list[Path]:
    """Write every page of the site into ``docs_dir`` and return their paths.

    Args:
        analysis: the stories to publish.
        docs_dir: the MkDocs docs folder (created when missing).
        config_file: the MkDocs config, read for ``site_url``, ``site_name`` and
            ``use_directory_urls``; defaults to ``mkdocs.yml`` next to ``docs_dir``.

    Raises:
        BuildError: when a page cannot be written.
    """
    options = site.site_options(config_file or docs_dir.parent / "mkdocs.yml")
    linker = Linker(directory_urls=options.directory_urls)
    names = listings.names_for(analysis)
    env = _environment()
    files: dict[str, bytes] = {}
    for spec in _plan(analysis, names, linker):
        files[spec.path] = env.get_template(spec.template).render(**spec.context).encode("utf-8")
    atom, rss = feeds.render(list(analysis.stories), site_url=options.site_url,
                             title=options.site_name, directory_urls=options.directory_urls)
    files[feeds.ATOM], files[feeds.RSS] = atom, rss
    try:
        return _sync(docs_dir, files)
    except OSError as exc:
        raise BuildError(f"cannot write pages to {docs_dir}: {exc}") from exc


def _plan(analysis: Analysis, names: Names, linker: Linker) -> Iterable[PageSpec]:
    days = listings.by_day(analysis.stories)
    yield listings.home_page(days, names, linker)
    yield from listings.archive_pages(days, names, linker)
    for key, stories in days:
        yield from listings.day_pages(key, stories, names, linker)
    for story in analysis.stories:
        yield PageSpec(names.stories[story.id][0], "story.md.j2",
                       story_context(story, names, linker))
    yield from tag_pages.entity_pages(analysis, names, linker)
    yield from tag_pages.speaker_pages(analysis, names, linker)


def _finalize(value: Any) -> Any:
    """Escape every printed value that is not already Markup (Jinja's ``finalize`` hook)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"template printed a {type(value).__name__}; format it first")
    return Markup(str(value)) if isinstance(value, int) else escape.text(value)


def _plural(n: int, singular: str, plural: str | None = None) -> Markup:
    """``1 source``, ``3 sources``; irregular plurals are given (``copy``, ``copies``)."""
    if n == 1:
        return Markup("1 ") + escape.text(singular)
    word = plural or (singular[:-1] + "ies" if singular.endswith("y") else singular + "s")
    return Markup(f"{int(n)} ") + escape.text(word)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), finalize=_finalize, autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["front_matter"] = escape.front_matter
    env.filters["plural"] = _plural
    return env


def _sync(docs_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write changed files atomically, delete stale generated ones, update the manifest."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, data in files.items():
        path = docs_dir / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: `digest serve` never sees a half-written page
        written += 1
    removed = _remove_stale(docs_dir, set(files))
    manifest = json.dumps(sorted(files), indent=0).encode("utf-8")
    if not (docs_dir / MANIFEST).is_file() or (docs_dir / MANIFEST).read_bytes() != manifest:
        (docs_dir / MANIFEST).write_bytes(manifest)
    log.info("Pages: %d generated, %d rewritten, %d removed", len(files), written, removed)
    return [docs_dir / rel for rel in files]


def _remove_stale(docs_dir: Path, keep: set[str]) -> int:
    previous: set[str] = set()
    # No manifest yet (first build) or a damaged one: the folder scan below still finds pages.
    with contextlib.suppress(OSError, ValueError, TypeError):
        previous = set(json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")))
    for folder in GENERATED_DIRS:
        previous |= {p.relative_to(docs_dir).as_posix() for p in (docs_dir / folder).rglob("*.md")}
    removed = 0
    for rel in sorted(previous - keep):
        path = docs_dir / rel
        if path.resolve().is_relative_to(docs_dir.resolve()) and path.is_file():
            path.unlink()
            removed += 1
    for folder in GENERATED_DIRS:
        if (docs_dir / folder).is_dir() and not any((docs_dir / folder).iterdir()):
            (docs_dir / folder).rmdir()
    return removed
