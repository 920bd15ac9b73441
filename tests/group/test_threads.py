"""Threads: events that continue one another are linked; look-alikes of other occasions not."""

from __future__ import annotations

from generator.group import threads
from generator.model import PartialDate, Source, StoryDraft
from tests.conftest import make_article

SPILL = ("Oil from the BP Deepwater Horizon well spread across the Gulf of Mexico towards the "
         "Louisiana coast, and BP chief executive Tony Hayward said {what}.")
QUAKE = ("A magnitude 6.2 earthquake struck near {town}, the disaster agency said, and rescue "
         "teams searched collapsed buildings for survivors of the quake.")


def _event(key: str, text: str, day: PartialDate | None, size: int = 3) -> StoryDraft:
    return StoryDraft(sources=tuple(
        Source(primary=make_article(id=f"{key}{i}", path=f"{key}{i}.txt", published=day,
                                    title=None, text=f"{text} Report {i} of {key}."))
        for i in range(size)))


def test_events_that_continue_one_another_form_one_thread() -> None:
    drafts = [_event("a", SPILL.format(what="the leak would be capped"), PartialDate(2010, 5, 2)),
              _event("b", SPILL.format(what="a containment dome had failed"),
                     PartialDate(2010, 5, 6)),
              _event("c", QUAKE.format(town="Malatya"), PartialDate(2010, 5, 5))]
    assert threads.link(drafts) == [[0, 1], [2]]


def test_look_alike_events_far_apart_or_undated_stay_apart() -> None:
    drafts = [_event("a", QUAKE.format(town="Malatya"), PartialDate(2010, 5, 5)),
              _event("b", QUAKE.format(town="Malatya"), PartialDate(2011, 2, 1)),
              _event("c", QUAKE.format(town="Malatya"), None)]
    assert threads.link(drafts) == [[0], [1], [2]]


def test_one_event_is_one_thread() -> None:
    assert threads.link([_event("a", QUAKE.format(town="Malatya"), None)]) == [[0]]
    assert threads.link([]) == []


def test_a_chain_of_neighbours_does_not_join_two_subjects() -> None:
    # b shares a subject with a and another with c; a and c share nothing. Single linkage made
    # one thread of the three; the threads must also be alike as wholes.
    a_text = "Pipeline spill oil coast cleanup crews booms beaches wildlife fishermen."
    c_text = "Senate vote budget bill lawmakers deficit spending committee hearing."
    day = PartialDate(2010, 5, 5)
    drafts = [_event("a", a_text, day, size=4), _event("b", f"{a_text} {c_text}", day, size=1),
              _event("c", c_text, day, size=4)]
    found = threads.link(drafts)
    assert len(found) > 1 and [0, 1, 2] not in found
