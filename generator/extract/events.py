"""Dated events from one article: the clause that carries a date, trimmed to what happened.

An event is built from every DATE/TIME mention with a calendar value. Its text is the
sentence holding the mention, cut to the clause around it when the sentence carries several
dates or runs long, with the date phrase itself, leading attribution ("Citing officials,") and
datelines removed: the date is shown beside the entry, so repeating it reads badly.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from generator.model import DateMention, Event, PartialDate, Quote
from generator.text import entities, sentences
from generator.timex.resolve import TENSE_DECIDES_AFTER_DAYS

# Fewer content words than this once the date is removed: a dateline or caption, not an event.
# Calibrated on the sample headers ("Thursday, February 5, 2026") and tweet embed signatures.
MIN_EVENT_WORDS = 5
# A date used as a noun modifier ("the Nov. 1 murder of ...") dates the noun phrase, not the
# sentence; the phrase is taken up to this many words (long enough for "murder of Uruapan
# Mayor Carlos Manzo", short enough to stop before the next clause).
MAX_PHRASE_WORDS = 12
MIN_PHRASE_WORDS = 3
# Longest label or weekday text beside a date on a dateline ("Updated Thursday, ").
MAX_DATELINE_CHARS = 40
# How far back (characters) the sentence before an event is looked for when the event starts
# with "He"/"She": one long news sentence.
PRONOUN_LOOKBACK = 400
# Sentences longer than this are cut to the clause around the date; 260 characters is about
# two lines of a story page, the longest entry that still reads as one happening.
MAX_EVENT_CHARS = 260

# Longest event text in words. A 120-word "sentence" is a list of dated bulletins or text the
# sentence splitter could not cut (tokenised quotes, captions glued to the body); such a span
# is cut to the bulletin or sentence around the date. Sixty words is twice a long news
# sentence; issue 14 asks for at most 1% of timeline entries over it (the timeline leaves out
# what no cut brought under it; its date still counts for date salience).
MAX_EVENT_WORDS = 60

# Cues that a sentence speaks about the future: a date after the reference date is then a plan,
# not a tagging error, and is left out of the timeline of what happened.
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|would|plans? to|planned|scheduled|expected to|is to|are to|set to|"
    r"going to|next)\b", re.IGNORECASE)

# Leading phrases that only say who reported, not what happened.
LEADING_ATTRIBUTION = (
    # A wire dateline: "LONDON | Wed 11:17 am BST LONDON (Reuters) - ".
    re.compile(r"^[^.]{0,100}?\((?:[A-Z][\w.!]*\s?){1,3}\)\s*[-—–]+\s*"),
    # "Citing four officials, NBC reported": up to the comma before "<Name> <reporting verb>".
    re.compile(r"^(?i:citing|quoting)\b.{0,200}?,\s*(?=(?:[A-Z][\w.’'-]*\s){1,4}"
               r"(?:reported|said|wrote|reports|says|writes|added)\b)"),
    re.compile(r"^(?i:citing|quoting)\b[^,]{0,120},\s*(?=[A-Z])"),
    re.compile(r"^(?i:according to|as reported by)\b[^,]{0,80},\s*(?=[A-Z])"),
)
# The date phrase with its preposition: "on Thursday", "In February", "last month".
_DATE_PREFIX = re.compile(r"(?:\b(?:on|in|since|by|from|during|as of|last|this|early|late|"
                          r"earlier|later)\s+)+$", re.IGNORECASE)
# Clause boundaries used to cut a long or multi-date sentence.
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:and|but|while|whereas|after|before|when|as|"
                           r"although|though|which)\b)|\s+[—–]\s+")
_WORD = re.compile(r"[A-Za-z]{2,}")
# After a date, the colon of a dated bulletin: "29 December: Mission head says ...".
_BULLETIN_COLON = re.compile(r"\s*(?:--\s*)?:(?!\d)")
# A sentence end the splitter missed: end punctuation (maybe with a tokenised or curly closing
# quote) before the next word, inside a span too long to be one sentence.
_LOOSE_END = re.compile(r"[.!?](?:\s*(?:''|\"|”|’))?\s+(?=(?:``|\"|“|‘)?\s*[A-Z0-9])")
# An undotted bulletin running into the next sentence: "... over crackdown The diplomatic".
_RUN_ON = re.compile(r"(?<=[a-z,)])\s+(?=(?:The|A|An|But|It|This|They|He|She|We|In|On)\s)")
# The signature line of an embedded post ("— Intel (@handle) November 13, 2025"): page
# furniture that cleaning may leave, never an event of the article.
SOCIAL_SIGNATURE = re.compile(r"\(@\w+\)|pic\.twitter\.com|^[—–-]\s")
# "the <date> <noun phrase>": the determiner before and the words after the date.
_MODIFIER_DETERMINER = re.compile(r"(?:\bthe|\ba|\ban|’s|'s)\s+$", re.IGNORECASE)
_PHRASE_WORD = re.compile(r"\s*([A-Za-z][\w’'.-]*)")
_PHRASE_STOP = frozenset({
    "that", "which", "who", "when", "where", "was", "were", "is", "are", "has", "have", "had",
    "and", "but", "while", "after", "before", "as", "will", "would", "could", "said", "says",
})
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
                         re.IGNORECASE)
# A date governed by one of these belongs to the phrase ("much of 2025", "until May").
_BOUND_PREPOSITION = re.compile(r"\b(?:of|to|until|till|than|for|between|through)\s*$",
                                re.IGNORECASE)
# A date after "since" that a superlative or "first" governs is the baseline of a comparison,
# not the day of what the sentence tells: "prices pushed to their highest level since
# September 2008", "the first visit since 1995", "not seen since the 1930s".
_COMPARISON_SINCE = re.compile(
    r"\b(?:first|highest|lowest|biggest|largest|smallest|worst|best|strongest|weakest|"
    r"deadliest|heaviest|fewest|longest|shortest|fastest|slowest|sharpest|steepest|most|"
    r"least|not|never)\b[^;:!?]{0,60}\bsince\s+(?:the\s+(?:end|start|beginning|middle)\s+"
    r"of\s+|(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)
# What separates two listed dates: a comma, "and", "or", "to", a dash.
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or|to|through|until)|[-–—])\s*(?:in\s+)?",
                       re.IGNORECASE)
# A month name or year and a list separator just before a date: the date closes a list whose
# other items the tagger left untagged ("in February, March and April": "March" alone may be
# the verb, so it is not tagged).
_LISTED_DATE = (r"\b(?:(?:January|February|March|April|May|June|July|August|September|"
                r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
                r"\b\.?|\d{4}\b)")
_LIST_BEFORE = re.compile(rf"{_LISTED_DATE}(?i:{_LIST_GAP.pattern})$")
_LIST_AFTER = re.compile(rf"(?i:{_LIST_GAP.pattern}){_LISTED_DATE}")
LIST_REACH = 40
"""Characters before a date searched for ``_LIST_BEFORE`` (a month, a separator, "in")."""
_LEADING_PRONOUN = re.compile(r"^(?:He|She)\s")
_YEAR_IN_TEXT = re.compile(r"\b\d{4}\b|'\d{2}\b")
_WEEKDAY_OR_LABEL = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|date|dated|updated|"
    r"published|posted|am|pm|gmt|utc|edt|est)\b", re.IGNORECASE)


def find_events(text: str, article_id: str, mentions: Sequence[DateMention],
                reference: PartialDate | None, *, quotes: Sequence[Quote] = (),
                allow_future: bool = False) -> tuple[Event, ...]:
    """Every dated statement of one article.

    Args:
        text: the article text the mentions were found in.
        article_id: id stored on each event.
        mentions: temporal expressions of ``text`` (``generator.timex.find_dates``).
        reference: the source's reference date. An event dated after it is either a plan
            (the sentence speaks of the future) or a tagging slip; both are dropped unless
            ``allow_future`` keeps the plans.
        quotes: direct quotations of ``text``; dates inside them are someone's words, not
            the article's dating of an event.
        allow_future: keep events after the reference date whose sentence has a future cue
            (date ranking counts plans: a scheduled vote is news on its day).

    Returns:
        One event per usable mention, in text order; one per (sentence, date) at most.
    """
    dated = [_pulled_back(m, reference, text) for m in mentions if m.date is not None]
    datelines = [m for m in dated if is_dateline(text, m)]
    spans = _skip_datelines(sentences.split(text), datelines)
    dated = [m for m in dated if m not in datelines]
    events: list[Event] = []
    seen: set[tuple[int, PartialDate]] = set()
    for mention in dated:
        date = mention.date
        assert date is not None  # filtered above; keeps mypy narrowing
        sentence = _sentence_of(spans, mention.start)
        if sentence is None or (sentence[0], date) in seen or _inside_quote(mention, quotes):
            continue
        if _COMPARISON_SINCE.search(text, sentence[0], mention.start):
            continue
        if _after(date, reference) and not (
                allow_future and FUTURE_CUES.search(text[sentence[0]:sentence[1]])):
            continue
        event = _event(text, sentence, mention, dated, article_id)
        if event is not None:
            seen.add((sentence[0], date))
            events.append(event)
    return tuple(events)


def is_dateline(text: str, mention: DateMention) -> bool:
    """True for a date that heads the text or stands alone on its line (a dateline)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start:mention.start]
    if len(before) > MAX_DATELINE_CHARS or re.search(r"\w", _WEEKDAY_OR_LABEL.sub("", before)):
        return False
    if line_start == 0:
        return True
    line_end = text.find("\n", mention.end, mention.end + MAX_DATELINE_CHARS + 1)
    if line_end < 0 and len(text) - mention.end > MAX_DATELINE_CHARS:
        return False
    after = text[mention.end:len(text) if line_end < 0 else line_end]
    return not re.search(r"\w", _WEEKDAY_OR_LABEL.sub("", after))


def _skip_datelines(spans: Sequence[tuple[int, int]],
                    datelines: Sequence[DateMention]) -> list[tuple[int, int]]:
    """Sentence spans with a leading dateline cut off ("date 2025-11-14 The U.S. will ...")."""
    out = []
    for span_start, end in spans:
        start = span_start
        for line in datelines:
            if start <= line.start < end:
                start = max(start, line.end)
        out.append((start, end))
    return out


def _pulled_back(mention: DateMention, reference: PartialDate | None, text: str) -> DateMention:
    """A yearless date the tagger put after the reference, moved back a year in past tense.

    "In February, Trump designated ..." written in November means the February before. A date
    within ``TENSE_DECIDES_AFTER_DAYS`` after the reference stays where the tagger put it, for
    the tagger's reason: "Talks resume on Jan. 5, the team said" in a December article is next
    month, whatever the tense of "said" (it is then a plan, not an event of the timeline).
    """
    date = mention.date
    if (date is None or reference is None or not _MONTH_NAME.search(mention.text)
            or _YEAR_IN_TEXT.search(mention.text) or not _after(date, reference)
            or (date.earliest() - reference.latest()).days <= TENSE_DECIDES_AFTER_DAYS):
        return mention
    sentence = text[max(0, text.rfind(".", 0, mention.start)):text.find(".", mention.end)]
    if FUTURE_CUES.search(sentence):
        return mention
    try:
        earlier = PartialDate(date.year - 1, date.month, date.day)
    except ValueError:  # 29 February
        return mention
    if _after(earlier, reference):
        return mention
    return dataclasses.replace(mention, value=str(earlier))


def _sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return None


def _inside_quote(mention: DateMention, quotes: Sequence[Quote]) -> bool:
    return any(q.start <= mention.start and mention.end <= q.end for q in quotes)


def _after(date: PartialDate, reference: PartialDate | None) -> bool:
    return reference is not None and date.earliest() > reference.latest()


def _event(text: str, sentence: tuple[int, int], mention: DateMention,
           dated: Sequence[DateMention], article_id: str) -> Event | None:
    date = mention.date
    if date is None:
        return None
    phrase = _modified_phrase(text, sentence, mention)
    if phrase is not None:
        start, end = phrase
        body = _tidy(text[start:end])
    else:
        start, end = _clause(text, sentence, mention, dated)
        clause = text[start:end]
        if not _in_list(text, mention, dated):
            clause = _strip_date(clause, mention.start - start, mention.end - start)
        body = _tidy(clause)
        body = _resolve_pronoun(body, text[max(0, sentence[0] - PRONOUN_LOOKBACK):sentence[0]])
    if (len(_WORD.findall(_WEEKDAY_OR_LABEL.sub(" ", body))) < MIN_EVENT_WORDS
            or SOCIAL_SIGNATURE.search(text[start:end])):
        return None
    return Event(date=date, text=body, article_id=article_id, start=start, end=end,
                 date_text=mention.text)


def _resolve_pronoun(body: str, before: str) -> str:
    """A leading "He"/"She" replaced by the one person the sentence before names.

    "She revealed ..." becomes "Claudia Sheinbaum revealed ..." only when exactly one person
    is named just before (the only safe antecedent); otherwise the text is unchanged.
    """
    match = _LEADING_PRONOUN.match(body)
    if not match:
        return body
    people = {e.name for e in entities.find_entities(_last_sentence(before))
              if e.kind == "person"}
    if len(people) != 1:
        return body
    return people.pop() + body[match.end() - 1:]


def _last_sentence(text: str) -> str:
    spans = sentences.split(text)
    return text[spans[-1][0]:spans[-1][1]] if spans else ""


def _modified_phrase(text: str, sentence: tuple[int, int],
                     mention: DateMention) -> tuple[int, int] | None:
    """The noun phrase a date modifies: "the Nov. 1 murder of X" gives "murder of X"."""
    if not _MODIFIER_DETERMINER.search(text[sentence[0]:mention.start]):
        return None
    end, words = mention.end, 0
    for match in _PHRASE_WORD.finditer(text, mention.end, sentence[1]):
        word = match.group(1).rstrip(".")
        if match.start() != end or word.lower() in _PHRASE_STOP or words == MAX_PHRASE_WORDS:
            break
        if words == 0 and not word[0].islower():
            return None  # "the February 2025 Summit": a name, not a dated happening
        end, words = match.end(), words + 1
    if words < MIN_PHRASE_WORDS:
        return None
    start = mention.end + len(text[mention.end:end]) - len(text[mention.end:end].lstrip())
    return start, end


def _clause(text: str, sentence: tuple[int, int], mention: DateMention,
            dated: Sequence[DateMention]) -> tuple[int, int]:
    """The sentence, or the clause around the mention.

    The clause is used when the sentence is long or carries another date: each date then
    keeps the words nearest to it.
    """
    start, end = _bulletin(text, sentence, mention, dated)
    multi = any(start <= m.start < end and m.date != mention.date for m in dated)
    if not multi and end - start <= MAX_EVENT_CHARS:
        return start, end
    if _words(text[start:end]) > MAX_EVENT_WORDS:
        start, end = _around(_LOOSE_END, text, (start, end), mention)
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        if brk.end() <= mention.start:
            start = brk.end()
        elif brk.start() >= mention.end:
            end = brk.start()
            break
    return start, end


def _bulletin(text: str, sentence: tuple[int, int], mention: DateMention,
              dated: Sequence[DateMention]) -> tuple[int, int]:
    """The dated bulletin holding the mention when the sentence is a list of them.

    "26 December: Observers arrive 29 December: Mission head says ..." is one sentence to
    the splitter; each date followed by a colon opens a bulletin that runs to the next one
    (the last one to the first sentence start it runs into).
    """
    start, end = sentence
    heads = sorted(m.start for m in dated if start <= m.start < end
                   and _BULLETIN_COLON.match(text, m.end))
    if len(heads) < 2:
        return sentence
    before = [h for h in heads if h <= mention.start]
    after = [h for h in heads if h > mention.start]
    start = before[-1] if before else start
    if after:
        return start, after[0]
    run_on = _RUN_ON.search(text, mention.end, end)
    return start, run_on.start() if run_on else end


def _around(breaks: re.Pattern[str], text: str, span: tuple[int, int],
            mention: DateMention) -> tuple[int, int]:
    """The piece of ``span`` between the ``breaks`` on either side of the mention."""
    start, end = span
    for brk in breaks.finditer(text, start, end):
        if brk.end() <= mention.start:
            start = brk.end()
        elif brk.start() >= mention.end:
            return start, brk.start() + 1
    return start, end


def _words(text: str) -> int:
    return len(text.split())


def _in_list(text: str, mention: DateMention, dated: Sequence[DateMention]) -> bool:
    """True for a date listed with others ("in 1918, 1957 and 1968", "March and April").

    Removing one would leave the list broken, so such a clause keeps its dates.
    """
    if (_LIST_BEFORE.search(text, max(0, mention.start - LIST_REACH), mention.start)
            or _LIST_AFTER.match(text, mention.end)):
        return True  # "in February, March and April": "March" was not tagged
    for other in dated:
        gap = (text[other.end:mention.start] if other.end <= mention.start
               else text[mention.end:other.start])
        if other is not mention and _LIST_GAP.fullmatch(gap):
            return True
    return False


def _strip_date(clause: str, start: int, end: int) -> str:
    """Remove the date phrase with its preposition, and the comma that set it off.

    A date inside a phrase ("during much of 2025 there was") stays: removing it would leave
    the phrase broken.
    """
    head = _DATE_PREFIX.sub("", clause[:start]).rstrip()
    tail = clause[end:].lstrip()
    if _BOUND_PREPOSITION.search(clause[:start]) or re.match(r"[’']s\b", clause[end:]):
        return clause  # "much of 2025", "Monday's figures": the date is part of a phrase
    if tail.startswith(",") and (not head or head.endswith(",")):
        head, tail = head.rstrip(","), tail[1:].lstrip()
    return f"{head} {tail}"


def _tidy(body: str) -> str:
    body = re.sub(r"\s+", " ", body).strip(" ,;:—–-")
    for pattern in LEADING_ATTRIBUTION:
        body = pattern.sub("", body)
    body = re.sub(r"\s+([,.;:!?])", r"\1", body)
    body = re.sub(r"\bthat that\b", "that", body)
    if body and body[0].islower():
        body = body[0].upper() + body[1:]
    if body and body[-1] not in ".!?\"”’)":
        body += "."
    return body
