"""Scrape boilerplate rules: each a small named, pure function over one line or a list of lines.

Line rules (``str -> bool``, True = boilerplate) are listed in ``LINE_RULES``; block rules
(``list[str] -> list[str]``) look at neighbouring lines: captions with their alt text, social
embeds with their lead-in, teaser blocks at the end of a page. Lines are whitespace-normalised,
blank lines are "" and kept, because adjacency (no blank between) is evidence for captions.

Patterns are general shapes seen across outlets (news sites, aggregators, wire copy), never
strings copied from particular articles; the tests show each on several outlets' shapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.metadata import MONTHS, parse_date_text

LineRule = Callable[[str], bool]

SHORT_LINE_WORDS = 40
"""Prompts, counters and credits are short: a line longer than this is body text even when it
contains a trigger phrase (calibrated on subscription prompts, 8-30 words)."""

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

BANNER_MAX_WORDS = 10
"""Banners are a few words ("BETA Version - Powered by X", "Advertisement"); a sentence that
mentions "powered by" or "copyright" is longer."""

_TERMINAL = ".!?\"'”’)…"


def _words(line: str) -> int:
    # Lines arrive whitespace-normalised (single spaces, stripped): counting spaces is 5x
    # cheaper than splitting, and this runs for every line of every article.
    return line.count(" ") + 1 if line else 0


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(tuple(_TERMINAL))


def _contains_any(low: str, words: tuple[str, ...]) -> bool:
    # A plain loop: about 3x faster than any() over a generator on this hot path.
    for word in words:  # noqa: SIM110
        if word in low:
            return True
    return False


def _any(*patterns: str, lower: bool = False) -> re.Pattern[str]:
    # lower=True: the pattern is searched in lower-cased text, without IGNORECASE, which keeps
    # the regex engine's fast paths (3x faster on unanchored alternations).
    flags = 0 if lower else re.IGNORECASE
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# --- line rules -------------------------------------------------------------------------------

_COMMENT_COUNTER = _any(
    r"^\d{1,6}\s+(?:comments?|responses?|replies|reactions)$",
    r"^(?:comments?|responses?)\s*[(:\[]?\s*\d{1,6}\s*[)\]]?$",
    r"^(?:view|show|read|see|load)\s+(?:all\s+)?(?:\d{1,6}\s+)?comments?$",
    r"^(?:leave|add|post|write)\s+a\s+comment$",
    r"^(?:join|start)\s+the\s+(?:conversation|discussion|debate)$",
    r"^(?:no\s+comments(?:\s+yet)?|comments\s+are\s+closed|comments?|hide\s+comments)$",
)


def is_comment_counter(line: str) -> bool:
    """Comment counters and comment-section headers ("20 COMMENTS", "Comments (3)")."""
    return bool(_COMMENT_COUNTER.match(line.strip().rstrip(".:")))


_SUBSCRIPTION = _any(
    r"\b(?:paid|premium|digital)\s+(?:subscribers?|members?)\s+(?:get|only|can|have|enjoy)\b",
    r"\bsubscribers?\s+only\b",
    r"\bsubscribe\s+(?:now|today|here|to\s+(?:continue|keep|read|get|unlock|access|our))\b",
    r"\b(?:subscription|account)\s+(?:is\s+)?required\b",
    r"\bstart\s+(?:your|a)\s+(?:free\s+)?(?:trial|subscription)\b",
    r"\balready\s+(?:a\s+(?:subscriber|member)|subscribed|have\s+an\s+account)\b",
    r"\b(?:log|sign)\s+in\s+(?:to|or)\s+(?:continue|read|comment|subscribe|register|create)\b",
    r"^(?:subscribe\s+to\s+)?continue\s+reading\b",
    r"\b(?:get|gain|unlock)\s+(?:full|all|unlimited)\s+(?:digital\s+)?access\b",
    r"\bunlimited\s+(?:digital\s+)?access\b",
    r"\bthis\s+(?:article|content|story)\s+is\s+(?:only\s+)?(?:available|reserved|exclusive)\s+"
    r"(?:to|for)\s+(?:paying\s+)?(?:subscribers|members)\b",
    r"\bsign\s+up\s+(?:for|to)\s+(?:our|the)\b.{0,40}\bnewsletters?\b",
    r"\bhave\s+something\s+to\s+say\?",
    r"\baccess\s+to\s+(?:make|read|post|write)\b.{0,20}\bcomments\b",
    r"\b(?:support|fund)\s+(?:our|independent|quality)\s+journalism\b",
    r"\bbecome\s+a\s+(?:member|subscriber|supporter|patron)\b",
    lower=True,
)


# Every _SUBSCRIPTION pattern contains one of these; checking them first (plain substring
# tests) is ~20x cheaper than the full alternation on the many lines that are not prompts.
_SUBSCRIPTION_WORDS = ("subscri", "member", "trial", "account required", "account is required",
                       "already a ", "already subscribed", "already have an", "log in",
                       "sign in", "continue reading", "full access", "all access", "unlimited",
                       "digital access", "newsletter", "something to say", "access to ",
                       "journalism", "become a ")


def is_subscription_prompt(line: str) -> bool:
    """Subscription, paywall, newsletter and comment-access prompts."""
    low = line.lower()
    return (_contains_any(low, _SUBSCRIPTION_WORDS) and _words(line) <= SHORT_LINE_WORDS
            and bool(_SUBSCRIPTION.search(low)))


_READING_TIME = _any(
    r"^(?:by\s*:?\s*)?(?:\d{1,3}|one|two|three|four|five)\s*-?\s*(?:min(?:ute)?s?)"
    r"(?:\s+(?:read|reading|listen))?$",
    r"^(?:reading|read|listening)\s+time\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?)$",
)
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|posted\s+by|reporting\s+by|"
                     r"story\s+by|reported\s+by)\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[—–]\s+")
_NAME_JOINERS = frozenset({"and", "&", "de", "da", "van", "von", "der", "del", "la", "le",
                           "bin", "al", "|", "-", "—", "–", "in", "for", "the"})


def is_reading_time(line: str) -> bool:
    """Reading-time lines ("5 min read", "BY: 5 min read", "Reading time: 4 minutes")."""
    return bool(_READING_TIME.match(line.strip().rstrip(".")))


def byline_names(line: str) -> str | None:
    """The names of a byline ("By Jane Doe and John Roe | Reuters"), or None if not one."""
    match = _BYLINE.match(line.strip())
    if match is None or _words(line) > 14 or line.rstrip().endswith((".", "!", "?")):
        return None
    rest = _BYLINE_SEPARATOR.split(match.group("rest"))[0].strip(" ,")
    words = [w.strip(",") for w in rest.split()]
    words = [w for w in words if w]
    if not words or not words[0][:1].isupper():
        return None
    named = sum(1 for w in words if w[:1].isupper() or w.lower() in _NAME_JOINERS)
    if named < 0.75 * len(words):
        return None
    return rest or None


def is_byline(line: str) -> bool:
    """Bylines and reading-time lines."""
    return is_reading_time(line) or byline_names(line) is not None


_IMAGE_LABEL = _any(
    r"^(?:featured\s+)?(?:image|photo|picture|video|graphic|gallery)\s*(?:for|of)?\s*:\s*\S",
    r"^(?:featured\s+)?(?:image|photo|picture|video|graphic)\s+for\s+\S",
    r"^(?:photo|image|picture)\s*(?:credit|courtesy|source)?\s*(?::|by)\s*.{1,80}$",
    r"^(?:photograph|credit|photo\s+credit|image\s+credit|source\s+image)\s*:\s*.{1,80}$",
    r"^\(?(?:getty\s+images|shutterstock|ap\s+photo|afp\s+photo|reuters\s+photo|epa-efe)"
    r"(?:\s*/\s*[^)]{1,60})?\)?$",
    r"^(?:view|open)\s+(?:image\s+)?(?:gallery|in\s+gallery|full\s+size)\b",
    r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}$",
)


def is_image_label(line: str) -> bool:
    """Image labels and credits on their own line ("Featured image for: ...", "Photo: AP")."""
    return (_words(line) <= SHORT_LINE_WORDS and not line.rstrip().endswith(".")
            and bool(_IMAGE_LABEL.match(line.strip())))


_PROMO_OUR = re.compile(
    r"\b(?:see|read|check\s+out|explore|follow)\s+our\s+(?:full\s+|latest\s+|recent\s+|"
    r"ongoing\s+|complete\s+|live\s+)?(?:coverage|reporting|reports?|stor(?:y|ies)|articles?|"
    r"analysis|live\s+blog|explainer)\b")
_PROMO_START = _any(
    r"(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this|related|recommended|"
    r"related\s+(?:article|story|coverage|content)|watch|listen|editor'?s\s+pick)\s*[:|»>]",
    r"(?:click|tap)\s+here\b",
    r"(?:follow|like)\s+us\s+on\b",
    r"share\s+(?:this\s+)?(?:article|story|post|on\s+\w+)?$",
    r"(?:tweet|email|print|share|copy\s+link|whatsapp)(?:\s*[|/·]\s*\w+)+$",
)


def is_promo(line: str) -> bool:
    """Cross-promotion and sharing widgets ("Read more: ...", "see our coverage", "Share")."""
    stripped = line.strip()
    if _words(stripped) > SHORT_LINE_WORDS:
        return False
    if _PROMO_START.match(stripped):
        return True
    low = stripped.lower()
    return " our " in low and bool(_PROMO_OUR.search(low))


_BANNER_START = _any(
    r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|paid\s+content)$",
    r"skip\s+to\s+(?:main\s+)?(?:content|navigation)$",
)
_BANNER_ANY = _any(
    r"\bpowered\s+by\s+\w+[^.!?]{0,30}$",
    r"\b(?:we\s+use\s+cookies|cookie\s+(?:policy|settings|preferences)|accept\s+(?:all\s+)?"
    r"cookies)\b",
    lower=True,
)
# Copyright notices run longer ("... may not be published, broadcast, rewritten or redistributed").
_LEGAL = _any(r"^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d\b)",
              r"\ball\s+rights\s+reserved\b",
              r"\bmay\s+not\s+be\s+(?:published|reproduced),?\s+broadcast\b", lower=True)
_BANNER_WORDS = ("powered by", "cookie")
_LEGAL_WORDS = ("©", "(c)", "copyright", "rights reserved", "broadcast")


def is_banner(line: str) -> bool:
    """Site banners and chrome: "Powered by ...", "Advertisement", cookie and copyright lines."""
    stripped = line.strip()
    words = _words(stripped)
    if words > SHORT_LINE_WORDS:
        return False
    low = stripped.lower()
    if words <= BANNER_MAX_WORDS and (_BANNER_START.match(stripped) or (
            _contains_any(low, _BANNER_WORDS) and _BANNER_ANY.search(low))):
        return True
    return _contains_any(low, _LEGAL_WORDS) and bool(_LEGAL.search(low))


_INSTAGRAM = _any(r"^view\s+this\s+(?:post|profile)\s+on\s+(?:instagram|facebook|tiktok)$",
                  r"^a\s+post\s+shared\s+by\b.{0,80}$")
_PIC_LINK = re.compile(r"\s*(?:https?://)?\b(?:pic\.twitter\.com|t\.co)/\w+", re.IGNORECASE)


def is_embed_chrome(line: str) -> bool:
    """Embed chrome that is boilerplate wherever it stands ("View this post on Instagram")."""
    stripped = line.strip()
    return bool(_INSTAGRAM.match(stripped)) or (
        bool(_PIC_LINK.match(stripped)) and not _PIC_LINK.sub("", stripped).strip())


LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("comment counter", is_comment_counter),
    ("subscription prompt", is_subscription_prompt),
    ("byline", is_byline),
    ("image label", is_image_label),
    ("promo", is_promo),
    ("banner", is_banner),
    ("embed chrome", is_embed_chrome),
)
"""Every single-line rule, in the order they are tried; names appear in debug logs."""


LINE_RULE_MAX_CHARS = 320
"""Every line rule is for short lines (at most SHORT_LINE_WORDS words; prompts and notices
seen run to ~200 characters); longer lines skip them all, which keeps body paragraphs cheap."""


def line_rule(line: str) -> str | None:
    """The name of the first line rule that flags ``line``, or None."""
    if not line or len(line) > LINE_RULE_MAX_CHARS:
        return None
    for name, rule in LINE_RULES:
        if rule(line):
            return name
    return None


# --- block rules ------------------------------------------------------------------------------

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
    if match is None or _words(line) > CAPTION_MAX_WORDS:
        return None
    credit = match.group(1).strip()
    words = {w.lower().strip(".,:") for w in re.split(r"[\s/]+", credit) if w}
    if "/" in credit or ({"photo", "image", "images", "x", "getty", "credit"} & words):
        return credit
    # "(Reuters)" after a full stop ends wire copy; a short unpunctuated line with a bare
    # agency credit is a caption.
    before = line[: match.start()].rstrip()
    if words <= _CREDIT_WORDS and _words(line) <= ALT_TEXT_MAX_WORDS and not before.endswith(
            (".", "!", "?")):
        return credit
    return None


def strip_captions(lines: list[str]) -> list[str]:
    """Drop photo captions that end with a credit, and the alt-text line right above them."""
    out: list[str] = []
    for line in lines:
        if line and caption_credit(line) is not None:
            if out and out[-1] and not _ends_sentence(out[-1]) and (
                    _words(out[-1]) <= ALT_TEXT_MAX_WORDS):
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
                out.append(_PIC_LINK.sub("", line))
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
        if line.rstrip().endswith(":") and _words(line) <= 15:
            return len(out) - back
    if link_at >= 0 and len(out) - link_at <= EMBED_MAX_LINES:
        return link_at
    return len(out)


_COUNT = re.compile(r"^\d{1,5}$|^\d{1,5}\s+(?:comments?|shares?|views?|min(?:ute)?s?\s+read|"
                    r"(?:hours?|minutes?|days?)\s+ago)$", re.IGNORECASE)
_TAIL_HEADERS = _any(
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
        if line and _words(line) <= 6 and _TAIL_HEADERS.match(line.strip().rstrip(":")):
            return _trim(lines[:index])
    start = _teaser_units_start(lines, tail_from)
    return _trim(lines[:start]) if start is not None else lines


def _teaser_units_start(lines: list[str], tail_from: int) -> int | None:
    counts = [i for i in range(tail_from, len(lines)) if lines[i] and _COUNT.match(lines[i])]
    if not counts:
        return None
    headline = _previous(lines, counts[0])
    if headline is None or _ends_sentence(lines[headline].rstrip("?")) or (
            _words(lines[headline]) > 25):
        return None
    start = headline
    label = _previous(lines, headline)
    if label is not None and not _ends_sentence(lines[label]) and _words(lines[label]) <= 8:
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
    return (RELATED_MIN_WORDS <= _words(stripped) <= RELATED_MAX_WORDS
            and not _ends_sentence(stripped) and not stripped.endswith((":", ",", ";", "—")))


def strip_related_headlines(lines: list[str]) -> list[str]:
    """Drop headline-shaped lines standing alone between body paragraphs (links elsewhere).

    Only a line with a blank line on both sides counts: a line glued to the next one is a
    paragraph (or a sentence) that merely lacks its full stop.
    """
    text_lines = [line for line in lines if line]
    if not text_lines:
        return lines
    punctuated = sum(1 for line in text_lines if _ends_sentence(line))
    if punctuated < PUNCTUATED_SHARE * len(text_lines):
        return lines
    last = len(lines) - 1
    return [line for i, line in enumerate(lines)
            if not (line and is_related_headline(line) and (i == 0 or not lines[i - 1])
                    and (i == last or not lines[i + 1]))]
