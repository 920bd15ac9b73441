from __future__ import annotations

import pytest

from generator.text.person_names import (
    bare_name,
    middle_initials,
    middle_key,
    name_key,
    plausible_person,
    sound_key,
)


@pytest.mark.parametrize(("name", "bare"), [
    ("Republican Donald Trump", "Donald Trump"),
    ("Democrat Hillary Clinton", "Hillary Clinton"),
    ("Chief Executive Tony Hayward", "Tony Hayward"),
    ("Ted Cruz of Texas", "Ted Cruz"),
    ("Iranian Ali Daei", "Ali Daei"),
    ("Obama's", "Obama"),
    ("Tony Hayward", "Tony Hayward"),
    ("Duke of Edinburgh", "Duke of Edinburgh"),  # nothing before "of" to keep
    ("Green", "Green"),  # a label alone is left to the person test
    ("Democrat Clinton", "Clinton"),
    ("Saudi Arabia", "Saudi Arabia"), ("French President", "French President"),
    ("American Warriors", "American Warriors"),
    # a former office, a rank or an office headline style glues on
    ("Ex-PM Riad Hijab", "Riad Hijab"), ("ex-President Mohamed Morsi", "Mohamed Morsi"),
    ("Major Gregory Stone", "Gregory Stone"), ("Brigadier Murtala Mohammed", "Murtala Mohammed"),
    ("Clerk Michael McSweeney", "Michael McSweeney"), ("John Major", "John Major"),
    ("Ex-Con", "Ex-Con"),
    # a generation after a lone given name leaves the given name; a monarch's number stays
    ("Fred Sr", "Fred"), ("Fred Sr.", "Fred"), ("Elizabeth II", "Elizabeth II"),
    # a nationality noun or another language's honorific is not part of the name
    ("Spaniard Alonso", "Alonso"), ("Briton Lewis Hamilton", "Lewis Hamilton"),
    ("Frau Merkel", "Merkel"), ("Finn Russell", "Finn Russell"), ("Scot Ross", "Scot Ross"),
])
def test_bare_name_drops_labels_home_places_and_possessives(name: str, bare: str) -> None:
    assert bare_name(name) == bare


@pytest.mark.parametrize("name", [
    "The BP", "The", "EDT BENGHAZI", "Hurricane Katrina", "William Sound", "General Motors",
    "Ministry of Defence", "Star Wars", "Gulf of Mexico", "Patriot Act", "Gaza",
    "Mexican Cartel", "Tuesday Obama", "Agent 007", "Transocean Ltd", "Arab Spring", "AP BP",
    "Alawite-dominated Assad", "Department", "Wars", "Motors", "Assembly",
    "Senate Democrats", "Golden State Warriors", "Saudi Arabia",
    # groups: a plural of a creed, a people or a party
    "Roman Catholics", "Young Americans", "Shiite Muslims", "Catholics", "Tories",
    # clubs: a club word, or a surname-like one after a place
    "Manchester United", "Blackburn Rovers", "Arsenal FC", "Manchester City", "United",
    # an acronym as the last word, an order's name
    "Boycott BP", "Executive Order",
    # a sentence's opening preposition before a place
    "Across Syria", "Inside Iraq",
    # a function word past the first word: a sentence, not a name
    "Libya He", "Steyn He", "Purcell And Dryden", "Settle For Hillary", "Ernst & Young",
    "Committee Against House Demolitions",
    # an armed group's or a movement's head word
    "Muslim Brotherhood", "Assault Squadron", "Free Syrian Army Brigade",
    # a place's first word
    "River Volga", "Lake Tahoe", "Mount Everest", "San Antonio", "St Laurence Bible",
    # a broken token: a contraction, a letter lost to a broken encoding
    "I’m Nancy", "Don't Trump", "FranA", "Francois HollandE",
    # a creed or party ends no name, nor does a surname's particle
    "Jerusalem Muslim", "London Conservative", "Azm Al", "Ludwig van",
])
def test_names_that_are_no_person(name: str) -> None:
    assert not plausible_person(name)


@pytest.mark.parametrize("name", [
    "Barack Obama", "George W. Bush", "Bashar al-Assad", "Juan Ramón de la Fuente",
    "Martin Luther King Jr.", "Theresa May", "April Ryan", "Michael Bay", "Al Gore",
    "Osama bin Laden", "Obama", "Ban Ki-moon", "TJ Holmes",
    "Benedict XVI", "Will Artino", "Buckley",
    # surnames that are plural nouns or club words elsewhere
    "Tiger Woods", "Elizabeth Banks", "Chris Evans", "David Villa", "Paul Town",
    "John Paul II",
    # initials, numerals and names in camel case, apostrophes inside
    "Karen A. Smith", "Elizabeth I", "Ralph Abernathy", "Bruce LeVell", "JoAnne Kloppenburg",
    "Martin O’Malley", "Sa'd Hariri", "Christian Wulff", "Bay Buchanan",
])
def test_names_that_can_be_a_person(name: str) -> None:
    assert plausible_person(name)


@pytest.mark.parametrize(("a", "b"), [
    ("George W. Bush", "George Bush"), ("George W Bush", "George Bush"),
    ("Edward J. Markey", "Ed Markey"), ("Edward Markey", "Ed Markey"),
    ("Bashar al-Assad", "Bashar Assad"), ("Richard M. Nixon", "Richard Nixon"),
    ("Martin Luther King Jr.", "Martin King"), ("José Ramos", "Jose Ramos"),
])
def test_one_name_key_for_initials_middle_names_nicknames(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Hillary Clinton", "Bill Clinton"), ("Jeb Bush", "George Bush"),
    ("Mark Kelly", "Mike Kelly"),
])
def test_namesakes_keep_their_keys_apart(a: str, b: str) -> None:
    key_a, key_b = name_key(a), name_key(b)
    assert key_a is not None and key_b is not None
    assert key_a != key_b and sound_key(key_a) != sound_key(key_b)


@pytest.mark.parametrize(("a", "b"), [
    ("Muammar Gaddafi", "Moammar Gadhafi"), ("Musa Ibrahim", "Moussa Ibrahim"),
    ("Muammar Qaddafi", "Muammar Kaddafi"),
])
def test_transliterations_share_a_sound_key(a: str, b: str) -> None:
    key_a, key_b = name_key(a), name_key(b)
    assert key_a is not None and key_b is not None
    assert key_a != key_b and sound_key(key_a) == sound_key(key_b)


def test_one_word_has_no_key() -> None:
    assert name_key("Obama") is None
    assert name_key("W. Obama") is None


def test_a_middle_key_leaves_the_first_given_name_out() -> None:
    assert middle_key("Recep Tayyip Erdogan") == name_key("Tayyip Erdogan")
    assert middle_key("George W. Bush") is None, "an initial is no given name"
    assert middle_key("Tony Hayward") is None


@pytest.mark.parametrize(("name", "initials"), [
    ("George W. Bush", "w"), ("George W Bush", "w"), ("George Walker Bush", "w"),
    ("George H.W. Bush", "hw"), ("George HW Bush", "hw"), ("George Bush", ""),
    ("Saif al-Islam Gadhafi", "i"), ("Joseph R. Biden Jr.", "r"),
])
def test_middle_initials(name: str, initials: str) -> None:
    assert middle_initials(name) == initials
