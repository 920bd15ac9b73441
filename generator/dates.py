"""Find temporal expressions and normalise them to TIMEX3 values.

``find_dates`` runs every surface rule of ``generator.timex`` over the text, keeps the longest
non-overlapping matches, and resolves them in reading order so that discourse state ("the
quarter" after "the third quarter") carries forward. Rules are compiled once at import.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from generator.model import DateMention
from generator.timex import amount_rules, calendar_rules, relative_rules
from generator.timex.base import Context, Rule

log = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = (
    *calendar_rules.RULES, *relative_rules.RULES, *amount_rules.RULES,
)
"""Every rule; earlier rules win ties between matches of equal length."""

_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_BACK = re.compile(r"year[- ](?:ago|earlier)|last year's", re.IGNORECASE)
_TRAILING = " ,;:"


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found = []
    for priority, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), priority, match))
    return found


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
        resolved = RULES[priority].handler(match, ctx)
        if resolved is None or not resolved[0]:
            continue
        value, kind = resolved
        surface = match.group().rstrip(_TRAILING)
        start = match.start()
        mentions.append(DateMention(start, start + len(surface), surface, value, kind))
        if RULES[priority].name == "quarter" and _QUARTER.match(value) and not _BACK.search(
                surface):
            ctx.last_quarter = value
    return mentions
