"""One name per organisation and per place across the corpus, as ``names`` does for people.

The name finder keeps what a headline or a dateline writes, so one organisation or place can
get two pages, and a description can open its name:

- names of one kind that differ only in case are one name ("EUROPE" and "Europe", "TWITTER"
  and "Twitter", "NATO" and "Nato"), under the spelling named in most stories (on a tie, the
  one not all in capitals);
- a name opened by a described word loses it ("California-based Chiron Corp" is Chiron
  Corp, "Israeli-controlled Golan Heights" Golan Heights).

Linear in the entities: one pass to count the spellings, one to rename.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.model import Entity, Story

KINDS = frozenset({"org", "place"})
"""The kinds renamed here (people are ``names``'s)."""

SHORT_ACRONYM = 3
"""Names this short are compared as written: "WHO" is an acronym, "Who" a sentence's word."""

# A compound adjective that describes what follows it ("California-based", "Israeli-controlled",
# "state-owned", "Iran-backed").
_DESCRIBED = re.compile(r"^\S+-[a-z]+(?:ed|ing)$")


def tidy(stories: Sequence[Story]) -> list[Story]:
    """The stories with one name per organisation and per place across the corpus."""
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for story in stories:
        for entity in dict.fromkeys(story.entities):
            if entity.kind in KINDS:
                name = undescribed(entity.name)
                spellings[_key(entity.kind, name)][name] += 1
    chosen = {key: min(counts, key=lambda n: (-counts[n], n.isupper(), n))
              for key, counts in spellings.items()}
    return [_rename(story, chosen) for story in stories]


def undescribed(name: str) -> str:
    """The name without a described word before it; the name itself if nothing is left."""
    words = name.split()
    if len(words) > 1 and _DESCRIBED.match(words[0]):
        return " ".join(words[1:])
    return name


def _key(kind: str, name: str) -> tuple[str, str]:
    """What the spellings of one name share: its kind and its letters in one case."""
    return kind, name.casefold() if len(name) > SHORT_ACRONYM else name


def _rename(story: Story, chosen: dict[tuple[str, str], str]) -> Story:
    entities = tuple(dict.fromkeys(
        Entity(chosen[_key(e.kind, undescribed(e.name))], e.kind) if e.kind in KINDS else e
        for e in story.entities))
    return story if entities == story.entities else dataclasses.replace(story, entities=entities)
