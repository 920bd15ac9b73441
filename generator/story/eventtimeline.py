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

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.model import Event, PartialDate, Source, TimelineEntry
from generator.story import timeline, timelinecut
from generator.text import textvec

# Happenings one event keeps, as a multiple of the entries a page shows: the thread's terms
# and the other events' salience re-rank them, so the cut needs choice beyond one page.
EVENT_ENTRIES_FACTOR = 3
# Days whose salience an event keeps besides those of its kept happenings (the most salient):
# another event's happening on such a day is ranked with this event's references too.
SALIENT_DAYS = 50
# Texts of a happening compared with other events' happenings on its date (its first
# members'), and happenings of one date compared (the first events' first; the comparison
# within a date is quadratic). On a synthetic 600-source thread of 20 events (1,540 kept
# happenings, days of up to 200): one text and 200 joined 157 pairs in 0.37 s, three texts
# 173 in 2.5 s, one text and 60 only 81 in 0.14 s.
TEXTS_COMPARED = 1
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
    scores = [timelinecut.importance(en, (), salience) for en in entries]
    cut = timelinecut.spread(entries, scores)[:EVENT_ENTRIES_FACTOR * limit]
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
    entries, spans = [], []
    for members in _join(parts):
        group = timeline.Group()
        for sid, event in sorted(members, key=lambda m: (rank[m[0]], m[1].start)):
            group.add(rank[sid], event, len(group.members))
        entries.append(timeline.entry(group, ids, copies))
        spans.append(timelinecut.spans_of(event for _, event in members))
    start = timelinecut.first_report(when for part in parts for _, when, _ in part.sources)
    return timelinecut.arrange(entries, limit=limit, terms=terms, salience=salience,
                               rank=rank, spans=spans, start=start)


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
    two on the same date whose wording is similar (``_Wording``, at
    ``timeline.MERGE_SIMILARITY``) are one. In the order the events kept them.
    """
    by_date: dict[PartialDate, list[tuple[Place, Happening]]] = {}
    for n, part in enumerate(parts):
        for k, happening in enumerate(part.happenings):
            by_date.setdefault(happening.date, []).append(((n, k), happening))
    shared = [found for found in by_date.values() if len({p[0] for p, _ in found}) > 1]
    wording = _Wording([_texts(h) for found in shared for _, h in found[:MAX_SAME_DATE]])
    joined: list[tuple[Place, list[tuple[str, Event]]]] = []
    for found in by_date.values():
        if len({place[0] for place, _ in found}) == 1:
            joined.extend((place, list(h.members)) for place, h in found)
        else:
            joined.extend(_join_date(found, wording))
    return [members for _, members in sorted(joined, key=lambda j: j[0])]


def _texts(happening: Happening) -> list[str]:
    """The first TEXTS_COMPARED distinct texts of a happening's members."""
    return list(dict.fromkeys(e.text for _, e in happening.members))[:TEXTS_COMPARED]


class _Wording:
    """Similarity of happenings' texts as ``timeline.similarity`` weighs it, word by word.

    Weights (sublinear tf, smoothed idf over all compared texts, L2-normalised) are found
    once per text, so comparing a date's few happenings costs a few dictionary look-ups, and
    the whole is linear in the texts compared.
    """

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        flat = [t for group in texts for t in group]
        self.actions = self._weigh(flat, textvec.analyze_actions)
        self.names = self._weigh(flat, lambda t: sorted(textvec.names(t)))

    @staticmethod
    def _weigh(texts: Sequence[str],
               analyzer: Callable[[str], list[str]]) -> dict[str, dict[str, float]]:
        counts = {t: Counter(analyzer(t)) for t in dict.fromkeys(texts)}
        frequency = Counter(w for c in counts.values() for w in c)
        weighed = {}
        for text, count in counts.items():
            row = {w: (1 + math.log(n)) * (math.log((1 + len(texts)) / (1 + frequency[w])) + 1)
                   for w, n in count.items()}
            norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
            weighed[text] = {w: v / norm for w, v in row.items()}
        return weighed

    def similarity(self, one: Sequence[str], two: Sequence[str]) -> float:
        """Best similarity of a text of ``one`` to a text of ``two``."""
        return max((timeline.ACTION_WEIGHT * _dot(self.actions[a], self.actions[b])
                    + (1 - timeline.ACTION_WEIGHT) * _dot(self.names[a], self.names[b])
                    for a in one for b in two), default=0.0)


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(w, 0.0) for w, v in small.items())


def _join_date(found: list[tuple[Place, Happening]], wording: _Wording
               ) -> list[tuple[Place, list[tuple[str, Event]]]]:
    """Happenings of one date from several events, the same ones joined (greedy, in order).

    Only the first MAX_SAME_DATE are compared; the others stay alone.
    """
    groups: list[list[int]] = []
    texts = [_texts(h) for _, h in found[:MAX_SAME_DATE]]
    for k in range(len(texts)):
        event = found[k][0][0]
        target = next((g for g in groups if all(found[j][0][0] != event for j in g)
                       and max(wording.similarity(texts[k], texts[j]) for j in g)
                       >= timeline.MERGE_SIMILARITY), None)
        if target is None:
            groups.append([k])
        else:
            target.append(k)
    groups.extend([k] for k in range(MAX_SAME_DATE, len(found)))
    return [(min(found[k][0] for k in g), [m for k in g for m in found[k][1].members])
            for g in groups]
