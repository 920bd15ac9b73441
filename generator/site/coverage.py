"""A thread's coverage chart: sources per day (or week, or month) across its span, as inline SVG.

Drawn at build time, with no script: bars are ``currentColor`` and the event marks use
Material's accent variable (through ``theme/assets/stylesheets/digest.css``), so the chart
follows the light and dark palettes. Screen readers get the chart as one image
(``role="img"`` with a ``<title>`` and a ``<desc>`` sentence) and the numbers in a visually
hidden table. Every article string in it (event titles) goes through ``escape.text``.

The chart's size is bounded whatever the thread: a span longer than ``MAX_DAY_BARS`` days is
counted by week, one longer than ``MAX_WEEK_BARS`` weeks by month.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from generator.model import PartialDate, Story, ThreadEvent
from generator.site import escape
from generator.site.links import show_date

Unit = Literal["day", "week", "month"]

MAX_DAY_BARS = 92
"""Longest span (days) drawn a bar per day: a quarter. At 92 bars a bar is still ~3 px wide
in the 360 px column of a phone; a longer span would draw bars under 3 px."""

MAX_WEEK_BARS = 104
"""Longest span (weeks) drawn a bar per week (two years); longer spans get a bar per month,
so even a decade-long thread draws at most ~120 bars."""

MIN_DAYS = 2
"""A thread covered on fewer distinct days gets no chart: one bar says nothing the page's
date line does not."""

MIN_SOURCES = 5
"""A thread of fewer dated sources gets no chart: the sample story's four sources on two days
drew two big bars that the source table's date column already shows at a glance."""

WIDTH = 600
"""Width of the drawing in SVG units; the browser stretches it to the column (the bars and
marks are rectangles and lines, which stretch without distortion)."""

HEIGHT = 64
"""Height in SVG units, drawn at a fixed height by the stylesheet (a small chart)."""

BAR_GAP = 0.2
"""Share of each bar's slot left empty, so neighbouring bars stay apart."""

MARK_TITLES = 3
"""Chapter titles named in one mark's tooltip; more are counted. The real pile's largest
thread (297 events, 43 weekly bars) put every title in its marks: 48 KB of chart."""

MAX_MARKS = 8
"""Chapters marked on the chart: the largest (most articles). The real pile's BP thread has
140 chapters over 43 weekly bars; marking each drew a dashed line at nearly every bar, and
the marks stopped saying where the story turned. The chapter list names them all."""

MIN_BAR = 1.5
"""Lowest bar (SVG units) for a count above zero: one source must stay visible next to 300."""


@dataclass(frozen=True)
class Bin:
    """One bar: the days it covers (``last`` included) and the sources first published then."""

    first: dt.date
    last: dt.date
    count: int


@dataclass(frozen=True)
class Mark:
    """Where events begin: the bin index and the titles of the events beginning in that bin."""

    index: int
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """A thread's sources counted per ``unit`` over its span, with its events' starts."""

    unit: Unit
    bins: tuple[Bin, ...]
    first: dt.date
    """The first day a source was published (the first bin may start earlier: a week's Monday)."""
    last: dt.date
    marks: tuple[Mark, ...] = ()
    chapters: int = 0
    """Chapters of the thread (the marks show the ``MAX_MARKS`` largest)."""
    undated: int = 0
    """Sources without a publication day, left out of the bars (said in the description)."""

    @property
    def total(self) -> int:
        """Sources drawn."""
        return sum(b.count for b in self.bins)

    @property
    def peak(self) -> Bin:
        """The busiest bin (the earliest of equals)."""
        return max(self.bins, key=lambda b: (b.count, -b.first.toordinal()))


def source_day(story: Story, index: int) -> dt.date | None:
    """The day source ``index`` was first published (its earliest dated copy), if known."""
    days = [a.published.earliest() for a in story.sources[index].articles
            if a.published is not None and a.published.precision == "day"]
    return min(days) if days else None


def coverage(story: Story) -> Coverage | None:
    """The thread's coverage; None under ``MIN_DAYS`` distinct days or ``MIN_SOURCES`` sources."""
    days = [source_day(story, i) for i in range(len(story.sources))]
    counts = Counter(d for d in days if d is not None)
    if len(counts) < MIN_DAYS or counts.total() < MIN_SOURCES:
        return None
    first, last = min(counts), max(counts)
    unit = _unit(first, last)
    bins = _bins(first, last, unit, counts)
    marks = _marks(_largest(story.events), bins) if len(story.events) > 1 else ()
    return Coverage(unit=unit, bins=bins, first=first, last=last, marks=marks,
                    chapters=len(story.events), undated=days.count(None))


def _largest(events: Sequence[ThreadEvent]) -> list[ThreadEvent]:
    """The ``MAX_MARKS`` dated events of most articles (the earlier of equals), in order."""
    dated = [n for n, e in enumerate(events) if e.first is not None]
    kept = sorted(dated, key=lambda n: (-len(events[n].articles), n))[:MAX_MARKS]
    return [events[n] for n in sorted(kept)]


def _unit(first: dt.date, last: dt.date) -> Unit:
    span = (last - first).days + 1
    if span <= MAX_DAY_BARS:
        return "day"
    return "week" if span <= MAX_WEEK_BARS * 7 else "month"


def _start(day: dt.date, unit: Unit) -> dt.date:
    """The first day of the bin holding ``day`` (weeks start on Monday, as ISO weeks do)."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1) if unit == "month" else day


def _next(start: dt.date, unit: Unit) -> dt.date:
    if unit == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=7 if unit == "week" else 1)


def _bins(first: dt.date, last: dt.date, unit: Unit,
          counts: Mapping[dt.date, int]) -> tuple[Bin, ...]:
    per_bin: Counter[dt.date] = Counter()
    for day, n in counts.items():
        per_bin[_start(day, unit)] += n
    bins = []
    start = _start(first, unit)
    while start <= last:
        end = _next(start, unit)
        bins.append(Bin(first=start, last=end - dt.timedelta(days=1), count=per_bin[start]))
        start = end
    return tuple(bins)


def _marks(events: Sequence[ThreadEvent], bins: Sequence[Bin]) -> tuple[Mark, ...]:
    """Each event's start placed in its bin; an event dated outside the span is clamped."""
    titles: dict[int, list[str]] = {}
    for event in events:
        if event.first is None:
            continue
        day = event.first.earliest()
        index = next((i for i, b in enumerate(bins) if day <= b.last), len(bins) - 1)
        titles.setdefault(index, []).append(event.title)
    return tuple(Mark(i, tuple(t)) for i, t in sorted(titles.items()))


def label(b: Bin, unit: Unit) -> Markup:
    """What a bin covers, for people: ``14 Nov 2025``, ``week of 10 May 2010``, ``May 2010``."""
    if unit == "day":
        return show_date(PartialDate.from_date(b.first))
    if unit == "month":
        return show_date(PartialDate(b.first.year, b.first.month))
    return Markup("week of ") + show_date(PartialDate.from_date(b.first))


def sentence(cov: Coverage) -> Markup:
    """The chart in words: the span, how it is counted, the busiest bin, the marks."""
    first = show_date(PartialDate.from_date(cov.first))
    last = show_date(PartialDate.from_date(cov.last))
    peak = cov.peak
    text = (f"{_count(cov.total, 'source')} from {first} to {last}, counted by {cov.unit}; "
            f"the busiest {cov.unit} ({label(peak, cov.unit)}) had {peak.count:,}.")
    if cov.marks:
        events = sum(len(m.titles) for m in cov.marks)
        if events < cov.chapters:
            text += f" The {events} largest of {cov.chapters:,} chapters marked where they begin."
        else:
            text += f" {_count(events, 'chapter')} marked where they begin."
    if cov.undated:
        text += f" {_count(cov.undated, 'source')} without a date not shown."
    return Markup(text)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def svg(cov: Coverage) -> Markup:
    """The chart as an inline ``<svg>`` element (one line per element, no blank line)."""
    slot = WIDTH / len(cov.bins)
    top = max(b.count for b in cov.bins)
    lines = [Markup(f'<svg class="dg-coverage__chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
                    'preserveAspectRatio="none" role="img" aria-labelledby="dg-coverage-title '
                    'dg-coverage-desc" focusable="false">'),
             Markup(f'<title id="dg-coverage-title">Sources per {cov.unit}</title>'),
             Markup('<desc id="dg-coverage-desc">') + sentence(cov) + Markup("</desc>")]
    for mark in cov.marks:
        x = _num(max(mark.index * slot, 1))  # the left edge of its bar: where it begins
        lines.append(Markup(f'<line class="dg-coverage__mark" x1="{x}" x2="{x}" y1="0" '
                            f'y2="{HEIGHT}" vector-effect="non-scaling-stroke">')
                     + Markup("<title>") + _mark_title(mark) + Markup("</title></line>"))
    for i, b in enumerate(cov.bins):
        if not b.count:
            continue
        height = max(MIN_BAR, (HEIGHT - 2) * b.count / top)
        lines.append(Markup(
            f'<rect class="dg-coverage__bar" x="{_num(i * slot + slot * BAR_GAP / 2)}" '
            f'y="{_num(HEIGHT - height)}" width="{_num(slot * (1 - BAR_GAP))}" '
            f'height="{_num(height)}" fill="currentColor"><title>')
            + label(b, cov.unit) + Markup(f": {_count(b.count, 'source')}</title></rect>"))
    lines.append(Markup("</svg>"))
    return Markup("\n").join(lines)


def _mark_title(mark: Mark) -> Markup:
    shown = [escape.text(t) for t in mark.titles[:MARK_TITLES]]
    count = len(mark.titles)
    head = Markup("Chapter begins: ") if count == 1 else Markup(f"{count} chapters begin: ")
    rest = Markup(f"; and {count - len(shown)} more") if count > len(shown) else Markup("")
    return head + Markup("; ").join(shown) + rest


def _num(value: float) -> str:
    """An SVG coordinate with at most two decimals and no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def table(cov: Coverage) -> Markup:
    """The chart's numbers as a table (the template hides it visually, not from readers)."""
    rows = [Markup(f"<tr><td>{label(b, cov.unit)}</td><td>{b.count}</td></tr>")
            for b in cov.bins]
    head = Markup(f"<caption>Sources per {cov.unit}</caption><thead><tr><th>"
                  f"{cov.unit.capitalize()}</th><th>Sources</th></tr></thead>")
    return (Markup('<table class="dg-coverage__table">') + head + Markup("<tbody>")
            + Markup("").join(rows) + Markup("</tbody></table>"))


@dataclass(frozen=True)
class Chart:
    """What the story page shows for a thread's coverage (all of it already Markup)."""

    svg: Markup
    table: Markup
    sentence: Markup
    start: Markup
    end: Markup
    unit: Unit


def chart(story: Story) -> Chart | None:
    """The story's coverage chart, or None when ``coverage`` finds too few dated days."""
    cov = coverage(story)
    if cov is None:
        return None
    return Chart(svg=svg(cov), table=table(cov), sentence=sentence(cov),
                 start=show_date(PartialDate.from_date(cov.first)),
                 end=show_date(PartialDate.from_date(cov.last)), unit=cov.unit)
