"""Ingest: read every supported input format into Articles, one reader module per format.

Takes file and folder paths; gives one ``Article`` or one ``Skipped`` (with a one-line reason)
per input item (``read_corpus`` below). Imports only ``model``, ``errors``, ``config`` and the
primitives; never a later stage.

``READERS`` maps a file suffix to a reader; a reader takes a decoded ``Document`` and yields
``Article``s and ``Skipped``s. Adding a format is one new module plus one entry in ``_MODULES``.
Feeds are also recognised by content, whatever their suffix; ``.gz`` wraps any format. JSON
Lines, and JSON past the whole-file limit, are read as streams of pieces instead (``stream``),
whatever their size.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

from generator.ingest import decode, feeds, html, jsonl, markdown, stream, text
from generator.ingest.base import Document, Item, one_line
from generator.ingest.stream import Piece, read_piece
from generator.model import Article, Skipped

__all__ = ["READERS", "Piece", "Target", "read_corpus", "read_piece", "read_target",
           "read_targets", "relocated", "streamed", "target_key", "target_path", "targets",
           "unique_ids"]

log = logging.getLogger(__name__)

Reader = Callable[[Document], Iterator[Item]]

_MODULES: tuple[ModuleType, ...] = (text, html, markdown, jsonl, feeds)
READERS: dict[str, Reader] = {suffix: module.read for module in _MODULES
                              for suffix in module.SUFFIXES}
"""File suffix (lower case, with the dot) -> reader."""


def read_corpus(paths: Sequence[Path], *, root: Path | None = None,
                workers: int = 1) -> Iterator[Article | Skipped]:
    """Yield one Article or Skipped per input item under ``paths``; never raises on bad input.

    Args:
        paths: files or folders; folders are read recursively in sorted order, skipping hidden
            files and folders.
        root: article paths are made relative to it when inside it.
        workers: processes reading files in parallel (HTML extraction is the costly part);
            1 reads in this process. Output order and ids are the same either way.

    Yields:
        Articles with ids unique within this read (a suffix is added on collision), and a
        Skipped with a one-line reason for every file, line or entry that gave no article.
    """
    return unique_ids(read_targets(targets(paths, root=root), workers=workers))


def targets(paths: Sequence[Path], *, root: Path | None = None) -> list[Target]:
    """Every file to read under ``paths`` (and every folder that could not be listed)."""
    return [(file, root) for file in _files(paths)]


def target_key(target: Target) -> str | None:
    """A key of what the file gives: its format and a hash of its bytes, never its path.

    Readers see the bytes and the format suffix only (the path is just written into each
    item), so moving or renaming a file keeps its key; ``relocated`` puts the new path into
    the cached items. None for what is not worth keeping: an unlistable folder, an unreadable
    or oversized file (reading those again is instant, and they may be fixed by the next build).
    """
    file, _ = target
    if isinstance(file, OSError):
        return None
    try:
        if not file.is_file() or file.stat().st_size > decode.MAX_BYTES:
            return None
        with file.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha1").hexdigest()
    except OSError:
        return None
    return f"{_format_suffix(file)}\0{digest}"


def target_path(target: Target) -> str:
    """The path written into the target's items (relative to the root when inside it)."""
    file, root = target
    if isinstance(file, OSError):
        return _relative(Path(file.filename) if file.filename else Path("?"), root)
    return _relative(file, root)


def relocated(items: Sequence[Item], old: str, new: str) -> list[Item]:
    """Items read from a file at path ``old``, as read from the same bytes at path ``new``."""
    if old == new:
        return list(items)
    return [dataclasses.replace(item, path=new + item.path[len(old):])
            if item.path == old or item.path.startswith(old + "#") else item
            for item in items]


def streamed(target: Target) -> bool:
    """Whether the target is read as a stream of pieces (``pieces``) rather than whole."""
    file, _ = target
    return not isinstance(file, OSError) and stream.streamed(file, _format_suffix(file))


def pieces(target: Target) -> Iterator[Piece | Skipped]:
    """The lines or items of a streamed target, undecoded (``read_piece`` reads one)."""
    file, _ = target
    assert not isinstance(file, OSError), "only files are streamed"
    return stream.pieces(file, target_path(target), _format_suffix(file))


def read_stream(target: Target) -> Iterator[Item]:
    """What a streamed target gives, item by item, in bounded memory."""
    for piece in pieces(target):
        yield read_piece(piece) if isinstance(piece, Piece) else piece


def read_targets(listed: Sequence[Target], *, workers: int = 1) -> Iterator[Iterable[Item]]:
    """What each target gives, in order (ids not yet made unique: see ``unique_ids``).

    Files read whole go to the process pool; streamed ones are read here, lazily, so a
    large dump is never held whole.
    """
    flow = [streamed(t) for t in listed]
    whole = _read_whole([t for t, s in zip(listed, flow, strict=True) if not s], workers)
    for target, is_stream in zip(listed, flow, strict=True):
        yield read_stream(target) if is_stream else next(whole)


def _read_whole(listed: Sequence[Target], workers: int) -> Iterator[list[Item]]:
    if workers <= 1 or len(listed) < MIN_FILES_FOR_POOL:
        yield from map(read_target, listed)
        return
    chunk = max(1, min(FILES_PER_TASK, -(-len(listed) // (workers * 4))))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(read_target, listed, chunksize=chunk)


def unique_ids(per_target: Iterable[Iterable[Item]]) -> Iterator[Item]:
    """Flatten, giving each article an id unique within the read (a suffix on collision)."""
    seen: dict[str, int] = {}
    for items in per_target:
        for item in items:
            yield _unique(item, seen) if isinstance(item, Article) else item


Target = tuple[Path | OSError, Path | None]
"""A file to read (or a folder that could not be listed) and the root paths are relative to."""

MIN_FILES_FOR_POOL = 8
"""Fewer files are read in-process: starting workers (about 0.1 s) costs more than reading a
handful of files, unless they are large JSON Lines dumps, which come in few files only when
they are small enough not to matter much."""

FILES_PER_TASK = 16
"""Most files sent to a worker at a time: amortises pickling while keeping both cores busy to the
end on corpora of a few hundred files (fewer files go out in smaller chunks, so that ten large
dumps still use every worker)."""


def read_target(target: Target) -> list[Item]:
    """Everything one file (or one unreadable folder) gives; top-level so workers can run it."""
    file, root = target
    if streamed(target):
        return list(read_stream(target))
    if isinstance(file, OSError):
        where = Path(file.filename) if file.filename else Path("?")
        return [Skipped(_relative(where, root), one_line(
            f"unreadable folder: {file.strerror or file}"))]
    return list(_read_file(file, _relative(file, root)))


def _files(paths: Sequence[Path]) -> Iterator[Path | OSError]:
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        errors: list[OSError] = []
        for folder, dirs, names in os.walk(path, onerror=errors.append):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(folder) / n for n in names if not n.startswith("."))
        yield from errors
        yield from sorted(found)


def _relative(file: Path, root: Path | None) -> str:
    if root is not None and file.is_relative_to(root):
        return file.relative_to(root).as_posix()
    return file.as_posix()


def _read_file(file: Path, rel: str) -> Iterator[Item]:
    suffix = _format_suffix(file)
    try:
        data = _load(file)
        body, notes = decode.decode(data)
    except decode.DecodeError as exc:
        yield Skipped(rel, one_line(str(exc)))
        return
    except OSError as exc:
        yield Skipped(rel, one_line(f"unreadable: {exc.strerror or exc}"))
        return
    doc = Document(path=rel, text=body, suffix=suffix, notes=notes)
    reader = feeds.read if feeds.looks_like_feed(body) and suffix not in _NOT_FEEDS else (
        READERS.get(suffix))
    if reader is None:
        yield Skipped(rel, f"unknown format '{suffix or file.name}'")
        return
    yield from _guarded(reader, doc)


# A JSON or Markdown file never starts with a feed's root element; these keep their reader.
_NOT_FEEDS = frozenset((*jsonl.SUFFIXES, *markdown.SUFFIXES))


def _format_suffix(file: Path) -> str:
    suffixes = [s.lower() for s in file.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _load(file: Path) -> bytes:
    status = file.stat()
    if not stat.S_ISREG(status.st_mode):
        raise decode.DecodeError("not a regular file")
    size = status.st_size
    if size > decode.MAX_BYTES:
        limit = decode.MAX_BYTES // 2**20
        raise decode.DecodeError(f"too large ({size // 2**20} MB; the limit is {limit} MB)")
    data = file.read_bytes()
    if file.suffix.lower() == ".gz":
        data = decode.gunzip(data)
    if not data.strip():
        raise decode.DecodeError("empty file")
    return data


def _guarded(reader: Reader, doc: Document) -> Iterator[Item]:
    # Readers are written not to raise; this is the last line that keeps one bad file from
    # stopping a morning build.
    try:
        yield from reader(doc)
    except Exception as exc:  # any reader bug must become a Skipped, not stop the build
        log.warning("Reader failed on %s: %s", doc.path, exc, exc_info=True)
        yield Skipped(doc.path, one_line(f"could not be read ({type(exc).__name__}: {exc})"))


def _unique(article: Article, seen: dict[str, int]) -> Article:
    count = seen.get(article.id, 0)
    seen[article.id] = count + 1
    if count == 0:
        return article
    new_id = f"{article.id}-{count + 1}"
    while new_id in seen:
        count += 1
        new_id = f"{article.id}-{count + 1}"
    seen[new_id] = 1
    return dataclasses.replace(article, id=new_id)
