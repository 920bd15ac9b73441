"""Write the Markdown pages of the site from the analysis (Jinja2 templates -> Markdown).

Every value a template prints goes through ``escape.text`` unless it is already ``Markup``
(built by ``escape`` or ``links``): article text cannot become HTML, Markdown or template
syntax, whatever the template author does. A page is rendered only when what it is made from
changed since the last build (``page_keys``), only files whose content changed are rewritten,
and pages that are no longer generated are removed, so ``docs/`` diffs cleanly in git.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import site
from generator.site import escape, feeds, listings, page_keys, tag_pages
from generator.errors import BuildError
from generator.site.links import Linker
from generator.site.listings import PageSpec
from generator.model import Analysis
from generator.site.story_view import Names, story_context

log = logging.getLogger(__name__)

MANIFEST = page_keys.MANIFEST

GENERATED_DIRS = ("stories", "days", "archive", "people", "organisations", "places", "speakers")
"""Folders of docs/ that hold only generated pages: stray pages in them are removed."""

TEMPLATES = Path(__file__).resolve().parent / "templates"
STORY_TEMPLATE = "story.md.j2"


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
    setup = page_keys.setup_key(options)
    previous, last = page_keys.read(docs_dir)
    files: dict[str, bytes | None] = {}
    keys: dict[str, str | None] = {}
    for page in _plan(analysis, names, linker, setup):
        keys[page.path] = page.key
        if page_keys.unchanged(docs_dir, page.path, page.key, last):
            files[page.path] = None  # rendered from the same inputs last time: keep the file
            continue
        files[page.path] = env.get_template(page.template).render(
            **page.context()).encode("utf-8")
    atom, rss = feeds.render(list(analysis.stories), site_url=options.site_url,
                             title=options.site_name, directory_urls=options.directory_urls)
    files[feeds.ATOM], files[feeds.RSS] = atom, rss
    keys[feeds.ATOM] = keys[feeds.RSS] = None
    try:
        return _sync(docs_dir, files, keys, previous)
    except OSError as exc:
        raise BuildError(f"cannot write pages to {docs_dir}: {exc}") from exc


@dataclass(frozen=True)
class _Page:
    """A page to write: its path, template, key, and how to get its values when it renders."""

    path: str
    template: str
    key: str | None
    context: Callable[[], dict[str, Any]]


def _plan(analysis: Analysis, names: Names, linker: Linker, setup: str) -> Iterable[_Page]:
    days = listings.by_day(analysis.stories)
    specs: list[Iterable[PageSpec]] = [
        [listings.home_page(days, names, linker)], listings.archive_pages(days, names, linker),
        *(listings.day_pages(key, stories, names, linker) for key, stories in days)]
    for spec in (s for run in specs for s in run):
        yield _listed(spec, setup)
    for story in analysis.stories:
        # A story page's values cost more to work out than to render (the summary's sources
        # are found by searching every source's text): key it by the story, build them lazily.
        yield _Page(names.stories[story.id][0], STORY_TEMPLATE,
                    page_keys.story_key(setup, STORY_TEMPLATE, story, names),
                    functools.partial(story_context, story, names, linker))
    for spec in (*tag_pages.entity_pages(analysis, names, linker),
                 *tag_pages.speaker_pages(analysis, names, linker)):
        yield _listed(spec, setup)


def _listed(spec: PageSpec, setup: str) -> _Page:
    return _Page(spec.path, spec.template,
                 page_keys.context_key(setup, spec.template, spec.context),
                 lambda: spec.context)


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


def _sync(docs_dir: Path, files: dict[str, bytes | None], keys: dict[str, str | None],
          previous: set[str]) -> list[Path]:
    """Write changed files atomically, delete stale generated ones, update the manifest.

    ``files`` maps a path to its new bytes, or to None for a page kept as it is.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, data in files.items():
        path = docs_dir / rel
        if data is None or (path.is_file() and path.read_bytes() == data):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: `digest serve` never sees a half-written page
        written += 1
    removed = _remove_stale(docs_dir, set(files), previous)
    page_keys.write(docs_dir, keys)
    kept = sum(1 for data in files.values() if data is None)
    log.info("Pages: %d generated, %d kept unrendered, %d rewritten, %d removed", len(files),
             kept, written, removed)
    return [docs_dir / rel for rel in files]


def _remove_stale(docs_dir: Path, keep: set[str], previous: set[str]) -> int:
    """Remove generated files this run did not generate (last manifest, generated folders)."""
    # No manifest yet (first build) or a damaged one: the folder scan below still finds pages.
    previous = set(previous)
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
