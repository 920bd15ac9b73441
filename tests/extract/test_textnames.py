"""Tests for extract.textnames: the article's names as speaker attribution sees them."""

from __future__ import annotations

import pytest

from generator.extract.textnames import TextNames


@pytest.mark.parametrize(("name", "expected"), [
    ("Ohio", False),                   # a place
    ("New York-based", False),         # a hyphenated adjective
    ("Hours", False),                  # written in lower case elsewhere in the text
    ("Tad Devine", True),
    ("Norway Fund", True),
])
def test_can_speak(name: str, expected: bool) -> None:
    names = TextNames("Hours went by. Tad Devine waited in Ohio for the hours to pass.", [])
    assert names.can_speak(name) is expected


def test_pronoun_means_the_nearest_fitting_person_who_spoke() -> None:
    text = "Senator John Hale left. Then Corvo said the group would fight on. She "
    names = TextNames(text, [])
    # Corvo's gender is unknown, and Corvo spoke last: the nearest fitting person wins.
    assert names.person_for(len(text) - 4, "f") == "Corvo"
    text = "Senator John Hale left. Then Mary Corvo said the group would fight on. He "
    names = TextNames(text, [])
    assert names.person_for(len(text) - 3, "m") == "John Hale"


def test_new_actor_is_someone_else_who_speaks() -> None:
    text = "“Go,” Ann Lee said. Then Corvo said the group would wait. “Stay.”"
    names = TextNames(text, [(1, 3), (len(text) - 6, len(text) - 1)])
    assert names.new_actor(4, len(text) - 7, "Ann Lee")
    assert not names.new_actor(4, 18, "Ann Lee")


def _speaker_of_last_quote(text: str) -> str | None:
    from generator.extract.quotes import find_quotes
    return find_quotes(text)[-1].speaker


@pytest.mark.parametrize(("text", "expected"), [
    # An organisation named in an appositive, or after "the" or a preposition, is never "he".
    ("Tom Ruiz spoke at noon. Harlow Steel, the region's largest steel company, filed for "
     "bankruptcy in April. “We were promised the bridge by May,” he said.", "Tom Ruiz"),
    ("Ana Perez praised the work of the Lakeside Renewal Project at Vale College. "
     "“It changed the town,” she said.", "Ana Perez"),
    # The speaker an inverted cue names acts ("said Omar Haddad, director of ...").
    ("“We are ready,” said Lia Stone, a pollster.\n\nTurnout will be high, said Omar Haddad, "
     "director of the Delta Polling Institute. “Nobody can call it yet,” he said.",
     "Omar Haddad"),
    # A lone surname the text gives in full elsewhere, even later, acts as a person.
    ("Sasha Kerr lost the case in court. Vlasic, however, could not stop smiling. "
     "“We won,” she said. Petra Vlasic took the case in May.", "Petra Vlasic"),
    # A lone surname described by an appositive acts as a person.
    ("Mayor Ana Silva spoke first. Kowalczyk, a retired nurse, stood up next.\n\n"
     "In her reply, she wrote: “The clinic must stay open for every family here.”",
     "Kowalczyk"),
    # A main-clause subject beats a name in a subordinate clause or an object.
    ("Rita Gomez resigned on Friday after questions about whether Dr. Okafor had misled her. "
     "On radio, she responded by saying, “I have nothing to hide.”", "Rita Gomez"),
    ("Lena Brandt won the district on Friday. The result left Dr. Voss, who had led the "
     "polls, far behind. “We will keep going,” she said.", "Lena Brandt"),
    # Two names joined by a hyphen are a pairing, not one person.
    ("Tennis star Dana Whitfield watched the Lopez-Gray Moreno fight in 1999. "
     "“It was electric,” she said.", "Dana Whitfield"),
    # A name opening its sentence with a long relative clause is its subject.
    ("Jo Marsh spoke first on Monday. “We need more teachers,” Carl Booth said.\n\n"
     "Marsh, a Lakeview Democrat who has been endorsed by both the nurses' union and the "
     "firefighters, made schools his priority. “Every child deserves a classroom,” he said.",
     "Jo Marsh"),
])
def test_pronoun_resolution_patterns(text: str, expected: str) -> None:
    assert _speaker_of_last_quote(text) == expected


def test_a_pronoun_after_an_unnamed_speaker_is_unattributed() -> None:
    text = ("“The market is busy,” said Clara Mendes, a vendor. Nearby, a cashier was upset. "
            "“People are scared,” said the woman, who asked not to be named. "
            "“It is too much,” she said.")
    assert _speaker_of_last_quote(text) is None


def test_a_subordinate_clause_subject_is_not_the_unnamed_crowd_that_speaks() -> None:
    text = ("Mayor Tom Ruiz spoke for an hour. As Ruiz named the budget cuts, the workers "
            "shouted, “Not again!”")
    assert _speaker_of_last_quote(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    # A participle continues the main clause's subject, not a subordinate clause's pronoun.
    ("Senator Jill Park spoke on Friday.\n\nIf he wins the seat, Tom Ruiz has said he would "
     "cut taxes, vowing to “bring back the jobs.”", "Tom Ruiz"),
    # "as X of the Y told ..." makes X the one who speaks after, even after a preposition.
    ("“The plan is fair,” said Mayor Lena Brandt.\n\nHowever, as Bishop Aram Petrosyan of the "
     "Lakeside Diocese told reporters, “We were never asked.” He added, “We will object.”",
     "Aram Petrosyan"),
])
def test_who_acts_across_clauses(text: str, expected: str) -> None:
    assert _speaker_of_last_quote(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A lone surname whose full name the text gives once, even where that name does not act.
    ("“We will win,” said Nora Bell.\n\nThe volunteer told Wendy Okonjo, who answered her door, "
     "about the rally. Okonjo was thrilled by the call. “I am honoured,” she said.",
     "Wendy Okonjo"),
    # A name in apposition to a described subject acts.
    ("“The river is rising,” said Nora Bell.\n\nOne local farmer, Wendy Okonjo, took the mayor "
     "aside after the meeting. “You cannot forget us,” she told him.", "Wendy Okonjo"),
])
def test_names_that_act_without_a_verb_of_their_own(text: str, expected: str) -> None:
    assert _speaker_of_last_quote(text) == expected


def test_a_name_a_relative_clause_makes_act_is_a_referent() -> None:
    text = ("“We will fight,” said Mayor Ana Silva.\n\nAt center stage was the governor's "
            "sister, Wendy Okonjo, who spoke about the flood. “I have seen him work,” she said.")
    assert _speaker_of_last_quote(text) == "Wendy Okonjo"


def test_a_pronoun_after_a_described_person_acting_is_unattributed() -> None:
    text = ("“The plan is fair,” said Ana Silva.\n\nThen one voter brought up the flood. "
            "“Why were we not warned?” she asked.")
    assert _speaker_of_last_quote(text) is None


def test_words_inside_a_quotation_are_no_unnamed_speaker() -> None:
    text = ("Ana Silva spoke for an hour. “Rents are up, and a woman raises three children "
            "alone,” she said. “We will act,” she added.")
    assert _speaker_of_last_quote(text) == "Ana Silva"
