"""A sitemap index once MkDocs' ``sitemap.xml`` passes the protocol's 50,000 URLs per file.

MkDocs writes one ``sitemap.xml`` (and ``sitemap.xml.gz``) listing every page. Search engines
read at most 50,000 URLs of a sitemap (sitemaps.org), and a site of 100,000 articles has more
pages than that, so past the limit the URLs move to ``sitemap-1.xml``, ``sitemap-2.xml``, ...
and ``sitemap.xml`` becomes their index: its address stays the one to submit.
"""

from __future__ import annotations

import gzip
import logging
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

log = logging.getLogger(__name__)

SITEMAP_URLS = 50_000
"""URLs one sitemap file may hold (sitemaps.org protocol; Google and Bing enforce it)."""

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def split_sitemap(site_dir: Path, site_url: str | None, *, limit: int = SITEMAP_URLS) -> int:
    """Cut ``site_dir/sitemap.xml`` into files of at most ``limit`` URLs under an index.

    Args:
        site_dir: the built site.
        site_url: the site's address (the index lists its parts by absolute URL); relative
            addresses are used without it.
        limit: URLs per file.

    Returns:
        The number of sitemap files written (0 when the sitemap was small enough or absent).
    """
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return 0
    urls = ET.parse(path).getroot().findall(f"{{{NS}}}url")
    if len(urls) <= limit:
        return 0
    base = site_url.rstrip("/") + "/" if site_url else ""
    parts = []
    for n, first in enumerate(range(0, len(urls), limit), 1):
        body = "\n".join(_url(u) for u in urls[first:first + limit])
        name = f"sitemap-{n}.xml"
        (site_dir / name).write_text(f'{HEAD}<urlset xmlns="{NS}">\n{body}\n</urlset>\n',
                                     encoding="utf-8")
        parts.append(f"<sitemap><loc>{escape(base + name)}</loc></sitemap>")
    index = f'{HEAD}<sitemapindex xmlns="{NS}">\n{chr(10).join(parts)}\n</sitemapindex>\n'
    path.write_text(index, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(index.encode("utf-8"), mtime=0))
    log.info("Sitemap: %d URLs in %d files under sitemap.xml", len(urls), len(parts))
    return len(parts)


def _url(url: ET.Element) -> str:
    """One ``<url>`` entry again, its children (loc, lastmod, ...) as MkDocs wrote them."""
    fields = "".join(f"<{c.tag.split('}')[-1]}>{escape(c.text or '')}</{c.tag.split('}')[-1]}>"
                     for c in url)
    return f"<url>{fields}</url>"
