"""Link events into threads: the events that continue one another over weeks or months.

An event is one story draft of ``cluster`` (one happening and its coverage). A thread is a
chain of events: each event links to the events most like it (cosine of their centroids, the
vectors of ``vectors.build`` with background weights, so a link does not depend on the rest of
the pile) when both are dated and close in time, and the threads are the connected chains.
Look-alike events of different occasions (two earthquakes, two coaches fired) are kept apart
by time: an undated event, or one far from every event like it, is a thread of its own. The
similarity needed is higher than within an event (``LINK_SIMILARITY``), so that a thread
follows one subject, not a region's news.

Stability (Story Forest): the links of an event depend only on the events themselves, and the
events are held in place by ``cluster.group_stable``, so a thread formed in one build keeps its
events in the next; new events can only join threads (or bridge two), never split one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from generator.group import blocking, vectors
from generator.model import StoryDraft

log = logging.getLogger(__name__)

LINK_SIMILARITY = 0.2
"""Cosine of two events' centroids above which they continue one another (when close in
time). Calibrated on a small pile (40 articles of each Timeline17 collection, evenly over its
span, with ECB+ dev): B-cubed F1 of threads against the Timeline17 topics 0.785 / 0.825 at
0.15 / 0.2 with a 7-day gap, and 0.790 / 0.774 / 0.728 / 0.660 at 0.2 / 0.25 / 0.3 / 0.4 with
21 days (its events alone: 0.364), while ECB+ threads against its gold stories stay at
0.950-0.953 from 0.2 up (0.938 at 0.15)."""
LINK_GAP_DAYS = 7
"""Most days between two events' date ranges for a link: a thread quiet for a week needs an
event in between to go on, and chains still span months. Longer gaps chain other subjects of
the same region (at 0.2: 45 days dropped precision against the topics from 0.80 to 0.52)."""
LINK_NEIGHBOURS = 10
"""Events each event is compared with (the most similar, through ``blocking``): linear cost."""


def link(drafts: Sequence[StoryDraft],
         names: Mapping[str, Sequence[str]] | None = None) -> list[list[int]]:
    """The threads of ``drafts``: lists of draft indices, each list in input order.

    Args:
        drafts: the events (``cluster.group_stable``'s drafts).
        names: article id -> names found beforehand (as for ``vectors.build``).

    Returns:
        Every draft index exactly once; threads ordered by their first index.
    """
    if len(drafts) < 2:
        return [[i] for i in range(len(drafts))]
    centroids = _centroids(drafts, names)
    rows, cols, sims = blocking.nearest_neighbours(centroids, LINK_NEIGHBOURS)
    spans = [_span(d) for d in drafts]
    parent = list(range(len(drafts)))
    for a, b, sim in zip(rows.tolist(), cols.tolist(), sims.tolist(), strict=True):
        if sim >= LINK_SIMILARITY and _close(spans[a], spans[b]):
            parent[_root(parent, a)] = _root(parent, b)
    threads: dict[int, list[int]] = {}
    for index in range(len(drafts)):
        threads.setdefault(_root(parent, index), []).append(index)
    log.info("threads: %d events -> %d threads", len(drafts), len(threads))
    return sorted(threads.values(), key=lambda members: members[0])


def _centroids(drafts: Sequence[StoryDraft],
               names: Mapping[str, Sequence[str]] | None) -> sp.csr_matrix:
    """One L2-normalised row per event: the mean of its sources' vectors."""
    sources = [s for d in drafts for s in d.sources]
    docs = vectors.build(sources, names)
    sizes = [len(d.sources) for d in drafts]
    owner = np.repeat(np.arange(len(drafts)), sizes)
    membership = sp.csr_matrix((np.ones(len(owner), dtype=np.float32),
                                (owner, np.arange(len(owner)))),
                               shape=(len(drafts), len(owner)))
    return sp.csr_matrix(normalize(membership @ docs.matrix))


def _span(draft: StoryDraft) -> tuple[dt.date, dt.date] | None:
    """First and last publication day of the event's sources; None when none is dated."""
    days = [s.primary.published.earliest() for s in draft.sources
            if s.primary.published is not None and s.primary.published.precision == "day"]
    return (min(days), max(days)) if days else None


def _close(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return False
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
    return gap <= LINK_GAP_DAYS


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index
