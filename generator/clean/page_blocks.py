"""Boilerplate rules over neighbouring lines: captions, social embeds, teaser blocks, links.

Each rule is a pure ``list[str] -> list[str]`` function (``strip_social_embeds`` also returns
the embedded posts' dates; ``strip_social_feed`` works on one line). Lines are
whitespace-normalised and blank lines are kept as "", because adjacency (no blank line
between) is evidence: an alt-text line glued to a caption, a lead-in glued to an embedded
post, a headline standing alone between paragraphs.
"""

from __future__ import annotations

import re

from generator.clean.boilerplate import PIC_LINK, any_pattern, ends_sentence, word_count
from generator.clean.metadata import MONTHS, parse_date_text

CAPTION_MAX_WORDS = 80
"""Longest caption: photo captions run one to three sentences (up to ~60 words seen)."""

ALT_TEXT_MAX_WORDS = 20
"""Alt text / image label lines before a caption: a short description, never a paragraph."""

EMBED_MAX_LINES = 5
"""How far above a social-media attribution line the embed's lead-in is looked for; a tweet
is 280 characters, one to three lines once scraped."""

EMBED_LINE_CHARS = 320
"""A line longer than this is not part of an embedded post (280 characters plus a link)."""

TEASER_LINES_PER_UNIT = 5
"""A teaser unit is image label + headline + count + blurb (4 lines); one spare line allowed."""

TAIL_START_SHARE = 0.5
"""Teaser blocks and "Related" lists only count in the second half of a page: the same shapes
higher up are the article's own subheadings."""


_CREDIT_WORDS = frozenset({"photo", "photos", "image", "images", "getty", "shutterstock",
                           "file", "courtesy", "x", "twitter", "instagram", "facebook",
                           "handout", "pool", "screenshot", "screengrab", "illustration",
                           "credit", "video", "afp", "ap", "reuters", "epa", "efe", "via"})
_TRAILING_PAREN = re.compile(r"\(([^()]{1,80})\)\s*$")


def caption_credit(line: str) -> str | None:
    """The credit of a caption line ending "(AP Photo/Evan Vucci)", "(Getty Images)", "(X)"."""
    if not line.endswith(")"):
        return None
    match = _TRAILING_PAREN.search(line)
    if match is None or word_count(line) > CAPTION_MAX_WORDS:
        return None
    credit = match.group(1).strip()
    words = {w.lower().strip(".,:") for w in re.split(r"[\s/]+", credit) if w}
    if "/" in credit or ({"photo", "image", "images", "x", "getty", "credit"} & words):
        return credit
    # "(Reuters)" after a full stop ends wire copy; a short unpunctuated line with a bare
    # agency credit is a caption.
    before = line[: match.start()].rstrip()
    if words <= _CREDIT_WORDS and word_count(line) <= ALT_TEXT_MAX_WORDS and not before.endswith(
            (".", "!", "?")):
        return credit
    return None


def strip_captions(lines: list[str]) -> list[str]:
    """Drop photo captions that end with a credit, and the alt-text line right above them."""
    out: list[str] = []
    for line in lines:
        if line and caption_credit(line) is not None:
            if out and out[-1] and not ends_sentence(out[-1]) and (
                    word_count(out[-1]) <= ALT_TEXT_MAX_WORDS):
                out.pop()
            continue
        out.append(line)
    return out


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ATTRIBUTION = re.compile(
    r"^[—–-]{1,2}\s*(?P<name>[^()\n]{1,80}?)\s*\(@\w{1,30}\)\s*(?P<date>(?:"
    + _MONTH_NAMES + r")\.?\s+\d{1,2},?\s+\d{4})\s*$", re.IGNORECASE)


def strip_social_embeds(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop embedded posts ("— Name (@handle) Month D, YYYY" and the text above it).

    The post text runs back to a lead-in line ending with a colon (dropped too) within
    EMBED_MAX_LINES; without a lead-in, back to the line that held a pic.twitter.com or t.co
    link; without either, only the attribution line goes.

    Returns:
        The remaining lines, and the ISO dates of the embedded posts (evidence of when the
        article was written).
    """
    out: list[str] = []
    dates: list[str] = []
    link_at = -1
    for line in lines:
        match = _ATTRIBUTION.match(line.strip()) if line else None
        if match is None:
            if "pic.twitter" in line or "t.co/" in line:
                link_at = len(out)
                out.append(PIC_LINK.sub("", line))
            else:
                out.append(line)
            continue
        date = parse_date_text(match.group("date"))
        if date is not None:
            dates.append(str(date))
        del out[_embed_start(out, link_at):]
        link_at = -1
    return out, dates


def _embed_start(out: list[str], link_at: int) -> int:
    for back in range(1, min(EMBED_MAX_LINES, len(out)) + 1):
        line = out[-back]
        if not line:
            continue
        if len(line) > EMBED_LINE_CHARS:
            break
        if line.rstrip().endswith(":") and word_count(line) <= 15:
            return len(out) - back
    if link_at >= 0 and len(out) - link_at <= EMBED_MAX_LINES:
        return link_at
    return len(out)


# A post's stamp in a social feed widget flattened into the text: a clock time, an optional
# time zone, a date and the widget's action ("8:52 pm ET February 11, 2013 RETWEET", "Reply").
_FEED_STAMP = re.compile(
    r"\b\d{1,2}:\d\d\s*[ap]\.?m\.?\s+(?:[A-Z]{2,4}\s+)?(?:" + _MONTH_NAMES
    + r")\.?\s+\d{1,2}\s*,?\s*\d{4}\s+(?:retweet|reply|favou?rite)\b", re.IGNORECASE)
# Where a post before a stamp starts: after a sentence's end followed by a capital.
_POST_START = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(#@]?[A-Z])")


def strip_social_feed(line: str) -> str:
    """``line`` without a social feed widget flattened into it (posts and their stamps).

    A feed is a sidebar: it starts with the post before its first stamp (from the last
    sentence start before the stamp, within one post's length) and, when what follows its last
    stamp is no longer than one post (the next post, its stamp cut off with the page), runs
    to the end of the line; otherwise only its stamps and the posts between them go.
    """
    stamps = list(_FEED_STAMP.finditer(line)) if ":" in line else []
    if not stamps:
        return line
    first, last = stamps[0].start(), stamps[-1].end()
    window = max(0, first - EMBED_LINE_CHARS)
    starts = [m.end() for m in _POST_START.finditer(line, window, first)]
    start = starts[-1] if starts else window
    rest = line[last:]
    if len(rest) <= EMBED_LINE_CHARS:
        rest = ""
    return f"{line[:start].rstrip()} {rest.strip()}".strip()


_COUNT = re.compile(r"^\d{1,5}$|^\d{1,5}\s+(?:comments?|shares?|views?|min(?:ute)?s?\s+read|"
                    r"(?:hours?|minutes?|days?)\s+ago)$", re.IGNORECASE)
_TAIL_HEADERS = any_pattern(
    r"^(?:related|more)(?:\s+(?:articles?|stories|coverage|news|content|reading|links))?$",
    r"^more\s+(?:from|in|on)\s+.{1,40}$",
    r"^(?:read|what\s+to\s+read)\s+next$",
    r"^(?:you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|most\s+(?:popular|"
    r"read|viewed)|trending(?:\s+now)?|top\s+stories|latest\s+(?:news|stories)|also\s+read|"
    r"read\s+more|editors'?\s+picks|don'?t\s+miss)$",
)


def strip_teaser_tail(lines: list[str]) -> list[str]:
    """Cut the teaser block of other articles at the end of a page.

    Two shapes: a header ("Related", "More from Reuters", "You may also like") in the second
    half of the page; or headline + count ("0", "12 comments") + blurb units, possibly with an
    image label above each headline, filling the rest of the page.
    """
    tail_from = int(len(lines) * TAIL_START_SHARE)
    for index in range(tail_from, len(lines)):
        line = lines[index]
        if line and word_count(line) <= 6 and _TAIL_HEADERS.match(line.strip().rstrip(":")):
            return _trim(lines[:index])
    start = _teaser_units_start(lines, tail_from)
    return _trim(lines[:start]) if start is not None else lines


def _teaser_units_start(lines: list[str], tail_from: int) -> int | None:
    counts = [i for i in range(tail_from, len(lines)) if lines[i] and _COUNT.match(lines[i])]
    if not counts:
        return None
    headline = _previous(lines, counts[0])
    if headline is None or ends_sentence(lines[headline].rstrip("?")) or (
            word_count(lines[headline]) > 25):
        return None
    start = headline
    label = _previous(lines, headline)
    if label is not None and not ends_sentence(lines[label]) and word_count(lines[label]) <= 8:
        start = label
    rest = sum(1 for line in lines[start:] if line)
    return start if rest <= TEASER_LINES_PER_UNIT * len(counts) + 1 else None


def _previous(lines: list[str], index: int) -> int | None:
    for back in range(index - 1, -1, -1):
        if lines[back]:
            return back
    return None


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines = lines[:-1]
    return lines


RELATED_MIN_WORDS = 10
"""Shortest unpunctuated body line taken for a related-article headline. Subheadings inside
articles run 1-8 words ("Key details", "Mission would be secretive, sources say"); headlines
of linked articles 10-20."""

RELATED_MAX_WORDS = 22
"""Longest: beyond this an unpunctuated line is a paragraph missing its full stop."""

PUNCTUATED_SHARE = 0.6
"""The headline-shape rule applies only where most paragraphs end with punctuation; in text
that is unpunctuated throughout (transcripts, bad scrapes) the shape says nothing."""


def is_related_headline(line: str) -> bool:
    """A headline-shaped line inside a body: 10-22 words, no sentence-ending punctuation."""
    stripped = line.strip()
    return (RELATED_MIN_WORDS <= word_count(stripped) <= RELATED_MAX_WORDS
            and not ends_sentence(stripped) and not stripped.endswith((":", ",", ";", "—")))


def strip_related_headlines(lines: list[str]) -> list[str]:
    """Drop headline-shaped lines standing alone between body paragraphs (links elsewhere).

    Only a line with a blank line on both sides counts: a line glued to the next one is a
    paragraph (or a sentence) that merely lacks its full stop.
    """
    text_lines = [line for line in lines if line]
    if not text_lines:
        return lines
    punctuated = sum(1 for line in text_lines if ends_sentence(line))
    if punctuated < PUNCTUATED_SHARE * len(text_lines):
        return lines
    last = len(lines) - 1
    return [line for i, line in enumerate(lines)
            if not (line and is_related_headline(line) and (i == 0 or not lines[i - 1])
                    and (i == last or not lines[i + 1]))]
