"""Tense cues around a temporal expression: a table of sentences and the expected tense."""

from __future__ import annotations

import pytest

from generator.timex.tense import sentence_bounds, tense_at

CASES = [
    # (sentence, expression inside it, expected tense)
    ("New Zealand said Friday that it backed the strikes.", "Friday", "past"),
    ("The decision was announced Wednesday by the agency.", "Wednesday", "past"),
    ("The summit will be held in February.", "February", "future"),
    ("Protesters were planning to drive to the airport on Monday.", "Monday", "future"),
    ("The ministers will meet Friday, officials said.", "Friday", "future"),
    ("The group might come to the U.S. as soon as Tuesday.", "Tuesday", "future"),
    ("The talks collapsed on Tuesday.", "Tuesday", "past"),
    ("People were wounded in the blasts next to the embassies on Friday.", "Friday", "past"),
    ("On Tuesday, the league meets its members.", "Tuesday", None),
]


@pytest.mark.parametrize(("sentence", "expression", "expected"), CASES)
def test_tense_at(sentence: str, expression: str, expected: str | None) -> None:
    start = sentence.index(expression)
    assert tense_at(sentence, start, start + len(expression)) == expected


def test_only_the_expression_sentence_counts() -> None:
    text = "The vote was held in May. The next one will come in June."
    start = text.index("June")
    assert tense_at(text, start, start + 4) == "future"
    left, right = sentence_bounds(text, start, start + 4)
    assert text[left:right].startswith("The next one")
