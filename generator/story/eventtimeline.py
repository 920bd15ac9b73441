"""A thread's timeline from its events' candidate entries, so that an event is read once.

``gather(events, sources, limit=...)`` groups one event's dated statements into happenings
exactly as ``timeline.build`` does and keeps the most important ones (``EventTimeline``:
more than a page shows, bounded, dependent on that event's sources alone). ``compose(parts,
limit=..., terms=...)`` joins happenings of different events that are the same happening on
the same date (their cites united, the winning date and the disputes recomputed over all
their members the way ``timeline`` does), adds up the events' day salience, and cuts and
orders the thread's entries as ``timeline.build`` would. A thread of one event gets the
timeline ``timeline.build`` gives its sources (unless the event had more than
``EVENT_ENTRIES_FACTOR`` times ``limit`` happenings and its terms would have ranked a cut one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from generator.model import Event, PartialDate, Source, TimelineEntry
from generator.story import timeline

# Happenings one event keeps, as a multiple of the entries a page shows: the thread's terms
# and the other events' salience re-rank them, so the cut needs choice beyond one page.
EVENT_ENTRIES_FACTOR = 3
# Days whose salience an event keeps besides those of its kept happenings (the most salient):
# another event's happening on such a day is ranked with this event's references too.
SALIENT_DAYS = 50
# Texts of a happening compared with other events' happenings on its date (its first
# members'): reports of one happening share their wording, and a few versions show it.
TEXTS_COMPARED = 3
# Happenings of one date compared across events (those of most sources first): one day of a
# busy thread holds a few dozen; the comparison within a date is quadratic.
MAX_SAME_DATE = 200


@dataclass(frozen=True, slots=True)
class Happening:
    """One event's reports of one happening: each member's source id and dated statement."""

    members: tuple[tuple[str, Event], ...]
    date: PartialDate
    """The date its members agree on (``timeline.entry``)."""


@dataclass(frozen=True, slots=True)
class EventTimeline:
    """An event's most important happenings, its sources and the salience of its days."""

    happenings: tuple[Happening, ...] = ()
    sources: tuple[tuple[str, PartialDate | None, int], ...] = ()
    """Each source's id, the date it reports on (publication, else reference) and number of
    published copies, in the thread's order."""
    salience: tuple[tuple[PartialDate, float], ...] = field(default=())


def gather(events: Mapping[str, Sequence[Event]], sources: Sequence[Source], *,
           limit: int) -> EventTimeline:
    """One event's candidate entries (see the module docstring)."""
    ordered, groups, salience = timeline.read_events(events, sources)
    ids = [s.id for s in ordered]
    copies = [len(s.articles) for s in ordered]
    entries = [timeline.entry(g, ids, copies) for g in groups]
    cut = sorted(range(len(entries)), key=lambda i: -timeline.importance(
        entries[i], (), salience))[:EVENT_ENTRIES_FACTOR * limit]
    kept = [Happening(tuple((ids[r], e) for r, e in groups[i].members), entries[i].date)
            for i in sorted(cut)]
    days = {e.date for h in kept for _, e in h.members}
    days.update(sorted(salience, key=lambda d: -salience[d])[:SALIENT_DAYS])
    return EventTimeline(
        happenings=tuple(kept),
        sources=tuple((s.id, s.primary.published or s.reference, len(s.articles))
                      for s in sources),
        salience=tuple((d, v) for d, v in salience.items() if d in days))


def compose(parts: Sequence[EventTimeline], *, limit: int,
            terms: Sequence[str] = ()) -> tuple[TimelineEntry, ...]:
    """The thread's timeline from its events' candidate entries (see the module docstring)."""
    ids, copies = _first_reporters(parts)
    rank = {sid: r for r, sid in enumerate(ids)}
    salience: dict[PartialDate, float] = {}
    for part in parts:
        for day, value in part.salience:
            salience[day] = salience.get(day, 0.0) + value
    entries = []
    for members in _join(parts):
        group = timeline.Group()
        for sid, event in sorted(members, key=lambda m: (rank[m[0]], m[1].start)):
            group.add(rank[sid], event, len(group.members))
        entries.append(timeline.entry(group, ids, copies))
    return timeline.arrange(entries, limit=limit, terms=terms, salience=salience, rank=rank)


def _first_reporters(parts: Sequence[EventTimeline]) -> tuple[list[str], list[int]]:
    """Every source's id and copies in first-reporter order (``timeline``'s order)."""
    found = [(when is None, when.earliest() if when else None, n, i, sid, copies)
             for n, part in enumerate(parts)
             for i, (sid, when, copies) in enumerate(part.sources)]
    found.sort(key=lambda f: (f[0], f[1] or 0, f[2], f[3]))
    return [f[4] for f in found], [f[5] for f in found]


Place = tuple[int, int]
"""Where a happening was kept: (event index, position among that event's happenings)."""


def _join(parts: Sequence[EventTimeline]) -> list[list[tuple[str, Event]]]:
    """Each happening's members, those of different events on one date that tell one joined.

    Happenings of one event were kept apart by ``timeline`` and stay apart; across events,
    two on the same date whose wording is similar (``timeline.similarity`` of their first
    texts, at ``timeline.MERGE_SIMILARITY``) are one. In the order the events kept them.
    """
    by_date: dict[PartialDate, list[tuple[Place, Happening]]] = {}
    for n, part in enumerate(parts):
        for k, happening in enumerate(part.happenings):
            by_date.setdefault(happening.date, []).append(((n, k), happening))
    joined: list[tuple[Place, list[tuple[str, Event]]]] = []
    for found in by_date.values():
        if len({place[0] for place, _ in found}) == 1:
            joined.extend((place, list(h.members)) for place, h in found)
        else:
            joined.extend(_join_date(found))
    return [members for _, members in sorted(joined, key=lambda j: j[0])]


def _join_date(found: list[tuple[Place, Happening]]
               ) -> list[tuple[Place, list[tuple[str, Event]]]]:
    """Happenings of one date from several events, the same ones joined (greedy, in order).

    Only the MAX_SAME_DATE reported by most sources are compared; the others stay alone.
    """
    ranked = sorted(range(len(found)), key=lambda k: -len(found[k][1].members))
    compared = sorted(ranked[:MAX_SAME_DATE])
    texts, owner = [], []
    for k in compared:
        for text in list(dict.fromkeys(e.text for _, e in found[k][1].members))[
                :TEXTS_COMPARED]:
            texts.append(text)
            owner.append(k)
    sim = timeline.similarity(texts)
    best = np.full((len(found), len(found)), -1.0)
    rows, cols = np.meshgrid(owner, owner, indexing="ij")
    np.maximum.at(best, (rows.ravel(), cols.ravel()), sim.ravel())
    groups: list[list[int]] = []
    for k in compared:
        event = found[k][0][0]
        target = next((g for g in groups if all(found[j][0][0] != event for j in g)
                       and max(best[k, j] for j in g) >= timeline.MERGE_SIMILARITY), None)
        if target is None:
            groups.append([k])
        else:
            target.append(k)
    groups.extend([k] for k in ranked[MAX_SAME_DATE:])
    return [(min(found[k][0] for k in g), [m for k in g for m in found[k][1].members])
            for g in groups]
