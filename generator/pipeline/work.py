"""The work of one build: cached, parallel per-article computation and what it did.

``Work`` looks every key up in the cache and computes only the misses, spread by a ``Mapper``
(the local process pool or Dask); ``BuildStats`` counts what each stage computed and reused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from generator.cache import Cache, content_key
from generator.model import Article
from generator.progress import Progress

T = TypeVar("T")
R = TypeVar("R")


class Mapper(Protocol):
    """How per-article work is spread: ``parallel.pmap`` or ``distributed.bag_mapper()``."""

    def __call__(self, func: Callable[[T], R], items: Sequence[T], *, workers: int,
                 progress: Progress, desc: str) -> list[R]:
        """``[func(x) for x in items]``, in order, however it is spread."""
        ...


@dataclass
class BuildStats:
    """Work done by one run, for benchmarks and the report: computed vs reused per stage."""

    computed: dict[str, int] = field(default_factory=dict)
    reused: dict[str, int] = field(default_factory=dict)


@dataclass
class Work:
    """Cached, parallel per-article computation: look up every key, compute only the misses."""

    cache: Cache
    workers: int
    progress: Progress
    stats: BuildStats
    mapper: Mapper
    _article_keys: dict[int, tuple[Article, str]] = field(default_factory=dict)
    """id(article) -> (article, key); holding the article keeps its id from being reused."""

    def map(self, stage: str, func: Callable[[T], R], items: Sequence[T],
            keys: Sequence[str], desc: str, *,
            reuse: Callable[[R, T], R | None] | None = None) -> list[R]:
        """``[func(x) for x in items]``, computing only what the cache does not hold.

        ``reuse(cached, item)`` adapts a cached value to the item or returns None when it does
        not fit (then it is computed); without it a cached value is used as it is.
        """
        found = self.cache.get_many(stage, keys)
        if reuse is not None:
            adapted = ((k, reuse(found[k], item)) for k, item in zip(keys, items, strict=True)
                       if k in found)
            found = {k: value for k, value in adapted if value is not None}
        todo = [i for i, key in enumerate(keys) if key not in found]
        computed = self.mapper(func, [items[i] for i in todo], workers=self.workers,
                               progress=self.progress, desc=desc)
        fresh = {keys[i]: value for i, value in zip(todo, computed, strict=True)}
        self.cache.put_many(stage, fresh)
        self.count(stage, computed=len(todo), reused=len(keys) - len(todo))
        return [fresh[k] if k in fresh else found[k] for k in keys]

    def article_key(self, article: Article) -> str:
        """The content hash of an article, computed once per build and object.

        Every field but ``path``: no stage after cleaning reads where an article was found,
        so moving ``content/`` (same bytes) reuses every result. The cleaning key adds the
        file name (``clean_key``).
        """
        known = self._article_keys.get(id(article))
        if known is None:
            key = content_key(repr(dataclasses.replace(article, path="")))
            known = self._article_keys[id(article)] = (article, key)
        return known[1]

    def count(self, stage: str, *, computed: int, reused: int) -> None:
        """Add what ``stage`` computed and reused to the build's stats."""
        self.stats.computed[stage] = self.stats.computed.get(stage, 0) + computed
        self.stats.reused[stage] = self.stats.reused.get(stage, 0) + reused
