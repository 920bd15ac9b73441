"""Merge a story draft and its sources' extractions into a Story.

Each event of the thread is read into a partial (``partial.partial``: depends on that event's
sources alone, so the pipeline keeps it per event), and ``compose`` builds the story from the
partials: title and summary by ``eventsummary``, the timeline by ``eventtimeline``, key quotes
by ``keyquotes.compose``, and the entities of the sources (found by ``features``) aggregated.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from generator.config import StorySettings
from generator.group import vectors
from generator.model import (
    Entity,
    Extraction,
    PartialDate,
    Source,
    Story,
    StoryDraft,
    ThreadEvent,
)
from generator.story import eventsummary, eventtimeline, keyquotes, partial, summary
from generator.story.partial import EventPartial

log = logging.getLogger(__name__)

# Most entities listed for a story (tags on the page): past twenty they stop being telling.
MAX_ENTITIES = 20
# Places each kind of name is sure of among them when it has that many: people, organisations
# and places compete for the rest by how widely they are reported. With one shared cap a
# story naming many bodies and places listed few of its people, and People pages come from
# these tags (Thein Sein lost his page so).
KIND_SHARE = 6
# In a story of more sources than this, a name is listed only when at least this many sources
# mention it: a name in one report of many is a detail, and the entity finder's slips
# ("Considering Lionsgate") rarely repeat across reports. Smaller stories list every name.
MIN_SPREAD = 2
# Words of an event's earliest headline kept in its anchor: enough to read, short in a URL.
MAX_ANCHOR_WORDS = 8
# Hex digits of an article id's hash in the anchor of an event without a headline: two events
# of one thread starting on the same day differ in them (a clash still gets a number).
ANCHOR_HASH_CHARS = 6
# Longest provisional slug; identity.assign_slugs makes slugs stable across builds.
MAX_SLUG_CHARS = 60
# Entity kinds in the order a reader scans them; "other" comes last whatever its count.
KIND_ORDER = {"person": 0, "org": 0, "place": 0, "other": 1}


def merge(draft: StoryDraft, extractions: Mapping[str, Extraction], *,
          settings: StorySettings,
          entities: Mapping[str, Sequence[Entity]] | None = None,
          partials: Mapping[tuple[str, ...], EventPartial] | None = None) -> Story:
    """Assemble one story from its draft and the extractions of its sources.

    Args:
        draft: the sources of the story (after ``reconcile``) and their shared terms.
        extractions: per-source extraction keyed by the primary article id.
        settings: limits on what a story page shows.
        entities: per-source names found beforehand (``features``); others are found here.
        partials: the partials of the thread's events worked out before (``pipeline`` keeps
            them per event), keyed by the event's source ids as in ``draft.events``; the
            others are read here (``partial.partial``).

    Returns:
        The story (``compose`` of its events' partials) with a provisional slug.
    """
    known = partials or {}
    by_id = {s.id: s for s in draft.sources}
    parts = [known.get(ids) or partial.partial([by_id[i] for i in ids if i in by_id],
                                               extractions, settings=settings)
             for ids in event_ids(draft)]
    return compose(draft, parts, settings=settings, entities=entities)


def event_ids(draft: StoryDraft) -> tuple[tuple[str, ...], ...]:
    """The source ids of each event of the thread (all its sources for a thread of one)."""
    return draft.events or (tuple(s.id for s in draft.sources),)


def compose(draft: StoryDraft, parts: Sequence[EventPartial], *, settings: StorySettings,
            entities: Mapping[str, Sequence[Entity]] | None = None) -> Story:
    """The thread's story from its events' partials (one per ``event_ids(draft)``, in order).

    A pure function of the draft, the partials and the settings, so a thread composed from
    cached partials is the thread merged from scratch.
    """
    sources = draft.sources
    title = eventsummary.title([p.title for p in parts], [p.summary for p in parts])
    names = _entities(sources, entities or {})
    terms = (*draft.terms, *(e.name for e in names[:MAX_ENTITIES // 2]))
    return Story(
        id=slugify(title) or (sources[0].id if sources else "story"),
        title=title,
        summary=eventsummary.compose([p.summary for p in parts]),
        sources=sources,
        timeline=eventtimeline.compose([p.timeline for p in parts],
                                       limit=settings.max_timeline, terms=terms),
        quotes=keyquotes.compose([p.quotes for p in parts], limit=settings.max_quotes),
        entities=names,
        terms=draft.terms,
        events=_events(draft, title, parts),
    )


def _events(draft: StoryDraft, title: str,
            parts: Sequence[EventPartial]) -> tuple[ThreadEvent, ...]:
    """The thread's events, oldest first, each titled from its own sources.

    A thread of one event is titled as the story (``title``). Each event's anchor is made
    from its earliest article (``anchor``), not its title, so that a link to a chapter
    survives the event being retitled as it grows.
    """
    by_id = {s.id: s for s in draft.sources}
    found = []
    for ids, part in zip(event_ids(draft), parts, strict=True):
        sources = [by_id[i] for i in ids if i in by_id]
        dates = sorted(a.published for s in sources for a in s.articles if a.published)
        found.append((dates[0] if dates else None, dates[-1] if dates else None, sources,
                      part.title))
    found.sort(key=lambda e: (e[0] is None, e[0] or PartialDate(1), e[2][0].id))
    events: list[ThreadEvent] = []
    used: set[str] = set()
    for first, last, sources, named in found:
        anchor = base = _anchor(sources)
        while anchor in used:
            anchor = f"{base}-{len(used) + 1}"
        used.add(anchor)
        events.append(ThreadEvent(id=anchor, title=title if len(found) == 1 else named,
                                  first=first, last=last,
                                  articles=tuple(a.id for s in sources for a in s.articles)))
    return tuple(events)


def _anchor(sources: Sequence[Source]) -> str:
    """A readable anchor for an event, made from its earliest article.

    An event grows with later articles, so its earliest one rarely changes, while its title
    (the most central headline) can change with any new article. The anchor is that
    article's headline, slugged (MAX_ANCHOR_WORDS words); when it has no headline of its own
    (a stand-in taken from its first line), its date and a short hash of its id.
    """
    articles = [a for s in sources for a in s.articles]
    if not articles:
        return "event"
    earliest = min(articles, key=lambda a: (a.published is None,
                                            a.published.earliest() if a.published else None,
                                            a.id))
    if earliest.title and earliest.found("title") not in summary.WEAK_TITLE_ORIGINS:
        words = slugify(summary.clean_headline(earliest.title)).split("-")
        if slug := "-".join(words[:MAX_ANCHOR_WORDS]):
            return slug
    digest = hashlib.sha1(earliest.id.encode("utf-8")).hexdigest()[:ANCHOR_HASH_CHARS]
    return f"event-{earliest.published}-{digest}" if earliest.published else f"event-{digest}"


def slugify(title: str) -> str:
    """A provisional URL slug: lower-case ASCII words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0] if len(slug) > MAX_SLUG_CHARS else slug


def _entities(sources: Sequence[Source],
              known: Mapping[str, Sequence[Entity]]) -> tuple[Entity, ...]:
    """Entities of all sources, most widely reported people, organisations, places first.

    In a story of more than ``MIN_SPREAD`` sources only names that many sources mention count.

    A surname one source uses alone ("Reid") counts as the full name another source gives
    ("Tara Reid") when exactly one person of the story has that surname.
    """
    found = [list(known[source.id]) if source.id in known
             else list(vectors.entities_of(source.primary)) for source in sources]
    full = _full_names(e for names in found for e in names)
    spread: Counter[Entity] = Counter()
    mentions: Counter[Entity] = Counter()
    for names in found:
        named = [full.get(e, e) for e in names]
        spread.update(set(named))
        mentions.update(named)
    least = MIN_SPREAD if len(sources) > MIN_SPREAD else 1
    ranked = sorted((e for e in spread if spread[e] >= least),
                    key=lambda e: (KIND_ORDER.get(e.kind, 1), -spread[e], -mentions[e], e.name))
    return _capped(ranked)


def _capped(ranked: Sequence[Entity]) -> tuple[Entity, ...]:
    """The first ``MAX_ENTITIES`` of ``ranked``, each main kind sure of ``KIND_SHARE`` places.

    The order of ``ranked`` is kept.
    """
    sure: set[int] = set()
    for kind in ("person", "org", "place"):
        sure.update([i for i, e in enumerate(ranked) if e.kind == kind][:KIND_SHARE])
    rest = [i for i in range(len(ranked)) if i not in sure][:max(0, MAX_ENTITIES - len(sure))]
    return tuple(ranked[i] for i in sorted(sure.union(rest)))


def _full_names(entities: Iterable[Entity]) -> dict[Entity, Entity]:
    """Variants of a person's name -> the one name the story uses for them.

    "Richard M. Nixon" and "W. Mark Felt" are the "Richard Nixon" and "Mark Felt" of other
    reports (initials, middle names and "Jr." aside; the most frequent form wins); a lone
    surname ("Reid") is the story's one person with that surname (ambiguous ones stay).
    """
    counts = Counter(e for e in entities if e.kind == "person")
    variants: dict[tuple[str, str], list[Entity]] = {}
    for person in counts:
        key = _person_key(person.name)
        if key is not None:
            variants.setdefault(key, []).append(person)
    folded: dict[Entity, Entity] = {}
    by_surname: dict[str, set[Entity]] = {}
    for forms in variants.values():
        best = min(forms, key=lambda e: (-counts[e], len(e.name), e.name))
        folded.update({form: best for form in forms if form != best})
        surname = [w for w in best.name.split() if w.lower().rstrip(".,") not in _NAME_SUFFIXES]
        by_surname.setdefault(surname[-1], set()).add(best)
    folded.update({e: next(iter(by_surname[e.name])) for e in counts
                   if " " not in e.name and len(by_surname.get(e.name, ())) == 1})
    return folded


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _person_key(name: str) -> tuple[str, str] | None:
    """First and last name, lower-cased, initials and suffixes aside; None for one word."""
    words = [w.lower().rstrip(".,") for w in name.split()]
    words = [w for w in words if len(w) > 1 and w not in _NAME_SUFFIXES]
    return (words[0], words[-1]) if len(words) > 1 else None
