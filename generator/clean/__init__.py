"""Clean: boilerplate out, text normalised, metadata found.

Takes ingested ``Article``s; gives cleaned ``Article``s, or ``Skipped`` when nothing but
boilerplate was left. Imports ``model``, ``config``, ``errors``, the primitives ``text`` and
``timex``, and ``ingest``; never a later stage.

Per article: whitespace, tokenised text (``tokens``) and broken quote marks are repaired
(``TEXT_RULES``), hard-wrapped paragraphs unwrapped, the header read (date line, section
label, headline; see ``metadata``), a first paragraph with the page's headline and dateline
glued on cut apart (``lead``), then the boilerplate rules of ``boilerplate`` (single lines),
page stamps inside paragraphs (``stamps``: comment and post stamps, bylines with a bar,
later wire datelines), ``page_blocks`` (neighbouring lines) and ``furniture`` (teasers of
videos and pictures, and lists run into their introduction, inside paragraphs) run. Across the
corpus: lines recurring in unrelated articles (``recurring``), sentences recurring across
unrelated topics (``repeated``) and lines that are another article's headline go.
``prepare`` is the per-article pass and ``finish`` the corpus-level one, so the pipeline can
run and cache the first per article. Paragraphs come out separated by one blank line.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.clean import (
    boilerplate,
    furniture,
    lead,
    metadata,
    page_blocks,
    recurring,
    repeated,
    stamps,
    tokens,
)
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

DATELINE_PARAGRAPHS = 3
"""Paragraphs at the top where a wire dateline ("WASHINGTON (AP) —") may open the body: after
a headline line, a standfirst or a line of its own ("HAVANA (AP) --")."""

_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs of two or more spaces, or any other space character: single plain spaces (nearly all of
# them) are left alone, which makes this pass several times faster.
_SPACES = re.compile(rf"[{_SPACE_CHARS}][ {_SPACE_CHARS}]*| [ {_SPACE_CHARS}]+")
_SPACE_LIST = "\t\u00a0\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_ODD_NEWLINE_CHARS = "\u2028\u2029\x0b\x0c\x85"
_NEWLINES = re.compile(f"[{_ODD_NEWLINE_CHARS}]")
# A straight double quote between a letter and a contraction ending is a mangled apostrophe:
# "Won"t", "Mexico"s", "they"re". Real quotation marks have a space or punctuation beside them.
# The pattern starts with the quote itself (the letter before it is checked in _apostrophe) so
# the regex engine can jump between quote characters instead of testing every position.
_BROKEN_APOSTROPHE = re.compile(r'["”](?=(?:s|t|d|m|re|ve|ll)\b)', re.IGNORECASE)
_TITLE_KEY = re.compile(r"[\W_]+")


def normalise_whitespace(text: str) -> str:
    """One kind of space and newline; no invisible characters; lines stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_any(text, _ODD_NEWLINE_CHARS):
        text = _NEWLINES.sub("\n", text)
    if not text.isascii() and _has_any(text, _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if "  " in text or _has_any(text, _SPACE_LIST):
        text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _has_any(text: str, chars: str) -> bool:
    # Substring tests are memchr-fast; most texts hold none of these characters.
    return any(char in text for char in chars)


def repair_quotes(text: str) -> str:
    """Turn double quotes used as apostrophes (``Won"t``, ``Mexico”s``) into ``’``."""
    if '"' not in text and "”" not in text:
        return text
    return _BROKEN_APOSTROPHE.sub(_apostrophe, text)


def _apostrophe(match: re.Match[str]) -> str:
    start = match.start()
    before = match.string[start - 1] if start else ""
    return "’" if before.isalpha() else match.group()


TEXT_RULES: tuple[Callable[[str], str], ...] = (
    normalise_whitespace, tokens.unescape_slashes, tokens.untokenise, tokens.break_bullets,
    tokens.close_stops, tokens.quote_pairs, repair_quotes)
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
    # A count ("0") above a lower-case image label is a teaser block, not a broken sentence.
    return line[0].islower() and not previous.endswith(_LINE_ENDS) and (
        not previous.endswith(")")) and not previous.isdigit()


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


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article after the per-article pass, before the corpus-level one.

    Frozen and picklable, so the pipeline can compute it in worker processes and cache it
    per article (it depends on that article alone).
    """

    article: Article
    """The article as read (not yet changed)."""
    lines: tuple[str, ...]
    """Its lines after the per-article rules, blank lines kept as ""."""
    updates: tuple[tuple[str, object], ...] = ()
    """Article fields found in the text: (field, value)."""
    found: tuple[tuple[str, str], ...] = ()
    """Provenance of ``updates``: (field, how)."""
    embedded: tuple[str, ...] = ()
    """ISO dates of the social-media posts removed."""
    sentence_keys: tuple[int, ...] = ()
    """Keys of its sentences (``repeated.fingerprint``), for corpus-level boilerplate."""
    signature: tuple[str, ...] = ()
    """The names it mentions most: its topic, for telling unrelated articles apart."""

    @property
    def title(self) -> str | None:
        """The headline known so far (input metadata, else a header line)."""
        return self.header_title or self.article.title

    @property
    def header_title(self) -> str | None:
        """The headline taken from a header line, if that is where the title came from."""
        title = dict(self.updates).get("title")
        return title if isinstance(title, str) else None


def clean_corpus(articles: Sequence[Article]) -> tuple[list[Article], list[Skipped]]:
    """Clean every article; those left with no text become Skipped.

    The same as ``finish([prepare(a) for a in articles])``.

    Returns:
        The cleaned articles (same order) and a Skipped for each article left empty.
    """
    return finish([prepare(article) for article in articles])


def prepare(article: Article) -> Prepared:
    """The per-article pass: text repairs, header metadata, line and block rules (pure)."""
    text = article.text
    for rule in TEXT_RULES:
        text = rule(text)
    header = metadata.read_header(unwrap(text.split("\n")), skip=boilerplate.line_rule,
                                  want_title=article.title is None)
    updates: dict[str, object] = {}
    found: list[tuple[str, str]] = []
    # "HAVANA (AP) --" on a line of its own is a dateline, not a headline.
    if header.title and article.title is None and lead.strip_dateline(header.title) != "":
        updates["title"] = header.title
        found.append(("title", "header"))
    if header.published and article.published is None:
        updates["published"] = header.published
        found.append(("published", "header"))
    for name, value in header.fields:
        if getattr(article, name) is None:
            updates[name] = value
            found.append((name, "header"))
    lines, headline = _split_lead(header.lines)
    if headline and article.title is None and "title" not in updates:
        updates["title"] = headline
        found.append(("title", "header"))
    if article.title is not None and tokens.is_tokenised(article.text):
        updates["title"] = tokens.detokenise(article.title)
    lines = _drop_rule_lines(lines, article, updates, found)
    comments = [tail for line in lines if (tail := stamps.comment_tail(line))]
    lines = [page_blocks.strip_social_feed(stamps.strip_stamps(line)) for line in lines]
    lines, embedded = page_blocks.strip_social_embeds(lines)
    lines = _strip_furniture(page_blocks.strip_teaser_tail(page_blocks.strip_captions(lines)))
    own = title_key(article.title or header.title)
    if own:
        lines = [line for line in lines if not _same_title(line, own)]
    keys, names = repeated.fingerprint(lines)
    if comments:  # a footer after the readers' comments still recurs across the corpus
        keys = repeated.fingerprint([*lines, *comments])[0]
    return Prepared(article=article, lines=tuple(lines), updates=tuple(updates.items()),
                    found=tuple(found), embedded=tuple(embedded), sentence_keys=keys,
                    signature=names)


def _split_lead(lines: list[str]) -> tuple[list[str], str | None]:
    """The first paragraph cut into headline, highlights and body (``lead.split_lead``).

    A wire dateline opening one of the next DATELINE_PARAGRAPHS paragraphs is taken off too.
    """
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return lines, None
    found = lead.split_lead(lines[first])
    pieces = [piece for p in found.pieces for piece in (p, "")][:-1]
    out = [*lines[:first], *pieces]
    seen = 1
    for line in lines[first + 1:]:
        body = None
        if line and seen < DATELINE_PARAGRAPHS:
            seen += 1
            body = lead.strip_dateline(line)
        out.append(line if body is None else body)
    return out, found.headline


def _strip_furniture(lines: list[str]) -> list[str]:
    """Teasers, notices, run-in headings and lists out of each line (``furniture``).

    Teasers and legal notices go; a heading in capitals and a list run into a line are put on
    lines of their own. A line left empty goes.
    """
    out: list[str] = []
    for line in lines:
        if not line:
            out.append(line)
        elif stripped := furniture.strip_notices(furniture.strip_teasers(line)):
            out.extend(piece for part in furniture.split_heading(stripped)
                       for piece in furniture.split_list_intro(part))
    return out


def _date_fallback(article: Article, updates: dict[str, object],
                   found: list[tuple[str, str]]) -> None:
    """No date in the input or on the page: the URL's date folders, else the file name.

    The URL comes first: the publisher wrote it when publishing, while a file name is the
    scraper's and may be the day of the scrape.
    """
    url = updates.get("url", article.url)
    candidates = (("url", metadata.date_from_url(url if isinstance(url, str) else None)),
                  ("filename", metadata.date_from_filename(article.path)))
    for where, value in candidates:
        if value is not None:
            updates["published"] = value
            found.append(("published", where))
            return


def _drop_rule_lines(lines: list[str], article: Article, updates: dict[str, object],
                     found: list[tuple[str, str]]) -> list[str]:
    kept: list[str] = []
    for line in lines:
        if boilerplate.line_rule(line) is None:
            kept.append(line)
            continue
        names = boilerplate.byline_names(line)
        if names and article.author is None and "author" not in updates:
            updates["author"] = names
            found.append(("author", "header"))
    return kept


def finish(prepared: Sequence[Prepared]) -> tuple[list[Article], list[Skipped]]:
    """The corpus-level pass: recurring lines and other articles' headlines, then assembly.

    Returns:
        The cleaned articles (same order) and a Skipped for each article left empty.
    """
    family_of = recurring.families([p.lines for p in prepared])
    banned = recurring.recurring_lines([p.lines for p in prepared], family_of)
    glued = repeated.boilerplate([p.sentence_keys for p in prepared],
                                 [p.signature for p in prepared], family_of)
    glued |= repeated.self_descriptions([p.sentence_keys for p in prepared], family_of,
                                        [p.lines for p in prepared])
    common = repeated.widespread([p.sentence_keys for p in prepared], family_of)
    masts = recurring.mastheads([p.header_title for p in prepared], family_of)
    prepared = [_demote_masthead(p, masts) if p.header_title else p for p in prepared]
    titles = _Titles.of([p.title for p in prepared])
    kept: list[Article] = []
    skipped: list[Skipped] = []
    for item in prepared:
        article = _assemble(item, banned, titles, glued, common)
        if article is None:
            skipped.append(Skipped(item.article.path, "no text after cleaning"))
        else:
            kept.append(article)
    log.debug("Cleaned %d articles, %d empty, %d recurring lines and %d recurring sentences "
              "dropped", len(kept), len(skipped), len(banned), len(glued))
    return kept, skipped


def _same_title(line: str, key: str) -> bool:
    # A line can only reduce to ``key`` if it is at least as long; checking lengths first
    # skips the regex for almost every line.
    return len(key) <= len(line) <= 2 * len(key) + 40 and title_key(line) == key


def _demote_masthead(item: Prepared, masts: frozenset[str]) -> Prepared:
    """When the "headline" is a site name recurring atop many pages, take the next line."""
    title = item.header_title
    if title is None or recurring.line_key(title) not in masts:
        return item
    updates = [(k, v) for k, v in item.updates if k != "title"]
    found = [f for f in item.found if f != ("title", "header")]
    lines = list(item.lines)
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None and metadata.looks_like_headline(lines[first]):
        updates.append(("title", lines.pop(first)))
        found.append(("title", "header"))
    return dataclasses.replace(item, lines=tuple(lines), updates=tuple(updates),
                               found=tuple(found))


@dataclass(frozen=True, slots=True)
class _Titles:
    """The corpus's headline keys, with cheap pre-checks for the per-line comparison."""

    keys: frozenset[str]
    shortest: int
    initials: frozenset[str]

    @classmethod
    def of(cls, titles: Sequence[str | None]) -> _Titles:
        keys = frozenset(title_key(t) for t in titles) - {""}
        return cls(keys, min((len(k) for k in keys), default=0), frozenset(k[0] for k in keys))

    def holds(self, line: str) -> bool:
        """True when ``line`` is one of the headlines (ignoring case and punctuation)."""
        # Headlines do not end with a full stop, are at least as long as the shortest key and
        # start with one of the keys' first letters: three checks that skip the regex for
        # almost every body line.
        if len(line) < self.shortest or line.endswith("."):
            return False
        first = line.lstrip(_OPENERS)[:1].casefold()
        return first in self.initials and title_key(line) in self.keys


_OPENERS = "\"'“‘«([¿¡-—– "


def _assemble(item: Prepared, banned: frozenset[str], titles: _Titles,
              glued: frozenset[int], common: frozenset[int]) -> Article | None:
    lines = [line for line in item.lines if not line or (
        recurring.line_key(line) not in banned and not titles.holds(line))]
    if not glued.isdisjoint(item.sentence_keys):
        lines = repeated.strip(lines, glued)
    lines = page_blocks.strip_related_headlines(lines)
    text = "\n\n".join(line for line in lines if line)
    updates = dict(item.updates)
    if not text and isinstance(updates.get("title"), str):
        # A headline with nothing under it (a feed item, a stub) is still an article.
        text = str(updates["title"])
    if not text:
        return None
    article = item.article
    found = list(item.found)
    if article.title is None and "title" not in updates:
        # A stand-in headline is the article's own sentence, not one many articles share.
        own = repeated.strip(lines, common) if not common.isdisjoint(item.sentence_keys) else lines
        updates["title"] = metadata.fallback_title("\n\n".join(line for line in own if line)
                                                   or text)
        found.append(("title", "body"))
    if article.published is None and "published" not in updates:
        _date_fallback(article, updates, found)
    meta = article.meta + tuple(("embedded_date", d) for d in dict.fromkeys(item.embedded))
    return dataclasses.replace(article, text=text, meta=meta,
                               provenance=article.provenance + tuple(found),
                               **updates)  # type: ignore[arg-type]
