"""Article pages: bytes to text (whatever the charset claims), main text via trafilatura.

Nothing on a page is executed or kept as markup: trafilatura returns plain text and metadata,
and feed HTML is reduced to paragraphs of text here. The site escapes the text again when it is
built (``generator/site/escape.py``), as it does for any input.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from lxml import html as lxml_html

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "form", "template",
              "svg", "math", "button", "select", "textarea", "figure", "figcaption", "aside")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "tr", "section", "article", "header", "footer", "ul", "ol", "table", "dd", "dt")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")
# Publication date as first published, not last modified (as ingest's HTML reader reads pages).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found on an article page."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    outlet: str | None
    language: str | None
    canonical: str | None


def decode(body: bytes, charset: str | None) -> str:
    """Decode a page, whatever its charset claims.

    Valid UTF-8 wins over a declared charset (servers often label UTF-8 pages ISO-8859-1,
    while legacy text is almost never valid UTF-8); then the header's charset, the page's
    ``<meta charset>`` and charset-normalizer's guess.
    """
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(body[:4096])
    for name in (charset, meta.group(1).decode("ascii") if meta else None):
        if name and _known_codec(name) and codecs.lookup(name).name != "utf-8":
            return body.decode(name, errors="replace")
    best = from_bytes(body).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        # Without a BOM a wide encoding is a misguess on short text; legacy news text is
        # almost always cp1252 (ingest's decoder prefers it on ties for the same reason).
        return body.decode("cp1252", errors="replace")
    return str(best)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def extract_page(body: bytes, *, url: str, charset: str | None) -> Page | None:
    """The page's main text and metadata, or None when no article text was found."""
    page = decode(body, charset)
    try:
        result: Any = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, date_extraction_params=_DATE_PARAMS, as_dict=True)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary input
        log.debug("trafilatura failed on %s: %s", url, exc)
        return None
    if not isinstance(result, dict) or not (result.get("text") or "").strip():
        return None
    return Page(text=result["text"].strip(), title=_str(result.get("title")),
                published=_str(result.get("date")), author=_str(result.get("author")),
                outlet=_str(result.get("sitename")), language=_str(result.get("language")),
                canonical=_str(result.get("url")))


def html_to_text(fragment: str | None) -> str:
    """Feed HTML (or plain text) to paragraphs of plain text; scripts and widgets dropped."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    for node in list(root.iter(*_DROP_TAGS)):
        node.drop_tree()
    for node in root.iter(*_BLOCK_TAGS):
        node.tail = "\n\n" + (node.tail or "")
        if node.tag != "br":
            node.text = "\n\n" + (node.text or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    paragraphs = (_SPACES.sub(" ", block).strip() for block in _BLANKS.split(text))
    return "\n\n".join(" ".join(p.split("\n")) for p in paragraphs if p)


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
