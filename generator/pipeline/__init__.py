"""The orchestrator: reads like the design diagram; analyses everything before writing anything.

Takes the settings (and content paths overriding theirs); gives an ``Analysis`` (``run``,
writing nothing but the cache) or that analysis written as pages and a site (``build``). It
may import every part of the package; no stage imports it (only ``cli`` and ``publish`` do).

Per-article stages (clean, extract) and per-story merging run through ``parallel.pmap`` on
every core and reuse the previous build's results from the cache, keyed by content; only misses
are computed. Global stages (dedupe, cluster) run on the whole corpus every build. The story
history (identity) is read during analysis and saved only once the site is published.
"""

from __future__ import annotations

from generator.pipeline.analyse import run
from generator.pipeline.work import BuildStats, Mapper
from generator.pipeline.write import build

__all__ = ["BuildStats", "Mapper", "build", "run"]
