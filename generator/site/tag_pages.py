"""Name pages (people, organisations, places) and speaker pages, with their index pages.

They replace Material's tags plugin, which built its listing from every page and so forced a
full render on every build. A name page lists its stories a line each, newest first,
``STORIES_PER_PAGE`` to a page (``people/x.md``, ``people/x/2.md``, ...); a speaker page lists
their quotes, ``QUOTES_PER_PAGE`` to a page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from generator.site.links import Linker, show_date
from generator.site.listings import (
    LISTING,
    QUOTES_PER_PAGE,
    STORIES_PER_PAGE,
    PageSpec,
    chunks,
    paged_path,
    pager,
    row,
)
from generator.model import Analysis, Entity, Story
from generator.site.story_view import KIND_PAGES, Link, Names
from generator.story.names import namesakes


def _newest_first(stories: list[Story]) -> list[Story]:
    def key(story: Story) -> tuple[str, str]:
        end = story.date_range[1]
        return (str(end) if end else "", story.id)
    return sorted(stories, key=key, reverse=True)


def _paged(first: str, items: list[Any], size: int, linker: Linker,
           page: Callable[[str, list[Any], dict[str, Any]], PageSpec]) -> list[PageSpec]:
    """``items`` cut into pages of ``size`` at ``first``, ``first``/2, ...; ``page`` makes each."""
    runs = chunks(items, size)
    specs = []
    for n, run in enumerate(runs, 1):
        here = paged_path(first, n)
        specs.append(page(here, list(run), pager(len(runs), n, lambda i: paged_path(first, i),
                                                 linker, here)))
    return specs


def entity_pages(analysis: Analysis, names: Names, linker: Linker) -> list[PageSpec]:
    """Pages per person, organisation and place listing its stories, plus one index per kind."""
    stories_of: dict[Entity, list[Story]] = defaultdict(list)
    for story in analysis.stories:
        for entity in dict.fromkeys(story.entities):
            if entity in names.entities:
                stories_of[entity].append(story)
    specs: list[PageSpec] = []
    shared = namesakes(analysis.stories)
    for kind, (folder, label) in KIND_PAGES.items():
        index = f"{folder}/index.md"
        items = sorted(((e, s) for e, s in stories_of.items() if e.kind == kind),
                       key=lambda item: (-len(item[1]), item[0].name))
        specs.append(PageSpec(index, "names.md.j2", {
            "front": {"title": label, **LISTING}, "label": label,
            "items": [{"label": e.name, "href": linker.href(index, names.entities[e]),
                       "count": len(s)} for e, s in items]}))
        for entity, stories in items:
            maybe = _either(shared.get(entity.name, ())) if kind == "person" else ""
            specs += _paged(names.entities[entity], _newest_first(stories), STORIES_PER_PAGE,
                            linker, _entity_page(entity, label, len(stories), index, names,
                                                 linker, namesakes=maybe))
    return specs


def _entity_page(entity: Entity, label: str, total: int, index: str, names: Names,
                 linker: Linker, *, namesakes: str = ""
                 ) -> Callable[[str, list[Any], dict[str, Any]], PageSpec]:
    def page(here: str, run: list[Any], pages: dict[str, Any]) -> PageSpec:
        return PageSpec(here, "entity.md.j2", {
            "front": {"title": entity.name, **LISTING}, "name": entity.name, "kind": label,
            "namesakes": namesakes,
            "index_href": linker.href(here, index), "total": total, "pager": pages,
            "rows": [row(s, names, linker, here) for s in run]})
    return page


def speaker_pages(analysis: Analysis, names: Names, linker: Linker) -> list[PageSpec]:
    """Pages per speaker with their key quotes across stories, plus the speakers' index."""
    quotes_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for story in analysis.stories:
        for quote in story.quotes:
            if quote.speaker in names.speakers:
                quotes_of[quote.speaker].append({
                    "text": quote.text, "said_on": show_date(quote.said_on), "role": quote.role,
                    "sort": str(quote.said_on or story.date_range[1] or ""), "story": story})
    index = "speakers/index.md"
    ordered = sorted(quotes_of.items(), key=lambda item: (-len(item[1]), item[0]))
    specs = [PageSpec(index, "names.md.j2", {
        "front": {"title": "Speakers", **LISTING}, "label": "Speakers",
        "items": [{"label": name, "href": linker.href(index, names.speakers[name]),
                   "count": len(quotes)} for name, quotes in ordered]})]
    for name, quotes in ordered:
        newest = sorted(quotes, key=lambda q: (str(q["sort"]), q["story"].id), reverse=True)
        roles = Counter(q["role"] for q in quotes if q["role"])
        role = roles.most_common(1)[0][0] if roles else None
        specs += _paged(names.speakers[name], newest, QUOTES_PER_PAGE, linker,
                        _speaker_page(name, role, len(quotes), index, names, linker))
    return specs


def _either(names: tuple[str, ...]) -> str:
    """ "Hillary Clinton or Bill Clinton", "A, B or C"; empty for fewer than two names."""
    if len(names) < 2:  # noqa: PLR2004 (one bearer is no ambiguity)
        return ""
    return f"{', '.join(names[:-1])} or {names[-1]}"


def _speaker_page(name: str, role: str | None, total: int, index: str, names: Names,
                  linker: Linker) -> Callable[[str, list[Any], dict[str, Any]], PageSpec]:
    def page(here: str, run: list[Any], pages: dict[str, Any]) -> PageSpec:
        quotes = [{**q, "story": Link(q["story"].title,
                                      linker.href(here, names.stories[q["story"].id][0]))}
                  for q in run]
        return PageSpec(here, "speaker.md.j2", {
            "front": {"title": name, **LISTING}, "name": name, "role": role, "total": total,
            "index_href": linker.href(here, index), "pager": pages, "quotes": quotes})
    return page
