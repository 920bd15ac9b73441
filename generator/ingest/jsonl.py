"""JSON and JSON Lines (``.json``, ``.jsonl``, ``.ndjson``).

Shapes read: one article object; a JSON array of them; JSON Lines (one object per line); and
news-API dumps, an object holding a list under ``articles`` (NewsAPI, GNews), ``results``
(NewsData, the Guardian's ``response.results``), ``items`` or ``data``. Field aliases are in
``ALIASES``; unknown keys are kept as meta. A bad line or item is one Skipped naming it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from generator.ingest.base import Document, Item, html_to_text, make_article, skip

SUFFIXES = (".json", ".jsonl", ".ndjson")
LINE_SUFFIXES = (".jsonl", ".ndjson")

# Field -> keys that carry it, in order of preference. `description` is the fallback body of
# news-API dumps whose `content` is missing.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "bodyText", "article_body", "articleBody", "full_text",
             "description", "summary"),
    "id": ("id", "_id", "uid", "uuid", "article_id", "doc_id"),
    "title": ("title", "headline", "webTitle"),
    "published": ("published", "date", "publishedAt", "published_at", "pubDate",
                  "webPublicationDate", "datePublished", "pub_date", "publication_date",
                  "published_date", "created_at", "dct"),
    "url": ("url", "link", "webUrl", "canonical_url"),
    "outlet": ("outlet", "source", "sitename", "site_name", "source_name", "source_id",
               "publisher"),
    "author": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang"),
}
_USED = {key for keys in ALIASES.values() for key in keys}
LIST_KEYS = ("articles", "results", "items", "data", "documents", "docs")
_NESTED = ("fields",)  # the Guardian API puts bodyText, byline under "fields"

# Bodies given as HTML (WordPress, some CMS exports) are reduced to text.
_HTML = re.compile(r"<(?:p|div|br|span|a|h[1-6]|li|em|strong|figure)\b[^>]*>", re.IGNORECASE)

# NewsAPI cuts `content` to 200 characters and appends this marker.
_TRUNCATED = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def read(doc: Document) -> Iterator[Item]:
    """Yield one article per object in the file, a Skipped per bad line or item."""
    if not doc.text.strip():
        yield skip(doc, "empty file")
        return
    if doc.suffix in LINE_SUFFIXES:
        yield from _read_lines(doc)
        return
    try:
        data = json.loads(doc.text)
    except json.JSONDecodeError as exc:
        if _first_line_is_object(doc.text):
            yield from _read_lines(doc)
        else:
            yield skip(doc, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield skip(doc, "not valid JSON (nested too deeply)")
        return
    yield from _read_value(doc, data)


def _first_line_is_object(text: str) -> bool:
    # JSON Lines starts with a complete object on its first line; a broken pretty-printed
    # document does not, and is one error rather than one per line.
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _read_lines(doc: Document) -> Iterator[Item]:
    for number, line in enumerate(doc.text.splitlines(), 1):
        if line.strip():
            yield read_one(doc, line, str(number), f"line {number}")


def read_one(doc: Document, text: str, item: str, where: str) -> Item:
    """One JSON text of a larger input: a line, or an item of a streamed array.

    Args:
        doc: the input the text came from (its path and notes go into the article).
        text: the JSON text of one article object.
        item: its number, the ``#N`` of its path.
        where: how reasons name it (``line 3``, ``item 3``).
    """
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return skip(doc, f"{where}: not valid JSON ({reason})", item)
    return _from_object(doc, value, item, where)


def _read_value(doc: Document, data: Any) -> Iterator[Item]:
    items = _article_list(data)
    if items is None:
        yield _from_object(doc, data, None, "the file")
        return
    if not items:
        yield skip(doc, "no articles in the JSON file")
    for index, value in enumerate(items, 1):
        yield _from_object(doc, value, str(index), f"item {index}")


def _article_list(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("response"), dict):
        data = data["response"]
    for key in LIST_KEYS:
        if isinstance(data.get(key), list):
            return list(data[key])
    return None


def _from_object(doc: Document, value: Any, item: str | None, where: str) -> Item:
    if not isinstance(value, dict):
        return skip(doc, f"{where}: not a JSON object", item)
    flat = _flatten(value)
    text = _text(flat)
    if not text:
        return skip(doc, f"{where}: no text (expected one of text, body, content)", item)
    return make_article(
        doc, text, item=item, own_id=_pick(flat, "id"), title=_pick(flat, "title"),
        published=_pick(flat, "published"), outlet=_outlet(_pick(flat, "outlet")),
        url=_pick(flat, "url"), author=_pick(flat, "author"), language=_pick(flat, "language"),
        meta={k: v for k, v in flat.items() if k not in _USED})


def _flatten(value: dict[str, Any]) -> dict[str, Any]:
    flat = dict(value)
    for key in _NESTED:
        nested = flat.pop(key, None)
        if isinstance(nested, dict):
            flat.update({k: v for k, v in nested.items() if k not in flat})
    return flat


def _pick(obj: dict[str, Any], field: str) -> Any:
    for key in ALIASES[field]:
        value = _rendered(obj.get(key))
        if value not in (None, "", [], {}):
            return html_to_text(value) if isinstance(value, str) and "<" in value else value
    return None


def _rendered(value: Any) -> Any:
    # WordPress REST API: "title": {"rendered": "..."}, "content": {"rendered": "<p>..."}
    if isinstance(value, dict) and isinstance(value.get("rendered"), str):
        return value["rendered"]
    return value


def _text(obj: dict[str, Any]) -> str:
    for key in ALIASES["text"]:
        value = _rendered(obj.get(key))
        if isinstance(value, list):
            value = "\n\n".join(str(v) for v in value if isinstance(v, str))
        if isinstance(value, str) and value.strip():
            if _HTML.search(value):
                value = html_to_text(value)
            # The marker is rare and the pattern slow on long texts (it is tried at every
            # space: 0.75 ms for 3 KB, most of reading a JSON line), so look first.
            if value.rstrip().endswith(" chars]"):
                value = _TRUNCATED.sub("", value)
            return value.strip()
    return ""


def _outlet(value: Any) -> Any:
    # NewsAPI: "source": {"id": "reuters", "name": "Reuters"}
    if isinstance(value, dict):
        return value.get("name") or value.get("id")
    return value

