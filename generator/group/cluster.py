"""Group sources into events: the same articles form the same events alone or in a larger pile.

1. Vectors (``generator.group.vectors``): word TF-IDF plus named-entity TF-IDF per source, the
   weights from a fixed model of English (``background``), so a source's vector is its own.
2. Links (``generator.group.blocking``, one pruned inverted index, no step compares all pairs):
   every pair at least ``STRONG_LINK`` similar (up to ``STRONG_CAP`` a source), which depends
   on the pair alone, and each source's ``settings.neighbours`` most similar sources, which
   reach the weaker members of an event. A neighbour list depends on the pile (inside a larger
   pile an article's neighbours are other outlets' reports of the same days), so a link only
   one side's neighbours hold is weakened (``ONE_WAY_FACTOR``), the index keeps
   ``POSTING_LIMIT`` sources a term, enough that it rarely binds, and the neighbours are the
   best of a larger pool of candidates (``NEIGHBOUR_POOL``), closer to the exact ones.
3. Dates (``generator.group.datelinks``): every pair of sources published within
   ``LOCAL_DAYS`` of each other at least ``LOCAL_LINK`` similar is linked, whatever else is in
   the pile; between dated sources further apart a neighbour link that is not strong is
   weakened (``DATED_NEIGHBOUR_FACTOR``: it is the pile-dependent kind), and any link between
   sources further apart than ``settings.window_days`` is weakened (undated sources, common in
   scraped piles, are not penalised).
4. Events: Leiden community detection with the Constant Potts Model over the links. CPM keeps a
   group together only when its sources' average similarity (missing links count as zero)
   exceeds ``settings.threshold``, which makes it an average-linkage criterion that, unlike
   modularity, does not depend on the size of the corpus: the same threshold serves five
   articles and 100,000. A fresh partition is the consensus of a few Leiden runs
   (``communities``), so that it does not hang on one seed.
5. Look-alike events inside one group are split apart: tight cores are found on similarities
   made relative to each source's best match (so the cut does not depend on how long or how
   alike the corpus's articles are), and cores of one group merge back only when their
   across-core similarity reaches ``SPLIT_RATIO`` of their within-core similarity
   (``generator.group.linkage``). Two earthquakes share "magnitude" and "aftershocks", not the
   town, the minister or the toll.
6. Each event gets its telling terms (shared names first) and the drafts are ordered by latest
   publication date, then size.

Pieces of one large event that the graph split are no longer re-joined here: the re-join
(``linkage.merge_pieces`` over all communities, greedy, best pair first) made an event depend
on every other piece of the pile. Without it one outlet's events agree better alone and inside
the real pile (``benchmarks.events``: mean B-cubed F1 0.693 -> 0.764, lowest 0.492 -> 0.641),
the pieces of a saga are gathered by ``threads`` instead (threads vs Timeline17 topics 0.829 ->
0.880 with its join rule recalibrated), and ECB+ dev events read 0.957 (12 Leiden seeds; 0.960
with the re-join). Still dependent on the pile: the neighbour lists (a larger pool of
candidates took the context on to 0.781; date-local links and weakened neighbour links between
dated sources to 0.870) and other outlets' reports of the same events, which may rightly join
them (ARCHITECTURE.md, "Events that stay themselves").

Leiden finds one of many partitions of nearly equal quality, and which one depends on the order
and number of the nodes: a daily drop of 1% new articles reshuffled a sixth of the stories of a
10,000-article corpus. ``group_stable`` therefore runs both Leiden passes from the previous
build's partition (``Partition``), and only new sources and the sources they link to may move;
once a fifth of the sources are new since a fresh partition was last tried (``FRESH_SHARE``) it
also runs them fresh and takes the fresh result only if clearly better
(``communities.KEEP_TOLERANCE``):
sources stay where they were unless the new articles change the picture, and many small drops
still get a fresh look now and then. A cold build (no previous partition) is unchanged.

The links are kept too (``Links``): a rebuild searches only the new sources (and any whose
nearest neighbour left) and compares every other source with them alone
(``blocking.extend``); searching every source again made a 1% drop into 4,000 synthetic
articles cost as much clustering as a cold build. Everything is searched again whenever a
fresh partition is tried.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.config import ClusterSettings
from generator.group import blocking, communities, datelinks, linkage, ranks, vectors
from generator.model import Source, StoryDraft

log = logging.getLogger(__name__)

DATE_FAR_FACTOR = 0.35
"""Weight kept by a link between sources published more than ``window_days`` (7) apart: they
must be about three times as similar to share an event. A date difference is evidence, not
proof; the thread, not the event, carries a story over weeks (``threads``). Was 0.5 beyond 45
days while events were the only level; with threads, a week and 0.35 read context 0.895 against
0.885 (45 days, 0.5) at the same ECB+ dev figure (ARCHITECTURE.md, "Events that stay
themselves"). A clear same-story pair (similarity 0.3 or more) stays above the 0.05 threshold."""
YEAR_DAYS = 365
DATE_YEARS_FACTOR = 0.1
"""Weight kept by a link between sources published more than ``YEAR_DAYS`` apart: the same
kind of event at the same place a year or more later (an island's second earthquake, a
country's next election) is another story, and a thread quiet for a year starts a new one.
Halving was not enough once stories are small: with each ECB+ story given a date (the two
events of a topic four years apart, as in a dated archive) and a random half or third of the
articles clustered, so that a story's articles no longer fill an article's seven neighbours,
B-cubed F1 was 0.917 / 0.883 with 0.5, 0.978 / 0.924 with 0.25 and 0.989 / 0.984 with 0.1. ECB+
as it is (12 seeds) reads 0.949-0.950 with any of them."""
ONE_WAY_FACTOR = 0.5
"""Weight kept by a link only one of its two sources counts among its nearest neighbours.
Mutual neighbours are the reliable evidence; a one-way link often runs from an outlier to the
centre of a look-alike event. Calibrated on the whole ECB+ dev set with the other defaults:
1.0 (no weakening) 0.945-0.953 B-cubed F1 and sensitive to ``neighbours``; 0.5 gives 0.95-0.955
for 6-8 neighbours and thresholds 0.05-0.06; 0.3 fragments stories."""
CORE_RESOLUTION = 0.5
"""Relative similarity (to each source's best match) that tight story cores keep on average.
The split step is insensitive to it on the ECB+ dev set (0.3-0.7 give the same B-cubed F1 within
0.003); 0.5 sits in the middle."""
SPLIT_RATIO = 0.4
"""Cores of one group stay together when their across-core average similarity is at least this
share of the looser core's within-core average. Calibrated on the whole ECB+ dev set (0.2-0.4
leave its B-cubed F1 unchanged, 0.5 starts splitting real stories) and on look-alike events
written for the tests (two earthquakes sit at 0.25, well below)."""
FRESH_SHARE = 0.2
"""A warm-started build also tries a fresh partition only when at least this share of its
sources is new since the last try (counted across builds). Measured on 10,000 synthetic
articles (one Leiden iteration): with 1%, 5% and 10% new, the warm-started partition was 0.5-0.8%
*better* than a fresh one; with 20% new the fresh one was 0.1-0.3% better (under
``KEEP_TOLERANCE``, so still not taken); with a third of ECB+ new it was 1.5% better and worth
taking. Skipping it halves Leiden's time on a daily build. Counted per build only, ECB+ grown
from half in ten 5% drops ended at 0.906-0.919 B-cubed F1 (0.951 at once); counted across
builds, 0.932-0.934."""
STRONG_LINK = 0.4
"""Cosine similarity at which two sources are linked whatever else is in the pile (on top of each
source's nearest neighbours). A neighbour list depends on the pile: inside a larger pile an
article's seven neighbours are other outlets' reports of the same days, and the links among one
outlet's own reports vanish. A link above this floor depends on the pair alone. Calibrated on
the whole ECB+ dev set (4 Leiden seeds each, default threshold and neighbours): 0.3 / 0.35 / 0.4
/ 0.45 / 0.5 gave B-cubed F1 0.947 / 0.947 / 0.957 / 0.957 / 0.956 without a re-join of the
pieces of events, 0.960 with 0.4 and the re-join (the code before strong links: 0.950). On ECB+
dev 8 pairs of articles of a topic's two look-alike events reach 0.4, 182 reach 0.3, and a third
of the pairs within one story reach 0.4. The lower the floor, the more links are independent of
the pile, so 0.4 is the lowest that keeps look-alikes apart."""
STRONG_CAP = 100
"""Most strong links per source (its most similar): a bound on the work for a source with
hundreds of near-copies, generous so that it rarely binds (a binding cap depends on the pile).
No ECB+ dev source has more than 17 strong links."""
POSTING_LIMIT = 1000
"""Sources kept per term in the blocking index (``blocking.POSTING_LIMIT`` is 200). Pruning a
term's posting list to its heaviest holders depends on how many sources hold it: in the real pile
"oil" is held by the 1,459 sources of the spill, alone by one outlet's 290. On the Timeline17
collections alone vs inside the real pile (``benchmarks.events``, measured without the re-join
of pieces), 200 / 1,000 / unlimited gave mean B-cubed F1 0.752 / 0.773 / 0.773; ECB+ dev reads
the same with 200 and 1,000 (0.957 over 4 seeds). On 10,000 synthetic articles the blocking
took about twice as long with 1,000 and the strong pairs as before (6-11 s against 3-4 s on a
loaded machine)."""
NEIGHBOUR_POOL = 2
"""The nearest neighbours are the best by full cosine of this many times as many candidates
from the pruned index (``blocking``, which re-scores three candidates per neighbour wanted).
The pruned search misses some true neighbours, and which ones depends on the pile. On the
Timeline17 collections alone vs inside the real pile (``benchmarks.events``' path): pool 1 /
2 / 3 / 4 gave mean B-cubed F1 0.764 / 0.781 / 0.788 / 0.796 (the exact 7 nearest, a
quadratic search: 0.797); ECB+ dev events 0.957 at every pool (4 Leiden seeds). Cost on the
real pile (6,119 articles, a loaded machine): the links took 2.8 / 4.8 / 8.3 / 9.7 s and
``group_stable`` 10.0 / 12.4 / 16.8 / 20.8 s; ``benchmarks.scale --sizes 10000`` read the
cluster stage at 28.0-29.6 s with pool 1 and 25.6 s with 2 (load noise larger than the
difference). 2 takes most of the gain at a quarter more clustering work."""
LOCAL_LINK = 0.2
"""Cosine similarity at which two sources published within ``LOCAL_DAYS`` of each other (both
dated to the day) are linked, whatever else is in the pile (``datelinks``). Lower than
``STRONG_LINK`` because the dates carry part of the evidence: look-alike events are rarely
reported in the same days. Measured with the rest of the date rules (ARCHITECTURE.md, "Events
that stay themselves"; context = Timeline17 collections alone vs inside the real pile, ECB+ =
dev events over 12 Leiden seeds): 0.15 let the same days' coverage of the 2011 uprisings share
events (threads vs Timeline17 topics P 0.97 -> 0.80); 0.2 reads context 0.870, ECB+ 0.951
(``DATED_NEIGHBOUR_FACTOR`` 0.5); 0.25 ECB+ 0.950; 0.3 ECB+ 0.946-0.949 (context up to 0.93
with no weakened links kept)."""
LOCAL_DAYS = 3
"""Most days between two sources' publication for a date-local link; a neighbour link between
dated sources this close is not weakened either. 5 read lower context than 3 (0.881 / 0.895,
without the weakened links); news of one event is reported over a few days."""
DATED_NEIGHBOUR_FACTOR = 0.6
"""Weight kept by a nearest-neighbour link between two dated sources more than ``LOCAL_DAYS``
apart that is not strong. Between dated sources that is the pile-dependent kind: alone, one
outlet's reports reach a week or more into its own coverage of a saga and form week-long
events; inside the pile the same reports' neighbours are other outlets' reports of the same
days. 0 (such links dropped) read context 0.895 but ECB+ 0.944-0.950 (its stories hold reports
weeks apart); 0.5 / 0.6 / 0.7 read context 0.870 / 0.869 / 0.866 and ECB+ 0.9510 / 0.9520 /
0.9522 (0.6: the margin on ECB+ for nothing measurable); 1 (no weakening) read 0.834."""
TERMS_PER_STORY = 8
"""How many telling terms a story shows (the page explains the grouping with them)."""
NAME_TERMS = 5
"""At most this many of them are names; names come first ("Tara Reid" explains more than
"rehab"), words fill the rest ("rehab" says what happened)."""


@dataclass(frozen=True)
class Links:
    """A build's links between sources, kept so that the next build only extends them."""

    ids: tuple[str, ...]
    """Source id of each row of ``hood``."""
    keys: tuple[str, ...]
    """A hash of what each row's vector is made of (text and names): a source whose text
    changed under the same id is searched again."""
    hood: blocking.Neighbourhood | None
    days: tuple[int, ...] = ()
    """Each row's day (``datelinks.day_numbers``) when ``local`` was found."""
    local: blocking.Pairs | None = None
    """The date-local pairs (``datelinks``); None in a cache written before they were kept."""


@dataclass(frozen=True)
class Partition:
    """Source id -> community of both Leiden passes, kept to warm-start the next build."""

    coarse: Mapping[str, int]
    cores: Mapping[str, int]
    tried_at: int = 0
    """How many sources there were when a fresh partition was last tried (or the cold build)."""
    links: Links | None = None
    """This build's links; None in a cache written before they were kept."""


def group(sources: Sequence[Source], *, settings: ClusterSettings,
          names: Mapping[str, Sequence[str]] | None = None) -> list[StoryDraft]:
    """Group sources about the same developing news thread into story drafts.

    Args:
        sources: folded sources (one per distinct article).
        settings: ``cluster.*`` settings (threshold, neighbours, window_days).
        names: article id -> names found beforehand (``features``); others are found here.

    Returns:
        Story drafts, newest first (latest publication date, then more sources, then id);
        within a draft the sources are in publication order.
    """
    return group_stable(sources, settings=settings, names=names)[0]


def group_stable(sources: Sequence[Source], *, settings: ClusterSettings,
                 names: Mapping[str, Sequence[str]] | None = None,
                 previous: Partition | None = None,
                 docs: vectors.DocVectors | None = None) -> tuple[list[StoryDraft], Partition]:
    """``group``, warm-started from the previous build's partition; also returns this one's.

    ``docs``: the sources' vectors when the caller has them (``vectors.build``, any order).
    """
    if not sources:
        return [], Partition({}, {})
    sources = _canonical(sources)
    ids = [s.id for s in sources]
    docs = docs.select(ids) if docs is not None else vectors.build(sources, names)
    warm = _warm_start(ids, previous) if previous else None
    keys = _vector_keys(sources, names)
    last = previous.links if previous and warm and not warm.try_fresh else None
    hood = _neighbourhood(docs.matrix, (ids, keys), settings.neighbours * NEIGHBOUR_POOL, last)
    days = datelinks.day_numbers([s.primary.published for s in sources])
    local = _local_pairs(docs.matrix, (ids, keys), days, last)
    rows, cols, sims = _with_local(_neighbour_links(hood.links(), settings.neighbours, len(ids)),
                                   local, sources)
    sims = sims * _date_factors(sources, rows, cols, settings.window_days)
    if warm is not None:
        warm = dataclasses.replace(warm, free=_free(warm.free, rows, cols))
    labels, coarse, cores = _stories(docs, rows, cols, sims, settings.threshold, warm=warm)
    drafts = _drafts(sources, labels, docs)
    log.info("cluster: %d sources -> %d stories (%d links)%s", len(sources), len(drafts),
             len(rows), " from the previous partition" if previous else "")
    partition = Partition(dict(zip(ids, coarse.tolist(), strict=True)),
                          dict(zip(ids, cores.tolist(), strict=True)),
                          warm.tried_at if warm else len(ids),
                          Links(tuple(ids), keys, hood, tuple(days.tolist()), local))
    return sorted(drafts, key=_order_key), partition


def _neighbourhood(matrix: sp.csr_matrix, these: tuple[list[str], tuple[str, ...]],
                   neighbours: int, last: Links | None) -> blocking.Neighbourhood:
    """This build's links, searched, or the last build's extended when there are some.

    Everything is searched on a cold build and whenever a fresh partition is tried
    (``FRESH_SHARE``), which bounds how far extended links drift from searched ones.

    Args:
        matrix: the sources' vectors.
        these: each row's source id and vector key (``Links``).
        neighbours: nearest neighbours per source.
        last: the last build's links, to extend.
    """
    strong = blocking.Strong(STRONG_LINK, STRONG_CAP)
    if last is None or last.hood is None:
        return blocking.neighbourhood(matrix, neighbours, posting_limit=POSTING_LIMIT,
                                      strong=strong)
    ids, keys = these
    new_index, fresh = _renumbered(list(zip(ids, keys, strict=True)),
                                   list(zip(last.ids, last.keys, strict=True)))
    old, lost = last.hood.remap(new_index, len(ids))
    fresh |= lost
    log.info("cluster: %d of %d sources searched for links, the others' links extended",
             int(fresh.sum()), len(fresh))
    return blocking.extend(matrix, neighbours, old, fresh, posting_limit=POSTING_LIMIT,
                           strong=strong)


def _local_pairs(matrix: sp.csr_matrix, these: tuple[list[str], tuple[str, ...]],
                 days: np.ndarray, last: Links | None) -> blocking.Pairs:
    """This build's date-local pairs, the last build's kept where there are some.

    A pair depends on its two sources' texts and days alone, so the pairs among sources whose
    text and day are unchanged are kept and only the others are compared.
    """
    if last is None or last.local is None:
        return datelinks.local_pairs(matrix, days, window=LOCAL_DAYS, floor=LOCAL_LINK)
    ids, keys = these
    new_index, fresh = _renumbered(list(zip(ids, keys, days.tolist(), strict=True)),
                                   list(zip(last.ids, last.keys, last.days, strict=True)))
    rows, cols = new_index[last.local[0]], new_index[last.local[1]]
    kept = (rows >= 0) & (cols >= 0)
    return datelinks.local_pairs(matrix, days, window=LOCAL_DAYS, floor=LOCAL_LINK,
                                 previous=(rows[kept], cols[kept], last.local[2][kept]),
                                 fresh=fresh)


def _renumbered(now: list[tuple[object, ...]],
                before: list[tuple[object, ...]]) -> tuple[np.ndarray, np.ndarray]:
    """Each last-build row's row now (-1: gone or changed), and per row now whether it is new.

    A row is the same when its whole key is (id and vector key, and day where given).
    """
    row = {key: n for n, key in enumerate(now)}
    new_index = np.array([row.get(key, -1) for key in before], dtype=np.int64)
    fresh = np.ones(len(now), dtype=bool)
    fresh[new_index[new_index >= 0]] = False
    return new_index, fresh


def _vector_keys(sources: Sequence[Source],
                 names: Mapping[str, Sequence[str]] | None) -> tuple[str, ...]:
    """A hash per source of what its vector is made of (``Links.keys``)."""
    def key(source: Source) -> str:
        digest = hashlib.blake2b(vectors.article_text(source.primary).encode(), digest_size=12)
        found = names.get(source.id) if names is not None else None
        digest.update(b"\x00" + "\x1f".join(found).encode() if found is not None else b"\x01")
        return digest.hexdigest()
    return tuple(key(s) for s in sources)


def _neighbour_links(pool: blocking.Pairs, k: int,
                     count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each source's ``k`` nearest of a ``NEIGHBOUR_POOL`` times larger pool, and strong pairs.

    The pruned index ranks candidates by a partial score; asking it for more and keeping the
    ``k`` best by full cosine finds neighbours closer to the exact ones. Each (source, other)
    pair appears once, in an order that depends on the pair alone.

    Args:
        pool: the ``k * NEIGHBOUR_POOL`` nearest of each of the ``count`` sources and the
            strong pairs (``Neighbourhood.links``).
        k: neighbours kept per source.
        count: how many sources.
    """
    rows, cols, sims = pool
    _, first = np.unique(rows * count + cols, return_index=True)
    rows, cols, sims = rows[first], cols[first], sims[first]
    keep = ranks.smallest_within(rows, -sims, k) | (sims >= STRONG_LINK)
    return rows[keep], cols[keep], sims[keep]


def _with_local(neighbour: blocking.Pairs, local: blocking.Pairs,
                sources: Sequence[Source]) -> blocking.Pairs:
    """The neighbour and strong links, and every date-local pair (``datelinks``).

    Between two dated sources published more than ``LOCAL_DAYS`` apart, a neighbour link that
    is not strong is weakened (``DATED_NEIGHBOUR_FACTOR``): it is the pile-dependent kind. A
    local pair comes in both directions, so it counts as mutual (``_links``), and at full
    weight when it is also a weakened neighbour link (the strongest copy of a link is kept).
    """
    rows, cols, sims = neighbour
    dated, gap = _gaps(sources, rows, cols)
    weak = dated & (gap > LOCAL_DAYS) & (sims < STRONG_LINK)
    sims = np.where(weak, sims * DATED_NEIGHBOUR_FACTOR, sims).astype(np.float32)
    return (np.concatenate([rows, local[0]]), np.concatenate([cols, local[1]]),
            np.concatenate([sims, local[2]]))


def _gaps(sources: Sequence[Source], rows: np.ndarray,
          cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per link, whether both sources are dated, and the days between their dates.

    A date known to the month or year spans its days: "2008-12" is no days from "2008-12-22"
    (the gap between the spans counts, not their first days).
    """
    published = [s.primary.published for s in sources]
    first = np.array([d.earliest().toordinal() if d else -1 for d in published], dtype=np.int64)
    last = np.array([d.latest().toordinal() if d else -1 for d in published], dtype=np.int64)
    dated = (first[rows] >= 0) & (first[cols] >= 0)
    return dated, np.maximum(first[rows] - last[cols], first[cols] - last[rows])


def _canonical(sources: Sequence[Source]) -> list[Source]:
    """The sources in an order that depends on their ids only, not on how they were read.

    Leiden's partition depends on the order of the nodes: the same pile read in another order
    (files renamed, another machine's listing) gave other stories. Ids are hashed rather than
    sorted because an input's own ids often follow its grouping (a scraper numbering articles
    by section or topic), and a grouped order favours whatever grouping it holds: ECB+ listed in
    its topics' order read 0.953 B-cubed F1 with the default seed; over 48 random orders and
    seeds the mean is 0.948.
    """
    return sorted(sources, key=lambda s: hashlib.blake2b(s.id.encode(), digest_size=8).digest())


def _drafts(sources: Sequence[Source], labels: np.ndarray,
            docs: vectors.DocVectors) -> list[StoryDraft]:
    """One draft per label, its terms read from one gather of every story's rows."""
    groups = _members(labels)
    stacked = docs.matrix[np.concatenate(groups)]  # each story's rows together
    ends = stacked.indptr[np.cumsum([0, *map(len, groups)])]
    return [_draft(sources, members, _Block(stacked.indices[start:stop], stacked.data[start:stop],
                                            len(members)), docs)
            for members, start, stop in zip(groups, ends[:-1], ends[1:], strict=True)]


@dataclass(frozen=True)
class _Warm:
    """Where a warm-started build starts from, and which sources may move."""

    coarse: list[int]
    cores: list[int]
    free: np.ndarray
    """Boolean per source: new, or linked to a new source. The others keep their community:
    re-optimising the whole partition moved old sources that no new article touched (on a 1%
    drop into 10,000 synthetic articles 575 stories changed, 39 of them only by gaining new
    ones)."""
    try_fresh: bool
    """Whether to also run from scratch (``FRESH_SHARE``)."""
    tried_at: int
    """``Partition.tried_at`` for this build."""


def _warm_start(ids: list[str], previous: Partition) -> _Warm:
    """The previous partition for these sources; a fresh try once a fifth is new since the last.

    ``free`` holds the new sources only until the links are known (``_free``).
    """
    new = np.array([i not in previous.coarse for i in ids])
    last_try = previous.tried_at or len(previous.coarse)
    try_fresh = max(int(new.sum()), len(ids) - last_try) >= FRESH_SHARE * len(ids)
    return _Warm(_initial(ids, previous.coarse), _initial(ids, previous.cores),
                 new, try_fresh=try_fresh,
                 tried_at=len(ids) if try_fresh else last_try)


def _free(new: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """New sources and the sources they link to (in either direction)."""
    free = new.copy()
    free[rows[new[cols]]] = True
    free[cols[new[rows]]] = True
    return free


def _initial(ids: Sequence[str], labels: Mapping[str, int]) -> list[int]:
    """Previous communities, renumbered from 0; a new source starts alone."""
    renumber: dict[int, int] = {}
    membership: list[int] = []
    for source_id in ids:
        old = labels.get(source_id)
        key = old if old is not None else -1 - len(membership)  # unique: never shared
        membership.append(renumber.setdefault(key, len(renumber)))
    return membership


def _date_factors(sources: Sequence[Source], rows: np.ndarray, cols: np.ndarray,
                  window_days: int) -> np.ndarray:
    """Weight factor per link: lower when both are dated and far apart (``_gaps``).

    ``DATE_FAR_FACTOR`` beyond the window, ``DATE_YEARS_FACTOR`` beyond a year (or beyond the
    window, if that is longer).
    """
    dated, gap = _gaps(sources, rows, cols)
    factors = np.where(dated & (gap > window_days), DATE_FAR_FACTOR, 1.0)
    years = dated & (gap > max(YEAR_DAYS, window_days))
    return np.where(years, DATE_YEARS_FACTOR, factors).astype(np.float32)


def _stories(docs: vectors.DocVectors, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray,
             threshold: float, *,
             warm: _Warm | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Story label of each source (steps 4 and 5 of the module docstring).

    Also returns the labels of both Leiden passes, which warm-start the next build.
    """
    count = docs.matrix.shape[0]
    free, try_fresh = (warm.free, warm.try_fresh) if warm else (None, True)
    coarse = _communities(count, rows, cols, sims, threshold, initial=warm.coarse if warm else None,
                          free=free, try_fresh=try_fresh)
    cores = _communities(count, rows, cols, _relative(count, rows, cols, sims), CORE_RESOLUTION,
                         initial=warm.cores if warm else None, free=free, try_fresh=try_fresh)
    pieces = coarse * (int(cores.max()) + 1) + cores
    same = coarse[rows] == coarse[cols]
    labels = linkage.merge_pieces(docs.matrix, pieces, rows[same], cols[same], ratio=SPLIT_RATIO)
    return labels, coarse, cores


def _relative(count: int, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """Similarities divided by the geometric mean of both sources' best similarity."""
    best = np.zeros(count, dtype=np.float64)
    np.maximum.at(best, rows, sims)
    np.maximum.at(best, cols, sims)
    scale = np.sqrt(best[rows] * best[cols])
    return np.where(scale > 0, sims / np.maximum(scale, 1e-9), 0.0)


def _communities(n: int, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray,
                 threshold: float, *, initial: list[int] | None = None,
                 free: np.ndarray | None = None, try_fresh: bool = True) -> np.ndarray:
    """Leiden CPM communities over the links (one-way links weakened, ``communities``).

    From ``initial`` when given, moving only the ``free`` sources (all when None); a fresh
    consensus replaces that result only when ``try_fresh`` and clearly better.
    """
    edges, weights = _links(rows, cols, sims)
    return communities.find(n, edges, weights, threshold, initial=initial, free=free,
                            try_fresh=try_fresh)


def _links(rows: np.ndarray, cols: np.ndarray,
           sims: np.ndarray) -> tuple[list[tuple[int, int]], list[float]]:
    """Undirected links in order of first appearance, each with its strongest similarity.

    A link only one side found (one-way) is weakened by ``ONE_WAY_FACTOR``.
    """
    if not len(rows):
        return [], []
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    keys, first, which, seen = np.unique(low * (int(high.max()) + 1) + high, return_index=True,
                                         return_inverse=True, return_counts=True)
    strongest = np.zeros(len(keys), dtype=np.float64)
    np.maximum.at(strongest, which.ravel(), sims.astype(np.float64))
    weights = np.where(seen > 1, strongest, strongest * ONE_WAY_FACTOR)
    order = np.argsort(first, kind="stable")  # the graph's edge order as the links came
    edges = list(zip(low[first[order]].tolist(), high[first[order]].tolist(), strict=True))
    return edges, weights[order].tolist()


def _members(labels: np.ndarray) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(index)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class _Block:
    """The non-zero entries of one story's rows of the document matrix."""

    columns: np.ndarray
    weights: np.ndarray
    size: int
    """How many rows (sources)."""


def _draft(sources: Sequence[Source], members: list[int], block: _Block,
           docs: vectors.DocVectors) -> StoryDraft:
    chosen = sorted((sources[i] for i in members), key=_source_key)
    return StoryDraft(sources=tuple(chosen), terms=_terms(block, docs))


def _terms(block: _Block, docs: vectors.DocVectors) -> tuple[str, ...]:
    """Shared names first, then shared words, each ranked by TF-IDF weight times coverage."""
    size = block.size
    columns, inverse = np.unique(block.columns, return_inverse=True)  # only the terms present
    counts = np.bincount(inverse, minlength=len(columns))
    score = np.bincount(inverse, weights=block.weights, minlength=len(columns)) * counts / (
        size ** 2)
    if size > 1:
        score[counts < 2] = 0  # a term of one source ties nothing together
    names = docs.is_name[columns]
    chosen: list[str] = []
    for wanted, limit in ((names, NAME_TERMS), (~names, TERMS_PER_STORY)):
        ranked = np.argsort(-np.where(wanted, score, 0), kind="stable")
        for position in ranked[:limit * 4]:
            if score[position] <= 0 or not wanted[position] or len(chosen) >= limit:
                break
            term = docs.features[columns[position]]
            if not any(term.lower() in c.lower().split() for c in chosen):
                chosen.append(term)
    return tuple(chosen)


def _source_key(source: Source) -> tuple[str, str]:
    published = source.primary.published
    return (published.earliest().isoformat() if published else "9999", source.id)


def _order_key(draft: StoryDraft) -> tuple[int, int, str]:
    dates = [s.primary.published.latest().toordinal() for s in draft.sources
             if s.primary.published]
    latest = max(dates) if dates else 0
    return (-latest, -len(draft.sources), min(s.id for s in draft.sources))
