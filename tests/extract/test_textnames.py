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
