"""The search index: Pagefind run over the built HTML (``site/pagefind/``).

Pagefind cuts the index into chunks and one fragment per page, so a reader's query loads only
the chunks holding its words and the fragments of the results shown: kilobytes, whatever the
size of the archive (Material's search plugin shipped the whole index to every page view).
The binary comes in the ``pagefind[bin]`` wheel; nothing is downloaded at build or run time.

What is indexed is marked in ``theme/main.html``: the content of story pages and name pages
(``data-pagefind-body``, with a ``kind`` filter the search script uses to list stories
first); what Material's search honoured as ``data-search-exclude`` (citation numbers, dates,
source links) stays out here too, and so does what a story page folds away (``FOLDED``).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from generator.errors import BuildError

log = logging.getLogger(__name__)

FOLDER = "pagefind"
"""Where the index goes inside the site (``theme/partials/search.html`` points there)."""

GLOB = "{stories,people,organisations,places,speakers}/*.html"
"""The pages worth parsing: the only ones with ``data-pagefind-body``. Skipping the index
pages (days, archive, home) saves reading about a third of the site's HTML."""

EXCLUDE = "[data-search-exclude]"
"""Parts of a page kept out of the index (kept from Material's search attribute)."""

FOLDED = (".dg-more-sources", ".dg-copies", ".dg-chapters__earlier")
"""What a story page folds away (source rows past the first screen, copies folded into a
source, earlier chapters) stays out of the index too. A query loads the fragment (the indexed
text) of every result it shows, so a page's fragment must not grow with its sources: with
them, one saga's fragment reached 90 KB gzipped on the real pile and 515 KB on 10,000
synthetic articles (issue 17); without, it is bounded by what the page shows open (at most
30 source rows, 20 chapters, the timeline and key quotes): 6.6 KB at most on the real pile.
The headlines, summary, timeline and quotes of the story stay searchable."""

OPTIONS = ("--glob", GLOB, *(arg for selector in (EXCLUDE, *FOLDED)
                             for arg in ("--exclude-selectors", selector)),
           "--force-language", "en")
"""How the site is indexed; part of the render setup (``render.setup_hash``), so a change
here indexes again instead of reusing the previous build's index."""

UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-highlight.js")
"""Pagefind's own result widgets (420 KB): our script draws results in Material's markup."""

TIMEOUT_S = 1800
"""Pagefind indexed 1,639 story pages in 4.2 s here; half an hour is a hung process."""


INDEX_SUFFIXES = frozenset({".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter"})
"""The index proper; the rest of the bundle (script, wasm) is the same size for any site."""


@dataclass(frozen=True)
class IndexStats:
    """What Pagefind wrote: files and bytes of the bundle, and of the index proper in it."""

    files: int
    bytes: int
    chunks: int
    index_bytes: int


def index_site(site_dir: Path) -> IndexStats:
    """Index the built pages of ``site_dir`` into ``site_dir/pagefind``.

    Raises:
        BuildError: when the Pagefind binary is missing or fails.
    """
    binary = get_executable()
    if binary is None or not binary.is_file():
        raise BuildError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    command = [str(binary), "--site", str(site_dir), "--output-subdir", FOLDER, *OPTIONS,
               "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"Pagefind could not run: {exc}") from exc
    if done.returncode != 0:
        raise BuildError(f"Pagefind failed: {(done.stderr or done.stdout).strip()[-500:]}")
    for name in UNUSED:
        (site_dir / FOLDER / name).unlink(missing_ok=True)
    stats = bundle_stats(site_dir)
    log.info("Search index: %d files, %.1f MB, %d chunks", stats.files,
             stats.bytes / 1e6, stats.chunks)
    return stats


def reuse_index(previous: Path, site_dir: Path) -> IndexStats:
    """Hard-link the previous site's index into ``site_dir`` (its pages are all unchanged).

    Pagefind rewrites nothing in place (every build indexes into a fresh folder), so sharing
    the files never lets a build touch the previous site.
    """
    for path in sorted((previous / FOLDER).rglob("*")):
        target = site_dir / path.relative_to(previous)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)
    return bundle_stats(site_dir)


def bundle_stats(site_dir: Path) -> IndexStats:
    """Files, bytes and index chunks of the Pagefind bundle in ``site_dir`` (zeros if none)."""
    files = [p for p in (site_dir / FOLDER).rglob("*") if p.is_file()]
    sizes = {p: p.stat().st_size for p in files}
    return IndexStats(files=len(files), bytes=sum(sizes.values()),
                      chunks=sum(1 for p in files if p.suffix == ".pf_index"),
                      index_bytes=sum(n for p, n in sizes.items() if p.suffix in INDEX_SUFFIXES))


FRAGMENT_MAGIC = b"pagefind_dcd"
"""Pagefind's marker at the start of every decompressed file of its bundle."""


def fragments(site_dir: Path) -> Iterator[dict[str, object]]:
    """Every page record of the index (url, content, meta, filters), as Pagefind stored it."""
    for path in sorted((site_dir / FOLDER / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data.removeprefix(FRAGMENT_MAGIC))
        if isinstance(record, dict):
            yield record
