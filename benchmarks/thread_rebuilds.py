"""Threads over daily rebuilds: N days of 1% new articles against a cold build of the same.

Run: ``nice -n 10 .venv/bin/python -m benchmarks.thread_rebuilds`` (``--size 1000 --days 5``,
``--no-record``). A synthetic corpus (``benchmarks/synth.py``, real sentences from the eval
sets) is built cold with ``pipeline.run`` on one cache; then each day 1% new articles arrive
and it is rebuilt on that cache (events warm-started, last build's threads held); finally
the same final articles are built cold on an empty cache. Reported: thread counts, and
B-cubed F1 between the rebuilt and the cold threads on the first build's articles (1.0: the
same partition). Stories are threads.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tempfile
import time
from pathlib import Path

from benchmarks import _common, synth
from benchmarks.cluster import bcubed
from generator import pipeline
from generator.config import load_settings
from generator.model import Analysis


def thread_of(analysis: Analysis) -> dict[str, int]:
    """Article id -> the number of its thread (story)."""
    return {a.id: n for n, story in enumerate(analysis.stories) for s in story.sources
            for a in s.articles}


def build(content: Path, cache: Path) -> dict[str, int]:
    """``pipeline.run`` over ``content`` with ``cache``: article id -> thread."""
    settings = dataclasses.replace(load_settings(_common.REPO, overrides={}),
                                   content=(content,), cache_dir=cache)
    return thread_of(pipeline.run(settings))


def measure(size: int, days: int, root: Path) -> list[tuple[str, int, float | None]]:
    """Rows (build, threads, B-cubed F1 against the final cold build on the first articles)."""
    real = synth.load_real()
    content = root / "content"
    synth.write_corpus(size, content, real=real)
    daily = max(size // 100, 1)
    first = build(content, root / "cache")
    base = sorted(first)
    builds = [("cold", first)]
    for day in range(1, days + 1):
        synth.write_corpus(daily, content, start_index=size + (day - 1) * daily, real=real)
        builds.append((f"rebuild, day {day} (+{day * daily})", build(content, root / "cache")))
    cold = build(content, root / "cold-cache")
    rows: list[tuple[str, int, float | None]] = [
        (label, len(set(threads.values())),
         bcubed([threads[i] for i in base], [cold[i] for i in base])[2])
        for label, threads in builds]
    rows.append((f"cold, same final articles ({size + days * daily})",
                 len(set(cold.values())), None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    if not synth.load_real():
        print("skipped: the eval sets behind benchmarks/synth.py were not found")
        return
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        rows = measure(args.size, args.days, Path(folder))
    seconds = time.perf_counter() - start
    table = "\n".join(f"| {label} | {count} | {'' if f1 is None else f'{f1:.3f}'} |"
                      for label, count, f1 in rows)
    print(table)
    if args.no_record:
        return
    _common.record("thread-rebuilds", f"""## Threads over daily rebuilds (synthetic)

Command: `nice -n 10 .venv/bin/python -m benchmarks.thread_rebuilds --size {args.size} --days
{args.days}` ({dt.date.today()}, {_common.machine()}, {seconds:.0f} s). {args.size} synthetic
articles (`benchmarks/synth.py`) built cold, then rebuilt on the same cache after each day's
1% new articles, against a cold build of the final articles. B-cubed F1 of each build's
threads against the final cold build's, on the first build's articles.

| build | threads | B-cubed F1 vs final cold |
|---|---|---|
{table}""")


if __name__ == "__main__":
    main()
