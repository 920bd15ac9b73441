"""Link events into threads: the events that continue one another over weeks or months.

An event is one story draft of ``cluster`` (one happening and its coverage). A thread is a
chain of events. The evidence that one event continues another:

- **shared participants and places**: the names of ``vectors.build`` (people, organisations,
  places), weighted by their rarity in general English (``background``), count as much as
  the subject's words here (``NAME_WEIGHT``), since two events of one kind share words but
  not names;
- **shared subject terms**, weighted by the same background rarity (so a link does not
  depend on the rest of the pile);
- **time**: two events link only when their date ranges are close; a link weakens as the
  gap between them grows (``LINK_GAP_DAYS``, ``GAP_DECAY_DAYS``, ``MAX_GAP_DAYS``), and an
  undated event is a thread of its own;
- **explicit back-references** (``backrefs``): an event whose sources name a day or month
  that an earlier event spans ("since the uprising began in March", "the April 20
  explosion"), sharing a name with it, links to it however long ago it was, and joins at a
  lower bar (``REFERRED_JOIN_RATIO``).

Candidate links come from each event's nearest neighbours (``blocking``), strongest first.
Two threads join only when they are alike as wholes (average linkage over their events,
``_Threads``): the average similarity across the two threads must reach ``JOIN_RATIO`` of
the looser thread's own average (two single events: ``JOIN_SIMILARITY``). A chain A~B~C
whose ends share nothing therefore stays apart, and a long saga whose events drift in
vocabulary (the first and the last weeks of an oil spill) still holds together, since it is
judged against its own cohesion rather than a fixed bar that large, loose threads would
miss (or, with centroids, too easily pass).

Look-alike events of different occasions (two earthquakes, two coaches fired) share the
words of their kind but not their names, and are seldom close in time; two single events
need ``JOIN_SIMILARITY`` across words and names. A saga quiet for over ``MAX_GAP_DAYS``
starts a new thread unless its next event refers back to it.

Stability (Story Forest): a thread formed in one build is not reshuffled in the next. Events
whose sources were in one thread last time start joined (``previous``); new links can only
add events to threads or join threads, never split one. A link between two events whose
sources were mostly there last time was tried then, and is not tried again: re-tried against
threads already whole, such links joined threads that the cold build of the same articles
kept apart, a little more with every rebuild. Only links that touch a new event are tried.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from generator.group import backrefs, blocking, vectors
from generator.model import PartialDate, StoryDraft

log = logging.getLogger(__name__)

Span = tuple[dt.date, dt.date]

NAME_WEIGHT = 0.5
"""Share of an event link that comes from shared names (the rest from words). Measured on the
real pile (`../shared/tools/real-pile`, Timeline17 articles' threads against their topics,
with the other defaults): 0.15 (the events' own weight) B-cubed F1 0.787, 0.5 0.795, 0.7
0.790 at the first join rule tried; names separate topics better than words (median event
cosine within a topic 7 days apart 0.089 against 0.006 across topics; words 0.144 / 0.048)."""
LINK_SIMILARITY = 0.1
"""Weakest link (cosine of two events, times the time factor) that is tried at all; the join
rule decides. Real pile, with the defaults: 0.25 / 0.2 / 0.15 / 0.1 gave B-cubed F1 0.821 /
0.848 / 0.862 / 0.866 at ``JOIN_RATIO`` 0.6 (precision 0.960-0.964 throughout)."""
JOIN_SIMILARITY = 0.3
"""Cosine at which two single events join: the bar of the centroid linkage before (at 0.2
that joined a 2,719-article thread on the real pile; B-cubed P 0.571)."""
JOIN_RATIO = 0.5
"""Average cosine across two threads, as a share of the looser thread's within-thread
average, at which they join. Recalibrated when ``cluster`` stopped re-joining pieces of
events (smaller events, so looser threads). Real pile, ``benchmarks.events``' threads vs
Timeline17 topics: the values before (0.6, ``JOIN_FLOOR`` 0.05, ``REFERRED_JOIN_RATIO`` 0.55)
gave B-cubed F1 0.843 on the smaller events (R 0.744); with ``JOIN_FLOOR`` 0.07, 0.55 gave
0.858-0.860, 0.5 0.880 (P 0.970, ``REFERRED_JOIN_RATIO`` 0.45), 0.45 0.884 (P 0.966), 0.4
0.810 (P 0.795: the Libya, Egypt, Syria and Iraq threads joined). 0.5 keeps a margin from
that cliff; ECB+ dev threads vs gold stories read 0.950-0.951 at every value (1-4 Leiden
seeds)."""
JOIN_FLOOR = 0.075
"""Lowest average cosine across two threads at which they join, however loose they are.
Without it a loose thread (last build's events forced together, or a drifting saga) set its
own bar near zero and took in whatever linked to one member, and each rebuild loosened it
further: 1,000 synthetic articles (`benchmarks.synth`) gave 159 threads cold, 137 cold with
1% more articles, 127 for the same articles as a rebuild (10,000: 1,045 -> 540 on a 1%-new
rebuild). At 0.05: 299 / 257 / 255 (0.1: 318 / 310 / 303). Real pile, threads vs Timeline17
topics (``benchmarks.events``), with events no longer re-joined and ``JOIN_RATIO`` 0.5: B-cubed
F1 0.879 at 0.06, 0.880 at 0.07 (P 0.970), 0.877 at 0.08; the floor is what keeps the
2011 Middle East threads apart at lower ratios (at 0.05, ``JOIN_RATIO`` 0.55 and
``REFERRED_JOIN_RATIO`` 0.525, a referred link joined Libya, Egypt, Syria and Iraq: P 0.718;
at 0.07 the same ratios read P 0.970), so 0.07 rather than the best 0.06. With these values
``benchmarks.thread_rebuilds`` (1,000 synthetic articles, five 1% rebuilds) reads 256 threads
cold, 257-261 rebuilt, B-cubed 0.889-0.896 against the final cold build of 275 (before: 294-300
against 296, 0.889-0.896). Raised to 0.075 with consensus events (``communities``): on the
pile prepared with that session's cleaning, a back-referred link joined a loose thread of the
2011 Egypt and Gulf protests (cohesion 0.158) to Syria's at an average of 0.072 across (P
0.915, F1 0.845); 0.075 read P 0.974, F1 0.869, 0.08 0.865 (Iraq's recall falls first); ECB+
dev threads vs stories 0.958 at each."""
REFERRED_JOIN_RATIO = 0.45
"""``JOIN_RATIO`` for a link read from a back-reference (``backrefs``): an explicit reference
and a shared name are evidence that similarity alone is not. Real pile, threads vs Timeline17
topics (``benchmarks.events``), ``JOIN_RATIO`` 0.5 and ``JOIN_FLOOR`` 0.07: 0.5 (no leniency)
gave B-cubed F1 0.876, 0.45 0.880 (Egypt's recall 0.77 -> 0.81); at ``JOIN_RATIO`` 0.45 too,
0.884 (P 0.966). Measured first with events re-joined, ``JOIN_RATIO`` 0.6 and ``JOIN_FLOOR``
0.05: 0.6 gave 0.865, 0.55 0.871, 0.5 0.875, 0.45 0.768 (the Iraq, Egypt and Libya threads
joined; the floor now holds them apart). ECB+ threads vs stories read the same at all of
them (its documents refer to few dates)."""
LINK_GAP_DAYS = 7
"""Days between two events' date ranges within which a link keeps its full weight."""
GAP_DECAY_DAYS = 30.0
"""Beyond ``LINK_GAP_DAYS`` a link's weight falls by a factor e every this many days."""
MAX_GAP_DAYS = 30
"""Most days between two events' date ranges for a link: a thread quiet for a month needs an
event in between to go on (chains still span months). Real pile: 7 days gave B-cubed F1
0.795 (recall 0.676), 30 days 0.848, 60 days 0.848 (the decay already weakens those links)."""
LINK_NEIGHBOURS = 10
"""Events each event is compared with (the most similar, through ``blocking``): linear cost.
Real pile: 20 gave the same threads as 10."""


def link(drafts: Sequence[StoryDraft], names: Mapping[str, Sequence[str]] | None = None,
         previous: Mapping[str, int] | None = None,
         referred: Mapping[str, Sequence[PartialDate]] | None = None,
         docs: vectors.DocVectors | None = None) -> list[list[int]]:
    """The threads of ``drafts``: lists of draft indices, each list in input order.

    Args:
        drafts: the events (``cluster.group_stable``'s drafts).
        names: article id -> names found beforehand (as for ``vectors.build``).
        previous: source id -> the thread it was in at the last build (any numbering); the
            events of one previous thread stay in one thread, and links between events
            whose sources were mostly there are not tried again.
        referred: article id -> the earlier days and months it refers to
            (``backrefs.referred_dates``, in ``Features.referred``); none when not given.
        docs: the sources' vectors when the caller has them (``vectors.build``).

    Returns:
        Every draft index exactly once; threads ordered by their first index.
    """
    if len(drafts) < 2:
        return [[i] for i in range(len(drafts))]
    events, found = event_vectors(drafts, names, docs)
    spans = [_span(d) for d in drafts]
    joined = _Threads(events)
    for a, b in _kept_together(drafts, previous or {}):
        joined.force(a, b)
    settled = _settled(drafts, previous or {})
    rows, cols, weights, ratios = _all_links(drafts, (events, found), spans, referred or {},
                                             searched=~settled)
    for edge in np.argsort(-weights, kind="stable").tolist():
        if weights[edge] < LINK_SIMILARITY:
            break
        a, b = int(rows[edge]), int(cols[edge])
        if not (settled[a] and settled[b]):
            joined.join(a, b, ratio=float(ratios[edge]))
    threads: dict[int, list[int]] = {}
    for index in range(len(drafts)):
        threads.setdefault(joined.root(index), []).append(index)
    log.info("threads: %d events -> %d threads", len(drafts), len(threads))
    return sorted(threads.values(), key=lambda members: members[0])


def event_vectors(drafts: Sequence[StoryDraft], names: Mapping[str, Sequence[str]] | None,
                  docs: vectors.DocVectors | None = None
                  ) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """One L2-normalised row per event: its words' and its names' centroids, weighted.

    The dot product of two rows is ``(1 - NAME_WEIGHT) * word cosine + NAME_WEIGHT * name
    cosine`` of the two events' centroids (the mean of their sources' vectors).

    Returns:
        The weighted rows, and the names' centroids alone (unit rows; empty for an event
        without names).
    """
    sources = [s for d in drafts for s in d.sources]
    ids = [s.id for s in sources]
    docs = (docs.select(ids) if docs is not None and docs.holds(ids)
            else vectors.build(sources, names))
    sizes = [len(d.sources) for d in drafts]
    owner = np.repeat(np.arange(len(drafts)), sizes)
    membership = sp.csr_matrix((np.ones(len(owner), dtype=np.float32),
                                (owner, np.arange(len(owner)))),
                               shape=(len(drafts), len(owner)))
    words = _unit_rows(membership @ docs.matrix[:, ~docs.is_name])
    found = _unit_rows(membership @ docs.matrix[:, docs.is_name])
    weighted = sp.hstack([words * np.sqrt(1 - NAME_WEIGHT), found * np.sqrt(NAME_WEIGHT)])
    return _unit_rows(weighted), found


def _all_links(drafts: Sequence[StoryDraft], event_rows: tuple[sp.csr_matrix, sp.csr_matrix],
               spans: Sequence[Span | None], referred: Mapping[str, Sequence[PartialDate]], *,
               searched: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Links near in time and links read from back-references, each with its join ratio.

    Near links are searched from the ``searched`` events only (on a rebuild, those not
    settled: links between settled events are not tried again, and searching every event's
    neighbours was most of the threads' time on a daily rebuild).
    """
    events, names = event_rows
    rows, cols, weights = _links(events, names, spans, np.flatnonzero(searched))
    back = backrefs.referred_links(drafts, events, names, spans, referred)
    ratios = np.concatenate([np.full(len(rows), JOIN_RATIO),
                             np.full(len(back[0]), REFERRED_JOIN_RATIO)])
    return (np.concatenate([rows, back[0]]), np.concatenate([cols, back[1]]),
            np.concatenate([weights, back[2]]), ratios)


def _settled(drafts: Sequence[StoryDraft], previous: Mapping[str, int]) -> np.ndarray:
    """Per event, whether most of its sources (more than half) were there at the last build.

    An old event that took in a few new sources is still the event it was (it stays in its
    thread); requiring every source to be old made each event a new article joined count as
    new, and its links re-tried against whole threads drifted as before (synthetic, 1,000
    articles, five 1% rebuilds: 347 threads against 385 cold, B-cubed 0.86; with most
    sources, 380 and 0.88). Through ``pipeline.run`` (``benchmarks.thread_rebuilds``, 1,000
    ``benchmarks.synth`` articles, five 1% rebuilds): 211 threads against 296 for a cold
    build (B-cubed 0.781) without this rule, 297 (0.892) with it.
    """
    if not previous:
        return np.zeros(len(drafts), dtype=bool)
    return np.fromiter((2 * sum(s.id in previous for s in d.sources) > len(d.sources)
                        for d in drafts), dtype=bool, count=len(drafts))


def _unit_rows(matrix: sp.spmatrix) -> sp.csr_matrix:
    """``matrix`` with L2-normalised rows (one without columns as it is)."""
    matrix = sp.csr_matrix(matrix, dtype=np.float32)
    return sp.csr_matrix(normalize(matrix), dtype=np.float32) if matrix.shape[1] else matrix


def _links(events: sp.csr_matrix, names: sp.csr_matrix, spans: Sequence[Span | None],
           searched: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate links (nearest neighbours) and their weights: cosine times time factor.

    Two events that both name someone or somewhere but share no name are not linked: they
    are two occasions of one kind (two earthquakes in two towns), however alike their words.
    """
    rows, cols, sims = blocking.nearest_neighbours(events, LINK_NEIGHBOURS, rows=searched)
    factors = np.fromiter((time_factor(spans[a], spans[b]) for a, b in zip(rows, cols,
                                                                           strict=True)),
                          dtype=np.float64, count=len(rows))
    named = np.asarray(names.getnnz(axis=1)).ravel() > 0
    shared = np.asarray(names[rows].multiply(names[cols]).sum(axis=1)).ravel() > 0
    factors[named[rows] & named[cols] & ~shared] = 0.0
    return rows, cols, sims * factors


def time_factor(a: Span | None, b: Span | None) -> float:
    """Weight kept by a link between events with date ranges ``a`` and ``b`` (0: no link)."""
    if a is None or b is None:
        return 0.0
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
    if gap <= LINK_GAP_DAYS:
        return 1.0
    if gap > MAX_GAP_DAYS:
        return 0.0
    return float(np.exp(-(gap - LINK_GAP_DAYS) / GAP_DECAY_DAYS))


def _span(draft: StoryDraft) -> Span | None:
    """First and last publication day of the event's sources; None when none is dated."""
    days = [s.primary.published.earliest() for s in draft.sources
            if s.primary.published is not None and s.primary.published.precision == "day"]
    return (min(days), max(days)) if days else None


def _kept_together(drafts: Sequence[StoryDraft],
                   previous: Mapping[str, int]) -> list[tuple[int, int]]:
    """Pairs of events that were in one thread at the last build.

    An event belongs to its sources' most common previous thread; a new event to none.
    """
    first_of: dict[int, int] = {}
    pairs: list[tuple[int, int]] = []
    for index, draft in enumerate(drafts):
        before = Counter(previous[s.id] for s in draft.sources if s.id in previous)
        if not before:
            continue
        thread = before.most_common(1)[0][0]
        if thread in first_of:
            pairs.append((first_of[thread], index))
        else:
            first_of[thread] = index
    return pairs


class _Threads:
    """Union-find over events that joins two threads only while they are alike as wholes.

    Each thread keeps the sum of its events' unit vectors, so the average cosine across two
    threads (``sum_a . sum_b / (n_a n_b)``) and within one (``(|sum|^2 - n) / (n (n - 1))``)
    are exact and cheap. Joining every linked pair (single linkage) chained a real pile's
    subjects into one thread of 3,342 of its 6,094 articles; centroid linkage at a fixed bar
    still joined the Libya, Syria and Egypt coverage of 2011 (a large thread's centroid
    drifts towards the region's common vocabulary).
    """

    def __init__(self, events: sp.csr_matrix) -> None:
        self.parent = list(range(events.shape[0]))
        events = events.tocsr(copy=True)
        events.sum_duplicates()  # ``_dot`` reads sorted rows with no repeated column
        self.total = [events[i] for i in range(events.shape[0])]
        self.count = [1] * events.shape[0]
        self.cohesion: dict[int, float] = {}
        """Within-thread average by root, kept until the thread changes (most tries fail)."""

    def root(self, index: int) -> int:
        """The thread ``index`` belongs to now."""
        parent = self.parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(self, a: int, b: int, ratio: float = JOIN_RATIO) -> None:
        """One thread of ``a``'s and ``b``'s, if the two threads are alike enough."""
        ra, rb = self.root(a), self.root(b)
        if ra != rb and self._alike(ra, rb, ratio):
            self._merge(ra, rb)

    def force(self, a: int, b: int) -> None:
        """One thread of ``a``'s and ``b``'s, whatever their similarity."""
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._merge(ra, rb)

    def _alike(self, ra: int, rb: int, ratio: float) -> bool:
        """Whether the average cosine across two threads reaches their cohesion.

        That is ``ratio`` (``JOIN_RATIO``) of the looser thread's within-thread average, never
        below ``JOIN_FLOOR``; a single event has none and takes the other's, and two single
        events join at ``JOIN_SIMILARITY`` (lowered in the same proportion as ``ratio``).
        """
        na, nb = self.count[ra], self.count[rb]
        across = _dot(self.total[ra], self.total[rb]) / (na * nb)
        cohesion = [self._within(r) for r in (ra, rb) if self.count[r] > 1]
        if not cohesion:
            return across >= JOIN_SIMILARITY * ratio / JOIN_RATIO
        return across >= max(JOIN_FLOOR, ratio * min(cohesion))

    def _within(self, root: int) -> float:
        """Average cosine between the thread's events (at least two)."""
        if root not in self.cohesion:
            n = self.count[root]
            self.cohesion[root] = (_dot(self.total[root], self.total[root]) - n) / (n * (n - 1))
        return self.cohesion[root]

    def _merge(self, ra: int, rb: int) -> None:
        self.parent[ra] = rb
        self.total[rb] = self.total[ra] + self.total[rb]
        self.count[rb] += self.count[ra]
        self.cohesion.pop(ra, None)
        self.cohesion.pop(rb, None)


def _dot(a: sp.csr_matrix, b: sp.csr_matrix) -> float:
    """Dot product of two one-row matrices (canonical: sorted, no repeated column).

    Over their shared columns: a sparse ``multiply`` costs about half a millisecond of
    overhead a call, and thread joining makes tens of thousands of them. The columns are
    matched by a binary search of the shorter row's in the longer's (both sorted), which
    gives ``np.intersect1d``'s matches without sorting both rows again. The products are
    summed by numpy, not by BLAS (``np.dot``): OpenBLAS hands a dot product of over 10,000
    entries to its threads, and waking them cost about a millisecond a call. The joins of
    10,000 synthetic articles (22,409 products) took 13.5 s that way, 3.1 s with one BLAS
    thread and 1.3 s now, and joined the same threads: the sums differ from BLAS's in the
    last bits only (whose own sum depended on its thread count).
    """
    if a is b:  # a thread's own cohesion: every column is shared
        own = a.data.astype(np.float64)
        return float(np.multiply(own, own).sum())
    if len(a.indices) > len(b.indices):
        a, b = b, a
    at = np.searchsorted(b.indices, a.indices)
    at[at == len(b.indices)] = 0  # past the end: not shared (checked below)
    shared = b.indices[at] == a.indices
    left = a.data[shared].astype(np.float64)
    return float(np.multiply(left, b.data[at[shared]].astype(np.float64)).sum())
