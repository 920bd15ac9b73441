"""Per-source extraction: dated mentions, events and quotes (cached by the pipeline).

Pure and picklable: the result depends only on the article and its reference date, so the
pipeline caches it by content hash and reference.
"""

from __future__ import annotations

import datetime as dt

from generator import dates, events, quotes
from generator.model import Article, Extraction, PartialDate


def extract(article: Article, reference: PartialDate | None) -> Extraction:
    """Dates, events and quotes of one article.

    Args:
        article: the source's primary article (cleaned).
        reference: the date relative expressions are resolved against (``Source.reference``);
            only a day-precise one can resolve "on Thursday".

    Returns:
        The article's date mentions, its dated events and its direct quotes.
    """
    mentions = tuple(dates.find_dates(article.text, _as_day(reference)))
    found = tuple(quotes.find_quotes(article.text))
    dated = events.find_events(article.text, article.id, mentions, reference, quotes=found)
    return Extraction(article_id=article.id, dates=mentions, events=dated, quotes=found)


def _as_day(reference: PartialDate | None) -> dt.date | None:
    return reference.earliest() if reference and reference.precision == "day" else None
