"""Links between sources published within a few days of each other: every such pair, compared.

A news event is reported over a few days. Two sources dated to the day, published at most
``days`` apart and at least ``floor`` similar, are linked whatever else is in the pile: the
link depends on the pair alone (both texts and both dates), unlike a nearest-neighbour list,
which inside a larger pile fills with other outlets' reports of the same days.

Every pair within the window is compared (no pruned index, so no pair is missed because the
pile is larger): sources are taken in date order, a run of days at a time, against the sources
of those days and the ``days`` around them. The work is linear in the corpus for a bounded
number of sources a day; a window holding more than ``WINDOW_LIMIT`` sources (a dump whose
articles all carry the day they were scraped) is skipped, and its sources are linked by their
nearest neighbours alone.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from generator.group.blocking import Pairs, concat, empty
from generator.model import PartialDate

log = logging.getLogger(__name__)

WINDOW_LIMIT = 5000
"""Most sources one run of days may be compared with. Bounds the work of a pile whose dates
say little (every article dated to the day it was scraped) to a run of ``CHUNK_ROWS`` against
this many at a time; the real pile's busiest week holds about 200 sources, 10,000 synthetic
articles at 300 a day 2,100."""
CHUNK_ROWS = 1000
"""Sources compared at once: bounds the memory of one product."""

def day_numbers(published: Sequence[PartialDate | None]) -> np.ndarray:
    """Each source's day as an ordinal, -1 when it is undated or dated only to month or year.

    A month-level date is no days from any of its days, which would link a source to a whole
    month's coverage.
    """
    return np.array([d.earliest().toordinal() if d is not None and d.day is not None else -1
                     for d in published], dtype=np.int64)


def local_pairs(matrix: sp.csr_matrix, days: np.ndarray, *, window: int, floor: float,
                previous: Pairs | None = None, fresh: np.ndarray | None = None) -> Pairs:
    """Every pair of sources at most ``window`` days apart and at least ``floor`` similar.

    A pair is linked by its own two texts and days alone, so a rebuild keeps the last build's
    pairs among unchanged sources and compares only the ``fresh`` ones.

    Args:
        matrix: L2-normalised rows, one per source.
        days: each row's day (``day_numbers``); rows at -1 are never linked here.
        window: most days between the two publication days.
        floor: cosine similarity a pair needs.
        previous: the last build's pairs in this numbering (with ``fresh``).
        fresh: boolean per row: rows whose text or day is new; the others keep their pairs
            among themselves from ``previous``. None: every row is compared.

    Returns:
        Each pair in both directions, ordered by row then column.
    """
    dated = np.flatnonzero(days >= 0)
    order = dated[np.argsort(days[dated], kind="stable")]
    sorted_days, in_order = days[order], matrix[order]  # a run of days is a slice
    asked = (np.arange(len(order)) if fresh is None
             else np.flatnonzero(fresh[order]))  # positions in ``order``
    runs = _chunks(sorted_days[asked], window)
    found = [_compare(in_order, order, sorted_days, asked[run], window=window, floor=floor)
             for run in runs]
    crowded = [int(asked[run.start]) for run, part in zip(runs, found, strict=True)
               if part is None]
    if crowded:
        log.warning("cluster: more than %d sources share the days around %s (%d runs of "
                    "days); those sources are linked by their nearest neighbours only",
                    WINDOW_LIMIT, _iso(int(sorted_days[crowded[0]])), len(crowded))
    rows, cols, sims = concat(*[part for part in found if part is not None])
    if fresh is not None:
        mirrored = ~fresh[cols]  # a pair of two fresh rows is found from both
        old = previous if previous is not None else empty()
        stay = ~fresh[old[0]] & ~fresh[old[1]]
        rows, cols, sims = concat((rows, cols, sims),
                                  (cols[mirrored], rows[mirrored], sims[mirrored]),
                                  (old[0][stay], old[1][stay], old[2][stay]))
    ordered = np.lexsort((cols, rows))
    return rows[ordered], cols[ordered], sims[ordered]


def _chunks(sorted_days: np.ndarray, window: int) -> list[slice]:
    """Runs of the date-sorted sources spanning at most ``window`` + 1 days and ``CHUNK_ROWS``.

    A run is compared with the ``window`` days on either side of it, so a short run keeps
    each source's comparisons near the ones it needs (a run of a hundred days would compare
    every source with a hundred days of others).
    """
    chunks: list[slice] = []
    start = 0
    for position in range(1, len(sorted_days) + 1):
        if (position == len(sorted_days) or position - start >= CHUNK_ROWS
                or sorted_days[position] - sorted_days[start] > window):
            chunks.append(slice(start, position))
            start = position
    return chunks


def _compare(in_order: sp.csr_matrix, order: np.ndarray, sorted_days: np.ndarray,
             positions: np.ndarray, *, window: int, floor: float) -> Pairs | None:
    """Sources at ``positions`` (a run of days) against every source within ``window`` days.

    ``in_order``: the dated rows in date order (``order`` maps them back to rows). None when
    more than ``WINDOW_LIMIT`` sources are that close.
    """
    low = np.searchsorted(sorted_days, sorted_days[positions[0]] - window, side="left")
    high = np.searchsorted(sorted_days, sorted_days[positions[-1]] + window, side="right")
    if high - low > WINDOW_LIMIT:
        return None
    product = (in_order[positions] @ in_order[low:high].T).tocoo()
    rows, cols = order[positions][product.row], order[low:high][product.col]
    gap = np.abs(sorted_days[positions][product.row] - sorted_days[low:high][product.col])
    keep = (product.data >= floor) & (gap <= window) & (rows != cols)
    return rows[keep], cols[keep], product.data[keep].astype(np.float32)


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()
