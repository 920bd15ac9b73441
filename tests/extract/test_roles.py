"""Tests for extract.roles: the speaker's role as the text gives it."""

from __future__ import annotations

import pytest

from generator.extract.roles import role_of, title_role


@pytest.mark.parametrize(("phrase", "expected"), [
    ("State Department spokesman ", "State Department spokesman"),
    ("the party's chairman", "party's chairman"),
    ("a lawyer for the clinic", "lawyer for the clinic"),
    ("who has campaigned for the party since February", None),
    ("on Friday", None),
    ("", None),
    (None, None),
    ("a former senior adviser to the governor of a very large and populous state", None),
    ("Mr.", None),  # an honorific is no role
])
def test_role_of(phrase: str | None, expected: str | None) -> None:
    assert role_of(phrase) == expected


def test_title_role_reads_the_words_before_the_name() -> None:
    assert title_role("Texas Rep. Mike McCaul", "Mike McCaul") == "Texas Rep."
    assert title_role("Rep. McCaul", "Mike McCaul") == "Rep."
    assert title_role("McCaul", "Mike McCaul") is None
    assert title_role("Rev. Al Sharpton", "Sharpton") == "Rev."
