"""Link events into threads: the events that continue one another over weeks or months.

An event is one story draft of ``cluster`` (one happening and its coverage). A thread is a
chain of events: each event links to the events most like it (cosine of their centroids, the
vectors of ``vectors.build`` with background weights, so a link does not depend on the rest of
the pile) when both are dated and close in time; linked threads join while they stay alike as
wholes (centroid linkage, ``_Joined``), so a chain of neighbours cannot drift across subjects.
Look-alike events of different occasions (two earthquakes, two coaches fired) are kept apart
by time: an undated event, or one far from every event like it, is a thread of its own. The
similarity needed is higher than within an event (``LINK_SIMILARITY``), so that a thread
follows one subject, not a region's news.

Stability (Story Forest): the links of an event depend only on the events themselves, and the
events are held in place by ``cluster.group_stable``, so a thread formed in one build keeps its
events in the next; new events can only join threads (or bridge two), never split one. (The
centroid check adds one caveat: the order of joins follows link strength, so an event that
arrives with stronger links can change which of two candidate threads an old event joins.)
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

LINK_SIMILARITY = 0.3
"""Cosine of two events' centroids, and of the two threads' centroids they would join, above
which they continue one another (when close in time). First calibrated with single linkage on
a small pile (40 articles of each Timeline17 collection with ECB+ dev: B-cubed F1 against the
Timeline17 topics 0.825 at 0.2); on the real pile (`../shared/tools/real-pile`, 6,094
articles) single linkage chained 3,342 articles into one thread at 0.2 and 2,466 at 0.35.
With centroid linkage (``_Joined``), B-cubed F1 of the Timeline17 articles' threads against
their topics on the real pile: 0.661 at 0.2 (P 0.571, a 2,719-article thread), 0.726 at 0.3
(P 0.808 / R 0.659, largest threads 1,276 and 1,255 articles: a Timeline17 topic holds up to
1,461), events alone 0.245; single linkage at 0.5 gave 0.545."""
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
    joined = _Joined(centroids, [len(d.sources) for d in drafts])
    for edge in np.argsort(-sims, kind="stable").tolist():
        a, b = int(rows[edge]), int(cols[edge])
        if sims[edge] >= LINK_SIMILARITY and _close(spans[a], spans[b]):
            joined.join(a, b)
    threads: dict[int, list[int]] = {}
    for index in range(len(drafts)):
        threads.setdefault(joined.root(index), []).append(index)
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


class _Joined:
    """Union-find over events that joins two threads only while they stay alike as wholes.

    Joining every linked pair (single linkage) chained a real pile's subjects through their
    neighbours into one thread of 3,342 of its 6,094 articles (BP spill, Libya, Egypt, US
    politics ...). A thread is therefore joined to another only when the two threads' centroids
    (the mean of all their sources) reach ``LINK_SIMILARITY`` too (centroid linkage, strongest
    links first), so a chain cannot drift from one subject to the next.
    """

    def __init__(self, centroids: sp.csr_matrix, sizes: list[int]) -> None:
        self.parent = list(range(len(sizes)))
        self.total = [centroids[i] * size for i, size in enumerate(sizes)]

    def root(self, index: int) -> int:
        """The thread ``index`` belongs to now."""
        parent = self.parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(self, a: int, b: int) -> None:
        """One thread of ``a``'s and ``b``'s, if their centroids are alike enough."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return
        one, other = self.total[ra], self.total[rb]
        norms = float(np.sqrt(one.multiply(one).sum() * other.multiply(other).sum()))
        if norms == 0 or float(one.multiply(other).sum()) / norms < LINK_SIMILARITY:
            return
        self.parent[ra] = rb
        self.total[rb] = one + other
