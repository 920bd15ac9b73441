"""Plain text (``.txt``): scraped pages like the samples. One file, one article.

The text is passed on as it is; ``clean`` removes the scrape boilerplate and finds the title
and date lines, because the same header shapes also occur in other formats' bodies.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.ingest.base import Document, Item, make_article, skip

SUFFIXES = (".txt", ".text")


def read(doc: Document) -> Iterator[Item]:
    """Yield the file as one article (or a Skipped when it holds only whitespace)."""
    if not doc.text.strip():
        yield skip(doc, "empty file")
        return
    yield make_article(doc, doc.text)
