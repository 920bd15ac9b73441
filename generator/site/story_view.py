"""What a story page shows, worked out from a ``Story`` (no formatting, no escaping here).

Templates receive these plain records; every string in them is article text and is escaped
by the template environment on output (see ``pages._environment``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.site import chapters, coverage, escape
from generator.site.cites import Marker, numbering, outlet_of
from generator.site.first_report import first_report
from generator.site.links import Linker, show_date, show_iso, show_range
from generator.model import Article, Entity, KeyQuote, PartialDate, Source, Story, TimelineEntry
from generator.story.timelinecut import is_background

KIND_PAGES: Mapping[str, tuple[str, str]] = {
    "person": ("people", "People"),
    "org": ("organisations", "Organisations"),
    "place": ("places", "Places"),
}
"""Entity kind -> (folder of its tag pages, heading). Kind ``other`` gets no pages."""

MAIN_PEOPLE = 3
"""People shown on a story card: three names fit one line of a phone-width card."""

SUMMARY_CHARS = 200
"""Length of the meta description: search engines show about 160-200 characters."""

MAX_CITES = 5
"""Most source markers shown after a sentence, entry or quote: five chips fit beside the last
words of a line at 360 px; a longer list (a summary sentence in 156 sources) is collapsed."""

CITES_SHOWN = 3
"""Markers kept when a list is collapsed: "1 2 3 and 153 more", the first reporters first."""

MAX_SOURCE_ROWS = 30
"""Source table rows shown open; a story with more folds the rest behind one toggle. Thirty
rows are about two screens on a laptop: enough to see who reported first, short enough that
the related stories below the table stay within reach at hundreds of sources."""

SOURCE_ROWS_SHOWN = 20
"""Rows left open when the table is folded (folding a handful of rows saves nothing)."""

SOURCES_ANCHOR = "sources"
"""Id of the ``## Sources`` heading (MkDocs' toc extension slugifies the heading text)."""

# A sentence may end at . ! ? (and closing quotes) before a capital letter or opening quote;
# see ``sentences`` for the abbreviations that do not end one.
_BOUNDARY = re.compile(r"[.!?…][\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-Þ])")
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][A-Za-z.]{0,3}\.$")
"""A short capitalised word before the period: ``Nov.``, ``U.S.``, ``Mr.``, ``Gen.``."""


@dataclass(frozen=True)
class Link:
    """A labelled link to another generated page."""

    label: str
    href: Markup


@dataclass(frozen=True)
class SourceRow:
    """One row of a story's source table (a folded copy has ``n == 0``)."""

    n: int
    outlet: str | None
    headline: str
    date: Markup
    url: Markup | None
    copies: tuple[SourceRow, ...] = ()


@dataclass(frozen=True)
class Names:
    """Page paths of speakers and entities, unique across the whole site."""

    speakers: Mapping[str, str] = field(default_factory=dict)
    entities: Mapping[Entity, str] = field(default_factory=dict)
    stories: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Story id -> (page path, title)."""


def outlet_count(story: Story) -> int:
    """How many distinct known outlets published the story's sources and copies."""
    names = (outlet_of(a) for s in story.sources for a in s.articles)
    return len({n.casefold() for n in names if n})


def markers(ids: tuple[str, ...], numbers: Mapping[str, int], linker: Linker,
            page: str) -> list[Marker]:
    """Source markers for ``ids``, in order, each number once; unknown ids are left out.

    More than ``MAX_CITES`` sources collapse to the first ``CITES_SHOWN`` and one marker
    for the rest ("1 2 3 and 153 more").
    """
    return _collapsed(sorted({numbers[i] for i in ids if i in numbers}), linker, page)


def _collapsed(cited: list[int], linker: Linker, page: str) -> list[Marker]:
    if len(cited) <= MAX_CITES:
        return [Marker(n, linker.href(page, page, f"src-{n}")) for n in cited]
    shown = [Marker(n, linker.href(page, page, f"src-{n}")) for n in cited[:CITES_SHOWN]]
    rest = len(cited) - CITES_SHOWN
    return [*shown, Marker(0, linker.href(page, page, SOURCES_ANCHOR), more=rest)]


def cited_summary(story: Story, linker: Linker, page: str) -> list[tuple[str, list[Marker]]]:
    """The summary split into sentences, each with the sources whose text contains it."""
    texts = [(i, _norm(" ".join(a.text for a in s.articles)))
             for i, s in enumerate(story.sources, 1)]
    parts: list[tuple[str, list[Marker]]] = []
    for sentence in sentences(escape.clean(story.summary)):
        needle = _norm(sentence)
        found = [n for n, t in texts if needle and needle in t]
        parts.append((sentence, _collapsed(found, linker, page)))
    return parts


def sentences(text: str) -> list[str]:
    """Split a summary into sentences, keeping abbreviations such as "Nov. 3" together."""
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start:match.start() + 1]
        if head.endswith(".") and _ABBREVIATION.search(head):
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    return [*parts, tail] if tail else parts


def _norm(value: str) -> str:
    return " ".join(re.findall(r"\w+", value.casefold()))


def source_rows(story: Story) -> list[SourceRow]:
    """The source table: one row per source, its folded copies nested under it."""
    return [_row(s.primary, i, copies=s) for i, s in enumerate(story.sources, 1)]


def folded_rows(rows: list[SourceRow]) -> tuple[list[SourceRow], list[SourceRow]]:
    """The rows shown open and those folded behind a toggle (none up to ``MAX_SOURCE_ROWS``).

    Citations still reach a folded row: Chromium-based browsers (since version 97) open a
    closed ``<details>`` holding the target of a fragment link; elsewhere the toggle, right
    below the open rows, says which source numbers it holds.
    """
    if len(rows) <= MAX_SOURCE_ROWS:
        return rows, []
    return rows[:SOURCE_ROWS_SHOWN], rows[SOURCE_ROWS_SHOWN:]


def _row(article: Article, n: int, copies: Source | None = None) -> SourceRow:
    nested = tuple(_row(c, 0) for c in copies.copies) if copies else ()
    return SourceRow(n=n, outlet=outlet_of(article),
                     headline=article.title or article.path.rsplit("/", 1)[-1],
                     date=show_date(article.published), url=escape.url(article.url),
                     copies=nested)


def entity_links(story: Story, names: Names, linker: Linker, page: str, *,
                 kind: str | None = None, limit: int | None = None) -> list[Link]:
    """Links to the tag pages of the story's entities (of one kind, when given)."""
    links = [Link(e.name, linker.href(page, names.entities[e])) for e in story.entities
             if e in names.entities and (kind is None or e.kind == kind)]
    return links[:limit] if limit is not None else links


def card(story: Story, names: Names, linker: Linker, page: str) -> dict[str, object]:
    """What a story card on an index page shows."""
    start, end = story.date_range
    return {
        "title": story.title,
        "href": linker.href(page, names.stories[story.id][0]),
        "dates": show_range(start, end),
        "sources": len(story.sources),
        "outlets": outlet_count(story),
        "summary": story.summary,
        "people": entity_links(story, names, linker, page, kind="person",
                               limit=MAIN_PEOPLE),
    }


def story_context(story: Story, names: Names, linker: Linker) -> dict[str, object]:
    """Everything ``story.md.j2`` needs for one story page."""
    page = names.stories[story.id][0]
    numbers = numbering(story)
    start, end = story.date_range
    before: list[TimelineEntry] = []
    during: list[TimelineEntry] = []
    for e in story.timeline:
        (before if is_background(e.date, start) else during).append(e)
    rows, more_rows = folded_rows(source_rows(story))
    parts = chapters.chapters(story, linker, page)
    singles = chapters.single_reports(story, linker, page)
    earlier, newest = chapters.folded(parts)
    sections_folded, sections_open = chapters.folded_sections(
        chapters.sections(story, parts, singles))
    return {
        "front": _front(story),
        "story": story,
        "dates": show_range(start, end),
        "sources": len(story.sources),
        "outlets": outlet_count(story),
        "summary": cited_summary(story, linker, page),
        "background": [_entry(e, numbers, story, linker, page) for e in before],
        "timeline": [_entry(e, numbers, story, linker, page) for e in during],
        "quotes": [_quote(q, numbers, names, linker, page) for q in story.quotes],
        "chapters": parts, "chapters_earlier": earlier, "chapters_newest": newest,
        "sections_folded": sections_folded, "sections_open": sections_open,
        "sections_label": chapters.folded_label(sections_folded),
        "report_count": chapters.report_count(singles),
        "coverage": coverage.chart(story),
        "rows": rows,
        "more_rows": more_rows,
        "tags": [(label, found) for kind, (_, label) in KIND_PAGES.items()
                 if (found := entity_links(story, names, linker, page, kind=kind))],
        "related": [Link(names.stories[r][1], linker.href(page, names.stories[r][0]))
                    for r in story.related if r in names.stories and r != story.id],
        "first_seen": show_iso(story.first_seen) if story.first_seen else None,
        "updated": show_iso(story.updated) if story.updated else None,
    }


def _front(story: Story) -> dict[str, object]:
    tags = [e.name for e in story.entities if e.kind in KIND_PAGES]
    front: dict[str, object] = {"title": story.title,
                                "description": escape.plain(story.summary, limit=SUMMARY_CHARS),
                                "hide": ["navigation", "tags"]}
    if tags:
        front["tags"] = list(dict.fromkeys(escape.plain(t) for t in tags))
    return front


@dataclass(frozen=True)
class Side:
    """One side of a disputed date: the date and the sources that give it.

    ``names`` links the sources by outlet when there are at most ``NAMED_SIDE`` of them;
    otherwise ``markers`` cites them by number.
    """

    date: Markup
    count: int
    names: tuple[Link, ...]
    markers: tuple[Marker, ...]


NAMED_SIDE = 2
"""Sources named by outlet on one side of a dispute; more are cited by number."""


def dispute_sides(entry: TimelineEntry, story: Story, numbers: Mapping[str, int],
                  linker: Linker, page: str) -> list[Side]:
    """The dates each side of a disputed entry gives, the entry's own date first.

    Empty when no source disputes the entry's date.
    """
    dissent: dict[str, list[str]] = {}
    for sid, date in entry.disputed:
        if sid in numbers:
            dissent.setdefault(str(date), []).append(sid)
    if not dissent:
        return []
    sides = [(entry.date, list(entry.sources))]
    sides += [(PartialDate.parse(iso) or entry.date, ids) for iso, ids in dissent.items()]
    return [_side(date, ids, story, numbers, linker, page) for date, ids in sides]


def _side(date: PartialDate, ids: list[str], story: Story, numbers: Mapping[str, int],
          linker: Linker, page: str) -> Side:
    cited = sorted({numbers[i] for i in ids if i in numbers})
    names: tuple[Link, ...] = ()
    if len(cited) <= NAMED_SIDE:
        names = tuple(Link(outlet_of(story.sources[n - 1].primary) or f"Source {n}",
                           linker.href(page, page, f"src-{n}")) for n in cited)
    return Side(date=show_date(date), count=len(cited), names=names,
                markers=tuple(_collapsed(cited, linker, page)) if not names else ())


def _entry(entry: TimelineEntry, numbers: Mapping[str, int], story: Story, linker: Linker,
           page: str) -> dict[str, object]:
    return {"date": show_date(entry.date), "iso": Markup(str(entry.date)),
            "precision": entry.date.precision, "text": entry.text,
            "markers": markers(entry.sources, numbers, linker, page),
            "sides": dispute_sides(entry, story, numbers, linker, page),
            "first": first_report(entry, story, numbers, linker, page)}


def _quote(quote: KeyQuote, numbers: Mapping[str, int], names: Names, linker: Linker,
           page: str) -> dict[str, object]:
    speaker_page = names.speakers.get(quote.speaker)
    return {"speaker": quote.speaker, "role": quote.role, "text": quote.text,
            "href": linker.href(page, speaker_page) if speaker_page else None,
            "said_on": show_date(quote.said_on),
            "markers": markers(quote.sources, numbers, linker, page)}
