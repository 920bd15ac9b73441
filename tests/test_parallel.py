"""The chunked process-pool map gives exactly the serial map, in order."""

from __future__ import annotations

import functools
import os

import pytest

from generator import parallel


def word_count(text: str) -> int:
    return len(text.split())


def scaled(factor: int, x: int) -> int:
    return factor * x


def pid_of(_: int) -> int:
    return os.getpid()


TEXTS = [f"Article {i}: the council met on day {i % 31} and " + "word " * (i % 17)
         for i in range(700)]


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_equals_serial(workers: int) -> None:
    assert parallel.pmap(word_count, TEXTS, workers=workers) == [word_count(t) for t in TEXTS]


def test_partial_of_top_level_function() -> None:
    func = functools.partial(scaled, 3)
    assert parallel.pmap(func, list(range(500)), workers=2) == [3 * x for x in range(500)]


def test_small_input_stays_in_process() -> None:
    assert set(parallel.pmap(pid_of, list(range(10)), workers=2)) == {os.getpid()}


def test_large_input_uses_workers() -> None:
    pids = set(parallel.pmap(pid_of, list(range(600)), workers=2, min_items=100))
    assert os.getpid() not in pids


def test_empty_input() -> None:
    assert parallel.pmap(word_count, [], workers=2) == []


@pytest.mark.parametrize(("setting", "expected"), [(0, os.cpu_count() or 1), (1, 1), (3, 3)])
def test_worker_count(setting: int, expected: int) -> None:
    assert parallel.worker_count(setting) == expected


@pytest.mark.parametrize(("n", "workers", "chunks"), [(700, 2, 16), (100_000, 2, 391), (5, 2, 5)])
def test_chunking_covers_everything_in_order(n: int, workers: int, chunks: int) -> None:
    parts = parallel._chunks(list(range(n)), workers)
    assert len(parts) == chunks
    assert [x for part in parts for x in part] == list(range(n))
