"""Threads: events that continue one another are linked; look-alikes of other occasions not."""

from __future__ import annotations

import datetime as dt

import numpy as np
import scipy.sparse as sp

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


def test_look_alike_events_of_the_same_week_in_different_places_stay_apart() -> None:
    drafts = [_event("a", QUAKE.format(town="Malatya"), PartialDate(2010, 5, 5)),
              _event("b", QUAKE.format(town="Valparaiso"), PartialDate(2010, 5, 7))]
    assert threads.link(drafts) == [[0], [1]]


def test_a_quiet_month_ends_a_thread_and_a_few_weeks_weaken_a_link() -> None:
    day = dt.date(2010, 5, 1)
    close = threads.time_factor((day, day), (day, day + dt.timedelta(days=threads.LINK_GAP_DAYS)))
    later = threads.time_factor((day, day), (day + dt.timedelta(days=20),) * 2)
    quiet = threads.time_factor((day, day),
                                (day + dt.timedelta(days=threads.MAX_GAP_DAYS + 1),) * 2)
    assert close == 1.0 and 0 < later < 1 and quiet == 0.0
    assert threads.time_factor(None, (day, day)) == 0.0
    drafts = [_event("a", SPILL.format(what="the leak would be capped"), PartialDate(2010, 5, 2)),
              _event("b", SPILL.format(what="a containment dome had failed"),
                     PartialDate(2010, 7, 6))]
    assert threads.link(drafts) == [[0], [1]]


def test_a_saga_is_held_by_its_own_cohesion_not_a_fixed_bar() -> None:
    # Weekly events of one spill, each about the next step: neighbours are alike, the first
    # and the last share little beyond the spill's names. They form one thread.
    steps = ["the leak would be capped", "a containment dome had failed",
             "a top kill attempt had begun", "a relief well was being drilled",
             "a new cap had stopped the flow", "the well was sealed for good"]
    drafts = [_event(f"s{i}", SPILL.format(what=what), PartialDate(2010, 5, 1 + 5 * i))
              for i, what in enumerate(steps)]
    assert threads.link(drafts) == [list(range(len(steps)))]


def test_a_formed_thread_does_not_split_when_an_event_arrives() -> None:
    # Last build, a and b were one thread (through an event since grown into one of them);
    # now, with a new event c beside them, nothing links a and b: they stay one thread.
    a_text = "Pipeline spill oil coast cleanup crews booms beaches wildlife fishermen."
    b_text = "Senate vote budget bill lawmakers deficit spending committee hearing."
    day = PartialDate(2010, 5, 5)
    drafts = [_event("a", a_text, day), _event("b", b_text, day),
              _event("c", f"{b_text} Senators met again.", day)]
    assert threads.link(drafts) == [[0], [1, 2]]
    previous = {s.id: 7 for d in drafts[:2] for s in d.sources}
    assert threads.link(drafts, previous=previous) == [[0, 1, 2]]
    # Events that were in different threads are not pushed together by the memory, and
    # links between events that were all there last time are not tried again ...
    apart = {s.id: n for n, d in enumerate(drafts) for s in d.sources}
    assert threads.link(drafts, previous=apart) == [[0], [1], [2]]
    # ... but a new event still joins the thread it continues.
    before = {s.id: n for n, d in enumerate(drafts[:2]) for s in d.sources}
    assert threads.link(drafts, previous=before) == [[0], [1, 2]]


def _unit(*pairs: tuple[int, float], width: int = 8) -> sp.csr_matrix:
    row = np.zeros(width)
    for column, value in pairs:
        row[column] = value
    return sp.csr_matrix(row / np.linalg.norm(row))


def test_a_loose_thread_does_not_take_in_what_resembles_one_member_weakly() -> None:
    # Four unrelated events held together (last build's thread): its cohesion is 0, so a bar
    # relative to cohesion alone would take in any event linked to one member. An event at
    # cosine 0.15 to one of the four (0.0375 across the thread) stays out; one at 0.3 to two
    # members (0.15 across) joins.
    weak = _unit((0, 0.15), (4, (1 - 0.15 ** 2) ** 0.5))
    close = _unit((0, 0.3), (1, 0.3), (5, (1 - 2 * 0.09) ** 0.5))
    events = sp.vstack([_unit((k, 1.0)) for k in range(4)] + [weak, close]).tocsr()
    joined = threads._Threads(events)
    for member in (1, 2, 3):
        joined.force(0, member)
    joined.join(4, 0)
    assert joined.root(4) != joined.root(0)
    joined.join(5, 0)
    assert joined.root(5) == joined.root(0)


def test_dot_over_shared_columns_is_the_sparse_product() -> None:
    rng = np.random.default_rng(0)
    for _ in range(200):
        width = int(rng.integers(1, 60))
        a, b = (sp.random(1, width, density=float(rng.random()), format="csr", random_state=rng,
                          dtype=np.float32) for _ in range(2))
        for left, right in ((a, b), (b, a), (a, a)):
            expected = float(left.astype(np.float64).multiply(right.astype(np.float64)).sum())
            assert np.isclose(threads._dot(left, right), expected, rtol=1e-12, atol=1e-300)
    last = sp.csr_matrix(([1.0, 2.0], ([0, 0], [1, 7])), shape=(1, 8))  # one past the other's end
    first = sp.csr_matrix(([3.0], ([0], [0])), shape=(1, 8))
    assert threads._dot(last, first) == threads._dot(first, last) == 0.0
    assert threads._dot(last, last) == 5.0
    assert threads._dot(sp.csr_matrix((1, 8)), last) == threads._dot(last, sp.csr_matrix((1, 8)))
