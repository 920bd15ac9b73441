"""Keys over what each Markdown page is made from, so a rebuild renders only changed pages.

A daily build changes a few stories; rendering every page's Markdown with Jinja again was
most of a rebuild with nothing new on a 1,000-article site (issue 17). A page's Markdown is a
pure function of its template, its values and the code and packages that turn them into
text, so it needs rendering only when one of those changed:

- a story page: the ``Story`` itself (every field, through its ``repr``), and the few entries
  of ``Names`` its page looks up (its own path, the pages of its names, speakers and related
  stories; ``story_slice``);
- an index page (home, days, archive, name and speaker pages): its template values, which
  are plain records (``repr`` of the context);
- every page: the ``setup``, a hash of the site code and templates (``generator/site``,
  ``model.py``), the package versions that format text, and the site options.

The last build's keys are kept in ``docs/.digest-pages.json`` with each file's size and time,
so a page whose file was edited or removed since is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.model import Story
from generator.site.render import package_version
from generator.site.story_view import Names

log = logging.getLogger(__name__)

MANIFEST = ".digest-pages.json"
"""Lists the files the last run generated and their keys (MkDocs ignores dot-files)."""

FORMAT = 1
"""Version of the manifest's layout; another one is read as "no keys" (render everything)."""

PACKAGES = ("news-digest", "jinja2", "markupsafe", "pyyaml")
"""Packages whose version can change a page's Markdown (ours, templates, escaping, front
matter)."""

_SITE = Path(__file__).resolve().parent
_MODEL = _SITE.parent / "model.py"

UNKEYABLE = " at 0x"
"""In a ``repr``: an object without a value ``repr`` (its address); such a page is always
rendered, since equal addresses say nothing about equal content."""


@dataclass(frozen=True)
class Entry:
    """What the last build wrote at one path: the page's key and the file's size and time."""

    key: str
    size: int
    mtime_ns: int


@cache
def code_hash() -> str:
    """Sha256 over the site code, its templates and the model, with the package versions."""
    digest = hashlib.sha256()
    for path in sorted([*_SITE.rglob("*.py"), *_SITE.rglob("*.j2"), _MODEL]):
        digest.update(path.relative_to(_SITE.parent).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in PACKAGES:
        digest.update(f"{name}=={package_version(name)}".encode())
    return digest.hexdigest()


def setup_key(options: object) -> str:
    """The part of every page's key that is not the page's own data."""
    return _sha(code_hash(), repr(options))


def story_slice(story: Story, names: Names) -> tuple[Any, ...]:
    """The entries of ``names`` a story page reads (``story_view.story_context``).

    ``tests/site/test_pages.py`` renders story pages with a ``Names`` that records every look-up
    and fails when the page reads an entry not listed here.
    """
    return (names.stories.get(story.id),
            [(e, names.entities.get(e)) for e in story.entities],
            [(q.speaker, names.speakers.get(q.speaker)) for q in story.quotes],
            [(r, names.stories.get(r)) for r in story.related])


def story_key(setup: str, template: str, story: Story, names: Names) -> str | None:
    """Key of a story page; None when part of it has no value ``repr``."""
    return _keyed(setup, template, repr(story), repr(story_slice(story, names)))


def context_key(setup: str, template: str, context: Mapping[str, Any]) -> str | None:
    """Key of an index page from its template values; None when one has no value ``repr``."""
    return _keyed(setup, template, repr(context))


def _keyed(setup: str, template: str, *parts: str) -> str | None:
    if any(UNKEYABLE in part for part in parts):
        return None
    return _sha(setup, template, *parts)


def _sha(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def read(docs_dir: Path) -> tuple[set[str], dict[str, Entry]]:
    """The files the last run generated, and the keys of those that had one.

    A missing or damaged manifest gives nothing (every page is rendered); a manifest of the
    older layout (a list of files) gives its files and no keys.
    """
    try:
        data = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set(), {}
    if isinstance(data, list):
        return {str(p) for p in data}, {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return set(), {}
    files, entries = set(), {}
    for path, value in (data.get("pages") or {}).items():
        files.add(str(path))
        if isinstance(value, list) and len(value) == 3 and value[0]:  # noqa: PLR2004 (key, size, time)
            entries[str(path)] = Entry(str(value[0]), int(value[1]), int(value[2]))
    return files, entries


def unchanged(docs_dir: Path, path: str, key: str | None, last: Mapping[str, Entry]) -> bool:
    """Whether ``path`` holds what a page of ``key`` renders to: same key, file untouched."""
    entry = last.get(path)
    if key is None or entry is None or entry.key != key:
        return False
    try:
        stat = os.stat(docs_dir / path)
    except OSError:
        return False
    return stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns


def write(docs_dir: Path, keys: Mapping[str, str | None]) -> None:
    """Record every generated file with its key and its file's size and time (atomically)."""
    pages: dict[str, list[object]] = {}
    for path, key in sorted(keys.items()):
        stat = os.stat(docs_dir / path)
        pages[path] = [key or "", stat.st_size, stat.st_mtime_ns]
    data = json.dumps({"format": FORMAT, "pages": pages}, indent=0).encode("utf-8")
    target = docs_dir / MANIFEST
    tmp = target.with_name(f"{MANIFEST}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
