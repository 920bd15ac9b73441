"""Every type that crosses a stage boundary.

Frozen, slotted and typed: collections are tuples so values are hashable, picklable for the
cache, and cannot be mutated by a later stage. Stages exchange only these types.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["year", "month", "day"]
EntityKind = Literal["person", "org", "place", "other"]

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


class _Pickled:
    """Pickles as a call of the constructor with the field values.

    A frozen, slotted dataclass otherwise unpickles through ``dataclasses`` code that looks the
    fields up again for every object: that was most of the time of reading a warm build's cache
    (about 20 objects per article).
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, name) for name in _field_names(type(self)))


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate(_Pickled):
    """A date known to day, month or year precision.

    ``str()`` gives ``'2025-11-13'``, ``'2025-11'`` or ``'2025'``. Ordering compares
    ``(year, month or 0, day or 0)``, so a month-level date sorts before that month's days.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            dt.date(self.year, self.month or 1, self.day)  # raises ValueError when impossible

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    # Ordered by hand (with functools.total_ordering): the generated ordering compares None
    # with a number (a month-precision date against a day-precision one) and raises TypeError.
    def __lt__(self, other: PartialDate) -> bool:
        return self.order_key() < other.order_key()

    def order_key(self) -> tuple[int, int, int]:
        """The date's place in the order, as a plain tuple (compared in C, cheap as a key)."""
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @classmethod
    def parse(cls, value: str | None) -> PartialDate | None:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a longer ISO timestamp is cut to the day).

        Returns None for anything else (TIMEX3 values such as ``2025-W46`` or ``PRESENT_REF``).
        """
        if not value:
            return None
        match = _ISO_PARTIAL.match(value.strip()[:10])
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            return cls(year or 0, month, day)
        except ValueError:
            return None

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """A day-precision date from a ``datetime.date``."""
        return cls(value.year, value.month, value.day)

    def earliest(self) -> dt.date:
        """The first calendar day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last calendar day this date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def contains(self, other: PartialDate) -> bool:
        """True when ``other`` lies within this date (2025-11 contains 2025-11-13)."""
        return self.earliest() <= other.earliest() and other.latest() <= self.latest()


@dataclass(frozen=True, slots=True)
class Article(_Pickled):
    """One input item (a file, a JSON line, a feed entry), cleaned or not yet cleaned."""

    id: str
    """Stable id: the input's own id where it has one, else a hash of the normalised text."""
    path: str
    """Where it came from, relative to the content root; ``feed.xml#3`` for multi-item inputs."""
    text: str
    title: str | None = None
    published: PartialDate | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    """Input keys we do not interpret, kept as (key, value) pairs."""
    provenance: tuple[tuple[str, str], ...] = ()
    """Where each metadata field was found: ``("published", "header")``. Values: ``metadata``
    (a field of the input format), ``header`` (a line above the body), ``body`` (the text),
    ``url`` (date folders in the article's URL), ``filename``, ``copies`` (reconciled across
    near-duplicates), ``inferred``."""
    notes: tuple[str, ...] = ()
    """User-facing remarks about this input (repaired encoding, dropped date, ...)."""

    def found(self, name: str) -> str | None:
        """Where field ``name`` was found, or None when it was not."""
        return dict(self.provenance).get(name)


@dataclass(frozen=True, slots=True)
class Skipped(_Pickled):
    """An input that did not become an article, and why."""

    path: str
    reason: str
    """One line, user-facing: ``unknown format '.docx'``, ``line 7: not valid JSON``."""


@dataclass(frozen=True, slots=True)
class Source(_Pickled):
    """An article and the near-duplicate copies folded into it."""

    primary: Article
    copies: tuple[Article, ...] = ()
    reference: PartialDate | None = None
    """The date relative expressions in this source are resolved against: its reconciled
    publication date, or one inferred from its content and story when it states none."""

    @property
    def id(self) -> str:
        """The primary article's id."""
        return self.primary.id

    @property
    def articles(self) -> tuple[Article, ...]:
        """The primary followed by its copies."""
        return (self.primary, *self.copies)


@dataclass(frozen=True, slots=True)
class DateMention(_Pickled):
    """A temporal expression in a text, TIMEX3 style."""

    start: int
    end: int
    text: str
    value: str
    """Normalised TIMEX3 value: ``2025-11-13``, ``2025-W46``, ``P3D``, ``PRESENT_REF``, ..."""
    type: str = "DATE"
    """TIMEX3 type: DATE, TIME, DURATION or SET."""

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` character offsets."""
        return (self.start, self.end)

    @property
    def date(self) -> PartialDate | None:
        """The calendar date this mention names, if any (``2025-11-13T10:00`` gives the day)."""
        return PartialDate.parse(self.value) if self.type in ("DATE", "TIME") else None


@dataclass(frozen=True, slots=True)
class Quote(_Pickled):
    """A direct quotation in a text."""

    start: int
    end: int
    text: str
    """The words inside the quotation marks. A quote split by its attribution, or running over
    paragraphs, gives one Quote per part, each with the speaker."""
    speaker: str | None = None
    cue: str | None = None
    role: str | None = None
    """The speaker's role as the text gives it at the cue ("Texas Rep."), else None."""

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` character offsets of the quoted words."""
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Event(_Pickled):
    """A dated statement from one article."""

    date: PartialDate
    text: str
    """The clause or sentence that carries the date, trimmed to what happened."""
    article_id: str
    start: int = 0
    end: int = 0
    date_text: str = ""
    """The surface form that gave the date (``on Thursday``)."""


@dataclass(frozen=True, slots=True)
class Extraction(_Pickled):
    """Everything extracted from one source's primary article (cached by content hash)."""

    article_id: str
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity(_Pickled):
    """A named person, organisation or place."""

    name: str
    kind: EntityKind = "other"


@dataclass(frozen=True, slots=True)
class Features(_Pickled):
    """What clustering and date reconciliation read from one article (cached by content hash).

    Computed per article, in parallel and once per content, so the corpus-level stages that
    need them (``cluster``, ``reconcile``) only do corpus-level work.
    """

    entities: tuple[Entity, ...] = ()
    """Named people, organisations and places of the title and text, in order, repeats kept
    (clustering counts them; a story's tags rank them)."""
    stated_dates: tuple[PartialDate, ...] = ()
    """Full dates the text states (``reconcile.explicit_dates``)."""
    referred: tuple[PartialDate, ...] = ()
    """Earlier days and months the text refers back to (``backrefs.referred_dates``): what
    links an event to the earlier event of its thread that it names."""


@dataclass(frozen=True, slots=True)
class StoryDraft(_Pickled):
    """Sources grouped into one developing story, with why they were grouped."""

    sources: tuple[Source, ...]
    terms: tuple[str, ...] = ()
    """Shared names and terms that tie the sources together, most telling first."""
    events: tuple[tuple[str, ...], ...] = ()
    """The thread's events as the ids of their sources (``group.threads``); empty: one
    event of all the sources."""


@dataclass(frozen=True, slots=True)
class TimelineEntry(_Pickled):
    """One dated happening of a story, merged across sources."""

    date: PartialDate
    text: str
    sources: tuple[str, ...]
    """Ids of the sources that report it, first reporter first."""
    disputed: tuple[tuple[str, PartialDate], ...] = ()
    """Sources that put the same happening at another date: (source id, their date)."""


@dataclass(frozen=True, slots=True)
class KeyQuote(_Pickled):
    """A quotation worth showing, merged across the sources that report it."""

    speaker: str
    text: str
    sources: tuple[str, ...]
    """Ids of the sources that carry it; the first holds ``text`` verbatim."""
    said_on: PartialDate | None = None
    role: str | None = None
    """The speaker's role as one of the sources gives it ("Texas Rep."), else None."""


@dataclass(frozen=True, slots=True)
class ThreadEvent(_Pickled):
    """One event of a thread: a happening and its coverage (a chapter of the story page)."""

    id: str
    """Anchor within the thread's page, unique in the thread."""
    title: str
    first: PartialDate | None
    """Earliest publication date of its articles."""
    last: PartialDate | None
    articles: tuple[str, ...]
    """Ids of its articles (primaries and copies)."""


@dataclass(frozen=True, slots=True)
class Story(_Pickled):
    """A developing news thread, ready to be written as a page."""

    id: str
    """Stable slug (see identity.assign_slugs)."""
    title: str
    summary: str
    sources: tuple[Source, ...]
    timeline: tuple[TimelineEntry, ...] = ()
    quotes: tuple[KeyQuote, ...] = ()
    entities: tuple[Entity, ...] = ()
    terms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """Slugs of related stories."""
    first_seen: str | None = None
    """ISO date of the build that first showed this story."""
    updated: str | None = None
    """ISO date of the build that last changed it."""
    changes: tuple[str, ...] = ()
    """What is new since the previous build, for the page and the feed ("2 new sources")."""
    events: tuple[ThreadEvent, ...] = ()
    """The events of this thread, oldest first (one for a thread of one event)."""

    @property
    def date_range(self) -> tuple[PartialDate | None, PartialDate | None]:
        """Earliest and latest publication date among the story's sources.

        Asked for every story on every name page that lists it: min and max over plain
        tuples, not a sort through ``PartialDate.__lt__`` (3 s of writing a 10,000-article
        site's pages). Equal dates are equal values, so which one is returned cannot matter.
        """
        dates = [a.published for s in self.sources for a in s.articles if a.published]
        if not dates:
            return (None, None)
        return min(dates, key=PartialDate.order_key), max(dates, key=PartialDate.order_key)


@dataclass(frozen=True, slots=True)
class Analysis(_Pickled):
    """Everything the pipeline learned; ``report.to_json`` is the ``digest analyze`` contract."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()
    """(old slug, new slug) for stories that merged, split or disappeared."""
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    """Seconds per stage, for the build summary."""

    def duplicate_of(self) -> dict[str, str]:
        """Map from each folded copy's id to its primary's id."""
        return {c.id: s.primary.id for st in self.stories for s in st.sources for c in s.copies}
