"""Fetched articles as plain files: Markdown with YAML front matter, one per article.

``<fetch.dir>/<host>/<YYYY-MM-DD>-<slug>.md``: a user can read, diff, commit and delete them,
and ``digest build`` reads them like any other input (``ingest/markdown.py``). The front matter
is written by ``yaml.safe_dump``, so no title or author can break out of it; the body is the
article's plain text, which the site escapes when it is built.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.fetch.urls import host_folder, slugify, url_slug

MAX_SAME_NAME = 50
"""Numbered variants (``-2`` ...) tried before a hash of the URL names the file instead."""

_FRONT_BYTES = 4096
"""How much of a fetched file is read to find its URL; our front matter is far shorter."""
_URL_LINE = re.compile(r"^url:\s*['\"]?(\S+?)['\"]?\s*$", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class FetchedArticle:
    """One new article, ready to be written."""

    url: str
    """Canonical URL."""
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    language: str | None
    fetched: dt.datetime
    feed: str
    """The source (feed, sitemap or page URL) it came from."""


def write_article(article: FetchedArticle, folder: Path) -> tuple[Path, bool]:
    """Write the article under ``folder``; never overwrite a file.

    Returns:
        The article's path, and False when a file there already holds this URL (a run that
        was interrupted before it saved its state wrote it).
    """
    day = _day(article.published) or article.fetched.date().isoformat()
    slug = slugify(article.title) or url_slug(article.url)
    host = folder / host_folder(article.url)
    host.mkdir(parents=True, exist_ok=True)
    content = render(article)
    names = [f"{day}-{slug}.md", *(f"{day}-{slug}-{n}.md" for n in range(2, MAX_SAME_NAME + 1)),
             f"{day}-{url_slug(article.url + '#')}.md"]
    for name in names:
        path = host / name
        if _create(path, content):
            return path, True
        if url_in_file(path) == article.url:
            return path, False
    raise FileExistsError(f"no free file name for {article.url} in {host}")


def url_in_file(path: Path) -> str | None:
    """The ``url`` of a fetched file's front matter (read from its first few KB)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(_FRONT_BYTES)
    except OSError:
        return None
    match = _URL_LINE.search(head.split("\n---", 1)[0])
    return match.group(1) if match else None


def render(article: FetchedArticle) -> str:
    """The file's text: front matter, a blank line, the body."""
    front = {
        "title": _line(article.title),
        "published": _line(article.published),
        "url": article.url,
        "outlet": _line(article.outlet),
        "author": _line(article.author),
        "language": _line(article.language),
        "fetched": article.fetched.astimezone(dt.UTC).isoformat(timespec="seconds")
                                  .replace("+00:00", "Z"),
        "feed": article.feed,
    }
    header = yaml.safe_dump({k: v for k, v in front.items() if v is not None},
                            sort_keys=False, allow_unicode=True, width=10_000)
    body = _CONTROL.sub("", article.text).strip()
    return f"---\n{header}---\n\n{body}\n"


def _create(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless it exists; atomic (temporary file, then link)."""
    if path.exists():
        return False
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".fetch-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.link(temp, path)  # fails if another writer took the name meanwhile
    except FileExistsError:
        return False
    finally:
        Path(temp).unlink(missing_ok=True)
    return True


def _day(published: str | None) -> str | None:
    match = _ISO_DAY.match(published or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def _line(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(_CONTROL.sub(" ", value).split())
    return value or None
