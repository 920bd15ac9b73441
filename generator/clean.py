"""Clean articles: boilerplate out, text normalised, metadata found.

Per article: whitespace and broken quote marks are repaired (``TEXT_RULES``), hard-wrapped
paragraphs unwrapped, the header read (date line, section label, headline; see
``generator.metadata``), then the boilerplate rules of ``generator.boilerplate`` (single
lines) and ``generator.page_blocks`` (neighbouring lines) run. Across
the corpus: lines recurring in unrelated articles (``generator.recurring``) and lines that are
another article's headline go. Paragraphs come out separated by one blank line.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from generator import boilerplate, metadata, page_blocks, recurring
from generator.model import Article, Skipped

log = logging.getLogger(__name__)

WRAP_MIN_CHARS = 45
"""Hard-wrapped text (e-mail, archives) has lines filled to 60-80 characters; lines shorter
than this end a paragraph or are headings, so they are never joined."""

WRAP_MAX_CHARS = 100
"""Longer lines are whole paragraphs (scraped pages put a paragraph on one line)."""

WRAP_MIN_LINES = 2
"""A block needs this many lines before it is taken for one wrapped paragraph (a two-line
block also needs its first line not to end a sentence)."""

_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs of two or more spaces, or any other space character: single plain spaces (nearly all of
# them) are left alone, which makes this pass several times faster.
_SPACES = re.compile(rf"[{_SPACE_CHARS}][ {_SPACE_CHARS}]*| [ {_SPACE_CHARS}]+")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_ODD_NEWLINE_CHARS = "\u2028\u2029\x0b\x0c\x85"
_NEWLINES = re.compile(f"[{_ODD_NEWLINE_CHARS}]")
# A straight double quote between a letter and a contraction ending is a mangled apostrophe:
# "Won"t", "Mexico"s", "they"re". Real quotation marks have a space or punctuation beside them.
_BROKEN_APOSTROPHE = re.compile(r'(?<=[^\W\d_])"(?=(?:s|t|d|m|re|ve|ll)\b)', re.IGNORECASE)
_TITLE_KEY = re.compile(r"[\W_]+")


def normalise_whitespace(text: str) -> str:
    """One kind of space and newline; no invisible characters; lines stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_any(text, _ODD_NEWLINE_CHARS):
        text = _NEWLINES.sub("\n", text)
    if not text.isascii() and _has_any(text, _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _has_any(text: str, chars: str) -> bool:
    # Substring tests are memchr-fast; most texts hold none of these characters.
    return any(char in text for char in chars)


def repair_quotes(text: str) -> str:
    """Turn straight double quotes used as apostrophes (``Won"t``) into ``’``."""
    return _BROKEN_APOSTROPHE.sub("’", text) if '"' in text else text


TEXT_RULES: tuple[Callable[[str], str], ...] = (normalise_whitespace, repair_quotes)
"""Whole-text repairs, applied in order before the text is split into lines."""


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs (blocks of similar, filled lines) into one line each.

    A line that breaks off mid-sentence (no closing punctuation, the next line going on in
    lower case) is joined to the next one whatever the lengths.
    """
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            if block and _continues(block[-1], line):
                block[-1] = f"{block[-1]} {line}"
            else:
                block.append(line)
            continue
        out.extend([" ".join(block)] if _is_wrapped(block) else block)
        out.append("")
        block = []
    return out[:-1]


def _continues(previous: str, line: str) -> bool:
    return line[0].islower() and not previous.endswith(_LINE_ENDS) and (
        not previous.endswith(")"))


_LIST_MARKS = ("—", "–", "- ", "• ", "* ", "> ")
_LINE_ENDS = (".", "!", "?", ":", "”", '"')


def _is_wrapped(block: list[str]) -> bool:
    if len(block) < WRAP_MIN_LINES or len(block[-1]) > WRAP_MAX_CHARS:
        return False
    if any(line.startswith(_LIST_MARKS) for line in block):
        return False
    # Wrapping breaks lines between arbitrary words, so few lines end a sentence; a block whose
    # lines mostly end with punctuation is a list of one-line paragraphs (or a lead-in + quote).
    ended = sum(1 for line in block[:-1] if line.endswith(_LINE_ENDS))
    if ended * 2 >= len(block) - 1:
        return False
    return all(WRAP_MIN_CHARS <= len(line) <= WRAP_MAX_CHARS for line in block[:-1])


TITLE_KEY_MAX_CHARS = 300
"""Lines longer than this are never compared with headlines (headlines are under 200)."""


def title_key(text: str | None) -> str:
    """Comparison key for headlines: letters and digits only, case-folded ("" if too long)."""
    if not text or len(text) > TITLE_KEY_MAX_CHARS:
        return ""
    return _TITLE_KEY.sub("", text).casefold()


@dataclass(slots=True)
class _Draft:
    """An article between the per-article and the corpus-level pass."""

    article: Article
    lines: list[str]
    found: list[tuple[str, str]] = field(default_factory=list)
    updates: dict[str, object] = field(default_factory=dict)
    embedded: list[str] = field(default_factory=list)


def clean_corpus(articles: Sequence[Article]) -> tuple[list[Article], list[Skipped]]:
    """Clean every article; those left with no text become Skipped.

    Returns:
        The cleaned articles (same order) and a Skipped for each article left empty.
    """
    drafts = [_prepare(article) for article in articles]
    banned = recurring.recurring_lines([d.lines for d in drafts])
    titles = {title_key(_title(d)) for d in drafts} - {""}
    kept: list[Article] = []
    skipped: list[Skipped] = []
    for draft in drafts:
        article = _finish(draft, banned, titles)
        if article is None:
            skipped.append(Skipped(draft.article.path, "no text after cleaning"))
        else:
            kept.append(article)
    log.debug("Cleaned %d articles, %d empty, %d recurring lines dropped",
              len(kept), len(skipped), len(banned))
    return kept, skipped


def _prepare(article: Article) -> _Draft:
    text = article.text
    for rule in TEXT_RULES:
        text = rule(text)
    header = metadata.read_header(unwrap(text.split("\n")), skip=boilerplate.line_rule,
                                  want_title=article.title is None)
    draft = _Draft(article=article, lines=header.lines)
    if header.title and article.title is None:
        draft.updates["title"] = header.title
        draft.found.append(("title", "header"))
    if header.published and article.published is None:
        draft.updates["published"] = header.published
        draft.found.append(("published", "header"))
    for name, value in header.fields:
        if getattr(article, name) is None:
            draft.updates[name] = value
            draft.found.append((name, "header"))
    draft.lines = _strip_lines(draft)
    return draft


def _strip_lines(draft: _Draft) -> list[str]:
    lines: list[str] = []
    for line in draft.lines:
        if boilerplate.line_rule(line) is None:
            lines.append(line)
            continue
        names = boilerplate.byline_names(line)
        if names and draft.article.author is None and "author" not in draft.updates:
            draft.updates["author"] = names
            draft.found.append(("author", "header"))
    lines, draft.embedded = page_blocks.strip_social_embeds(lines)
    lines = page_blocks.strip_captions(lines)
    lines = page_blocks.strip_teaser_tail(lines)
    own = title_key(_title(draft))
    if not own:
        return lines
    return [line for line in lines if not line or title_key(line) != own]


def _is_a_title(line: str, titles: set[str]) -> bool:
    # Headlines do not end with a full stop; checking that first skips most body lines.
    return not line.endswith(".") and title_key(line) in titles


def _title(draft: _Draft) -> str | None:
    title = draft.updates.get("title")
    return title if isinstance(title, str) else draft.article.title


def _finish(draft: _Draft, banned: frozenset[str], titles: set[str]) -> Article | None:
    lines = [line for line in draft.lines if not line or (
        recurring.line_key(line) not in banned and not _is_a_title(line, titles))]
    lines = page_blocks.strip_related_headlines(lines)
    text = "\n\n".join(line for line in lines if line)
    updates = dict(draft.updates)
    if not text and isinstance(updates.get("title"), str):
        # A headline with nothing under it (a feed item, a stub) is still an article.
        text = str(updates["title"])
    if not text:
        return None
    article = draft.article
    found = list(draft.found)
    if article.title is None and "title" not in updates:
        updates["title"] = metadata.fallback_title(text)
        found.append(("title", "body"))
    if article.published is None and "published" not in updates:
        from_name = metadata.date_from_filename(article.path)
        if from_name is not None:
            updates["published"] = from_name
            found.append(("published", "filename"))
    meta = article.meta + tuple(("embedded_date", d) for d in dict.fromkeys(draft.embedded))
    return dataclasses.replace(article, text=text, meta=meta,
                               provenance=article.provenance + tuple(found),
                               **updates)  # type: ignore[arg-type]
