"""Tag pages (people, organisations, places) and speaker pages, with their index pages."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from generator.site.links import Linker, show_date
from generator.site.listings import LISTING, PageSpec
from generator.model import Analysis, Entity, Story
from generator.site.story_view import KIND_PAGES, Link, Names, card
from generator.story.names import namesakes


def _newest_first(stories: list[Story]) -> list[Story]:
    def key(story: Story) -> str:
        end = story.date_range[1]
        return str(end) if end else ""
    return sorted(stories, key=key, reverse=True)


def entity_pages(analysis: Analysis, names: Names, linker: Linker) -> list[PageSpec]:
    """A page per person, organisation and place listing its stories, plus one index per kind."""
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
            here = names.entities[entity]
            specs.append(PageSpec(here, "entity.md.j2", {
                "front": {"title": entity.name, **LISTING}, "name": entity.name,
                "kind": label, "index_href": linker.href(here, index),
                "namesakes": _either(shared.get(entity.name, ())) if kind == "person" else "",
                "cards": [card(s, names, linker, here) for s in _newest_first(stories)]}))
    return specs


def speaker_pages(analysis: Analysis, names: Names, linker: Linker) -> list[PageSpec]:
    """A page per speaker with their key quotes across stories, plus the speakers' index."""
    quotes_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for story in analysis.stories:
        for quote in story.quotes:
            if quote.speaker in names.speakers:
                here = names.speakers[quote.speaker]
                quotes_of[quote.speaker].append({
                    "text": quote.text, "said_on": show_date(quote.said_on), "role": quote.role,
                    "sort": str(quote.said_on or story.date_range[1] or ""),
                    "story": Link(story.title, linker.href(here, names.stories[story.id][0]))})
    index = "speakers/index.md"
    ordered = sorted(quotes_of.items(), key=lambda item: (-len(item[1]), item[0]))
    specs = [PageSpec(index, "names.md.j2", {
        "front": {"title": "Speakers", **LISTING}, "label": "Speakers",
        "items": [{"label": name, "href": linker.href(index, names.speakers[name]),
                   "count": len(quotes)} for name, quotes in ordered]})]
    for name, quotes in ordered:
        here = names.speakers[name]
        roles = Counter(q["role"] for q in quotes if q["role"])
        specs.append(PageSpec(here, "speaker.md.j2", {
            "front": {"title": name, **LISTING}, "name": name,
            "role": roles.most_common(1)[0][0] if roles else None,
            "index_href": linker.href(here, index),
            "quotes": sorted(quotes, key=lambda q: str(q["sort"]), reverse=True)}))
    return specs


def _either(names: tuple[str, ...]) -> str:
    """ "Hillary Clinton or Bill Clinton", "A, B or C"; empty for fewer than two names."""
    if len(names) < 2:  # noqa: PLR2004 (one bearer is no ambiguity)
        return ""
    return f"{', '.join(names[:-1])} or {names[-1]}"
