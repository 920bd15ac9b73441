"""Happening: two dated clauses tell one happening when predicate and arguments agree."""

from __future__ import annotations

import pytest

from generator.story import happening


@pytest.mark.parametrize(("first", "second"), [
    ("The spill began.", "The spill began in the Gulf."),
    ("Dr Murray has pleaded not guilty to a charge of involuntary manslaughter.",
     "Murray pleaded not guilty to involuntary manslaughter."),
    ("Last year, the EU banned crude oil imports from Syria.",
     "The EU banned Syrian oil imports."),
    ("The Deepwater Horizon rig exploded, killing 11 workers.",
     "BP's Deepwater Horizon rig exploded and sank."),
    ("Trump designated six Mexican cartels as terrorist organizations.",
     "President Trump designated several cartels as foreign terrorist organizations."),
])
def test_one_act_with_the_same_arguments_is_one_happening(first: str, second: str) -> None:
    assert happening.same_happening(first, second)
    assert happening.same_happening(second, first)


@pytest.mark.parametrize(("first", "second"), [
    # Two verbs: two happenings of the same participants.
    ("Talks began between the two sides.", "Talks ended between the two sides."),
    # One verb, different objects: two signings.
    ("Obama signed an executive order rescinding a 2001 Bush policy.",
     "Obama signed a measure expanding health insurance for children."),
    # One verb, different subjects.
    ("Rebels seized the airport.", "Government troops seized the airport."),
    # Sayings on two days are two sayings, whatever was said.
    ("He said the company would pay.", "He said the company would pay."),
    # A state, not an act.
    ("The rig was a total loss.", "The rig was a total loss."),
    # No verb found: nothing to compare.
    ("The Gulf of Mexico oil spill.", "The Gulf of Mexico oil spill."),
])
def test_other_acts_or_no_act_are_not_one_happening(first: str, second: str) -> None:
    assert not happening.same_happening(first, second)


def test_a_clause_is_read_past_its_opener_and_auxiliaries() -> None:
    clause = happening.read("After two days of talks, the ministers have finally agreed a "
                            "ceasefire, officials said.")
    assert clause.verb == happening.stem("agreed")
    assert clause.subject == {happening.stem("ministers")}
    assert clause.obj == {happening.stem("ceasefire")}


def test_a_pronoun_subject_needs_the_object_to_agree() -> None:
    assert happening.same_happening("He resigned his seat.", "Smith resigned his seat.")
    assert not happening.same_happening("He resigned.", "She resigned.")


@pytest.mark.parametrize(("word", "base"), [
    ("began", "begin"), ("begun", "begin"), ("charged", "charg"), ("charges", "charg"),
    ("stopped", "stop"), ("stops", "stop"), ("carried", "carry"), ("killing", "kil"),
])
def test_stems_map_inflections_to_one_form(word: str, base: str) -> None:
    assert happening.stem(word) == base
