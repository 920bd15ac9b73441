"""Who reported a timeline entry first: the outlet that published it earliest.

``TimelineEntry.sources`` is "first reporter first" in ``story.timeline``'s sense: sources
ordered by their primary article's publication date, or by the reference date inferred for a
source that states none, at day precision, ties in story order; copies folded into a source
and the sources that dispute the entry's date are not considered. That is close but not what
"first reported by" promises, so it is worked out here from the publication dates of every
article reporting the entry (a copy printed a day earlier by another outlet counts for that
outlet; a source that gives another date still reported the happening), and only from dates
known to the day (a source dated "Nov 2025" cannot be placed before one of 3 Nov).

``Article.published`` holds no time of day (ingest keeps the date), so sources published on
the same first day tie: the earliest in the story's source order is named, and the page says
how many others published that day too, rather than pretend to know who was quicker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Article, PartialDate, Story, TimelineEntry
from generator.site.links import Linker, show_date
from generator.site.cites import outlet_of

MIN_REPORTERS = 2
"""Sources an entry needs before "first reported by" is shown: with one source the entry's
own citation already says who reported it."""


@dataclass(frozen=True)
class FirstReport:
    """The first report of an entry: outlet, source number, day, and ties on that day."""

    n: int
    outlet: str
    href: Markup
    date: Markup
    same_day: int = 0
    """Other sources first published on the same day (no time of day to order them)."""


def first_report(entry: TimelineEntry, story: Story, numbers: Mapping[str, int],
                 linker: Linker, page: str) -> FirstReport | None:
    """The first report of ``entry`` among the story's sources, or None when unknown.

    None when fewer than ``MIN_REPORTERS`` sources report it or none is dated to the day.
    """
    ids = [*entry.sources, *(sid for sid, _ in entry.disputed)]
    cited = sorted({numbers[i] for i in ids if i in numbers})
    if len(cited) < MIN_REPORTERS:
        return None
    dated = []
    for n in cited:
        found = _earliest(story.sources[n - 1].articles)
        if found is not None:
            dated.append((found[0], n, found[1]))
    if not dated:
        return None
    day, n, article = min(dated, key=lambda d: (d[0], d[1]))
    return FirstReport(n=n, outlet=outlet_of(article) or f"Source {n}",
                       href=linker.href(page, page, f"src-{n}"),
                       date=show_date(PartialDate.from_date(day)),
                       same_day=sum(1 for d, m, _ in dated if d == day and m != n))


def _earliest(articles: tuple[Article, ...]) -> tuple[dt.date, Article] | None:
    """The earliest day-precision publication among a source's articles, primary first."""
    dated = [(a.published.earliest(), i, a) for i, a in enumerate(articles)
             if a.published is not None and a.published.precision == "day"]
    if not dated:
        return None
    day, _, article = min(dated, key=lambda d: (d[0], d[1]))
    return day, article
