"""Clean articles: boilerplate out, text normalised, metadata found.

PLACEHOLDER owned by the clean work: keeps the public signature ``clean_corpus``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from generator.model import Article, Skipped


def clean_corpus(articles: Sequence[Article]) -> tuple[list[Article], list[Skipped]]:
    """Clean every article; those left with no text become Skipped."""
    kept: list[Article] = []
    skipped: list[Skipped] = []
    for article in articles:
        text = article.text.strip()
        if not text:
            skipped.append(Skipped(article.path, "no text after cleaning"))
            continue
        title = article.title or text.splitlines()[0][:120]
        kept.append(dataclasses.replace(article, text=text, title=title))
    return kept, skipped
