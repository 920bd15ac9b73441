"""Back-references: an event that names the day or month of an earlier event continues it.

News of a long story points back at its beginnings: "since the uprising began in March", "the
April 20 explosion", "on Jan. 25, when the protests started". Such a reference links an event
to an earlier one however far apart they are, where ``threads`` links only events close in
time (``threads.MAX_GAP_DAYS``). A date alone says little (every story of March 2011 falls in
March 2011), so a referred link also needs the two events to share a name and to be alike in
words and names; the join rule of ``threads`` still decides, at a lower bar
(``threads.REFERRED_JOIN_RATIO``).

``referred_dates`` runs per article (``features``: cached, parallel); ``referred_links`` once
per build, over an index of the events by day and month, so its cost is linear in the events
times the dates they refer to.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from generator import timex
from generator.model import Article, PartialDate, StoryDraft

Span = tuple[dt.date, dt.date]
Links = tuple[np.ndarray, np.ndarray, np.ndarray]

LOOK_BACK_DAYS = 7
"""A date counts as a back-reference when it lies more than this many days before the
article's publication: closer dates are the event's own news (``threads.LINK_GAP_DAYS``
already links events within a week)."""
MAX_REFERRED_DATES = 12
"""Most back-referenced dates kept per article (the first in the text): a chronology box or a
list of past events would otherwise tie an article to every month of a year. Real pile: 8,443
dates over 6,119 articles, under 3 in the median article that has any."""
REFERRED_NEIGHBOURS = 5
"""Earlier events an event is linked to through its references, the most alike first. Real
pile (``benchmarks.events``, threads vs Timeline17 topics at a join ratio of 0.5): 3 / 5 / 10
gave B-cubed F1 0.875 / 0.875 / 0.877; 5 keeps the candidate links few."""
MIN_REFERRED_SIMILARITY = 0.1
"""Weakest cosine (words and names) of a referred link, as ``threads.LINK_SIMILARITY``: the
same floor under which no link is tried."""
DAY_SLACK = 1
"""Days either side of a referred day that an earlier event may span: news of the evening
and of the next morning tell one happening."""


def referred_dates(article: Article) -> tuple[PartialDate, ...]:
    """Days and months the article's text names before its publication (a week or more).

    Resolved against the article's publication day, so "in March" and "April 20" are the
    last ones before it; an article without a publication day refers to nothing. Years alone
    ("in 2009") are too coarse to point at an event and are left out.
    """
    published = article.published
    if published is None or published.precision != "day":
        return ()
    day = published.earliest()
    found: list[PartialDate] = []
    for mention in timex.find_dates(article.text, day):
        when = mention.date
        if when is None or when.precision == "year":
            continue
        if (day - when.latest()).days > LOOK_BACK_DAYS and when not in found:
            found.append(when)
            if len(found) == MAX_REFERRED_DATES:
                break
    return tuple(found)


def referred_links(drafts: Sequence[StoryDraft], events: sp.csr_matrix, names: sp.csr_matrix,
                   spans: Sequence[Span | None],
                   referred: Mapping[str, Sequence[PartialDate]]) -> Links:
    """Links from each event to the earlier events spanning a date its sources refer to.

    Args:
        drafts: the events.
        events: one unit row per event (``threads.event_vectors``).
        names: the events' name centroids (unit rows; empty for an event without names).
        spans: each event's first and last publication day.
        referred: article id -> ``referred_dates`` of the article.

    Returns:
        Rows (the referring event), columns (the earlier event) and cosines, at most
        ``REFERRED_NEIGHBOURS`` per event, only between events that share a name.
    """
    by_day, by_month = _calendar(spans)
    named = np.asarray(names.getnnz(axis=1)).ravel() > 0
    rows: list[int] = []
    cols: list[int] = []
    sims: list[float] = []
    for index, draft in enumerate(drafts):
        span = spans[index]
        if span is None or not named[index]:
            continue
        dates = {d for s in draft.sources for d in referred.get(s.primary.id, ())}
        candidates = sorted({c for d in dates for c in _spanning(d, by_day, by_month)
                             if named[c] and (end := spans[c]) is not None and end[1] < span[0]})
        if not candidates:
            continue
        shared = (names[candidates] @ names[index].T).toarray().ravel() > 0
        kept = [c for c, ok in zip(candidates, shared, strict=True) if ok]
        cosines = (events[kept] @ events[index].T).toarray().ravel() if kept else np.zeros(0)
        for best in np.argsort(-cosines, kind="stable")[:REFERRED_NEIGHBOURS].tolist():
            if cosines[best] >= MIN_REFERRED_SIMILARITY:
                rows.append(index)
                cols.append(kept[best])
                sims.append(float(cosines[best]))
    return (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
            np.asarray(sims, dtype=np.float64))


def _calendar(spans: Sequence[Span | None]) -> tuple[dict[dt.date, list[int]],
                                                    dict[tuple[int, int], list[int]]]:
    """The events spanning each day, and those spanning part of each month."""
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, span in enumerate(spans):
        if span is None:
            continue
        for offset in range((span[1] - span[0]).days + 1):
            by_day[span[0] + dt.timedelta(days=offset)].append(index)
        for month in _months(span):
            by_month[month].append(index)
    return by_day, by_month


def _months(span: Span) -> Iterator[tuple[int, int]]:
    year, month = span[0].year, span[0].month
    while (year, month) <= (span[1].year, span[1].month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _spanning(when: PartialDate, by_day: Mapping[dt.date, list[int]],
              by_month: Mapping[tuple[int, int], list[int]]) -> Iterator[int]:
    """The events whose span holds ``when`` (a day, give or take ``DAY_SLACK``, or a month)."""
    if when.day is None:
        yield from by_month.get((when.year, when.month or 0), ())
        return
    day = when.earliest()
    for offset in range(-DAY_SLACK, DAY_SLACK + 1):
        yield from by_day.get(day + dt.timedelta(days=offset), ())
