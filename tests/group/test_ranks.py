import numpy as np
import pytest

from generator.group import ranks


def _lexsort_ranks(groups: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The straightforward definition: a stable sort by group, then key."""
    order = np.lexsort((keys, groups))
    ranks_ = np.empty(len(groups), dtype=np.int64)
    for group in np.unique(groups):
        members = order[groups[order] == group]
        ranks_[members] = np.arange(len(members))
    return ranks_


def _tied(rng: np.random.Generator, size: int, groups: int) -> tuple[np.ndarray, np.ndarray]:
    """Random groups (unsorted) and float32 keys with many ties, both signs and zeros."""
    keys = np.round(rng.standard_normal(size), 1).astype(np.float32)
    keys[rng.random(size) < 0.05] = -0.0
    keys[rng.random(size) < 0.02] = np.inf
    return rng.integers(0, groups, size), keys


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("limit", [1, 3, 7, 40])
def test_smallest_within_is_a_rank_cut_ties_in_input_order(seed: int, limit: int) -> None:
    rng = np.random.default_rng(seed)
    groups, keys = _tied(rng, 4000, 60)
    expected = _lexsort_ranks(groups, keys) < limit
    assert np.array_equal(ranks.smallest_within(groups, keys, limit), expected)
    order = np.argsort(groups, kind="stable")  # groups in runs, as a sparse matrix's rows
    assert np.array_equal(ranks.smallest_within(groups[order], keys[order], limit),
                          expected[order])
    assert np.array_equal(ranks.rank_within(groups, keys) < limit, expected)


@pytest.mark.parametrize("seed", [0, 1])
def test_smallest_within_pads_in_batches_of_uneven_groups(seed: int,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 300, 50)  # groups of 1 to 299 entries, in runs
    groups = np.repeat(np.arange(50), sizes)
    keys = rng.integers(0, 20, len(groups)).astype(np.float32)  # ties everywhere
    monkeypatch.setattr(ranks, "PAD_BUDGET", 700)  # a batch of a few rows, or one wide row
    expected = _lexsort_ranks(groups, keys) < 10
    assert np.array_equal(ranks.smallest_within(groups, keys, 10), expected)


@pytest.mark.parametrize("kth", [0, 4, 30])
def test_kth_within_is_the_key_at_that_rank(kth: int) -> None:
    groups, keys = _tied(np.random.default_rng(kth), 3000, 80)
    at = _lexsort_ranks(groups, keys) == kth
    order = np.argsort(groups[at])
    found_groups, found_keys = ranks.kth_within(groups, keys, kth)
    assert found_groups.tolist() == groups[at][order].tolist()
    assert np.array_equal(found_keys, keys[at][order])


def test_nan_and_integer_keys_fall_back_to_the_sort() -> None:
    groups = np.array([0, 0, 0, 1, 1])
    keys = np.array([np.nan, 1.0, 0.5, 2.0, np.nan])
    assert ranks.smallest_within(groups, keys, 1).tolist() == [False, False, True, True, False]
    assert ranks.smallest_within(groups, np.array([3, 1, 1, 0, 0]), 1).tolist() == [
        False, True, False, True, False]
    assert ranks.kth_within(groups, np.array([3, 1, 2, 0, 5]), 1)[1].tolist() == [2, 5]


def test_no_entries_or_no_places() -> None:
    empty = np.zeros(0, dtype=np.int64)
    assert ranks.smallest_within(empty, empty.astype(np.float32), 3).tolist() == []
    assert not ranks.smallest_within(np.zeros(3, dtype=np.int64), np.ones(3), 0).any()
    assert len(ranks.kth_within(np.zeros(3, dtype=np.int64), np.ones(3), -1)[0]) == 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_packed_sort_orders_exactly_like_lexsort(seed: int) -> None:
    rng = np.random.default_rng(seed)
    groups = rng.integers(0, 40, 5000)
    keys = np.round(rng.standard_normal(5000), 1).astype(np.float32)  # ties, both signs
    keys[:4] = [0.0, -0.0, -1e-40, 1e-40]  # signed zeros and subnormals
    assert np.array_equal(ranks._group_key_order(groups, keys), np.lexsort((keys, groups)))
