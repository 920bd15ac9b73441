"""Cut an RSS, RDF or Atom feed of any size into its head and the bytes of each entry.

The head is everything before the first ``<item>`` or ``<entry>`` (the XML declaration, the
root element with its namespaces, the channel's title); each entry is cut from its start tag to
its end tag, passing over CDATA sections and comments (where an end tag may be written as
text). ``frame`` gives the closing tags that make head + entry + closing a feed of one entry,
which feedparser reads as it would have read that entry in the whole feed. Only the entry being
cut is held: memory is bounded by the largest entry, and an entry over ``limit`` bytes is
passed over and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

BLOCK_BYTES = 1 << 20
"""Read size, as in ``jsonsplit``."""

_START = re.compile(rb"<(item|entry)[\s>/]")
_START_OR_SKIP = re.compile(rb"<!\[CDATA\[|<!--|<(item|entry)[\s>/]")
_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
# What an entry's end is searched past: text that may hold "</item>" without ending anything.
_SKIP = {b"<![CDATA[": b"]]>", b"<!--": b"-->"}
_END_OR_SKIP = {name: re.compile(rb"<!\[CDATA\[|<!--|</" + name + rb"\s*>")
                for name in (b"item", b"entry")}


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the feed: its bytes, or None when it was over the limit."""

    index: int
    data: bytes | None


class SplitError(Exception):
    """The file is not a feed with entries, or breaks off; carries a one-line reason."""


def frame(head: bytes) -> bytes:
    """The closing tags that end a feed whose text so far is ``head`` (one entry added)."""
    root = _ROOT.search(head)
    if root is None:
        raise SplitError("XML file that is not an RSS or Atom feed")
    name = root.group(1)
    channel = b"</channel>" if name == b"rss" and b"<channel" in head else b""
    return channel + b"</" + name + b">"


def split(stream: BinaryIO, *, limit: int) -> tuple[bytes, Iterator[Entry]]:
    """The feed's head and an iterator over its entries, in order.

    Raises:
        SplitError: when no entry starts within ``limit`` bytes (from this call), or an entry
            breaks off (from the iterator, after the entries before it).
    """
    cutter = _Cutter(stream, limit)
    return cutter.head(), cutter.entries()


class _Cutter:
    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.buf = bytearray()
        self.pos = 0

    def head(self) -> bytes:
        while (found := _START.search(self.buf)) is None:
            if len(self.buf) > self.limit or self._more(0) is None:
                raise SplitError("feed has no entries")
        self.pos = found.start()
        return bytes(self.buf[:self.pos])

    def entries(self) -> Iterator[Entry]:
        index = 0
        while (start := self._next_start()) is not None:
            index += 1
            yield Entry(index, self._entry(start, index))

    def _next_start(self) -> re.Match[bytes] | None:
        """The next entry's start tag, passing over comments (a commented-out entry)."""
        while True:
            found = _START_OR_SKIP.search(self.buf, self.pos)
            if found is not None and found.group(1) is not None:
                return found
            if found is not None:
                close = self.buf.find(_SKIP[found.group()], found.end())
                if close >= 0:
                    self.pos = close + len(_SKIP[found.group()])
                    continue
                keep = found.start()
            else:
                # Keep a few bytes: a start tag may straddle the block boundary.
                keep = max(self.pos, len(self.buf) - 16)
            if self._more(keep) is None:
                return None
            self.pos = 0

    def _entry(self, start: re.Match[bytes], index: int) -> bytes | None:
        name, begin, i, kept = start.group(1), start.start(), start.end(), True
        pattern = _END_OR_SKIP[name]
        while True:
            found = pattern.search(self.buf, i)
            if found is not None and found.group() in _SKIP:
                close = self.buf.find(_SKIP[found.group()], found.end())
                if close >= 0:
                    i = close + len(_SKIP[found.group()])
                    continue
            elif found is not None:
                self.pos = found.end()
                size_ok = self.pos - begin <= self.limit
                return bytes(self.buf[begin:self.pos]) if kept and size_ok else None
            # Need more: rescan from a little before the end (a tag may straddle blocks), or
            # from the skipped section's start when its close is not read yet.
            i = found.start() if found is not None else max(i, len(self.buf) - 16)
            if i - begin > self.limit:
                del self.buf[begin:i]
                i, kept = begin, False
            shift = self._more(begin)
            if shift is None:
                raise SplitError(f"the feed breaks off inside entry {index}")
            i, begin = i - shift, begin - shift

    def _more(self, keep: int) -> int | None:
        """Drop the bytes before ``keep``, append a block; how far offsets moved, None at EOF."""
        block = self.stream.read(BLOCK_BYTES)
        if not block:
            return None
        del self.buf[:keep]
        self.buf += block
        self.pos = max(0, self.pos - keep)
        return keep
