"""A thread's summary and title composed from its events' sentences."""

from __future__ import annotations

import pytest

from generator.model import Source
from generator.story import eventsummary, summary
from tests.conftest import make_article
from tests.story.test_summary import SOURCES

FLOOD = [Source(make_article(id=f"f{i}", title=title, text=text)) for i, (title, text) in
         enumerate([("River floods the old town",
                     "The river burst its banks overnight and flooded the old town, where "
                     "hundreds of homes stood in water by morning. Firefighters pumped water "
                     "from cellars while residents carried furniture upstairs."),
                    ("Old town under water after the river rises",
                     "Hundreds of homes in the old town stood in water after the river burst "
                     "its banks overnight. The mayor said the flood was the worst in fifty "
                     "years and asked residents to stay away from the river.")])]


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_one_event_composes_to_the_summary_of_its_sources(limit: int) -> None:
    part = eventsummary.gather(SOURCES, title=summary.title(SOURCES))
    assert eventsummary.compose([part], limit=limit) == summary.summarize(SOURCES, limit=limit)


def test_an_event_keeps_a_bounded_number_of_sentences() -> None:
    many = [Source(make_article(id=f"m{i}", text=" ".join(
        f"Rebel unit {i}{j} reported new fighting near the airport of the city today."
        for j in range(20)))) for i in range(3)]
    part = eventsummary.gather(many, title="Fighting near the airport")
    assert len(part.sentences) == len(part.vectors) == eventsummary.EVENT_SENTENCES


def test_a_thread_summary_takes_sentences_of_its_events_without_repeats() -> None:
    parts = [eventsummary.gather(SOURCES, title="Rebels seize airport"),
             eventsummary.gather(FLOOD, title="Old town under water")]
    text = eventsummary.compose(parts)
    pool = list(dict.fromkeys(s for part in parts for s in part.sentences))
    chosen = sorted((s for s in pool if s in text), key=text.index)
    assert chosen and " ".join(chosen) == text, "whole sentences of the events, nothing else"
    assert len(chosen) <= summary.MAX_SUMMARY_SENTENCES
    assert len(text) <= summary.MAX_SUMMARY_CHARS
    twice = eventsummary.compose([parts[0], parts[0]])
    assert twice == eventsummary.compose([parts[0]]), "a sentence told in two events: once"


def test_a_thread_is_titled_by_the_event_closest_to_the_whole_thread() -> None:
    rebels = eventsummary.gather(SOURCES, title="Rebels seize airport in northern city")
    flood = eventsummary.gather(FLOOD[:1], title="River floods the old town")
    titles = ["Rebels seize airport in northern city", "River floods the old town"]
    assert eventsummary.title(titles, [rebels, flood]) == titles[0], "three sources to one"
    two_floods = eventsummary.gather(FLOOD, title="Old town under water")
    assert eventsummary.title(["Rebels seize airport", "Old town under water"],
                              [eventsummary.gather(SOURCES[:1], title="Rebels seize airport"),
                               two_floods]) == "Old town under water"


def test_an_event_of_many_sources_speaks_for_the_thread_before_a_single_report() -> None:
    centroid = (("oil", 1.0),)
    saga = eventsummary.EventSummary(
        sentences=("Oil spill grows along the coast.",), vectors=((("oil", 0.6), ("spill", 0.8)),),
        centroid=centroid, weight=10, title=(("oil", 0.6), ("spill", 0.8)))
    teaser = eventsummary.EventSummary(
        sentences=("Oil?",), vectors=((("oil", 1.0),),), centroid=centroid, weight=1,
        title=(("oil", 1.0),))
    paragraph = eventsummary.compose([teaser, saga], limit=1)
    assert paragraph == "Oil spill grows along the coast."
    assert eventsummary.title(["Oil?", "Spill grows"], [teaser, saga]) == "Spill grows"
