"""Merge: a story assembled from reconciled sources and their extractions."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from generator.config import StorySettings
from generator.extract import extract
from generator.model import Entity, PartialDate, Source, StoryDraft
from generator.story import merge, partial
from tests.conftest import make_article

P = PartialDate
FIRST = ("The army pulled back from the northern city on Monday, officials said. "
         "Rebel fighters then seized the airport of the northern city after days of fighting. "
         "“We will return soon,” General Omar Haddad said.")
SECOND = ("Rebel fighters seized the airport of the northern city on Monday after the army "
          "pulled back from the northern city. In February, the rebels had taken the port.")


@pytest.fixture
def story() -> merge.Story:
    sources = (Source(make_article(id="s1", text=FIRST, title="Rebels take airport - Reuters",
                                   published=P(2025, 11, 12)), reference=P(2025, 11, 12)),
               Source(make_article(id="s2", text=SECOND, title="Army leaves northern city",
                                   published=P(2025, 11, 11)), reference=P(2025, 11, 11)))
    extractions = {s.id: extract(s.primary, s.reference) for s in sources}
    draft = StoryDraft(sources, terms=("airport", "rebels"))
    return merge.merge(draft, extractions, settings=StorySettings(max_timeline=5, max_quotes=3))


def test_story_has_title_summary_sources_and_slug(story: merge.Story) -> None:
    assert story.title in {"Rebels take airport", "Army leaves northern city"}
    assert story.id == merge.slugify(story.title)
    assert story.summary
    assert [s.id for s in story.sources] == ["s1", "s2"]
    assert story.terms == ("airport", "rebels")


def test_story_timeline_is_dated_and_sourced(story: merge.Story) -> None:
    assert story.timeline, "the Monday event should be on the timeline"
    assert all(e.sources for e in story.timeline)
    dates = [e.date for e in story.timeline]
    assert dates == sorted(dates, key=lambda d: (d.year, d.month or 0, d.day or 0))
    assert len(story.timeline) <= 5


def test_story_quotes_and_entities_are_limited(story: merge.Story) -> None:
    assert len(story.quotes) <= 3
    assert len(story.entities) <= merge.MAX_ENTITIES


@pytest.mark.parametrize(("title", "slug"), [
    ("Rubio rules out unilateral action in Mexico", "rubio-rules-out-unilateral-action-in-mexico"),
    ("Sheinbaum: ‘It won’t happen’!", "sheinbaum-it-won-t-happen"),
    ("A" * 10 + " " + "b" * 70, "aaaaaaaaaa"),
])
def test_slugify(title: str, slug: str) -> None:
    assert merge.slugify(title) == slug


def test_entities_list_people_orgs_places_before_others(story: merge.Story) -> None:
    kinds = [merge.KIND_ORDER.get(e.kind, 1) for e in story.entities]
    assert kinds == sorted(kinds)
    assert len(set(story.entities)) == len(story.entities)


def test_a_lone_surname_counts_as_the_one_full_name_with_it() -> None:
    sources = [Source(make_article(id=f"s{i}", text="Talks.")) for i in range(3)]
    known = {key: [Entity(name, "person") for name in names] for key, names in (
        ("s0", ["Tara Reid", "Reid", "George Bush"]), ("s1", ["Reid", "Bush"]),
        ("s2", ["Bush", "Reggie Bush"]))}
    names = [e.name for e in merge._entities(sources, known)]
    assert "Reid" not in names and names[0] == "Tara Reid"  # in two sources now
    assert "Bush" in names, "two people named Bush: the lone surname stays"


def test_a_name_only_one_of_several_sources_gives_is_no_tag() -> None:
    sources = [Source(make_article(id=f"s{i}", text="Talks.")) for i in range(3)]
    known = {"s0": [Entity("Tara Reid", "person"), Entity("Considering Lionsgate", "other")],
             "s1": [Entity("Tara Reid", "person")], "s2": [Entity("Malibu", "place")]}
    assert [e.name for e in merge._entities(sources, known)] == ["Tara Reid"]
    two = sources[:2]
    assert "Considering Lionsgate" in [e.name for e in merge._entities(two, known)]


def test_variants_of_one_name_are_one_person() -> None:
    sources = [Source(make_article(id=f"s{i}", text="Talks.")) for i in range(3)]
    known = {key: [Entity(name, "person") for name in names] for key, names in (
        ("s0", ["Richard M. Nixon", "W. Mark Felt", "King"]),
        ("s1", ["Richard Nixon", "Mark Felt", "Martin Luther King Jr."]),
        ("s2", ["Richard Nixon", "Nixon", "Martin Luther King Jr.", "King"]))}
    names = [e.name for e in merge._entities(sources, known)]
    assert set(names[:3]) == {"Richard Nixon", "Martin Luther King Jr.", "Mark Felt"}
    assert "Richard M. Nixon" not in names and "Nixon" not in names
    assert "W. Mark Felt" not in names
    assert "King" not in names, "a lone surname folds past a suffix"


def test_spread_sample_keeps_all_below_the_size_and_spreads_above() -> None:
    sources = [Source(primary=make_article(id=f"s{i}", text=f"Text {i}.")) for i in range(10)]
    assert partial.spread_sample(sources, 20) == sources
    sample = partial.spread_sample(sources, 4)
    assert [s.id for s in sample] == ["s0", "s2", "s5", "s7"]


def test_a_story_of_one_event_has_that_event_titled_as_the_story(story: merge.Story) -> None:
    assert len(story.events) == 1
    event = story.events[0]
    assert event.title == story.title
    assert event.id == "army-leaves-northern-city", "anchored on the earliest headline"
    assert (event.first, event.last) == (P(2025, 11, 11), P(2025, 11, 12))
    assert sorted(event.articles) == ["s1", "s2"]


def test_a_thread_lists_its_events_oldest_first_each_titled_from_its_sources() -> None:
    later = Source(make_article(id="s3", text=SECOND, title="Rebels hold the port a week on",
                                published=P(2025, 11, 20)), reference=P(2025, 11, 20))
    first = Source(make_article(id="s1", text=FIRST, title="Rebels take the airport - Reuters",
                                published=P(2025, 11, 12)), reference=P(2025, 11, 12))
    draft = StoryDraft((later, first), events=(("s3",), ("s1",)))
    thread = merge.merge(draft, {}, settings=StorySettings())
    assert [e.title for e in thread.events] == ["Rebels take the airport",
                                               "Rebels hold the port a week on"]
    assert [e.articles for e in thread.events] == [("s1",), ("s3",)]
    assert len({e.id for e in thread.events}) == 2


def test_known_event_partials_are_used_and_the_others_worked_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tuple(Source(make_article(id=f"s{i}", text=text, title=title,
                                        published=P(2025, 11, day)), reference=P(2025, 11, day))
                    for i, (text, title, day) in enumerate(
                        [(FIRST, "Rebels take the airport", 12),
                         (SECOND, "Rebels hold the port a week on", 20),
                         (FIRST, "Army returns to the northern city", 28)]))
    extractions = {s.id: extract(s.primary, s.reference) for s in sources}
    draft = StoryDraft(sources, events=(("s0",), ("s1",), ("s2",)))
    settings = StorySettings()
    whole = merge.merge(draft, extractions, settings=settings)
    known = {(s.id,): partial.partial([s], extractions, settings=settings)
             for s in sources[:2]}
    read: list[tuple[str, ...]] = []
    real_partial = partial.partial

    def counting(sources: list[Source], *args: object, **kwargs: object) -> partial.EventPartial:
        read.append(tuple(s.id for s in sources))
        return real_partial(sources, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(merge.partial, "partial", counting)
    again = merge.merge(draft, extractions, settings=settings, partials=known)
    assert again == whole  # the same story, composed from what was known
    assert read == [("s2",)]


def test_a_chapter_anchor_survives_its_event_being_retitled() -> None:
    first = Source(make_article(id="s1", text=FIRST, title="Rebels take the airport",
                                published=P(2025, 11, 12)), reference=P(2025, 11, 12))
    later = Source(make_article(id="s3", text=SECOND, title="Rebels hold the port a week on",
                                published=P(2025, 11, 20)), reference=P(2025, 11, 20))
    draft = StoryDraft((first, later), events=(("s1",), ("s3",)))
    settings = StorySettings()
    parts = [partial.partial([s], {}, settings=settings) for s in (first, later)]
    before = merge.compose(draft, parts, settings=settings)
    retitled = [dataclasses.replace(parts[0], title="A new title for the first event"),
                parts[1]]
    after = merge.compose(draft, retitled, settings=settings)
    assert after.events[0].title != before.events[0].title
    assert [e.id for e in after.events] == [e.id for e in before.events] == [
        "rebels-take-the-airport", "rebels-hold-the-port-a-week-on"]


def test_a_thread_composed_from_the_same_partials_is_the_same_story() -> None:
    sources = tuple(Source(make_article(id=f"s{i}", text=text, title=f"Report {i}",
                                        published=P(2025, 11, 10 + i)),
                           reference=P(2025, 11, 10 + i))
                    for i, text in enumerate([FIRST, SECOND, FIRST + " " + SECOND]))
    extractions = {s.id: extract(s.primary, s.reference) for s in sources}
    draft = StoryDraft(sources, events=(("s0", "s2"), ("s1",)))
    settings = StorySettings(max_timeline=5, max_quotes=3)
    fresh = merge.merge(draft, extractions, settings=settings)
    parts = {ids: partial.partial([s for s in sources if s.id in ids], extractions,
                                  settings=settings) for ids in draft.events}
    cached = pickle.loads(pickle.dumps(parts))  # as the cache gives them back
    assert merge.merge(draft, extractions, settings=settings, partials=cached) == fresh


def test_an_event_without_a_headline_is_anchored_on_its_first_date_and_article() -> None:
    stand_in = make_article(id="s1", text=FIRST, title="By the CNN Wire Staff The army",
                            published=P(2025, 11, 12), provenance=(("title", "body"),))
    later = make_article(id="s3", text=SECOND, title=None, published=P(2025, 11, 20))
    draft = StoryDraft((Source(stand_in), Source(later)), events=(("s1",), ("s3",)))
    ids = [e.id for e in merge.merge(draft, {}, settings=StorySettings()).events]
    assert ids[0].startswith("event-2025-11-12-") and ids[1].startswith("event-2025-11-20-")
    assert len(ids[0]) == len("event-2025-11-12-") + merge.ANCHOR_HASH_CHARS


def test_people_keep_their_share_of_tags_among_many_bodies_and_places() -> None:
    sources = [Source(make_article(id=f"s{i}", text="Talks.")) for i in range(4)]
    bodies = [Entity(f"Body {n} Ltd", "org") for n in range(12)]
    places = [Entity(f"Town {n}", "place") for n in range(12)]
    people = [Entity("Thein Sein", "person"), Entity("Aung San Suu Kyi", "person")]
    known = {f"s{i}": [*bodies, *places, *(people if i < 2 else [])] for i in range(4)}
    found = merge._entities(sources, known)
    assert len(found) == merge.MAX_ENTITIES
    assert {"Thein Sein", "Aung San Suu Kyi"} <= {e.name for e in found}
    assert sum(e.kind == "org" for e in found) >= merge.KIND_SHARE
