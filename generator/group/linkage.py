"""Merge communities as similar to each other as within themselves (exact average linkage).

Two groups of sources are one when their sources are, on average, about as similar *across*
the groups as *within* them; two look-alike events are not (they share the vocabulary of the
kind of event, not the names and details). ``cluster`` uses it to merge back the tight cores
of one community that are not look-alike events (``cluster.SPLIT_RATIO``), only among the
cores of that community.

It once also re-joined the pieces of one large event that the neighbour graph split, across
all communities (``MERGE_RATIO``); that re-join's greedy order depended on every other piece
in the pile, so an outlet's events differed alone and inside a larger pile, and ``threads``
now gathers those pieces (``cluster``'s module docstring has the figures).

With unit-length vectors both averages are exact and cheap from the pieces' summed vectors:
across = ``sum_a . sum_b / (n_a n_b)``, within = ``(|sum_a|^2 - n_a) / (n_a (n_a - 1))``. Only
pieces joined by at least one neighbour link are compared, so the work stays linear.
"""

from __future__ import annotations

import logging

import numpy as np
import scipy.sparse as sp

log = logging.getLogger(__name__)

MERGE_RATIO = 0.9
"""Across-piece average similarity, as a share of the looser piece's within-piece average, at
which two pieces merge by default (``cluster`` passes its own ``SPLIT_RATIO``). Measured on the
ECB+ dev set: its look-alike events (two events of one kind, told apart only by who and where)
sit at ratios up to 0.85, the pieces of one story that the graph split at 0.4-0.65; 0.8 merges
look-alikes, 0.875-0.95 give the same stories, and 0.85 sat on the edge (one topic's two events
at 0.850 flipped with the last digit). On 20,000 synthetic articles 0.85 and 0.9 give the same
recall against their base articles (0.878)."""
MAX_ROUNDS = 12
"""Rounds of merging; each round at least halves the pieces of a story that keeps merging, so a
story split in thousands of pieces is re-joined within the limit."""


def merge_pieces(matrix: sp.csr_matrix, labels: np.ndarray, rows: np.ndarray,
                 cols: np.ndarray, *, ratio: float = MERGE_RATIO) -> np.ndarray:
    """Merge communities that are as similar to each other as within themselves.

    Args:
        matrix: L2-normalised rows, one per source.
        labels: community of each source (0..C-1).
        rows: first source of each neighbour link (only linked pieces are compared).
        cols: second source of each neighbour link.
        ratio: across-piece average similarity, as a share of the looser piece's
            within-piece average, at which two pieces merge.

    Returns:
        New labels (0..C'-1) in order of each community's first source.
    """
    labels = _compact(labels)
    changed: np.ndarray | None = None  # the first round compares every linked pair
    for _ in range(MAX_ROUNDS):
        merged = _merge_round(matrix, labels, rows, cols, ratio, changed=changed)
        if merged is None:
            break
        labels, changed = merged
    return labels


def _merge_round(matrix: sp.csr_matrix, labels: np.ndarray, rows: np.ndarray,
                 cols: np.ndarray, threshold: float, *,
                 changed: np.ndarray | None) -> tuple[np.ndarray, np.ndarray] | None:
    """One round of merges: the new labels and which pieces changed, or None when none merge.

    After the first round only pairs with a piece that changed are compared: a pair of two
    unchanged pieces has the same ratio as before, and it was below the threshold (a pair
    above it was merged, or skipped because one of its pieces merged with another).
    """
    a, b = labels[rows], labels[cols]
    cross = a != b
    if changed is not None:
        cross &= changed[a] | changed[b]
    if not cross.any():
        return None
    pairs = np.unique(np.sort(np.stack([a[cross], b[cross]], axis=1), axis=1), axis=0)
    ratio = _ratios(matrix, labels, pairs)
    chosen = _greedy_matching(pairs, ratio, threshold)
    if not chosen:
        return None
    parent = np.arange(labels.max() + 1)
    for target, other in chosen:
        parent[other] = target
    log.debug("linkage: merged %d community pairs", len(chosen))
    merged = _compact(parent[labels])
    _, first = np.unique(labels, return_index=True)  # a source of every piece
    grown = np.zeros(merged.max() + 1, dtype=bool)
    grown[merged[first[[target for target, _ in chosen]]]] = True
    return merged, grown


def _ratios(matrix: sp.csr_matrix, labels: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Across-piece average similarity of each pair over the looser piece's within-piece one.

    A piece of one source has no within-piece similarity: beside a larger piece the larger
    one's counts; two such pieces get ratio 0 and never merge with each other.

    Summed vectors are built only for the pieces the pairs name.
    """
    pieces = np.unique(pairs)
    position = np.full(labels.max() + 1, -1, dtype=np.int64)
    position[pieces] = np.arange(len(pieces))
    members = np.flatnonzero(position[labels] >= 0)
    row_of = position[labels[members]]
    indicator = sp.csr_matrix((np.ones(len(members)), (row_of, members)),
                              shape=(len(pieces), len(labels)))
    sums = (indicator @ matrix).tocsr()
    sizes = np.bincount(row_of, minlength=len(pieces)).astype(np.float64)
    norms = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    within = np.where(sizes > 1, (norms - sizes) / np.maximum(sizes * (sizes - 1), 1), np.inf)
    first, second = position[pairs[:, 0]], position[pairs[:, 1]]
    dots = np.asarray(sums[first].multiply(sums[second]).sum(axis=1)).ravel()
    across = dots / (sizes[first] * sizes[second])
    looser = np.minimum(within[first], within[second])
    return np.where(np.isfinite(looser), across / np.maximum(looser, 1e-9), 0.0)


def _greedy_matching(pairs: np.ndarray, ratio: np.ndarray,
                     threshold: float) -> list[tuple[int, int]]:
    """The pairs to merge this round, best first.

    A piece merged away cannot take part again this round, and two pieces that both absorbed
    others this round are not merged, so merges never chain blindly; one piece may still
    absorb several small ones in a round (stragglers join a story at once).
    """
    absorbed: set[int] = set()
    absorbing: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for index in np.argsort(-ratio, kind="stable"):
        if ratio[index] < threshold:
            break
        first, second = int(pairs[index, 0]), int(pairs[index, 1])
        if first in absorbed or second in absorbed or (first in absorbing
                                                       and second in absorbing):
            continue
        target, other = (second, first) if second in absorbing else (first, second)
        absorbed.add(other)
        absorbing.add(target)
        chosen.append((target, other))
    return chosen


def _compact(labels: np.ndarray) -> np.ndarray:
    """Relabel to 0..C-1 in order of first appearance."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first, kind="stable"), kind="stable")
    return order[inverse.ravel()].astype(np.int64)
