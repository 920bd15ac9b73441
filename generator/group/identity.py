"""Stable story slugs across builds, and redirects when stories merge, split or vanish.

A story keeps its slug while most of the articles of a previous story remain in it: the previous
story's article ids are matched against each new story's (containment above
``CONTINUITY_THRESHOLD``), so new articles may join and the headline may change without moving
the URL. When several previous stories continue in one new story (a merge), the one contributing
most articles survives and the others redirect to it. A previous story whose articles scattered
(a split with no majority part) redirects to the part holding most of them; one whose articles
are gone redirects home. Slugs once used are never given to another story, so an old link can
lead to where its content went, or home, but never to the wrong story.

Each story also gets ``first_seen``, ``updated`` (the build date its content last changed) and
``changes`` (what is new since the previous build).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from generator.group import history
from generator.group.history import HOME, History, StoryRecord
from generator.model import Story

CONTINUITY_THRESHOLD = 0.5
"""A previous story continues in a new one when strictly more than this share of its articles
are in it: "most of its articles remain". A strict majority can hold in at most one new story,
so a slug never has two claimants."""

SLUG_MAX_CHARS = 60
"""Longest slug: long enough for a distinctive headline, short enough for a chat link."""

ITEM_HASH_CHARS = 12
"""Hex digits of the per-entry hashes kept in the history (collisions at 48 bits: negligible)."""


def assign_slugs(stories: Sequence[Story], *, state_dir: Path | None,
                 today: str) -> tuple[list[Story], list[tuple[str, str]]]:
    """Give each story its stable slug, dates and changes; list every old URL's redirect.

    Reads the history under ``state_dir`` but writes nothing (see ``remember``), so an analysis
    that is never published does not move anything.

    Args:
        stories: the merged stories of this build (their ``id`` is ignored except to remap
            ``related``).
        state_dir: where the history lives (the cache dir); None means no history.
        today: ISO date of this build.

    Returns:
        The stories with ``id``, ``first_seen``, ``updated`` and ``changes`` set, and every
        redirect ``(old slug, new slug)`` to publish; a new slug of ``""`` means the home page.
    """
    past = history.load(state_dir)
    heirs, retired = _match(stories, past)
    slugs = _new_slugs(stories, heirs, past)
    redirects = _redirects(retired, slugs, past)
    out = [_annotate(story, slug, past.stories.get(slug), today)
           for story, slug in zip(stories, slugs, strict=True)]
    return _remap_related(stories, out), sorted(redirects.items())


def remember(stories: Sequence[Story], redirects: Sequence[tuple[str, str]], *,
             state_dir: Path, today: str) -> None:
    """Save this build's stories and redirects as the history the next build matches against.

    Call it once the site is published, so a failed build leaves yesterday's history.
    """
    records = {s.id: _record(s, today) for s in stories}
    history.save(state_dir, History(built=today, stories=records, redirects=dict(redirects)))


def article_ids(story: Story) -> set[str]:
    """Every article id in the story, primaries and folded copies."""
    return {a.id for s in story.sources for a in s.articles}


def _match(stories: Sequence[Story], past: History) -> tuple[dict[int, str], dict[str, int | None]]:
    """Which new story inherits which old slug; where every other old slug's content went."""
    owner = {a: slug for slug, rec in past.stories.items() for a in rec.articles}
    overlap: dict[str, Counter[int]] = {slug: Counter() for slug in past.stories}
    for index, story in enumerate(stories):
        for article in article_ids(story):
            if article in owner:
                overlap[owner[article]][index] += 1
    claims: dict[int, list[tuple[int, str]]] = {}
    retired: dict[str, int | None] = {}
    for slug, counts in overlap.items():
        best = _best(counts)
        if best is None:
            retired[slug] = None
            continue
        index, shared = best
        if shared > CONTINUITY_THRESHOLD * len(past.stories[slug].articles):
            claims.setdefault(index, []).append((shared, slug))
        else:
            retired[slug] = index
    heirs: dict[int, str] = {}
    for index, claimants in claims.items():
        ranked = sorted(claimants, key=lambda c: (-c[0], past.stories[c[1]].first_seen, c[1]))
        heirs[index] = ranked[0][1]
        retired.update({slug: index for _, slug in ranked[1:]})
    return heirs, retired


def _best(counts: Counter[int]) -> tuple[int, int] | None:
    """The new story holding most of an old story's articles (ties: the earlier one)."""
    if not counts:
        return None
    index, shared = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return index, shared


def _new_slugs(stories: Sequence[Story], heirs: dict[int, str], past: History) -> list[str]:
    taken = set(past.stories) | set(past.redirects) | set(heirs.values())
    slugs: list[str] = []
    for index, story in enumerate(stories):
        slug = heirs.get(index) or _unique(slugify(story.title), taken)
        taken.add(slug)
        slugs.append(slug)
    return slugs


def slugify(title: str) -> str:
    """Lower-case ASCII words joined by dashes, cut at a word boundary; ``story`` when empty."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > SLUG_MAX_CHARS:
        cut = slug[:SLUG_MAX_CHARS + 1]
        slug = cut[:cut.rfind("-")] if "-" in cut else slug[:SLUG_MAX_CHARS]
    return slug or "story"


def _unique(base: str, taken: set[str]) -> str:
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _redirects(retired: dict[str, int | None], slugs: list[str],
               past: History) -> dict[str, str]:
    """Old slug -> live slug (or home) for this build's retirements and every earlier one."""
    live = set(slugs)
    now = {old: (slugs[i] if i is not None else HOME) for old, i in retired.items()}
    out = dict(now)
    for old, target in past.redirects.items():
        if old in live:
            continue
        if target in live or target == HOME:
            out[old] = target
        else:
            out[old] = now.get(target, HOME)
    return out


def _annotate(story: Story, slug: str, previous: StoryRecord | None, today: str) -> Story:
    record = _record(dataclasses.replace(story, id=slug), today)
    if previous is None:
        return dataclasses.replace(story, id=slug, first_seen=today, updated=today, changes=())
    if previous.digest == record.digest:
        return dataclasses.replace(story, id=slug, first_seen=previous.first_seen,
                                   updated=previous.updated, changes=())
    return dataclasses.replace(story, id=slug, first_seen=previous.first_seen, updated=today,
                               changes=describe_changes(previous, record))


def describe_changes(previous: StoryRecord, current: StoryRecord) -> tuple[str, ...]:
    """What a reader finds new: ``("3 new sources", "2 new timeline entries")``."""
    counts = (
        (len(set(current.sources) - set(previous.sources)), "new source", "new sources"),
        (len(set(current.timeline) - set(previous.timeline)),
         "new timeline entry", "new timeline entries"),
        (len(set(current.quotes) - set(previous.quotes)), "new quote", "new quotes"),
    )
    changes = tuple(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
    if changes:
        return changes
    dropped = len(set(previous.sources) - set(current.sources))
    if dropped:
        return (f"{dropped} source{'s' if dropped > 1 else ''} removed",)
    return ("details revised",)


def _record(story: Story, today: str) -> StoryRecord:
    sources = tuple(s.id for s in story.sources)
    timeline = tuple(_short(str(e.date), e.text) for e in story.timeline)
    quotes = tuple(_short(q.speaker, q.text) for q in story.quotes)
    digest = _short(
        *sorted(article_ids(story)),
        *(f"{e.date}\0{e.text}\0{','.join(e.sources)}" for e in story.timeline),
        *(f"{q.speaker}\0{q.text}\0{','.join(q.sources)}" for q in story.quotes))
    return StoryRecord(slug=story.id, title=story.title, articles=tuple(sorted(article_ids(story))),
                       first_seen=story.first_seen or today, updated=story.updated or today,
                       digest=digest, sources=sources, timeline=timeline, quotes=quotes)


def _short(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:ITEM_HASH_CHARS]


def _remap_related(before: Sequence[Story], after: list[Story]) -> list[Story]:
    """Point ``related`` (set by merge with pre-identity ids) at the final slugs."""
    counts = Counter(s.id for s in before)
    mapping = {old.id: new.id for old, new in zip(before, after, strict=True)
               if counts[old.id] == 1}
    return [dataclasses.replace(s, related=tuple(mapping[r] for r in s.related if r in mapping))
            if s.related else s for s in after]
