"""A thread's timeline composed from its events' candidate entries."""

from __future__ import annotations

import pytest

from generator.model import Event, PartialDate
from generator.story import eventtimeline, timeline
from tests.story.test_timeline import SOURCES, ev

P = PartialDate

CASES = {
    "same happening": {
        "late": [ev("late", P(2025, 11, 3), "NBC News reported that the U.S. has begun "
                    "detailed planning for a mission to target drug cartels.")],
        "early": [ev("early", P(2025, 11, 3), "The Trump administration has begun planning a "
                     "potential mission that would target drug cartels, NBC News reported.")]},
    "dispute": {
        "late": [ev("late", P(2025, 2), "President Donald Trump designated six Mexican cartels "
                    "as foreign terrorist organizations.")],
        "middle": [ev("middle", P(2025, 2), "Trump designated six cartels as terrorist "
                      "organizations.")],
        "early": [ev("early", P(2025, 4), "Trump designated several Mexican cartels as "
                     "terrorist organizations, a move that underscores the crisis.")]},
    "background": {
        "early": [ev("early", P(1918, 9, 1), "A flu pandemic killed millions of people "
                     "around the world.")],
        "middle": [ev("middle", P(2025, 11, 1), "Crowds marched through the streets after "
                      "the shooting.")],
        "late": [ev("late", P(2025, 11, 1), "The mayor was shot dead in the town square.")]},
    "one source, one day": {"early": [
        ev("early", P(2025, 11, 3), "The navy moved two destroyers into the Gulf of Mexico."),
        ev("early", P(2025, 11, 3), "Cartel leaders were named as targets by the White House.")]},
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(("limit", "terms"), [(10, ()), (1, ()), (2, ("navy", "mayor"))])
def test_one_event_composes_to_the_timeline_of_its_sources(
        case: str, limit: int, terms: tuple[str, ...]) -> None:
    events = CASES[case]
    part = eventtimeline.gather(events, SOURCES, limit=limit)
    composed = eventtimeline.compose([part], limit=limit, terms=terms)
    assert composed == timeline.build(events, SOURCES, limit=limit, terms=terms)


def _parts(*events: dict[str, list[Event]]) -> list[eventtimeline.EventTimeline]:
    """One part per event; each event's sources are those its events name (thread order)."""
    return [eventtimeline.gather(e, [s for s in SOURCES if s.id in e], limit=10)
            for e in events]


def test_the_same_happening_in_two_events_is_one_entry_citing_both() -> None:
    one = {"late": CASES["same happening"]["late"]}
    two = {"early": CASES["same happening"]["early"]}
    (entry,) = eventtimeline.compose(_parts(one, two), limit=10)
    assert entry.sources == ("early", "late"), "cites united, first reporter first"
    assert entry.date == P(2025, 11, 3)


def test_happenings_of_two_events_on_other_days_stay_apart() -> None:
    one = {"late": [ev("late", P(2025, 11, 4), "The army began shelling the city.")]}
    two = {"early": [ev("early", P(2025, 11, 3), "The army began shelling the city.")]}
    entries = eventtimeline.compose(_parts(one, two), limit=10)
    assert [(str(e.date), e.sources) for e in entries] == [("2025-11-03", ("early",)),
                                                           ("2025-11-04", ("late",))]


def test_disputes_are_recomputed_over_the_joined_members() -> None:
    dispute = CASES["dispute"]
    one = {"late": dispute["late"], "early": dispute["early"]}
    two = {"middle": dispute["middle"]}
    (entry,) = eventtimeline.compose(_parts(one, two), limit=10)
    assert entry.date == P(2025, 2)
    assert entry.sources == ("middle", "late")
    assert entry.disputed == (("early", P(2025, 4)),)


def test_an_event_keeps_a_bounded_number_of_happenings() -> None:
    events = {"early": [ev("early", P(2025, 1, day), f"Rebels shelled town number {day}.")
                        for day in range(1, 29)]}
    part = eventtimeline.gather(events, SOURCES, limit=2)
    assert len(part.happenings) == eventtimeline.EVENT_ENTRIES_FACTOR * 2
    assert len(eventtimeline.compose([part], limit=2)) == 2
