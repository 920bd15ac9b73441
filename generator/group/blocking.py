"""Candidate neighbours without comparing every pair: a pruned inverted index over TF-IDF rows.

The exact k nearest neighbours need every pair of sources (quadratic). Instead each source
queries with its ``QUERY_TERMS`` heaviest terms, and each term's posting list keeps only the
``POSTING_LIMIT`` sources that weigh it most (the sources most *about* that name or word). A
query then touches at most ``QUERY_TERMS * POSTING_LIMIT`` postings, so the cost is linear in the
number of sources. Common words, whose full posting lists would be huge, still link the
sources most about them; rare names link everything that has them. The best candidates by
that partial score are then re-scored with the full cosine.

The same partial scores also give the *strong* pairs (``Strong``): every pair whose partial
score reaches ``STRONG_PARTIAL`` of a floor is re-scored, and kept when its cosine reaches the
floor. Unlike a neighbour list, whether a pair is kept depends only on the two rows (their
heaviest terms and their cosine), as long as neither the posting limit nor the per-row cap
binds; on ECB+ dev it finds 2,544 of the 2,586 pairs at cosine 0.4 or more.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.group import ranks

log = logging.getLogger(__name__)

QUERY_TERMS = 30
"""Heaviest terms of a source used to look for neighbours. Measured on the ECB+ dev set against
the exact search: 10 terms find 95.6% of the true 7 nearest neighbours, 20 terms 99.0%, 30 terms
99.2% (and every source's nearest one); more terms cost more for little gain."""
POSTING_LIMIT = 200
"""Sources kept per term in the index. Bounds the work per query; on ECB+ (657 articles, the
commonest kept term in 362 of them) it binds only for a few dozen everyday words, and on a
100,000-source corpus it drops only a common term's weakest holders."""
STRONG_PARTIAL = 0.5
"""Share of the strong floor that a pair must reach on the terms both rows index before its
full cosine is computed (the partial score is a lower bound of the cosine)."""
CANDIDATE_FACTOR = 3
"""How many more candidates than wanted neighbours are re-scored with the full cosine."""
CHUNK_ROWS = 2000
"""Sources queried at once: bounds the memory of the partial score matrix."""


@dataclass(frozen=True, slots=True)
class Strong:
    """Links kept by their similarity alone, whatever else is in the pile."""

    floor: float
    """Cosine similarity a pair needs."""
    cap: int
    """Most such links per row (the most similar), a bound on the work, not a neighbour count."""


Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]
"""``(rows, cols, sims)``: one entry per (row, other row) pair with its cosine similarity."""


@dataclass(frozen=True)
class Neighbourhood:
    """The links of every row, kept apart by kind so that a later build can extend them."""

    near: Pairs
    """Each row's (up to) ``k`` nearest other rows."""
    bars: np.ndarray
    """Per row, the partial score a new candidate must beat to have been among the row's
    ``k * CANDIDATE_FACTOR`` candidates (0 when it had fewer)."""
    strong: Pairs
    """Every pair at least ``Strong.floor`` similar, at most ``Strong.cap`` a row."""

    def links(self) -> Pairs:
        """Nearest and strong pairs together (a strong pair that is also near appears twice).

        In the order a search finds them, chunk by chunk of rows (nearest, then strong):
        the graph's edge order, on which Leiden's partition depends.
        """
        pairs = concat(self.near, self.strong)
        kind = np.repeat([0, 1], [len(self.near[0]), len(self.strong[0])])
        order = np.argsort(pairs[0] // CHUNK_ROWS * 2 + kind, kind="stable")
        return pairs[0][order], pairs[1][order], pairs[2][order]

    def remap(self, new_index: np.ndarray, count: int) -> tuple[Neighbourhood, np.ndarray]:
        """The links in a new row numbering of ``count`` rows (``new_index[old]``, -1: gone).

        Returns:
            The links among rows still there, and per new row whether it lost one of its
            nearest rows (its list must be searched again: a cold build would have found
            another).
        """
        near, lost_near = _remap(self.near, new_index)
        strong, _ = _remap(self.strong, new_index)
        lost = np.zeros(count, dtype=bool)
        still = new_index[lost_near]
        lost[still[still >= 0]] = True
        bars = np.zeros(count, dtype=np.float32)
        present = new_index >= 0
        bars[new_index[present]] = self.bars[present]
        return Neighbourhood(near, bars, strong), lost


def nearest_neighbours(matrix: sp.csr_matrix, k: int, *, posting_limit: int = POSTING_LIMIT,
                       strong: Strong | None = None, rows: np.ndarray | None = None) -> Pairs:
    """The (approximately) ``k`` most similar other rows of each row, and the strong pairs.

    Args:
        matrix: L2-normalised sparse rows (one per source).
        k: neighbours wanted per row.
        posting_limit: rows kept per term in the index (``POSTING_LIMIT``).
        strong: also every pair at least this similar (up to its cap per row), found through
            the same index: a pair is a candidate when a term is among both rows' heaviest
            ``QUERY_TERMS`` and the two share ``STRONG_PARTIAL`` of ``strong.floor`` there, so
            whether a pair is kept depends on the pair alone (unless a cap binds).
        rows: only these rows' neighbours and strong pairs (every row's when None).

    Returns:
        ``(rows, cols, sims)``: one entry per (row, neighbour) pair with its cosine similarity;
        rows without any shared term have no entries. A strong pair that is also a neighbour
        appears twice.
    """
    if _unsearchable(matrix) or (rows is not None and not len(rows)):
        return empty()
    asked = np.arange(matrix.shape[0]) if rows is None else np.asarray(rows, dtype=np.int64)
    rows, cols, sims = _search(matrix, k, asked, _index(matrix, posting_limit), strong).links()
    log.debug("blocking: %d sources, %d candidate pairs", matrix.shape[0], len(rows))
    return rows, cols, sims


def neighbourhood(matrix: sp.csr_matrix, k: int, *, posting_limit: int = POSTING_LIMIT,
                  strong: Strong) -> Neighbourhood:
    """``nearest_neighbours``'s links kept by kind, with each row's candidate bar."""
    if _unsearchable(matrix):
        return _no_links(matrix)
    return _search(matrix, k, np.arange(matrix.shape[0]), _index(matrix, posting_limit), strong)


def extend(matrix: sp.csr_matrix, k: int, previous: Neighbourhood, fresh: np.ndarray, *,
           posting_limit: int = POSTING_LIMIT, strong: Strong) -> Neighbourhood:
    """The last build's links brought up to date by searching only from and to ``fresh`` rows.

    A daily build adds a few sources to thousands; searching every row again was most of
    the clustering (issue 17). Fresh rows (new ones, and old ones that lost a nearest row)
    are searched in full. Every other row keeps its links and is compared with the fresh
    rows only: a fresh row becomes one of its nearest when its partial score reaches the row's
    bar (it would have been a candidate) and its cosine one of the row's ``k`` best, and a
    strong link when it reaches the floor. Pruned posting lists and the bars of a cold
    build on the same rows can differ slightly, so the caller searches everything again now
    and then (``cluster.FRESH_SHARE``).

    Args:
        matrix: this build's rows (``previous`` already in its numbering, ``remap``).
        k: neighbours wanted per row.
        previous: the last build's links among the rows still there.
        fresh: boolean per row: search it in full.
        posting_limit: rows kept per term in the index.
        strong: as for ``nearest_neighbours``.
    """
    if _unsearchable(matrix):
        return _no_links(matrix)
    query, index = _index(matrix, posting_limit)
    searched = _search(matrix, k, np.flatnonzero(fresh), (query, index), strong)
    if fresh.all():
        return searched
    old_near = _rows_in(previous.near, ~fresh, cols=~fresh)
    old_strong = _rows_in(previous.strong, ~fresh, cols=~fresh)
    partial = (query @ _only_columns(index, fresh)).tocsr()
    partial = (sp.diags((~fresh).astype(np.float32)) @ partial).tocsr()  # fresh: searched
    partial.eliminate_zeros()
    near = _merge_near(matrix, partial, previous.bars, old_near, k)
    stronger = _strong_pairs(matrix, partial, np.arange(matrix.shape[0]), strong)
    strong_pairs = _most_similar(concat(old_strong, stronger), strong.cap)
    bars = np.where(fresh, searched.bars, previous.bars).astype(np.float32)
    return Neighbourhood(_by_row(concat(near, searched.near)), bars,
                         _by_row(concat(strong_pairs, searched.strong)))


def _search(matrix: sp.csr_matrix, k: int, rows: np.ndarray,
            indexed: tuple[sp.csr_matrix, sp.csr_matrix], strong: Strong | None) -> Neighbourhood:
    """Search the given rows in full: their nearest rows, bars and strong pairs."""
    query, index = indexed
    bars = np.zeros(matrix.shape[0], dtype=np.float32)
    near: list[Pairs] = []
    strong_parts: list[Pairs] = []
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start:start + CHUNK_ROWS]
        run = chunk[-1] - chunk[0] == len(chunk) - 1  # a slice is cheaper than a gather
        asked = query[int(chunk[0]):int(chunk[-1]) + 1] if run else query[chunk]
        partial = _without_self((asked @ index).tocsr(), chunk)
        near.append(_nearest(matrix, partial, chunk, k))
        bars[chunk] = _bars(partial, k * CANDIDATE_FACTOR)
        if strong is not None:
            strong_parts.append(_strong_pairs(matrix, partial, chunk, strong))
    return Neighbourhood(concat(*near), bars, concat(*strong_parts))


def _index(matrix: sp.csr_matrix, posting_limit: int) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Each row's query terms, and the index of terms to the rows weighing them most."""
    query = _keep_top_per_row(_shared_terms(matrix), QUERY_TERMS)
    return query, _keep_top_per_row(query.T.tocsr(), posting_limit)  # terms x rows


def _without_self(partial: sp.csr_matrix, chunk: np.ndarray) -> sp.csr_matrix:
    """A chunk's partial scores without each row's score against itself."""
    if chunk[-1] - chunk[0] == len(chunk) - 1:  # a run of rows: the diagonal from its start
        partial.setdiag(0, k=int(chunk[0]))
        partial.eliminate_zeros()
        return partial
    coo = partial.tocoo()
    keep = coo.col != chunk[coo.row]
    return sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=partial.shape)


def _nearest(matrix: sp.csr_matrix, partial: sp.csr_matrix, chunk: np.ndarray, k: int) -> Pairs:
    """The ``k`` most similar of each chunk row's best candidates by partial score."""
    rows, cols = _top_per_row(partial, k * CANDIDATE_FACTOR)
    if not len(rows):
        return empty()
    rows = chunk[rows]
    return _most_similar((rows, cols, _cosines(matrix, rows, cols)), k)


def _bars(partial: sp.csr_matrix, limit: int) -> np.ndarray:
    """Per row, its ``limit``-th best partial score (0 when it has fewer candidates)."""
    coo = partial.tocoo()
    bars = np.zeros(partial.shape[0], dtype=np.float32)
    rows, keys = ranks.kth_within(coo.row, -coo.data, limit - 1)
    bars[rows] = -keys
    return bars


def _merge_near(matrix: sp.csr_matrix, partial: sp.csr_matrix, bars: np.ndarray,
                old: Pairs, k: int) -> Pairs:
    """Old nearest pairs plus the fresh candidates that reach their row's bar, ``k`` a row."""
    coo = partial.tocoo()
    hit = coo.data >= bars[coo.row]  # ties: a candidate at the bar may have been one
    rows, cols = coo.row[hit].astype(np.int64), coo.col[hit].astype(np.int64)
    return _most_similar(concat(old, (rows, cols, _cosines(matrix, rows, cols))), k)


def _most_similar(pairs: Pairs, limit: int) -> Pairs:
    """The ``limit`` most similar pairs of each row (ties in input order), in input order."""
    rows, cols, sims = pairs
    keep = ranks.smallest_within(rows, -sims, limit)
    return rows[keep], cols[keep], sims[keep]


def _only_columns(index: sp.csr_matrix, wanted: np.ndarray) -> sp.csr_matrix:
    """``index`` with the entries of the unwanted columns (rows of the corpus) dropped."""
    coo = index.tocoo()
    keep = wanted[coo.col]
    return sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=index.shape)


def _rows_in(pairs: Pairs, rows_wanted: np.ndarray, *, cols: np.ndarray) -> Pairs:
    """The pairs whose row is wanted and whose column is in ``cols``."""
    keep = rows_wanted[pairs[0]] & cols[pairs[1]]
    return pairs[0][keep], pairs[1][keep], pairs[2][keep]


def _remap(pairs: Pairs, new_index: np.ndarray) -> tuple[Pairs, np.ndarray]:
    """Pairs in the new numbering; also the old rows that lost a pair's other end."""
    rows, cols = new_index[pairs[0]], new_index[pairs[1]]
    keep = (rows >= 0) & (cols >= 0)
    return (rows[keep], cols[keep], pairs[2][keep]), pairs[0][(cols < 0)]


def _by_row(pairs: Pairs) -> Pairs:
    """Pairs ordered by row, then column: one order whatever path found them."""
    order = np.lexsort((pairs[1], pairs[0]))
    return pairs[0][order], pairs[1][order], pairs[2][order]


def concat(*parts: Pairs) -> Pairs:
    """Pairs one after the other (int64 rows and columns, float32 similarities)."""
    if not parts:
        return empty()
    return (np.concatenate([p[0] for p in parts]).astype(np.int64),
            np.concatenate([p[1] for p in parts]).astype(np.int64),
            np.concatenate([p[2] for p in parts]).astype(np.float32))


def _strong_pairs(matrix: sp.csr_matrix, partial: sp.csr_matrix, row_ids: np.ndarray,
                  strong: Strong) -> Pairs:
    """The pairs at least ``strong.floor`` similar, at most ``strong.cap`` a row.

    Candidates are ``partial``'s entries; its row ``i`` is the matrix's row ``row_ids[i]``.
    """
    coo = partial.tocoo()
    hit = coo.data >= STRONG_PARTIAL * strong.floor
    rows, cols = row_ids[coo.row[hit]].astype(np.int64), coo.col[hit].astype(np.int64)
    if not len(rows):
        return empty()
    sims = _cosines(matrix, rows, cols)
    keep = sims >= strong.floor
    return _most_similar((rows[keep], cols[keep], sims[keep]), strong.cap)


def _cosines(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    return np.asarray(matrix[rows].multiply(matrix[cols]).sum(axis=1)).ravel().astype(np.float32)


def _shared_terms(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """``matrix`` without the terms of one source only: they cannot find a neighbour.

    With weights from a background model (``vectors.BACKGROUND_IDF``) a word no other source
    uses (a typo, a rare name) is often among a source's heaviest and would take a query slot.
    """
    shared = np.bincount(matrix.indices, minlength=matrix.shape[1]) > 1
    kept = shared[matrix.indices]
    return sp.csr_matrix((matrix.data[kept], matrix.indices[kept],
                          np.concatenate(([0], np.cumsum(kept)))[matrix.indptr]),
                         shape=matrix.shape)


def _keep_top_per_row(matrix: sp.csr_matrix, limit: int) -> sp.csr_matrix:
    """Zero all but the ``limit`` largest entries of each row."""
    coo = matrix.tocoo()
    keep = ranks.smallest_within(coo.row, -coo.data, limit)
    return sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)


def _top_per_row(matrix: sp.csr_matrix, limit: int) -> tuple[np.ndarray, np.ndarray]:
    coo = matrix.tocoo()
    keep = ranks.smallest_within(coo.row, -coo.data, limit)
    return coo.row[keep].astype(np.int64), coo.col[keep].astype(np.int64)


def _unsearchable(matrix: sp.csr_matrix) -> bool:
    """Fewer than two rows, or no terms: no pair to find."""
    return bool(matrix.shape[0] < 2 or matrix.nnz == 0)


def _no_links(matrix: sp.csr_matrix) -> Neighbourhood:
    return Neighbourhood(empty(), np.zeros(matrix.shape[0], dtype=np.float32), empty())


def empty() -> Pairs:
    """No pairs."""
    return (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=np.float32))
