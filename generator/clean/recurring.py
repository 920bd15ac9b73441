"""Corpus-level boilerplate: lines that recur across many *distinct* articles.

A site banner or navigation line recurs on every page of its site. But the same article scraped
twice shares all of its lines, and wire copy is reprinted by many outlets, so recurrence alone
would delete real content. Articles are first grouped into families of copies (they share most
of their long paragraphs); a line counts once per family. Only short, non-sentence lines are
dropped after a couple of families; a full sentence must recur in many families.
All passes are linear in the corpus size (dictionaries keyed by line), never pairwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

PARAGRAPH_MIN_WORDS = 12
"""Lines of at least this many words are paragraphs: sharing them is evidence of a copy."""

COPY_SHARE = 0.5
"""Two articles are copies when they share at least this share of the smaller one's
paragraphs (the samples' double scrape shares all of them; articles of one story from
different outlets share none or one)."""

MAX_COPIES_PER_PARAGRAPH = 30
"""A paragraph found in more articles than this is itself boilerplate (a disclaimer, an
"about us"), not evidence of copying; skipping it keeps pair counting linear."""

SHORT_MAX_WORDS = 12
"""Lines up to this long that do not end a sentence (labels, banners, headings) are dropped
when they recur in SHORT_MIN_FAMILIES families."""

SHORT_MIN_FAMILIES = 2
"""A non-sentence short line in two unrelated articles is a site element (banner, label)."""

SENTENCE_MAX_WORDS = 40
"""Longest full sentence considered boilerplate ("Have something to say? ...")."""

SENTENCE_MIN_FAMILIES = 4
"""A sentence must recur in this many unrelated articles; two or three outlets can honestly
print the same sentence (a statement, a background line) without it being boilerplate."""

WIRE_MIN_WORDS = 25
"""A paragraph in more than MAX_COPIES_PER_PARAGRAPH articles marks them as copies of one
wire story only when it is at least this long: boilerplate blocks inside bodies ("Sign up
for our newsletter ...") are shorter."""

EDGE_HEAD_LINES = 3
"""Lines at the top of an article where site furniture (banners, labels, prompts) sits."""

EDGE_TAIL_LINES = 5
"""Lines at the bottom where footers, comment prompts and copyright notices sit."""

_QUOTES = ("“", "”", '"', "‘")
_TERMINAL = (".", "!", "?", "”", '"', "’", "'", ")", "…")


def line_key(line: str) -> str:
    """Case-insensitive key under which recurring lines are counted.

    Lines reach this module whitespace-normalised (``clean.normalise_whitespace``), so
    case-folding is all that is left to do.
    """
    return line.casefold()


def families(articles: Sequence[Sequence[str]]) -> list[int]:
    """Family id per article: articles that are copies of each other share one id.

    Articles sharing a paragraph with few others are copies when they share COPY_SHARE of
    their paragraphs (pairs counted). A paragraph held by more than MAX_COPIES_PER_PARAGRAPH
    articles is wire copy when it is long and sits inside the articles (then all its holders
    are one family), and boilerplate when it sits at their top or bottom (then it says nothing).
    """
    parent = list(range(len(articles)))

    def union(a: int, b: int) -> None:
        parent[_find(parent, a)] = _find(parent, b)

    holders: dict[str, list[int]] = defaultdict(list)
    inside: dict[str, int] = defaultdict(int)
    sizes: list[int] = []
    for index, lines in enumerate(articles):
        text_lines = [line for line in lines if line]
        paragraphs: dict[str, bool] = {}
        for position, line in enumerate(text_lines):
            if line.count(" ") + 1 >= PARAGRAPH_MIN_WORDS:
                paragraphs[line_key(line)] = not _at_edge(position, len(text_lines))
        sizes.append(len(paragraphs))
        for key, interior in paragraphs.items():
            holders[key].append(index)
            inside[key] += interior
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for key, owners in holders.items():
        if 2 <= len(owners) <= MAX_COPIES_PER_PARAGRAPH:
            for pair in combinations(owners, 2):
                shared[pair] += 1
        elif len(owners) > MAX_COPIES_PER_PARAGRAPH and _wire_paragraph(key, inside[key], owners):
            for other in owners[1:]:
                union(owners[0], other)
    for (a, b), count in shared.items():
        if count >= COPY_SHARE * min(sizes[a], sizes[b]):
            union(a, b)
    return [_find(parent, i) for i in range(len(articles))]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _wire_paragraph(key: str, inside: int, owners: list[int]) -> bool:
    return key.count(" ") + 1 >= WIRE_MIN_WORDS and inside * 2 > len(owners)


def _at_edge(position: int, total: int) -> bool:
    return position < EDGE_HEAD_LINES or position >= total - EDGE_TAIL_LINES


def recurring_lines(articles: Sequence[Sequence[str]],
                    family_of: Sequence[int] | None = None) -> frozenset[str]:
    """Keys (see ``line_key``) of lines that are boilerplate because they recur across families.

    Short non-sentence lines count wherever they stand; full sentences only at the top or
    bottom of an article, where site furniture sits (a sentence inside the body that recurs is
    shared reporting, not boilerplate).

    Args:
        articles: each article's lines, whitespace-normalised.
        family_of: ``families(articles)`` when the caller has it already.
    """
    if family_of is None:
        family_of = families(articles)
    seen_in: dict[str, set[int]] = defaultdict(set)
    for index, lines in enumerate(articles):
        text_lines = [line for line in lines if line]
        for position, line in enumerate(text_lines):
            kind = _kind(line)
            if kind == "short" or (kind == "sentence" and _at_edge(position, len(text_lines))):
                seen_in[line_key(line)].add(family_of[index])
    return frozenset(key for key, fams in seen_in.items() if len(fams) >= _needed(key))


def _kind(line: str) -> str | None:
    words = line.count(" ") + 1  # lines are whitespace-normalised
    if words <= SHORT_MAX_WORDS and not line.endswith(_TERMINAL):
        return "short"
    if words <= SENTENCE_MAX_WORDS and not any(q in line for q in _QUOTES):
        return "sentence"
    return None


def _needed(key: str) -> int:
    return SHORT_MIN_FAMILIES if _kind(key) == "short" else SENTENCE_MIN_FAMILIES


MASTHEAD_MIN_FAMILIES = 3
"""A headline-shaped first line shared by this many unrelated articles is the site's name or a
banner, not a headline. Two outlets may honestly print the same headline; three unrelated
articles under one "headline" are a masthead."""


def mastheads(titles: Sequence[str | None], family_of: Sequence[int]) -> frozenset[str]:
    """Keys of header titles that recur across MASTHEAD_MIN_FAMILIES families (site names)."""
    seen_in: dict[str, set[int]] = defaultdict(set)
    for title, family in zip(titles, family_of, strict=True):
        if title:
            seen_in[line_key(title)].add(family)
    return frozenset(k for k, fams in seen_in.items() if len(fams) >= MASTHEAD_MIN_FAMILIES)
