"""Redirect pages: tiny static HTML files at old story URLs, pointing where the content went.

Written into the built site (through ``site.build_site(..., post_build=...)``), one per old slug,
at the place MkDocs would have put the old story page. Each has a meta refresh, a canonical link
and a plain link, all relative, so the redirect works on any host, under a sub-path (GitHub
Pages' ``/repo/``) and when the site is opened from disk.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.group.history import HOME

log = logging.getLogger(__name__)

STORY_DIR = "stories"
"""Folder of story pages under docs/ and site/ (pages.py writes ``stories/<slug>.md``)."""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>This story has moved: <a href="{href}">{title}</a>.</p>
</body>
</html>
"""


def page_path(slug: str, *, directory_urls: bool) -> Path:
    """Where MkDocs puts the page of story ``slug``, relative to the site root."""
    if directory_urls:
        return Path(STORY_DIR) / slug / "index.html"
    return Path(STORY_DIR) / f"{slug}.html"


def relative_href(target: str, *, directory_urls: bool) -> str:
    """The link from an old story page to story ``target`` (``""`` is the home page)."""
    if directory_urls:
        return "../../" if target == HOME else f"../{target}/"
    return "../index.html" if target == HOME else f"{target}.html"


def render(target: str, *, title: str, directory_urls: bool) -> str:
    """The HTML of one redirect page."""
    href = html.escape(relative_href(target, directory_urls=directory_urls), quote=True)
    return _PAGE.format(href=href, title=html.escape(title))


def write_redirects(site_dir: Path, redirects: Sequence[tuple[str, str]], *,
                    titles: dict[str, str] | None = None,
                    directory_urls: bool = True) -> list[Path]:
    """Write one redirect page per ``(old slug, new slug)``; never overwrite a real page.

    Args:
        site_dir: the built site (the temporary one, before it is swapped in).
        redirects: old slug -> new slug, ``""`` meaning the home page.
        titles: headline of each live slug, for the link text.
        directory_urls: MkDocs' ``use_directory_urls`` (``stories/x/`` vs ``stories/x.html``).

    Returns:
        The files written.
    """
    written: list[Path] = []
    for old, new in redirects:
        path = site_dir / page_path(old, directory_urls=directory_urls)
        if path.exists():
            log.warning("Not redirecting '%s': a page already lives at that URL", old)
            continue
        title = "the briefing home page" if new == HOME else (titles or {}).get(new, new)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(new, title=title, directory_urls=directory_urls),
                        encoding="utf-8")
        written.append(path)
    return written


def post_build_hook(redirects: Sequence[tuple[str, str]], *, titles: dict[str, str],
                    directory_urls: bool) -> Callable[[Path], None]:
    """A ``post_build`` callable for ``site.build_site`` that writes the redirect pages."""

    def hook(site_dir: Path) -> None:
        written = write_redirects(site_dir, redirects, titles=titles,
                                  directory_urls=directory_urls)
        log.info("Wrote %d redirect pages", len(written))

    return hook
