"""Peak memory of a process and every process it starts (a build and its worker pool).

``ru_maxrss`` of ``RUSAGE_CHILDREN`` is the largest single descendant, not the sum, and the
pool's workers run at the same time as the parent, so the whole build's footprint is sampled
from ``/proc`` instead: every ``INTERVAL`` seconds, the sum over the process tree of each
process's proportional set size (PSS: a page shared by a forked worker and its parent counts
half to each, so the sum is what the tree holds) and of its resident set (RSS: shared pages
counted in each process, an upper bound). Linux only; elsewhere both stay 0.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.25
"""Seconds between samples: a build's peaks (merge of a large story, MkDocs) last seconds."""


@dataclass
class Peak:
    """Largest tree-wide PSS and RSS seen, in bytes."""

    pss: int = 0
    rss: int = 0


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(x) for x in task.read_text().split()]
        except OSError:
            continue
    return kids


def _tree(root: int) -> list[int]:
    seen, todo = [], [root]
    while todo:
        pid = todo.pop()
        seen.append(pid)
        todo += _children(pid)
    return seen


def _memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes; (0, 0) once it is gone."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
            elif line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return 0, 0
    return pss, rss


def sample(root: int) -> tuple[int, int]:
    """Tree-wide (PSS, RSS) of ``root`` and its descendants now."""
    found = [_memory(pid) for pid in _tree(root)]
    return sum(p for p, _ in found), sum(r for _, r in found)


class Watch:
    """Samples the tree of ``pid`` on a thread until ``stop()``; ``peak`` holds the maxima."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid or os.getpid()
        self.peak = Peak()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> Watch:
        """Start sampling; returns itself."""
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._done.is_set():
            pss, rss = sample(self.pid)
            self.peak.pss = max(self.peak.pss, pss)
            self.peak.rss = max(self.peak.rss, rss)
            time.sleep(INTERVAL)

    def stop(self) -> Peak:
        """Stop sampling and return the peak."""
        self._done.set()
        self._thread.join()
        return self.peak
