"""Lead sentences reduced to their main clause to stand in for a headline."""

from __future__ import annotations

import pytest

from generator.clean import clause


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Rebels seized the airport on Monday.", "Rebels seized the airport on Monday"),
    ("After two days of heavy fighting with government troops around the town, rebel fighters "
     "seized the airport of the northern city on Monday, cutting the army's main supply route "
     "to the coast.",
     "Rebel fighters seized the airport of the northern city on Monday, cutting the army's main "
     "supply route to the coast"),
    ("The Justice Department said on Wednesday it filed a civil lawsuit against BP Plc and "
     "eight other companies over the Gulf oil spill, seeking unspecified damages for the worst "
     "offshore spill in U.S. history.",
     "The Justice Department said on Wednesday it filed a civil lawsuit against BP Plc and "
     "eight other companies over the Gulf oil spill"),
    ("The committee (which met for the first time in a decade in the old chamber of the "
     "parliament building) voted to open an inquiry into the spending of the ministry last year.",
     "The committee voted to open an inquiry into the spending of the ministry last year"),
    ("Marco Rubio, US Secretary of State, has ruled out that the administration will send "
     "forces or take unilateral action as part of the war on drug trafficking.",
     "Marco Rubio has ruled out that the administration will send forces or take "
     "unilateral action as part of the war on drug trafficking"),
])
def test_main_clause(sentence: str, expected: str) -> None:
    assert clause.main_clause(sentence) == expected


def test_one_long_clause_is_cut_as_a_last_resort() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    out = clause.main_clause(words)
    assert out.endswith("…")
    assert len(out.split()) == clause.MAX_WORDS


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A deal to award the city's new stadium to the local football club after the games fell "
     "through on Tuesday with the government saying it had decided to start the process again.",
     "A deal to award the city's new stadium to the local football club after the games fell "
     "through on Tuesday"),
    ("A handful of advocacy groups said on Friday they would spend $2.1 million on television "
     "ads targeting the massive oil spill in the gulf and calling for an end to drilling there.",
     "A handful of advocacy groups said on Friday they would spend $2.1 million on television "
     "ads targeting the massive oil spill in the gulf"),
])
def test_one_long_clause_loses_its_trailing_phrase_not_a_cut(sentence: str,
                                                             expected: str) -> None:
    assert clause.main_clause(sentence) == expected


def test_a_trailing_phrase_cut_never_leaves_a_dangling_word() -> None:
    sentence = ("The minister said that the committee would meet again in the spring to decide "
                "whether the plan for the new bridge over the river should go ahead as drawn up "
                "by the engineers of the city council.")
    out = clause.main_clause(sentence)
    assert out.split()[-1].lower() not in {"the", "of", "to", "said", "that", "a"}
    assert len(out.split()) <= clause.MAX_WORDS


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The crowd surged at the mayor as he walked out of the city's old town hall, waving "
     "banners at him and chanting in French, “resign” and “shame.”",
     "The crowd surged at the mayor as he walked out of the city's old town hall"),
])
def test_a_trailing_participle_phrase_goes(sentence: str, expected: str) -> None:
    assert clause.main_clause(sentence) == expected


@pytest.mark.parametrize("tail", [", Beijing said", ", something else", ", Nothing Hill"])
def test_names_and_pronouns_ending_in_ing_open_no_phrase(tail: str) -> None:
    assert clause._TRAILING.search(tail) is None
