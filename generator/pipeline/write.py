"""``build``: the analysis written as Markdown pages and a site, then the story history saved.

The site is built by MkDocs into a temporary folder and swapped in whole (``site.build_site``),
so a failed build keeps the previous site; the history is saved only once the site is in place.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from generator import site
from generator.config import Settings
from generator.group import identity
from generator.model import Analysis
from generator.pipeline.analyse import run
from generator.pipeline.work import BuildStats
from generator.progress import SILENT, Progress
from generator.site import pages, redirects


def build(settings: Settings, *, progress: Progress = SILENT, today: dt.date | None = None,
          paths: tuple[Path, ...] | None = None, stats: BuildStats | None = None) -> Analysis:
    """Run the pipeline, write the Markdown pages, build the site (atomically), then remember."""
    today = today or dt.date.today()
    analysis = run(settings, progress=progress, today=today, paths=paths, stats=stats)
    start = time.perf_counter()
    pages.write_pages(analysis, settings.path(settings.docs_dir),
                      config_file=settings.path(settings.mkdocs_config))
    written = time.perf_counter()
    _build_site(settings, analysis)
    done = time.perf_counter()
    identity.remember(analysis.stories, analysis.redirects,
                      state_dir=settings.path(settings.cache_dir), today=today.isoformat())
    timings = (*analysis.timings, ("pages", written - start), ("render", done - written))
    return Analysis(articles=analysis.articles, stories=analysis.stories,
                    skipped=analysis.skipped, redirects=analysis.redirects, timings=timings)


def _build_site(settings: Settings, analysis: Analysis) -> None:
    """MkDocs into a temporary dir; redirect pages added before it is swapped in."""
    config = settings.path(settings.mkdocs_config)
    hook = redirects.post_build_hook(
        analysis.redirects, titles={s.id: s.title for s in analysis.stories},
        directory_urls=site.site_options(config).directory_urls)
    site.build_site(config, settings.path(settings.docs_dir), settings.path(settings.site_dir),
                    post_build=hook)
