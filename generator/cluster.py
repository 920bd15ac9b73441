"""Group sources into developing stories.

PLACEHOLDER owned by the cluster work: keeps the public signature ``group``.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.config import ClusterSettings
from generator.model import Source, StoryDraft


def group(sources: Sequence[Source], *, settings: ClusterSettings) -> list[StoryDraft]:
    """All sources in one story (first version)."""
    return [StoryDraft(sources=tuple(sources))] if sources else []
