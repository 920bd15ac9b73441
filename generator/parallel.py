"""A chunked process-pool map for per-article stages, on every core the build may use.

Per-article work (cleaning, extraction) is pure: one article in, one result out. ``pmap``
sends chunks of items to a pool of worker processes and returns the results in input order.
Small inputs stay in-process, where starting workers would cost more than it saves. The
function must be picklable: a top-level function, or a ``functools.partial`` of one.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from generator.progress import SILENT, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL_ITEMS = 300
"""Below this many items the map runs in-process. Calibrated on the 2-core build machine:
starting two forked workers and shipping their chunks costs about 50-100 ms, which is what
extracting a few hundred short articles costs; above that the pool wins."""

CHUNKS_PER_WORKER = 8
"""Chunks per worker: enough that a slow chunk does not leave a core idle at the end, and
that the progress bar moves, few enough that per-chunk pickling overhead stays negligible."""

MAX_CHUNK = 256
"""Largest chunk, so progress updates at least every few seconds on a 100k-article corpus."""


def worker_count(setting: int) -> int:
    """Processes to use for ``build.workers`` (0 means one per CPU core)."""
    return setting if setting > 0 else (os.cpu_count() or 1)


def pmap(func: Callable[[T], R], items: Sequence[T], *, workers: int = 0,
         progress: Progress = SILENT, desc: str = "Working",
         min_items: int = MIN_PARALLEL_ITEMS) -> list[R]:
    """``[func(x) for x in items]``, computed in chunks on a process pool.

    Args:
        func: a picklable function of one item.
        items: the inputs; results come back in the same order.
        workers: processes (0 means one per core); 1 runs in-process.
        progress: bar showing ``desc``, item count and rate.
        desc: the stage name on the bar.
        min_items: below this many items, run in-process (worker start-up would dominate).

    Returns:
        The results, in input order.
    """
    count = worker_count(workers)
    if count <= 1 or len(items) < max(min_items, 2):
        return [func(x) for x in progress.iter(items, desc, total=len(items))]
    chunks = _chunks(items, count)
    results: list[list[R] | None] = [None] * len(chunks)
    try:
        for _ in progress.iter(_run_pool(func, chunks, count, results), desc, total=len(items)):
            pass
    except (BrokenProcessPool, OSError) as exc:
        log.warning("Worker processes failed (%s); finishing %s in-process", exc, desc)
    out: list[R] = []
    for chunk, done in zip(chunks, results, strict=True):
        out.extend(done if done is not None else [func(x) for x in chunk])
    return out


def _chunks(items: Sequence[T], workers: int) -> list[Sequence[T]]:
    size = max(1, min(MAX_CHUNK, -(-len(items) // (workers * CHUNKS_PER_WORKER))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _run_pool(func: Callable[[T], R], chunks: list[Sequence[T]], workers: int,
              results: list[list[R] | None]) -> Iterator[None]:
    """Fill ``results`` chunk by chunk; yield once per finished item (for the progress bar)."""
    context = multiprocessing.get_context()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[list[R]], int] = {
            pool.submit(_apply, func, chunk): i for i, chunk in enumerate(chunks)}
        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            for _ in chunks[index]:
                yield None


def _apply(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    """Run in a worker: the function over one chunk."""
    return [func(x) for x in chunk]
