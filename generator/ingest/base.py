"""What every reader shares: the decoded input, article construction, ids, dates, HTML text."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import re
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dateutil import parser as dateparser

from generator.model import Article, PartialDate, Skipped

Item = Article | Skipped

ID_HEX_CHARS = 16
"""Hex digits of sha1 kept for a text-derived id: 64 bits, collision-free for any real corpus."""

MAX_META_VALUE = 500
"""Longest value kept for an uninterpreted input key; longer values are cut (they are kept only
so the user can see them, and a huge nested object should not bloat the cache)."""

_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr|p|div|li|h[1-6])\b[^>]*>",
                        re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, decoded: what a reader receives."""

    path: str
    """Relative to the content root (or absolute when outside it)."""
    text: str
    suffix: str = ""
    """The format suffix, lower case, ``.gz`` removed (``.jsonl`` for ``news.jsonl.gz``)."""
    notes: tuple[str, ...] = ()
    """Remarks made while decoding (legacy encoding, repaired mojibake), copied to articles."""


def article_id(text: str) -> str:
    """The id of an input without its own: sha1 of the whitespace-normalised text."""
    normalised = " ".join(text.split())  # same as re.sub(r"\s+", " "), 3x faster
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def make_article(doc: Document, text: str, *, item: str | None = None, own_id: Any = None,
                 title: Any = None, published: Any = None, outlet: Any = None, url: Any = None,
                 author: Any = None, language: Any = None,
                 meta: Mapping[str, Any] | None = None,
                 notes: tuple[str, ...] = ()) -> Article:
    """Build an Article from a reader's raw field values, recording where each was found.

    Args:
        doc: the decoded input file.
        text: the article body.
        item: the ``#N`` part of the path for multi-item inputs (line or item number).
        own_id: the input's own id, used when present.
        title: the remaining arguments are raw values; empty ones are treated as missing.
        published: a date, datetime, ISO string or common textual date.
        outlet: site or publication name.
        url: canonical address.
        author: one name or a list of names.
        language: language code.
        meta: keys of the input not interpreted, kept as strings.
        notes: remarks about this item, added to the document's notes.
    """
    fields = {"title": _clean_str(title), "published": parse_date(published),
              "outlet": _clean_str(outlet), "url": _clean_str(url),
              "author": _clean_author(author), "language": _clean_str(language)}
    provenance = tuple((name, "metadata") for name, value in fields.items() if value is not None)
    ident = _clean_str(own_id)
    return Article(
        id=ident or article_id(text),
        path=f"{doc.path}#{item}" if item else doc.path,
        text=text,
        provenance=provenance,
        meta=tuple((str(k), _meta_value(v)) for k, v in (meta or {}).items() if v is not None),
        notes=doc.notes + notes,
        **fields,  # type: ignore[arg-type]
    )


def skip(doc: Document, reason: str, item: str | None = None) -> Skipped:
    """A Skipped for ``doc`` (or one of its items), reason squeezed onto one line."""
    return Skipped(f"{doc.path}#{item}" if item else doc.path, one_line(reason))


def one_line(text: str, limit: int = 200) -> str:
    """Collapse whitespace and cut to ``limit`` characters (reasons must be one line)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _clean_str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | tuple | bool):
        return None
    text = " ".join(str(value).split())
    return text or None


def _clean_author(value: Any) -> str | None:
    if isinstance(value, list | tuple):
        names = [_clean_str(v.get("name") if isinstance(v, dict) else v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return _clean_str(value.get("name"))
    return _clean_str(value)


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = MAX_META_VALUE


def _meta_value(value: Any) -> str:
    # reprlib bounds nesting and length: a YAML alias bomb would make plain repr() explode.
    text = value if isinstance(value, str) else _REPR.repr(value)
    return text[:MAX_META_VALUE]


def parse_date(value: Any) -> PartialDate | None:
    """Read a publication date from a metadata value, at the precision it states.

    Accepts ``date``/``datetime`` objects, ISO strings (``2025``, ``2025-11``, timestamps),
    RFC 2822 (feeds, e-mail) and common textual dates (``Nov 14, 2025``). None when unreadable.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return PartialDate.from_date(value)
    text = _clean_str(value)
    if not text or len(text) > 80:
        return None
    iso = PartialDate.parse(text)
    if iso is not None:
        return iso
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        return PartialDate.from_date(parsed)
    except (TypeError, ValueError, IndexError):
        pass
    return _textual_date(text)


_DEFAULT_A = dt.datetime(2000, 1, 1)
_DEFAULT_B = dt.datetime(2001, 2, 2)


def _textual_date(text: str) -> PartialDate | None:
    # Parsing twice with different defaults shows which parts the text itself gave.
    try:
        first = dateparser.parse(text, default=_DEFAULT_A)
        second = dateparser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError, dateparser.ParserError):
        return None
    if first.year != second.year:
        return None
    month = first.month if first.month == second.month else None
    day = first.day if month is not None and first.day == second.day else None
    try:
        return PartialDate(first.year, month, day)
    except ValueError:
        return None


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry): block tags become line breaks."""
    text = _SCRIPT.sub(" ", fragment)
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()

