"""Reading the content: every input item once, a file or line read before coming from the cache.

The ingest stage through the cache: whole files keyed by their format and bytes, streamed files
(JSON Lines, large JSON) line by line or item by item, so that a day's new file or appended
lines are the only ones read again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from generator import ingest
from generator.config import Settings
from generator.errors import InputError
from generator.model import Article, Skipped
from generator.parallel import pmap, worker_count
from generator.pipeline.work import Work


def content_paths(settings: Settings, paths: tuple[Path, ...] | None) -> tuple[Path, ...]:
    """The content paths to read (``paths``, else the settings'), resolved.

    Raises:
        InputError: when one of them does not exist.
    """
    inputs = tuple(settings.path(p).resolve() for p in (paths or settings.content))
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise InputError(f"content path not found: {', '.join(missing)}")
    return inputs


def read_items(inputs: tuple[Path, ...], settings: Settings,
               work: Work) -> Iterator[Article | Skipped]:
    """Every input item; a file whose bytes were read before (at any path) comes from the cache.

    Decoding and mojibake repair are most of reading, and a daily drop adds a file or two to
    folders of unchanged ones. The key is the file's format and bytes, not its path, so a moved
    or renamed file is not read again: its cached items get the new path. Streamed files (JSON
    Lines, large JSON) are cached piece by piece instead (``_read_stream``).
    """
    targets = ingest.targets(inputs, root=settings.root.resolve())
    flow = [ingest.streamed(t) for t in targets]
    keys = [None if s else ingest.target_key(t) for t, s in zip(targets, flow, strict=True)]
    found = work.cache.get_many("ingest", [k for k in keys if k is not None])
    found = {k: v for k, v in found.items() if _cached_items(v) is not None}
    todo = [t for t, k, s in zip(targets, keys, flow, strict=True) if not s and k not in found]
    fresh = ingest.read_targets(todo, workers=worker_count(settings.build.workers))
    per_target: list[list[Article | Skipped]] = []
    read: dict[str, tuple[str, list[Article | Skipped]]] = {}
    for target, key, is_stream in zip(targets, work.progress.iter(keys, "Reading"), flow,
                                      strict=True):
        path = ingest.target_path(target)
        if is_stream:
            per_target.append(_read_stream(target, work))
        elif key in found:
            old, items = found[key]
            per_target.append(ingest.relocated(items, old, path))
        else:
            per_target.append(list(next(fresh)))
            if key is not None:
                read[key] = (path, per_target[-1])
    work.cache.put_many("ingest", read)
    work.count("ingest", computed=len(todo), reused=len(targets) - len(todo) - sum(flow))
    return ingest.unique_ids(per_target)


STREAM_BATCH = 5000
"""Lines or items of a streamed file looked up in the cache and parsed together: a few MB of
JSON, enough that a process pool pays off (``parallel.MIN_PARALLEL_ITEMS``) and that the
cache lookups are few, while memory stays bounded by the batch (the articles are kept)."""


def _read_stream(target: ingest.Target, work: Work) -> list[Article | Skipped]:
    """A streamed file's items, each line or item cached by its own bytes.

    Appending a day's lines to a dump parses only those lines; a bad line is parsed again
    each build (its reason names its line number, which the bytes do not fix).
    """
    items: list[Article | Skipped] = []
    batch: list[ingest.Piece | Skipped] = []
    for piece in work.progress.iter(ingest.pieces(target), "Streaming"):
        batch.append(piece)
        if len(batch) >= STREAM_BATCH:
            items += _read_pieces(batch, work)
            batch = []
    return items + _read_pieces(batch, work)


def _read_pieces(batch: list[ingest.Piece | Skipped], work: Work) -> list[Article | Skipped]:
    parts = [p for p in batch if isinstance(p, ingest.Piece)]
    keys = [p.key for p in parts]
    found = {k: v for k, v in work.cache.get_many("ingest", keys).items()
             if isinstance(v, Article)}
    todo = [p for p, k in zip(parts, keys, strict=True) if k not in found]
    fresh = iter(pmap(ingest.read_piece, todo, workers=work.workers))
    items: list[Article | Skipped] = []
    store: dict[str, Article] = {}
    in_order = iter(keys)
    for piece in batch:
        if not isinstance(piece, ingest.Piece):
            items.append(piece)
            continue
        key = next(in_order)
        if key in found:
            items.append(dataclasses.replace(found[key], path=piece.where))
        else:
            items.append(next(fresh))
            if isinstance(items[-1], Article):
                store[key] = items[-1]
    work.cache.put_many("ingest", store)
    work.count("ingest", computed=len(todo), reused=len(parts) - len(todo))
    return items


def _cached_items(value: object) -> tuple[str, list[Article | Skipped]] | None:
    """A cached ``(path read at, items)``; None for an entry of another shape."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) \
            and isinstance(value[1], list):
        return value[0], value[1]
    return None


def partition(items: Iterator[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    """The items read, split into articles and skipped inputs (each in reading order)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in items:
        (articles if isinstance(item, Article) else skipped).append(item)  # type: ignore[arg-type]
    return articles, skipped
