"""Quotes that are one statement, and the person names a story's texts use.

``group`` puts the quotes of one event's sources that are the same statement together
(verbatim, or lightly edited: one contains the other, they share a long clause, or a fuzzy
partial match); ``same_statement`` is the test, also used to join the statements of different
events of a thread. ``NameCounts`` are the person names one event's texts mention, additive
across events, and ``NameBook`` reads them: a name's fullest form and how central it is.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from generator.model import Quote, Source
from generator.text.persons import Mentions

# Two quotes are the same statement when the shorter matches part of the longer this well
# (rapidfuzz partial_ratio, 0-100). 90 merges edits such as dropped words or changed
# punctuation; translations of the same remark by different outlets score 50-75.
PARTIAL_RATIO = 90
# ... or when they share a clause of at least this many words verbatim (after normalising):
# different outlets trim a statement differently but keep its key clause.
SHARED_CLAUSE_WORDS = 6
# Quotes shorter than this (words) are fragments ("inviolable"): kept, but ranked low.
FRAGMENT_WORDS = 5
# Most surnames one event's name counts keep (the most mentioned): centrality divides by the
# top count, and a name mentioned once in an event of hundreds of sources weighs nothing.
# The largest events of the real pile (about 300 sources) mention about 1,500 surnames.
MAX_EVENT_SURNAMES = 400
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'",
                              "’": "'", "‚": "'", "′": "'", "…": "..."})
BROKEN_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=[a-z])')
# Texts whose normal form is remembered: a story's quotes are compared with each other while
# grouping, and each key quote is looked up in every folded copy's whole text.
NORMALISE_CACHE_SIZE = 1024

Member = tuple[int, Source, Quote]
"""A quote as found: the position of its source in the event, the source, the quote."""


@functools.lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def normalise(text: str) -> str:
    """Quote text for comparison: one kind of quote mark, lower case, single spaces."""
    text = BROKEN_APOSTROPHE.sub("'", text.translate(_QUOTE_MARKS))
    return " ".join(re.sub(r"[^\w'\s]", " ", text.lower()).split())


@dataclass(slots=True)
class Group:
    """Quotes of one statement, as found in each source."""

    members: list[Member] = field(default_factory=list)

    @property
    def fullest(self) -> Member:
        """The longest quote (first reporter on a tie): the text shown."""
        return max(self.members, key=lambda m: (len(m[2].text), -m[0]))


@dataclass(slots=True)
class _Statement:
    """A group being grown, with what each newcomer is compared against (computed once)."""

    group: Group
    padded: str
    """The fullest quote, normalised, between spaces (whole-word containment)."""
    clauses: set[str]
    surnames: set[str] = field(default_factory=set)
    """Last words of the members' named speakers."""

    def add(self, item: Member) -> None:
        self.group.members.append(item)
        if item[2].speaker:
            self.surnames.add(item[2].speaker.split()[-1])


def group(candidates: list[Member]) -> list[Group]:
    """Greedy grouping, fullest quotes first, so each group grows around its fullest version."""
    statements: list[_Statement] = []
    for item in sorted(candidates, key=lambda c: (-len(c[2].text), c[0])):
        norm = normalise(item[2].text)
        found = clauses(norm)
        padded = f" {norm} "
        fuzzy = len(norm.split()) >= FRAGMENT_WORDS
        speaker = item[2].speaker
        # The speaker's last word, read once per quote (and only when there is a group to
        # compare with): None lets the quote join any group.
        last = speaker.split()[-1] if speaker is not None and statements else None
        for statement in statements:
            if compatible(statement.surnames, last) and same_statement(
                    padded, statement.padded, found, statement.clauses, fuzzy=fuzzy):
                statement.add(item)
                break
        else:
            statements.append(_Statement(Group(), padded, found))
            statements[-1].add(item)
    return [s.group for s in statements]


def clauses(norm: str) -> set[str]:
    """Every run of SHARED_CLAUSE_WORDS consecutive words (a shingle set)."""
    tokens = norm.split()
    size = SHARED_CLAUSE_WORDS
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def same_statement(short: str, long: str, short_clauses: set[str], long_clauses: set[str],
                   *, fuzzy: bool) -> bool:
    """Whether two normalised quotes, each between spaces, are one statement.

    ``fuzzy`` says whether the shorter one is long enough for fuzzy matching: fragments
    matched fuzzily merge unrelated words.
    """
    if short in long or not short_clauses.isdisjoint(long_clauses):  # whole words only
        return True
    if not fuzzy:
        return False
    # The cut-off lets rapidfuzz give up early on pairs that cannot reach it (same verdict).
    return fuzz.partial_ratio(short[1:-1], long[1:-1],
                              score_cutoff=PARTIAL_RATIO) >= PARTIAL_RATIO


def compatible(surnames: set[str], last: str | None) -> bool:
    """Quotes given to two different named speakers are never merged.

    ``last`` is the last word of the newcomer's speaker (None: no speaker); ``surnames`` those
    of the group's named speakers.
    """
    return last is None or surnames <= {last}


@dataclass(frozen=True, slots=True)
class NameCounts:
    """Person names an event's texts mention, as counts that add up across events."""

    full: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()
    """Surname -> full forms (two words or more) with their mentions, first seen first."""
    surnames: tuple[tuple[str, int], ...] = ()
    """Mentions of each surname (of people and plain names, not organisations)."""


def count_names(sources: Sequence[Source]) -> NameCounts:
    """The person names of the sources' texts (the most mentioned MAX_EVENT_SURNAMES)."""
    full: dict[str, Counter[str]] = {}
    surnames: Counter[str] = Counter()
    for source in sources:
        for mention in Mentions(source.primary.text).items:
            if mention.org:
                continue
            surname = mention.name.split()[-1]
            surnames[surname] += 1
            if len(mention.name.split()) >= 2 and mention.person:
                full.setdefault(surname, Counter())[mention.name] += 1
    if len(surnames) > MAX_EVENT_SURNAMES:
        kept = {n for n, _ in surnames.most_common(MAX_EVENT_SURNAMES)}
        surnames = Counter({n: c for n, c in surnames.items() if n in kept})
        full = {n: forms for n, forms in full.items() if n in kept}
    return NameCounts(full=tuple((n, tuple(forms.items())) for n, forms in full.items()),
                      surnames=tuple(surnames.items()))


class NameBook:
    """Person names across a story's texts: fullest forms and how often each is mentioned."""

    def __init__(self, parts: Iterable[NameCounts]) -> None:
        self.full: dict[str, Counter[str]] = {}
        surnames: Counter[str] = Counter()
        for part in parts:
            for surname, forms in part.full:
                known = self.full.setdefault(surname, Counter())
                for form, count in forms:
                    known[form] += count
            for surname, count in part.surnames:
                surnames[surname] += count
        # Only people count towards centrality: places ("Mexico") are mentioned more often.
        self.counts = Counter({n: c for n, c in surnames.items() if n in self.full})
        self.top = max(self.counts.values(), default=0)

    def unify(self, name: str) -> str:
        """The story's fullest form of ``name``: most mentioned, then longest, same surname."""
        forms = self.full.get(name.rsplit(maxsplit=1)[-1])
        if not forms:
            return name
        fits = [f for f in forms if f.endswith(name) or f.split()[-1] == name]
        if not fits:
            return name
        return max(fits, key=lambda f: (forms[f], len(f)))

    def centrality(self, name: str) -> float:
        """Mentions of the name's surname relative to the story's most mentioned person."""
        if not self.top:
            return 0.0
        return self.counts.get(name.rsplit(maxsplit=1)[-1], 0) / self.top
