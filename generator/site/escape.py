"""Every escape that article text needs on its way into a page, in one place.

Text scraped from the web reaches four contexts, each with its own escape:

* ``text``: Markdown *and* HTML (body text, attribute values). Every character that any Markdown
  extension or HTML could read as syntax becomes a numeric character reference, so the result is
  inert whether Python-Markdown parses it or it sits in a raw HTML block or an attribute.
* ``plain``: strings that MkDocs and Material insert into their templates *without escaping*
  (page titles, tag names, descriptions in front matter). HTML-special characters are swapped for
  look-alike letters, so the string is harmless escaped, unescaped (``|striptags`` unescapes) or
  raw.
* ``url``: only absolute ``http(s)`` URLs survive, percent-encoded so that they cannot close an
  attribute or form Markdown.
* ``front_matter``: YAML written by ``yaml.safe_dump`` from ``plain`` strings, one value a line,
  so nothing can end the front matter block early.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Mapping
from typing import Any

import yaml
from markupsafe import Markup

MAX_PLAIN = 300
"""Longest front-matter string kept (characters). Headlines run to ~150; this bounds abuse."""

MAX_URL = 2000
"""Longest URL kept: the de-facto browser and sitemap limit."""

# Characters that Python-Markdown, its common extensions (attr_list, abbr, footnotes, tables,
# admonition, pymdownx.*: snippets --8<--, emoji :x:, mark ==, caret ^^, tilde ~~, keys ++,
# arithmatex $, critic {++}) or Jinja ({{ }}, {% %}, {# #}) can read as syntax, plus HTML's own.
_SYNTAX = "\\`*_{}[]()<>#+-!|~=^:$&\"'%@"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SYNTAX}

# Look-alikes for strings that reach templates unescaped (see module docstring).
_LOOKALIKE = str.maketrans({
    "<": "\u2039", ">": "\u203a", "&": "\uff06", '"': "\u201d", "'": "\u2019",
    "`": "\u2018", "{": "\u2774", "}": "\u2775", "\\": "\u29f5",
})

# C0/C1 controls (Python-Markdown uses \x02 and \x03 as its HTML-stash markers), and bidi
# overrides that could make a headline display as something else.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
# An ordinal's suffix ("1st", "22nd"), which pymdownx.smartsymbols would raise to <sup>: its
# first letter becomes an entity, so no extension sees "1st" (the reader still does).
_ORDINAL = re.compile(r"(?<=\d)([snrt])(?=(?:t|d|h)\b)")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's safe dumper when installed: about 10x faster, same output."""
_URL_SAFE = "/?#&=;,+%:@.-_~"
"""Characters left as they are in a URL; anything else is percent-encoded."""


def clean(value: str) -> str:
    """Drop invisible and control characters and fold every whitespace run to one space."""
    value = unicodedata.normalize("NFC", value)
    # Fold first: some controls (\x85, \x1c-\x1f) are whitespace and should separate words.
    return _SPACE.sub(" ", _INVISIBLE.sub("", _SPACE.sub(" ", value))).strip()


def text(value: str | None) -> Markup:
    """Article text made inert for Markdown, HTML and attribute contexts, on one line.

    >>> str(text("**Hi** <b>"))
    '&#42;&#42;Hi&#42;&#42; &#60;b&#62;'
    """
    escaped = clean(value or "").translate(_ENTITIES)
    escaped = _ORDINAL.sub(lambda m: f"&#{ord(m.group(1))};", escaped)
    if escaped[:1].isdigit():  # "1. x" at the start of a line would open an ordered list
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return Markup(escaped)


def plain(value: str | None, *, limit: int = MAX_PLAIN) -> str:
    """A one-line string that stays harmless in templates that do not escape it.

    Used for front matter (titles, tags). Markdown is never parsed there, so only HTML and
    template syntax matter.
    """
    value = clean(value or "").translate(_LOOKALIKE)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"


def url(value: str | None) -> Markup | None:
    """An absolute http(s) URL, percent-encoded and attribute-safe; None for anything else.

    Rejects ``javascript:``, ``data:``, relative and protocol-relative URLs, URLs with
    credentials, and URLs with whitespace or control characters inside.
    """
    if not value:
        return None
    raw = value.strip()
    if len(raw) > MAX_URL or _INVISIBLE.search(raw) or _SPACE.search(raw):
        return None
    try:
        parts = urllib.parse.urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    quoted = urllib.parse.quote(raw, safe=_URL_SAFE)
    return Markup(quoted.replace("&", "&amp;"))


def host(value: str | None) -> str | None:
    """The host name of a safe URL without ``www.``, for showing an outlet; None if unsafe."""
    if url(value) is None:
        return None
    name = urllib.parse.urlsplit((value or "").strip()).hostname or ""
    return name.removeprefix("www.") or None


def front_matter(data: Mapping[str, Any]) -> Markup:
    """A YAML front matter block (``---`` lines included) from plain values.

    Strings are passed through ``plain`` so they hold no newline: every value is on one line
    and no line but the delimiters can read ``---``.
    """
    body = yaml.dump(_plain_tree(data), Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
                     width=10**9, default_flow_style=False)
    return Markup(f"---\n{body}---\n")


def _plain_tree(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, Mapping):
        return {plain(str(k)): _plain_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_tree(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    raise TypeError(f"front matter cannot hold {type(value).__name__}")


def slug(value: str, *, fallback: str = "item") -> str:
    """An ASCII file-name slug (``José Ramón`` -> ``jose-ramon``); ``fallback`` when empty."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:80].strip("-") or fallback
