"""Per-article features: names for clustering and story tags, dates for reconcile and threads.

Finding names (``generator.text.entities``) and full dates (``generator.timex``) are the costly
per-article parts of clustering and date reconciliation. Pulling them out into one pure
function of the article lets the pipeline run them on every core and cache them by content,
so a daily rebuild finds names and dates only in the new articles.
"""

from __future__ import annotations

from generator.group import backrefs, reconcile, vectors
from generator.model import Article, Features


def features(article: Article) -> Features:
    """The names, stated and referred dates of one cleaned article (top-level: workers run it)."""
    return Features(entities=vectors.entities_of(article),
                    stated_dates=tuple(reconcile.explicit_dates(article)),
                    referred=backrefs.referred_dates(article))
