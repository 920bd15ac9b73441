"""Stable story slugs across builds, and redirects when stories merge, split or vanish.

PLACEHOLDER owned by the identity work: keeps the public signature ``assign_slugs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.model import Story


def assign_slugs(stories: Sequence[Story], *, state_dir: Path | None,
                 today: str) -> tuple[list[Story], list[tuple[str, str]]]:
    """Make slugs unique (no history yet); returns stories and (old, new) redirects."""
    seen: dict[str, int] = {}
    out: list[Story] = []
    for story in stories:
        n = seen.get(story.id, 0)
        seen[story.id] = n + 1
        slug = story.id if n == 0 else f"{story.id}-{n + 1}"
        out.append(Story(**{**{f: getattr(story, f) for f in story.__dataclass_fields__},
                            "id": slug, "first_seen": today, "updated": today}))
    return out, []
