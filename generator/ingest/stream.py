"""Inputs of any size as streams of items: JSON Lines (plain or gzipped), large JSON and feeds.

A JSON Lines file is always streamed, and a JSON file or a feed once it is larger than the
whole-file limit (``decode.MAX_BYTES``, decompressed size for ``.gz``): the file is read in
blocks and cut into pieces, one per line, article-list item (``jsonsplit``) or feed entry
(``feedsplit``), each a ``Piece`` holding its own bytes. Memory is bounded by the largest
item (``MAX_ITEM_BYTES``; a larger one is one Skipped), not by the file. Each piece is
decoded and parsed alone (``read_piece``), so the pipeline keys its cache by the piece's bytes:
a dump that grows by a day's lines re-reads only the new ones, wherever they sit in the file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from generator.ingest import decode, feeds, feedsplit, jsonl, jsonsplit
from generator.ingest.base import Document, Item, one_line
from generator.model import Skipped

MAX_ITEM_BYTES = 16 * 2**20
"""Largest line or item read: a long-form article is 50-100 KB of JSON, a whole book 2 MB; a
larger item is not an article (a base64 blob, a runaway line) and is skipped with a reason."""

SHORT_LINE = 64
"""Lines shorter than this are also checked for Unicode-only white space (a line of
no-break spaces is blank, as ``str.strip`` sees it); longer ones never are blank."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One line or item of a streamed file, not yet decoded or parsed."""

    path: str
    """The file's path (relative to the content root)."""
    item: str
    """Its number in the file: the ``#N`` of the article's path."""
    kind: str
    """``line``, ``item`` or ``entry``: how reasons name it."""
    data: bytes
    suffix: str = ".jsonl"
    frame: tuple[bytes, bytes] = (b"", b"")
    """For a feed entry, the feed's head and closing tags (the channel gives the outlet)."""

    @property
    def key(self) -> str:
        """What the piece gives depends on its bytes alone (not its path or position)."""
        digest = hashlib.sha1(self.frame[0])
        digest.update(b"\0" + self.data)
        return f"{self.kind}\0{digest.hexdigest()}"

    @property
    def where(self) -> str:
        """The piece's path, with its number."""
        return f"{self.path}#{self.item}"


def streamed(file: Path, suffix: str) -> bool:
    """Whether ``file`` (of format ``suffix``) is read as a stream of pieces."""
    if not file.is_file() or suffix in NEVER_STREAMED:
        return False
    if suffix not in jsonl.LINE_SUFFIXES and _size(file) <= decode.MAX_BYTES:
        return False
    try:
        with _open(file) as stream:
            head = stream.read(decode.SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return False  # read whole, which gives the reason
    if not decode.splittable(head):
        return False
    return suffix in jsonl.SUFFIXES or _is_feed(head)


NEVER_STREAMED = (".md", ".markdown", ".html", ".htm", ".xhtml")
"""Formats read whole whatever their size: one article a file, so a file over the limit is
not an article (and a Markdown or HTML page is never a feed)."""


def pieces(file: Path, path: str, suffix: str) -> Iterator[Piece | Skipped]:
    """The pieces of a streamed file, in order; a Skipped for what cannot be read."""
    count = 0
    try:
        with _open(file) as stream:
            for piece in _choose(file, suffix)(stream, path, suffix):
                count += 1
                yield piece
    except (jsonsplit.SplitError, feedsplit.SplitError) as exc:
        yield Skipped(path, one_line(str(exc)))
        return
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Skipped(path, one_line(f"not a valid gzip file ({exc})"))
        return
    except OSError as exc:
        yield Skipped(path, one_line(f"unreadable: {exc.strerror or exc}"))
        return
    if count == 0:
        yield Skipped(path, "empty file" if suffix in jsonl.LINE_SUFFIXES else (
            "no articles in the JSON file" if suffix in jsonl.SUFFIXES else "feed has no entries"))


def read_piece(piece: Piece) -> Item:
    """Decode and parse one piece (top-level, so worker processes can run it)."""
    where = f"{piece.kind} {piece.item}"
    try:
        head, tail = piece.frame
        text, notes = decode.decode(head + piece.data + tail if head else piece.data)
    except decode.DecodeError as exc:
        return Skipped(piece.where, one_line(f"{where}: {exc}"))
    doc = Document(path=piece.path, text=text, suffix=piece.suffix, notes=notes)
    if piece.kind == "entry":
        return feeds.read_one(doc, piece.item)
    return jsonl.read_one(doc, text, piece.item, where)


Cutter = Callable[[BinaryIO, str, str], Iterator[Piece | Skipped]]


def _choose(file: Path, suffix: str) -> Cutter:
    """How to cut the file: by line, by article-list item or by feed entry."""
    if suffix in jsonl.LINE_SUFFIXES:
        return _lines
    if suffix not in jsonl.SUFFIXES:
        return _entries  # streamed() let only feeds through
    return _lines if _first_line_is_object(file) else _array


def _entries(stream: BinaryIO, path: str, suffix: str) -> Iterator[Piece | Skipped]:
    head, entries = feedsplit.split(stream, limit=MAX_ITEM_BYTES)
    frame = (head, feedsplit.frame(head))
    for entry in entries:
        if entry.data is None:
            yield Skipped(f"{path}#{entry.index}", f"entry {entry.index}: too large "
                          f"(over {MAX_ITEM_BYTES // 2**20} MB)")
        else:
            yield Piece(path, str(entry.index), "entry", entry.data, suffix, frame)


def _is_feed(head: bytes) -> bool:
    return feeds.looks_like_feed(head.decode("utf-8", "replace"))


def _lines(stream: BinaryIO, path: str, suffix: str) -> Iterator[Piece | Skipped]:
    number = 0
    while line := stream.readline(MAX_ITEM_BYTES + 1):
        number += 1
        if len(line) > MAX_ITEM_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_ITEM_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of the oversized line, read in bounded parts and dropped
            yield Skipped(f"{path}#{number}", f"line {number}: too large "
                          f"(over {MAX_ITEM_BYTES // 2**20} MB)")
        elif not _blank(line):
            # Without its line break, as str.splitlines gave it: an unterminated string is
            # reported as that, not as a control character.
            yield Piece(path, str(number), "line", line.rstrip(b"\r\n"), suffix)


def _array(stream: BinaryIO, path: str, suffix: str) -> Iterator[Piece | Skipped]:
    for part in jsonsplit.split(stream, keys=jsonl.LIST_KEYS, limit=MAX_ITEM_BYTES):
        if part.data is None:
            yield Skipped(f"{path}#{part.index}", f"item {part.index}: too large "
                          f"(over {MAX_ITEM_BYTES // 2**20} MB)")
        else:
            yield Piece(path, str(part.index), "item", part.data, suffix)


def _blank(line: bytes) -> bool:
    if not line.strip():
        return True
    return len(line) < SHORT_LINE and not line.decode("utf-8", "replace").strip()


def _first_line_is_object(file: Path) -> bool:
    # A large .json that is really JSON Lines starts with a complete object on its first
    # line; an array or a pretty-printed dump does not (as jsonl.read decides for small files).
    with _open(file) as stream:
        first = stream.readline(MAX_ITEM_BYTES)
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _open(file: Path) -> AbstractContextManager[BinaryIO]:
    if file.suffix.lower() == ".gz":
        return cast(AbstractContextManager[BinaryIO], gzip.open(file, "rb"))
    return file.open("rb")


def _size(file: Path) -> int:
    """The file's size; for gzip the larger of its own and the trailer's (decompressed mod 4 GB)."""
    size = file.stat().st_size
    if file.suffix.lower() != ".gz" or size < 4:
        return size
    with file.open("rb") as stream:
        stream.seek(-4, 2)
        return max(size, int.from_bytes(stream.read(4), "little"))
