"""Per-source extraction: dated mentions, events and quotes (cached by the pipeline).

PLACEHOLDER owned by the timeline work: keeps the public signature ``extract``.
"""

from __future__ import annotations

from generator import dates, quotes
from generator.model import Article, Extraction, PartialDate


def extract(article: Article, reference: PartialDate | None) -> Extraction:
    """Dates and quotes of one article; events come later."""
    ref = reference.earliest() if reference and reference.precision == "day" else None
    return Extraction(
        article_id=article.id,
        dates=tuple(dates.find_dates(article.text, ref)),
        quotes=tuple(quotes.find_quotes(article.text)),
    )
