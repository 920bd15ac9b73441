from __future__ import annotations

from generator.model import Entity, Source, Story
from generator.story import othernames
from tests.conftest import make_article


def story(key: str, *entities: Entity) -> Story:
    return Story(id=key, title=key, summary="", sources=(Source(make_article(id=key)),),
                 entities=entities)


def names_of(result: Story) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in result.entities]


def test_spellings_in_capitals_are_one_name_under_the_most_named() -> None:
    stories = [story("a", Entity("EUROPE", "place"), Entity("TWITTER", "org")),
               story("b", Entity("Europe", "place"), Entity("Twitter", "org")),
               story("c", Entity("NATO", "org")), story("d", Entity("NATO", "org")),
               story("e", Entity("Nato", "org"), Entity("Europe", "place"))]
    out = othernames.tidy(stories)
    assert names_of(out[0]) == [("Europe", "place"), ("Twitter", "org")], "a tie: not capitals"
    assert names_of(out[4]) == [("NATO", "org"), ("Europe", "place")], "the most named spelling"


def test_a_short_acronym_is_not_a_word_in_capitals() -> None:
    stories = [story("a", Entity("WHO", "org")), story("b", Entity("Who", "org"))]
    assert [names_of(s) for s in othernames.tidy(stories)] == [[("WHO", "org")],
                                                              [("Who", "org")]]


def test_a_described_name_loses_its_description() -> None:
    stories = [story("a", Entity("California-based Chiron Corp", "org"),
                     Entity("Israeli-controlled Golan Heights", "place"),
                     Entity("Chiron Corp", "org"))]
    assert names_of(othernames.tidy(stories)[0]) == [("Chiron Corp", "org"),
                                                     ("Golan Heights", "place")]


def test_people_and_unchanged_stories_are_left_as_they_are() -> None:
    stories = [story("a", Entity("BARACK OBAMA", "person"), Entity("Barack Obama", "person"),
                     Entity("Reuters", "org"))]
    out = othernames.tidy(stories)
    assert out[0] is stories[0]
