"""Reconcile publication dates across copies, content and story; set each source's reference.

A page header can carry the date a page was scraped rather than published. Three rules, each
evidence a reader can check:

1. Copies: a scrape date is never earlier than the publication, so among a source's copies
   the earliest date wins and later ones are overridden. A date the input states explicitly
   (its metadata) is data and is kept; a doubt about it becomes a note in the build report.
2. Content: a date read off the page (not the input's metadata) far after the latest date
   the text itself states in full (``November 4, 2025``) is not when the text was written.
3. Story: the reference date that resolves "on Thursday" never exceeds the latest credible
   publication date of the story; a source with no date gets one inferred from its content
   (latest full date, a stripped social embed's date) or, failing that, from its neighbours.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping, Sequence

from generator import timex
from generator.model import Article, PartialDate, Source, StoryDraft

log = logging.getLogger(__name__)

# A publication date this many days after the latest full date its own text states is taken
# as a scrape date. News text that states full dates mostly states recent ones; half a year
# leaves room for features and anniversaries (calibrated by reading the sample headers).
STALE_DAYS = 180
# A source dated this many days after every other source of its story, whose text states
# nothing that late, is an outlier: its date is kept but not trusted as a reference. Equals
# the default story window of clustering (ClusterSettings.window_days).
OUTLIER_DAYS = 45
# Meta keys under which cleaning leaves dates found in stripped embeds (tweets, videos).
EMBEDDED_DATE_KEYS = ("embedded_date",)

# Where a publication date is the publisher's own claim (never a scrape date).
_PUBLISHERS_CLAIMS = ("metadata", "url")
# Where a date is the input's explicit field (JSON, front matter, feed, HTML meta): never
# replaced, only flagged (a note in the build report) when the text makes it doubtful.
EXPLICIT = "metadata"
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
# What may share a line with a date in a dateline ("Thursday, February 5, 2026", "date ...").
_DATELINE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|date|dated|updated|"
    r"published|posted|on|at|am|pm|gmt|utc|edt|est|cet)\b|[\W\d_]+", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")


def reconcile(draft: StoryDraft,
              stated: Mapping[str, Sequence[PartialDate]] | None = None) -> StoryDraft:
    """Reconciled publication dates on every article and a reference date on every source.

    Args:
        draft: a story's sources as grouped by clustering.
        stated: article id -> ``explicit_dates(article)`` found beforehand (``features``);
            others are found here.

    Returns:
        The draft with articles' ``published`` reconciled (provenance ``copies`` and a note
        where changed) and every source's ``reference`` set where any date can be inferred.
    """
    known = stated or {}
    found = [[d for a in s.articles
              for d in (known[a.id] if a.id in known else explicit_dates(a))]
             for s in draft.sources]
    anchors = [max(dates_, key=lambda d: d.latest()) if dates_ else None for dates_ in found]
    sources = [_reconcile_copies(s, a) for s, a in zip(draft.sources, anchors, strict=True)]
    latest = _latest_credible(sources, anchors)
    sources = [_with_reference(s, dates_, sources, latest)
               for s, dates_ in zip(sources, found, strict=True)]
    return dataclasses.replace(draft, sources=tuple(sources))


def explicit_dates(article: Article) -> list[PartialDate]:
    """Full dates (with a year, month or day precise) stated in the text or its embeds.

    Datelines (a line that is only a date) are left out: they are the claim being checked.
    """
    out = [m.date for line in _lines_with_a_year(article.text)
           for m in timex.find_dates(line, None)
           if m.date is not None and m.date.precision != "year" and _YEAR.search(m.text)
           and not _is_dateline(line, m.start, m.end)]
    embedded = (PartialDate.parse(v) for k, v in article.meta if k in EMBEDDED_DATE_KEYS)
    out.extend(d for d in embedded if d is not None)
    return out


def _lines_with_a_year(text: str) -> list[str]:
    """The lines that can hold a full date: the tagger runs on these only.

    Most lines of an article state no year, and tagging is the costly part of reconcile.
    """
    return [line for line in text.split("\n") if _YEAR.search(line)]


def _is_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:start] + " " + text[end:line_end]
    # Whether _DATELINE_WORDS covers all of ``rest``: it always covers the non-word
    # characters, and covers a run of word characters exactly when it matches the whole run
    # (a dateline word, or digits). Checking run by run stops at a prose line's first word,
    # where substituting over the whole line was the slowest part of finding stated dates.
    return all(_DATELINE_WORDS.fullmatch(run.group()) for run in _WORD_RUN.finditer(rest))


def _stale(article: Article, anchor: PartialDate | None) -> bool:
    """Rule 2, for dates read off the page (header, filename, body) only.

    A date from the input's own metadata (a JSON field, an HTML meta tag, a feed item) or from
    the URL's date folders is the publisher's claim, not a scraper's: an anniversary piece that
    states only old dates keeps it.
    """
    date = article.published
    return (date is not None and anchor is not None
            and article.found("published") not in _PUBLISHERS_CLAIMS
            and (date.earliest() - anchor.latest()).days > STALE_DAYS)


def _reconcile_copies(source: Source, anchor: PartialDate | None) -> Source:
    source = dataclasses.replace(source, primary=_doubted_if_explicit(source.primary, anchor),
                                 copies=tuple(_doubted_if_explicit(c, anchor)
                                              for c in source.copies))
    claims = [a.published for a in source.articles if a.published is not None]
    credible = [a.published for a in source.articles
                if a.published is not None and not _stale(a, anchor)]
    chosen = _earliest_precise(credible)
    if not claims or (all(d == chosen for d in claims) and len(claims) == len(source.articles)):
        return source
    articles = [_override(a, chosen, anchor, credible) for a in source.articles]
    return dataclasses.replace(source, primary=articles[0], copies=tuple(articles[1:]))


def _doubted_if_explicit(article: Article, anchor: PartialDate | None) -> Article:
    return _doubted(article, anchor) if article.found("published") == EXPLICIT else article


def _earliest_precise(candidates: Sequence[PartialDate]) -> PartialDate | None:
    """The earliest date; a more precise date inside it is preferred (2025-11 -> 2025-11-14)."""
    if not candidates:
        return None
    first = min(candidates, key=lambda d: (d.latest(), d.earliest()))
    inside = [d for d in candidates if first.contains(d)]
    order = {"year": 0, "month": 1, "day": 2}
    return max(inside, key=lambda d: (order[d.precision], -d.earliest().toordinal()))


def _doubted(article: Article, anchor: PartialDate | None) -> Article:
    """An explicit date kept, with a note when the text's own dates make it doubtful."""
    date = article.published
    if date is None or anchor is None or (date.earliest() - anchor.latest()).days <= STALE_DAYS:
        return article
    note = (f"publication date {date} kept as the input gives it, though it is more than "
            f"{STALE_DAYS} days after the latest date its text states ({anchor})")
    if note in article.notes:
        return article
    log.info("%s: %s", article.path, note)
    return dataclasses.replace(article, notes=(*article.notes, note))


def _override(article: Article, chosen: PartialDate | None, anchor: PartialDate | None,
              credible: Sequence[PartialDate]) -> Article:
    old = article.published
    if old is not None and article.found("published") == EXPLICIT:
        # The input's own metadata is data: kept even where a copy or the text disagrees.
        return _doubted(article, anchor)
    if old == chosen:
        return article
    if old is None:
        why = "it stated none; taken from a copy"
    elif _stale(article, anchor):
        why = (f"{old} is more than {STALE_DAYS} days after the latest date its text states "
               f"({anchor}), so it looks like the date the page was scraped")
    else:
        why = f"{old} is later than a copy's date ({min(credible)}), so it looks like a scrape date"
    note = f"publication date {old or 'missing'} replaced by {chosen or 'none'}: {why}"
    log.info("%s: %s", article.path, note)
    provenance = (*(p for p in article.provenance if p[0] != "published"), ("published", "copies"))
    return dataclasses.replace(article, published=chosen, provenance=provenance,
                               notes=(*article.notes, note))


def _latest_credible(sources: Sequence[Source],
                     anchors: Sequence[PartialDate | None]) -> PartialDate | None:
    """The latest publication date of the story that is not a lone outlier."""
    dated = sorted(((s.primary.published, a) for s, a in zip(sources, anchors, strict=True)
                    if s.primary.published is not None), key=lambda p: p[0].latest())
    if not dated:
        return None
    if len(dated) == 1:
        return dated[0][0]
    (top, top_anchor), (runner_up, _) = dated[-1], dated[-2]
    gap = (top.earliest() - runner_up.latest()).days
    supported = top_anchor is not None and top_anchor.latest() > runner_up.latest()
    return top if gap <= OUTLIER_DAYS or supported else runner_up


def _with_reference(source: Source, stated: Sequence[PartialDate], story: Sequence[Source],
                    latest: PartialDate | None) -> Source:
    published = source.primary.published
    reference = published if published is not None else _inferred(source, stated, story, latest)
    if reference is not None and latest is not None and reference.earliest() > latest.latest():
        reference = latest
    return dataclasses.replace(source, reference=reference)


def _inferred(source: Source, stated: Sequence[PartialDate], story: Sequence[Source],
              latest: PartialDate | None) -> PartialDate | None:
    """The latest full date the text states (not past the story), else the neighbours'."""
    if latest is not None:
        stated = [d for d in stated if d.earliest() <= latest.latest()]
    if stated:
        return max(stated, key=lambda d: (d.latest(), d.precision == "day"))
    neighbours = sorted(s.primary.published for s in story
                        if s is not source and s.primary.published is not None)
    return neighbours[(len(neighbours) - 1) // 2] if neighbours else None
