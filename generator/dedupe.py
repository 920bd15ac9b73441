"""Fold near-duplicate articles into one Source.

PLACEHOLDER owned by the dedupe work: keeps the public signature ``fold``.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Article, Source


def fold(articles: Sequence[Article], *, threshold: float = 0.6) -> list[Source]:
    """One Source per article (no folding yet)."""
    return [Source(primary=a) for a in articles]
