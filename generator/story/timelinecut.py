"""The cut of a timeline to the entries a page shows: which, and in what order.

A story's happenings (``timeline``) or a thread's (``eventtimeline``) are more than a page
shows (``max_timeline``). Each entry is scored (``importance``: its sources, the story's terms
it names, its date's precision and salience), the scores are spread over dates (``spread``),
an entry telling a statement already taken is passed over (its events' words overlap:
``spans_of``), and the kept entries go in date order (``chronological``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from generator.model import Event, PartialDate, TimelineEntry

# Importance of an entry for the ``limit`` cut: each further source counts this much more
# than one shared story term; a day-precise date is worth a little over a vague one.
SOURCE_WEIGHT = 3.0
TERM_WEIGHT = 1.0
DAY_PRECISION_BONUS = 0.5
# Weight of the day's salience (date_salience over the story's sources): a day other sources
# refer to is worth about as much as one more shared term. Coarse dates have no salience, so
# old background ("the 1918 pandemic") yields to the story's own days when space is short.
SALIENCE_WEIGHT = 1.0
# Share of its importance the second entry of a date keeps when a timeline is cut (the third
# keeps its square, ...; ``spread``). On the real pile the 40 entries of the threads holding
# the Timeline17 collections span 34.3 dates on average instead of 10.4 (the BP saga's 32
# instead of 1), and their dates score 0.477 Date-F1 against the gold timelines instead of
# 0.228 (``benchmarks.briefing``); the saga's first day, which most of its sources recall,
# keeps 5 entries.
SPREAD_DECAY = 0.5
# An entry dated this long before the story's first report (its whole date: a year or month
# entirely before) is background: pages show it apart, under "Before this story". A month
# allows the happening a story's first reports look back on ("last week's strike").
BACKGROUND_DAYS = 30
# Share of a cut timeline background may take. A saga's sources recall its background in many
# words (the Exxon Valdez, earlier piracy raids), and a real-pile thread's 40 entries held 14
# from before its first report.
BACKGROUND_SHARE = 0.25


Span = tuple[str, int, int]
"""Where an event's words stand: its article's id, their start and end offsets."""


def spans_of(events: Iterable[Event]) -> tuple[Span, ...]:
    """The spans of an entry's events (``arrange``'s ``spans``)."""
    return tuple((e.article_id, e.start, e.end) for e in events)


def arrange(entries: Sequence[TimelineEntry], *, limit: int, terms: Sequence[str],
            salience: Mapping[PartialDate, float], rank: Mapping[str, int],
            spans: Sequence[Sequence[Span]],
            start: PartialDate | None) -> tuple[TimelineEntry, ...]:
    """The ``limit`` most important entries, a date at a time, in chronological order.

    ``entries`` cite sources in first-reporter order (``rank``: each source's position).
    ``spans``: each entry's events' spans; an entry whose words overlap a better one's is
    passed over ("completed at 1930 CDT on 1 June (0030 GMT 2 June)" is one statement,
    though its three dates made three entries). ``start``: the story's first report (None
    when undated); background before it takes at most ``BACKGROUND_SHARE`` of the places.
    """
    scores = [importance(en, terms, salience) for en in entries]
    old = [is_background(en.date, start) for en in entries]
    kept = _distinct(spread(entries, scores), spans, limit, old,
                     background=int(BACKGROUND_SHARE * limit))
    scored = [entries[i] for i in kept]
    # The text breaks ties, so the order never depends on the ranking (nor on ``terms``).
    return tuple(sorted(scored, key=lambda en: (chronological(en.date), rank[en.sources[0]],
                                                en.text)))


def spread(entries: Sequence[TimelineEntry], scores: Sequence[float]) -> list[int]:
    """Indices of ``entries`` best first, a date's further entries counting less and less.

    A date's salience (how many sources refer to it) raises every entry of that date, and
    a saga's sources all recall its first day ("the April 20 explosion that killed 11
    workers"): ranked by importance alone, a 1,400-source thread's 40 entries were all of
    that one day. The n-th best entry of a date counts ``SPREAD_DECAY`` to the n-th power
    of its importance, so a cut keeps more of the salient dates (what Timeline17's date-F1
    rewards, ``benchmarks.timeline``) while a day many sources refer to still gets a few
    entries, and a story of one day keeps its entries of that day, best first. Dates known
    to the month or year count as their year: they are background ("the Exxon Valdez spill
    of March 1989"), and a saga's sources recall the same background in many words.
    """
    order = sorted(range(len(entries)), key=lambda i: -scores[i])
    seen: Counter[tuple[int, int, int]] = Counter()
    weighed = [0.0] * len(entries)
    for i in order:
        slot = _slot(entries[i].date)
        weighed[i] = scores[i] * SPREAD_DECAY ** seen[slot]
        seen[slot] += 1
    return sorted(order, key=lambda i: -weighed[i])  # stable: ties keep importance order


def _slot(date: PartialDate) -> tuple[int, int, int]:
    """A day, or the year of a date known less precisely (``spread``)."""
    return chronological(date) if date.day is not None else (date.year, 0, 0)


def first_report(dates: Iterable[PartialDate | None]) -> PartialDate | None:
    """The earliest of the sources' dates (``arrange``'s ``start``); None when none is dated."""
    return min((d for d in dates if d is not None), key=PartialDate.earliest, default=None)


def is_background(date: PartialDate, start: PartialDate | None) -> bool:
    """Whether a date ends ``BACKGROUND_DAYS`` or more before the first report ``start``."""
    return start is not None and (start.earliest() - date.latest()).days >= BACKGROUND_DAYS


def _distinct(order: Sequence[int], spans: Sequence[Sequence[Span]], limit: int,
              old: Sequence[bool], *, background: int) -> list[int]:
    """The first ``limit`` of ``order`` whose spans overlap no span of one taken before.

    ``old`` entries past the first ``background`` of them wait until the others run out, so a
    story told only in background still shows its timeline.
    """
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    kept: list[int] = []
    waiting: list[int] = []
    for i in order:
        if len(kept) == limit:
            return kept
        if old[i] and background == 0:
            waiting.append(i)
        elif _take(i, spans, taken, kept, limit):
            background -= old[i]
    for i in waiting:
        _take(i, spans, taken, kept, limit)
    return kept


def _take(i: int, spans: Sequence[Sequence[Span]], taken: dict[str, list[tuple[int, int]]],
          kept: list[int], limit: int) -> bool:
    """Keep entry ``i`` if there is room and its spans overlap none taken; whether it was."""
    if len(kept) == limit or any(
            start < other_end and other_start < end for article, start, end in spans[i]
            for other_start, other_end in taken[article]):
        return False
    kept.append(i)
    for article, start, end in spans[i]:
        taken[article].append((start, end))
    return True


def importance(entry: TimelineEntry, terms: Sequence[str],
                salience: Mapping[PartialDate, float]) -> float:
    """How much an entry deserves a place when the timeline is cut to its limit."""
    lowered = entry.text.lower()
    shared = sum(1 for t in terms if t.lower() in lowered)
    bonus = DAY_PRECISION_BONUS if entry.date.precision == "day" else 0.0
    return (SOURCE_WEIGHT * len(entry.sources) + TERM_WEIGHT * shared + bonus
            + SALIENCE_WEIGHT * salience.get(entry.date, 0.0))


def chronological(date: PartialDate) -> tuple[int, int, int]:
    """Sort key: a year before its months, a month before its days."""
    return (date.year, date.month or 0, date.day or 0)
