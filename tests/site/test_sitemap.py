"""sitemap: a sitemap index once the URLs pass what one sitemap file may hold."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.site import sitemap

NS = {"s": sitemap.NS}


def _write(site: Path, n: int) -> list[str]:
    locs = [f"https://u.github.io/repo/stories/s{i}.html?a=1&amp;b=2" for i in range(n)]
    body = "".join(f"<url><loc>{loc}</loc><lastmod>2025-11-14</lastmod></url>" for loc in locs)
    (site / "sitemap.xml").write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset '
                                      f'xmlns="{sitemap.NS}">{body}</urlset>', encoding="utf-8")
    return [loc.replace("&amp;", "&") for loc in locs]


def test_small_sitemap_is_left_alone(tmp_path: Path) -> None:
    _write(tmp_path, 3)
    before = (tmp_path / "sitemap.xml").read_bytes()
    assert sitemap.split_sitemap(tmp_path, "https://u.github.io/repo/", limit=3) == 0
    assert (tmp_path / "sitemap.xml").read_bytes() == before


def test_large_sitemap_becomes_an_index_of_parts(tmp_path: Path) -> None:
    locs = _write(tmp_path, 7)
    assert sitemap.split_sitemap(tmp_path, "https://u.github.io/repo/", limit=3) == 3
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{sitemap.NS}}}sitemapindex"
    parts = [str(e.text) for e in index.findall("s:sitemap/s:loc", NS)]
    assert parts == [f"https://u.github.io/repo/sitemap-{n}.xml" for n in (1, 2, 3)]
    found = []
    for n in (1, 2, 3):
        part = ET.parse(tmp_path / f"sitemap-{n}.xml").getroot()
        found += [str(e.text) for e in part.findall("s:url/s:loc", NS)]
        assert len(part.findall("s:url", NS)) <= 3
        assert part.find("s:url/s:lastmod", NS) is not None
    assert found == locs
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == \
        (tmp_path / "sitemap.xml").read_bytes()

