"""Per-article stages on a Dask bag: the path for corpora that outgrow one machine.

Optional (``pip install news-digest[dask]``). ``bag_mapper()`` returns a drop-in replacement
for ``parallel.pmap`` that ``pipeline.run(..., mapper=...)`` uses for the per-article stages
(clean, fingerprint, features, extract) and per-story merging: the same top-level stage
functions, mapped over a ``dask.bag``. With a ``distributed.Client`` active (a local cluster,
or one on many machines) the bag runs there; otherwise on Dask's local process scheduler.
``connect(address)`` opens that client for one build (``digest build --scheduler``). The
per-article cache and the global stages stay with the caller.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from generator.errors import ConfigError
from generator.progress import SILENT, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

LOCAL = "local"
"""The scheduler address that starts a Dask cluster on this machine for the build."""

CONNECT_TIMEOUT = "30s"
"""How long to wait for a remote scheduler: long enough for a cluster still starting, short
enough that a wrong address fails the morning build within a minute."""

ITEMS_PER_PARTITION = 200
"""Partition size: large enough that Dask's per-task overhead (about 1 ms) is noise next to
200 extractions (about 2 s), small enough to spread 10k articles over dozens of workers."""


def bag_map(func: Callable[[T], R], items: Sequence[T], *, partitions: int | None = None,
            scheduler: str | None = None) -> list[R]:
    """``[func(x) for x in items]`` computed as a Dask bag, in input order.

    Args:
        func: a picklable function of one item (a top-level stage function).
        items: the inputs.
        partitions: bag partitions; default one per ``ITEMS_PER_PARTITION`` items.
        scheduler: Dask scheduler name (``"processes"``, ``"sync"``); None uses the active
            ``distributed.Client`` if there is one, else Dask's default for bags.

    Raises:
        ImportError: when Dask is not installed.
    """
    # Imported only when used, and typed as Any so mypy agrees with or without the extra.
    db: Any = importlib.import_module("dask.bag")

    if not items:
        return []
    count = partitions or max(1, -(-len(items) // ITEMS_PER_PARTITION))
    bag = db.from_sequence(list(items), npartitions=count)
    result: list[R] = list(bag.map(func).compute(scheduler=scheduler))
    return result


def bag_mapper(*, scheduler: str | None = None,
               partitions: int | None = None) -> Callable[..., list[Any]]:
    """A ``pipeline.Mapper`` that runs per-article stages on Dask (see ``bag_map``)."""

    def mapper(func: Callable[[T], R], items: Sequence[T], *, workers: int = 0,
               progress: Progress = SILENT, desc: str = "Working") -> list[R]:
        log.info("%s: %d items on Dask", desc, len(items))
        return bag_map(func, items, partitions=partitions, scheduler=scheduler)

    return mapper


@contextmanager
def connect(address: str, *, workers: int = 1) -> Iterator[Callable[..., list[Any]]]:
    """A mapper running on the Dask scheduler at ``address`` for the duration of the block.

    Args:
        address: a scheduler address (``tcp://host:8786``), or ``local`` to start a cluster of
            ``workers`` single-threaded worker processes here (closed at the end).
        workers: worker processes of a local cluster.

    Raises:
        ConfigError: when Dask is not installed or the scheduler cannot be reached.
    """
    try:
        dd: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise ConfigError("build.scheduler needs Dask: pip install 'news-digest[dask]'") from exc
    cluster = None
    try:
        if address == LOCAL:
            # Any free port for the dashboard: the machine may run other clusters.
            cluster = dd.LocalCluster(n_workers=workers, threads_per_worker=1,
                                      dashboard_address=":0")
            client = dd.Client(cluster)
        else:
            client = dd.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask scheduler at '{address}': {exc}") from exc
    log.info("Per-article stages on Dask: %s (dashboard %s)", client, client.dashboard_link)
    try:
        with client:
            yield bag_mapper()
    finally:
        if cluster is not None:
            cluster.close()
