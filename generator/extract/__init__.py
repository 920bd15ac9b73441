"""Extract: per source, its dated mentions, events and quotes (cached by the pipeline).

Takes one reconciled ``Source`` (its primary article and reference date); gives an
``Extraction``: temporal expressions (``generator.timex``), dated events (``events``) and direct
quotes with speakers (``quotes``, ``speakers``). ``extract`` below is the stage's function.

Imports ``model``, ``config``, ``errors``, the primitives ``text`` and ``timex``, and the stages
before it; never ``story``, ``site`` or the orchestration.

Pure and picklable: the result depends only on the article and its reference date, so the
pipeline caches it by content hash and reference.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from generator import timex
from generator.extract import events, quotes
from generator.model import Article, DateMention, Extraction, PartialDate

_YEARLESS = re.compile(r"XXXX-(\d\d)(?:-\d\d)?")
"""A month or a day of a month without its year (``XXXX-12-22``, ``XXXX-01``)."""


def extract(article: Article, reference: PartialDate | None) -> Extraction:
    """Dates, events and quotes of one article.

    Args:
        article: the source's primary article (cleaned).
        reference: the date relative expressions are resolved against (``Source.reference``);
            only a day-precise one can resolve "on Thursday", but one known to the month or
            year (a URL's ``/2008/12/`` folder) still places "Dec. 22" in its year.

    Returns:
        The article's date mentions, its dated events and its direct quotes.
    """
    mentions = tuple(timex.find_dates(article.text, _as_day(reference)))
    if reference is not None and reference.precision != "day":
        mentions = tuple(_in_year_of(m, reference) for m in mentions)
    found = tuple(quotes.find_quotes(article.text))
    dated = events.find_events(article.text, article.id, mentions, reference, quotes=found)
    return Extraction(article_id=article.id, dates=mentions, events=dated, quotes=found)


def _as_day(reference: PartialDate | None) -> dt.date | None:
    return reference.earliest() if reference and reference.precision == "day" else None


def _in_year_of(mention: DateMention, reference: PartialDate) -> DateMention:
    """A yearless month or day put in the year that brings it nearest the reference's month.

    "Dec. 22" in a December 2008 article is 2008-12-22, "Jan. 5" 2009-01-05 (half a year apart
    at most; a tie goes to the past, as news mostly reports). The past-tense correction of
    ``events`` still moves a reported day after the reference back a year.
    """
    match = _YEARLESS.fullmatch(mention.value)
    if match is None or mention.type not in ("DATE", "TIME"):
        return mention
    month = int(match[1])
    year = reference.year
    if reference.month is not None:
        here = reference.year * 12 + reference.month
        year = min((reference.year + k for k in (-1, 0, 1)),
                   key=lambda y: abs(y * 12 + month - here))
    return dataclasses.replace(mention, value=f"{year:04d}{mention.value[4:]}")
