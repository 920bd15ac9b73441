"""Citations of a story's sources: their numbers, their outlets, and the marker records.

Shared by the story page's parts (``story_view``, ``chapters``, ``first_report``), which
all cite a source by its number in the story's source table (``#src-N``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Article, Story
from generator.site import escape


@dataclass(frozen=True)
class Marker:
    """A citation of source number ``n`` with a link to its row in the source table.

    A collapsed list ends with a marker standing for ``more`` further sources (``n == 0``),
    linking to the source table.
    """

    n: int
    href: Markup
    more: int = 0


def outlet_of(article: Article) -> str | None:
    """The outlet's name, else the host of its URL; None when neither is known."""
    return article.outlet or escape.host(article.url)


def numbering(story: Story) -> dict[str, int]:
    """Article id -> number of the source it belongs to (copies cite their primary's number)."""
    return {a.id: i for i, s in enumerate(story.sources, 1) for a in s.articles}
