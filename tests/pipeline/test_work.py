"""The cached, parallel work of a build: only what the cache misses is computed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.cache import Cache
from generator.pipeline.work import BuildStats, Work
from generator.progress import SILENT
from tests.conftest import make_article


def in_order(func: Callable[[Any], Any], items: Sequence[Any], **_: object) -> list[Any]:
    return [func(x) for x in items]


def test_map_computes_only_the_misses(tmp_path: Path) -> None:
    calls: list[int] = []

    def square(x: int) -> int:
        calls.append(x)
        return x * x

    stats = BuildStats()
    work = Work(Cache(tmp_path), 0, SILENT, stats, in_order)
    assert work.map("sq", square, [2, 3], ["k2", "k3"], "Squaring") == [4, 9]
    assert work.map("sq", square, [2, 3, 4], ["k2", "k3", "k4"], "Squaring") == [4, 9, 16]
    assert calls == [2, 3, 4], "the second map computes only the new key"
    assert (stats.computed["sq"], stats.reused["sq"]) == (3, 2)
    # A cached value the adapter rejects is computed again; one it accepts is adapted.
    found = work.map("sq", square, [2, 3], ["k2", "k3"], "Squaring",
                     reuse=lambda cached, x: cached + 1 if x == 2 else None)
    assert found == [5, 9] and calls == [2, 3, 4, 3]
    work.cache.close()


def test_an_articles_key_leaves_its_path_out() -> None:
    work = Work(Cache(None), 0, SILENT, BuildStats(), in_order)
    article = make_article(id="a", text="The harbour reopened on Monday.")
    moved = dataclasses.replace(article, path="archive/a.txt")
    edited = dataclasses.replace(article, text="The harbour closed on Monday.")
    assert work.article_key(article) == work.article_key(moved)
    assert work.article_key(article) != work.article_key(edited)
