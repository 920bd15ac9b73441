"""Merge a story draft and its extractions into a Story.

PLACEHOLDER owned by the timeline work: keeps the public signature ``merge``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.config import StorySettings
from generator.model import Extraction, KeyQuote, Story, StoryDraft


def merge(draft: StoryDraft, extractions: Mapping[str, Extraction], *,
          settings: StorySettings) -> Story:
    """A story with title, first-sentence summary and unattributed quotes."""
    first = draft.sources[0].primary
    title = first.title or first.id
    quotes = tuple(KeyQuote(q.speaker or "Unknown", q.text, (s.id,))
                   for s in draft.sources for q in extractions[s.id].quotes)
    return Story(id=re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or first.id,
                 title=title, summary=first.text.split("\n")[0][:300], sources=draft.sources,
                 quotes=quotes[: settings.max_quotes], terms=draft.terms)
