"""Key quotes of a story: the same words reported by several sources merged, ranked, named.

``select(sources, extractions, limit=...)`` takes every attributed quote of a story's sources,
groups the ones that are the same statement (verbatim, or lightly edited: one contains the other,
they share a long clause, or a fuzzy partial match), names each group's speaker with the fullest
form of the name seen in the story ("Rubio" -> "Marco Rubio"), and ranks the groups: words of
the story's central people first, then quotes several outlets repeated, then substance (length,
full sentences) over fragments. Quotes whose speaker is unknown are never shown.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from generator.model import Extraction, KeyQuote, PartialDate, Quote, Source
from generator.text.cuegrammar import sentence_end, sentence_start
from generator.text.persons import Mentions, is_org

log = logging.getLogger(__name__)

# Two quotes are the same statement when the shorter matches part of the longer this well
# (rapidfuzz partial_ratio, 0-100). 90 merges edits such as dropped words or changed
# punctuation; translations of the same remark by different outlets score 50-75.
PARTIAL_RATIO = 90
# ... or when they share a clause of at least this many words verbatim (after normalising):
# different outlets trim a statement differently but keep its key clause.
SHARED_CLAUSE_WORDS = 6
# Quotes shorter than this (words) are fragments ("inviolable"): kept, but ranked low.
FRAGMENT_WORDS = 5
# Substance saturates at this many words: a long quote is not worth more than a clear one.
SUBSTANCE_WORDS = 30
# Ranking weights. The central speaker term dominates so that a story's protagonists lead;
# each extra outlet adds less than a protagonist; a statement (not a fragment) and a source's
# lead quote (news puts the most newsworthy words first) add a little; organisations' report
# excerpts count half a person's words; each later quote by the same speaker is damped so that
# a handful of quotes shows several voices. Calibrated on the sample story and hand-made
# stories in tests/test_keyquotes.py.
WEIGHT_CENTRAL = 2.0
WEIGHT_OUTLETS = 0.75
WEIGHT_STATEMENT = 0.5
WEIGHT_LEAD = 0.5
ORG_FACTOR = 0.5
SAME_SPEAKER_DAMPING = 0.6
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'",
                              "’": "'", "‚": "'", "′": "'", "…": "..."})
_BROKEN_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=[a-z])')
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them"))
# Texts whose normal form is remembered: a story's quotes are compared with each other while
# grouping, and each key quote is looked up in every folded copy's whole text.
NORMALISE_CACHE_SIZE = 1024


@dataclass(slots=True)
class _Group:
    """Quotes of one statement, as found in each source."""

    members: list[tuple[int, Source, Quote]] = field(default_factory=list)

    @property
    def fullest(self) -> tuple[int, Source, Quote]:
        return max(self.members, key=lambda m: (len(m[2].text), -m[0]))


@functools.lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def normalise(text: str) -> str:
    """Quote text for comparison: one kind of quote mark, lower case, single spaces."""
    text = _BROKEN_APOSTROPHE.sub("'", text.translate(_QUOTE_MARKS))
    return " ".join(re.sub(r"[^\w'\s]", " ", text.lower()).split())


def select(sources: Sequence[Source], extractions: Mapping[str, Extraction], *,
           limit: int) -> tuple[KeyQuote, ...]:
    """The story's key quotes, best first.

    Args:
        sources: the story's sources, in the story's order.
        extractions: extraction per source id (``extractions[source.id]``).
        limit: most key quotes to return.

    Returns:
        At most ``limit`` key quotes; each cites every source that carries it, the first
        of which holds ``text`` verbatim (after normalising quote marks and whitespace).
    """
    candidates = _candidates(sources, extractions)
    if not any(quote.speaker for _, _, quote in candidates):
        return ()  # quotes without a speaker are never shown; skip reading every name
    names = _NameBook(sources, extractions)
    groups = _group(candidates)
    scored = []
    for group in groups:
        speaker = _speaker(group, names)
        if speaker is None:
            continue
        scored.append((_substance(group, names, speaker), speaker, group))
    scored.sort(key=lambda item: -item[0])
    chosen = _diversify(scored, limit)
    return tuple(_key_quote(speaker, group, extractions, names)
                 for _, speaker, group in chosen)


def _candidates(sources: Sequence[Source],
                extractions: Mapping[str, Extraction]) -> list[tuple[int, Source, Quote]]:
    out = []
    for order, source in enumerate(sources):
        extraction = extractions.get(source.id)
        for quote in extraction.quotes if extraction else ():
            if normalise(quote.text):
                out.append((order, source, quote))
    return out


@dataclass(slots=True)
class _Statement:
    """A group being grown, with what each newcomer is compared against (computed once)."""

    group: _Group
    padded: str
    """The fullest quote, normalised, between spaces (whole-word containment)."""
    clauses: set[str]
    surnames: set[str] = field(default_factory=set)
    """Last words of the members' named speakers."""

    def add(self, item: tuple[int, Source, Quote]) -> None:
        self.group.members.append(item)
        if item[2].speaker:
            self.surnames.add(item[2].speaker.split()[-1])


def _group(candidates: list[tuple[int, Source, Quote]]) -> list[_Group]:
    """Greedy grouping, fullest quotes first, so each group grows around its fullest version."""
    statements: list[_Statement] = []
    for item in sorted(candidates, key=lambda c: (-len(c[2].text), c[0])):
        norm = normalise(item[2].text)
        clauses = _clauses(norm)
        padded = f" {norm} "
        fuzzy = len(norm.split()) >= FRAGMENT_WORDS
        speaker = item[2].speaker
        # The speaker's last word, read once per quote (and only when there is a group to
        # compare with): None lets the quote join any group.
        last = speaker.split()[-1] if speaker is not None and statements else None
        for statement in statements:
            if _compatible(statement.surnames, last) and _same_statement(
                    padded, statement.padded, clauses, statement.clauses, fuzzy=fuzzy):
                statement.add(item)
                break
        else:
            statements.append(_Statement(_Group(), padded, clauses))
            statements[-1].add(item)
    return [s.group for s in statements]


def _clauses(norm: str) -> set[str]:
    """Every run of SHARED_CLAUSE_WORDS consecutive words (a shingle set)."""
    tokens = norm.split()
    size = SHARED_CLAUSE_WORDS
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def _same_statement(short: str, long: str, short_clauses: set[str], long_clauses: set[str],
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


def _compatible(surnames: set[str], last: str | None) -> bool:
    """Quotes given to two different named speakers are never merged.

    ``last`` is the last word of the newcomer's speaker (None: no speaker); ``surnames`` those
    of the group's named speakers.
    """
    return last is None or surnames <= {last}


class _NameBook:
    """Person names across a story's texts: fullest forms and how often each is mentioned."""

    def __init__(self, sources: Sequence[Source],
                 extractions: Mapping[str, Extraction]) -> None:
        self.full: dict[str, Counter[str]] = {}
        self.leads: dict[str, Quote] = {}
        """Each source's first quote with a named speaker."""
        for source in sources:
            extraction = extractions.get(source.id)
            quotes = extraction.quotes if extraction else ()
            lead = next((q for q in quotes
                         if q.speaker and len(q.text.split()) >= FRAGMENT_WORDS), None)
            if lead is not None:
                self.leads[source.id] = lead
        self.counts: Counter[str] = Counter()
        surnames: Counter[str] = Counter()
        for source in sources:
            mentions = Mentions(source.primary.text)
            for mention in mentions.items:
                if mention.org:
                    continue
                surname = mention.name.split()[-1]
                surnames[surname] += 1
                if len(mention.name.split()) >= 2 and mention.person:
                    self.full.setdefault(surname, Counter())[mention.name] += 1
        # Only people count towards centrality: places ("Mexico") are mentioned more often.
        self.counts = Counter({n: c for n, c in surnames.items() if n in self.full})

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
        top = max(self.counts.values(), default=0)
        return self.counts.get(name.rsplit(maxsplit=1)[-1], 0) / top if top else 0.0


def _speaker(group: _Group, names: _NameBook) -> str | None:
    named = Counter(names.unify(m[2].speaker) for m in group.members
                    if m[2].speaker and m[2].speaker.lower() not in _PRONOUNS)
    if not named:
        return None
    return max(named, key=lambda n: (named[n], len(n)))


def _substance(group: _Group, names: _NameBook, speaker: str) -> float:
    text = group.fullest[2].text.strip()
    words = len(text.split())
    outlets = len({m[1].id for m in group.members})
    # A statement: partial quotes start in lower case, but a clause ending a sentence counts.
    statement = text[:1].isupper() or text.endswith((".", "!", "?"))
    lead = any(m[2] is group_lead for m in group.members
               for group_lead in [names.leads.get(m[1].id)])
    score = WEIGHT_CENTRAL * names.centrality(speaker) + WEIGHT_OUTLETS * (outlets - 1)
    score += min(words, SUBSTANCE_WORDS) / SUBSTANCE_WORDS
    score += WEIGHT_STATEMENT * statement + WEIGHT_LEAD * lead
    if is_org(speaker):
        score *= ORG_FACTOR
    return score if words >= FRAGMENT_WORDS or statement else score / 2


def _diversify(scored: list[tuple[float, str, _Group]],
               limit: int) -> list[tuple[float, str, _Group]]:
    """Best first, each further quote of a speaker damped, so several voices are heard."""
    chosen: list[tuple[float, str, _Group]] = []
    pool = list(scored)
    seen: Counter[str] = Counter()
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda s: s[0] * SAME_SPEAKER_DAMPING ** seen[s[1]])
        pool.remove(best)
        chosen.append(best)
        seen[best[1]] += 1
    return chosen


def _key_quote(speaker: str, group: _Group, extractions: Mapping[str, Extraction],
               names: _NameBook) -> KeyQuote:
    _, source, quote = group.fullest
    ordered = [source, *(m[1] for m in sorted(group.members, key=lambda m: m[0]))]
    ids: list[str] = []
    for cited in ordered:
        ids.append(cited.id)
        # Folded copies carry the same words: cite them with their primary.
        own = [m[2].text for m in group.members if m[1].id == cited.id]
        ids.extend(c.id for c in cited.copies if any(_carries(c.text, t) for t in own))
    text = _BROKEN_APOSTROPHE.sub("’", quote.text)
    return KeyQuote(speaker, text, tuple(dict.fromkeys(ids)), _said_on(group, extractions),
                    _role(speaker, group, names))


def _role(speaker: str, group: _Group, names: _NameBook) -> str | None:
    """The role the sources give the speaker most often at these quotes, if any gives one."""
    roles = Counter(m[2].role for m in group.members
                    if m[2].role and m[2].speaker and names.unify(m[2].speaker) == speaker)
    return roles.most_common(1)[0][0] if roles else None


def _carries(text: str, quote: str) -> bool:
    return normalise(quote) in normalise(text)


def _said_on(group: _Group, extractions: Mapping[str, Extraction]) -> PartialDate | None:
    """The date the text gives for the saying: a date in the quote's sentence, outside it."""
    found: Counter[PartialDate] = Counter()
    for _, source, quote in group.members:
        extraction = extractions.get(source.id)
        date = _sentence_date(source.primary.text, quote, extraction) if extraction else None
        if date:
            found[date] += 1
    return found.most_common(1)[0][0] if found else None


def _sentence_date(text: str, quote: Quote, extraction: Extraction) -> PartialDate | None:
    begin = sentence_start(text, 0, max(0, quote.start - 1))
    end = sentence_end(text, quote.end, len(text))
    for mention in extraction.dates:
        inside_quote = quote.start <= mention.start < quote.end
        if begin <= mention.start and mention.end <= end and not inside_quote and mention.date:
            return mention.date
    return None
