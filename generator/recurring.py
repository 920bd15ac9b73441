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

_QUOTES = ("“", "”", '"', "‘")
_TERMINAL = (".", "!", "?", "”", '"', "’", "'", ")", "…")


def line_key(line: str) -> str:
    """Case-insensitive key under which recurring lines are counted.

    Lines reach this module whitespace-normalised (``clean.normalise_whitespace``), so
    case-folding is all that is left to do.
    """
    return line.casefold()


def families(articles: Sequence[Sequence[str]]) -> list[int]:
    """Family id per article: articles that are copies of each other share one id."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[str, list[int]] = defaultdict(list)
    sizes: list[int] = []
    for index, lines in enumerate(articles):
        paragraphs = {line_key(line) for line in lines
                      if line and line.count(" ") + 1 >= PARAGRAPH_MIN_WORDS}
        sizes.append(len(paragraphs))
        for key in paragraphs:
            holders[key].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for owners in holders.values():
        if 2 <= len(owners) <= MAX_COPIES_PER_PARAGRAPH:
            for pair in combinations(owners, 2):
                shared[pair] += 1
    for (a, b), count in shared.items():
        if count >= COPY_SHARE * min(sizes[a], sizes[b]):
            parent[find(a)] = find(b)
    return [find(i) for i in range(len(articles))]


def recurring_lines(articles: Sequence[Sequence[str]]) -> frozenset[str]:
    """Keys (see ``line_key``) of lines that are boilerplate because they recur across families."""
    family_of = families(articles)
    seen_in: dict[str, set[int]] = defaultdict(set)
    for index, lines in enumerate(articles):
        for line in lines:
            if line and _candidate(line):
                seen_in[line_key(line)].add(family_of[index])
    return frozenset(key for key, fams in seen_in.items() if len(fams) >= _needed(key))


def _candidate(line: str) -> bool:
    words = line.count(" ") + 1  # lines are whitespace-normalised
    if words <= SHORT_MAX_WORDS and not line.rstrip().endswith(_TERMINAL):
        return True
    return words <= SENTENCE_MAX_WORDS and not any(q in line for q in _QUOTES)


def _needed(key: str) -> int:
    short = key.count(" ") + 1 <= SHORT_MAX_WORDS and not key.rstrip().endswith(_TERMINAL)
    return SHORT_MIN_FAMILIES if short else SENTENCE_MIN_FAMILIES
