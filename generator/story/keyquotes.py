"""Key quotes of a story: the same words reported by several sources merged, ranked, named.

Work is split so that a thread re-merges only what changed. ``gather(sources, extractions,
limit=...)`` reads one event: it groups its sources' quotes that are the same statement
(``quotegroups.group``), counts the person names of its texts, and keeps its best statements
(``EventQuotes``, a bounded, cacheable record that depends on that event's sources alone).
``compose(parts, limit=...)`` joins the statements of several events that are one statement,
names each one's speaker with the fullest form of the name seen in the thread ("Rubio" ->
"Marco Rubio"), and ranks them: words of the thread's central people first, then quotes several
outlets repeated, then substance (length, full sentences) over fragments. ``select`` is both
for one set of sources. Quotes whose speaker is unknown are never shown.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.model import Extraction, KeyQuote, PartialDate, Quote, Source
from generator.story import quotegroups
from generator.story.quotegroups import FRAGMENT_WORDS, NameBook, NameCounts, normalise
from generator.text.cuegrammar import sentence_end, sentence_start
from generator.text.persons import is_org

log = logging.getLogger(__name__)

__all__ = ["EventQuotes", "QuoteGroup", "compose", "gather", "normalise", "select"]

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
# Statements one event keeps, as a multiple of the key quotes a page shows: the event's own
# best, chosen as a page of that many would choose them, so that a thread of one event shows
# exactly what one page of its sources would, and a thread of many still has choice when
# other events' names make other speakers central.
EVENT_QUOTES_FACTOR = 3
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them"))


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One statement as one event's sources report it (the part of a key quote they give)."""

    text: str
    """The fullest quote, as found."""
    first: int
    """Position (in the event) of the source holding ``text``."""
    cites: tuple[tuple[int, tuple[str, ...]], ...]
    """Each reporting source's position and its id with the ids of its copies that carry
    the words, by position."""
    speakers: tuple[tuple[str, str | None, int], ...]
    """(speaker as written, role at the cue, quotes) of the named members, first seen first."""
    said_on: tuple[tuple[PartialDate, int], ...] = ()
    """Dates the quotes' sentences give, with how many quotes give each, first seen first."""
    lead: bool = False
    """Whether a member is its source's first named quote (news leads with its best words)."""


@dataclass(frozen=True, slots=True)
class EventQuotes:
    """An event's statements (its best, in the order they were formed) and person names."""

    groups: tuple[QuoteGroup, ...] = ()
    names: NameCounts = field(default_factory=NameCounts)


def select(sources: Sequence[Source], extractions: Mapping[str, Extraction], *,
           limit: int) -> tuple[KeyQuote, ...]:
    """The key quotes of one set of sources, best first (``compose`` of one ``gather``).

    Returns:
        At most ``limit`` key quotes; each cites every source that carries it, the first
        of which holds ``text`` verbatim (after normalising quote marks and whitespace).
    """
    return compose([gather(sources, extractions, limit=limit)], limit=limit)


def gather(sources: Sequence[Source], extractions: Mapping[str, Extraction], *,
           limit: int) -> EventQuotes:
    """One event's statements and names (see the module docstring).

    Args:
        sources: the event's sources, in the thread's order.
        extractions: extraction per source id (``extractions[source.id]``).
        limit: key quotes a page shows; ``EVENT_QUOTES_FACTOR`` times as many are kept.
    """
    candidates = _candidates(sources, extractions)
    if not any(quote.speaker for _, _, quote in candidates):
        return EventQuotes()  # quotes without a speaker are never shown; skip reading names
    counts = quotegroups.count_names(sources)
    names = NameBook([counts])
    leads = _leads(sources, extractions)
    parts = [_part(group, leads, extractions) for group in quotegroups.group(candidates)]
    statements = [[(0, part)] for part in parts]
    kept = {id(s[0][1]) for _, _, s in _ranked(statements, names, EVENT_QUOTES_FACTOR * limit)}
    return EventQuotes(groups=tuple(p for p in parts if id(p) in kept), names=counts)


def compose(parts: Sequence[EventQuotes], *, limit: int) -> tuple[KeyQuote, ...]:
    """The thread's key quotes from its events' statements, best first.

    A statement told in several events (``quotegroups.same_statement``, same speaker) is one
    key quote citing all of them. Time is linear in the statements: each is compared with
    the statements sharing a clause with it or its speaker's surname (at most
    ``MAX_COMPARED`` of those).
    """
    names = NameBook(p.names for p in parts)
    statements = _join(parts)
    return tuple(_key_quote(speaker, statement, names)
                 for _, speaker, statement in _ranked(statements, names, limit))


Statement = list[tuple[int, QuoteGroup]]
"""One statement across a thread: (event index, that event's group) for each event telling it."""

# Statements of the same surname a statement of another event is compared with (the longest
# first): a thread of hundreds of events quotes its protagonist in each, and comparing each
# with all would be quadratic; one statement rarely returns in more than a few dozen events.
MAX_COMPARED = 64


def _join(parts: Sequence[EventQuotes]) -> list[Statement]:
    """Statements of different events that are one statement, joined; longest first."""
    ordered = sorted(((-len(g.text), e, rank, g) for e, p in enumerate(parts)
                      for rank, g in enumerate(p.groups)), key=lambda t: t[:3])
    statements: list[Statement] = []
    keys: list[tuple[str, set[str]]] = []
    by_clause: dict[str, list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for _, event, _, group in ordered:
        norm = normalise(group.text)
        padded, found, surname = f" {norm} ", quotegroups.clauses(norm), _surname(group)
        fuzzy = len(norm.split()) >= FRAGMENT_WORDS
        shared = {i for c in found for i in by_clause.get(c, ())}
        near = sorted(shared | set(by_surname.get(surname, ())[:MAX_COMPARED]))
        match = next((i for i in near if _surname(statements[i][0][1]) == surname
                      and all(e != event for e, _ in statements[i])
                      and quotegroups.same_statement(padded, keys[i][0], found, keys[i][1],
                                                     fuzzy=fuzzy)), None)
        if match is not None:
            statements[match].append((event, group))
            continue
        statements.append([(event, group)])
        keys.append((padded, found))
        for clause in found:
            by_clause.setdefault(clause, []).append(len(statements) - 1)
        by_surname.setdefault(surname, []).append(len(statements) - 1)
    return statements


def _surname(group: QuoteGroup) -> str:
    """Last word of the group's named speaker (all of a group's named speakers share it)."""
    return group.speakers[0][0].split()[-1] if group.speakers else ""


def _ranked(statements: list[Statement], names: NameBook,
            limit: int) -> list[tuple[float, str, Statement]]:
    """The best ``limit`` statements with a named speaker, each further one of a speaker damped."""
    scored = []
    for statement in statements:
        speaker = _speaker(statement, names)
        if speaker is not None:
            scored.append((_substance(statement, names, speaker), speaker, statement))
    scored.sort(key=lambda item: -item[0])
    return _diversify(scored, limit)


def _candidates(sources: Sequence[Source],
                extractions: Mapping[str, Extraction]) -> list[quotegroups.Member]:
    out = []
    for order, source in enumerate(sources):
        extraction = extractions.get(source.id)
        for quote in extraction.quotes if extraction else ():
            if normalise(quote.text):
                out.append((order, source, quote))
    return out


def _leads(sources: Sequence[Source],
           extractions: Mapping[str, Extraction]) -> dict[str, Quote]:
    """Each source's first quote with a named speaker (a statement, not a fragment)."""
    leads = {}
    for source in sources:
        extraction = extractions.get(source.id)
        quotes = extraction.quotes if extraction else ()
        lead = next((q for q in quotes
                     if q.speaker and len(q.text.split()) >= FRAGMENT_WORDS), None)
        if lead is not None:
            leads[source.id] = lead
    return leads


def _part(group: quotegroups.Group, leads: Mapping[str, Quote],
          extractions: Mapping[str, Extraction]) -> QuoteGroup:
    """What a key quote needs of one event's group, read from its sources once."""
    first, _, quote = group.fullest
    cites: dict[int, tuple[str, ...]] = {}
    for order, cited, _ in sorted(group.members, key=lambda m: m[0]):
        # Folded copies carry the same words: cite them with their primary.
        own = [m[2].text for m in group.members if m[1].id == cited.id]
        cites.setdefault(order, (cited.id, *(c.id for c in cited.copies
                                              if any(_carries(c.text, t) for t in own))))
    speakers: Counter[tuple[str, str | None]] = Counter(
        (m[2].speaker, m[2].role) for m in group.members if m[2].speaker)
    return QuoteGroup(
        text=quote.text, first=first, cites=tuple(cites.items()),
        speakers=tuple((s, r, n) for (s, r), n in speakers.items()),
        said_on=tuple(_said_on(group, extractions).items()),
        lead=any(leads.get(m[1].id) is m[2] for m in group.members))


def _carries(text: str, quote: str) -> bool:
    return normalise(quote) in normalise(text)


def _speaker(statement: Statement, names: NameBook) -> str | None:
    named: Counter[str] = Counter()
    for speaker, _, count in _speakers(statement):
        if speaker.lower() not in _PRONOUNS:
            named[names.unify(speaker)] += count
    if not named:
        return None
    return max(named, key=lambda n: (named[n], len(n)))


def _speakers(statement: Statement) -> Iterable[tuple[str, str | None, int]]:
    return (item for _, group in statement for item in group.speakers)


def _fullest(statement: Statement) -> tuple[int, QuoteGroup]:
    """The event and group with the longest quote (the earliest on a tie)."""
    return max(statement, key=lambda m: (len(m[1].text), -m[0], -m[1].first))


def _substance(statement: Statement, names: NameBook, speaker: str) -> float:
    text = _fullest(statement)[1].text.strip()
    words = len(text.split())
    outlets = sum(len(group.cites) for _, group in statement)
    # A statement: partial quotes start in lower case, but a clause ending a sentence counts.
    is_statement = text[:1].isupper() or text.endswith((".", "!", "?"))
    lead = any(group.lead for _, group in statement)
    score = WEIGHT_CENTRAL * names.centrality(speaker) + WEIGHT_OUTLETS * (outlets - 1)
    score += min(words, SUBSTANCE_WORDS) / SUBSTANCE_WORDS
    score += WEIGHT_STATEMENT * is_statement + WEIGHT_LEAD * lead
    if is_org(speaker):
        score *= ORG_FACTOR
    return score if words >= FRAGMENT_WORDS or is_statement else score / 2


def _diversify(scored: list[tuple[float, str, Statement]],
               limit: int) -> list[tuple[float, str, Statement]]:
    """Best first, each further quote of a speaker damped, so several voices are heard.

    A statement repeating words of one already chosen is passed over: sources that give the
    same words to different speakers ("told an assistant pastor that she apologizes ..." to
    the governor, the whole statement to her spokesman) keep them apart as statements, and a
    page showed the one statement three times under three names.
    """
    chosen: list[tuple[float, str, Statement]] = []
    shown: list[tuple[str, set[str]]] = []
    pool = list(scored)
    seen: Counter[str] = Counter()
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda s: s[0] * SAME_SPEAKER_DAMPING ** seen[s[1]])
        pool.remove(best)
        words = _words_of(best[2])
        if any(_repeats(words, other) for other in shown):
            continue
        chosen.append(best)
        shown.append(words)
        seen[best[1]] += 1
    return chosen


def _words_of(statement: Statement) -> tuple[str, set[str]]:
    """A statement's fullest text normalised between spaces, and its clauses."""
    norm = normalise(_fullest(statement)[1].text)
    return f" {norm} ", quotegroups.clauses(norm)


def _repeats(one: tuple[str, set[str]], other: tuple[str, set[str]]) -> bool:
    """Whether two statements share words verbatim (one holds the other, or a clause)."""
    short, long = sorted((one, other), key=lambda w: len(w[0]))
    return quotegroups.same_statement(short[0], long[0], short[1], long[1], fuzzy=False)


def _key_quote(speaker: str, statement: Statement, names: NameBook) -> KeyQuote:
    event, fullest = _fullest(statement)
    cites = dict(sorted(((e, order), ids) for e, group in statement
                        for order, ids in group.cites))
    ids = [*cites[(event, fullest.first)], *(i for found in cites.values() for i in found)]
    text = quotegroups.BROKEN_APOSTROPHE.sub("’", fullest.text)
    dates: Counter[PartialDate] = Counter()
    roles: Counter[str] = Counter()
    for _, group in statement:
        dates.update(dict(group.said_on))
    for who, role, count in _speakers(statement):
        if role and names.unify(who) == speaker:
            roles[role] += count
    return KeyQuote(speaker, text, tuple(dict.fromkeys(ids)),
                    dates.most_common(1)[0][0] if dates else None,
                    roles.most_common(1)[0][0] if roles else None)


def _said_on(group: quotegroups.Group,
             extractions: Mapping[str, Extraction]) -> Counter[PartialDate]:
    """The dates the text gives for the saying: a date in the quote's sentence, outside it."""
    found: Counter[PartialDate] = Counter()
    for _, source, quote in group.members:
        extraction = extractions.get(source.id)
        date = _sentence_date(source.primary.text, quote, extraction) if extraction else None
        if date:
            found[date] += 1
    return found


def _sentence_date(text: str, quote: Quote, extraction: Extraction) -> PartialDate | None:
    begin = sentence_start(text, 0, max(0, quote.start - 1))
    end = sentence_end(text, quote.end, len(text))
    for mention in extraction.dates:
        inside_quote = quote.start <= mention.start < quote.end
        if begin <= mention.start and mention.end <= end and not inside_quote and mention.date:
            return mention.date
    return None
