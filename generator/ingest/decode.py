"""Bytes to text: gzip, binary sniffing, encoding detection and mojibake repair.

Every failure is a one-line reason (the caller turns it into a Skipped), never an exception.
"""

from __future__ import annotations

import codecs
import gzip
import io
import logging
import re
import unicodedata
import zlib

import charset_normalizer
import ftfy
from ftfy import badness

log = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024 * 1024
"""Largest input (after decompression) read whole: 64 MB is far above any article page or
feed seen in practice and stops a gzip bomb from exhausting memory. JSON Lines and larger JSON
arrays are read as streams instead (``ingest.stream``), with a limit per item."""

SNIFF_BYTES = 8192
"""How much of the file the binary check looks at (like git's and file(1)'s heuristics)."""

MAX_CONTROL_SHARE = 0.05
"""Share of control characters (not tab/newline/CR) above which decoded text is treated as
binary noise: legitimate text has essentially none, random bytes about 12%."""

CHAOS_TIE = 0.01
"""charset-normalizer "chaos" scores this close are a tie (scores are multiples of ~0.01 on
short texts; a wrong code page typically scores 0.05 or more worse)."""

# Magic numbers of formats users drop into content/ by mistake, for a reason that says what it is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"\x7fELF", "executable"),
    (b"{\\rtf", "RTF document"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# ftfy's defaults would also straighten curly quotes and widen characters; we keep both as
# written because quote extraction relies on the curly marks.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                             unescape_html=False, explain=False)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_C1_OR_SURROGATE = re.compile(r"[\x80-\x9f\ud800-\udfff]")
# UTF-8 read as latin-1/cp1252 turns every non-ASCII character into a lead character from
# this set followed by a continuation-byte character: a cheap scan before ftfy's slower one.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00c5\u00ce\u00cf\u00d0\u00d1\u00d7-\u00d9\u00e2\u00e3\u00ef]"
    "[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]")


class DecodeError(Exception):
    """Raised inside this module only; carries the one-line reason."""


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, refusing more than MAX_BYTES.

    Raises:
        DecodeError: when the data is not valid gzip or too large.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DecodeError(f"not a valid gzip file ({exc})") from exc
    if len(out) > MAX_BYTES:
        raise DecodeError(f"too large after decompression (over {MAX_BYTES // 2**20} MB)")
    return out


def splittable(head: bytes) -> bool:
    """Whether text starting with ``head`` can be cut at its newline bytes before decoding.

    True for UTF-8 and the single-byte encodings; false for UTF-16/32 (a newline is two or
    four bytes there) and for binary formats, which are read whole for their one-line reason.
    """
    if any(head.startswith(bom) for bom, _ in _BOMS if bom != codecs.BOM_UTF8):
        return False
    return b"\x00" not in head and not any(head.startswith(magic) for magic, _ in _MAGIC)


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode ``data`` to text and repair mojibake; returns (text, notes).

    Raises:
        DecodeError: for binary data or an encoding that cannot be recognised.
    """
    text, encoding = _to_str(data)
    notes: list[str] = []
    if encoding not in {"utf-8", "utf-8-sig", "ascii", "utf-16", "utf-32"}:
        notes.append(f"decoded as {encoding}")
    fixed = ftfy.fix_text(text, _FTFY) if _needs_fixing(text) else text
    if fixed != text:
        notes.append("repaired garbled characters (mojibake)")
    if not fixed.isascii() and not unicodedata.is_normalized("NFC", fixed):
        fixed = unicodedata.normalize("NFC", fixed)  # decomposed accents (macOS files)
    if _control_share(fixed) > MAX_CONTROL_SHARE:
        raise DecodeError("binary file (control characters), not text")
    return fixed, tuple(notes)


def _to_str(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} text after its byte-order mark") from exc
    head = data[:SNIFF_BYTES]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            raise DecodeError(f"binary file ({name}), not text")
    if b"\x00" in head:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _detect(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    # UTF-16 text of Latin script has a NUL in every other byte; anything else with NULs is binary.
    head = data[:SNIFF_BYTES]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if half and max(even, odd) > 0.4 * half and min(even, odd) < 0.05 * half:
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(encoding), "utf-16"
        except UnicodeDecodeError:
            pass
    raise DecodeError("binary file (contains NUL bytes), not text")


def _detect(data: bytes) -> tuple[str, str]:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("cannot decode: text encoding not recognised")
    encoding = best.encoding
    # On short texts several code pages decode equally cleanly; then the one legacy news text
    # is almost always in wins (charset-normalizer picked cp1250 for "São Paulo" in tests).
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos + CHAOS_TIE for m in matches):
        encoding = "cp1252"
    # cp1252 is a superset of latin-1 for printable text and what "latin-1" files usually are.
    if encoding in {"latin_1", "iso8859_1", "iso8859_15"}:
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return str(best), best.encoding


def _needs_fixing(text: str) -> bool:
    # ftfy.fix_text was 70% of reading time on news text (curly quotes make almost every
    # article non-ASCII); its own mojibake detector is one regex search, so ask it first.
    # C1 controls and surrogates are the other things fix_text repairs.
    if text.isascii():
        return False
    if _C1_OR_SURROGATE.search(text) is not None:
        return True
    return _MOJIBAKE_HINT.search(text) is not None and badness.is_bad(text)


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)

