"""Merge dated events across a story's sources into one chronological timeline.

Events that tell the same happening (TF-IDF cosine of their words, weighted by how rare each
word is in the story) at compatible dates (equal, or one containing the other: ``2025-11``
holds ``2025-11-03``) become one entry citing every source. When very similar events carry
incompatible dates, the date most sources give wins and the others are listed as disputed.

A dispute is two sources attaching different *explicit* dates to the same happening: a date
whose words name it ("in March 2011", "Feb. 3"). A date resolved only from the article's own
publication day ("today", "on Thursday", "last year") is the article's news peg: a later
article restating an older fact with it makes no claim about when the fact happened, so such
an event never disputes, and never refines, an explicitly dated one. Nor do two similar
texts whose clauses tell different happenings: the date must attach to one predicate with
the same arguments on both sides (``happening.same_happening``: "the spill began on April
20" and "... on April 22" dispute; "talks began Monday" and "talks ended Friday" do not).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from generator.clean import furniture
from generator.extract.events import MAX_EVENT_WORDS
from generator.model import Event, PartialDate, Source, TimelineEntry
from generator.story import happening, seams
from generator.story.timelinecut import arrange, first_report, spans_of
from generator.text import textvec

log = logging.getLogger(__name__)

# Similarity of two events: cosine of their lower-case words (the action: "designated",
# "begun planning") weighted this much, the rest from their capitalised names (the actors).
# Names alone match different happenings of the same people, hence the weight on actions.
ACTION_WEIGHT = 0.7
# Similarity above which two events at compatible dates are one happening. Calibrated on the
# sample story (two reports of the same NBC story score about 0.4, different happenings of the
# same people below 0.2) and on hand-written pairs in tests/test_timeline.py.
MERGE_SIMILARITY = 0.3
# Similarity above which two events at incompatible dates are the same happening told with
# different dates (a dispute) rather than two happenings. On the sample story one background
# fact told with two months scores 0.32 while the closest pair of different happenings of the
# same people scores 0.27; the threshold sits between them, at the merge threshold.
DISPUTE_SIMILARITY = 0.3
# A dispute needs at least one coarse (month or year) date, and the two dates within this many
# days: sources disagree about background facts, while two different days of a running story
# are usually two happenings (a second strike, a second report).
DISPUTE_MAX_DAYS = 400
# The entry text closest to this many characters reads best: one line, subject and verb.
IDEAL_TEXT_CHARS = 150
# Most events compared pairwise in one story (the comparison is quadratic in time and memory:
# 1,500 events take about a second and 36 MB). Larger stories keep the events of the dates
# most sources refer to.
MAX_EVENTS_COMPARED = 1500
# Groups an event is checked against, most similar first: past a few dozen, a further group
# would have to be both less similar and the only one with a compatible date.
MAX_CANDIDATE_GROUPS = 30
# Date salience (DATEWISE idea: a day many articles refer to from other days mattered). Each
# article published on a day adds this much to that day; each article referring to a day adds
# one. Calibrated on Timeline17 (benchmarks/timeline.py): 0, 0.25, 0.5 and 1 all score within
# 0.01 Date-F1; 0.25 breaks ties between equally referred days in favour of busy news days.
PUBLICATION_WEIGHT = 0.25
# A reference made long after (or before) the day counts more: a day still recalled weeks
# later mattered. Each reference weighs 1 + LAG_WEIGHT * ln(1 + days between). On T17, 0.25
# gained 0.005-0.007 Date-F1 over 0 on two tagger versions; 0.5 to 1 were no better.
LAG_WEIGHT = 0.25
# Weight of an article's reference to its own publication day: such references mostly restate
# the day's news, which PUBLICATION_WEIGHT already counts (0 scored 0.005 above 1 on T17).
SAME_DAY_WEIGHT = 0.0

_BROKEN_QUOTE = re.compile(r"\w\"\w")
# An event text that starts mid-clause or with page furniture is no readable entry: a closing
# bracket or a ticker's tail ("N) exploded in flames ..."), a list bullet or number, a bar,
# markup, a lower-case word (not "eBay"). Its date still counts for date salience.
_FRAGMENT_START = re.compile(r"^(?:[a-z](?![A-Z])|[)\]|<]|\\?\*|[A-Z]{1,3}\)|\d{1,2}\)\s)")
# Words that name a calendar value: a year ("2011", "'09"), a month name, a numeric date
# ("3/11"). A date phrase without them ("Thursday", "today", "last month") was resolved from
# the article's publication date.
_EXPLICIT_DATE = re.compile(
    r"\d{4}|'\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b\d{1,2}[/.-]\d{1,2}\b", re.IGNORECASE)


@dataclass
class Group:
    """Events of one story that tell one happening (a timeline entry in the making)."""

    members: list[tuple[int, Event]] = field(default_factory=list)
    """(source rank, event): rank is the source's position, first reporter first."""
    dates: set[PartialDate] = field(default_factory=set)
    ranks: set[int] = field(default_factory=set)
    explicit: set[PartialDate] = field(default_factory=set)
    """Dates some member names in words (see ``is_explicit``)."""
    deictic: set[PartialDate] = field(default_factory=set)
    """Dates some member only resolved from its publication day."""

    indices: list[int] = field(default_factory=list)
    """Position of each member among the compared events (rows of the similarity matrix)."""

    def add(self, rank: int, event: Event, index: int) -> None:
        """Take ``event`` (of the source at ``rank``; ``index``: its row) into the group."""
        self.members.append((rank, event))
        self.indices.append(index)
        self.dates.add(event.date)
        self.ranks.add(rank)
        (self.explicit if is_explicit(event) else self.deictic).add(event.date)


def is_explicit(event: Event) -> bool:
    """True when the event's date phrase names its date ("March 2011", "Feb. 3").

    False for a date resolved from the article's own publication day ("today", "on
    Thursday", "last year"). An event without its date phrase (built by hand) counts as
    explicit.
    """
    return not event.date_text or bool(_EXPLICIT_DATE.search(event.date_text))


def build(events: Mapping[str, Sequence[Event]], sources: Sequence[Source], *,
          limit: int, terms: Sequence[str] = ()) -> tuple[TimelineEntry, ...]:
    """The story's timeline from its sources' events.

    Args:
        events: each source's events, keyed by source id.
        sources: the story's sources; their dates decide who reported first.
        limit: most entries kept (the most important; then shown in date order).
        terms: names and terms central to the story; entries mentioning them rank higher.

    Returns:
        Entries in chronological order (a month-level entry before that month's days).
    """
    ordered, groups, salience = read_events(events, sources)
    ids = [s.id for s in ordered]
    copies = [len(s.articles) for s in ordered]
    return arrange([entry(g, ids, copies) for g in groups], limit=limit, terms=terms,
                   salience=salience, rank={sid: r for r, sid in enumerate(ids)},
                   spans=[spans_of(e for _, e in g.members) for g in groups],
                   start=first_report(s.primary.published for s in sources))


def read_events(events: Mapping[str, Sequence[Event]], sources: Sequence[Source]
                ) -> tuple[list[Source], list[Group], dict[PartialDate, float]]:
    """Sources in first-reporter order, their events grouped, and the days' salience.

    Group members are ranked by that order; the salience is ``date_salience`` of the days
    the sources refer to.
    """
    ordered = first_reporter_order(sources)
    rank = {s.id: i for i, s in enumerate(ordered)}
    texts = {s.id: s.primary.text for s in ordered}
    items = [(rank[sid], e) for sid, evs in events.items() if sid in rank
             for page in [functools.cache(lambda sid=sid: seams.PageWords.of(texts[sid]))]
             for e in evs if readable(e.text, page)]
    items.sort(key=lambda item: (item[0], item[1].start))
    # Within one story every source counts alike: the lag bonus would favour old background.
    salience = date_salience(((s.reference or s.primary.published, events.get(s.id, ()))
                              for s in ordered), lag_weight=0.0)
    if not items:
        return ordered, [], salience
    items = _most_referred(items)
    return ordered, _group(items, similarity([e.text for _, e in items])), salience


def _most_referred(items: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """At most MAX_EVENTS_COMPARED events: those whose date most sources refer to.

    Comparing events is quadratic; a story of hundreds of sources keeps the events of its
    most referred-to dates (the ones a timeline of ``limit`` entries can show anyway).
    """
    if len(items) <= MAX_EVENTS_COMPARED:
        return items
    referred = Counter(date for _, date in {(r, e.date) for r, e in items})
    by_date = Counter(e.date for _, e in items)
    kept: set[PartialDate] = set()
    total = 0
    for date, _ in sorted(((d, referred[d]) for d in by_date), key=lambda p: -p[1]):
        if total + by_date[date] > MAX_EVENTS_COMPARED:
            continue
        kept.add(date)
        total += by_date[date]
    log.debug("timeline: compared %d of %d events", total, len(items))
    return [(r, e) for r, e in items if e.date in kept]


def readable(text: str, page: Callable[[], seams.PageWords] | None = None) -> bool:
    """Whether an event text reads as a timeline entry (its date counts for salience anyway).

    Not a run-on span or a fragment; not a sentence with a headline or caption glued to it
    (``seams.glued``, read against the words of its page when ``page`` gives them), a list
    introduction or a teaser (``furniture``).
    """
    if len(text.split()) > MAX_EVENT_WORDS or _FRAGMENT_START.match(text):
        return False
    return not (seams.glued(text, page) or furniture.is_furniture(text))


def date_salience(articles: Iterable[tuple[PartialDate | None, Sequence[Event]]], *,
                  first: dt.date | None = None, last: dt.date | None = None,
                  lag_weight: float = LAG_WEIGHT) -> dict[PartialDate, float]:
    """How much each day matters to a collection of articles, from their events.

    Args:
        articles: each article's publication date and events.
        first: earliest day counted (None: no bound).
        last: latest day counted (None: no bound).
        lag_weight: how much more a reference counts per log-day of distance (0: all alike).

    Returns:
        Day-precise dates with a score: articles referring to the day from another day
        (more when far from it), plus ``PUBLICATION_WEIGHT`` per article published on it.
    """
    scores: defaultdict[PartialDate, float] = defaultdict(float)
    for published, events in articles:
        days = {e.date for e in events if e.date.precision == "day"
                and _within(e.date, first, last)}
        for day in days:
            scores[day] += _reference_weight(day, published, lag_weight)
        if published is not None and published.precision == "day" and _within(
                published, first, last):
            scores[published] += PUBLICATION_WEIGHT
    return dict(scores)


def _reference_weight(day: PartialDate, published: PartialDate | None,
                      lag_weight: float) -> float:
    if published is None or published.precision != "day":
        return 1.0
    if day == published:
        return SAME_DAY_WEIGHT
    lag = abs((day.earliest() - published.earliest()).days)
    return 1.0 + lag_weight * math.log1p(lag)


def _within(date: PartialDate, first: dt.date | None, last: dt.date | None) -> bool:
    return (first is None or date.earliest() >= first) and (last is None or
                                                             date.latest() <= last)


def first_reporter_order(sources: Sequence[Source]) -> list[Source]:
    """The sources by publication (else reference) date, undated last, ties in given order."""
    def when(pair: tuple[int, Source]) -> tuple[int, object, int]:
        index, source = pair
        date = source.primary.published or source.reference
        return (date is None, date.earliest() if date else None, index)
    return [s for _, s in sorted(enumerate(sources), key=when)]


def similarity(texts: Sequence[str]) -> textvec.Matrix:
    """Pairwise similarity of event texts: mostly what happened, partly who was involved."""
    actions = textvec.cosine_matrix(texts, analyzer=textvec.analyze_actions)
    names = textvec.cosine_matrix(texts, analyzer=lambda t: sorted(textvec.names(t)))
    return ACTION_WEIGHT * actions + (1 - ACTION_WEIGHT) * names


@functools.lru_cache(maxsize=65536)
def compatible(a: PartialDate, b: PartialDate) -> bool:
    """True when the two dates can name the same moment (equal, or one holds the other)."""
    return a.contains(b) or b.contains(a)


def _group(items: Sequence[tuple[int, Event]],
           sim: textvec.Matrix) -> list[Group]:
    groups: list[Group] = []
    group_of = np.zeros(len(items), dtype=np.intp)
    same_day: defaultdict[PartialDate, set[int]] = defaultdict(set)
    per_day = Counter((rank, e.date) for rank, e in items)
    floor = min(MERGE_SIMILARITY, DISPUTE_SIMILARITY)
    for i, (rank, event) in enumerate(items):
        scores = np.full(len(groups), -1.0)
        np.maximum.at(scores, group_of[:i], sim[i, :i])  # best match within each group
        above = np.flatnonzero(scores >= floor)
        if len(above) > MAX_CANDIDATE_GROUPS:  # only the most similar groups can win anyway
            above = above[np.argsort(-scores[above])[:MAX_CANDIDATE_GROUPS]]
        candidates = set(above.tolist()) | same_day[event.date]
        best, best_score = None, -1.0
        for g in candidates:
            group, score = groups[g], float(scores[g])
            joins = (_joins(group, rank, event, score, sim[i])
                     or _sole_of_day(group, rank, event, per_day))
            if joins and score > best_score:
                best, best_score = g, score
        if best is None:
            groups.append(Group())
            best = len(groups) - 1
        groups[best].add(rank, event, i)
        group_of[i] = best
        if event.date.precision == "day":
            same_day[event.date].add(best)
    return groups


def _joins(group: Group, rank: int, event: Event, score: float,
           row: textvec.Matrix) -> bool:
    """Whether ``event`` belongs in ``group``: the same happening, at its date or disputing it.

    ``score`` is the event's best similarity to a member; ``row`` its similarity to every
    event compared before it. A dispute must hold between the disagreeing events themselves,
    not through a third member that resembles both.
    """
    if all(compatible(event.date, d) for d in group.dates):
        return score >= MERGE_SIMILARITY
    if rank in group.ranks:
        return False  # a source does not disagree with itself: two happenings
    if not is_explicit(event) or any(not compatible(event.date, d) for d in group.deictic):
        return False  # a news peg ("today") against another date: a restatement, no dispute
    if score < DISPUTE_SIMILARITY or not all(_disputable(event.date, d) for d in group.dates
                                             if not compatible(event.date, d)):
        return False
    return all(row[j] >= DISPUTE_SIMILARITY and happening.same_fact(event.text, e.text)
               for (_, e), j in zip(group.members, group.indices, strict=True)
               if not compatible(event.date, e.date))


def _sole_of_day(group: Group, rank: int, event: Event,
                 per_day: Counter[tuple[int, PartialDate]]) -> bool:
    """Two sources each reporting one happening on the same day, naming the same actor.

    Their wording may share little ("Rubio said the U.S. will not..." and "Rubio spoke to the
    media at the airport"), but a source that reports one thing on a day and another source
    that reports one thing on that day with the same actor are telling the same happening.
    """
    if (event.date.precision != "day" or per_day[(rank, event.date)] != 1
            or group.dates != {event.date} or rank in group.ranks):
        return False
    if any(r == rank or e.date != event.date or per_day[(r, e.date)] != 1
           for r, e in group.members):
        return False
    names = _names(event.text)
    return all(names & _names(e.text) for _, e in group.members)


@functools.lru_cache(maxsize=65536)
def _names(text: str) -> frozenset[str]:
    """``textvec.names``, remembered: a busy day compares each event with many groups."""
    return frozenset(textvec.names(text))


@functools.lru_cache(maxsize=65536)
def _disputable(a: PartialDate, b: PartialDate) -> bool:
    coarse = a.precision != "day" or b.precision != "day"
    gap = abs((a.earliest() - b.earliest()).days)
    return coarse and gap <= DISPUTE_MAX_DAYS


def entry(group: Group, ids: Sequence[str], copies: Sequence[int]) -> TimelineEntry:
    """The group's entry: the date most sources give, the clearest text, disputes listed.

    ``ids`` and ``copies`` give each rank's source id and its number of published copies.
    """
    date = _winning_date(group, copies)
    agree = [(r, e) for r, e in group.members if compatible(e.date, date)]
    ranks = sorted({r for r, _ in agree})
    disputed: dict[int, PartialDate] = {}
    for r, e in group.members:
        if not compatible(e.date, date) and r not in ranks:
            disputed.setdefault(r, e.date)
    text = max((e for _, e in agree), key=_clarity).text
    return TimelineEntry(date=date, text=text, sources=tuple(ids[r] for r in ranks),
                         disputed=tuple((ids[r], d) for r, d in sorted(disputed.items())))


def _winning_date(group: Group, copies: Sequence[int]) -> PartialDate:
    """The date most sources give (ties: more published copies, then the first reporter).

    A source supports every date compatible with its own; the most precise date among the
    best-supported ones is kept.
    """
    votes: Counter[PartialDate] = Counter()
    weight: Counter[PartialDate] = Counter()
    first: dict[PartialDate, int] = {}
    # A news peg agrees with an explicit date but never makes it more precise: "in 2011"
    # restated "today" stays 2011, not the restating article's day.
    for date in set(group.explicit or group.dates):
        backers = {r for r, e in group.members if compatible(e.date, date)}
        votes[date] = len(backers)
        weight[date] = sum(copies[r] for r in backers)
        first[date] = min(backers)
    precision = {"year": 0, "month": 1, "day": 2}
    return max(votes, key=lambda d: (votes[d], weight[d], -first[d], precision[d.precision],
                                     -d.earliest().toordinal()))


def _clarity(event: Event) -> float:
    text = event.text
    score = -abs(len(text) - IDEAL_TEXT_CHARS) / IDEAL_TEXT_CHARS
    score -= 0.5 * len(_BROKEN_QUOTE.findall(text))
    score -= 0.5 * (text.count("“") != text.count("”"))
    return score
