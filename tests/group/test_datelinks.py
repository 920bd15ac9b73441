"""Tests for date-local links: every pair of sources a few days apart, compared."""

from __future__ import annotations

import logging

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from generator.group import datelinks
from generator.model import PartialDate


def _matrix(seed: int, rows: int = 60, columns: int = 12) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random((rows, columns)) * (rng.random((rows, columns)) < 0.4)
    return sp.csr_matrix(normalize(dense).astype(np.float32))


def _brute_force(matrix: sp.csr_matrix, days: np.ndarray, window: int,
                 floor: float) -> set[tuple[int, int]]:
    sims = (matrix @ matrix.T).toarray()
    return {(i, j) for i in range(len(days)) for j in range(len(days))
            if i != j and days[i] >= 0 and days[j] >= 0 and abs(days[i] - days[j]) <= window
            and sims[i, j] >= floor}


def test_day_numbers_need_a_day() -> None:
    days = datelinks.day_numbers([PartialDate(2010, 6, 16), PartialDate(2010, 6), None,
                                  PartialDate(2010)])
    assert days.tolist() == [PartialDate(2010, 6, 16).earliest().toordinal(), -1, -1, -1]


@pytest.mark.parametrize("chunk", [7, 1000])
def test_local_pairs_are_every_close_similar_pair(monkeypatch: pytest.MonkeyPatch,
                                                 chunk: int) -> None:
    """Chunks cut inside a day and across runs of days find the same pairs."""
    monkeypatch.setattr(datelinks, "CHUNK_ROWS", chunk)
    matrix = _matrix(3)
    rng = np.random.default_rng(4)
    days = rng.integers(730000, 730012, size=matrix.shape[0])
    days[::9] = -1  # undated sources are never linked here
    rows, cols, sims = datelinks.local_pairs(matrix, days, window=2, floor=0.3)
    found = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert found == _brute_force(matrix, days, 2, 0.3)
    assert len(found) == len(rows)  # each pair once per direction
    assert np.allclose(sims, (matrix @ matrix.T).toarray()[rows, cols])
    assert list(zip(rows, cols, strict=True)) == sorted(zip(rows, cols, strict=True))


def test_local_pairs_do_not_depend_on_other_sources() -> None:
    """A pair is linked or not by its own texts and dates, whatever else is in the pile."""
    matrix = _matrix(5, rows=40)
    days = np.random.default_rng(6).integers(730000, 730010, size=40)
    alone = datelinks.local_pairs(matrix[:15], days[:15], window=3, floor=0.25)
    inside = datelinks.local_pairs(matrix, days, window=3, floor=0.25)
    mine = (inside[0] < 15) & (inside[1] < 15)
    assert alone[0].tolist() == inside[0][mine].tolist()
    assert alone[1].tolist() == inside[1][mine].tolist()


def test_a_crowded_window_is_skipped_with_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(datelinks, "WINDOW_LIMIT", 10)
    monkeypatch.setattr(datelinks, "CHUNK_ROWS", 7)  # several runs, one warning
    matrix = _matrix(7, rows=30)
    days = np.full(30, 730000)
    with caplog.at_level(logging.WARNING, logger="generator.group.datelinks"):
        rows, _, _ = datelinks.local_pairs(matrix, days, window=3, floor=0.0)
    assert not len(rows)
    assert "more than 10 sources share the days around" in caplog.text
    assert caplog.text.count("WARNING") == 1  # once, not once per run of days


def test_too_few_dated_sources_give_no_pairs() -> None:
    rows, cols, sims = datelinks.local_pairs(_matrix(1, rows=3), np.array([-1, 730000, -1]),
                                             window=3, floor=0.0)
    assert not len(rows) and not len(cols) and not len(sims)


def test_a_rebuild_compares_only_fresh_sources_and_finds_the_same_pairs() -> None:
    """Old pairs among unchanged rows are kept; fresh rows (new text or day) are compared."""
    matrix = _matrix(8, rows=50)
    days = np.random.default_rng(9).integers(730000, 730015, size=50)
    whole = datelinks.local_pairs(matrix, days, window=2, floor=0.3)
    fresh = np.zeros(50, dtype=bool)
    fresh[[3, 4, 20, 49]] = True
    stale = (np.array([3, 7, 0]), np.array([7, 3, 1]), np.ones(3, dtype=np.float32))
    old_rows = ~fresh[whole[0]] & ~fresh[whole[1]]
    previous = tuple(np.concatenate([part[old_rows], extra])
                     for part, extra in zip(whole, stale, strict=True))
    previous = (previous[0], previous[1], previous[2])
    rebuilt = datelinks.local_pairs(matrix, days, window=2, floor=0.3,
                                    previous=previous, fresh=fresh)
    fresh_pairs = set(zip(whole[0][~old_rows].tolist(), whole[1][~old_rows].tolist(),
                          strict=True))
    assert fresh_pairs  # the fresh rows have pairs to find again
    kept = [(r, c) for r, c in zip(rebuilt[0].tolist(), rebuilt[1].tolist(), strict=True)]
    assert (3, 7) not in kept and (7, 3) not in kept  # a fresh row's old pairs are dropped
    expected = set(zip(whole[0].tolist(), whole[1].tolist(), strict=True))
    assert (0, 1) in kept  # old pairs among unchanged rows are trusted, not recomputed
    assert set(kept) - {(0, 1)} == expected
