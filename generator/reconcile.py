"""Reconcile publication dates across copies, content and story.

PLACEHOLDER owned by the timeline work: keeps the public signature ``reconcile``.
"""

from __future__ import annotations

import dataclasses

from generator.model import StoryDraft


def reconcile(draft: StoryDraft) -> StoryDraft:
    """Give every source a reference date (its primary's publication date for now)."""
    sources = tuple(dataclasses.replace(s, reference=s.primary.published) for s in draft.sources)
    return dataclasses.replace(draft, sources=sources)
