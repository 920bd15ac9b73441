"""HTML pages (``.html``, ``.htm``): main text and metadata through trafilatura.

trafilatura drops navigation, scripts, footers, share widgets and related-link boxes, and reads
title, date, site name, author and canonical URL from the page's meta tags and JSON-LD.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import trafilatura

from generator.ingest.base import Document, Item, make_article, skip

log = logging.getLogger(__name__)

SUFFIXES = (".html", ".htm", ".xhtml")

# Publication date as first published, not last modified; the extensive search scans the whole
# page for any date and was slower and less precise on article pages.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read(doc: Document) -> Iterator[Item]:
    """Yield the page's main text as one article, or a Skipped naming why not."""
    result = _extract(doc.text)
    if result is None:
        yield skip(doc, "no article text found in the HTML page")
        return
    text = (result.get("text") or "").strip()
    if not text:
        yield skip(doc, "no article text found in the HTML page")
        return
    yield make_article(doc, text, title=result.get("title"), published=result.get("date"),
                       outlet=result.get("sitename") or result.get("hostname"),
                       url=result.get("url"), author=result.get("author"),
                       language=result.get("language"))


def _extract(page: str) -> dict[str, Any] | None:
    if not page.strip():
        return None
    try:
        result = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, date_extraction_params=_DATE_PARAMS, as_dict=True)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary input
        log.debug("trafilatura failed: %s", exc)
        return None
    return result if isinstance(result, dict) else None
