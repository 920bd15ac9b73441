"""Back-references: an event naming an earlier event's day or month links to it."""

from __future__ import annotations

import datetime as dt

from generator.group import backrefs, threads
from generator.model import PartialDate, Source, StoryDraft
from tests.conftest import make_article


def test_dates_a_text_refers_back_to() -> None:
    article = make_article(published=PartialDate(2010, 6, 15), text=(
        "Crews worked on the well on Monday. The April 20 explosion killed 11 workers, and "
        "oil has leaked since the rig sank in April. Hearings begin on July 1. In 2009 the "
        "rig drilled a record well."))
    assert backrefs.referred_dates(article) == (PartialDate(2010, 4, 20), PartialDate(2010, 4))


def test_an_undated_or_month_dated_article_refers_to_nothing() -> None:
    text = "The April 20 explosion killed 11 workers."
    assert backrefs.referred_dates(make_article(published=None, text=text)) == ()
    assert backrefs.referred_dates(make_article(published=PartialDate(2010, 6), text=text)) == ()


SPILL = ("Oil from the BP Deepwater Horizon well spread across the Gulf of Mexico towards the "
         "Louisiana coast, and BP chief executive Tony Hayward said {what}.")
LATER = ("BP chief executive Tony Hayward faced Congress over the Deepwater Horizon disaster, "
         "{when}, as lawmakers asked about safety on the rig and the company's record.")
QUAKE = ("A magnitude 6.2 earthquake struck near {town}, the disaster agency said, and rescue "
         "teams searched collapsed buildings for survivors of the quake.")


def _event(key: str, text: str, day: PartialDate, size: int = 3) -> StoryDraft:
    return StoryDraft(sources=tuple(
        Source(primary=make_article(id=f"{key}{i}", path=f"{key}{i}.txt", published=day,
                                    title=None, text=f"{text} Report {i} of {key}."))
        for i in range(size)))


def _referred(drafts: list[StoryDraft]) -> dict[str, tuple[PartialDate, ...]]:
    return {s.primary.id: backrefs.referred_dates(s.primary) for d in drafts for s in d.sources}


def test_an_event_referring_back_joins_the_thread_it_names_months_later() -> None:
    drafts = [_event("a", SPILL.format(what="the leak would be capped"), PartialDate(2010, 4, 21)),
              _event("b", LATER.format(when="two months after the April 21 blast"),
                     PartialDate(2010, 6, 30))]
    assert threads.link(drafts) == [[0], [1]]  # two months apart: too far for a near link
    assert threads.link(drafts, referred=_referred(drafts)) == [[0, 1]]


def test_a_reference_to_a_day_of_an_unrelated_event_links_nothing() -> None:
    # The later event names the day of the earthquake, but shares no name with it.
    drafts = [_event("a", QUAKE.format(town="Malatya"), PartialDate(2010, 4, 21)),
              _event("b", LATER.format(when="two months after the April 21 blast"),
                     PartialDate(2010, 6, 30))]
    assert threads.link(drafts, referred=_referred(drafts)) == [[0], [1]]
    events, names = threads.event_vectors(drafts, None)
    spans = [(dt.date(2010, 4, 21),) * 2, (dt.date(2010, 6, 30),) * 2]
    rows, _, _ = backrefs.referred_links(drafts, events, names, spans, _referred(drafts))
    assert len(rows) == 0


def test_only_earlier_events_are_referred_to() -> None:
    drafts = [_event("a", LATER.format(when="two months after the April 21 blast"),
                     PartialDate(2010, 6, 30)),
              _event("b", SPILL.format(what="the leak would be capped"), PartialDate(2010, 7, 21))]
    events, names = threads.event_vectors(drafts, None)
    spans = [(dt.date(2010, 6, 30),) * 2, (dt.date(2010, 7, 21),) * 2]
    rows, _, _ = backrefs.referred_links(drafts, events, names, spans, _referred(drafts))
    assert len(rows) == 0
