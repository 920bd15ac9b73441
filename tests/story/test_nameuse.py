from __future__ import annotations

from generator.model import Entity, Source, Story
from generator.story import nameuse
from tests.conftest import make_article


def text_of(text: str) -> nameuse.StoryText:
    article = make_article(id="a", text=text)
    return nameuse.StoryText(Story(id="a", title="a", summary="", sources=(Source(article),),
                                   entities=(Entity("x", "person"),)))


def test_peoples_and_creeds_adjectives_alone_name_no_person() -> None:
    assert nameuse.adjectives_only("Egyptian-American")
    assert nameuse.adjectives_only("Catholic")
    assert nameuse.adjectives_only("Texan", lambda w: w == "texan")
    assert not nameuse.adjectives_only("Egyptian Ahmed")
    assert not nameuse.adjectives_only("Rebecca Solnit")


def test_a_name_ending_in_initials_with_stops_is_no_persons() -> None:
    assert nameuse.ends_in_initials("Orkem U.K.")
    assert not nameuse.ends_in_initials("George H.W. Bush")
    assert not nameuse.ends_in_initials("U.K.")


def test_a_name_mostly_written_after_the_is_a_things() -> None:
    blazers = text_of("He was coach of the Trail Blazers. The Trail Blazers hired him in "
                      "2001; Trail Blazers fans cheered.")
    assert nameuse.determined("Trail Blazers", blazers)
    state = text_of("He vowed to defeat the Islamic State, he said.")
    assert nameuse.determined("Islamic State", state)


def test_a_name_qualifying_the_noun_after_it_is_not_determined() -> None:
    campaign = text_of("After the Corey Lewandowski dismissal, Corey Lewandowski said no more.")
    assert not nameuse.determined("Corey Lewandowski", campaign)
    only = text_of("The Kardashian inauguration was a show.")
    assert not nameuse.determined("Kardashian", only)
    assert not nameuse.determined("Donald Trump", text_of("Donald Trump spoke."))


def test_a_lone_surname_is_the_one_full_name_its_story_gives() -> None:
    text = text_of("Robert Sperling, a policy maker, spoke. Mr. Sperling said so.")
    assert nameuse.full_name("Sperling", text) == "Robert Sperling"
    assert nameuse.full_name("Clausen", text_of("Brian M. Clausen and Mr. Clausen.")) \
        == "Brian M. Clausen"
    assert nameuse.full_name("Oliver", text_of("Anne Marie Oliver, an academic.")) \
        == "Anne Marie Oliver"
    assert nameuse.full_name("Hughes", text_of("Senator Mary Hughes said.")) \
        == "Mary Hughes"


def test_a_lone_surname_of_two_people_or_none_has_no_full_name() -> None:
    assert nameuse.full_name("Bush", text_of("George Bush and Jeb Bush met. Bush spoke.")) is None
    assert nameuse.full_name("Sperling", text_of("Mr. Sperling said so.")) is None


def test_a_name_mostly_followed_by_which_is_a_things() -> None:
    firm = text_of("Sverre Svenning, director with Fearnley Consultants, which is part of a "
                   "broker, said so.")
    assert nameuse.relative_which("Fearnley Consultants", firm)
    assad = text_of("Bashar al-Assad spoke. Pressure grew on Bashar al-Assad, which he "
                    "denied. Bashar al-Assad left.")
    assert not nameuse.relative_which("Bashar al-Assad", assad)
