"""Boilerplate rules, each on realistic snippets of several outlets' shapes."""

from __future__ import annotations

import pytest

from generator.clean import boilerplate as bp


@pytest.mark.parametrize(("line", "expected"), [
    ("20 COMMENTS", True),
    ("1 comment", True),
    ("Comments (3)", True),
    ("View all 112 comments", True),
    ("Leave a comment", True),
    ("Join the conversation", True),
    ("Comments are closed.", True),
    ("The bill drew 20 comments from lawmakers before the vote.", False),
    ("Comments from the minister angered the union.", False),
])
def test_is_comment_counter(line: str, expected: bool) -> None:
    assert bp.is_comment_counter(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Have something to say? Members get all access to make & read comments.", True),
    ("Subscribe now for unlimited digital access.", True),
    ("Already a subscriber? Log in to continue reading.", True),
    ("This article is only available to subscribers.", True),
    ("Sign up for our free morning newsletter.", True),
    ("Continue reading the main story", True),
    ("Support independent journalism: become a member today.", True),
    ("The streaming service lost a million subscribers in the quarter, it said on Tuesday.",
     False),
    ("Readers who subscribe to the paper pay $4 a week, up from $3 last year, the publisher said.",
     False),
])
def test_is_subscription_prompt(line: str, expected: bool) -> None:
    assert bp.is_subscription_prompt(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("BY: 5 min read", True),
    ("4 min read", True),
    ("Reading time: 3 minutes", True),
    ("By Jane Doe", True),
    ("By JANE DOE and Juan Pérez | Reuters", True),
    ("Written by Amira Hassan", True),
    ("By the end of the year, prices had doubled.", False),
    ("By Tuesday, officials had agreed on a plan.", False),
    ("By then the storm had passed", False),
])
def test_is_byline(line: str, expected: bool) -> None:
    assert bp.is_byline(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("By Jane Doe and John Roe | Reuters", "Jane Doe and John Roe"),
    ("By: Amira Hassan, Staff Writer", "Amira Hassan, Staff Writer"),
    ("By the end of the day", None),
])
def test_byline_names(line: str, expected: str | None) -> None:
    assert bp.byline_names(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Featured image for: Storm batters the coast", True),
    ("Image for Storm batters the coast", True),
    ("Photo: Juan Pérez/Reuters", True),
    ("Photograph: Alamy", True),
    ("(Getty Images)", True),
    ("AP Photo/Evan Vucci", True),
    ("3 of 12", True),
    ("Photo of the suspect's car was released by police on Monday.", False),
    ("Image rights were at the heart of the lawsuit, the court heard.", False),
])
def test_is_image_label(line: str, expected: bool) -> None:
    assert bp.is_image_label(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("For more background, see our coverage of the 2024 election.", True),
    ("Read more: Ferry fares to rise in spring", True),
    ("RELATED: Ten things to know about the budget", True),
    ("Click here to watch the full interview.", True),
    ("Listen to this article", True),
    ("Follow AP’s coverage of Congress at https://apnews.example/hub/congress.", True),
    ("Follow us on Instagram", True),
    ("Share this article", True),
    ("Tweet | Email | Print", True),
    ("Investigators read our messages, the activist claimed.", False),
    ("Related parties must disclose their holdings, the regulator said.", False),
])
def test_is_promo(line: str, expected: bool) -> None:
    assert bp.is_promo(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("BETA Version - Powered by SearchCo", True),
    ("Advertisement", True),
    ("Skip to main content", True),
    ("We use cookies to improve your experience.", True),
    ("© 2025 Valley Gazette. All rights reserved.", True),
    ("Copyright 2025 The Associated Press. All rights reserved. This material may not be "
     "published, broadcast, rewritten or redistributed.", True),
    ("Copyright infringement cases rose sharply last year, the report said.", False),
    ("The plant is powered by coal and supplies half the region's electricity, officials say.",
     False),
])
def test_is_banner(line: str, expected: bool) -> None:
    assert bp.is_banner(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("___", True), ("* * *", True), ("—", True), ("...", True), ("2025", False), ("A", False),
])
def test_is_separator(line: str, expected: bool) -> None:
    assert bp.is_separator(line) is expected


def test_line_rule_names_the_rule() -> None:
    assert bp.line_rule("3 Comments") == "comment counter"
    assert bp.line_rule("The council met on Monday.") is None
    assert bp.line_rule("") is None
