"""Cut a JSON document of any size into the raw bytes of its article list's items.

The list is the document itself when it is an array, else the first value under one of
``jsonl.LIST_KEYS`` (``articles``, ``results``, ...; also inside ``response``, as the
Guardian's API nests it). The document is read in blocks; only the item being cut is held, so
memory is bounded by the largest item, and an item over ``limit`` bytes is passed over (its
bytes dropped as they are read) and reported. Items are not parsed here: each comes out as its
own bytes, which is what the cache keys and what a worker parses (``json.loads`` in C is far
faster than any parser written in Python; ARCHITECTURE.md, "Large inputs").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

BLOCK_BYTES = 1 << 20
"""Read size: large enough that the regular expressions below run over long stretches in C,
small next to the per-item limit."""

# The structural characters a value's extent depends on; everything else is skipped in C.
_STRUCT = re.compile(rb'["{}\[\]]')
# The rest of a string after its opening quote, up to (not including) the closing quote or
# the end of the buffer; stops before a final lone backslash whose escaped byte is not read yet.
_STRING_PART = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)
_SCALAR = re.compile(rb'[^,\]}\s]*')
_SPACE = re.compile(rb"[ \t\r\n]*")


@dataclass(frozen=True, slots=True)
class Part:
    """One item of the list: its bytes, or None when it was over the limit."""

    index: int
    data: bytes | None


class SplitError(Exception):
    """The document is not a list of items (or breaks off); carries a one-line reason."""


def split(stream: BinaryIO, *, keys: tuple[str, ...], limit: int) -> Iterator[Part]:
    """Yield each item of the document's article list, in order.

    Args:
        stream: the document, opened in binary mode (a gzip stream works too).
        keys: object keys whose array value is the article list.
        limit: largest item kept, in bytes.

    Raises:
        SplitError: when no list is found, or the JSON breaks off or is malformed; the items
            before the fault have been yielded.
    """
    return _Splitter(stream, keys, limit).items()


class _Splitter:
    def __init__(self, stream: BinaryIO, keys: tuple[str, ...], limit: int) -> None:
        self.stream = stream
        self.keys = keys
        self.limit = limit
        self.buf = bytearray()
        self.pos = 0
        self.dropped = 0
        """Bytes of the document dropped from the front of ``buf`` (for error offsets)."""

    def items(self) -> Iterator[Part]:
        opening = self._peek()
        if opening == b"{":
            self.pos += 1
            self._find_list(depth=0)
        elif opening == b"[":
            self.pos += 1
        else:
            raise SplitError("not a JSON array or object")
        yield from self._list()

    def _find_list(self, depth: int) -> None:
        """Move past the key of the article list inside the object just opened."""
        while True:
            char = self._peek()
            if char == b"}":
                raise SplitError("no list of articles (expected an array, or one under "
                                 + ", ".join(self.keys) + ")")
            key = self._key()
            value = self._peek()
            if key in self.keys and value == b"[":
                self.pos += 1
                return
            if key == "response" and value == b"{" and depth == 0:
                self.pos += 1
                self._find_list(depth=1)
                return
            self._value(keep=False)
            if self._peek() == b",":
                self.pos += 1

    def _key(self) -> str:
        if self._peek() != b'"':
            raise SplitError(f"not valid JSON (expected a key at byte {self._offset()})")
        raw = self._value(keep=True)
        if self._peek() != b":":
            raise SplitError(f"not valid JSON (expected ':' at byte {self._offset()})")
        self.pos += 1
        try:
            key = json.loads(raw) if raw is not None else None
        except ValueError:
            key = None
        return key if isinstance(key, str) else ""

    def _list(self) -> Iterator[Part]:
        index = 0
        while True:
            char = self._peek()
            if char == b"]":
                return
            index += 1
            yield Part(index, self._value(keep=True))
            char = self._peek()
            if char == b",":
                self.pos += 1
            elif char != b"]":
                raise SplitError(f"not valid JSON (expected ',' or ']' after item {index})")

    def _value(self, *, keep: bool) -> bytes | None:
        """The bytes of the value at ``pos`` (None when over the limit or not kept)."""
        start, depth, kept = self.pos, 0, keep
        first = bytes(self.buf[start:start + 1])
        if first not in (b"{", b"[", b'"'):
            return self._scalar()
        in_string, i = first == b'"', start + 1
        depth = 0 if in_string else 1
        while True:
            i, in_string, depth = self._scan(i, in_string, depth)
            if depth == 0 and not in_string:
                self.pos = i
                return bytes(self.buf[start:i]) if kept and i - start <= self.limit else None
            if i - start > self.limit or not keep:
                del self.buf[start:i]  # over the limit, or not wanted: keep only the state
                i, kept = start, False
            shift = self._more(start) or 0
            i, start = i - shift, start - shift

    def _scan(self, i: int, in_string: bool, depth: int) -> tuple[int, bool, int]:
        """Advance over the buffer from ``i``; stop at the value's end or the buffer's."""
        buf, end = self.buf, len(self.buf)
        while i < end:
            if in_string:
                j = _end(_STRING_PART, buf, i)
                if j < end and buf[j] == 0x22:
                    in_string, i = False, j + 1
                    if depth == 0:
                        return i, False, 0
                    continue
                return j, True, depth
            found = _STRUCT.search(buf, i)
            if found is None:
                return end, False, depth
            i = found.end()
            char = buf[found.start()]
            if char == 0x22:
                in_string = True
            elif char in (0x7B, 0x5B):
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return i, False, 0
        return i, in_string, depth

    def _scalar(self) -> bytes:
        while True:
            end = _end(_SCALAR, self.buf, self.pos)
            if end < len(self.buf) or self._more(self.pos, eof_ok=True) is None:
                break
        raw, self.pos = bytes(self.buf[self.pos:end]), end
        if not raw or len(raw) > self.limit:
            raise SplitError(f"not valid JSON (unexpected byte at {self._offset()})")
        return raw

    def _peek(self) -> bytes:
        """The next byte that is not white space (refilling as needed); b"" at the end."""
        while True:
            self.pos = _end(_SPACE, self.buf, self.pos)
            if self.pos < len(self.buf):
                return bytes(self.buf[self.pos:self.pos + 1])
            self._more(self.pos)

    def _more(self, keep: int, *, eof_ok: bool = False) -> int | None:
        """Drop the bytes before ``keep``, append a block; how far offsets moved.

        At the end of the document: None when ``eof_ok``, else the JSON broke off.
        """
        block = self.stream.read(BLOCK_BYTES)
        if not block:
            if eof_ok:
                return None
            raise SplitError("the JSON breaks off (truncated file)")
        del self.buf[:keep]
        self.buf += block
        self.pos -= keep
        self.dropped += keep
        return keep

    def _offset(self) -> int:
        return self.dropped + self.pos


def _end(pattern: re.Pattern[bytes], buf: bytearray, pos: int) -> int:
    """Where ``pattern`` (one that always matches, maybe empty) stops matching from ``pos``."""
    found = pattern.match(buf, pos)
    return found.end() if found is not None else pos
