"""The temporal tagger: find temporal expressions and normalise them to TIMEX3 values.

Takes a text and a reference date; gives ``DateMention``s (span, surface text, ISO value at the
precision the text supports). A shared primitive: ``clean``, ``group`` and ``extract`` call it.
Imports only ``generator.model``; never a pipeline stage.

``find_dates`` runs every surface rule over the text, keeps the longest non-overlapping
matches, and resolves them in reading order so that discourse state ("the quarter" after "the
third quarter") carries forward. Rules are compiled once at import.

- ``patterns``: word tables (months, numbers, units, holidays, vague references) and the regex
  fragments built from them.
- ``calendar_rules``, ``relative_rules``, ``amount_rules``: the surface rules, each a compiled
  pattern, the trigger words it needs and a resolver returning a TIMEX3 (value, type).
- ``resolve``: date arithmetic anchoring relative expressions to the reference date.
- ``tense``: whether the clause around an expression looks back or ahead.
- ``base``: the Rule and Context types shared by the rule modules.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from generator.model import DateMention
from generator.timex import amount_rules, calendar_rules, relative_rules
from generator.timex.base import Context, Rule
from generator.timex.patterns import trie_regex

log = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = (
    *calendar_rules.RULES, *relative_rules.RULES, *amount_rules.RULES,
)
"""Every rule; earlier rules win ties between matches of equal length."""

_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_YEAR = re.compile(r"^\d{4}(?:-|$)")
_EXPLICIT_YEAR_RULES = frozenset({"year", "month_year", "month_day", "day_month", "iso",
                                  "numeric"})
"""Rules whose year is written out: the antecedent of a later "that year"."""
_BACK = re.compile(r"year[- ](?:ago|earlier)|last year's", re.IGNORECASE)
_TRAILING = " ,;:"
_LEAD = re.compile(
    r"(?:a|an|the|its|their|his|her|our)\s+(?=(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:day|week|month|"
    r"year|hour|minute|quarter|decade)s?\b)|(?:its|their|his|her|our)\s+", re.IGNORECASE)
"""Words a rule matches but TimeBank leaves out of the span: the article of an adjective
("a third-quarter loss", "the 14-day strike") and possessives ("its fourth quarter")."""


_SPACE = re.compile(r"\s")


def _trigger_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for number, rule in enumerate(RULES):
        for word in rule.triggers:
            index.setdefault(word, []).append(number)
    return {word: tuple(numbers) for word, numbers in index.items()}


_TRIGGERS = _trigger_index()
_TRIGGER_RE = re.compile(r"\b" + trie_regex(w for w in _TRIGGERS if not w.startswith("#"))
                         + r"\b|\b\d{4}s?\b|\d/\d|'\d0s")
"""Every trigger word in one pass: words (as a prefix trie, twice as fast as a flat
alternation), four-digit numbers, ``3/11``, ``'90s``."""


def _trigger_key(token: str) -> str:
    if token[0].isalpha():
        return token
    return "#4" if token[:4].isdigit() and "/" not in token else "#"


def _windows(text: str) -> dict[int, list[tuple[int, int]]]:
    """Per rule, the merged stretches of text around its trigger words."""
    windows: dict[int, list[tuple[int, int]]] = {}
    for token in _TRIGGER_RE.finditer(text.lower()):
        for number in _TRIGGERS.get(_trigger_key(token.group()), ()):
            spans = windows.setdefault(number, [])
            before, after = RULES[number].reach
            low, high = token.start() - before, token.end() + after
            if spans and low <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(high, spans[-1][1]))
            else:
                spans.append((low, high))
    return windows


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found: dict[tuple[int, int, int], re.Match[str]] = {}
    for number, spans in _windows(text).items():
        pattern = RULES[number].pattern
        for low, high in spans:
            space = _SPACE.search(text, min(high, len(text)))
            stop = space.start() if space else len(text)
            for match in pattern.finditer(text, max(0, low), stop):
                if match.end() > match.start():
                    found[(match.start(), match.end(), number)] = match
    return [(start, end, number, match) for (start, end, number), match in found.items()]


def _select(found: list[tuple[int, int, int, re.Match[str]]]) -> list[tuple[int, re.Match[str]]]:
    """Longest first (then earliest, then rule order); drop anything overlapping a keeper."""
    found.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    kept = []
    for start, end, priority, match in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        kept.append((priority, match))
    kept.sort(key=lambda k: k[1].start())
    return kept


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every temporal expression in ``text``, normalised against ``reference``.

    Args:
        text: The article text.
        reference: The date relative expressions are anchored to (the publication date);
            without it they get underspecified values such as ``XXXX-02``.

    Returns:
        Mentions sorted by start, non-overlapping, with ``text[start:end] == mention.text``.
    """
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    ctx = Context(text=text, reference=reference)
    mentions: list[DateMention] = []
    for priority, match in _select(_candidates(text)):
        try:
            resolved = RULES[priority].handler(match, ctx)
        except (ValueError, OverflowError):
            # Arithmetic off the calendar ("5,000 years ago", "day 31 of February"): skip it;
            # one odd phrase must never stop an article's extraction.
            log.debug("could not resolve %r", match.group())
            continue
        if resolved is None or not resolved[0]:
            continue
        value, kind = resolved
        surface = match.group().rstrip(_TRAILING)
        lead = _LEAD.match(surface)
        cut = lead.end() if lead and lead.end() < len(surface) else 0
        surface, start = surface[cut:], match.start() + cut
        mentions.append(DateMention(start, start + len(surface), surface, value, kind))
        if _YEAR.match(value) and RULES[priority].name in _EXPLICIT_YEAR_RULES:
            ctx.last_year = value[:4]
        if RULES[priority].name == "quarter" and _QUARTER.match(value) and not _BACK.search(
                surface):
            ctx.last_quarter = value
    return mentions
