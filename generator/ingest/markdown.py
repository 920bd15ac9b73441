"""Markdown with YAML (``---``) or TOML (``+++``) front matter (``.md``, ``.markdown``).

Front matter fields read: ``title``, ``date``/``published``, ``source``/``outlet``, ``url``/
``link``, ``author``/``authors``, ``id``, ``language``/``lang``; other keys are kept as meta.
A front matter block that is not valid YAML is reported in the article's notes and the body is
still read. Markdown syntax is reduced to plain text (links keep their words, images go).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import yaml

from generator.ingest.base import Document, Item, make_article, one_line, skip

SUFFIXES = (".md", ".markdown")

_FRONT = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$\r?\n?",
                    re.DOTALL | re.MULTILINE)
_TOML_FRONT = re.compile(r"\A\ufeff?\s*\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*$\r?\n?",
                         re.DOTALL | re.MULTILINE)
_OPEN_ONLY = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_QUOTE_MARK = re.compile(r"^>[ \t]?", re.MULTILINE)
_BLOCKS = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s")

_KNOWN = {"title", "date", "published", "source", "outlet", "url", "link", "author", "authors",
          "id", "language", "lang"}


def read(doc: Document) -> Iterator[Item]:
    """Yield the document as one article; broken front matter becomes a note, not a loss."""
    front, body, notes = _split(doc.text)
    text = to_plain(body)
    if not text:
        yield skip(doc, "no text in the Markdown body")
        return
    meta = {k: v for k, v in front.items() if k not in _KNOWN}
    yield make_article(
        doc, text, own_id=front.get("id"), title=front.get("title"),
        published=_first(front, "published", "date"), outlet=_first(front, "source", "outlet"),
        url=_first(front, "url", "link"), author=_first(front, "author", "authors"),
        language=_first(front, "language", "lang"), meta=meta, notes=notes)


def _split(text: str) -> tuple[dict[str, Any], str, tuple[str, ...]]:
    toml_match = _TOML_FRONT.match(text)
    if toml_match is not None:
        return _toml(toml_match.group(1), text[toml_match.end():])
    match = _FRONT.match(text)
    if match is None:
        opened = _OPEN_ONLY.match(text)
        if opened:
            return {}, text[opened.end():], ("front matter block is not closed with '---'",)
        return {}, text, ()
    return _yaml(match.group(1), text[match.end():])


def _yaml(block: str, body: str) -> tuple[dict[str, Any], str, tuple[str, ...]]:
    try:
        data = yaml.safe_load(block)
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date (2025-13-45)
        reason = one_line(str(exc).split("\n")[0], 120)
        return {}, body, (f"front matter is not valid YAML ({reason}); body read without it",)
    if data is None:
        return {}, body, ()
    if not isinstance(data, dict):
        return {}, body, ("front matter is not a mapping of fields; ignored",)
    return {str(k): v for k, v in data.items()}, body, ()


def _toml(block: str, body: str) -> tuple[dict[str, Any], str, tuple[str, ...]]:
    # Hugo and Zola write TOML front matter between "+++" lines.
    try:
        return tomllib.loads(block), body, ()
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        reason = one_line(str(exc), 120)
        return {}, body, (f"front matter is not valid TOML ({reason}); body read without it",)


def _first(front: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = front.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def to_plain(body: str) -> str:
    """Markdown to plain paragraphs: headings, emphasis, links and images reduced to text."""
    text = _HTML_COMMENT.sub("", body)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _QUOTE_MARK.sub("", text)
    return "\n\n".join(_join_soft_breaks(block) for block in _BLOCKS.split(text.strip())
                       if block.strip())


def _join_soft_breaks(block: str) -> str:
    # In Markdown a single newline inside a paragraph is a space; list items keep their lines.
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if any(_LIST_ITEM.match(line) for line in lines):
        return "\n".join(lines)
    return " ".join(lines)
