"""Fetch: download what the user's sources (feeds, sitemaps, pages) published since the last run.

Takes ``Settings`` (``sources:`` and the ``fetch:`` section); gives new Markdown files with
YAML front matter under ``fetch.dir`` (``content/fetched/<host>/<date>-<slug>.md``), which
``ingest`` then reads like any other input, and a ``FetchReport``. It is the first stage: it
imports only ``model``, ``errors`` and ``config``, never a later stage, and nothing it fetched
is ever executed or trusted (the site escapes it as any input). The state that makes a run
incremental (ETags, Last-Modified, URLs already fetched) lives in ``cache_dir``.

Modules: ``client`` (HTTP: retries, redirects, size and type checks), ``politeness`` (per-host
slots and delays, robots.txt), ``feeds`` and ``sitemaps`` (listings), ``pages`` (decoding,
trafilatura), ``urls`` (canonical URLs, file names), ``sources`` (one source end to end),
``write`` (the Markdown files), ``state`` and ``report``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Protocol, TypeVar

from generator import __version__
from generator.config import FetchSettings, Settings, SourceSpec
from generator.fetch.client import open_client
from generator.fetch.listing import Entry
from generator.fetch.politeness import Robots
from generator.fetch.report import FetchReport, SkippedEntry, SourceOutcome
from generator.fetch.sources import Context, Discovery, discover, resolve, robots_text
from generator.fetch.state import STATE_FILE, load_state, save_state
from generator.fetch.urls import canonical_url, host_folder
from generator.fetch.write import FetchedArticle, write_article

log = logging.getLogger(__name__)

__all__ = ["fetch", "user_agent"]

SAVE_EVERY_SECONDS = 60.0
"""How often a long run saves its state. Saving rewrites the whole file (every URL ever
fetched), so saving after every source would grow with sources x archive size."""

Resolved = tuple[FetchedArticle, tuple[str, ...]] | SkippedEntry
T = TypeVar("T")


class Progress(Protocol):
    """What draws the bars (``generator.progress.Progress``; stages do not import it)."""

    def iter(self, items: Iterable[T], desc: str, total: int | None = None) -> Iterator[T]:
        """Yield from ``items`` while showing progress labelled ``desc``."""
        ...


class _Silent:
    def iter(self, items: Iterable[T], desc: str, total: int | None = None) -> Iterator[T]:
        yield from items


def user_agent(settings: FetchSettings) -> str:
    """``news-digest/<version>`` plus the contact URL, so a site owner knows who is asking."""
    base = f"news-digest/{__version__}"
    return f"{base} (+{settings.contact})" if settings.contact else base


def fetch(settings: Settings, *, progress: Progress | None = None,
          now: dt.datetime | None = None) -> FetchReport:
    """Fetch every source in ``settings.sources`` and write the new articles.

    Sources are listed concurrently; then each source's new entries are fetched (a progress
    bar per source) and written. The state is saved at the end (and every
    ``SAVE_EVERY_SECONDS``); a run interrupted before that finds its files again by URL.
    """
    started = time.perf_counter()
    progress = progress or _Silent()
    now = now or dt.datetime.now(dt.UTC)
    folder = settings.path(settings.fetch.dir)
    state_path = settings.path(settings.cache_dir) / STATE_FILE
    state = load_state(state_path, fetch_dir=folder)
    outcomes: list[SourceOutcome] = []
    with open_client(settings.fetch, user_agent=user_agent(settings.fetch)) as client, \
            ThreadPoolExecutor(settings.fetch.workers, thread_name_prefix="fetch") as pool:
        ctx = Context(client, Robots(robots_text(client), client.gate), state,
                      settings.fetch, now)
        found = list(progress.iter(pool.map(lambda spec: _discover(spec, ctx), settings.sources),
                                   "Sources", total=len(settings.sources)))
        saved = time.monotonic()
        try:
            for spec, discovery in zip(settings.sources, found, strict=True):
                outcomes.append(_collect(spec, discovery, ctx, pool=pool, progress=progress,
                                         folder=folder))
                if time.monotonic() - saved > SAVE_EVERY_SECONDS:
                    save_state(state, state_path)
                    saved = time.monotonic()
        finally:
            save_state(state, state_path)
    return FetchReport(tuple(outcomes), now.isoformat(timespec="seconds"),
                       time.perf_counter() - started)


def _discover(spec: SourceSpec, ctx: Context) -> Discovery:
    try:
        return discover(spec, ctx)
    except Exception as exc:  # a bug must not stop the other sources
        log.debug("Listing %s failed", spec.url, exc_info=True)
        return Discovery("failed", f"could not be read ({type(exc).__name__}: {exc})")


def _collect(spec: SourceSpec, discovery: Discovery, ctx: Context, *,
             pool: ThreadPoolExecutor, progress: Progress, folder: Path) -> SourceOutcome:
    if discovery.status != "ok":
        if discovery.status == "failed":
            log.warning("Source %s failed: %s", spec.url, discovery.reason)
        return SourceOutcome(spec.url, spec.name, spec.kind, discovery.status, discovery.reason)
    fresh, already = _new_entries(discovery, ctx)
    entries = fresh[:ctx.settings.max_entries]
    futures: list[Future[Resolved]] = [
        pool.submit(_resolve, entry, spec, discovery, ctx) for entry in entries]
    written: list[str] = []
    skipped = list(discovery.problems)
    label = spec.name or host_folder(spec.url)
    for future in progress.iter(as_completed(futures), label[:24], total=len(futures)):
        result = future.result()
        if isinstance(result, SkippedEntry):
            skipped.append(result)
            continue
        article, urls = result
        path, new = write_article(article, folder)
        ctx.state.mark_seen(list(urls), path.relative_to(folder).as_posix())
        if new:
            written.append(path.relative_to(folder).as_posix())
        else:
            already += 1
    # Keep the validators only when nothing is left for the next run: an entry to retry, or
    # entries past max_entries, would be hidden behind a 304.
    if len(fresh) == len(entries) and not any(s.retry for s in skipped):
        for url, validators in discovery.validators:
            ctx.state.remember_validators(url, validators)
    failed = bool(entries) and not written and len(skipped) >= len(entries)
    return SourceOutcome(spec.url, spec.name, spec.kind, "failed" if failed else "ok",
                         "no entry could be fetched" if failed else None,
                         tuple(sorted(written)), already, tuple(skipped))


def _new_entries(discovery: Discovery, ctx: Context) -> tuple[list[Entry], int]:
    """Entries not fetched before (one per canonical URL), newest first.

    Sorted, because some feeds list oldest first and a run capped by ``max_entries`` should
    take today's news.
    """
    fresh: dict[str, Entry] = {}
    already = 0
    # ISO dates compare as strings; undated entries keep their order after the dated ones.
    dated = sorted(discovery.listing.entries, key=lambda e: e.published or "", reverse=True)
    for entry in dated:
        url = canonical_url(entry.url)
        if ctx.state.seen(url):
            already += 1
        elif url not in fresh:
            fresh[url] = entry
    return list(fresh.values()), already


def _resolve(entry: Entry, spec: SourceSpec, discovery: Discovery, ctx: Context) -> Resolved:
    try:
        return resolve(entry, spec, discovery.listing, ctx)
    except Exception as exc:  # a bug on one entry must not stop the source
        log.debug("Entry %s failed", entry.url, exc_info=True)
        return SkippedEntry(entry.url, f"could not be read ({type(exc).__name__}: {exc})")
