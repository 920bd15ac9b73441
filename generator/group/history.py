"""The story history: what each published story held, kept between builds in the cache dir.

One JSON file, written atomically (temporary file + ``os.replace``), so a build that dies
half-way leaves the previous history intact. A missing file is a first build; an unreadable
or malformed one is a warning and a fresh start (every story new, no redirects), never a
failed build.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

HISTORY_FILE = "history.json"
FORMAT = 1
"""Version of the file layout; a file of another version is set aside like a corrupt one."""

HOME = ""
"""Redirect target meaning the home page (the story disappeared without successor)."""


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """What one story looked like at the last build that showed it."""

    slug: str
    articles: tuple[str, ...]
    """Ids of all its articles (primaries and copies): what identity is matched on."""
    first_seen: str
    updated: str
    digest: str
    """Hash of the content readers see change: sources, timeline, quotes."""
    sources: tuple[str, ...] = ()
    """Source (primary article) ids, to count new sources."""
    timeline: tuple[str, ...] = ()
    """Short hashes of timeline entries, to count new ones."""
    quotes: tuple[str, ...] = ()
    """Short hashes of key quotes, to count new ones."""
    title: str = ""


@dataclass(frozen=True, slots=True)
class History:
    """Every live story of the previous build plus every old slug's redirect target."""

    built: str | None = None
    stories: dict[str, StoryRecord] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    """Old slug -> live slug, or ``HOME``."""


def load(state_dir: Path | None) -> History:
    """The saved history under ``state_dir``; an empty one when absent or unreadable."""
    if state_dir is None:
        return History()
    path = state_dir / HISTORY_FILE
    if not path.exists():
        return History()
    try:
        return _decode(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        log.warning("Story history '%s' is unreadable (%s); starting fresh: every story is new "
                    "and old URLs get no redirects", path, exc)
        return History()


def save(state_dir: Path, history: History) -> None:
    """Write ``history`` under ``state_dir`` atomically."""
    state_dir.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "built": history.built,
            "stories": [_encode(r) for r in history.stories.values()],
            "redirects": dict(sorted(history.redirects.items()))}
    fd, tmp = tempfile.mkstemp(prefix=".history-", suffix=".json", dir=state_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        Path(tmp).replace(state_dir / HISTORY_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _encode(record: StoryRecord) -> dict[str, Any]:
    return {"slug": record.slug, "title": record.title, "first_seen": record.first_seen,
            "updated": record.updated, "digest": record.digest,
            "articles": list(record.articles), "sources": list(record.sources),
            "timeline": list(record.timeline), "quotes": list(record.quotes)}


def _decode(data: Any) -> History:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a history file of format {FORMAT}")
    stories: dict[str, StoryRecord] = {}
    for item in data["stories"]:
        record = StoryRecord(
            slug=str(item["slug"]), title=str(item.get("title", "")),
            first_seen=str(item["first_seen"]), updated=str(item["updated"]),
            digest=str(item["digest"]), articles=_strings(item["articles"]),
            sources=_strings(item.get("sources", [])),
            timeline=_strings(item.get("timeline", [])), quotes=_strings(item.get("quotes", [])))
        stories[record.slug] = record
    redirects = data.get("redirects", {})
    if not isinstance(redirects, dict):
        raise TypeError("redirects must be a mapping")
    built = data.get("built")
    return History(built=str(built) if built else None, stories=stories,
                   redirects={str(k): str(v) for k, v in redirects.items()})


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return tuple(str(v) for v in value)
