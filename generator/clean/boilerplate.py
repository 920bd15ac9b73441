"""Scrape boilerplate rules for single lines: each a small named, pure ``str -> bool``.

Line rules (True = boilerplate) are listed in ``LINE_RULES``. Rules that look at neighbouring
lines (captions with their alt text, social embeds, teaser blocks) are in ``page_blocks``.
Lines arrive whitespace-normalised (single spaces, stripped).

Patterns are general shapes seen across outlets (news sites, aggregators, wire copy), never
strings copied from particular articles; the tests show each on several outlets' shapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

LineRule = Callable[[str], bool]

SHORT_LINE_WORDS = 40
"""Prompts, counters and credits are short: a line longer than this is body text even when it
contains a trigger phrase (calibrated on subscription prompts, 8-30 words)."""

BANNER_MAX_WORDS = 10
"""Banners are a few words ("BETA Version - Powered by X", "Advertisement"); a sentence that
mentions "powered by" or "copyright" is longer."""

_TERMINAL = ".!?\"'”’)…"


def word_count(line: str) -> int:
    """Words in a whitespace-normalised line."""
    # Lines arrive whitespace-normalised (single spaces, stripped): counting spaces is 5x
    # cheaper than splitting, and this runs for every line of every article.
    return line.count(" ") + 1 if line else 0


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence-closing punctuation (or a closing quote)."""
    return line.rstrip().endswith(tuple(_TERMINAL))


def _contains_any(low: str, words: tuple[str, ...]) -> bool:
    # A plain loop: about 3x faster than any() over a generator on this hot path.
    for word in words:  # noqa: SIM110
        if word in low:
            return True
    return False


def any_pattern(*patterns: str, lower: bool = False) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` (case-insensitive unless ``lower``)."""
    # lower=True: the pattern is searched in lower-cased text, without IGNORECASE, which keeps
    # the regex engine's fast paths (3x faster on unanchored alternations).
    flags = 0 if lower else re.IGNORECASE
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# --- line rules -------------------------------------------------------------------------------

_COMMENT_COUNTER = any_pattern(
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


_SUBSCRIPTION = any_pattern(
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
    return (_contains_any(low, _SUBSCRIPTION_WORDS) and word_count(line) <= SHORT_LINE_WORDS
            and bool(_SUBSCRIPTION.search(low)))


_READING_TIME = any_pattern(
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
    if match is None or word_count(line) > 14 or line.rstrip().endswith((".", "!", "?")):
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


_IMAGE_LABEL = any_pattern(
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
    return (word_count(line) <= SHORT_LINE_WORDS and not line.rstrip().endswith(".")
            and bool(_IMAGE_LABEL.match(line.strip())))


_PROMO_OUR = re.compile(
    r"\b(?:see|read|check\s+out|explore|follow)\s+(?:our|more\s+of|\S+['’]s)\s+"
    r"(?:full\s+|latest\s+|recent\s+|"
    r"ongoing\s+|complete\s+|live\s+)?(?:coverage|reporting|reports?|stor(?:y|ies)|articles?|"
    r"analysis|live\s+blog|explainer)\b")
_PROMO_OUR_WORDS = (" our ", "’s ", "'s ", "more of")
_PROMO_START = any_pattern(
    r"(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this|related|recommended|"
    r"related\s+(?:article|story|coverage|content)|watch|listen|editor'?s\s+pick)\s*[:|»>]",
    r"(?:click|tap)\s+here\b",
    r"listen\s+to\s+(?:this|the)\s+(?:article|story)\b",
    r"(?:follow|like)\s+us\s+on\b",
    r"share\s+(?:this\s+)?(?:article|story|post|on\s+\w+)?$",
    r"(?:tweet|email|print|share|copy\s+link|whatsapp)(?:\s*[|/·]\s*\w+)+$",
)


def is_promo(line: str) -> bool:
    """Cross-promotion and sharing widgets ("Read more: ...", "see our coverage", "Share")."""
    stripped = line.strip()
    if word_count(stripped) > SHORT_LINE_WORDS:
        return False
    if _PROMO_START.match(stripped):
        return True
    low = stripped.lower()
    return _contains_any(low, _PROMO_OUR_WORDS) and bool(_PROMO_OUR.search(low))


_BANNER_START = any_pattern(
    r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|paid\s+content)$",
    r"skip\s+to\s+(?:main\s+)?(?:content|navigation)$",
)
_BANNER_ANY = any_pattern(
    r"\bpowered\s+by\s+\w+[^.!?]{0,30}$",
    r"\b(?:we\s+use\s+cookies|cookie\s+(?:policy|settings|preferences)|accept\s+(?:all\s+)?"
    r"cookies)\b",
    lower=True,
)
# Copyright notices run longer ("... may not be published, broadcast, rewritten or redistributed").
_LEGAL = any_pattern(r"^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d\b)",
              r"\ball\s+rights\s+reserved\b",
              r"\bmay\s+not\s+be\s+(?:published|reproduced),?\s+broadcast\b", lower=True)
_BANNER_WORDS = ("powered by", "cookie")
_LEGAL_WORDS = ("©", "(c)", "copyright", "rights reserved", "broadcast")


def is_banner(line: str) -> bool:
    """Site banners and chrome: "Powered by ...", "Advertisement", cookie and copyright lines."""
    stripped = line.strip()
    words = word_count(stripped)
    if words > SHORT_LINE_WORDS:
        return False
    low = stripped.lower()
    if words <= BANNER_MAX_WORDS and (_BANNER_START.match(stripped) or (
            _contains_any(low, _BANNER_WORDS) and _BANNER_ANY.search(low))):
        return True
    return _contains_any(low, _LEGAL_WORDS) and bool(_LEGAL.search(low))


_SEPARATOR = re.compile(r"^[\W_]+$")


def is_separator(line: str) -> bool:
    """Lines of punctuation only ("___", "* * *", "—"), which separate page furniture."""
    return bool(_SEPARATOR.match(line))


_INSTAGRAM = any_pattern(r"^view\s+this\s+(?:post|profile)\s+on\s+(?:instagram|facebook|tiktok)$",
                  r"^a\s+post\s+shared\s+by\b.{0,80}$")
PIC_LINK = re.compile(r"\s*(?:https?://)?\b(?:pic\.twitter\.com|t\.co)/\w+", re.IGNORECASE)


def is_embed_chrome(line: str) -> bool:
    """Embed chrome that is boilerplate wherever it stands ("View this post on Instagram")."""
    stripped = line.strip()
    return bool(_INSTAGRAM.match(stripped)) or (
        bool(PIC_LINK.match(stripped)) and not PIC_LINK.sub("", stripped).strip())


LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("comment counter", is_comment_counter),
    ("subscription prompt", is_subscription_prompt),
    ("byline", is_byline),
    ("image label", is_image_label),
    ("promo", is_promo),
    ("banner", is_banner),
    ("embed chrome", is_embed_chrome),
    ("separator", is_separator),
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
