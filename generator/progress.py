"""Progress bars for anything a user waits for; silent under ``-q`` or when not on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


class Progress:
    """Wraps iterables in a progress bar showing stage, count and rate."""

    def __init__(self, *, enabled: bool = True) -> None:
        """Bars show only when ``enabled`` and stderr is a terminal (CI logs stay clean)."""
        self.enabled = enabled and sys.stderr.isatty()

    def iter(self, items: Iterable[T], desc: str, total: int | None = None) -> Iterator[T]:
        """Yield from ``items`` while drawing a bar labelled ``desc``."""
        if not self.enabled:
            yield from items
            return
        yield from tqdm(items, desc=f"{desc:<11}", total=total, unit="art", leave=False)


SILENT = Progress(enabled=False)
